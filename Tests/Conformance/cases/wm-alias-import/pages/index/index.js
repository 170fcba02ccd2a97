const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import { fmt } from '@utils/fmt';
Page({ onLoad() { L('WM-3 ' + fmt('a')) } })
