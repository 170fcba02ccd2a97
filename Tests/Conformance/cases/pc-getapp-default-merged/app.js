const app = getApp({ allowDefault: true });
app.data = 456;
app.global = {};
App({ data: 123, other: 'hello' });
