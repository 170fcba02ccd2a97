const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const fs = mp.getFileSystemManager(), U = mp.env.USER_DATA_PATH;
const call = (m, o) => new Promise((ok) => fs[m](Object.assign({}, o, { success: ok, fail: ok })));
const thrown = (f) => { try { f(); return 'no error'; } catch (e) { return e.errCode + ' ' + e.errMsg; } };
const r = await call('readFile', { filePath: U + '/none.txt' }); L('FS-3 ' + r.errCode + ' ' + r.errMsg);
fs.mkdirSync(U + '/d/e', true);
L('FS-3 ' + thrown(() => fs.mkdirSync(U + '/d')));
L('FS-3 ' + thrown(() => fs.rmdirSync(U + '/d')));
L('FS-3 ' + thrown(() => fs.accessSync(U + '/none')))
})().catch((e) => console.log("case threw: " + e)) } })
