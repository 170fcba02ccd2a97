const L = (...a) => console.log(...a);
Component({

})
