module.exports = 'vendor';
