const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
behaviors: ['wx://form-field'],
methods: { onLoad() { L('CB-14 [' + this.data.name + '] ' + this.hasBehavior('wx://form-field')) } }
})
