const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
properties: { n: { type: Number, value: 1, observer(nv, ov) { L('CB-3 ' + ov + '->' + nv) } } },
methods: { onLoad() { this.setData({ n: 2 }); this.setData({ n: 2 }); this.setData({ n: 3 }) } }
})
