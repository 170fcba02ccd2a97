const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const fs = mp.getFileSystemManager(), U = mp.env.USER_DATA_PATH;
const call = (m, o) => new Promise((ok) => fs[m](Object.assign({}, o, { success: ok, fail: ok })));
const thrown = (f) => { try { f(); return 'no error'; } catch (e) { return e.errCode + ' ' + e.errMsg; } };
const d = await new Promise((ok) => mp.downloadFile({ url: 'https://api.example.com/menu.txt', success: ok, fail: ok }));
L('FS-7 ' + fs.readFileSync(d.tempFilePath, 'utf8'));
const s = await new Promise((ok) => mp.saveFile({ tempFilePath: d.tempFilePath, success: ok, fail: ok }));
L('FS-7 ' + s.savedFilePath.indexOf('wxfile://store_') + ' ' + fs.readFileSync(s.savedFilePath, 'utf8') + ' ' + thrown(() => fs.readFileSync(d.tempFilePath)).split(' ')[0]);
const l = await new Promise((ok) => mp.getSavedFileList({ success: ok })); L('FS-7 ' + l.fileList.length + ' ' + l.fileList[0].size)
})().catch((e) => console.log("case threw: " + e)) } })
