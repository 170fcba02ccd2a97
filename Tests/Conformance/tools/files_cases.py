"""Cases for the file system (FS, docs/spec.md section 27): files an app writes under
wx.env.USER_DATA_PATH read back, paths confined to the app's own areas, WeChat's error words
and codes, the quota, Stats objects, Sync forms, and temp and saved files. Loaded by generate.py."""
from casekit import case

FS = "const fs = mp.getFileSystemManager(), U = mp.env.USER_DATA_PATH;\n" \
     "const call = (m, o) => new Promise((ok) => fs[m](Object.assign({}, o, { success: ok, fail: ok })));\n" \
     "const thrown = (f) => { try { f(); return 'no error'; } catch (e) { return e.errCode + ' ' + e.errMsg; } };\n"
FS_DOMAINS = {'network_domains': ['https://api.example.com']}
FS_WORLD = {'network': {'routes': [{'url': 'https://api.example.com/menu.txt', 'body': 'tea 12'}]}}

case('fs-round-trip', 'a file written under USER_DATA_PATH reads back; append adds to it', ['FS-1'],
     asyncload=FS + "await call('writeFile', { filePath: U + '/a.txt', data: 'hello' });\n"
     "await call('appendFile', { filePath: U + '/a.txt', data: ' world', encoding: 'utf8' });\n"
     "const r = await call('readFile', { filePath: U + '/a.txt', encoding: 'utf8' }); L('FS-1 ' + r.errMsg + ' ' + r.data)",
     console=['FS-1 readFile:ok hello world'])
case('fs-array-buffer', 'an ArrayBuffer is written as bytes; a read without encoding is an ArrayBuffer', ['FS-1'],
     asyncload=FS + "fs.writeFileSync(U + '/b.bin', new Uint8Array([0, 1, 254, 255]).buffer);\n"
     "const r = await call('readFile', { filePath: U + '/b.bin' });\n"
     "L('FS-1 ' + (r.data instanceof ArrayBuffer) + ' ' + Array.from(new Uint8Array(r.data)).join(',') + ' ' + fs.readFileSync(U + '/b.bin', 'hex') + ' ' + fs.readFileSync(U + '/b.bin', 'base64'))",
     console=['FS-1 true 0,1,254,255 0001feff AAH+/w=='])
case('fs-escape-dotdot', 'a path with .. is refused with 1003 permission denied', ['FS-2'],
     asyncload=FS + "const r = await call('readFile', { filePath: U + '/../../minihost.sqlite' }); L('FS-2 ' + r.errCode + ' ' + r.errMsg);\n"
     "const w = await call('writeFile', { filePath: U + '/x/../../../escaped', data: 'x' }); L('FS-2 ' + w.errCode)",
     console=['FS-2 1003 readFile:fail permission denied, open wxfile://usr/../../minihost.sqlite', 'FS-2 1003'])
case('fs-escape-absolute', 'an absolute host path or another scheme is refused with 1003', ['FS-2'],
     asyncload=FS + "L('FS-2 ' + thrown(() => fs.readFileSync('/etc/passwd')));\n"
     "const r = await call('writeFile', { filePath: 'file:///tmp/x', data: 'x' }); L('FS-2 ' + r.errCode + ' ' + r.errMsg)",
     console=['FS-2 1003 readFileSync:fail permission denied, open /etc/passwd', 'FS-2 1003 writeFile:fail permission denied, open file:///tmp/x'])
case('fs-errors', 'errors are worded as WeChat words them, with MiniHost codes', ['FS-3'],
     asyncload=FS + "const r = await call('readFile', { filePath: U + '/none.txt' }); L('FS-3 ' + r.errCode + ' ' + r.errMsg);\n"
     "fs.mkdirSync(U + '/d/e', true);\n"
     "L('FS-3 ' + thrown(() => fs.mkdirSync(U + '/d')));\n"
     "L('FS-3 ' + thrown(() => fs.rmdirSync(U + '/d')));\n"
     "L('FS-3 ' + thrown(() => fs.accessSync(U + '/none')))",
     console=['FS-3 1007 readFile:fail no such file or directory, open wxfile://usr/none.txt',
              'FS-3 1001 mkdirSync:fail file already exists, mkdir wxfile://usr/d',
              'FS-3 1001 rmdirSync:fail directory not empty, rmdir wxfile://usr/d',
              'FS-3 1007 accessSync:fail no such file or directory, access wxfile://usr/none'])
case('fs-quota', 'a write past the world\'s files.quota_mb fails with 1005 and changes nothing', ['FS-4'], world={'files': {'quota_mb': 1}},
     asyncload=FS + "const half = 'x'.repeat(600 * 1024);\n"
     "L('FS-4 ' + (await call('writeFile', { filePath: U + '/a', data: half })).errMsg);\n"
     "const r = await call('writeFile', { filePath: U + '/b', data: half }); L('FS-4 ' + r.errCode + ' ' + r.errMsg);\n"
     "L('FS-4 ' + fs.readdirSync(U).join(','))",
     console=['FS-4 writeFile:ok', 'FS-4 1005 writeFile:fail the maximum size of the file storage limit is exceeded', 'FS-4 a'])
case('fs-stats', 'stat gives Stats with isFile and isDirectory; recursive gives path and stats', ['FS-5'],
     asyncload=FS + "fs.mkdirSync(U + '/d'); fs.writeFileSync(U + '/d/f.txt', 'abc');\n"
     "const s = (await call('stat', { path: U + '/d/f.txt' })).stats; L('FS-5 ' + s.isFile() + ' ' + s.isDirectory() + ' ' + s.size + ' ' + typeof s.lastModifiedTime);\n"
     "L('FS-5 ' + fs.statSync(U + '/d', true).map((x) => x.path + ':' + x.stats.isDirectory()).join(' '))",
     console=['FS-5 true false 3 number', 'FS-5 /:true /f.txt:false'])
case('fs-sync-forms', 'Sync forms return the result or throw errMsg and errCode', ['FS-6'],
     onload=FS + "fs.writeFileSync(U + '/s.txt', 'sync', 'utf8'); fs.copyFileSync(U + '/s.txt', U + '/t.txt'); fs.renameSync(U + '/t.txt', U + '/u.txt');\n"
     "L('FS-6 ' + fs.readFileSync(U + '/u.txt', 'utf8') + ' ' + fs.readdirSync(U).join(','));\n"
     "fs.unlinkSync(U + '/u.txt'); L('FS-6 ' + thrown(() => fs.unlinkSync(U + '/u.txt')))",
     console=['FS-6 sync s.txt,u.txt', 'FS-6 1007 unlinkSync:fail no such file or directory, unlink wxfile://usr/u.txt'])
case('fs-temp-and-saved', 'a download\'s temp file is readable, saveFile moves it to a saved file', ['FS-7'], manifest=FS_DOMAINS, world=FS_WORLD,
     asyncload=FS + "const d = await new Promise((ok) => mp.downloadFile({ url: 'https://api.example.com/menu.txt', success: ok, fail: ok }));\n"
     "L('FS-7 ' + fs.readFileSync(d.tempFilePath, 'utf8'));\n"
     "const s = await new Promise((ok) => mp.saveFile({ tempFilePath: d.tempFilePath, success: ok, fail: ok }));\n"
     "L('FS-7 ' + s.savedFilePath.indexOf('wxfile://store_') + ' ' + fs.readFileSync(s.savedFilePath, 'utf8') + ' ' + thrown(() => fs.readFileSync(d.tempFilePath)).split(' ')[0]);\n"
     "const l = await new Promise((ok) => mp.getSavedFileList({ success: ok })); L('FS-7 ' + l.fileList.length + ' ' + l.fileList[0].size)",
     console=['FS-7 tea 12', 'FS-7 0 tea 12 1007', 'FS-7 1 6'])
case('fs-download-file-path', 'downloadFile with filePath writes the body to the user files', ['FS-7'], manifest=FS_DOMAINS, world=FS_WORLD,
     asyncload=FS + "const d = await new Promise((ok) => mp.downloadFile({ url: 'https://api.example.com/menu.txt', filePath: U + '/menu.txt', success: ok, fail: ok }));\n"
     "L('FS-7 ' + d.statusCode + ' ' + d.filePath + ' ' + fs.readFileSync(U + '/menu.txt', 'utf8'))",
     console=['FS-7 200 wxfile://usr/menu.txt tea 12'])
