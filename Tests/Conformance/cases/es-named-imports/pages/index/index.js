const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import { answer, twice } from '../../utils/named';
Page({ onLoad() { L('ES-1 ' + answer + ' ' + twice(4)) } })
