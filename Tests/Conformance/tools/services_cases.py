"""Cases for the host services: consent (CS), storage (ST), location (LO), payment (PY), chat
(CH) and host events (HE). Loaded by generate.py."""
import hashlib, hmac, json

from casekit import PRELUDE, case, manifest_error, tryapi

# ---------------------------------------------------------------- CS: consent
loc_manifest = {'req_permissions': [{'name': 'location', 'reason': 'to find you'}]}
case('cs-not-declared-no-prompt', 'not declared: 1002 without asking, even with a grant', ['CS-1'], args=['--grant', 'location'],
     asyncload=tryapi('CS-1', "mp.getLocation({})"), console=['CS-1 1002 getLocation:fail permission not declared'])
case('cs-denied', 'denied: 1003', ['CS-2'], manifest=loc_manifest, args=['--deny', 'location'],
     asyncload=tryapi('CS-2', "mp.getLocation({})") + tryapi('CS-2 again', "mp.getLocation({})"),
     console=['CS-2 1003 getLocation:fail auth deny', 'CS-2 again 1003 getLocation:fail auth deny'])
case('cs-granted', 'granted: the call goes ahead', ['CS-3'], manifest=loc_manifest, args=['--grant', 'location'],
     asyncload=tryapi('CS-3', "mp.getLocation({})"), console=['CS-3 ok getLocation:ok'])
case('cs-no-terminal-deny', 'undecided with no terminal and no policy: deny', ['CS-4'], manifest=loc_manifest,
     asyncload=tryapi('CS-4', "mp.getLocation({})"), console=['CS-4 1003 getLocation:fail auth deny'])
case('cs-policy-file-world', 'the world\'s policy answers consent', ['CS-4'], manifest=loc_manifest, world={'policy': {'location': 'allow'}},
     asyncload=tryapi('CS-4', "mp.getLocation({})"), console=['CS-4 ok getLocation:ok'])
case('cs-flag-overrides-world', '--deny overrides the world\'s policy', ['CS-4'], manifest=loc_manifest, world={'policy': {'location': 'allow'}},
     args=['--deny', 'location'], asyncload=tryapi('CS-4', "mp.getLocation({})"), console=['CS-4 1003 getLocation:fail auth deny'])
case('cs-authorize-ok', 'authorize with a granted scope succeeds', ['CS-5'], manifest=loc_manifest, args=['--grant', 'location'],
     asyncload=tryapi('CS-5', "mp.authorize({ scope: 'scope.userLocation' })"), console=['CS-5 ok authorize:ok'])
case('cs-authorize-denied', 'authorize with a denied scope fails with 1003', ['CS-5'], manifest=loc_manifest, args=['--deny', 'location'],
     asyncload=tryapi('CS-5', "mp.authorize({ scope: 'location' })"), console=['CS-5 1003 authorize:fail auth deny'])
case('cs-authorize-undeclared', 'authorize of an undeclared scope fails with 1002', ['CS-5', 'CS-1'],
     asyncload=tryapi('CS-5', "mp.authorize({ scope: 'scope.userLocation' })"), console=['CS-5 1002 authorize:fail permission not declared'])
case('cs-getsetting', 'getSetting reports decided permissions by name and WeChat scope', ['CS-5'], manifest=loc_manifest, args=['--grant', 'location'],
     asyncload="await mp.getLocation({}); const s = (await mp.getSetting()).authSetting; L('CS-5 ' + s['location'] + ' ' + s['scope.userLocation'])",
     console=['CS-5 true true'])
case('cs-getsetting-empty', 'getSetting is empty before any decision', ['CS-5'], manifest=loc_manifest,
     asyncload="const s = await mp.getSetting(); L('CS-5 ' + JSON.stringify(s.authSetting))", console=['CS-5 {}'])
case('cs-precise-includes-coarse', 'a precise location grant (given by --grant) allows fuzzy location', ['CS-6', 'LO-5'], manifest=loc_manifest, args=['--grant', 'location'],
     asyncload=tryapi('CS-6', "mp.getFuzzyLocation({})"), console=['CS-6 ok getFuzzyLocation:ok'])
case('cs-precise-grant-recorded-includes-coarse', 'a recorded precise location grant allows fuzzy location', ['CS-6', 'LO-5'], manifest=loc_manifest, args=['--grant', 'location'],
     asyncload="await mp.getLocation({}); " + tryapi('CS-6', "mp.getFuzzyLocation({})"), console=['CS-6 ok getFuzzyLocation:ok'])
case('cs-coarse-not-precise', 'a coarse grant does not allow precise location', ['CS-6'],
     manifest={'req_permissions': [{'name': 'location.coarse', 'reason': 'r'}]}, args=['--grant', 'location.coarse'],
     asyncload=tryapi('fuzzy', "mp.getFuzzyLocation({})") + tryapi('precise', "mp.getLocation({})"),
     console=['fuzzy ok getFuzzyLocation:ok', 'precise 1002 getLocation:fail permission not declared'])
case('cs-opt-permission', 'opt_permissions count as declared', ['CS-7'], manifest={'opt_permissions': [{'name': 'location', 'reason': 'r'}]},
     args=['--grant', 'location'], asyncload=tryapi('CS-7', "mp.getLocation({})"), console=['CS-7 ok getLocation:ok'])
case('cs-forged-permission-field', 'fields in the arguments cannot grant a permission', ['CS-8', 'AR-11'], manifest=loc_manifest, args=['--deny', 'location'],
     asyncload=tryapi('CS-8', "mp.getLocation({ granted: true, permission: 'granted', authSetting: { location: true } })"),
     console=[{'regex': '^CS-8 100[13] getLocation:fail'}], console_absent=['CS-8 ok'])
case('cs-storage-implicit', 'storage needs no permission', ['ST-7', 'CS-3'], asyncload=tryapi('ST-7', "mp.setStorage({ key: 'a', data: 1 })"),
     console=['ST-7 ok setStorage:ok'])

# ---------------------------------------------------------------- ST: storage
case('st-roundtrip-async', 'setStorage/getStorage round-trip JSON data', ['ST-1'],
     asyncload="await mp.setStorage({ key: 'k', data: { a: [1, { b: 'c' }], n: null, t: true } }); L('ST-1 ' + JSON.stringify((await mp.getStorage({ key: 'k' })).data))",
     console=['ST-1 {"a":[1,{"b":"c"}],"n":null,"t":true}'])
case('st-roundtrip-sync', 'the sync forms round-trip', ['ST-1', 'CC-5'], onload="mp.setStorageSync('n', 3.5); L('ST-1 ' + mp.getStorageSync('n'))", console=['ST-1 3.5'])
case('st-sync-missing', 'getStorageSync of a missing key returns ""', ['ST-2'], onload="L('ST-2 [' + mp.getStorageSync('none') + '] ' + typeof mp.getStorageSync('none'))",
     console=['ST-2 [] string'])
case('st-key-empty', 'an empty key fails with 1001', ['ST-3'], asyncload=tryapi('ST-3', "mp.setStorage({ key: '', data: 1 })"),
     console=[{'regex': '^ST-3 1001 setStorage:fail invalid argument: key'}])
case('st-key-too-long', 'a key over 128 characters fails with 1001', ['ST-3'], asyncload=tryapi('ST-3', "mp.setStorage({ key: 'k'.repeat(129), data: 1 })"),
     console=[{'regex': '^ST-3 1001 setStorage:fail invalid argument: key'}])
case('st-key-128', 'a key of 128 characters is accepted', ['ST-3'], asyncload=tryapi('ST-3', "mp.setStorage({ key: 'k'.repeat(128), data: 1 })"),
     console=['ST-3 ok setStorage:ok'])
case('st-per-key-limit', 'a value over 1 MB fails with 1005 and nothing is stored', ['ST-4'],
     asyncload=tryapi('ST-4', "mp.setStorage({ key: 'big', data: [ 'a'.repeat(600000), 'b'.repeat(600000) ] })") + "L('ST-4 stored [' + mp.getStorageSync('big') + ']')",
     console=[{'regex': '^ST-4 1005 setStorage:fail '}, 'ST-4 stored []'])
case('st-app-limit', 'the manifest\'s storage_mb caps the app\'s storage', ['ST-8'], manifest={'limits': {'storage_mb': 1}},
     asyncload="let code = 0; for (let i = 0; i < 4 && !code; i++) { try { await mp.setStorage({ key: 'k' + i, data: 'z'.repeat(400000) }) } catch (e) { code = e.errCode } } L('ST-8 ' + code)",
     console=['ST-8 1005'])
case('st-remove', 'removeStorage removes a key', ['ST-6'],
     asyncload="mp.setStorageSync('a', 1); await mp.removeStorage({ key: 'a' }); L('ST-6 [' + mp.getStorageSync('a') + ']')", console=['ST-6 []'])
case('st-clear', 'clearStorage removes every key', ['ST-6'],
     asyncload="mp.setStorageSync('a', 1); mp.setStorageSync('b', 2); await mp.clearStorage(); L('ST-6 ' + mp.getStorageInfoSync().keys.length)", console=['ST-6 0'])
case('st-info', 'getStorageInfo lists keys and sizes in KB', ['ST-6'],
     asyncload="mp.setStorageSync('b', 1); mp.setStorageSync('a', 2); const i = await mp.getStorageInfo(); L('ST-6 ' + i.keys.slice().sort().join(',') + ' ' + (typeof i.currentSize) + ' ' + i.limitSize)",
     console=['ST-6 a,b number 10240'])
case('st-overwrite', 'setStorage of an existing key replaces its value', ['ST-1'],
     onload="mp.setStorageSync('o', 1); mp.setStorageSync('o', { two: 2 }); L('ST-1 ' + JSON.stringify(mp.getStorageSync('o')))", console=['ST-1 {"two":2}'])
case('st-isolation', 'one app never sees another app\'s keys', ['ST-5', 'SB-9'], targets=['.', 'other'],
     files={'other/manifest.json': json.dumps({'app_id': 'org.conformance.st-isolation-other', 'name': 'Other', 'pages': ['pages/index/index']}, indent=2, sort_keys=True) + '\n',
            'other/app.js': 'App({})\n',
            'other/pages/index/index.js': "Page({ read() { console.log('other sees [' + mp.getStorageSync('secret') + '] keys ' + mp.getStorageInfoSync().keys.length) } })\n"},
     onload="mp.setStorageSync('secret', 'mine'); L('ST-5 written')", script="wait 50\n@org.conformance.st-isolation-other call - read\n",
     console=['ST-5 written', 'other sees [] keys 0'])
case('st-remove-missing', 'removeStorage of a missing key succeeds', ['ST-6'], level='SHOULD', asyncload=tryapi('ST-6', "mp.removeStorage({ key: 'never' })"),
     console=['ST-6 ok removeStorage:ok'])
case('st-unicode-key', 'keys and values keep Unicode', ['ST-1'], onload="mp.setStorageSync('键🔑', '值'); L('ST-1 ' + mp.getStorageSync('键🔑'))", console=['ST-1 值'])

# ---------------------------------------------------------------- LO: location
beijing = {'location': {'provider': 'fixed', 'latitude': 39.9087, 'longitude': 116.3975, 'accuracy': 8, 'altitude': 44}}
tokyo = {'location': {'provider': 'fixed', 'latitude': 35.6762, 'longitude': 139.6503, 'accuracy': 8}}
grant_loc = ['--grant', 'location']
case('lo-wgs84', 'getLocation({type: wgs84}) gives the world\'s point', ['LO-1'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload="const r = await mp.getLocation({ type: 'wgs84' }); L('LO-1 ' + r.latitude + ' ' + r.longitude + ' ' + r.accuracy)", console=['LO-1 39.9087 116.3975 8'])
case('lo-default-type', 'the default type is wgs84', ['LO-1'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload="const r = await mp.getLocation({}); L('LO-1 ' + r.latitude + ' ' + r.longitude)", console=['LO-1 39.9087 116.3975'])
case('lo-gcj02-china', 'gcj02 inside China applies the published transform', ['LO-2'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload="const r = await mp.getLocation({ type: 'gcj02' }); L('LO-2 ' + r.latitude.toFixed(4) + ' ' + r.longitude.toFixed(4))",
     console=['LO-2 39.9101 116.4037'])
case('lo-gcj02-outside', 'gcj02 outside China is the WGS-84 point unchanged', ['LO-3'], manifest=loc_manifest, args=grant_loc, world=tokyo,
     asyncload="const r = await mp.getLocation({ type: 'gcj02' }); L('LO-3 ' + r.latitude + ' ' + r.longitude)", console=['LO-3 35.6762 139.6503'])
case('lo-fields', 'the result has WeChat\'s fields; altitude 0 unless asked', ['LO-1'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload="const r = await mp.getLocation({}); const a = await mp.getLocation({ altitude: true }); L('LO-1 ' + ['speed', 'accuracy', 'altitude', 'verticalAccuracy', 'horizontalAccuracy'].every((k) => typeof r[k] === 'number') + ' ' + r.altitude + ' ' + a.altitude)",
     console=['LO-1 true 0 44'])
case('lo-bad-type', 'an unknown type fails with 1001', ['LO-6', 'ER-1'], manifest=loc_manifest, args=grant_loc,
     asyncload=tryapi('LO-6', "mp.getLocation({ type: 'bd09' })"), console=["LO-6 1001 getLocation:fail invalid argument: type must be one of 'wgs84', 'gcj02' (got 'bd09')"])
case('lo-fuzzy', 'getFuzzyLocation is about 1 km and never the precise point', ['LO-4'],
     manifest={'req_permissions': [{'name': 'location.coarse', 'reason': 'r'}]}, args=['--grant', 'location.coarse'], world=beijing,
     asyncload=("const a = await mp.getFuzzyLocation({}); const b = await mp.getFuzzyLocation({});\n"
                "L('LO-4 ' + a.accuracy + ' same ' + (a.latitude === b.latitude && a.longitude === b.longitude) + ' precise ' + (a.latitude === 39.9087 && a.longitude === 116.3975) + ' near ' + (Math.abs(a.latitude - 39.9087) < 0.01 && Math.abs(a.longitude - 116.3975) < 0.02))"),
     console=['LO-4 1000 same true precise false near true'])
case('lo-fuzzy-no-precise-fields', 'fuzzy location has no altitude or speed', ['LO-4'], level='SHOULD',
     manifest={'req_permissions': [{'name': 'location.coarse', 'reason': 'r'}]}, args=['--grant', 'location.coarse'],
     asyncload="const a = await mp.getFuzzyLocation({}); L('LO-4 keys ' + Object.keys(a).sort().join(','))", console=['LO-4 keys accuracy,errMsg,latitude,longitude'])
case('lo-rate-limit', 'after a burst of 10, getLocation is rate-limited with 1005', ['LO-7', 'ER-5'], manifest=loc_manifest, args=grant_loc,
     asyncload="let code = 0, n = 0; for (let i = 0; i < 12; i++) { try { await mp.getLocation({}); n++ } catch (e) { code = e.errCode; break } } L('LO-7 ' + n + ' ' + code)",
     console=['LO-7 10 1005'])
case('lo-updates', 'startLocationUpdate sends onLocationChange until stopped', ['LO-8', 'HE-1'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload=("let n = 0; mp.onLocationChange((p) => { n++ }); await mp.startLocationUpdate({ type: 'wgs84', interval: 100 }); L('LO-8 started');\n"
                "setTimeout(async () => { await mp.stopLocationUpdate(); const at = n; setTimeout(() => L('LO-8 got ' + (at >= 2) + ' stopped ' + (n === at)), 400) }, 350)"),
     console=['LO-8 started', 'LO-8 got true stopped true'])
case('lo-updates-need-permission', 'startLocationUpdate needs location', ['LO-8', 'CS-1'], asyncload=tryapi('LO-8', "mp.startLocationUpdate({})"),
     console=['LO-8 1002 startLocationUpdate:fail permission not declared'])
case('lo-choose-allow', 'chooseLocation returns only the picked place', ['LO-9'], args=['--policy', 'policy.json'],
     files={'policy.json': '{"choose": "allow"}\n'},
     world={'places': [{'name': 'Park', 'address': 'Road 1', 'latitude': 48.85, 'longitude': 2.35}, {'name': 'Zoo', 'address': 'Road 2', 'latitude': 48.86, 'longitude': 2.36}]},
     asyncload="const r = await mp.chooseLocation({}); L('LO-9 ' + r.name + ' ' + r.address + ' ' + Object.keys(r).sort().join(','))",
     console=['LO-9 Park Road 1 address,errMsg,latitude,longitude,name'])
case('lo-choose-none', 'chooseLocation with no places fails with 1007', ['LO-9', 'ER-7'], args=['--policy', 'policy.json'], files={'policy.json': '{"choose": "allow"}\n'},
     world={'places': []}, asyncload=tryapi('LO-9', "mp.chooseLocation({})"), console=[{'regex': '^LO-9 1007 chooseLocation:fail'}])
case('lo-choose-bad-center', 'chooseLocation checks its latitude', ['LO-9', 'ER-1'], asyncload=tryapi('LO-9', "mp.chooseLocation({ latitude: 91 })"),
     console=[{'regex': '^LO-9 1001 chooseLocation:fail invalid argument: latitude'}])
case('lo-interval-range', 'an update interval outside 100–60000 ms fails with 1001', ['LO-8', 'ER-1'], manifest=loc_manifest, args=grant_loc,
     asyncload=tryapi('LO-8', "mp.startLocationUpdate({ interval: 5 })"), console=[{'regex': '^LO-8 1001 startLocationUpdate:fail invalid argument: interval'}])

# ---------------------------------------------------------------- PY: payment
pay_manifest = {'req_permissions': [{'name': 'payment', 'reason': 'r'}], 'merchant': {'id': 'm.shop', 'name': 'Shop'}}
pay_world = {'wallet': {'currency': 'CNY', 'balance': 100000, 'per_payment_limit': 50000, 'daily_limit': 60000}, 'merchants': [{'id': 'm.shop', 'name': 'Shop'}]}
signed_world = {'wallet': {'currency': 'CNY', 'balance': 100000, 'per_payment_limit': 50000, 'daily_limit': 60000},
                'merchants': [{'id': 'm.shop', 'name': 'Shop', 'key': 'shop-key'}]}
grant_pay = ['--grant', 'payment']
def pay(label, order):
    return tryapi(label, "mp.requestPayment(%s)" % order)
case('py-charge', 'a payment is charged once and returns its record', ['PY-10'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload="const r = await mp.requestPayment({ orderId: 'A-1', amount: 1234, currency: 'CNY' }); L('PY-10 ' + r.errMsg + ' ' + r.status + ' ' + r.amount + ' ' + /^tx-[0-9a-f]{32}$/.test(r.transactionId) + ' balance ' + ('balance' in r))",
     console=['PY-10 requestPayment:ok charged 1234 true balance false'])
case('py-idempotent', 'the same order id is charged once: a retry returns the first result', ['PY-5'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload="const a = await mp.requestPayment({ orderId: 'A-2', amount: 100, currency: 'CNY' }); const b = await mp.requestPayment({ orderId: 'A-2', amount: 100, currency: 'CNY' }); L('PY-5 ' + (a.transactionId === b.transactionId) + ' ' + (a.time === b.time))",
     console=['PY-5 true true'])
case('py-idempotent-other-terms', 'the same order id with another amount fails with 1011', ['PY-6', 'ER-11'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload="await mp.requestPayment({ orderId: 'A-3', amount: 100, currency: 'CNY' }); " + pay('PY-6', "{ orderId: 'A-3', amount: 200, currency: 'CNY' }"),
     console=[{'regex': '^PY-6 1011 requestPayment:fail invalid order: order A-3 was already charged'}])
case('py-bad-amount', 'a non-integer amount fails with 1011 before any prompt', ['PY-1', 'ER-11'], manifest=pay_manifest, world=pay_world,
     asyncload=pay('PY-1', "{ orderId: 'A-4', amount: 12.5, currency: 'CNY' }"), console=[{'regex': '^PY-1 1011 requestPayment:fail invalid order: amount'}])
case('py-zero-amount', 'a zero amount fails with 1011', ['PY-1'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload=pay('PY-1', "{ orderId: 'A-5', amount: 0, currency: 'CNY' }"), console=[{'regex': '^PY-1 1011 requestPayment:fail invalid order: amount'}])
case('py-bad-order-id', 'an order id with bad characters fails with 1011', ['PY-1'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload=pay('PY-1', "{ orderId: 'a b/c', amount: 10, currency: 'CNY' }"), console=[{'regex': '^PY-1 1011 requestPayment:fail invalid order: orderId'}])
case('py-other-currency', 'another currency than the wallet\'s fails with 1011', ['PY-11'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload=pay('PY-11', "{ orderId: 'A-6', amount: 10, currency: 'USD' }"), console=[{'regex': '^PY-11 1011 requestPayment:fail invalid order'}])
case('py-not-declared', 'payment not declared: 1002', ['PY-2', 'CS-1'], manifest={'merchant': {'id': 'm.shop', 'name': 'Shop'}}, world=pay_world, args=grant_pay,
     asyncload=pay('PY-2', "{ orderId: 'A-7', amount: 10, currency: 'CNY' }"), console=['PY-2 1002 requestPayment:fail permission not declared'])
case('py-denied', 'payment denied: 1003', ['PY-2', 'CS-2'], manifest=pay_manifest, world=pay_world, args=['--deny', 'payment'],
     asyncload=pay('PY-2', "{ orderId: 'A-8', amount: 10, currency: 'CNY' }"), console=['PY-2 1003 requestPayment:fail auth deny'])
case('py-no-merchant', 'a manifest without merchant cannot charge: 1011', ['PY-3'], manifest={'req_permissions': [{'name': 'payment', 'reason': 'r'}]},
     world=pay_world, args=grant_pay, asyncload=pay('PY-3', "{ orderId: 'A-9', amount: 10, currency: 'CNY' }"),
     console=['PY-3 1011 requestPayment:fail invalid order: the manifest declares no merchant'])
case('py-over-limit', 'over the per-payment limit: 1010', ['PY-7', 'ER-10'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload=pay('PY-7', "{ orderId: 'A-10', amount: 50001, currency: 'CNY' }"), console=[{'regex': '^PY-7 1010 requestPayment:fail over limit: '}])
case('py-daily-limit', 'over the daily limit: 1010', ['PY-7'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload="await mp.requestPayment({ orderId: 'D-1', amount: 40000, currency: 'CNY' }); " + pay('PY-7', "{ orderId: 'D-2', amount: 30000, currency: 'CNY' }"),
     console=[{'regex': '^PY-7 1010 requestPayment:fail over limit: '}])
def hmac_hex(key, text):
    return hmac.new(key.encode(), text.encode(), hashlib.sha256).hexdigest()
def signed(app_id, order, key='shop-key', merchant='m.shop'):
    """The `sign` of `order` for app `app_id` (docs/api.md, Signed orders): HMAC-SHA256 of the canonical order string."""
    return hmac_hex(key, 'amount=%d&appId=%s&currency=%s&description=%s&merchant=%s&orderId=%s' % (
        order['amount'], app_id, order['currency'], order.get('description', ''), merchant, order['orderId']))
coffee = {'orderId': 'A-1', 'amount': 1234, 'currency': 'CNY', 'description': 'Coffee & cake=yes'}
def coffee_js(sign=None, amount=1234, extra=''):
    """JS: the coffee order, with `sign` when given."""
    return "{ orderId: 'A-1', amount: %d, currency: 'CNY', description: 'Coffee & cake=yes'%s%s }" % (amount, extra, ", sign: '%s'" % sign if sign else '')
def own_sign(id):
    return signed('org.conformance.' + id, coffee)
case('py-signature-missing', 'a signing merchant\'s order without sign: 1012', ['PY-4', 'ER-12'], manifest=pay_manifest, world=signed_world, args=grant_pay,
     asyncload=pay('PY-4', coffee_js()), console=[{'regex': '^PY-4 1012 requestPayment:fail bad signature'}])
case('py-signature-valid', 'a valid HMAC-SHA256 sign is accepted', ['PY-4'], manifest=pay_manifest, world=signed_world, args=grant_pay,
     asyncload=pay('PY-4', coffee_js(own_sign('py-signature-valid'))),
     console=['PY-4 ok requestPayment:ok'])
case('py-signature-tampered', 'a sign for other terms is refused: 1012', ['PY-4', 'ER-12'], manifest=pay_manifest, world=signed_world, args=grant_pay,
     asyncload=pay('PY-4', coffee_js(own_sign('py-signature-tampered'), amount=1)),
     console=[{'regex': '^PY-4 1012 requestPayment:fail bad signature'}])
case('py-signature-without-app-id', 'a sign over the order without the app id is refused: 1012', ['PY-4', 'ER-12'], manifest=pay_manifest, world=signed_world,
     args=grant_pay, asyncload=pay('PY-4', coffee_js(hmac_hex('shop-key', 'amount=1234&currency=CNY&description=Coffee & cake=yes&merchant=m.shop&orderId=A-1'))),
     console=[{'regex': '^PY-4 1012 requestPayment:fail bad signature'}])
once_id = 'py-signed-order-once-per-merchant'
once_other = 'org.conformance.%s-other' % once_id
case(once_id, 'a signing merchant\'s order id is charged once across apps: a replay is 1012, a re-signed order 1011', ['PY-4', 'PY-5', 'ER-11'],
     manifest=pay_manifest, world=signed_world, args=grant_pay, targets=['.', 'other'],
     files={'other/manifest.json': json.dumps(dict(pay_manifest, app_id=once_other, name='Other', pages=['pages/index/index']), indent=2, sort_keys=True) + '\n',
            'other/app.js': 'App({})\n',
            'other/pages/index/index.js': PRELUDE + 'Page({ onLoad() { (async () => {\n'
                + pay('replay', coffee_js(own_sign(once_id))) + pay('other', coffee_js(signed(once_other, coffee))) + '})() } })\n'},
     asyncload=pay('first', coffee_js(own_sign(once_id))),
     console=[{'regex': '^replay 1012 requestPayment:fail bad signature'},
              {'regex': '^(first|other) 1011 requestPayment:fail invalid order: order A-1 of merchant m.shop was already charged by another app'}])
case('py-merchant-from-manifest', 'a merchant field in the arguments does not change the merchant', ['PY-12', 'AR-11'], manifest=pay_manifest, world=signed_world, args=grant_pay,
     asyncload=pay('PY-12', coffee_js(own_sign('py-merchant-from-manifest'), extra=", merchant: 'm.evil', merchantId: 'm.evil'")),
     console=[{'regex': '^PY-12 (ok requestPayment:ok|1011 requestPayment:fail invalid order)'}])
manifest_error('py-merchant-id-look-alike', 'a merchant id with an invisible character is refused naming merchant.id', ['PY-12', 'PK-2'],
               '{"app_id": "org.conformance.x", "name": "x", "pages": ["pages/index/index"], "merchant": {"id": "m.shop\\u200b", "name": "Shop"}}\n',
               ['merchant.id'])
case('py-policy-deny', 'a policy that denies payment: no charge', ['PY-9', 'CS-2'], manifest=pay_manifest, world=dict(pay_world, policy={'payment': 'deny'}),
     asyncload=pay('PY-9', "{ orderId: 'A-11', amount: 10, currency: 'CNY' }"), console=[{'regex': '^PY-9 100[34] requestPayment:fail'}])
case('py-insufficient-then-ok', 'a refused payment is not recorded; a smaller order still goes through', ['PY-8'], manifest=pay_manifest,
     world={'wallet': {'currency': 'CNY', 'balance': 1000, 'per_payment_limit': 50000, 'daily_limit': 60000}, 'merchants': [{'id': 'm.shop', 'name': 'Shop'}]},
     args=grant_pay, asyncload=pay('first', "{ orderId: 'B-1', amount: 5000, currency: 'CNY' }") + pay('second', "{ orderId: 'B-2', amount: 500, currency: 'CNY' }"),
     console=[{'regex': '^first 1006 '}, 'second ok requestPayment:ok'])
case('py-description-too-long', 'a description over 128 characters fails with 1011', ['PY-1'], manifest=pay_manifest, world=pay_world, args=grant_pay,
     asyncload=pay('PY-1', "{ orderId: 'A-12', amount: 10, currency: 'CNY', description: 'd'.repeat(129) }"),
     console=[{'regex': '^PY-1 1011 requestPayment:fail invalid order: description'}])

# ---------------------------------------------------------------- CH: chat
chat_world = {'user': {'id': 'me', 'name': 'Alex'}, 'contacts': [{'id': 'lin', 'name': 'Lin'}, {'id': 'kai', 'name': 'Kai'}],
              'conversations': [{'id': 'team', 'title': 'Team', 'members': ['me', 'lin', 'kai'], 'messages': [{'from': 'kai', 'text': 'hello team', 'time': '2026-11-26T08:00:00Z'}]},
                                {'id': 'secret', 'title': 'Secret', 'members': ['me', 'lin'], 'messages': [{'from': 'lin', 'text': 'hidden', 'time': '2026-11-26T08:00:00Z'}]}],
              'peers': [{'id': 'lin', 'rules': [{'match': 'contains', 'text': 'ping', 'reply': 'pong from {name}', 'delay_ms': 50}]}]}
chat_read = {'req_permissions': [{'name': 'chat.read', 'reason': 'r'}]}
chat_rw = {'req_permissions': [{'name': 'chat.read', 'reason': 'r'}, {'name': 'chat.send', 'reason': 's'}]}
conv = ['--conversation', 'team']
case('ch-launch-scene', 'launched from a conversation, onLaunch gets {scene: chat, conversationId}', ['CH-1'], world=chat_world, args=conv + ['--grant', 'chat.read'],
     manifest=chat_read, app="App({ onLaunch(o) { console.log('CH-1 ' + o.scene + ' ' + o.conversationId) } })\n", console=['CH-1 chat team'])
case('ch-visible-set', 'getConversations lists only the launch conversation', ['CH-2'], world=chat_world, args=conv + ['--grant', 'chat.read'], manifest=chat_read,
     asyncload="const r = await mp.getConversations(); L('CH-2 ' + r.conversations.map((c) => c.conversationId).join(','))", console=['CH-2 team'])
case('ch-empty-without-conversation', 'launched from no conversation the visible set is empty', ['CH-2'], world=chat_world, args=['--grant', 'chat.read'], manifest=chat_read,
     asyncload="const r = await mp.getConversations(); L('CH-2 ' + r.conversations.length)", console=['CH-2 0'])
case('ch-other-conversation-not-found', 'another conversation, real or not, fails with 1007 and the same words', ['CH-3', 'ER-7'], world=chat_world,
     args=conv + ['--grant', 'chat.read'], manifest=chat_read,
     asyncload=("let a = '', b = ''; try { await mp.getMessages({ conversationId: 'secret' }) } catch (e) { a = e.errCode + ' ' + e.errMsg.replace('secret', 'X') }\n"
                "try { await mp.getMessages({ conversationId: 'nothing' }) } catch (e) { b = e.errCode + ' ' + e.errMsg.replace('nothing', 'X') } L('CH-3 ' + (a === b) + ' ' + a.split(' ')[0])"),
     console=['CH-3 true 1007'])
case('ch-messages', 'getMessages returns the visible conversation\'s history', ['CH-4'], world=chat_world, args=conv + ['--grant', 'chat.read'], manifest=chat_read,
     asyncload="const r = await mp.getMessages({ conversationId: 'team' }); const m = r.messages[0]; L('CH-4 ' + m.text + ' ' + m.from.name + ' ' + m.from.isSelf + ' ' + typeof m.id + ' ' + r.hasMore)",
     console=['CH-4 hello team Kai false number false'])
case('ch-opaque-ids', 'person ids are opaque per-app handles', ['CH-5'], world=chat_world, args=conv + ['--grant', 'chat.read'], manifest=chat_read,
     asyncload="const r = await mp.getConversations(); const ids = r.conversations[0].members.map((m) => m.id); L('CH-5 ' + ids.every((i) => /^u_[0-9a-f]{16}$/.test(i)) + ' ' + ids.includes('kai'))",
     console=['CH-5 true false'])
case('ch-read-not-declared', 'chat.read not declared: 1002', ['CH-6', 'CS-1'], world=chat_world, args=conv, asyncload=tryapi('CH-6', "mp.getConversations()"),
     console=['CH-6 1002 getConversations:fail permission not declared'])
case('ch-send-not-declared', 'sendMessage without chat.send declared: 1002', ['CH-6'], world=chat_world, args=conv + ['--grant', 'chat.read'], manifest=chat_read,
     asyncload=tryapi('CH-6', "mp.sendMessage({ conversationId: 'team', text: 'hi' })"), console=['CH-6 1002 sendMessage:fail permission not declared'])
case('ch-send-consent-declined', 'each message needs consent: declined is 1004 and nothing is stored', ['CH-7', 'ER-4'], world=chat_world,
     args=conv + ['--grant', 'chat.read', '--grant', 'chat.send', '--policy', 'policy.json'], files={'policy.json': '{"chat.message": "deny"}\n'}, manifest=chat_rw,
     asyncload=tryapi('CH-7', "mp.sendMessage({ conversationId: 'team', text: 'hi' })") + "const r = await mp.getMessages({ conversationId: 'team' }); L('CH-7 stored ' + r.messages.length)",
     console=['CH-7 1004 cancel: the user declined to send the message'.replace('1004 ', '1004 sendMessage:fail '), 'CH-7 stored 1'])
case('ch-send-allowed-provenance', 'a sent message carries provenance from the manifest, not the arguments', ['CH-8', 'AR-11'], world=chat_world,
     args=conv + ['--grant', 'chat.read', '--grant', 'chat.send', '--policy', 'policy.json'], files={'policy.json': '{"chat.message": "allow"}\n'}, manifest=chat_rw,
     asyncload=("const s = await mp.sendMessage({ conversationId: 'team', text: 'status', via: { appId: 'org.fake', name: 'Fake' }, from: 'lin' });\n"
                "const r = await mp.getMessages({ conversationId: 'team' }); const m = r.messages[r.messages.length - 1];\n"
                "L('CH-8 ' + (typeof s.messageId) + ' ' + m.text + ' self ' + m.from.isSelf + ' via ' + m.via.appId + ' ' + m.via.name)"),
     console=['CH-8 number status self true via org.conformance.ch-send-allowed-provenance Conformance ch-send-allowed-provenance'])
case('ch-send-other-conversation', 'sending to a conversation outside the visible set: 1007', ['CH-3'], world=chat_world,
     args=conv + ['--grant', 'chat.read', '--grant', 'chat.send', '--policy', 'policy.json'], files={'policy.json': '{"chat.message": "allow"}\n'}, manifest=chat_rw,
     asyncload=tryapi('CH-3', "mp.sendMessage({ conversationId: 'secret', text: 'hi' })"), console=[{'regex': '^CH-3 1007 sendMessage:fail conversation "secret" not found'}])
case('ch-send-empty-text', 'an empty text fails with 1001', ['CH-9', 'ER-1'], world=chat_world, args=conv + ['--grant', 'chat.read', '--grant', 'chat.send'], manifest=chat_rw,
     asyncload=tryapi('CH-9', "mp.sendMessage({ conversationId: 'team', text: '' })"), console=[{'regex': '^CH-9 1001 sendMessage:fail invalid argument: text'}])
case('ch-send-too-long', 'a text over 2000 characters fails with 1001', ['CH-9'], world=chat_world, args=conv + ['--grant', 'chat.read', '--grant', 'chat.send'], manifest=chat_rw,
     asyncload=tryapi('CH-9', "mp.sendMessage({ conversationId: 'team', text: 't'.repeat(2001) })"), console=[{'regex': '^CH-9 1001 sendMessage:fail invalid argument: text'}])
case('ch-rate-limit', 'at most 10 messages a minute: the 11th is 1005', ['CH-10', 'ER-5'], world=chat_world,
     args=conv + ['--grant', 'chat.read', '--grant', 'chat.send', '--policy', 'policy.json'], files={'policy.json': '{"chat.message": "allow"}\n'}, manifest=chat_rw,
     asyncload="let n = 0, code = 0; for (let i = 0; i < 11; i++) { try { await mp.sendMessage({ conversationId: 'team', text: 'm' + i }); n++ } catch (e) { code = e.errCode } } L('CH-10 ' + n + ' ' + code)",
     console=['CH-10 10 1005'])
case('ch-peer-reply-event', 'a peer\'s reply arrives as onMessage; the sender gets no echo', ['CH-11', 'HE-1'], world=chat_world,
     args=conv + ['--grant', 'chat.read', '--grant', 'chat.send', '--policy', 'policy.json'], files={'policy.json': '{"chat.message": "allow"}\n'}, manifest=chat_rw,
     asyncload="await mp.getConversations(); mp.onMessage((e) => L('CH-11 ' + e.conversationId + ' ' + e.message.text + ' ' + e.message.from.isSelf)); await mp.sendMessage({ conversationId: 'team', text: 'ping' })",
     console=['CH-11 team pong from Lin false'], console_absent=['CH-11 team ping'])
case('ch-choose-cancel', 'chooseConversation without a terminal or policy is cancelled: 1004', ['CH-12', 'ER-4'], world=chat_world,
     asyncload=tryapi('CH-12', "mp.chooseConversation({})"), console=[{'regex': '^CH-12 1004 chooseConversation:fail cancel'}])
case('ch-choose-joins-visible-set', 'a picked conversation joins the visible set', ['CH-12', 'CH-2'], world=chat_world, manifest=chat_read,
     args=['--grant', 'chat.read', '--policy', 'policy.json'], files={'policy.json': '{"choose": "allow"}\n'},
     asyncload="const p = await mp.chooseConversation({}); const r = await mp.getConversations(); const ids = r.conversations.map((c) => c.conversationId); L('CH-12 ' + (ids.length === 1 && ids[0] === p.conversationId))",
     console=['CH-12 true'])
case('ch-choose-contact', 'chooseContact gives only the picked contact, with an opaque id', ['CH-12', 'CH-5'], world=chat_world,
     args=['--policy', 'policy.json'], files={'policy.json': '{"choose": "allow"}\n'},
     asyncload="const c = await mp.chooseContact({}); L('CH-12 ' + c.name + ' ' + /^u_[0-9a-f]{16}$/.test(c.id))", console=['CH-12 Lin true'])
case('ch-unknown-launch-conversation', 'launching from a conversation the world lacks is refused (exit 2)', ['CH-1', 'DR-3'], world=chat_world,
     args=['--conversation', 'nope'], exit_code=2, exit_status=None, stderr_contains=['nope'])

# ---------------------------------------------------------------- HE: host events
case('he-listener-dedupe', 'the same listener added twice is called once; off removes it', ['HE-1'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload=("let n = 0; const f = () => { n++ }; mp.onLocationChange(f); mp.onLocationChange(f);\n"
                "await mp.startLocationUpdate({ interval: 100 }); setTimeout(async () => { await mp.stopLocationUpdate(); mp.offLocationChange(f); L('HE-1 per tick ' + (n <= 3)) }, 150)"),
     console=['HE-1 per tick true'])
case('he-listener-throws', 'a listener that throws goes to App.onError; the others still run', ['HE-2'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload=("let got = 0; mp.onLocationChange(() => { throw new Error('listener broke') }); mp.onLocationChange(() => { got++ });\n"
                "await mp.startLocationUpdate({ interval: 100 }); setTimeout(async () => { await mp.stopLocationUpdate(); L('HE-2 others ran ' + (got > 0)) }, 150)"),
     console=['onError: Error: listener broke', 'HE-2 others ran true'], errors=[{'kind': 'exception', 'message_contains': 'listener broke'}])
case('he-on-needs-function', 'on<Event> with a non-function throws TypeError', ['HE-1'], onload="try { mp.onLocationChange(5) } catch (e) { L('HE-1 ' + e.name) }",
     console=['HE-1 TypeError'])
case('he-payload-copy', 'each listener gets its own copy of the payload', ['HE-3'], manifest=loc_manifest, args=grant_loc, world=beijing,
     asyncload=("let seen = []; mp.onLocationChange((p) => { p.latitude = 0 }); mp.onLocationChange((p) => { seen.push(p.latitude) });\n"
                "await mp.startLocationUpdate({ interval: 100, type: 'wgs84' }); setTimeout(async () => { await mp.stopLocationUpdate(); L('HE-3 ' + seen.every((x) => x === 39.9087)) }, 150)"),
     console=['HE-3 true'])
