const L = (...a) => console.log(...a);
Component({
externalClasses: ['my-class', 'title-class']
})
