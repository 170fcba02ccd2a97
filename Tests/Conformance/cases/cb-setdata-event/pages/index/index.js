const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
data: { n: 0 },
methods: { onLoad() { this.setData({ n: 1, 'o.k': 'v' }, () => L('CB-9 callback ' + this.data.n)) } }
})
