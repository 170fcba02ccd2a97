module.exports = { name: 'pages tiny-fmt' };
