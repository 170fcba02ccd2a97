module.exports = 'secret';
