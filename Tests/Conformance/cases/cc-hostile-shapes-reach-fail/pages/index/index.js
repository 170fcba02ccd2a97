const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const { proxy, revoke } = Proxy.revocable({}, {}); revoke();
mp.setStorage({ get key() { throw new Error('boom') }, fail: (e) => L('CC-11 fail ' + e.errCode), complete: () => L('CC-11 complete') });
try { await mp.setStorage(proxy) } catch (e) { L('CC-11 rejected ' + e.errCode) }
try { mp.setStorageSync('k', proxy) } catch (e) { L('CC-11 sync ' + e.errCode) }
})().catch((e) => console.log("case threw: " + e)) } })
