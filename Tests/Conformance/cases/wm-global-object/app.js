global.shared = 'from app';
App({})
