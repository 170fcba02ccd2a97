const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const req = (o) => new Promise((ok) => mp.request(Object.assign({}, o, { success: ok, fail: ok })));
const r = await req({ url: 'https://api.example.com/orders', method: 'POST', data: { a: 1 } }); L('NW-3 ' + r.statusCode + ' ' + r.data)
})().catch((e) => console.log("case threw: " + e)) } })
