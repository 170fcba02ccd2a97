global.n = (global.n || 0) + 1; module.exports = { n: global.n };
