const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { msg: 'kept' },
poke() { this.data.msg = 'changed'; L('logic ' + this.data.msg) }
})
