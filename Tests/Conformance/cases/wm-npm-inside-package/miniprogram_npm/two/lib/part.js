module.exports = 'part';
