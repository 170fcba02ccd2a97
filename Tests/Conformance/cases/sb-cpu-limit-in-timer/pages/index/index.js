const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
setTimeout(() => { for (;;) {} }, 0); setTimeout(() => L('SB-6 next timer'), 20)
} })
