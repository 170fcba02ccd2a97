interface IndexData {
  title: string;
  count: number;
  name: string;
  greeting: string;
}

Page({
  data: { title: '__NAME__', count: 0, name: '', greeting: 'Hello, stranger!' } as IndexData,

  onLoad(query: Record<string, string | undefined>) {
    if (query.name) this.greet(query.name);
  },

  // The counter component tells the page its new count.
  onCountChange(e: MiniHost.CustomEvent<{ count: number }>) {
    this.setData({ count: e.detail.count });
  },

  onNameInput(e: MiniHost.InputEvent) {
    this.greet(e.detail.value);
  },

  greet(name: string) {
    const shown = name.trim() || 'stranger';
    this.setData({ name, greeting: 'Hello, ' + shown + '!' });
  },
});
