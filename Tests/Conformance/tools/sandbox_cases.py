"""Cases for the sandbox (SB) and the driver and its event stream (DR). Loaded by generate.py."""
import json

from casekit import case, tryapi

# ---------------------------------------------------------------- SB: sandbox
case('sb-eval', 'eval throws EvalError', ['SB-1'], onload="try { eval('1 + 1'); L('eval ran') } catch (e) { L('SB-1 ' + e.name) }", console=['SB-1 EvalError'], console_absent=['eval ran'])
case('sb-indirect-eval', 'indirect eval throws EvalError', ['SB-1'], onload="try { (0, globalThis.eval)('1'); L('eval ran') } catch (e) { L('SB-1 ' + e.name) }",
     console=['SB-1 EvalError'])
case('sb-function-ctor', 'new Function throws EvalError', ['SB-1'], onload="try { new Function('return 1')(); L('ran') } catch (e) { L('SB-1 ' + e.name) }", console=['SB-1 EvalError'])
case('sb-function-ctor-via-prototype', 'the Function constructor reached through a prototype throws', ['SB-1'],
     onload="try { (function () {}).constructor('return 1')(); L('ran') } catch (e) { L('SB-1 ' + e.name) }", console=['SB-1 EvalError'])
case('sb-async-function-ctor', 'the async function constructor throws', ['SB-1'],
     onload="try { new (Object.getPrototypeOf(async function () {}).constructor)('return 1'); L('ran') } catch (e) { L('SB-1 ' + e.name) }", console=['SB-1 EvalError'])
case('sb-generator-ctor', 'the generator function constructor throws', ['SB-1'],
     onload="try { new (Object.getPrototypeOf(function* () {}).constructor)('yield 1'); L('ran') } catch (e) { L('SB-1 ' + e.name) }", console=['SB-1 EvalError'])
case('sb-async-generator-ctor', 'the async generator function constructor throws', ['SB-1'],
     onload="try { new (Object.getPrototypeOf(async function* () {}).constructor)('yield 1'); L('ran') } catch (e) { L('SB-1 ' + e.name) }", console=['SB-1 EvalError'])
case('sb-webassembly', 'WebAssembly is absent', ['SB-2'], onload="L('SB-2 ' + typeof WebAssembly + ' ' + ('WebAssembly' in globalThis))", console=['SB-2 undefined false'])
for g in ['Array', 'Object', 'Function', 'Promise', 'String', 'JSON', 'Math', 'RegExp', 'Error', 'Map']:
    target = g + '.prototype' if g not in ('JSON', 'Math') else g
    case('sb-frozen-' + g.lower(), g + ' is frozen: changing it has no effect', ['SB-3'],
         onload="'use strict';\nlet threw = false; try { %s.__conformance = 1 } catch (e) { threw = true } L('SB-3 %s ' + Object.isFrozen(%s) + ' ' + (%s.__conformance === undefined))" % (target, g, target, target),
         console=['SB-3 %s true true' % g])
case('sb-prototype-pollution', 'Object.prototype cannot be polluted for later code', ['SB-3'],
     files={'lib/evil.js': "try { Object.prototype.isAdmin = true } catch (e) {} try { Object.defineProperty(Object.prototype, 'polluted', { value: 1 }) } catch (e) {}\n"},
     onload="require('../../lib/evil'); L('SB-3 ' + ({}).isAdmin + ' ' + ({}).polluted)", console=['SB-3 undefined undefined'])
case('sb-array-push-intact', 'replacing Array.prototype.push fails; push still works', ['SB-3'],
     onload="try { Array.prototype.push = function () { return 'spy' } } catch (e) {} const a = []; a.push(1); L('SB-3 ' + a.length)", console=['SB-3 1'])
case('sb-shadow-tostring', 'shadowing toString and an error\'s name on own objects still works', ['SB-4'],
     onload="const o = { toString() { return 'mine' } }; const e = new Error('m'); e.name = 'MyError'; L('SB-4 ' + String(o) + ' ' + e.name + ' ' + e.toString())",
     console=['SB-4 mine MyError MyError: m'])
case('sb-class-extends-builtins', 'classes may extend built-ins', ['SB-4'],
     onload="class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr' } } class A extends Array {} L('SB-4 ' + new MyErr('x').name + ' ' + (new A() instanceof Array))",
     console=['SB-4 MyErr true'])
for g in ['process', 'require_global', 'fetch', 'XMLHttpRequest', 'WebSocket', 'setImmediate', 'SharedArrayBuffer', 'print', 'document', 'window', 'Buffer', 'importScripts', 'Worker']:
    name = 'require' if g == 'require_global' else g
    expr = "typeof globalThis.require" if g == 'require_global' else "typeof " + g
    case('sb-no-global-' + g.lower().replace('_', '-'), 'the global ' + name + ' is not available', ['SB-5'], onload="L('SB-5 %s ' + %s)" % (name, expr),
         console=['SB-5 %s undefined' % name])
case('sb-globals-allowlist', 'the globals are the built-ins plus the runtime\'s names', ['SB-5'],
     onload=("const allowed = new Set(['AggregateError','App','Behavior','Component','Array','ArrayBuffer','Atomics','BigInt','BigInt64Array','BigUint64Array','Boolean','DataView','Date','Error','EvalError','FinalizationRegistry','Float16Array','Float32Array','Float64Array','Function','Infinity','Int16Array','Int32Array','Int8Array','Intl','Iterator','JSON','Map','Math','NaN','Number','Object','Page','Promise','Proxy','RangeError','ReferenceError','Reflect','RegExp','Set','String','Symbol','SyntaxError','TypeError','URIError','Uint16Array','Uint32Array','Uint8Array','Uint8ClampedArray','WeakMap','WeakRef','WeakSet','clearInterval','clearTimeout','console','decodeURI','decodeURIComponent','encodeURI','encodeURIComponent','escape','eval','getApp','getCurrentPages','global','globalThis','isFinite','isNaN','mp','parseFloat','parseInt','queueMicrotask','setInterval','setTimeout','undefined','unescape','wx']);\n"
             "const extra = Object.getOwnPropertyNames(globalThis).filter((n) => !allowed.has(n)); L('SB-5 extra [' + extra.join(',') + ']')"),
     console=['SB-5 extra []'])
case('sb-global-is-the-apps-object', 'global is one plain object per app, shared by its modules, not the global object', ['SB-5'],
     files={'lib/mark.js': "global.marks = (global.marks || 0) + 1; module.exports = global;\n"},
     onload="const g = require('../../lib/mark'); L('SB-5 ' + typeof global + ' ' + (global === globalThis) + ' ' + (g === global) + ' ' + global.marks)",
     console=['SB-5 object false true 1'])
case('cc-hostile-shapes-reach-fail', 'a throwing getter or a revoked Proxy ends in fail and complete, never a raw throw', ['CC-11'],
     asyncload=("const { proxy, revoke } = Proxy.revocable({}, {}); revoke();\n"
                "mp.setStorage({ get key() { throw new Error('boom') }, fail: (e) => L('CC-11 fail ' + e.errCode), complete: () => L('CC-11 complete') });\n"
                "try { await mp.setStorage(proxy) } catch (e) { L('CC-11 rejected ' + e.errCode) }\n"
                "try { mp.setStorageSync('k', proxy) } catch (e) { L('CC-11 sync ' + e.errCode) }"),
     console=['CC-11 fail 1001', 'CC-11 complete', 'CC-11 rejected 1001', 'CC-11 sync 1001'])
case('pd-set-data-limits', 'a setData nested over 100 levels or over 1024 kB throws 1001 and changes nothing', ['PD-5'],
     onload=("let deep = 1; for (let i = 0; i < 600; i++) deep = [deep];\n"
             "for (const v of [deep, 'x'.repeat(1100000)]) { try { this.setData({ v }); L('PD-5 allowed') } catch (e) { L('PD-5 ' + e.errCode) } }\n"
             "L('PD-5 ' + JSON.stringify(this.data))"),
     manifest={'limits': {'cpu_ms': 2000}}, console=['PD-5 1001', 'PD-5 1001', 'PD-5 {}'])
case('st-keys-exact-code-points', 'storage keys equal under NFC/NFD are two keys', ['ST-10'],
     onload=("mp.setStorageSync('caf\\u00e9', 'nfc'); mp.setStorageSync('cafe\\u0301', 'nfd'); mp.removeStorageSync('caf\\u00e9');\n"
             "L('ST-10 ' + JSON.stringify(mp.getStorageSync('caf\\u00e9')) + ' ' + mp.getStorageSync('cafe\\u0301') + ' ' + mp.getStorageInfoSync().keys.length)"),
     console=['ST-10 "" nfd 1'])
case('sb-intl-and-hidden-intrinsics-frozen', 'Intl and the intrinsics reached only by calling are frozen', ['SB-14'],
     onload=("const set = (o, k) => () => Object.defineProperty(o, k, { value: 'x' });\n"
             "const tries = [set(Intl.NumberFormat.prototype, 'format'), set(Object.getPrototypeOf(Object.getPrototypeOf((async function* () {})())), 'x'),\n"
             "  set(Object.getPrototypeOf(Iterator.prototype.map.call([].values(), (x) => x)), 'next')];\n"
             "L('SB-14 ' + tries.map((t) => { try { t(); return 'open' } catch (e) { return e.name } }).join(','))"),
     console=['SB-14 TypeError,TypeError,TypeError'])
case('sb-runtime-globals-present', 'the runtime\'s globals are there', ['SB-5'],
     onload="L('SB-5 ' + [typeof App, typeof Page, typeof getApp, typeof getCurrentPages, typeof mp, typeof wx, typeof setTimeout, typeof queueMicrotask, typeof console].join(','))",
     console=['SB-5 function,function,function,function,object,object,function,function,object'])
case('sb-no-native-leak', 'no host function is reachable from the globals', ['SB-5'],
     onload="const names = Object.getOwnPropertyNames(globalThis).filter((n) => /native|host|__/i.test(n)); L('SB-5 [' + names.join(',') + ']')", console=['SB-5 []'])
case('sb-cpu-limit', 'a task over the CPU limit is stopped and reported; the next task runs', ['SB-6'], manifest={'limits': {'cpu_ms': 100}},
     page="Page({ spin() { while (true) {} }, ping() { console.log('pong') } })\n", script="call - spin\ncall - ping\n",
     console=[{'prefix': 'onError: '}, 'pong'], errors=[{'kind': 'cpu_limit', 'message_contains': '100 ms'}])
case('sb-cpu-limit-in-timer', 'a runaway timer is stopped; later timers still run', ['SB-6', 'EL-8'], manifest={'limits': {'cpu_ms': 100}},
     onload="setTimeout(() => { for (;;) {} }, 0); setTimeout(() => L('SB-6 next timer'), 20)", console=['SB-6 next timer'], errors=[{'kind': 'cpu_limit'}])
case('sb-cpu-limit-in-hook', 'a runaway onLoad of a page opened later is stopped and the app keeps running', ['SB-6'], manifest={'limits': {'cpu_ms': 100}},
     pages=['pages/index/index', 'pages/spin/spin'], files={'pages/spin/spin.js': "Page({ onLoad() { for (;;) {} } })\n"},
     page="Page({ ping() { console.log('alive') } })\n", script="navigate /pages/spin/spin\nwait 50\ncall pages/index/index ping\n", console=['alive'], errors=[{'kind': 'cpu_limit'}])
case('sb-cpu-limit-at-launch', 'a launch that runs over the CPU limit is a launch failure (exit 1)', ['SB-6', 'PK-9'], manifest={'limits': {'cpu_ms': 100}},
     onload="for (;;) {}", exit_code=1, exit_status='crashed', errors=[{'kind': 'cpu_limit'}])
case('sb-cpu-catch-does-not-escape', 'catching inside the loop does not escape the CPU limit', ['SB-6'], manifest={'limits': {'cpu_ms': 100}},
     page="Page({ spin() { for (;;) { try { while (true) {} } catch (e) {} } }, ping() { console.log('pong') } })\n", script="call - spin\ncall - ping\n",
     console=['pong'], errors=[{'kind': 'cpu_limit'}])
case('sb-memory-limit', 'process isolation: an app over its memory limit is killed; exit 1', ['SB-7'], isolation=['process'], manifest={'limits': {'memory_mb': 64}},
     onload="const keep = []; setInterval(() => { for (let i = 0; i < 20; i++) keep.push(new Array(100000).fill(i)) }, 1)",
     exit_code=1, exit_status='killed', timeout=30)
case('sb-promise-storm', 'process isolation: an endless promise chain is killed as unresponsive', ['SB-8'], isolation=['process'],
     manifest={'limits': {'cpu_ms': 50}}, onload="const spin = () => Promise.resolve().then(spin); spin()", exit_code=1, exit_status='killed', timeout=30)
case('sb-other-app-survives', 'process isolation: when one app is killed the other keeps running', ['SB-10'], isolation=['process'], targets=['.', 'other'],
     manifest={'limits': {'memory_mb': 64}},
     files={'other/manifest.json': json.dumps({'app_id': 'org.conformance.sb-other-app-survives-other', 'name': 'Other', 'pages': ['pages/index/index']}, indent=2, sort_keys=True) + '\n',
            'other/app.js': 'App({})\n', 'other/pages/index/index.js': "Page({ ping() { console.log('other alive') } })\n"},
     onload="const keep = []; setInterval(() => { for (let i = 0; i < 20; i++) keep.push(new Array(100000).fill(i)) }, 1)",
     script="wait 1500\n@org.conformance.sb-other-app-survives-other call - ping\n", console=['other alive'], exit_code=1, exit_status='killed', timeout=30)
case('sb-app-globals-isolated', 'apps do not share globals', ['SB-9'], targets=['.', 'other'],
     files={'other/manifest.json': json.dumps({'app_id': 'org.conformance.sb-app-globals-isolated-other', 'name': 'Other', 'pages': ['pages/index/index']}, indent=2, sort_keys=True) + '\n',
            'other/app.js': 'App({})\n', 'other/pages/index/index.js': "Page({ look() { console.log('other sees ' + typeof globalThis.sharedSecret + ' ' + (getApp().globalData === 'first')) } })\n"},
     app="App({ globalData: 'first' })\n", onload="globalThis.sharedSecret = 'x'; L('set')", script="wait 30\n@org.conformance.sb-app-globals-isolated-other call - look\n",
     console=['set', 'other sees undefined false'])
case('sb-deep-recursion', 'deep recursion is a catchable RangeError', ['SB-11'],
     onload="const f = (n) => f(n + 1) + 1; try { f(0) } catch (e) { L('SB-11 ' + e.name) } L('after')", console=['SB-11 RangeError', 'after'])
case('sb-huge-string', 'a string too large to allocate is a catchable RangeError', ['SB-11'],
     page="Page({ grow() { try { const s = 'x'.repeat(2 ** 32); console.log('len ' + s.length) } catch (e) { console.log('SB-11 ' + e.name) } console.log('after') } })\n",
     script="call - grow\n", console=['SB-11 RangeError', 'after'])
case('sb-date-random', 'Date and Math.random work', ['SB-12'], level='SHOULD',
     onload="const r = Math.random(); L('SB-12 ' + (Date.now() > 1.7e12) + ' ' + (r >= 0 && r < 1))", console=['SB-12 true true'])
case('sb-no-host-path', 'no host path reaches the app', ['MD-6', 'SB-13'],
     onload="try { require('../../../../../etc/passwd') } catch (e) { L('a ' + e.message) } try { undefined.x } catch (e) { L('b ' + e.stack) } L('url ' + (typeof __filename) + ' ' + (typeof __dirname))",
     console=[{'prefix': 'url '}], output_absent=['$CASE_DIR'])
case('sb-function-tostring-native', 'host functions do not reveal their source', ['SB-13'], level='SHOULD',
     onload="const s = Function.prototype.toString.call(mp.getStorageSync); L('SB-13 ' + !/native\\.|callSync/.test(s))", console=['SB-13 true'])
case('sb-frozen-mp-keys', 'APIs cannot be added to or removed from mp', ['SB-3', 'CC-7'],
     onload="'use strict'; try { delete mp.getStorage } catch (e) {} try { mp.spy = 1 } catch (e) {} L('SB-3 ' + typeof mp.getStorage + ' ' + typeof mp.spy)",
     console=['SB-3 function undefined'])
case('sb-stack-overflow-in-callback', 'a stack overflow inside an API callback is contained', ['SB-11', 'CC-6'],
     onload="mp.getStorageInfo({ success: () => { const f = () => f(); f() }, complete: () => L('complete ran') })", console=['complete ran'])

# ---------------------------------------------------------------- DR: driver
case('dr-script-bad-line', 'an unknown script command: exit 2 with the line number', ['DR-1', 'DR-3'], script="wait 1\nfrobnicate now\n",
     exit_code=2, exit_status=None, stderr_contains=[':2: unknown command "frobnicate"'])
case('dr-call-unknown-method', 'calling a method the page lacks is reported, not fatal', ['DR-1'], level='SHOULD', script="call - nosuch\ncall - ping\n",
     page="Page({ ping() { console.log('pong') } })\n", console=['pong'])
case('dr-comments-blank', 'blank lines and # comments are skipped', ['DR-1'], script="# a comment\n\ncall - ping\n", page="Page({ ping() { console.log('pong') } })\n",
     console=['pong'])
case('dr-wait', 'wait lets the app run', ['DR-1'], onload="setTimeout(() => L('waited'), 30)", script="wait 100\n", console=['waited'])
case('dr-bad-world', 'a misspelt world member: exit 2 naming it', ['DR-3'], world={'walet': {}}, exit_code=2, exit_status=None, stderr_contains=['walet'])
case('dr-bad-world-device', 'a misspelt device member of the world: exit 2 naming its path', ['DR-3'], world={'device': {'gps': False}}, onload="L('ran')",
     exit_code=2, exit_status=None, stderr_contains=['"device.gps" is not a world field'], console_absent=['ran'])
case('dr-json-console-shape', 'console events carry level and message', ['DR-2', 'CO-1'], onload="console.warn('careful')",
     events=[{'type': 'console', 'level': 'warn', 'message': 'careful', 'app': 'org.conformance.dr-json-console-shape'}])
case('dr-json-lifecycle-shape', 'lifecycle events carry target, hook, route and options/query', ['DR-2', 'LC-2'], args=['--query', 'q=1'],
     events=[{'type': 'lifecycle', 'target': 'app', 'hook': 'onLaunch', 'options': {'path': 'pages/index/index', 'query': {'q': '1'}}},
             {'type': 'lifecycle', 'target': 'page', 'hook': 'onLoad', 'route': 'pages/index/index', 'query': {'q': '1'}},
             {'type': 'exit', 'status': 'ok'}])
case('dr-json-error-shape', 'error events carry kind, message and a virtual stack', ['DR-2', 'MD-6'], onload="null.boom",
     events=[{'type': 'error', 'kind': 'exception'}], errors=[{'kind': 'exception', 'message_contains': 'TypeError'}], output_absent=['$CASE_DIR'])
