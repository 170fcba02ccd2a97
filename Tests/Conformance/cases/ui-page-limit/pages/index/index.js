const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const ui = (api, o) => new Promise((ok) => wx[api](Object.assign({}, o, { success: ok, fail: ok })));
let r; for (let i = 0; i < 10; i++) r = await ui('navigateTo', { url: '/pages/item/item?n=' + i }); L('UI-5 ' + r.errCode + ' ' + r.errMsg); L('depth ' + getCurrentPages().length)
})().catch((e) => console.log("case threw: " + e)) } })
