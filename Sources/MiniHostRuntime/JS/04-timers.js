// Timers: setTimeout/setInterval ids, armed and fired through the host's event loop.
//
let nextTimerId = 1;
const timers = new MapCtor();
function addTimer(fn, ms, args, repeat) {
  if (typeof fn !== 'function') throw new TypeErrorCtor('The callback must be a function (code strings are not evaluated)');
  let delay = NumberCtor(ms);
  if (!(delay >= 0) || delay > 2147483647) delay = 0;
  if (repeat && delay < 1) delay = 1;
  const id = nextTimerId++;
  timers.set(id, { fn, args, delay, repeat });
  native.setTimer(id, delay);
  return id;
}
function clearTimer(id) {
  if (timers.delete(id)) native.clearTimer(id);
}
function fireTimer(id) {
  const t = timers.get(id);
  if (!t) return;
  if (t.repeat) native.setTimer(id, t.delay); else timers.delete(id);
  guarded('timer', t.fn, undefined, t.args);
}
