// Event dispatch as WeChat's exparser does it: a capture phase from the root down to the target,
// then a bubble phase back up; `catch` stops, `capture-catch` stops both phases, `mut-bind`
// handlers exclude each other. Handlers run in the logic context through `callLogic('event')`.

// Touch-type events bubble, cross component boundaries and have a capture phase; every other
// built-in event reaches only its target.
const UI_TOUCH_EVENTS = UIFreeze({
  tap: true, longpress: true, longtap: true,
  touchstart: true, touchmove: true, touchend: true, touchcancel: true, touchforcechange: true,
});

// The options of a built-in event of this type (`triggerEvent` gives its own).
function nativeEventOptions(type) {
  const touch = UI_TOUCH_EVENTS[type] === true;
  return { bubbles: touch, composed: touch, capturePhase: touch, touch };
}

function eventNodeInfo(node) {
  const id = uiAttrs(node).id;
  return { id: id === undefined || id === null ? '' : UIString(id), dataset: datasetOf(node), offsetLeft: 0, offsetTop: 0 };
}

// The target as seen from `node`'s tree: an event from inside a component appears to come from
// the component's element to every tree outside it.
function retarget(target, node) {
  let t = target;
  for (let guard = 0; guard < 1000 && !treeWithin(node.owner, t.owner); guard++) {
    const inst = instances.get(t.owner);
    if (!inst || !inst.host) break;
    t = inst.host;
  }
  return t;
}

// The nodes an event passes, target first: all it is drawn in when composed, else only those
// of the target's own tree.
function eventPath(target, composed) {
  const path = [];
  for (let n = target; n; n = composedParent(n)) if (composed || n.owner === target.owner) path.push(n);
  return path;
}

// `mark` for a handler on `node`: the `mark:*` of the target and everything it is drawn in,
// the nearer one winning, leaving out what lies outside `node`'s tree.
function markFor(target, node) {
  const mark = {};
  for (let n = target; n; n = composedParent(n)) {
    if (!treeWithin(n.owner, node.owner)) continue;
    const own = ownMarks(n);
    for (const k of UIKeys(own)) if (!uiOwn(mark, k)) uiPut(mark, k, own[k]);
  }
  return mark;
}

function touchList() {
  return [{ identifier: 0, pageX: 0, pageY: 0, clientX: 0, clientY: 0 }];
}

function eventObject(type, target, node, detail, options) {
  const event = {
    type,
    timeStamp: UIDateNow() - uiStartTime,
    target: eventNodeInfo(retarget(target, node)),
    currentTarget: eventNodeInfo(node),
    mark: markFor(target, node),
    detail: detail === undefined ? {} : detail,
  };
  if (options.touch) {
    const ended = type === 'touchend' || type === 'touchcancel';
    event.touches = ended ? [] : touchList();
    event.changedTouches = touchList();
  }
  return event;
}

function runHandler(type, target, node, listener, detail, options) {
  const handler = listener.handler;
  if (typeof handler !== 'string' || handler === '') return;
  callLogic('event', { key: node.owner, handler, event: eventObject(type, target, node, detail, options) });
}

// Dispatches event `type` from `target`. `options`: {bubbles, composed, capturePhase, touch}.
// Returns the number of handlers run.
function dispatchEvent(target, type, detail, options) {
  const path = eventPath(target, options.composed === true);
  let ran = 0, stopped = false, mutDone = false;
  const listenersOf = (node, capture) => {
    const out = [];
    for (const l of UIIsArray(node.events) ? node.events : []) if (l.type === type && (l.capture === true) === capture) out.push(l);
    return out;
  };
  if (options.capturePhase === true) {
    for (let i = path.length - 1; i >= 0 && !stopped; i--) {
      for (const l of listenersOf(path[i], true)) {
        runHandler(type, target, path[i], l, detail, options); ran++;
        if (l.catch === true) stopped = true;
      }
    }
  }
  for (let i = 0; i < path.length && !stopped; i++) {
    const node = path[i];
    if (options.bubbles !== true && retarget(target, node) !== node) continue;
    for (const l of listenersOf(node, false)) {
      if (l.mut === true) {
        if (mutDone) continue;
        mutDone = true;
      }
      runHandler(type, target, node, l, detail, options); ran++;
      if (l.catch === true) stopped = true;
    }
  }
  return ran;
}

// Fires a built-in event of `type` on `node` with WeChat's options for that type.
function fireNative(node, type, detail) {
  return dispatchEvent(node, type, detail, nativeEventOptions(type));
}

// A component's `triggerEvent`: dispatched from the component's element in its owner's tree.
// `arg`: {key, name, detail, bubbles, composed, capturePhase}.
function handleTrigger(arg) {
  const inst = arg ? instances.get(arg.key) : undefined;
  if (!inst || !inst.host || typeof arg.name !== 'string') return;
  dispatchEvent(inst.host, arg.name, arg.detail, {
    bubbles: arg.bubbles === true, composed: arg.composed === true,
    capturePhase: arg.capturePhase === true, touch: false,
  });
}
