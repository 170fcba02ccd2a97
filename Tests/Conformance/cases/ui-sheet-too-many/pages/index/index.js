const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const ui = (api, o) => new Promise((ok) => mp[api](Object.assign({}, o, { success: ok, fail: ok })));
const r = await ui('showActionSheet', { itemList: ['1', '2', '3', '4', '5', '6', '7'] }); L('UI-2 ' + r.errCode + ' ' + r.errMsg)
})().catch((e) => console.log("case threw: " + e)) } })
