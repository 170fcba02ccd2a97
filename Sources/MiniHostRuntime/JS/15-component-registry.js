// Component(): a definition registered under the path of the module that calls it. Called by a
// page's own module it registers that page (a page written as a component); by any other module,
// a component the view layer finds by path (`components/x/x` for `components/x/x.js`).
const componentDefs = new MapCtor();            // path -> definition
const componentDefinitions = new WeakSetCtor();  // every definition Component() made
function moduleRoute(path) { return path.replace(/\.[A-Za-z0-9]+$/, ''); }
function Component(options) {
  if (options === null || typeof options !== 'object') throw new TypeErrorCtor('Component() needs an options object');
  if (!loadingModules.length) throw new ErrorCtor('Component() may be called only while its module loads');
  const is = moduleRoute(loadingModules[loadingModules.length - 1]);
  const def = buildRecord(options, is);
  const o = isPlainData(options.options) ? options.options : {};
  def.is = is;
  def.options = {
    multipleSlots: o.multipleSlots === true, addGlobalClass: o.addGlobalClass === true, virtualHost: o.virtualHost === true,
    styleIsolation: typeof o.styleIsolation === 'string' ? o.styleIsolation : undefined,
  };
  def.pure = purePattern(o.pureDataPattern, is);
  componentDefinitions.add(def);
  if (loadingRoute !== null && is === loadingRoute) pageDefs.set(loadingRoute, def);
  else componentDefs.set(is, def);
}
// The definition of the component at `path` (from the package root), loading its module once.
function componentDefinition(path) {
  if (typeof path !== 'string' || path === '') throw new TypeErrorCtor('a component path must be a non-empty string');
  if (!componentDefs.has(path)) requireFrom('app.js', './' + path);
  const def = componentDefs.get(path);
  if (!def) throw new ErrorCtor('"' + path + '" did not call Component()');
  return def;
}
