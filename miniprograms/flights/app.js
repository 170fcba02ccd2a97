// Sky Flights: choose a flight, pay for it with an order signed by the airline, and survive a
// retry of the same order (the host charges an order once, however often it is sent).
App({
  globalData: { booking: null },

  onLaunch() {
    console.log('Sky Flights ready');
  },

  onError(message) {
    console.error('App.onError:', message.split('\n')[0]);
  },
});
