interface GlobalData {
  launchedAt: number;
}

App<{ globalData: GlobalData }>({
  globalData: { launchedAt: 0 },

  onLaunch(options) {
    this.globalData.launchedAt = Date.now();
    console.log('__NAME__ launched (scene ' + options.scene + ')');
  },

  onError(message) {
    console.error('uncaught: ' + message);
  },
});
