const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const ui = (api, o) => new Promise((ok) => wx[api](Object.assign({}, o, { success: ok, fail: ok })));
const r = await ui('navigateTo', { url: '/pages/cart/cart' }); L('UI-5 ' + r.errCode + ' ' + r.errMsg)
})().catch((e) => console.log("case threw: " + e)) } })
