const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
data: { v: 3 },
methods: { tap(arg) { L('CB-7 ' + this.data.v + ' ' + JSON.stringify(arg) + ' ' + this.helper()) }, helper() { return 'h' } }
})
