const L = (...a) => console.log(...a);
Component({
data: { v: 1 },
methods: { bump() { this.setData({ v: this.data.v + 1 }) } }
})
