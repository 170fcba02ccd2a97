const order = [];
Component({
  properties: { name: String, cents: { type: Number, value: 0 } },
  data: { label: '' },
  observers: { cents(c) { this.setData({ label: (c / 100).toFixed(2) }); } },
  lifetimes: {
    created() { order.push('created'); },
    attached() { order.push('attached:' + this.data.name); },
    ready() { order.push('ready'); },
    detached() { console.log('card detached ' + this.data.name); },
  },
  methods: {
    buy() { this.triggerEvent('buy', { name: this.data.name }); },
    lifetimesSeen() { return order.slice(); },
  },
});
