const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
properties: { list: { type: Array, value: [1, 2] }, title: { type: String, value: 'hi' } },
methods: { onLoad() { this.data.list.push(3); L('CB-1 ' + this.data.title + ' ' + this.data.list.length) } }
})
