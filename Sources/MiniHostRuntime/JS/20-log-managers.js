// Log managers: `getLogManager()` and `getRealtimeLogManager()` print to the app's console,
// each line prefixed with the manager's name (there is no log server to upload to).
function logManager(prefix) {
  const m = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    m[level] = function (...args) { native.print(level, prefix + format(args)); };
  }
  return m;
}
const logManagerObj = ObjectFreeze(logManager('[LogManager] '));
const realtimeLog = logManager('[RealtimeLogManager] ');
// Filters and page tags only shape what would be uploaded: accepted, nothing to do.
realtimeLog.setFilterMsg = function setFilterMsg() {};
realtimeLog.addFilterMsg = function addFilterMsg() {};
realtimeLog.in = function (page) {};
realtimeLog.tag = function tag(name) { return ObjectFreeze(logManager('[RealtimeLogManager:' + StringCtor(name) + '] ')); };
const realtimeLogObj = ObjectFreeze(realtimeLog);
mp.getLogManager = function getLogManager(options) { return logManagerObj; };
mp.getRealtimeLogManager = function getRealtimeLogManager() { return realtimeLogObj; };
