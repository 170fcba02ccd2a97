// The hello sample's view, driven by selector as miniprogram-automator tests do: the templates
// render the pages' data, taps and typing reach the pages' handlers (docs/api.md, the driver API).
describe('hello: the index page view', () => {
  it('renders the greeting and follows the countdown', async () => {
    const app = await minihost.launch({ query: { name: 'Ada' } });
    const page = await app.currentPage();
    expect(await (await page.$('#title')).text()).toBe('Hello, Ada!');
    await page.waitFor(async () => (await (await page.$('#status')).text()) === '3 ticks');
    const status = await page.$('#status');
    expect(await status.attribute('class')).toBe('status done');
  });

  it('lists the fruits with wx:for, in order', async () => {
    const page = await (await minihost.launch()).currentPage();
    const fruits = await page.$$('.fruits .fruit');
    expect(fruits.length).toBe(3);
    expect(await Promise.all(fruits.map((f) => f.text()))).toEqual(['1. apples', '2. pears', '3. figs']);
    expect(await fruits[1].attribute('data-item')).toBe('pears');
    expect(await page.$('#empty')).toBeNull();
  });

  it('typing a name greets it', async () => {
    const page = await (await minihost.launch()).currentPage();
    const name = await page.$('#name');
    await name.input('Grace');
    expect(await page.data('name')).toBe('Grace');
    expect(await page.data('title')).toBe('Hello, Grace!');
    expect(await (await page.$('#title')).text()).toBe('Hello, Grace!');
    expect(await name.value()).toBe('Grace');
    await name.input('  ');
    expect(await (await page.$('#title')).text()).toBe('Hello, world!');
  });

  it('an emptied list shows the empty note (wx:if)', async () => {
    const page = await (await minihost.launch()).currentPage();
    await page.setData({ fruits: [] });
    expect(await page.$$('.fruit')).toEqual([]);
    expect(await (await page.$('#empty')).text()).toBe('nothing to show');
  });

  it('renders the list as in its snapshot', async () => {
    const page = await (await minihost.launch()).currentPage();
    expect(await (await page.$('.fruits')).outerWxml()).toMatchSnapshot();
  });
});

describe('hello: tapping through the pages', () => {
  it('a tap on a fruit opens its detail page with the dataset\'s item', async () => {
    const app = await minihost.launch();
    const index = await app.currentPage();
    await (await index.$('#fruit-pears')).tap();
    await app.waitFor(async () => (await app.currentPage()).route === 'pages/detail/detail');
    const detail = await app.currentPage();
    expect(detail.query).toEqual({ item: 'pears' });
    expect(await (await detail.$('#item')).text()).toBe('pears');
    expect(await (await detail.$('#depth')).text()).toBe('page 2 of the stack');
    expect(app.console.map((l) => l.message)).toContain('navigated: navigateTo:ok');
  });

  it('the detail page\'s Done button goes back', async () => {
    const app = await minihost.launch();
    const detail = await app.navigateTo('/pages/detail/detail?item=figs');
    await (await detail.$('#done')).tap();
    await app.waitFor(async () => (await app.pageStack()).length === 1);
    expect((await app.currentPage()).route).toBe('pages/index/index');
    expect(app.console.map((l) => l.message)).toContain('leaving detail');
  });
});
