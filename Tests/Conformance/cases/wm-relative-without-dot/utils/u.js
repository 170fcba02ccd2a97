module.exports = 'u';
