Page({
  data: { title: '__NAME__', count: 0, name: '', greeting: 'Hello, stranger!' },

  onLoad(query) {
    if (query.name) this.greet(query.name);
  },

  // The counter component tells the page its new count.
  onCountChange(e) {
    this.setData({ count: e.detail.count });
  },

  onNameInput(e) {
    this.greet(e.detail.value);
  },

  greet(name) {
    const shown = name.trim() || 'stranger';
    this.setData({ name, greeting: 'Hello, ' + shown + '!' });
  },
});
