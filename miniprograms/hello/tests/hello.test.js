// Tests of the hello sample, run by `minihost test org.minihost.hello` (docs/api.md, the driver API).
describe('hello: launch', () => {
  it('greets the name in the launch query', async () => {
    const app = await minihost.launch({ query: { name: 'Ada' } });
    const page = await app.currentPage();
    expect(page.route).toBe('pages/index/index');
    expect(page.query).toEqual({ name: 'Ada' });
    expect((await page.data('title'))).toBe('Hello, Ada!');
  });

  it('logs the greeting from App.onLaunch', async () => {
    const app = await minihost.launch();
    await app.launched();
    expect(app.console.map((l) => l.message)).toContain('Hello, MiniHost! entry page: pages/index/index');
  });
});

describe('hello: timers', () => {
  it('counts three ticks with setInterval, then stops', async () => {
    const app = await minihost.launch();
    await app.waitFor(async () => (await (await app.currentPage()).data('ticks')) === 3, 2000);
    await app.idle();
    const page = await app.currentPage();
    expect((await page.data())).toMatchObject({ ticks: 3, status: '3 ticks' });
    expect(app.console.map((l) => l.message)).toContain('countdown done: 3 ticks');
  });
});

describe('hello: navigation', () => {
  it('opens the detail page from a tap and goes back', async () => {
    const app = await minihost.launch();
    await app.currentPage().then((p) => p.call('openDetail', { item: 'pears' }));
    const detail = await app.currentPage();
    expect(detail.route).toBe('pages/detail/detail');
    expect(detail.query).toEqual({ item: 'pears' });
    expect((await detail.data())).toEqual({ item: 'pears', pages: 2 });
    expect((await app.pageStack()).map((p) => ({ route: p.route, query: p.query }))).toEqual([
      { route: 'pages/index/index', query: {} },
      { route: 'pages/detail/detail', query: { item: 'pears' } },
    ]);
    const back = await app.navigateBack();
    expect(back.route).toBe('pages/index/index');
    expect(app.console.map((l) => l.message)).toContain('leaving detail');
  });

  it('navigates from the host, with a query', async () => {
    const app = await minihost.launch();
    const page = await app.navigateTo('/pages/detail/detail?item=figs');
    expect((await page.data('item'))).toBe('figs');
    expect((await app.pageStack()).length).toBe(2);
  });

  it('the detail page goes back by itself after done() (a timer)', async () => {
    const app = await minihost.launch();
    const detail = await app.navigateTo('/pages/detail/detail?item=kiwis');
    await detail.call('done');
    await app.waitFor(async () => (await app.pageStack()).length === 1);
    expect((await app.currentPage()).route).toBe('pages/index/index');
  });

  it('rejects a page that does not exist', async () => {
    const app = await minihost.launch();
    await expect(app.navigateTo('/pages/nope/nope')).rejects.toThrow('not found');
  });
});

describe('hello: setData and lifecycle', () => {
  it('setData from the test changes the page data, with data paths', async () => {
    const app = await minihost.launch();
    const page = await app.currentPage();
    await page.setData({ title: 'changed', 'extra.list[1]': 'b' });
    expect((await page.data('title'))).toBe('changed');
    expect((await page.data('extra.list'))).toEqual([null, 'b']);
  });

  it('hide and show run the App hooks', async () => {
    const app = await minihost.launch();
    await app.hide();
    expect(app.console.map((l) => l.message)).toContain('app hidden after 1 visit(s)');
    await app.show();
    await app.hide();
    expect(app.console.map((l) => l.message)).toContain('app hidden after 2 visit(s)');
  });

  it('a page method that does not exist is an error', async () => {
    const app = await minihost.launch();
    const page = await app.currentPage();
    await expect(page.call('nope')).rejects.toThrow(/has no method "nope"/);
  });
});
