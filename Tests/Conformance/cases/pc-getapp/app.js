App({ globalData: { user: 'ann' }, hello() { return 'hi' } })
