const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
pageLifetimes: { show() { L('pl.show') }, hide() { L('pl.hide') } },
methods: { onShow() { L('onShow') }, onHide() { L('onHide') } }
})
