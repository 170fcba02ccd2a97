module.exports = Behavior({ definitionFilter(defFields) { defFields.data = Object.assign({}, defFields.data, { base: 'ran' }) } });
