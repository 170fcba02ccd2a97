const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
const outer = require('../../behaviors/outer');
Page({ behaviors: [outer], onLoad() { L('CB-12 ' + this.data.who + ' ' + this.m()) } })
