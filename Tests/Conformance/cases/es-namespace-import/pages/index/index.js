const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import * as ns from '../../utils/named';
Page({ onLoad() { L('ES-1 ' + ns.answer + ' ' + ns.default + ' ' + typeof ns.twice) } })
