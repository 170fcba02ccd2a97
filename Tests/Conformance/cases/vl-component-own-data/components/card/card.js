const L = (...a) => console.log(...a);
Component({
data: { mine: 'own' }
})
