const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
'use strict';
let threw = false; try { Error.prototype.__conformance = 1 } catch (e) { threw = true } L('SB-3 Error ' + Object.isFrozen(Error.prototype) + ' ' + (Error.prototype.__conformance === undefined))
} })
