const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import { fail } from '../../utils/thrower';
Page({ onLoad() { try { fail() } catch (e) { L('stack: ' + e.stack) } } })
