// The ride: follow the car (location updates), then pay the fare when it stops at the end.
const { distance, fare, yuan } = require('../../utils/geo');

Page({
  data: { status: 'waiting for the car', car: null, speed: 0, distanceLeft: -1, updates: 0, fare: '' },

  onLoad() {
    this.destination = getApp().globalData.destination;
    this.start = null;
    this.last = null;
    this.finished = false;
    this.listener = (loc) => this.onMove(loc);
    mp.onLocationChange(this.listener);
    mp.startLocationUpdate({ type: 'gcj02' })
      .then(() => this.setData({ status: 'on the way' }))
      .catch((e) => {
        this.setData({ status: 'cannot follow the car' });
        console.log(`cannot follow the car: ${e.errMsg} (${e.errCode})`);
      });
  },

  onUnload() {
    this.stopUpdates();
  },

  onMove(loc) {
    if (this.finished) return;
    const here = { latitude: loc.latitude, longitude: loc.longitude };
    if (!this.start) this.start = here;
    const moved = distance(this.start, here) > 1;
    const left = this.destination ? Math.round(distance(here, this.destination)) : -1;
    this.last = here;
    this.setData({ car: here, speed: Math.round(loc.speed), distanceLeft: left, updates: this.data.updates + 1 });
    console.log(`car at ${loc.latitude.toFixed(5)}, ${loc.longitude.toFixed(5)}, ${Math.round(loc.speed)} m/s, ${left} m left`);
    // Arrived: close to the destination, or the car has stopped after moving.
    if ((left >= 0 && left < 50) || (moved && loc.speed === 0)) this.finish();
  },

  stopUpdates() {
    if (!this.listener) return;
    mp.offLocationChange(this.listener);
    this.listener = null;
    mp.stopLocationUpdate();
  },

  finish() {
    this.finished = true;
    this.stopUpdates();
    const metres = distance(this.start, this.last);
    const amount = fare(metres);
    getApp().globalData.fare = amount;
    this.setData({ status: 'arrived', fare: yuan(amount) });
    console.log(`arrived after ${(metres / 1000).toFixed(2)} km: fare ${yuan(amount)}`);
    const to = this.destination ? this.destination.name : 'your destination';
    return mp.requestPayment({
      orderId: 'ride-' + Date.now(),
      amount,
      currency: 'CNY',
      description: `Taxi ride to ${to}`.slice(0, 128),
    })
      .then((res) => {
        console.log(`paid ${yuan(amount)}: ${res.errMsg}`);
        return mp.redirectTo({ url: `/pages/done/done?amount=${amount}` });
      })
      .catch((e) => {
        this.setData({ status: 'payment failed' });
        console.log(`payment failed: ${e.errMsg} (${e.errCode})`);
      });
  },
});
