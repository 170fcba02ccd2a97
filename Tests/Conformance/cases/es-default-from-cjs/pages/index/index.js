const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import greet from '../../utils/cjs-fn';
Page({ onLoad() { L('ES-2 ' + greet('ann') + ' ' + greet.extra) } })
