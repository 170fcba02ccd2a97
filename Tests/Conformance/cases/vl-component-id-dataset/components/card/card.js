const L = (...a) => console.log(...a);
Component({
lifetimes: { attached() { L('VL-16 ' + this.id + ' ' + JSON.stringify(this.dataset)) } }
})
