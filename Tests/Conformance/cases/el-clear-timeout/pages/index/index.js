const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const id = setTimeout(() => L('fired'), 5); clearTimeout(id); setTimeout(() => L('done'), 20)
} })
