Page({ onLoad() { console.log('solo getApp ' + typeof getApp()) },
  go() { wx.navigateTo({ url: '/pages/index/index' }) } })
