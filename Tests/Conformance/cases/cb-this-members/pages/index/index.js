const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
properties: { p: String },
methods: { onLoad() { L('CB-8 ' + this.is + ' [' + this.id + '] ' + JSON.stringify(this.dataset) + ' ' + (this.properties === this.data) + ' ' + this.properties.p) } }
})
