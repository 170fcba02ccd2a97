// A suite written against the documented driver API only (docs/api.md).
describe('mocks', () => {
  it('a mock set before the launch reaches App.onLaunch', async () => {
    const app = await minihost.launch();
    app.mock('getLocation', { latitude: 10.5, longitude: 20.25, accuracy: 5 });
    app.mock('getStorageSync', 'mocked hello');
    const page = await app.currentPage();
    await app.idle();
    const state = await page.call('launchState');
    expect(state.where).toMatchObject({ latitude: 10.5, longitude: 20.25, errMsg: 'getLocation:ok' });
    expect(app.console.map((l) => l.message)).toContain('stored at launch: mocked hello');
    expect(app.calls('getLocation')).toHaveBeenCalledWith({ type: 'wgs84' });
  });

  it('restore really restores: the gate answers again (no consent: auth deny)', async () => {
    const app = await minihost.launch({ deny: 'location' });
    app.mock('getLocation', { latitude: 1, longitude: 2 });
    const page = await app.currentPage();
    expect(await page.call('locate')).toEqual({ latitude: 1, longitude: 2 });
    app.restore('getLocation');
    await expect(page.call('locate')).rejects.toThrow(/auth deny/);
    const calls = app.calls('getLocation');
    expect(calls.map((c) => c.mocked)).toEqual([true, true, false]);
    expect(calls[2].error.errCode).toBe(1003);
  });

  it('a mock function can be async and its result recorded', async () => {
    const app = await minihost.launch();
    app.mock('getLocation', async (args) => { await minihost.sleep(20); return { latitude: args.type === 'gcj02' ? 3 : 4, longitude: 5 }; });
    const page = await app.currentPage();
    expect(await page.call('locate')).toEqual({ latitude: 3, longitude: 5 });
    expect(app.calls('getLocation')).toHaveReturnedWith({ latitude: 3 });
  });

  it('mocking an unknown API is an error that names it', () => {
    return minihost.launch().then((app) => expect(() => app.mock('getTeleport', {})).toThrow('no such API'));
  });
});

describe('prompts', () => {
  it('a permission prompt allowed once', async () => {
    const app = await minihost.launch();
    app.mock('getStorageSync', '');
    app.mock('getLocation', { latitude: 0, longitude: 0 });
    const page = await app.currentPage();
    app.restore('getLocation');
    const result = page.call('locate');
    const prompt = await app.nextPrompt();
    expect(prompt).toMatchObject({ type: 'permission', permission: 'location', reason: 'to say where you are', appId: 'org.example.driverapi' });
    prompt.allow();
    const loc = await result;
    expect(typeof loc.latitude).toBe('number');
  });

  it('the world moves the user', async () => {
    const app = await minihost.launch({ grant: 'location' });
    app.world.location.moveTo(48.8584, 2.2945);
    const page = await app.currentPage();
    const loc = await page.call('locate');
    expect(loc.latitude).toBeCloseTo(48.8584, 2);
    expect(app.world.location.current().latitude).toBeCloseTo(48.8584, 4);
  });
});

describe('navigation and lifecycle', () => {
  beforeEach(() => { globalThis.order = ['beforeEach']; });
  afterEach(() => { globalThis.order.push('afterEach'); });

  it('navigates, reads the stack and goes back', async () => {
    const app = await minihost.launch({ query: 'x=1' });
    const index = await app.currentPage();
    expect(index.query).toEqual({ x: '1' });
    await index.call('go');
    const other = await app.currentPage();
    expect(other).toMatchObject({ route: 'pages/other/other', query: { from: 'index' } });
    expect((await other.data('from'))).toBe('index');
    expect((await app.pageStack()).map((p) => p.route)).toEqual(['pages/index/index', 'pages/other/other']);
    expect((await app.navigateBack()).route).toBe('pages/index/index');
    await expect(app.navigateBack()).rejects.toThrow('cannot navigate back at first page');
    expect(globalThis.order).toEqual(['beforeEach']);
  });

  it('hide and show', async () => {
    const app = await minihost.launch();
    await app.hide();
    await app.show();
    const page = await app.currentPage();
    expect((await page.data('shows'))).toBe(2);
    expect(app.console.filter((l) => l.message === 'hidden')).toHaveLength(1);
  });

  it('setData from the test and storage that lasts across launches in one test', async () => {
    const first = await minihost.launch();
    const page = await first.currentPage();
    expect(await page.call('save', { text: 'kept' })).toBe('saved');
    await first.close();
    const second = await minihost.launch();
    await second.launched();
    expect(second.console.map((l) => l.message)).toContain('stored at launch: kept');
    const p2 = await second.currentPage();
    await p2.setData({ 'nested.value': 42 });
    expect((await p2.data('nested'))).toEqual({ value: 42 });
  });

  it('each test has a fresh world', async () => {
    const app = await minihost.launch();
    await app.launched();
    expect(app.console.map((l) => l.message)).toContain('stored at launch: ');
  });
});

describe('expect', () => {
  it('matchers', async () => {
    expect({ a: [1, { b: 2 }] }).toEqual({ a: [1, { b: 2 }] });
    expect({ a: 1, b: 2 }).not.toEqual({ a: 1 });
    expect('hello world').toMatch(/wor/);
    expect([1, 2]).toContain(2);
    expect(() => { throw new TypeError('bad'); }).toThrow(TypeError);
    await expect(Promise.resolve(3)).resolves.toBe(3);
    await expect(Promise.reject({ errCode: 1001, errMsg: 'x:fail invalid' })).rejects.toMatchObject({ errCode: 1001 });
    expect({ a: { b: [0, 7] } }).toHaveProperty('a.b[1]', 7);
  });
});
