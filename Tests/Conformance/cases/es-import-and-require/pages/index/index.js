const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import { answer } from '../../utils/named';
const greet = require('../../utils/cjs-fn');
Page({ onLoad() { L('ES-2 ' + greet(answer)) } })
