module.exports = Behavior({ data: { shared: { inner: 1 }, who: 'inner' }, methods: { m() { return 'inner' }, onlyInner() { return 'inner-only' } },
  lifetimes: { created() { console.log('inner.created') }, attached() { console.log('inner.attached') } },
  observers: { v() { console.log('inner.observer') } } });
