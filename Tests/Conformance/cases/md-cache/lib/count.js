globalThis.__n = (globalThis.__n || 0) + 1; module.exports = { n: globalThis.__n };
