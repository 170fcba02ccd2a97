const { flights, formatPrice } = require('../../data/flights');

Page({
  data: { flights: [] },

  onLoad() {
    this.setData({ flights: flights.map((f) => ({ id: f.id, route: `${f.from}-${f.to}`, departs: f.departs, price: formatPrice(f.price, f.currency) })) });
    for (const f of this.data.flights) console.log(`flight ${f.id} ${f.route} ${f.departs} ${f.price}`);
  },

  // A tap on a flight: `call pages/search/search choose {"flight":"SF101"}`.
  choose(arg) {
    const id = (arg && arg.flight) || '';
    return mp.navigateTo({ url: `/pages/book/book?flight=${encodeURIComponent(id)}` });
  },
});
