const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
data: { a: 1, b: 2, obj: { x: 1, y: { z: 1 } }, list: [0, 0, 0] },
observers: { 'list[1]'(v) { L('list[1]=' + v) } },
methods: { onLoad() { this.setData({ 'list[1]': 7 }); this.setData({ 'list[2]': 8 }) } }
})
