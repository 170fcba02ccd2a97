const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import { viaB } from '../../lib/a';
Page({ onLoad() { L('WM-8 ' + viaB()) } })
