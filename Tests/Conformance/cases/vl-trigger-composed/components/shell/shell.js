const L = (...a) => console.log(...a);
Component({
methods: { shellSaw() { L('shell saw') }, fire(o) { this.selectComponent('#inner-e').fire(o) } }
})
