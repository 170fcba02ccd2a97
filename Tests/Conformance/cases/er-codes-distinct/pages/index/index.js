const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const codes = [];
try { await mp.setStorage({ key: 1 }) } catch (e) { codes.push(e.errCode) }
try { await mp.getLocation({}) } catch (e) { codes.push(e.errCode) }
try { await mp.getStorage({ key: 'x' }) } catch (e) { codes.push(e.errCode) }
L('ER-13 ' + codes.join(','))
})().catch((e) => console.log("case threw: " + e)) } })
