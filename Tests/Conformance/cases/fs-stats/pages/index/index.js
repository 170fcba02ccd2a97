const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const fs = mp.getFileSystemManager(), U = mp.env.USER_DATA_PATH;
const call = (m, o) => new Promise((ok) => fs[m](Object.assign({}, o, { success: ok, fail: ok })));
const thrown = (f) => { try { f(); return 'no error'; } catch (e) { return e.errCode + ' ' + e.errMsg; } };
fs.mkdirSync(U + '/d'); fs.writeFileSync(U + '/d/f.txt', 'abc');
const s = (await call('stat', { path: U + '/d/f.txt' })).stats; L('FS-5 ' + s.isFile() + ' ' + s.isDirectory() + ' ' + s.size + ' ' + typeof s.lastModifiedTime);
L('FS-5 ' + fs.statSync(U + '/d', true).map((x) => x.path + ':' + x.stats.isDirectory()).join(' '))
})().catch((e) => console.log("case threw: " + e)) } })
