const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
behaviors: ['wx://component-export'],
export() { return { api: 1 } },
methods: { onLoad() { L('CB-14 ' + this.hasBehavior('wx://component-export')) } }
})
