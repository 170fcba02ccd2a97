const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
properties: { n: Number, a: Array },
methods: { onLoad() { this.setData({ n: 'abc', a: 'not a list' }); L('CB-2 ' + this.data.n + ' ' + JSON.stringify(this.data.a)) } }
})
