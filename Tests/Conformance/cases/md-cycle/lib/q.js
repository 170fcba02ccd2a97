const p = require('./p'); exports.seen = String(p.early) + '/' + String(p.late);
