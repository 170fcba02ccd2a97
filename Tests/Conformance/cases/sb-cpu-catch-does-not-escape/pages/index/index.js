const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ spin() { for (;;) { try { while (true) {} } catch (e) {} } }, ping() { console.log('pong') } })
