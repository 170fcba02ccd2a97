exports.early = 'early'; const b = require('./b'); exports.late = 'late'; exports.seen = b.seen;
