const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
mp.showLoading({ title: 'Wait', mask: true }); mp.hideLoading(); mp.hideToast()
} })
