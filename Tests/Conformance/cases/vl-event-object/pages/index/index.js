const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
show(e) { L('VL-11 ' + [e.type, typeof e.timeStamp, e.target.id, JSON.stringify(e.target.dataset), e.currentTarget.id,
  JSON.stringify(e.currentTarget.dataset), JSON.stringify(e.detail), e.touches.length, e.changedTouches.length,
  typeof e.touches[0].clientX].join(' ')) }
})
