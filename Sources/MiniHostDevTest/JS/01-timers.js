'use strict';
const G = globalThis;

// Timers and pending requests: the driver's own timers, and the host requests a test awaits.
let nextTimer = 1;
const timers = new Map();
function setTimer(fn, ms) { const id = nextTimer++; timers.set(id, fn); native.setTimer(id, Math.max(0, Number(ms) || 0)); return id; }
function clearTimer(id) { if (timers.delete(id)) native.clearTimer(id); }
// The test file's own timers: real, or fake under minihost.useFakeTimers() (then they run only
// when the test advances the fake clock). The runner's timeouts always use real timers.
const fake = { on: false, now: 0, queue: new Map(), next: 1 };
function fakeAdd(fn, ms, args, repeat) {
  const id = fake.next++, delay = Math.max(0, Number(ms) || 0);
  fake.queue.set(id, { id, fn, args, at: fake.now + delay, every: repeat ? Math.max(1, delay) : 0 });
  return { fake: id };
}
function userTimer(fn, ms, args, repeat) {
  if (typeof fn !== 'function') throw new TypeError((repeat ? 'setInterval' : 'setTimeout') + ' needs a function');
  if (fake.on) return fakeAdd(fn, ms, args, repeat);
  if (!repeat) return setTimer(() => fn(...args), ms);
  const handle = { real: 0 };
  const tick = () => { handle.real = setTimer(tick, ms); fn(...args); };
  handle.real = setTimer(tick, ms);
  return handle;
}
function clearUserTimer(h) {
  if (h && typeof h === 'object') { if (h.fake) fake.queue.delete(h.fake); else clearTimer(h.real); h.real = 0; }
  else clearTimer(h);
}
// Runs the fake timers due up to `until`, earliest first (ties in the order they were set).
function runFakeUntil(until) {
  for (;;) {
    let due = null;
    for (const t of fake.queue.values()) if (t.at <= until && (!due || t.at < due.at)) due = t;
    if (!due) break;
    fake.now = Math.max(fake.now, due.at);
    if (due.every) due.at += due.every; else fake.queue.delete(due.id);
    due.fn(...due.args);
  }
  fake.now = Math.max(fake.now, until);
}
function useRealTimers() { fake.on = false; fake.queue.clear(); fake.now = 0; }
G.setTimeout = (fn, ms, ...args) => userTimer(fn, ms, args, false);
G.setInterval = (fn, ms, ...args) => userTimer(fn, ms, args, true);
G.clearTimeout = clearUserTimer;
G.clearInterval = clearUserTimer;
let nextReq = 1;
const pending = new Map();
function request(start) {
  const site = new Error('');  // where the test asked: a failure is reported at that line
  return new Promise((resolve, reject) => {
    const id = nextReq++;
    pending.set(id, { resolve, reject, site });
    try { start(id); } catch (e) { pending.delete(id); reject(e); }
  });
}
