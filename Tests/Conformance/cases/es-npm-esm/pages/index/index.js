const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import hello, { v } from 'esm-pkg';
Page({ onLoad() { L('ES-2 ' + hello() + ' ' + v) } })
