// The taxi sample: find the user (coarse location), pick a destination (the place picker),
// watch the car along its route (location updates), pay the fare at the end (requestPayment).
App({
  globalData: { pickup: null, destination: null, fare: null },

  onLaunch() {
    console.log('taxi: ready');
  },

  onError(message) {
    console.error('taxi: App.onError:', message.split('\n')[0]);
  },
});
