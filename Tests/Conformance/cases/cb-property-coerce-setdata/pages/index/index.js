const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
properties: { n: Number, s: String, b: Boolean },
methods: { onLoad() { this.setData({ n: '7', s: 5, b: 'yes' }); L('CB-2 ' + typeof this.data.n + ' ' + typeof this.data.s + ' ' + this.data.b) } }
})
