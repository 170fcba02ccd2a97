const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
interface Data { n: number }
Component({
  properties: { n: { type: Number, value: 1 } },
  methods: { onLoad(): void { const d = this.data as Data; L('ES-4 ' + (d.n + 1)) } },
})
