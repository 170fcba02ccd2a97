// Selector matching over the view tree. A query has a scope, one instance's own tree: a page's
// selectors see the page's nodes (slot content it gives its components included) but not the
// inside of its components; on a component element they see that component's shadow tree.
// Only `>>>` reaches into components below the scope.

const uiIsSpace = (code) => code === 32 || code === 9 || code === 10 || code === 13 || code === 12;

// Whether the whitespace-separated list `raw` holds `word` (no allocation: queries run often).
function hasWord(raw, word) {
  for (let from = 0; ;) {
    const at = raw.indexOf(word, from);
    if (at < 0) return false;
    const end = at + word.length;
    if ((at === 0 || uiIsSpace(raw.charCodeAt(at - 1))) && (end === raw.length || uiIsSpace(raw.charCodeAt(end)))) return true;
    from = at + 1;
  }
}

function attributeMatches(node, a) {
  const attrs = uiAttrs(node);
  if (!uiOwn(attrs, a.name)) return false;
  if (a.op === null) return true;
  const v = uiFieldString(attrs[a.name]), want = a.value;
  switch (a.op) {
    case '=': return v === want;
    case '~=': return want !== '' && hasWord(v, want);
    case '^=': return want !== '' && v.slice(0, want.length) === want;
    case '$=': return want !== '' && v.length >= want.length && v.slice(v.length - want.length) === want;
    case '*=': return want !== '' && v.indexOf(want) >= 0;
    case '|=': return v === want || v.slice(0, want.length + 1) === want + '-';
    default: return false;
  }
}

function compoundMatches(node, c) {
  if (!uiIsElement(node)) return false;
  if (c.tag !== null && node.tag !== c.tag) return false;
  if (c.id !== null && uiFieldString(attrOf(node, 'id')) !== c.id) return false;
  if (c.classes.length > 0) {
    const raw = attrOf(node, 'class');
    if (raw === undefined || raw === null) return false;
    const list = UIString(raw);
    for (const k of c.classes) if (!hasWord(list, k)) return false;
  }
  for (const a of c.attrs) if (!attributeMatches(node, a)) return false;
  return true;
}

// The node's parent in its own template, or for a root of a component's tree its element.
function crossParent(node) {
  const p = ownerParent(node);
  if (p) return p;
  const inst = instances.get(node.owner);
  return inst && inst.host ? inst.host : null;
}

// Whether `node` matches parts 0..idx of `complex`, read right to left.
function complexMatches(node, complex, idx, scope) {
  if (!compoundMatches(node, complex[idx].compound)) return false;
  if (idx === 0) return true;
  const combinator = complex[idx].combinator;
  if (combinator === '>') {
    const p = ownerParent(node);
    return p !== null && complexMatches(p, complex, idx - 1, scope);
  }
  if (combinator === ' ') {
    for (let p = ownerParent(node); p; p = ownerParent(p)) if (complexMatches(p, complex, idx - 1, scope)) return true;
    return false;
  }
  for (let p = crossParent(node); p && treeWithin(p.owner, scope); p = crossParent(p)) {
    if (complexMatches(p, complex, idx - 1, scope)) return true;
  }
  return false;
}

const uiIsDeep = (complex) => { for (const part of complex) if (part.combinator === '>>>') return true; return false; };

// The elements matching `selector` in document order (the first only unless `all`): in
// instance `scope`'s tree, below `root` when given (a component element: its shadow tree).
function selectNodes(scope, root, selector, all) {
  const list = parseSelector(selector);
  let key = scope, roots;
  if (root) {
    key = uiIsCustom(root) ? root.comp : root.owner;
    roots = composedChildren(root);
  } else {
    roots = treeRoots(key);
    if (roots === null) throw new UIError('no page or component with key ' + UIString(scope) + ' in the view');
  }
  const out = [];
  for (const node of composedElements(roots, [])) {
    const own = node.owner === key;
    if (!own && !treeWithin(node.owner, key)) continue;
    for (const complex of list) {
      if ((own || uiIsDeep(complex)) && complexMatches(node, complex, complex.length - 1, key)) { out.push(node); break; }
    }
    if (!all && out.length > 0) break;
  }
  return out;
}
