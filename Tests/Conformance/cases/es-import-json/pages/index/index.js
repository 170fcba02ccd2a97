const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
import conf from '../../data/conf.json';
Page({ onLoad() { L('ES-2 ' + conf.theme) } })
