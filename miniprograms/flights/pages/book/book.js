const { findFlight, formatPrice } = require('../../data/flights');
const server = require('../../server/orders');

Page({
  data: { flight: null, order: null, paid: null, error: null },

  onLoad(query) {
    const flight = findFlight(query.flight);
    if (!flight) {
      this.setData({ error: `no flight ${query.flight}` });
      console.log(`no flight ${query.flight}`);
      return;
    }
    // The airline's server creates and signs the order (see server/orders.js).
    const order = server.orderFor(flight.id);
    this.setData({ flight, order });
    console.log(`booking ${flight.id} order ${order.orderId} ${formatPrice(order.amount, order.currency)}`);
  },

  // The "pay" button.
  async pay() {
    const order = this.data.order;
    if (!order) return;
    try {
      const res = await mp.requestPayment(order);
      this.setData({ paid: res, error: null });
      getApp().globalData.booking = { flight: this.data.flight.id, transactionId: res.transactionId };
      console.log(`paid ${res.orderId} ${formatPrice(res.amount, res.currency)} ${res.status} transaction ${res.transactionId}`);
    } catch (e) {
      this.setData({ error: { errCode: e.errCode, errMsg: e.errMsg } });
      console.log(`payment failed ${e.errCode} ${e.errMsg}`);
    }
  },

  // What a flaky network makes an app do: send the same order again. The host returns the
  // first result and charges nothing more.
  async retry() {
    const order = this.data.order;
    try {
      const res = await mp.requestPayment(order);
      const first = this.data.paid;
      console.log(`retry ${res.orderId} transaction ${res.transactionId} same as first: ${!!first && first.transactionId === res.transactionId && first.time === res.time}`);
    } catch (e) {
      console.log(`retry failed ${e.errCode} ${e.errMsg}`);
    }
  },

  // A tampered order (the amount changed after the server signed it) is refused.
  async payTampered() {
    const order = Object.assign({}, this.data.order, { amount: 1 });
    try {
      await mp.requestPayment(order);
      console.log('tampered order was charged');
    } catch (e) {
      console.log(`tampered order refused ${e.errCode} ${e.errMsg}`);
    }
  },

  finish() {
    const paid = this.data.paid;
    if (!paid) return;
    return mp.redirectTo({ url: `/pages/done/done?tx=${encodeURIComponent(paid.transactionId)}` });
  },
});
