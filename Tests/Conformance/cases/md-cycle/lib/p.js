exports.early = 'p-early'; const q = require('./q'); exports.late = 'p-late'; exports.fromQ = q.seen;
