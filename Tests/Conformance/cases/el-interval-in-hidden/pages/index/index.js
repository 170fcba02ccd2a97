const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onHide() { setTimeout(() => console.log('timer while hidden'), 5) } })
