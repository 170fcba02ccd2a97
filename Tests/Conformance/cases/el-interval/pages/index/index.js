const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
let n = 0; const id = setInterval(() => { n++; if (n === 3) { clearInterval(id); L('EL-3 ' + n) } }, 5)
} })
