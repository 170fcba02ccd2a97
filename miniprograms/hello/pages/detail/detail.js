Page({
  data: { item: '', pages: 0 },

  onLoad(query) {
    this.setData({ item: query.item, pages: getCurrentPages().length });
    console.log('detail for', query.item, 'at depth', getCurrentPages().length);
  },

  onUnload() {
    console.log('leaving detail');
  },

  done() {
    setTimeout(() => mp.navigateBack(), 5);
  },
});
