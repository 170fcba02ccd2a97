const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const fs = mp.getFileSystemManager(), U = mp.env.USER_DATA_PATH;
const call = (m, o) => new Promise((ok) => fs[m](Object.assign({}, o, { success: ok, fail: ok })));
const thrown = (f) => { try { f(); return 'no error'; } catch (e) { return e.errCode + ' ' + e.errMsg; } };
const r = await call('readFile', { filePath: U + '/../../minihost.sqlite' }); L('FS-2 ' + r.errCode + ' ' + r.errMsg);
const w = await call('writeFile', { filePath: U + '/x/../../../escaped', data: 'x' }); L('FS-2 ' + w.errCode)
})().catch((e) => console.log("case threw: " + e)) } })
