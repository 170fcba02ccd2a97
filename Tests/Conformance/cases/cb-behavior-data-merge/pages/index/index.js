const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
const outer = require('../../behaviors/outer');
const second = require('../../behaviors/second');
Component({
behaviors: [outer, second],
data: { shared: { own: 1 } },
methods: { onLoad() { L('CB-12 ' + this.data.who + ' ' + JSON.stringify(this.data.shared)) } }
})
