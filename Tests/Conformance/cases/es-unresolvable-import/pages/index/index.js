const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import { x } from '../../utils/nowhere';
Page({ onLoad() { L('ran ' + x) } })
