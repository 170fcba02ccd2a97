const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
lifetimes: { attached() { L('lifetimes.attached') } },
attached() { L('top attached') },
created() { L('top created') },
methods: { onLoad() { L('onLoad') } }
})
