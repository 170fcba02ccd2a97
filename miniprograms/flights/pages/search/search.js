const { flights, formatPrice } = require('../../data/flights');

Page({
  data: { flights: [], cheapest: '' },

  onLoad() {
    const list = flights.map((f) => ({ id: f.id, route: `${f.from}-${f.to}`, departs: f.departs, amount: f.price, currency: f.currency }));
    const cheapest = list.reduce((a, b) => (b.amount < a.amount ? b : a));
    this.setData({ flights: list, cheapest: cheapest.id });
    for (const f of list) console.log(`flight ${f.id} ${f.route} ${f.departs} ${formatPrice(f.amount, f.currency)}`);
  },

  // A flight card's `choose` event (detail {flight}), or a call from the host:
  // `call pages/search/search choose {"flight":"SF101"}`.
  choose(arg) {
    const from = (arg && arg.detail) || arg;
    const id = (from && from.flight) || '';
    return mp.navigateTo({ url: `/pages/book/book?flight=${encodeURIComponent(id)}` });
  },
});
