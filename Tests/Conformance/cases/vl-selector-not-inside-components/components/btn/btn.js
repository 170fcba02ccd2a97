const L = (...a) => console.log(...a);
Component({
methods: { buy() { L('bought') } }
})
