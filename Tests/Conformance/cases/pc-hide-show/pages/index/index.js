const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
methods: { onHide() { L('page.onHide') }, onShow() { L('page.onShow') } }
})
