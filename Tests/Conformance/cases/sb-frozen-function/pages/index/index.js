const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
'use strict';
let threw = false; try { Function.prototype.__conformance = 1 } catch (e) { threw = true } L('SB-3 Function ' + Object.isFrozen(Function.prototype) + ' ' + (Function.prototype.__conformance === undefined))
} })
