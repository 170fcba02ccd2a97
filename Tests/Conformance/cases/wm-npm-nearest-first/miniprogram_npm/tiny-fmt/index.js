module.exports = { name: 'root tiny-fmt', pad: (s) => '[' + s + ']' };
