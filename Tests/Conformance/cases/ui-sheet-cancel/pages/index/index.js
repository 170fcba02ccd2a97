const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const ui = (api, o) => new Promise((ok) => mp[api](Object.assign({}, o, { success: ok, fail: ok })));
const r = await ui('showActionSheet', { itemList: ['Share', 'Delete'] }); L('UI-4 ' + r.errCode + ' ' + r.errMsg + ' ' + r.tapIndex)
})().catch((e) => console.log("case threw: " + e)) } })
