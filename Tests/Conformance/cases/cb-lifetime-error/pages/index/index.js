const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
data: { a: 0 },
observers: { a() { throw new Error('observer broke') } },
lifetimes: { error(e) { L('lifetime error ' + e.message) } },
methods: { onLoad() { this.setData({ a: 1 }); L('after') } }
})
