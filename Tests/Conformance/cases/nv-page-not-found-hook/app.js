App({ onPageNotFound(r) { console.log('NV-9 not found ' + r.path) } })
