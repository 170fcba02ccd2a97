const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ grow() { try { const s = 'x'.repeat(2 ** 32); console.log('len ' + s.length) } catch (e) { console.log('SB-11 ' + e.name) } console.log('after') } })
