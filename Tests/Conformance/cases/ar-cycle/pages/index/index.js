const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const o = { items: [1, 2, 3, {}] }; o.items[3].self = o; try { const r = await (mp.setStorage({ key: 'c', data: o })); L('AR-4 ok ' + r.errMsg) } catch (e) { E('AR-4', e) }

})().catch((e) => console.log("case threw: " + e)) } })
