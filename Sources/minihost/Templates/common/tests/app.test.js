// Run with `minihost test`. Each test gets a fresh app and a fresh copy of tests/world.json.
describe('index page', () => {
  /** @type {MiniHostTest.App} */
  let app;
  /** @type {MiniHostTest.Page} */
  let page;

  beforeEach(async () => {
    app = await minihost.launch();
    page = await app.currentPage();
  });

  afterEach(async () => {
    await app.close();
  });

  it('renders its title and greeting', async () => {
    expect(await (await page.$('#title')).text()).toBe('__NAME__');
    expect(await (await page.$('#greeting')).text()).toBe('Hello, stranger!');
  });

  it('counts taps on the counter component', async () => {
    // A component's inside is reached through its element (or with `>>>` in one selector).
    const counter = await page.$('#counter');
    const plus = await counter.$('.plus');
    await plus.tap();
    await plus.tap();
    expect(await page.data('count')).toBe(2);
    expect(await counter.data('count')).toBe(2);
    expect(await (await page.$('#counter >>> .label')).text()).toBe('Taps: 2');
  });

  it('greets the name typed', async () => {
    await (await page.$('#name')).input('Ada');
    expect(await page.data('greeting')).toBe('Hello, Ada!');
    expect(await (await page.$('#greeting')).text()).toBe('Hello, Ada!');
  });
});

describe('detail page', () => {
  it('opens from the navigator and shows the tip the world serves', async () => {
    const app = await minihost.launch();
    const index = await app.currentPage();
    await (await index.$('#name')).input('Ada');
    await (await index.$('#go-detail')).tap();
    const detail = await app.currentPage();
    expect(detail.path).toBe('pages/detail/detail');
    expect(await (await detail.$('#who')).text()).toBe('Details for Ada');
    await detail.waitFor(async () => (await detail.data('tip')) !== 'loading...');
    expect(await detail.data('tip')).toBe('Write a test for every bug you fix.');
    expect(app.calls('request')).toHaveLength(1);
  });

  it('counts visits in storage', async () => {
    const app = await minihost.launch();
    await app.callWxMethod('setStorageSync', 'visits', 41);
    const detail = await app.navigateTo('/pages/detail/detail?name=Grace');
    expect(await detail.data('visits')).toBe(42);
    expect(await app.callWxMethod('getStorageSync', 'visits')).toBe(42);
  });
});
