Page({
  data: { flight: '', transactionId: '' },

  onLoad(query) {
    const booking = getApp().globalData.booking || {};
    this.setData({ flight: booking.flight || '', transactionId: query.tx });
    console.log(`booked ${booking.flight} transaction ${query.tx}`);
  },
});
