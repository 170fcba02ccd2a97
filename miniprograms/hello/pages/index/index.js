const { greeting, formatCount } = require('../../utils/greet');

Page({
  data: {
    title: '',
    ticks: 0,
    status: 'starting',
    name: '',
    fruits: ['apples', 'pears', 'figs'],
  },

  onLoad(query) {
    this.setData({ title: greeting(query.name || 'world') });
  },

  onReady() {
    // A countdown driven by an interval; it stops itself after three ticks.
    let n = 0;
    const id = setInterval(() => {
      n += 1;
      this.setData({ ticks: n, status: formatCount(n) });
      if (n === 3) {
        clearInterval(id);
        console.log('countdown done:', this.data.status);
      }
    }, 10);
  },

  // The name typed in the input greets that name.
  onName(e) {
    const name = e.detail.value;
    this.setData({ name, title: greeting(name.trim() || 'world') });
  },

  // A tap on a fruit (the event's `currentTarget.dataset.item`), or a call from the host
  // (`call pages/index/index openDetail {"item":"apples"}`).
  openDetail(arg) {
    const from = (arg && arg.currentTarget && arg.currentTarget.dataset) || arg;
    const item = (from && from.item) || 'nothing';
    return mp.navigateTo({ url: `/pages/detail/detail?item=${encodeURIComponent(item)}` })
      .then((res) => console.log('navigated:', res.errMsg));
  },
});
