const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
methods: { onLoad() { L('PC-3 ' + this.route + ' ' + JSON.stringify(this.options)) } }
})
