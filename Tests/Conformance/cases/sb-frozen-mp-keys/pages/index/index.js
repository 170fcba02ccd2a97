const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
'use strict'; try { delete mp.getStorage } catch (e) {} try { mp.spy = 1 } catch (e) {} L('SB-3 ' + typeof mp.getStorage + ' ' + typeof mp.spy)
} })
