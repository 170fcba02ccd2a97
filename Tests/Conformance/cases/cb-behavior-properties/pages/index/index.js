const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
const p = require('../../behaviors/p');
Component({
behaviors: [p],
properties: { label: { type: String, value: 'own' } },
methods: { onLoad() { L('CB-12 ' + this.data.size + ' ' + this.data.label) } }
})
