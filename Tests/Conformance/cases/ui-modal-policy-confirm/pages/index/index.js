const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const r = await mp.showModal({ title: 'Delete?', content: 'It cannot be undone' }); L('UI-3 ' + r.errMsg + ' ' + r.confirm + ' ' + r.cancel)
})().catch((e) => console.log("case threw: " + e)) } })
