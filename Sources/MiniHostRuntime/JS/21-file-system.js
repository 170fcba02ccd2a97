// The file system: `getFileSystemManager()` returns one FileSystemManager whose methods call the
// host APIs of the same names (`readFile`, `readFileSync`, ...), which the app does not see on
// `wx` itself; the methods the host lacks fail with 1008 as the rest of WeChat's list does.
// An ArrayBuffer crosses as base64 (`encoding: 'base64'`); a read without an encoding comes
// back as base64 (`dataEncoding`) and is handed to the app as an ArrayBuffer.
const FS_METHODS = ['readFile', 'writeFile', 'appendFile', 'copyFile', 'rename', 'unlink', 'mkdir', 'rmdir',
  'readdir', 'stat', 'access', 'saveFile', 'getFileInfo', 'getSavedFileList', 'removeSavedFile'];
// Top-level names WeChat also has (`wx.saveFile`); the others exist only on the manager.
const FS_TOP_LEVEL = new SetCtor(['saveFile', 'getFileInfo', 'getSavedFileList', 'removeSavedFile']);
const fsHost = {};
for (let i = 0; i < FS_METHODS.length; i++) {
  const m = FS_METHODS[i], s = m + 'Sync';
  if (typeof mp[m] === 'function') fsHost[m] = mp[m];
  if (typeof mp[s] === 'function') fsHost[s] = mp[s];
  if (!FS_TOP_LEVEL.has(m)) delete mp[m];
  delete mp[s];
}
// A Stats object: the host's data with `isFile()` and `isDirectory()`.
function fileStats(s) {
  const dir = s !== null && typeof s === 'object' && s.isDirectory === true;
  const out = {};
  if (s !== null && typeof s === 'object') {
    out.mode = s.mode; out.size = s.size;
    out.lastAccessedTime = s.lastAccessedTime; out.lastModifiedTime = s.lastModifiedTime;
  }
  out.isDirectory = function isDirectory() { return dir; };
  out.isFile = function isFile() { return !dir; };
  return out;
}
function statsResult(stats) {
  if (!ArrayIsArray(stats)) return fileStats(stats);
  const out = [];
  for (let i = 0; i < stats.length; i++) out[i] = { path: stats[i].path, stats: fileStats(stats[i].stats) };
  return out;
}
function fileData(res) {
  if (res.dataEncoding === 'base64') { res.data = base64Decode(res.data); delete res.dataEncoding; }
  return res;
}
// What each method's result becomes (async: the success result; sync: the return value).
const FS_ASYNC_RESULT = {
  readFile: fileData,
  stat: (res) => { res.stats = statsResult(res.stats); return res; },
};
const FS_SYNC_RESULT = {
  readFileSync: (r) => fileData(r).data,
  statSync: (r) => statsResult(r.stats),
  readdirSync: (r) => r.files,
  saveFileSync: (r) => r.savedFilePath,
};
function fsAsync(api, host) {
  const post = FS_ASYNC_RESULT[api];
  return function (options) {
    const c = taskOptions(options);
    if (c.args.data instanceof ArrayBufferCtor) { c.args.data = base64Encode(c.args.data); c.args.encoding = 'base64'; }
    c.args.success = (res) => finishTask(api, c, true, post ? post(res) : res);
    c.args.fail = (err) => finishTask(api, c, false, err);
    host(c.args);
  };
}
// `dataAt`: the index of a `data` argument (an ArrayBuffer goes as base64, the encoding after it).
function fsSync(api, host, dataAt) {
  const post = FS_SYNC_RESULT[api];
  return function () {
    const args = [];
    for (let i = 0; i < arguments.length; i++) args[i] = arguments[i] === undefined ? null : arguments[i];
    while (args.length > 0 && args[args.length - 1] === null) args.length--;
    if (dataAt >= 0 && args[dataAt] instanceof ArrayBufferCtor) { args[dataAt] = base64Encode(args[dataAt]); args[dataAt + 1] = 'base64'; }
    const r = ReflectApply(host, undefined, args);
    return post ? post(r) : undefined;
  };
}
let fileSystemManager = null;
mp.getFileSystemManager = function getFileSystemManager() {
  if (fileSystemManager !== null) return fileSystemManager;
  const m = unsupportedObject('FileSystemManager', null, '');
  for (let i = 0; i < FS_METHODS.length; i++) {
    const name = FS_METHODS[i], s = name + 'Sync';
    // A method whose host API is missing (a host without files) fails as unsupported ones do.
    m[name] = hideSource(fsHost[name] ? fsAsync(name, fsHost[name]) : unsupportedMethod('FileSystemManager.' + name, name, '', null));
    m[s] = hideSource(fsHost[s] ? fsSync(s, fsHost[s], name === 'writeFile' || name === 'appendFile' ? 1 : -1)
      : unsupportedMethod('FileSystemManager.' + s, s, '', null));
  }
  fileSystemManager = ObjectFreeze(m);
  return fileSystemManager;
};
