const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import { f } from '../../utils/bad';
Page({ onLoad() { L('ran') } })
