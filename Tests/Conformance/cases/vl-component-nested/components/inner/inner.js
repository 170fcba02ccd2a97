const L = (...a) => console.log(...a);
Component({
properties: { label: String }
})
