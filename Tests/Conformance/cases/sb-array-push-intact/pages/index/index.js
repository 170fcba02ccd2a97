const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
try { Array.prototype.push = function () { return 'spy' } } catch (e) {} const a = []; a.push(1); L('SB-3 ' + a.length)
} })
