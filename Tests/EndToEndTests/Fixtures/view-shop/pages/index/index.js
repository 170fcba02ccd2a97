Page({
  data: {
    title: 'Shop', count: 0, step: 1, footer: 'thanks',
    items: [{ id: 'a', name: 'Apple', cents: 350 }, { id: 'b', name: 'Bread', cents: 1200 }],
    bought: [], taps: [], lastDataset: null,
  },
  increment(e) {
    this.setData({ count: this.data.count + Number(e.currentTarget.dataset.step), lastDataset: e.currentTarget.dataset });
  },
  onPageTap(e) { this.setData({ taps: this.data.taps.concat('page:' + e.target.id) }); },
  onOuter(e) { this.setData({ taps: this.data.taps.concat('outer:' + e.target.id + ':' + e.mark.level) }); },
  onInner() { this.setData({ taps: this.data.taps.concat('inner') }); },
  onBuy(e) { this.setData({ bought: this.data.bought.concat(e.detail.name) }); },
  addItem(item) { this.setData({ items: this.data.items.concat(item) }); },
  rename(arg) { this.setData({ ['items[' + arg.index + '].name']: arg.name }); },
});
