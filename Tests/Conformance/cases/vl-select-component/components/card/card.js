const L = (...a) => console.log(...a);
Component({
data: { v: 'd' },
methods: { hello() { return 'hi' } }
})
