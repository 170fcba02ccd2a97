const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
properties: { s: String, n: Number, b: Boolean, a: Array, o: Object, any: null },
methods: { onLoad() { L('CB-1 ' + JSON.stringify(this.data)) } }
})
