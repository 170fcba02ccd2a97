Page({
  data: { where: '', shows: 0, saved: '' },
  onShow() { this.setData({ shows: getApp().globalData.shows }); },
  async locate() {
    const loc = await mp.getLocation({ type: 'gcj02' });
    this.setData({ where: loc.latitude.toFixed(4) + ',' + loc.longitude.toFixed(4) });
    return { latitude: loc.latitude, longitude: loc.longitude };
  },
  save(arg) { mp.setStorageSync('greeting', arg.text); this.setData({ saved: arg.text }); return 'saved'; },
  launchState() { const g = getApp().globalData; return { where: g.where, launchError: g.launchError }; },
  go() { return mp.navigateTo({ url: '../other/other?from=index' }); },
});
