const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const r = await mp.showModal({ title: 'Name', editable: true }); L('UI-3 ' + r.cancel + ' [' + r.content + ']')
})().catch((e) => console.log("case threw: " + e)) } })
