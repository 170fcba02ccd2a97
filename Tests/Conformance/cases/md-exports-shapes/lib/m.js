module.exports.kind = typeof module + ' ' + typeof exports + ' ' + typeof require;
