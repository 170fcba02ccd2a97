console.log('before ' + typeof getApp());
App({});
