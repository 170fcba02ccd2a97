// Booking: where is the user (about 1 km is enough to send a car), where to?
Page({
  data: { status: 'locating', pickup: '', destination: '' },

  onLoad() {
    mp.getFuzzyLocation({ type: 'gcj02' })
      .then((loc) => {
        getApp().globalData.pickup = { latitude: loc.latitude, longitude: loc.longitude };
        const pickup = `near ${loc.latitude.toFixed(3)}, ${loc.longitude.toFixed(3)}`;
        this.setData({ status: 'ready', pickup });
        console.log(`pickup ${pickup} (±${loc.accuracy} m)`);
      })
      .catch((e) => {
        this.setData({ status: 'no location' });
        console.log(`cannot find you: ${e.errMsg} (${e.errCode})`);
      });
  },

  // The user picks where to go (the host's place picker: the app sees only the pick).
  chooseDestination() {
    return mp.chooseLocation({})
      .then((place) => {
        getApp().globalData.destination = place;
        this.setData({ destination: place.name });
        console.log(`destination ${place.name}`);
        return place;
      })
      .catch((e) => {
        console.log(`no destination: ${e.errMsg} (${e.errCode})`);
        return null;
      });
  },

  // Book a car: pick a destination first if there is none yet, then follow the ride.
  async book() {
    const place = getApp().globalData.destination || await this.chooseDestination();
    if (!place) return;
    console.log(`booked a car to ${place.name}`);
    await mp.navigateTo({ url: '/pages/ride/ride' });
  },
});
