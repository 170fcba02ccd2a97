const base = require('./base');
module.exports = Behavior({ behaviors: [base],
  definitionFilter(defFields, filters) { console.log('filters ' + filters.length); filters.forEach((f) => f(defFields)) } });
