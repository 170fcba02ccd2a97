const L = (...a) => console.log(...a);
Component({
properties: { name: String },
lifetimes: { detached() { L('detached ' + this.data.name) } }
})
