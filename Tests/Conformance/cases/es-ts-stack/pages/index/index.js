const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import { boom } from '../../utils/boom';
Page({ onLoad() { try { boom({ reason: 'r' }) } catch (e) { L('stack: ' + e.stack) } } })
