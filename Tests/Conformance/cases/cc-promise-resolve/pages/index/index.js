const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const p = mp.setStorage({ key: 'k', data: 2 }); L('promise ' + (p instanceof Promise)); p.then((r) => L('resolved ' + r.errMsg))
} })
