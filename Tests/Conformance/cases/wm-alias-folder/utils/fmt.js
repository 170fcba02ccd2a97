module.exports = 'fmt';
