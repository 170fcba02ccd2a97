const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const keep = []; setInterval(() => { for (let i = 0; i < 20; i++) keep.push(new Array(100000).fill(i)) }, 1)
} })
