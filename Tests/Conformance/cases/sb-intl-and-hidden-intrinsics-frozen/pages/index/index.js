const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const set = (o, k) => () => Object.defineProperty(o, k, { value: 'x' });
const tries = [set(Intl.NumberFormat.prototype, 'format'), set(Object.getPrototypeOf(Object.getPrototypeOf((async function* () {})())), 'x'),
  set(Object.getPrototypeOf(Iterator.prototype.map.call([].values(), (x) => x)), 'next')];
L('SB-14 ' + tries.map((t) => { try { t(); return 'open' } catch (e) { return e.name } }).join(','))
} })
