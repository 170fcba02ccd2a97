"""Cases for code as WeChat projects write it: module resolution (WM) and ES modules and
TypeScript (ES). Loaded by wechat_cases.py."""
from casekit import wechat_appid
from wechat_cases import wx

# ---------------------------------------------------------------- WM: module resolution
npm = {
    'miniprogram_npm/tiny-fmt/index.js': "module.exports = { name: 'root tiny-fmt', pad: (s) => '[' + s + ']' };\n",
    'miniprogram_npm/tiny-fmt/extra.js': "module.exports = 'tiny-fmt/extra';\n",
    'pages/miniprogram_npm/tiny-fmt/index.js': "module.exports = { name: 'pages tiny-fmt' };\n",
    'miniprogram_npm/only-root/index.js': "module.exports = 'only-root';\n",
}
wx('wm-npm-bare-name', 'a bare name is looked up in miniprogram_npm', ['WM-1'], files=npm,
   onload="L('WM-1 ' + require('only-root'))", console=['WM-1 only-root'])
wx('wm-npm-nearest-first', 'miniprogram_npm is looked up from the caller\'s folder upward: the nearest wins', ['WM-1'], files=npm,
   onload="L('WM-1 ' + require('tiny-fmt').name)", console=['WM-1 pages tiny-fmt'])
wx('wm-npm-from-root', 'from app.js the root miniprogram_npm is used', ['WM-1'], files=npm,
   app="globalThis.__n = require('tiny-fmt').name;\nApp({})\n", onload="L('WM-1 ' + globalThis.__n)", console=['WM-1 root tiny-fmt'])
wx('wm-npm-subpath', 'a bare name with a path names a file of the package', ['WM-1'], files=npm,
   onload="L('WM-1 ' + require('tiny-fmt/extra'))", console=['WM-1 tiny-fmt/extra'])
wx('wm-npm-missing', 'a bare name found nowhere throws naming it', ['WM-1', 'MD-7'], files=npm,
   onload="try { require('no-such-pkg'); L('found') } catch (e) { L('missing: ' + e.message) }", console=[{'regex': '^missing: .*no-such-pkg'}])
wx('wm-npm-inside-package', 'a module of an npm package requires its own files relatively', ['WM-1', 'MD-1'],
   files={'miniprogram_npm/two/index.js': "module.exports = require('./lib/part') + '+index';\n", 'miniprogram_npm/two/lib/part.js': "module.exports = 'part';\n"},
   onload="L('WM-1 ' + require('two'))", console=['WM-1 part+index'])
wx('wm-relative-without-dot', 'a path without ./ not found in miniprogram_npm is relative to the caller', ['WM-2'],
   files={'pages/index/helper.js': "module.exports = 'helper';\n", 'utils/u.js': "module.exports = 'u';\n"},
   onload="L('WM-2 ' + require('helper') + ' ' + require('helper.js'))", console=['WM-2 helper helper'])
wx('wm-alias-folder', 'resolveAlias maps a folder (@utils/* to utils/*)', ['WM-3'], app_json={'resolveAlias': {'@utils/*': 'utils/*'}},
   files={'utils/fmt.js': "module.exports = 'fmt';\n"}, onload="L('WM-3 ' + require('@utils/fmt'))", console=['WM-3 fmt'])
wx('wm-alias-exact', 'resolveAlias maps one spec exactly; a leading / is allowed', ['WM-3'], app_json={'resolveAlias': {'config': '/conf/main.js'}},
   files={'conf/main.js': "module.exports = { env: 'prod' };\n"}, onload="L('WM-3 ' + require('config').env)", console=['WM-3 prod'])
wx('wm-alias-longest', 'the longest matching alias key wins', ['WM-3'],
   app_json={'resolveAlias': {'@/*': '/*', '@/lib/*': '/vendor/lib/*'}},
   files={'lib/x.js': "module.exports = 'lib';\n", 'vendor/lib/x.js': "module.exports = 'vendor';\n"},
   onload="L('WM-3 ' + require('@/lib/x') + ' ' + require('@/lib/x') )", console=['WM-3 vendor vendor'])
wx('wm-alias-import', 'resolveAlias applies to import as well', ['WM-3', 'ES-1'], app_json={'resolveAlias': {'@utils/*': 'utils/*'}},
   files={'utils/fmt.js': "export const fmt = (s) => '<' + s + '>';\n"},
   page="import { fmt } from '@utils/fmt';\nPage({ onLoad() { L('WM-3 ' + fmt('a')) } })\n", console=['WM-3 <a>'])
wx('wm-alias-escape', 'an alias target leaving the mini-program is refused', ['WM-7'], app_json={'resolveAlias': {'@x/*': '../../outside/*'}},
   onload="try { require('@x/passwd'); L('escaped') } catch (e) { L('WM-7 refused') }", console=['WM-7 refused'], console_absent=['escaped'])
wx('wm-json', 'require of a .json file gives its data', ['WM-4'], files={'data/cities.json': '{"list": ["bj", "sh"]}\n'},
   onload="L('WM-4 ' + require('../../data/cities.json').list.join(','))", console=['WM-4 bj,sh'])
wx('wm-json-extension-optional', 'a .json module is found without its extension', ['WM-4'], files={'data/cfg.json': '{"v": 2}\n'},
   onload="L('WM-4 ' + require('../../data/cfg').v)", console=['WM-4 2'])
wx('wm-require-async', 'require.async returns a Promise of the module, settled after the caller returns', ['WM-5'],
   files={'lazy/mod.js': "module.exports = { v: 'lazy' };\n"},
   onload="const p = require.async('../../lazy/mod'); L('WM-5 promise ' + (p instanceof Promise)); p.then((m) => L('WM-5 ' + m.v)); L('WM-5 after')",
   console=['WM-5 promise true', 'WM-5 after', 'WM-5 lazy'], console_match='exact')
wx('wm-require-async-missing', 'require.async of a missing module rejects naming it', ['WM-5', 'MD-7'],
   onload="require.async('./nothing-here').then(() => L('found'), (e) => L('WM-5 rejected ' + e.message))",
   console=[{'regex': '^WM-5 rejected .*nothing-here'}])
wx('wm-global-object', 'global is a plain object shared by every module of the app', ['WM-6'],
   app="global.shared = 'from app';\nApp({})\n", files={'lib/g.js': "module.exports = global.shared + ' seen by lib';\n"},
   onload="L('WM-6 ' + typeof global + ' ' + require('../../lib/g'))", console=['WM-6 object from app seen by lib'])
wx('wm-global-not-globalthis', 'global is not the global object: writing it defines no global variable', ['WM-6', 'SB-3'],
   onload="global.zz = 1; L('WM-6 ' + (global === globalThis) + ' ' + typeof zz)", console=['WM-6 false undefined'])
wx('wm-global-per-app', 'each app has its own global', ['WM-6', 'SB-9'], targets=['.', 'other'],
   onload="global.mark = 'first'; L('first ' + global.mark)",
   files={'other/project.config.json': '{"appid": "%s", "projectname": "other"}\n' % wechat_appid('wm-global-per-app-other'),
          'other/app.json': '{"pages": ["pages/index/index"]}\n', 'other/app.js': 'App({})\n',
          'other/pages/index/index.js': "Page({ onLoad() { setTimeout(() => console.log('other ' + typeof global.mark), 20) } })\n"},
   console=['first first', 'other undefined'])
wx('wm-escape-dotdot', 'a relative path out of the mini-program throws', ['WM-7', 'MD-2'], root='miniprogram',
   files={'../secret.js': "module.exports = 'secret';\n"},
   onload="try { require('../../../secret.js'); L('escaped') } catch (e) { L('WM-7 threw ' + e.name) }",
   console=['WM-7 threw Error'], console_absent=['escaped'])
wx('wm-escape-bare', 'a bare name with .. out of the mini-program throws', ['WM-7'],
   onload="try { require('pkg/../../../../../../etc/hostname'); L('escaped') } catch (e) { L('WM-7 threw') }",
   console=['WM-7 threw'], console_absent=['escaped'])
wx('wm-escape-absolute', 'an absolute path throws', ['WM-7', 'MD-2'],
   onload="try { require('/etc/hostname'); L('escaped') } catch (e) { L('WM-7 threw') }", console=['WM-7 threw'], console_absent=['escaped'])
wx('wm-cycle', 'cycles between npm modules follow Node: a partial exports object', ['WM-8', 'MD-4'],
   files={'miniprogram_npm/cyc/index.js': "exports.early = 'early'; const b = require('./b'); exports.late = 'late'; exports.seen = b.seen;\n",
          'miniprogram_npm/cyc/b.js': "const a = require('./index'); exports.seen = a.early + '/' + a.late;\n"},
   onload="L('WM-8 ' + require('cyc').seen)", console=['WM-8 early/undefined'])
wx('wm-esm-cycle', 'a cycle between ES modules runs; functions are hoisted', ['WM-8', 'ES-1'],
   files={'lib/a.js': "import { b } from './b';\nexport function a() { return 'a'; }\nexport const viaB = () => b();\n",
          'lib/b.js': "import { a } from './a';\nexport function b() { return 'b>' + a(); }\n"},
   page="import { viaB } from '../../lib/a';\nPage({ onLoad() { L('WM-8 ' + viaB()) } })\n", console=['WM-8 b>a'])
wx('wm-cache', 'a module reached by two spellings is evaluated once', ['WM-8', 'MD-3'],
   app_json={'resolveAlias': {'@lib/*': 'lib/*'}}, files={'lib/count.js': "global.n = (global.n || 0) + 1; module.exports = { n: global.n };\n"},
   onload="const x = require('@lib/count'), y = require('../../lib/count.js'); L('WM-8 ' + (x === y) + ' ' + global.n)", console=['WM-8 true 1'])

# ---------------------------------------------------------------- ES: ES modules and TypeScript
esm = {
    'utils/named.js': "export const answer = 42;\nexport function twice(n) { return n * 2; }\nexport default 'the default';\n",
    'utils/cjs-fn.js': "module.exports = function greet(n) { return 'hi ' + n; };\nmodule.exports.extra = 'x';\n",
    'utils/cjs-obj.js': "exports.k = 'named from cjs';\n",
    'utils/types.ts': ("export interface Point { x: number; y: number }\ntype Id = string;\n"
                       "export enum Color { Red = 'red', Blue = 'blue' }\nexport const norm = (p: Point): number => Math.abs(p.x) + Math.abs(p.y);\n"
                       "export const id = (s: Id): Id => s;\n"),
}
wx('es-named-imports', 'named imports of an ES module', ['ES-1'], files=esm,
   page="import { answer, twice } from '../../utils/named';\nPage({ onLoad() { L('ES-1 ' + answer + ' ' + twice(4)) } })\n", console=['ES-1 42 8'])
wx('es-default-import', 'export default is the default import', ['ES-1'], files=esm,
   page="import d from '../../utils/named';\nPage({ onLoad() { L('ES-1 ' + d) } })\n", console=['ES-1 the default'])
wx('es-namespace-import', 'import * gives the namespace', ['ES-1'], files=esm,
   page="import * as ns from '../../utils/named';\nPage({ onLoad() { L('ES-1 ' + ns.answer + ' ' + ns.default + ' ' + typeof ns.twice) } })\n",
   console=['ES-1 42 the default function'])
wx('es-reexport', 'export * from and export { x as y } from re-export', ['ES-1'],
   files=dict(esm, **{'utils/index.js': "export * from './named';\nexport { k as fromCjs } from './cjs-obj';\n"}),
   page="import { answer, fromCjs } from '../../utils/index';\nPage({ onLoad() { L('ES-1 ' + answer + ' ' + fromCjs) } })\n",
   console=['ES-1 42 named from cjs'])
wx('es-app-js', 'app.js may be an ES module', ['ES-1'], files=esm,
   app="import { answer } from './utils/named';\nApp({ globalData: { answer } });\n", onload="L('ES-1 ' + getApp().globalData.answer)", console=['ES-1 42'])
wx('es-default-from-cjs', 'import x from a CommonJS module gives its module.exports', ['ES-2'], files=esm,
   page="import greet from '../../utils/cjs-fn';\nPage({ onLoad() { L('ES-2 ' + greet('ann') + ' ' + greet.extra) } })\n",
   console=['ES-2 hi ann x'])
wx('es-named-from-cjs', 'a named import from a CommonJS module reads its exports', ['ES-2'], files=esm,
   page="import { k } from '../../utils/cjs-obj';\nPage({ onLoad() { L('ES-2 ' + k) } })\n", console=['ES-2 named from cjs'])
wx('es-require-esm', 'require of an ES module gives its exports, the default as .default', ['ES-2'], files=esm,
   onload="const m = require('../../utils/named'); L('ES-2 ' + m.answer + ' ' + m.default)", console=['ES-2 42 the default'])
wx('es-npm-esm', 'an npm package written as an ES module is imported by name', ['ES-2', 'WM-1'],
   files={'miniprogram_npm/esm-pkg/index.js': "export default function hello() { return 'esm pkg'; }\nexport const v = 1;\n"},
   page="import hello, { v } from 'esm-pkg';\nPage({ onLoad() { L('ES-2 ' + hello() + ' ' + v) } })\n", console=['ES-2 esm pkg 1'])
wx('es-ts-types-stripped', 'TypeScript: types and interfaces are removed, enums and code run', ['ES-4'], files=esm, page_ext='.ts',
   page="import { norm, Color, id, Point } from '../../utils/types';\nconst p: Point = { x: -2, y: 3 };\nPage({ onLoad() { L('ES-4 ' + norm(p) + ' ' + Color.Blue + ' ' + id('z')) } })\n",
   console=['ES-4 5 blue z'])
wx('es-ts-required', 'a .ts module is found by require without its extension', ['ES-4', 'WM-2'], files=esm,
   onload="L('ES-4 ' + require('../../utils/types').Color.Red)", console=['ES-4 red'])
wx('es-ts-app', 'app.ts is the app\'s code when there is no app.js', ['ES-4'],
   files={'app.ts': "interface G { who: string }\nconst g: G = { who: 'ts app' };\nApp({ globalData: g });\n"}, app=None,
   onload="L('ES-4 ' + getApp().globalData.who)", console=['ES-4 ts app'])
wx('es-ts-stack', 'an error thrown in TypeScript has a stack at the original .ts line', ['ES-5'],
   files={'utils/boom.ts': "type Reason = string;\ninterface Opts {\n  reason: Reason;\n}\n\nexport function boom(o: Opts): never {\n  throw new Error('boom: ' + o.reason);\n}\n"},
   page="import { boom } from '../../utils/boom';\nPage({ onLoad() { try { boom({ reason: 'r' }) } catch (e) { L('stack: ' + e.stack) } } })\n",
   console=[{'regex': 'miniapp://%s/utils/boom\\.ts:7' % wechat_appid('es-ts-stack')}], output_absent=['$CASE_DIR'])
wx('es-esm-stack', 'an error thrown in an ES module has a stack at the original line', ['ES-5'],
   files={'utils/thrower.js': "import { answer } from './named';\n\n\nexport function fail() {\n  if (answer) throw new Error('esm failed');\n}\n",
          'utils/named.js': esm['utils/named.js']},
   page="import { fail } from '../../utils/thrower';\nPage({ onLoad() { try { fail() } catch (e) { L('stack: ' + e.stack) } } })\n",
   console=[{'regex': 'miniapp://%s/utils/thrower\\.js:5' % wechat_appid('es-esm-stack')}])
wx('es-ts-error-event', 'an uncaught error in a .ts page reaches App.onError with the .ts position', ['ES-5', 'LC-4'], page_ext='.ts',
   app="App({ onError(m) { console.log('onError ' + m) } })\n",
   page="interface Q { a?: string }\nPage({\n  onLoad(q: Q) {},\n  boom(): void {\n    throw new TypeError('ts method failed');\n  },\n});\n",
   script="call - boom\n", errors=[{'kind': 'exception', 'message_contains': 'ts method failed'}],
   console=[{'regex': '^onError .*ts method failed(.|\\n)*pages/index/index\\.ts:7'}])
wx('es-syntax-error', 'a syntax error in an ES module is refused naming the file, line and column', ['ES-6'],
   files={'utils/bad.js': "export const ok = 1;\n\nexport const broken = (;\n"},
   page="import { ok } from '../../utils/bad';\nPage({ onLoad() { L('ran') } })\n", exit_code=2, exit_status=None,
   stderr_contains=['utils/bad.js:3:24: '], console_absent=['ran'])
wx('es-ts-syntax-error', 'a syntax error in a .ts file is refused naming the .ts file and line', ['ES-6'],
   files={'utils/bad.ts': "export interface A { x: number }\nexport const f = (a: A) => {\n  return a.x +;\n};\n"},
   page="import { f } from '../../utils/bad';\nPage({ onLoad() { L('ran') } })\n", exit_code=2, exit_status=None,
   stderr_contains=['utils/bad.ts:3:15: '], console_absent=['ran'])
wx('es-unresolvable-import', 'an import that resolves to nothing fails naming the importing file and the spec', ['ES-6', 'MD-7'],
   page="import { x } from '../../utils/nowhere';\nPage({ onLoad() { L('ran ' + x) } })\n", exit_code=1, exit_status='crashed',
   errors=[{'kind': 'launch', 'message_contains': 'utils/nowhere'}], console_absent=['ran'])
wx('es-mixed-chain', 'CommonJS requiring an ES module that imports CommonJS', ['ES-2'],
   files=dict(esm, **{'utils/mid.js': "import greet from './cjs-fn';\nexport const hello = () => greet('mid');\n"}),
   onload="L('ES-2 ' + require('../../utils/mid').hello())", console=['ES-2 hi mid'])
wx('es-same-module', 'a module imported by one file and required by another is evaluated once', ['ES-3'],
   files={'lib/once.js': "global.loads = (global.loads || 0) + 1;\nexport const n = global.loads;\n",
          'lib/user.js': "const m = require('./once');\nmodule.exports = m.n;\n"},
   page="import { n } from '../../lib/once';\nimport u from '../../lib/user';\nPage({ onLoad() { L('ES-3 ' + n + ' ' + u + ' ' + global.loads) } })\n",
   console=['ES-3 1 1 1'])
wx('es-import-json', 'an ES module imports a .json file as its default export', ['ES-2', 'WM-4'], files={'data/conf.json': '{"theme": "dark"}\n'},
   page="import conf from '../../data/conf.json';\nPage({ onLoad() { L('ES-2 ' + conf.theme) } })\n", console=['ES-2 dark'])
wx('es-import-and-require', 'one file may both import and require', ['ES-2'], files=esm,
   page="import { answer } from '../../utils/named';\nconst greet = require('../../utils/cjs-fn');\nPage({ onLoad() { L('ES-2 ' + greet(answer)) } })\n",
   console=['ES-2 hi 42'])
wx('es-ts-component-page', 'a page written as a component in TypeScript', ['ES-4', 'PC-1'], page_ext='.ts',
   page=("interface Data { n: number }\nComponent({\n  properties: { n: { type: Number, value: 1 } },\n"
         "  methods: { onLoad(): void { const d = this.data as Data; L('ES-4 ' + (d.n + 1)) } },\n})\n"),
   args=['--query', 'n=41'], console=['ES-4 42'])
wx('es-export-default-class', 'export default class is imported and constructed', ['ES-1'],
   files={'lib/counter.js': "export default class Counter {\n  constructor() { this.n = 0; }\n  inc() { return ++this.n; }\n}\n"},
   page="import Counter from '../../lib/counter';\nPage({ onLoad() { const c = new Counter(); c.inc(); L('ES-1 ' + c.inc()) } })\n",
   console=['ES-1 2'])
