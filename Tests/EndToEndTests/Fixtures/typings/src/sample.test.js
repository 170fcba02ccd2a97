// A test file, checked as JavaScript against the test globals.
describe('the driver', () => {
  /** @type {MiniHostTest.App} */
  let app;

  beforeEach(async () => { app = await minihost.launch({ query: { id: '7' }, grant: 'location' }); });
  afterEach(async () => { await app.close(); });

  it('reaches pages, elements and components', async () => {
    const page = await app.currentPage();
    expect(page.path).toBe('pages/index/index');
    const title = await page.$('#title');
    expect(title).not.toBeNull();
    if (title) expect(await title.text()).toMatch(/Hello/);
    const cards = await page.$$('.card');
    expect(cards).toHaveLength(2);
    await cards[0].tap();
    expect(await cards[0].data('name')).toEqual('Apple');
    expect(await page.data()).toMatchObject({ status: 'idle' });
    await expect(app.navigateTo('/pages/nowhere')).rejects.toThrow('not found');
    await expect(page.data('status')).resolves.not.toBe('failed');
    expect(app.calls('request')).toHaveBeenCalledTimes(1);
    expect(() => { throw new Error('x'); }).toThrow();
    expect(0.1 + 0.2).toBeCloseTo(0.3);
    expect({ a: { b: 1 } }).toHaveProperty('a.b', 1);
    expect(await (await app.page('pages/index/index')).wxml()).toMatchSnapshot();
  }, 10000);

  it('answers prompts and mocks APIs', async () => {
    app.mock('getLocation', { latitude: 1, longitude: 2 }).mock('chooseImage', (args) => ({ tempFilePaths: [String(args)] }));
    const prompt = await app.nextPrompt(1000);
    prompt.allow({ always: true });
    app.world.location.moveTo(39.9, 116.4);
    const balance = app.world.wallet.balance();
    expect(balance).toBeDefined();
    expect(await app.evaluate((a, b) => a + b, 2, 3)).toBe(5);
    await minihost.sleep(10);
  });

  it.todo('more');
  test.skip('skipped', () => {});
});
