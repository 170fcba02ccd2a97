const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr' } } class A extends Array {} L('SB-4 ' + new MyErr('x').name + ' ' + (new A() instanceof Array))
} })
