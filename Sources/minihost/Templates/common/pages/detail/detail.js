Page({
  data: { name: '', visits: 0, tip: 'loading...' },

  onLoad(query) {
    // Storage survives between runs of the app (minihost keeps it in its data directory).
    const visits = Number(wx.getStorageSync('visits') || 0) + 1;
    wx.setStorageSync('visits', visits);
    this.setData({ name: query.name || 'stranger', visits });
    // The world file (tests/world.json) answers this request; no server is needed.
    wx.request({
      url: 'https://api.example.com/tip',
      success: (res) => this.setData({ tip: res.data.tip }),
      fail: (err) => this.setData({ tip: 'no tip today (' + err.errMsg + ')' }),
    });
  },

  goBack() {
    wx.navigateBack();
  },
});
