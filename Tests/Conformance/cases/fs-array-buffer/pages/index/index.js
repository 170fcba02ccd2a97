const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const fs = mp.getFileSystemManager(), U = mp.env.USER_DATA_PATH;
const call = (m, o) => new Promise((ok) => fs[m](Object.assign({}, o, { success: ok, fail: ok })));
const thrown = (f) => { try { f(); return 'no error'; } catch (e) { return e.errCode + ' ' + e.errMsg; } };
fs.writeFileSync(U + '/b.bin', new Uint8Array([0, 1, 254, 255]).buffer);
const r = await call('readFile', { filePath: U + '/b.bin' });
L('FS-1 ' + (r.data instanceof ArrayBuffer) + ' ' + Array.from(new Uint8Array(r.data)).join(',') + ' ' + fs.readFileSync(U + '/b.bin', 'hex') + ' ' + fs.readFileSync(U + '/b.bin', 'base64'))
})().catch((e) => console.log("case threw: " + e)) } })
