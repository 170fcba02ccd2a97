Component({
  properties: {
    label: { type: String, value: 'Count' },
    count: { type: Number, value: 0 },
  },

  methods: {
    // The page owns the count: the component asks it to change.
    increment() {
      this.triggerEvent('change', { count: this.data.count + 1 });
    },
  },
});
