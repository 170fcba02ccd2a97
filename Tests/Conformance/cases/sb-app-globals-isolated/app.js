App({ globalData: 'first' })
