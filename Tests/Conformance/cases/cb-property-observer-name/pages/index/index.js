const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
properties: { s: { type: String, observer: '_changed' } },
methods: { _changed(v) { L('CB-3 by name ' + v) }, onLoad() { this.setData({ s: 'x' }) } }
})
