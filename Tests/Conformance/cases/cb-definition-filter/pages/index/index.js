const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
const f = require('../../behaviors/f');
Component({
behaviors: [f],
methods: { onLoad() { L('CB-15 ' + this.added() + ' ' + this.data.fromFilter) } }
})
