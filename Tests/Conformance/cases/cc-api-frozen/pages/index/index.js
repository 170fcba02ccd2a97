const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
'use strict'; const orig = mp.getStorageSync; try { mp.getStorageSync = () => 'spy' } catch (e) { } L('CC-7 frozen ' + Object.isFrozen(mp) + ' ' + (mp.getStorageSync === orig))
} })
