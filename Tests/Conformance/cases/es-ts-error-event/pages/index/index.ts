const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
interface Q { a?: string }
Page({
  onLoad(q: Q) {},
  boom(): void {
    throw new TypeError('ts method failed');
  },
});
