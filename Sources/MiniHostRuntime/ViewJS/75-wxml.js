// The tree as WXML text, as WeChat DevTools' WXML panel shows it: attributes in source order with
// their values as strings, text escaped, a custom component as its tag with its shadow tree
// inside, slot content where its slot is (a `slot` or `block` node shows only its content).
// And the text of a subtree.

const UI_TRANSPARENT = UIFreeze({ slot: true, block: true });

const uiEscapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const uiEscapeAttr = (s) => uiEscapeText(s).replace(/"/g, '&quot;');

function wxmlOf(node, out) {
  if (!uiIsElement(node)) {
    out.push(uiEscapeText(uiFieldString(node.text)));
    return;
  }
  if (UI_TRANSPARENT[node.tag] === true && !uiIsCustom(node)) {
    for (const child of composedChildren(node)) wxmlOf(child, out);
    return;
  }
  out.push('<', node.tag);
  const attrs = uiAttrs(node);
  for (const name of UIKeys(attrs)) out.push(' ', name, '="', uiEscapeAttr(uiFieldString(attrs[name])), '"');
  out.push('>');
  for (const child of composedChildren(node)) wxmlOf(child, out);
  out.push('</', node.tag, '>');
}

function innerWxml(node) {
  const out = [];
  for (const child of composedChildren(node)) wxmlOf(child, out);
  return out.join('');
}

function outerWxml(node) {
  const out = [];
  wxmlOf(node, out);
  return out.join('');
}

// The WXML of a list of nodes (a page's body).
function nodesWxml(nodes) {
  const out = [];
  for (const node of nodes) wxmlOf(node, out);
  return out.join('');
}

function textOf(node) {
  if (!uiIsElement(node)) return uiFieldString(node.text);
  const out = [];
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!uiIsElement(n)) { out.push(uiFieldString(n.text)); continue; }
    const kids = composedChildren(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out.join('');
}
