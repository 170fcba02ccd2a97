interface G { who: string }
const g: G = { who: 'ts app' };
App({ globalData: g });
