const L = (...a) => console.log(...a);
Component({
options: { multipleSlots: true }
})
