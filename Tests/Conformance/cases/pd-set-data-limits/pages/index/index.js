const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
let deep = 1; for (let i = 0; i < 600; i++) deep = [deep];
for (const v of [deep, 'x'.repeat(1100000)]) { try { this.setData({ v }); L('PD-5 allowed') } catch (e) { L('PD-5 ' + e.errCode) } }
L('PD-5 ' + JSON.stringify(this.data))
} })
