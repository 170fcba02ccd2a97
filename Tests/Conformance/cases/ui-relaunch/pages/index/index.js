const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const ui = (api, o) => new Promise((ok) => wx[api](Object.assign({}, o, { success: ok, fail: ok })));
await ui('switchTab', { url: '/pages/cart/cart' }); const r = await ui('reLaunch', { url: '/pages/item/item?x=1' }); L('UI-5 ' + r.errMsg); L('stack ' + getCurrentPages().map((p) => p.route.split('/')[1]).join(','))
})().catch((e) => console.log("case threw: " + e)) } })
