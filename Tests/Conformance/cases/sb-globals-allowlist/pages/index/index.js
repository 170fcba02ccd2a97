const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const allowed = new Set(['AggregateError','App','Behavior','Component','Array','ArrayBuffer','Atomics','BigInt','BigInt64Array','BigUint64Array','Boolean','DataView','Date','Error','EvalError','FinalizationRegistry','Float16Array','Float32Array','Float64Array','Function','Infinity','Int16Array','Int32Array','Int8Array','Intl','Iterator','JSON','Map','Math','NaN','Number','Object','Page','Promise','Proxy','RangeError','ReferenceError','Reflect','RegExp','Set','String','Symbol','SyntaxError','TypeError','URIError','Uint16Array','Uint32Array','Uint8Array','Uint8ClampedArray','WeakMap','WeakRef','WeakSet','clearInterval','clearTimeout','console','decodeURI','decodeURIComponent','encodeURI','encodeURIComponent','escape','eval','getApp','getCurrentPages','global','globalThis','isFinite','isNaN','mp','parseFloat','parseInt','queueMicrotask','setInterval','setTimeout','undefined','unescape','wx']);
const extra = Object.getOwnPropertyNames(globalThis).filter((n) => !allowed.has(n)); L('SB-5 extra [' + extra.join(',') + ']')
} })
