const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import { n } from '../../lib/once';
import u from '../../lib/user';
Page({ onLoad() { L('ES-3 ' + n + ' ' + u + ' ' + global.loads) } })
