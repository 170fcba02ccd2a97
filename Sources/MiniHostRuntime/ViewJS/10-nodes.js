// The rendered tree: nodes with ids unique in the view context and kept across renders, the
// containers they are placed in, and their removal (components inside detached first).
const nodesById = new MapCtor();
let nextNodeId = 1, nextStamp = 1;
function makeElement(tag, owner) {
  const node = { id: nextNodeId++, tag, attrs: {}, events: [], children: [], owner, parent: null };
  nodesById.set(node.id, node);
  return node;
}
function makeText(owner) {
  const node = { id: nextNodeId++, tag: '#text', text: '', owner, parent: null };
  nodesById.set(node.id, node);
  return node;
}
// A container being filled by one render: the nodes placed in it get its stamp, so the old
// ones it no longer holds are found without a set.
function newContainer(inst, file, parent) {
  return { inst, file, parent, stamp: nextStamp++, out: [] };
}
function place(node, c) {
  node.parent = c.parent;
  node.stamp = c.stamp;
  c.out.push(node);
}
// Removes the nodes of `old` that the render into `c` did not place again.
function dropUnplaced(old, c) {
  for (const n of old) if (n.stamp !== c.stamp) disposeNode(n);
}
function disposeNode(node) {
  nodesById.delete(node.id);
  if (node.tag === 'slot') { forgetSlot(node); return; }  // its children are the owner's
  if (node.children) for (const n of node.children) disposeNode(n);
  if (node.shadow) for (const n of node.shadow) disposeNode(n);
  if (node.comp !== undefined && node.comp !== null) detachInstance(node.comp);
}
