const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
'use strict';
let threw = false; try { Math.__conformance = 1 } catch (e) { threw = true } L('SB-3 Math ' + Object.isFrozen(Math) + ' ' + (Math.__conformance === undefined))
} })
