// Where rendering is (file, line, column of the template node at hand), errors reported as the
// app's console lines, and the JSON channel to the logic context.
let siteFile = '', siteLine = 0, siteCol = 0;
function setSite(file, t) {
  siteFile = file.path;
  if (t.line) { siteLine = t.line; siteCol = t.col || 0; }
}
function reportAt(level, file, line, col, message) {
  native.print(level, '[view] ' + file + ':' + (line || 0) + ':' + (col || 0) + ': ' + message);
}
// An error of the app's template or WXS at the current site; rendering goes on.
function reportHere(message) { reportAt('error', siteFile, siteLine, siteCol, message); }
function warn(message) { native.print('warn', '[view] ' + message); }
// A thrown value as one line, without trusting it (WXS can throw anything).
function describeThrown(e) {
  try {
    if (e !== null && typeof e === 'object' && typeof e.message === 'string') {
      const name = typeof e.name === 'string' ? e.name : '';
      return (name ? name + ': ' : '') + e.message;
    }
    return StringCtor(e);
  } catch (x) {
    return 'an exception that cannot be described';
  }
}
// A call into the logic context: JSON both ways; the parsed answer (undefined when empty).
function callLogic(op, obj) {
  const text = native.logic(op, JSONStringify(obj));
  return typeof text === 'string' && text !== '' ? JSONParse(text) : undefined;
}
