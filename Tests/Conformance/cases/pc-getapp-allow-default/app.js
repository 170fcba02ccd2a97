const early = getApp({ allowDefault: true });
early.globalData.early = 'yes';
console.log('default ' + typeof early + ' ' + JSON.stringify(early.globalData));
App({ globalData: { late: 'also' } });
