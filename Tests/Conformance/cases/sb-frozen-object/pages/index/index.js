const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
'use strict';
let threw = false; try { Object.prototype.__conformance = 1 } catch (e) { threw = true } L('SB-3 Object ' + Object.isFrozen(Object.prototype) + ' ' + (Object.prototype.__conformance === undefined))
} })
