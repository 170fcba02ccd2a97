const a = require('./index'); exports.seen = a.early + '/' + a.late;
