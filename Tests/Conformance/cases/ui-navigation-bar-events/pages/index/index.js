const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
mp.setNavigationBarTitle({ title: 'Cart' }); mp.setNavigationBarColor({ frontColor: '#ffffff', backgroundColor: '#ff0000' }); mp.showNavigationBarLoading()
} })
