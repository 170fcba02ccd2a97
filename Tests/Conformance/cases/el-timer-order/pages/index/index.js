const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
setTimeout(() => L('t30'), 30); setTimeout(() => L('t0a'), 0); setTimeout(() => L('t10'), 10); setTimeout(() => L('t0b'), 0)
} })
