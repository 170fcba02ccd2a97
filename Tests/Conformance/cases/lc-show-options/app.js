App({ onShow(o) { console.log('show ' + o.path + ' ' + o.query.k) } })
