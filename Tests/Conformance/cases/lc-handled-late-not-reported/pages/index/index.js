const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const p = Promise.reject(new Error('x')); p.catch(() => L('caught'))
} })
