module.exports = require('./lib/part') + '+index';
