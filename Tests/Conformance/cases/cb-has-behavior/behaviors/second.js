module.exports = Behavior({ data: { who: 'second', shared: { second: 1 } }, methods: { m() { return 'second' }, s() { return 'second' } },
  lifetimes: { created() { console.log('second.created') } }, observers: { v() { console.log('second.observer') } } });
