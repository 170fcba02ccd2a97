module.exports = 'only-root';
