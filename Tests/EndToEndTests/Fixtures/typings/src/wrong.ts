// Each line marked wrong must be an error, and nothing else (TypesCommandTests).
Page({
  data: { count: 0 },
  onLoad() {
    this.setData({ count: 1 });
    wx.getStorageSync(); // wrong: the sync form takes the key
    wx.noSuchApi(); // wrong: not a member of wx
    const n: number = wx.getStorage({ key: 'k' }); // wrong: the async form returns a Promise
    wx.showToast({ title: 'x', success: (res) => res.errMsg.toFixed() }); // wrong: errMsg is a string
    getCurrentPages()[0].setData(); // wrong: setData needs its data
  },
});

Component({
  properties: { size: Number },
  methods: {
    grow() {
      const label: string = this.data.size; // wrong: a Number property is a number
      this.triggerEvent(); // wrong: triggerEvent needs the event's name
    },
  },
});

App({ onLaunch(options) { const s: boolean = options.scene; } }); // wrong: scene is a number or a string

const code: MiniHost.ErrorCode = 999; // wrong: not an errCode

expect(1).toBeWonderful(); // wrong: no such matcher
describe('x', 42); // wrong: describe takes a function
minihost.launch({ worlds: 'x' }); // wrong: launch has no option "worlds"

export {};
