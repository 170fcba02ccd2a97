const L = (...a) => console.log(...a);
Component({
properties: { userName: String, count: { type: Number, value: 0, observer(v, old) { L('observer ' + old + '->' + v) } } }
})
