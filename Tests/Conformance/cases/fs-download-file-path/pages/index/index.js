const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const fs = mp.getFileSystemManager(), U = mp.env.USER_DATA_PATH;
const call = (m, o) => new Promise((ok) => fs[m](Object.assign({}, o, { success: ok, fail: ok })));
const thrown = (f) => { try { f(); return 'no error'; } catch (e) { return e.errCode + ' ' + e.errMsg; } };
const d = await new Promise((ok) => mp.downloadFile({ url: 'https://api.example.com/menu.txt', filePath: U + '/menu.txt', success: ok, fail: ok }));
L('FS-7 ' + d.statusCode + ' ' + d.filePath + ' ' + fs.readFileSync(U + '/menu.txt', 'utf8'))
})().catch((e) => console.log("case threw: " + e)) } })
