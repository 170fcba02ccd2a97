const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
const outer = require('../../behaviors/outer');
const second = require('../../behaviors/second');
Component({
behaviors: [outer, second],
data: { who: 'component' },
methods: { onLoad() { L('CB-12 ' + this.data.who) } }
})
