exports.name = 'a'; exports.b = require('./b').name;
