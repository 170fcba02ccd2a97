const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({
data: { list: [{ id: 'a' }, { id: 'b' }] },
reverse() { this.setData({ list: this.data.list.slice().reverse() }) },
onSubmit(e) { L('VL-4 ' + JSON.stringify(e.detail.value)) }
})
