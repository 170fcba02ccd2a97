const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const ui = (api, o) => new Promise((ok) => wx[api](Object.assign({}, o, { success: ok, fail: ok })));
await ui('navigateTo', { url: '/pages/item/item' }); L('stack ' + getCurrentPages().map((p) => p.route.split('/')[1]).join(',')); const r = await ui('switchTab', { url: '/pages/cart/cart' }); L('UI-5 ' + r.errMsg); L('stack ' + getCurrentPages().map((p) => p.route.split('/')[1]).join(','))
})().catch((e) => console.log("case threw: " + e)) } })
