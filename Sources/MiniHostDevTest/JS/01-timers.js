'use strict';
const G = globalThis;

// Timers and pending requests: the driver's own timers, and the host requests a test awaits.
let nextTimer = 1;
const timers = new Map();
function setTimer(fn, ms) { const id = nextTimer++; timers.set(id, fn); native.setTimer(id, Math.max(0, Number(ms) || 0)); return id; }
function clearTimer(id) { if (timers.delete(id)) native.clearTimer(id); }
G.setTimeout = (fn, ms, ...args) => setTimer(() => fn(...args), ms);
G.clearTimeout = clearTimer;
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
