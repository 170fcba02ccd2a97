const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
L('CC-8 ' + [mp.canIUse('addCard'), mp.canIUse('cloud'), mp.canIUse('button.open-type.contact'), mp.canIUse('getStorage.bogus'), mp.canIUse('getStorage.success.data'), mp.canIUse('env.USER_DATA_PATH')].join(' '))
} })
