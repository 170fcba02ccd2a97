const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
const inner = require('../../behaviors/inner');
const outer = require('../../behaviors/outer');
const second = require('../../behaviors/second');
Component({
behaviors: [inner, outer, inner],
created() { L('component.created') }
})
