const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import { answer, fromCjs } from '../../utils/index';
Page({ onLoad() { L('ES-1 ' + answer + ' ' + fromCjs) } })
