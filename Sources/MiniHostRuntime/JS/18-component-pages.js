// Pages and their components: a page written as a component, and the page events its components
// hear. Order, as WeChat: a component's hooks before the page's (`created`, `attached` before
// `onLoad`; `pageLifetimes.show` before `onShow`; `ready` before `onReady`), except on unload,
// where `onUnload` comes before `detached`.
const readyPages = new WeakSetCtor();
function isComponentPage(page) {
  const st = page !== null && typeof page === 'object' ? componentState.get(page) : undefined;
  return st !== undefined && st.isPage;
}
// A page written as a component: its query's declared properties (coerced), then `attached`.
function createComponentPage(def, route, query) {
  const props = {};
  for (const k of ObjectKeys(query)) if (hasOwn(def.properties, k)) props[k] = query[k];
  const page = createComponent(def, { route, query, properties: props });
  attachComponent(page);
  return page;
}
// The instances that hear a page's events: the page's own (when it is a component), then the
// attached components on it, in the order they were made.
function pageTree(page) {
  const list = (pageComponents.get(page) || []).filter((c) => stateOf(c).attached);
  return isComponentPage(page) ? [page].concat(list) : list;
}
function showPage(page) {
  for (const c of pageTree(page)) runPageLifetime(c, 'show', []);
  hook('page', 'onShow', page, undefined, page.route);
}
function hidePage(page) {
  for (const c of pageTree(page)) runPageLifetime(c, 'hide', []);
  hook('page', 'onHide', page, undefined, page.route);
}
// `ready` for the page's components, then its own (a component page), then `onReady`.
function readyPage(page) {
  for (const c of pageTree(page).slice(isComponentPage(page) ? 1 : 0)) readyComponent(c);
  if (isComponentPage(page)) readyComponent(page);
  readyPages.add(page);
  hook('page', 'onReady', page, undefined, page.route);
}
// `onUnload`, then every component made on the page is detached, the page's own last.
function unloadPage(page) {
  hook('page', 'onUnload', page, undefined, page.route);
  viewClose(page);
  for (const c of (pageComponents.get(page) || []).slice()) detachComponent(c);
  if (isComponentPage(page)) detachComponent(page);
}
// A change of the page's size: `pageLifetimes.resize`, then the page's `onResize`.
function resizePage(page, size) {
  for (const c of pageTree(page)) runPageLifetime(c, 'resize', [size]);
  hook('page', 'onResize', page, size, page.route);
}
