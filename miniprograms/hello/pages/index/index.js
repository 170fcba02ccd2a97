const { greeting, formatCount } = require('../../utils/greet');

Page({
  data: {
    title: '',
    ticks: 0,
    status: 'starting',
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

  // Called by the host (`call pages/index/index openDetail {"item":"apples"}`), as a tap would.
  openDetail(arg) {
    const item = (arg && arg.item) || 'nothing';
    return mp.navigateTo({ url: `/pages/detail/detail?item=${encodeURIComponent(item)}` })
      .then((res) => console.log('navigated:', res.errMsg));
  },
});
