Page({
  data: { n: 0, answer: 'not asked', name: '', items: ['a', 'b', 'c'], position: '' },
  inc() {
    this.setData({ n: this.data.n + 1 });
  },
  ask() {
    wx.showModal({
      title: 'Proceed?',
      content: 'The preview answers for the user',
      success: (res) => this.setData({ answer: res.confirm ? 'confirmed' : 'cancelled' }),
    });
  },
  where() {
    wx.getLocation({
      type: 'wgs84',
      success: (res) => this.setData({ position: res.latitude.toFixed(3) + ',' + res.longitude.toFixed(3) }),
      fail: (err) => this.setData({ position: 'refused: ' + err.errMsg }),
    });
  },
  remove(e) {
    const item = e.currentTarget.dataset.item;
    this.setData({ items: this.data.items.filter((x) => x !== item) });
    wx.showToast({ title: 'removed ' + item });
  },
});
