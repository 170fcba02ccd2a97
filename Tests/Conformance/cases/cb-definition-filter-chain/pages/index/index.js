const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
const d = require('../../behaviors/derived');
Component({
behaviors: [d],
methods: { onLoad() { L('CB-15 ' + this.data.base) } }
})
