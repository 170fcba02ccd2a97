const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Component({
options: { pureDataPattern: /^_/ },
methods: { onLoad() { this.setData({ _secret: 1, shown: 2 }); L('CB-9 ' + this.data._secret) } }
})
