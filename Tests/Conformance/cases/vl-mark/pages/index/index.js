const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
bindViewTap(e) { L('view ' + JSON.stringify(e.mark, Object.keys(e.mark).sort())) },
bindButtonTap(e) { L('button ' + JSON.stringify(e.mark, Object.keys(e.mark).sort())) }
})
