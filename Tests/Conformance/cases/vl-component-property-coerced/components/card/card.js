const L = (...a) => console.log(...a);
Component({
properties: { count: Number },
lifetimes: { attached() { L('VL-16 ' + typeof this.data.count) } }
})
