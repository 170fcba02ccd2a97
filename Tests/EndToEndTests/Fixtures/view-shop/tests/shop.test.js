// Written against miniprogram-automator's API; only the launch call is MiniHost's.
describe('index page', () => {
  let miniProgram, page;
  beforeEach(async () => {
    miniProgram = await minihost.launch();
    page = await miniProgram.reLaunch('/pages/index/index');
  });
  afterEach(async () => { await miniProgram.close(); });

  it('renders data, conditions, templates and WXS', async () => {
    expect(await (await page.$('#title')).text()).toBe('Shop');
    expect(await page.$('#none')).not.toBeNull();
    expect(await page.$('#some')).toBeNull();
    const items = await page.$$('.list .item');
    expect(items.length).toBe(2);
    expect(await (await items[1].$('.price')).text()).toBe('¥12.00');
    expect(await items[0].attribute('data-index')).toBe('0');
    expect(await (await page.$('.footer')).text()).toBe('thanks');
  });

  it('taps reach handlers with the dataset, and the view updates', async () => {
    const button = await page.$('#inc');
    await button.tap();
    await button.tap();
    expect(await page.data('count')).toBe(2);
    expect(await page.data('lastDataset')).toEqual({ step: 1, userId: 'u1' });
    expect(await (await page.$('#count')).text()).toBe('Count: 2');
    expect(await page.$('#some')).not.toBeNull();
    await button.tap();
    expect(await page.$('#many')).not.toBeNull();
    expect(await (await page.$('#badge')).text()).toBe('3');
  });

  it('bubbles to ancestors and stops at catch', async () => {
    await (await page.$('#bubbly')).tap();
    expect(await page.data('taps')).toEqual(['outer:bubbly:outer', 'page:bubbly']);
    await (await page.$('#inner')).tap();
    expect(await page.data('taps')).toEqual(['outer:bubbly:outer', 'page:bubbly', 'inner']);
  });

  it('keeps elements across updates and renders new list items', async () => {
    const second = await page.$('#item-b');
    await page.callMethod('rename', { index: 1, name: 'Brioche' });
    expect(await (await second.$('.name')).text()).toBe('Brioche');
    await page.callMethod('addItem', { id: 'c', name: 'Cheese', cents: 999 });
    expect((await page.$$('.list .item')).length).toBe(3);
    expect(await (await page.$('#item-c .price')).text()).toBe('¥9.99');
  });

  it('gives components their properties and hears their events', async () => {
    const card = await page.$('#card-b');
    expect(await card.data('name')).toBe('Bread');
    expect(await card.data('label')).toBe('12.00');
    expect(await (await card.$('.card-name')).text()).toBe('Bread');
    expect((await card.callMethod('lifetimesSeen')).slice(-6)).toEqual(['created', 'created', 'attached:Apple', 'attached:Bread', 'ready', 'ready']);
    await (await card.$('.buy')).tap();
    expect(await page.data('bought')).toEqual(['Bread']);
    expect(await (await page.$('#card-a .note')).text()).toBe('note a');
  });

  it('navigates from a navigator', async () => {
    await (await page.$('#go-detail')).tap();
    const detail = await miniProgram.currentPage();
    expect(detail.path).toBe('pages/detail/detail');
    expect(await (await detail.$('#detail')).text()).toBe('item b');
  });

  it('matches its WXML snapshot', async () => {
    expect(await (await page.$('#badge')).outerWxml()).toMatchSnapshot();
  });
});

describe('form page', () => {
  it('types, binds model:value and submits', async () => {
    const miniProgram = await minihost.launch();
    const page = await miniProgram.navigateTo('/pages/form/form');
    await (await page.$('#name')).input('Ada');
    expect(await page.data('name')).toBe('Ada');
    expect(await page.data('inputs')).toBe(1);
    expect(await (await page.$('#echo')).text()).toBe('Ada');
    await (await page.$('#agree')).tap();
    await (await page.$('#send')).tap();
    expect(await page.data('submitted')).toEqual({ name: 'Ada', agree: true });
  });

  it('answers callWxMethod, mockWxMethod and evaluate', async () => {
    const miniProgram = await minihost.launch();
    await miniProgram.callWxMethod('setStorageSync', 'k', 'v');
    expect(await miniProgram.callWxMethod('getStorageSync', 'k')).toBe('v');
    miniProgram.mockWxMethod('getSystemInfoSync', { model: 'Mock' });
    expect((await miniProgram.systemInfo()).model).toBe('Mock');
    miniProgram.restoreWxMethod('getSystemInfoSync');
    expect(await miniProgram.evaluate(() => getCurrentPages().length)).toBe(1);
    expect(await miniProgram.evaluate((a, b) => a + b, 2, 3)).toBe(5);
  });
});
