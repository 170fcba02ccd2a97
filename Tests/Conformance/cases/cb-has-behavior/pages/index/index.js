const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
const inner = require('../../behaviors/inner');
const lone = Behavior({});
const outer = require('../../behaviors/outer');
const second = require('../../behaviors/second');
Component({
behaviors: [outer],
methods: { onLoad() { L('CB-12 ' + this.hasBehavior(outer) + ' ' + this.hasBehavior(inner) + ' ' + this.hasBehavior(lone)) } }
})
