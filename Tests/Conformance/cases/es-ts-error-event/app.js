App({ onError(m) { console.log('onError ' + m) } })
