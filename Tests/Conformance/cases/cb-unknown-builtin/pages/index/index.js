const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
behaviors: ['wx://no-such'],
methods: { onLoad() { L('CB-14 ran') } }
})
