const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
queueMicrotask(() => L('q1')); Promise.resolve().then(() => L('p1')); queueMicrotask(() => L('q2'))
} })
