var modules = {}, appOptions = null, pageDefs = {}, loading = null, stack = [];
function requireFrom(from, spec) {
  if (spec === 'minihost:esbuild-helpers') return esbuildHelpers;
  var parts = from.split('/').slice(0, -1).concat(spec.split('/')), out = [];
  for (var i = 0; i < parts.length; i++) { var p = parts[i]; if (p === '' || p === '.') continue; if (p === '..') out.pop(); else out.push(p); }
  var path = out.join('/'); if (path.slice(-3) !== '.js') path += '.js';
  if (modules[path]) return modules[path].exports;
  var fn = hostLoad(path), m = { exports: {} }; modules[path] = m;
  fn.call(m.exports, function (s) { return requireFrom(path, s); }, m, m.exports);
  return m.exports;
}
function App(o) { appOptions = o; }
function Page(o) { pageDefs[loading] = o; }
function getApp() { return appOptions; }
function getCurrentPages() { return stack.slice(); }
var console = { log: function () { var s = []; for (var i = 0; i < arguments.length; i++) s.push(typeof arguments[i] === 'string' ? arguments[i] : JSON.stringify(arguments[i])); hostEvent('console', s.join(' ')); } };
console.info = console.warn = console.error = console.debug = console.log;
function setTimeout(fn, ms) { hostEvent('timer', ms); return 1; }
var setInterval = setTimeout, clearTimeout = function () {}, clearInterval = clearTimeout;
function hook(target, name, self, arg) { hostEvent(target, name); if (self && typeof self[name] === 'function') self[name](arg); }
function launch(entry, root) {
  modules = {}; appOptions = null; pageDefs = {}; loading = null; stack = [];
  requireFrom(root + 'app.js', './app.js');
  var opts = { path: entry, query: {}, scene: 'launch' };
  hook('app', 'onLaunch', appOptions, opts);
  hook('app', 'onShow', appOptions, JSON.parse(JSON.stringify(opts)));
  loading = entry; requireFrom(root + 'app.js', './' + entry + '.js'); loading = null;
  var def = pageDefs[entry], page = {}, keys = Object.keys(def);
  for (var i = 0; i < keys.length; i++) if (keys[i] !== 'data') page[keys[i]] = def[keys[i]];
  page.data = JSON.parse(JSON.stringify(def.data || {})); page.route = entry;
  page.setData = function (c) { var k = Object.keys(c); for (var i = 0; i < k.length; i++) page.data[k[i]] = JSON.parse(JSON.stringify(c[k[i]])); hostEvent('setData', JSON.stringify(c)); };
  stack.push(page);
  hook('page', 'onLoad', page, {}); hook('page', 'onShow', page); hook('page', 'onReady', page);
  return true;
}
