// Selectors as WeChat's selector queries and miniprogram-automator take them: tag, `*`, `#id`,
// `.class`, `[attr]`, `[attr="v"]` (also `~= ^= $= *= |=`), compounds, the descendant (space),
// child (`>`) and cross-component descendant (`>>>`) combinators, and lists (`,`).
// Parsed: [complex, ...]; complex: [{compound, combinator to the left: ' ' | '>' | '>>>' | null}].

const uiSelectorCache = new UIMap();
const UI_NAME_CHAR = /[A-Za-z0-9_\-\u00a0-\uffff]/;
const UI_TAG_CHAR = /[A-Za-z0-9_\-]/, UI_ATTR_CHAR = /[A-Za-z0-9_\-:]/;

function selectorError(selector, pos, what) {
  return new UIError('invalid selector "' + selector + '": ' + what + ' at position ' + (pos + 1));
}

function parseSelector(selector) {
  if (typeof selector !== 'string') throw new UIError('a selector must be a string, not ' + (selector === null ? 'null' : typeof selector));
  const cached = uiSelectorCache.get(selector);
  if (cached) return cached;
  const s = selector;
  let i = 0;
  const skipSpace = () => { const start = i; while (i < s.length && /\s/.test(s[i])) i++; return i > start; };
  const name = (charClass, what) => {
    const start = i;
    while (i < s.length && charClass.test(s[i])) i++;
    if (i === start) throw selectorError(s, i, i < s.length ? 'expected ' + what + ', found "' + s[i] + '"' : 'expected ' + what + ', found the end');
    return s.slice(start, i);
  };
  const quoted = () => {
    const q = s[i++], start = i;
    while (i < s.length && s[i] !== q) i++;
    if (i >= s.length) throw selectorError(s, start - 1, 'unterminated string');
    return s.slice(start, i++);
  };
  const attribute = () => {
    i++;
    skipSpace();
    const attr = { name: name(UI_ATTR_CHAR, 'an attribute name'), op: null, value: null };
    skipSpace();
    if (s[i] !== ']') {
      const two = s.slice(i, i + 2);
      if (s[i] === '=') { attr.op = '='; i++; }
      else if (two === '~=' || two === '^=' || two === '$=' || two === '*=' || two === '|=') { attr.op = two; i += 2; }
      else throw selectorError(s, i, 'expected "]" or an operator, found "' + (s[i] || 'the end') + '"');
      skipSpace();
      attr.value = s[i] === '"' || s[i] === '\'' ? quoted() : name(UI_NAME_CHAR, 'a value');
      skipSpace();
      if (s[i] !== ']') throw selectorError(s, i, 'expected "]"');
    }
    i++;
    return attr;
  };
  const compound = () => {
    const c = { tag: null, id: null, classes: [], attrs: [] };
    let parts = 0;
    if (s[i] === '*') { i++; parts++; }
    else if (i < s.length && /[A-Za-z]/.test(s[i])) { c.tag = name(UI_TAG_CHAR, 'a tag'); parts++; }
    for (;;) {
      if (s[i] === '#') { i++; c.id = name(UI_NAME_CHAR, 'an id'); }
      else if (s[i] === '.') { i++; c.classes.push(name(UI_NAME_CHAR, 'a class name')); }
      else if (s[i] === '[') c.attrs.push(attribute());
      else break;
      parts++;
    }
    if (parts === 0) throw selectorError(s, i, i < s.length ? 'unexpected "' + s[i] + '"' : 'expected a selector, found the end');
    return c;
  };
  const list = [];
  skipSpace();
  for (;;) {
    const complex = [{ compound: compound(), combinator: null }];
    for (;;) {
      const spaced = skipSpace();
      if (i >= s.length || s[i] === ',') break;
      let combinator = ' ';
      if (s.slice(i, i + 3) === '>>>') { combinator = '>>>'; i += 3; skipSpace(); }
      else if (s[i] === '>') { combinator = '>'; i++; skipSpace(); }
      else if (!spaced) throw selectorError(s, i, 'unexpected "' + s[i] + '"');
      complex.push({ compound: compound(), combinator });
    }
    list.push(complex);
    if (i >= s.length) break;
    i++;
    skipSpace();
  }
  if (uiSelectorCache.size > 256) uiSelectorCache.clear();
  uiSelectorCache.set(selector, list);
  return list;
}
