const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import Counter from '../../lib/counter';
Page({ onLoad() { const c = new Counter(); c.inc(); L('ES-1 ' + c.inc()) } })
