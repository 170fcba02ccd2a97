const L = (...a) => console.log(...a);
Component({
methods: { buy(e) { L('component buy ' + this.is + ' ' + e.currentTarget.dataset.x) } }
})
