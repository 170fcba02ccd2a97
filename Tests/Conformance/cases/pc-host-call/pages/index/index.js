const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
data: { n: 1 },
methods: { bump(arg) { this.setData({ n: this.data.n + arg.by }); L('PC-3 ' + this.data.n) } }
})
