App({ onLaunch(o) { console.log('CH-1 ' + o.scene + ' ' + o.conversationId) } })
