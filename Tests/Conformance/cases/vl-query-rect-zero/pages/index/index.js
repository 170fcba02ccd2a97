const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
onReady() { this.createSelectorQuery().select('#a').boundingClientRect().exec((r) => { const b = r[0]; L('VL-25 ' + [b.id, b.left, b.top, b.right, b.bottom, b.width, b.height].join(',')) }) }
})
