// Network tasks: `request`, `downloadFile` and `uploadFile` return their task objects and
// `connectSocket` a SocketTask, over the host APIs of the same names; `abort`, `send` and
// `close` use the host's `abortNetworkTask`, `socketTaskSend` and `socketTaskClose`, which the
// app does not see. Socket events arrive as the host event `NetworkTaskEvent` ({id, type, ...}).
const netHost = {
  request: mp.request, downloadFile: mp.downloadFile, uploadFile: mp.uploadFile, connectSocket: mp.connectSocket,
  abort: mp.abortNetworkTask, send: mp.socketTaskSend, close: mp.socketTaskClose,
};
delete mp.abortNetworkTask; delete mp.socketTaskSend; delete mp.socketTaskClose;
delete mp.onNetworkTaskEvent; delete mp.offNetworkTaskEvent;
const U8 = Uint8Array, ArrayBufferCtor = ArrayBuffer;
const netTasks = new MapCtor();
let nextNetTask = 1;
function onNetworkTaskEvent(e) { const t = netTasks.get(e.id); if (t) t(e); }
// The listener set survives a reset of the prepared VM only if put back: done at each task.
function watchNetworkEvents() {
  const set = listeners.get('NetworkTaskEvent');
  if (set && set.indexOf(onNetworkTaskEvent) < 0) set[set.length] = onNetworkTaskEvent;
}
function listenerList() {
  const list = [];
  return {
    on(fn) { if (typeof fn === 'function' && list.indexOf(fn) < 0) list[list.length] = fn; },
    off(fn) { if (fn === undefined) { list.length = 0; return; } const i = list.indexOf(fn); if (i >= 0) list.splice(i, 1); },
    fire(what, res) { const copy = list.slice(); for (let i = 0; i < copy.length; i++) guarded(what, copy[i], undefined, [res]); },
  };
}
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function base64Encode(buffer) {
  const b = new U8(buffer);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((i + 1 < b.length ? b[i + 1] : 0) << 8) | (i + 2 < b.length ? b[i + 2] : 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < b.length ? B64[n & 63] : '=');
  }
  return out;
}
function base64Decode(text) {
  const s = StringCtor(text).replace(/=+$/, '');
  const out = new U8(MathFloor(s.length * 3 / 4));
  let bits = 0, value = 0, j = 0;
  for (let i = 0; i < s.length; i++) {
    value = (value << 6) | B64.indexOf(s[i]);
    bits += 6;
    if (bits >= 8) { bits -= 8; out[j++] = (value >> bits) & 255; }
  }
  return out.buffer;
}
// The options the app gave, without its callbacks (each getter read once).
function taskOptions(options) {
  const o = options !== null && typeof options === 'object' ? options : {};
  const args = {}, keys = ObjectKeys(o);
  let success, fail, complete;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i], v = o[k];
    if (k === 'success') success = v; else if (k === 'fail') fail = v; else if (k === 'complete') complete = v;
    else args[k] = v;
  }
  return { args, success, fail, complete };
}
function finishTask(api, c, ok, res) {
  const cb = ok ? c.success : c.fail;
  if (typeof cb === 'function') guarded(api + (ok ? '.success' : '.fail'), cb, undefined, [res]);
  if (typeof c.complete === 'function') guarded(api + '.complete', c.complete, undefined, [res]);
}
// `request`, `downloadFile`, `uploadFile`: the host answers once; the task's headers and progress
// listeners hear of it first (`progress` names the byte counts of a transfer task).
function transferApi(api, host, progress) {
  return function (options) {
    const c = taskOptions(options), id = 'n' + nextNetTask++;
    const headers = listenerList(), updates = listenerList();
    let running = true;
    if (c.args.data instanceof ArrayBufferCtor) { c.args.dataBase64 = base64Encode(c.args.data); delete c.args.data; }
    c.args.taskId = id;
    c.args.success = (res) => {
      if (!running) return;
      running = false;
      headers.fire(api + '.onHeadersReceived', { header: res.header });
      if (progress) {
        const n = typeof res.dataLength === 'number' ? res.dataLength : 0, p = { progress: 100 };
        p[progress[0]] = n; p[progress[1]] = n;
        updates.fire(api + '.onProgressUpdate', p);
        delete res.header; delete res.dataLength;
      }
      if (res.dataEncoding === 'base64') { res.data = base64Decode(res.data); delete res.dataEncoding; }
      finishTask(api, c, true, res);
    };
    c.args.fail = (err) => { if (running) { running = false; finishTask(api, c, false, err); } };
    host(c.args);
    const task = {
      abort() {
        if (!running) return;
        running = false;
        netHost.abort({ taskId: id, fail() {} });
        finishTask(api, c, false, { errMsg: api + ':fail abort', errCode: ERR_CANCEL });
      },
      onHeadersReceived: headers.on, offHeadersReceived: headers.off,
    };
    if (progress) { task.onProgressUpdate = updates.on; task.offProgressUpdate = updates.off; }
    return task;
  };
}
const ERR_CANCEL = 1004;
if (netHost.request) mp.request = transferApi('request', netHost.request, null);
if (netHost.downloadFile) mp.downloadFile = transferApi('downloadFile', netHost.downloadFile, ['totalBytesWritten', 'totalBytesExpectedToWrite']);
if (netHost.uploadFile) mp.uploadFile = transferApi('uploadFile', netHost.uploadFile, ['totalBytesSent', 'totalBytesExpectedToSend']);
// A host call whose callbacks see `api` in errMsg (`sendSocketMessage:ok`, not the host's name).
function renamedCall(host, hostName, api, options) {
  const c = taskOptions(options);
  const rename = (r) => { if (r && typeof r.errMsg === 'string') r.errMsg = api + r.errMsg.slice(hostName.length); return r; };
  c.args.success = (r) => finishTask(api, c, true, rename(r));
  c.args.fail = (r) => finishTask(api, c, false, rename(r));
  return c.args;
}
// The global socket forms act on the latest SocketTask, as in WeChat.
const globalSocket = { task: null, open: listenerList(), message: listenerList(), error: listenerList(), close: listenerList() };
function socketApi(host) {
  return function connectSocket(options) {
    const c = taskOptions(options), id = 's' + nextNetTask++;
    const on = { open: listenerList(), message: listenerList(), error: listenerList(), close: listenerList() };
    let state = 0;
    const emit = (type, res) => {
      on[type].fire('SocketTask.on' + type, res);
      if (globalSocket.task === task) globalSocket[type].fire('onSocket' + type, res);
    };
    const closed = () => { state = 3; netTasks.delete(id); if (globalSocket.task === task) globalSocket.task = null; };
    const task = {
      get readyState() { return state; },
      send(o) {
        if (state !== 1) { finishTask('sendSocketMessage', taskOptions(o), false, { errMsg: 'sendSocketMessage:fail WebSocket is not connected', errCode: 1007 }); return; }
        const args = renamedCall(netHost.send, 'socketTaskSend', 'sendSocketMessage', o);
        if (args.data instanceof ArrayBufferCtor) { finishTask('sendSocketMessage', taskOptions(o), false, { errMsg: 'sendSocketMessage:fail invalid argument: binary messages are not supported by MiniHost yet', errCode: 1001 }); return; }
        args.taskId = id;
        netHost.send(args);
      },
      close(o) {
        const args = renamedCall(netHost.close, 'socketTaskClose', 'closeSocket', o);
        args.taskId = id;
        if (state === 0 || state === 1) state = 2;
        netHost.close(args);
      },
      onOpen: on.open.on, onMessage: on.message.on, onError: on.error.on, onClose: on.close.on,
    };
    task.CONNECTING = 0; task.OPEN = 1; task.CLOSING = 2; task.CLOSED = 3;
    netTasks.set(id, (e) => {
      if (e.type === 'open') { state = 1; emit('open', { header: e.header || {}, profile: {} }); }
      else if (e.type === 'message') emit('message', { data: e.data });
      else if (e.type === 'error') emit('error', { errMsg: e.errMsg });
      else if (e.type === 'close') { closed(); emit('close', { code: e.code, reason: e.reason }); }
    });
    watchNetworkEvents();
    globalSocket.task = task;
    c.args.taskId = id;
    c.args.success = (res) => finishTask('connectSocket', c, true, res);
    c.args.fail = (err) => {
      finishTask('connectSocket', c, false, err);
      closed();
      on.error.fire('SocketTask.onError', { errMsg: err.errMsg });
      on.close.fire('SocketTask.onClose', { code: 1006, reason: err.errMsg });
    };
    host(c.args);
    return task;
  };
}
if (netHost.connectSocket) {
  mp.connectSocket = socketApi(netHost.connectSocket);
  mp.onSocketOpen = globalSocket.open.on;
  mp.onSocketMessage = globalSocket.message.on;
  mp.onSocketError = globalSocket.error.on;
  mp.onSocketClose = globalSocket.close.on;
  mp.sendSocketMessage = function sendSocketMessage(o) {
    if (globalSocket.task) return globalSocket.task.send(o);
    finishTask('sendSocketMessage', taskOptions(o), false, { errMsg: 'sendSocketMessage:fail WebSocket is not connected', errCode: 1007 });
  };
  mp.closeSocket = function closeSocket(o) {
    if (globalSocket.task) return globalSocket.task.close(o);
    finishTask('closeSocket', taskOptions(o), false, { errMsg: 'closeSocket:fail WebSocket is not connected', errCode: 1007 });
  };
}
