// Type-checked against the typings `minihost types` writes (TypesCommandTests).
interface Store {
  globalData: { user: string | null; visits: number };
  remember(user: string): void;
}

App<Store>({
  globalData: { user: null, visits: 0 },
  onLaunch(options) {
    const scene: number | string = options.scene;
    console.log('launched', scene, options.query.id ?? 'no id');
  },
  onShow() {
    this.globalData.visits += 1;
  },
  onPageNotFound(res) {
    wx.redirectTo({ url: '/pages/index/index?missing=' + res.path });
  },
  onUnhandledRejection(res) {
    console.error(String(res.reason));
  },
  remember(user) {
    this.globalData.user = user;
  },
});

const store = getApp<Store>();
store.remember('ada');
const depth: number = getCurrentPages().length;
export { depth };
