const L = (...a) => console.log(...a);
Component({
methods: { fire(o) { this.triggerEvent('ping', { n: 1 }, o || {}) } }
})
