Page({
  data: { name: '', agree: false, inputs: 0, submitted: null },
  onInput() { this.setData({ inputs: this.data.inputs + 1 }); },
  onSubmit(e) { this.setData({ submitted: e.detail.value }); },
});
