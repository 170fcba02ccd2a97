const L = (...a) => console.log(...a);
Component({
lifetimes: { ready() { this.createSelectorQuery().selectAll('.in').fields({ id: true }).exec((r) => L('VL-25 ' + JSON.stringify(r[0]))) } }
})
