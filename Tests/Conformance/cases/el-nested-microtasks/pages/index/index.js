const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
setTimeout(() => L('task'), 0); Promise.resolve().then(() => Promise.resolve().then(() => queueMicrotask(() => L('deep micro'))))
} })
