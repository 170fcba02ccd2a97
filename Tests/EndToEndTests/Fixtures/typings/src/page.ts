import type {} from './app';

interface Item { id: string; name: string }

const tracker = Behavior({
  data: { seen: 0 },
  methods: {
    see() { this.setData({ seen: this.data.seen + 1 }); },
  },
});

Page({
  data: { items: [] as Item[], status: 'idle', error: null as null | MiniHost.APIError },

  async onLoad(query) {
    const id: string | undefined = query.id;
    const stored = wx.getStorageSync('items');
    if (Array.isArray(stored)) this.setData({ items: stored as Item[] });
    try {
      const res = await wx.request({ url: 'https://api.example.com/items', method: 'GET' });
      this.setData({ items: (res.data as { items: Item[] }).items, status: 'loaded ' + (id ?? '') });
    } catch (e) {
      const error = e as MiniHost.APIError;
      const code: MiniHost.ErrorCode = error.errCode;
      this.setData({ error, status: 'failed ' + code });
    }
  },

  onReady() {
    const task: MiniHost.RequestTask = mp.request({ url: 'https://api.example.com/x', success: (res) => console.log(res.errMsg) });
    task.abort();
    wx.setStorage({ key: 'k', data: 1, fail: (err) => console.error(err.errCode) });
    mp.onLocationChange((res) => console.log(res.latitude));
    wx.createSelectorQuery().select('#title').boundingClientRect().exec();
    wx.cloud.callFunction({ name: 'f' }).catch(() => undefined);
    const fs = wx.getFileSystemManager();
    fs.readFile({ filePath: 'wxfile://usr/a.txt', encoding: 'utf8' });
  },

  onTap(e: MiniHost.TapEvent) {
    const itemId: string = e.currentTarget.dataset.id;
    this.open(itemId);
  },

  onInput(e: MiniHost.InputEvent) {
    this.setData({ status: e.detail.value });
  },

  open(id: string) {
    wx.navigateTo({ url: '/pages/detail/detail?id=' + id });
    this.selectComponent('#card')?.setData({ open: true });
  },
});

export { tracker };
