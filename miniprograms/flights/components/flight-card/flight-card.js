// One flight of the search list. Its Book button tells the page which flight was chosen
// (the `choose` event, detail {flight: id}); the page opens the booking.
Component({
  properties: {
    flight: { type: Object, value: null },
    cheapest: { type: Boolean, value: false },
  },
  data: { label: '' },
  observers: {
    flight(f) { this.setData({ label: f ? f.id + ' ' + f.route : '' }); },
  },
  methods: {
    choose() {
      if (this.data.flight) this.triggerEvent('choose', { flight: this.data.flight.id });
    },
  },
});
