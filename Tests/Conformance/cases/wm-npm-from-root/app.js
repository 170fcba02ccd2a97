globalThis.__n = require('tiny-fmt').name;
App({})
