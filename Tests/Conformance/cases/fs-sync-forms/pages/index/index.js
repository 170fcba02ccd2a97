const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const fs = mp.getFileSystemManager(), U = mp.env.USER_DATA_PATH;
const call = (m, o) => new Promise((ok) => fs[m](Object.assign({}, o, { success: ok, fail: ok })));
const thrown = (f) => { try { f(); return 'no error'; } catch (e) { return e.errCode + ' ' + e.errMsg; } };
fs.writeFileSync(U + '/s.txt', 'sync', 'utf8'); fs.copyFileSync(U + '/s.txt', U + '/t.txt'); fs.renameSync(U + '/t.txt', U + '/u.txt');
L('FS-6 ' + fs.readFileSync(U + '/u.txt', 'utf8') + ' ' + fs.readdirSync(U).join(','));
fs.unlinkSync(U + '/u.txt'); L('FS-6 ' + thrown(() => fs.unlinkSync(U + '/u.txt')))
} })
