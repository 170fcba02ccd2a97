const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
properties: { v: { type: Number, optionalTypes: [String], value: 1 } },
methods: { onLoad() { this.setData({ v: 'abc' }); const a = this.data.v; this.setData({ v: 5 }); L('CB-2 ' + a + ' ' + typeof this.data.v) } }
})
