// Tests of the taxi sample: a mocked location from launch, a ride along a short route moved by the
// test, and the fare's payment prompt allowed or denied (docs/api.md, the driver API).

// The world of these tests: no standing payment policy, so each payment is a prompt for the test.
const world = {
  user: { id: 'me', name: 'Alex' },
  wallet: { currency: 'CNY', balance: 100000, per_payment_limit: 50000, daily_limit: 200000 },
  merchants: [{ id: 'm.taxi', name: 'MiniHost Taxi' }],
  location: { provider: 'fixed', latitude: 39.9087, longitude: 116.4475 },
  places: [
    { name: 'China World Trade Center', address: '1 Jianguomenwai Ave, Chaoyang, Beijing', latitude: 39.9090, longitude: 116.4610 },
  ],
  policy: { location: 'allow', 'location.coarse': 'allow', choose: 'allow' },
};

// A ride of about 1.2 km that ends at the destination after one second.
const shortRoute = [
  { t: 0, latitude: 39.9087, longitude: 116.4475 },
  { t: 1, latitude: 39.9090, longitude: 116.4610 },
];

function messages(app) { return app.console.map((l) => l.message); }

describe('taxi: where is the user', () => {
  it('a mock of getFuzzyLocation set right after launch reaches onLoad', async () => {
    const app = await minihost.launch({ world });
    app.mock('getFuzzyLocation', { latitude: 31.2304, longitude: 121.4737, accuracy: 1000 });
    const page = await app.currentPage();
    await app.waitFor(async () => (await (await app.currentPage()).data('status')) !== 'locating');
    await page.refresh();
    expect((await page.data())).toMatchObject({ status: 'ready', pickup: 'near 31.230, 121.474' });
    const calls = app.calls('getFuzzyLocation');
    expect(calls).toHaveBeenCalledTimes(1);
    expect(calls).toHaveBeenCalledWith({ type: 'gcj02' });
    expect(calls[0].mocked).toBe(true);
  });

  it('a mock function sees the arguments; its error reaches the app as <api>:fail', async () => {
    const app = await minihost.launch({ world });
    const seen = [];
    app.mock('getFuzzyLocation', (args) => { seen.push(args); throw { errCode: 1003, errMsg: 'auth deny' }; });
    await app.waitFor(async () => (await (await app.currentPage()).data('status')) === 'no location');
    expect(seen).toEqual([{ type: 'gcj02' }]);
    expect(messages(app)).toContain('cannot find you: getFuzzyLocation:fail auth deny (1003)');
    expect(app.calls('getFuzzyLocation')[0].error).toEqual({ errCode: 1003, errMsg: 'getFuzzyLocation:fail auth deny' });
  });

  it('restore gives the real service back', async () => {
    const app = await minihost.launch({ world });
    app.mock('getFuzzyLocation', { latitude: 1, longitude: 2, accuracy: 1000 });
    app.restore('getFuzzyLocation');
    await app.waitFor(async () => (await (await app.currentPage()).data('status')) === 'ready');
    const calls = app.calls('getFuzzyLocation');
    expect(calls[0].mocked).toBe(false);
    expect(calls[0].result.accuracy).toBe(1000);
    expect((await (await app.currentPage()).data('pickup'))).toMatch(/^near 39\.9\d\d, 116\.4\d\d$/);
  });

  it('without consent for coarse location the page says so', async () => {
    const app = await minihost.launch({ world: Object.assign({}, world, { policy: {} }), deny: ['location.coarse'] });
    await app.waitFor(async () => (await (await app.currentPage()).data('status')) === 'no location');
    expect(messages(app)).toContain('cannot find you: getFuzzyLocation:fail auth deny (1003)');
  });
});

describe('taxi: a ride', () => {
  async function ride(app) {
    await app.waitFor(async () => (await (await app.currentPage()).data('status')) === 'ready');
    app.world.location.setRoute(shortRoute);
    await (await app.currentPage()).call('book');
    expect((await app.currentPage()).route).toBe('pages/ride/ride');
    // At the end of the ride: first the payment permission (asked once), then the payment itself.
    const permission = await app.nextPrompt(8000);
    expect(permission).toMatchObject({ type: 'permission', permission: 'payment', reason: 'to pay the fare at the end of the ride' });
    permission.allow();
    return app.nextPrompt(3000);
  }

  it('pays the fare when the user allows the payment', async () => {
    const app = await minihost.launch({ world });
    const prompt = await ride(app);
    expect(prompt.type).toBe('payment');
    expect(prompt.title).toBe('pay MiniHost Taxi (m.taxi)');
    expect(prompt.details.amount).toBe('13.00 CNY');
    expect(prompt.details.description).toBe('Taxi ride to China World Trade Center');
    prompt.allow();
    await app.waitFor(async () => (await app.currentPage()).route === 'pages/done/done', 3000);
    expect((await (await app.currentPage()).data())).toEqual({ fare: '13.00 CNY', destination: 'China World Trade Center' });
    expect(app.world.wallet.balance()).toBe(100000 - 1300);
    const statement = app.world.wallet.statement();
    expect(statement).toHaveLength(1);
    expect(statement[0]).toMatchObject({ app_id: 'org.minihost.taxi', amount: 1300, status: 'charged', merchant_id: 'm.taxi' });
  }, 15000);

  it('keeps the money when the user denies the payment', async () => {
    const app = await minihost.launch({ world });
    const prompt = await ride(app);
    prompt.deny();
    await app.waitFor(async () => (await (await app.currentPage()).data('status')) === 'payment failed', 3000);
    expect(messages(app).some((m) => /^payment failed: requestPayment:fail .*\(1004\)$/.test(m))).toBe(true);
    expect(app.world.wallet.balance()).toBe(100000);
    expect(app.world.wallet.statement()).toEqual([]);
  }, 15000);
});

// The view, driven by selector as miniprogram-automator tests do: the booking page's rows and
// button, the ride's progress (a distance formatted by WXS) and the receipt.
async function ready(app) {
  const page = await app.currentPage();
  await page.waitFor(async () => (await page.data('status')) === 'ready');
  return page;
}

describe('taxi: the booking page', () => {
  it('shows where the user is once found', async () => {
    const app = await minihost.launch({ world });
    const page = await ready(app);
    expect(await (await page.$('#pickup')).text()).toMatch(/^near 39\.9\d\d, 116\.4\d\d$/);
    expect(await (await page.$('#destination')).text()).toBe('choose a destination');
    expect(await (await page.$('#destination')).attribute('class')).toBe('value muted');
    expect(await (await page.$('#book')).attribute('disabled')).toBe('false');
    expect(await page.$('#no-location')).toBeNull();
  });

  it('says so when it may not find the user, and the button stays disabled', async () => {
    const app = await minihost.launch({ world: Object.assign({}, world, { policy: {} }), deny: ['location.coarse'] });
    const page = await app.currentPage();
    await page.waitFor('#no-location');
    expect(await (await page.$('#pickup')).text()).toBe('finding you...');
    expect(await (await page.$('#book')).attribute('disabled')).toBe('true');
  });

  it('a tap on the destination row opens the place picker', async () => {
    const app = await minihost.launch({ world });
    const page = await ready(app);
    await (await page.$('#destination')).tap();
    await page.waitFor(async () => (await page.data('destination')) !== '');
    expect(await (await page.$('#destination')).text()).toBe('China World Trade Center');
    expect(await (await page.$('#destination')).attribute('class')).not.toContain('muted');
    expect(app.calls('chooseLocation')).toHaveBeenCalledTimes(1);
  });
});

describe('taxi: a ride by tap', () => {
  it('Book a car follows the ride to the receipt', async () => {
    const app = await minihost.launch({ world });
    const index = await ready(app);
    app.world.location.setRoute(shortRoute);
    await (await index.$('#book')).tap();
    await app.waitFor(async () => (await app.currentPage()).route === 'pages/ride/ride');
    const ride = await app.currentPage();
    await ride.waitFor('#car', 3000);
    expect(await (await ride.$('#left')).text()).toMatch(/^(\d+ m|\d+\.\d km) to go$/);
    expect(await (await ride.$('#updates')).text()).toMatch(/^\d+ updates?$/);
    (await app.nextPrompt(8000)).allow();
    const payment = await app.nextPrompt(3000);
    expect(await (await ride.$('#fare')).text()).toBe('fare 13.00 CNY');
    expect(await (await ride.$('#status')).text()).toBe('arrived');
    payment.allow();
    await app.waitFor(async () => (await app.currentPage()).route === 'pages/done/done', 3000);
    const done = await app.currentPage();
    expect(await (await done.$('#fare')).text()).toBe('13.00 CNY');
    expect(await (await done.$('.page')).outerWxml()).toMatchSnapshot();
  }, 15000);
});
