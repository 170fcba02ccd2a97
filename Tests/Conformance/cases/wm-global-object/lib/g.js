module.exports = global.shared + ' seen by lib';
