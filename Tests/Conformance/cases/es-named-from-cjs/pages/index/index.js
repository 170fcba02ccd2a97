const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import { k } from '../../utils/cjs-obj';
Page({ onLoad() { L('ES-2 ' + k) } })
