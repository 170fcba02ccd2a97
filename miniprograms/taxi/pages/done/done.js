// The receipt.
const { yuan } = require('../../utils/geo');

Page({
  data: { fare: '', destination: '' },

  onLoad(query) {
    const destination = getApp().globalData.destination;
    const fare = yuan(Number(query.amount) || 0);
    this.setData({ fare, destination: destination ? destination.name : '' });
    console.log(`thank you for riding: ${fare}`);
  },
});
