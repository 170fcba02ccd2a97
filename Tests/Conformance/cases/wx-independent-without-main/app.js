console.log('app.js ran');
App({ onLaunch(o) { console.log('onLaunch ' + o.path) } })
