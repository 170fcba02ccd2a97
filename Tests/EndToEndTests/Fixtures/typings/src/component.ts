Component({
  behaviors: [],
  options: { multipleSlots: true },
  properties: {
    name: String,
    cents: { type: Number, value: 0 },
    tags: { type: Array, value: [] },
  },
  data: { label: '' },
  observers: {
    cents(cents: number) { this.setData({ label: (cents / 100).toFixed(2) }); },
  },
  lifetimes: {
    attached() { this.setData({ label: this.data.name.toUpperCase() }); },
  },
  methods: {
    buy() {
      const price: number = this.data.cents;
      const first: unknown = this.data.tags[0];
      this.triggerEvent('buy', { name: this.data.name, price, first }, { bubbles: true, composed: true });
    },
  },
});

export {};
