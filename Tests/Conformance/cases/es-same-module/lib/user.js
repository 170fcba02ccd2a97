const m = require('./once');
module.exports = m.n;
