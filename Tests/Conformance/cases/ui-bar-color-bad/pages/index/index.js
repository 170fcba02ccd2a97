const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const ui = (api, o) => new Promise((ok) => mp[api](Object.assign({}, o, { success: ok, fail: ok })));
const r = await ui('setNavigationBarColor', { frontColor: '#000000', backgroundColor: 'red' }); L('UI-2 ' + r.errCode + ' ' + r.errMsg)
})().catch((e) => console.log("case threw: " + e)) } })
