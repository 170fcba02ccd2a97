const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
properties: { p: { type: Number, observer() { L('property observer') } } },
observers: { p() { L('data observer') } },
methods: { onLoad() { this.setData({ p: 9 }) } }
})
