// The hello sample: two pages, a module, timers, setData and navigation.
const { greeting } = require('./utils/greet');

App({
  globalData: { launchedAt: 0, visits: 0 },

  onLaunch(options) {
    this.globalData.launchedAt = Date.now();
    console.log(greeting('MiniHost'), 'entry page:', options.path);
  },

  onShow() {
    this.globalData.visits += 1;
  },

  onHide() {
    console.log('app hidden after', this.globalData.visits, 'visit(s)');
  },

  onError(message) {
    console.error('App.onError:', message.split('\n')[0]);
  },
});
