const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const fs = mp.getFileSystemManager(), U = mp.env.USER_DATA_PATH;
const call = (m, o) => new Promise((ok) => fs[m](Object.assign({}, o, { success: ok, fail: ok })));
const thrown = (f) => { try { f(); return 'no error'; } catch (e) { return e.errCode + ' ' + e.errMsg; } };
L('FS-2 ' + thrown(() => fs.readFileSync('/etc/passwd')));
const r = await call('writeFile', { filePath: 'file:///tmp/x', data: 'x' }); L('FS-2 ' + r.errCode + ' ' + r.errMsg)
})().catch((e) => console.log("case threw: " + e)) } })
