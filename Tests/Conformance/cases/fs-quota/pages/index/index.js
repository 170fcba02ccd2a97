const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const fs = mp.getFileSystemManager(), U = mp.env.USER_DATA_PATH;
const call = (m, o) => new Promise((ok) => fs[m](Object.assign({}, o, { success: ok, fail: ok })));
const thrown = (f) => { try { f(); return 'no error'; } catch (e) { return e.errCode + ' ' + e.errMsg; } };
const half = 'x'.repeat(600 * 1024);
L('FS-4 ' + (await call('writeFile', { filePath: U + '/a', data: half })).errMsg);
const r = await call('writeFile', { filePath: U + '/b', data: half }); L('FS-4 ' + r.errCode + ' ' + r.errMsg);
L('FS-4 ' + fs.readdirSync(U).join(','))
})().catch((e) => console.log("case threw: " + e)) } })
