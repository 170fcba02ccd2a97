const inner = require('./inner');
module.exports = Behavior({ behaviors: [inner], data: { shared: { outer: 1 }, who: 'outer' },
  methods: { m() { return 'outer' } }, created() { console.log('outer.created') },
  observers: { v() { console.log('outer.observer') } } });
