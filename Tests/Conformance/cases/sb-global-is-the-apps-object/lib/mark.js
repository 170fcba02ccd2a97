global.marks = (global.marks || 0) + 1; module.exports = global;
