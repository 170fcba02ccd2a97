const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
properties: { n: Number },
observers: { n(v) { L('observer n=' + v) } },
methods: { onLoad() { L('onLoad n=' + this.data.n) } }
})
