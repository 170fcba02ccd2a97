const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
properties: { n: Number, s: String, flag: Boolean, other: String },
methods: { onLoad(q) { L('PC-2 ' + typeof this.data.n + ' ' + this.data.n + ' ' + this.data.s + ' ' + this.data.flag + ' [' + this.data.other + '] ' + Object.keys(q).sort().map((k) => k + '=' + typeof q[k]).join('&')) } }
})
