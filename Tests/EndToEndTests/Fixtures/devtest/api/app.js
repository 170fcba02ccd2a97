// Reads the location and the storage at launch: what a mock must reach.
App({
  globalData: { where: null, launchError: null, shows: 0, hides: 0 },
  onLaunch() {
    mp.getLocation({ type: 'wgs84' })
      .then((loc) => { this.globalData.where = loc; console.log('launch location ' + loc.latitude + ',' + loc.longitude); })
      .catch((e) => { this.globalData.launchError = e; console.log('launch location failed ' + e.errCode + ' ' + e.errMsg); });
    console.log('stored at launch: ' + mp.getStorageSync('greeting'));
  },
  onShow() { this.globalData.shows += 1; },
  onHide() { this.globalData.hides += 1; console.log('hidden'); },
});
