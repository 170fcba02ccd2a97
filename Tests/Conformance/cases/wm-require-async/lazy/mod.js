module.exports = { v: 'lazy' };
