const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const o = { v: 1 }; const p = mp.setStorage({ key: 'c', data: o }); o.v = 2; await p; L('AR-1 copy ' + (await mp.getStorage({ key: 'c' })).data.v)
})().catch((e) => console.log("case threw: " + e)) } })
