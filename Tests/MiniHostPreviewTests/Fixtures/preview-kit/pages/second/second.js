Page({
  data: { scrollTop: 0, bottom: 0 },
  onPageScroll(e) {
    this.setData({ scrollTop: e.scrollTop });
  },
  onReachBottom() {
    this.setData({ bottom: this.data.bottom + 1 });
  },
});
