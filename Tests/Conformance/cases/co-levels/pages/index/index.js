const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
console.log('l'); console.info('i'); console.warn('w'); console.error('e'); console.debug('d')
} })
