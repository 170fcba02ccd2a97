const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
lifetimes: { created() { L('c.created') }, attached() { L('c.attached') }, ready() { L('c.ready') }, detached() { L('c.detached') } },
pageLifetimes: { show() { L('pl.show') } },
methods: { onLoad() { L('onLoad') }, onShow() { L('onShow') }, onReady() { L('onReady') } }
})
