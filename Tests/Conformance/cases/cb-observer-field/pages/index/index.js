const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
data: { a: 1, b: 2, obj: { x: 1, y: { z: 1 } }, list: [0, 0, 0] },
observers: { a(v) { L('a=' + v) } },
methods: { onLoad() { this.setData({ a: 5 }); this.setData({ b: 6 }) } }
})
