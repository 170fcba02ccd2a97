const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
data: { v: 0 },
lifetimes: { created() { this.setData({ v: 1 }) }, attached() { this.setData({ w: 2 }) } },
methods: { onLoad() { L('CB-5 ' + this.data.w) } }
})
