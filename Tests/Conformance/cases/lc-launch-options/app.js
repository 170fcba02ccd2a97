App({ onLaunch(o) { console.log('LC-2 ' + o.path + ' ' + JSON.stringify(o.query) + ' ' + typeof o.scene + ' ' + typeof o.referrerInfo) } })
