// The flights sample's view, driven by selector as miniprogram-automator tests do: flight cards
// (a custom component with properties and a `choose` event), prices formatted by WXS, and the
// booking paid by tapping its button (docs/api.md, the driver API).

async function bookByTap(app, flight) {
  const search = await app.currentPage();
  // The page's selectors stop at a component; the card's own tree is searched from its element.
  const card = await search.$(`#flight-${flight}`);
  await (await card.$('.book')).tap();
  await app.waitFor(async () => (await app.currentPage()).route === 'pages/book/book');
  return app.currentPage();
}

describe('flights: the search page', () => {
  it('shows a card per flight with its price, the cheapest marked', async () => {
    const page = await (await minihost.launch()).currentPage();
    const cards = await page.$$('flight-card');
    expect(cards.length).toBe(4);
    expect(await Promise.all(cards.map(async (c) => (await c.$('.label')).text()))).toEqual(['SF101 PEK-SHA', 'SF205 PEK-CAN', 'SF318 SHA-SZX', 'SF900 PEK-LAX']);
    expect(await (await cards[0].$('.price')).text()).toBe('1234.50 CNY');
    expect(await (await cards[3].$('.departs')).text()).toBe('departs 23:55');
    expect(await (await page.$('#flight-SF318')).$('.tag')).not.toBeNull();
    expect(await (await page.$('#flight-SF101')).$('.tag')).toBeNull();
    expect(await page.data('cheapest')).toBe('SF318');
  });

  it('a card has its flight as properties', async () => {
    const page = await (await minihost.launch()).currentPage();
    const card = await page.$('#flight-SF205');
    expect(await card.data('flight')).toEqual({ id: 'SF205', route: 'PEK-CAN', departs: '12:30', amount: 156000, currency: 'CNY' });
    expect(await card.data('cheapest')).toBe(false);
    expect(await card.data('label')).toBe('SF205 PEK-CAN');
  });

  it('tapping a card\'s Book button opens the booking of that flight', async () => {
    const app = await minihost.launch();
    const book = await bookByTap(app, 'SF205');
    expect(book.query).toEqual({ flight: 'SF205' });
    expect(await (await book.$('#flight')).text()).toBe('SF205 PEK-CAN');
    expect(await (await book.$('#pay')).text()).toBe('Pay 1560.00 CNY');
    expect(await book.$('#paid')).toBeNull();
  });

  it('the card\'s choose method emits the event the page handles', async () => {
    const app = await minihost.launch();
    const card = await (await app.currentPage()).$('#flight-SF318');
    await card.callMethod('choose');
    await app.waitFor(async () => (await app.currentPage()).route === 'pages/book/book');
    expect((await app.currentPage()).query).toEqual({ flight: 'SF318' });
  });

  it('renders a card as in its snapshot', async () => {
    const page = await (await minihost.launch()).currentPage();
    expect(await (await page.$('#flight-SF318')).outerWxml()).toMatchSnapshot();
  });
});

describe('flights: the booking page', () => {
  it('an unknown flight shows the error and no Pay button', async () => {
    const app = await minihost.launch();
    const book = await app.navigateTo('/pages/book/book?flight=XX1');
    expect(await (await book.$('#error')).text()).toBe('no flight XX1');
    expect(await book.$('#flight')).toBeNull();
    expect(await book.$('#pay')).toBeNull();
  });
});

describe('flights: paying by tap', () => {
  it('the Pay button pays; the receipt and Done follow', async () => {
    const app = await minihost.launch();
    const book = await bookByTap(app, 'SF101');
    const tapped = (await book.$('#pay')).tap();
    (await app.nextPrompt()).allow({ always: true });
    const payment = await app.nextPrompt();
    expect(payment.details).toMatchObject({ amount: '1234.50 CNY', order: 'SKY-2026-SF101' });
    payment.allow();
    await tapped;
    await book.waitFor('#paid');
    const paid = await book.data('paid');
    expect(await (await book.$('#receipt')).text()).toBe(`paid 1234.50 CNY, transaction ${paid.transactionId}`);
    expect(await book.$('#pay')).toBeNull();
    await (await book.$('#finish')).tap();
    await app.waitFor(async () => (await app.currentPage()).route === 'pages/done/done');
    const done = await app.currentPage();
    expect(await (await done.$('#booked')).text()).toBe('flight SF101');
    expect(await (await done.$('#transaction')).text()).toBe(`transaction ${paid.transactionId}`);
    expect(app.world.wallet.balance()).toBe(500000 - 123450);
  });

  it('a payment over the limit shows the error under the button', async () => {
    const app = await minihost.launch({ grant: 'payment' });
    const book = await bookByTap(app, 'SF900');
    await (await book.$('#pay')).tap();
    await book.waitFor('#error');
    expect(await (await book.$('#error')).text()).toMatch(/^requestPayment:fail /);
    expect(await book.data('error.errCode')).toBe(1010);
    expect(await book.$('#pay')).not.toBeNull();
  });
});
