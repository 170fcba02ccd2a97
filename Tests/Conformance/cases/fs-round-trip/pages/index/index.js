const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const fs = mp.getFileSystemManager(), U = mp.env.USER_DATA_PATH;
const call = (m, o) => new Promise((ok) => fs[m](Object.assign({}, o, { success: ok, fail: ok })));
const thrown = (f) => { try { f(); return 'no error'; } catch (e) { return e.errCode + ' ' + e.errMsg; } };
await call('writeFile', { filePath: U + '/a.txt', data: 'hello' });
await call('appendFile', { filePath: U + '/a.txt', data: ' world', encoding: 'utf8' });
const r = await call('readFile', { filePath: U + '/a.txt', encoding: 'utf8' }); L('FS-1 ' + r.errMsg + ' ' + r.data)
})().catch((e) => console.log("case threw: " + e)) } })
