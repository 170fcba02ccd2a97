// Tests of the flights sample: a signed order paid once, a retry that returns the same result and
// charges nothing more, a tampered order refused, and the wallet's statement (docs/api.md).
// The world is tests/world.json (the default world of this package's tests).

async function book(app, flight) {
  const search = await app.currentPage();
  expect((await search.data('flights')).map((f) => f.id)).toEqual(['SF101', 'SF205', 'SF318', 'SF900']);
  await search.call('choose', { flight });
  const page = await app.currentPage();
  expect(page.route).toBe('pages/book/book');
  return page;
}

// Pays the booking page's order, allowing the payment permission and the payment.
async function pay(app, page) {
  const paying = page.call('pay');
  const permission = await app.nextPrompt();
  expect(permission).toMatchObject({ type: 'permission', permission: 'payment' });
  permission.allow({ always: true });
  const payment = await app.nextPrompt();
  expect(payment.type).toBe('payment');
  payment.allow();
  await paying;
  return page.refresh();
}

describe('flights: paying a signed order', () => {
  it('charges the order once and shows it on the statement', async () => {
    const app = await minihost.launch();
    const page = await book(app, 'SF101');
    expect((await page.data('order'))).toMatchObject({ orderId: 'SKY-2026-SF101', amount: 123450, currency: 'CNY' });
    const payment = (async () => {
      const permission = await app.nextPrompt();
      permission.allow({ always: true });
      const prompt = await app.nextPrompt();
      expect(prompt.details).toMatchObject({ amount: '1234.50 CNY', merchant: 'Sky Flights (m.flights)', order: 'SKY-2026-SF101' });
      prompt.allow();
    })();
    await page.call('pay');
    await payment;
    await page.refresh();
    expect((await page.data('paid'))).toMatchObject({ errMsg: 'requestPayment:ok', orderId: 'SKY-2026-SF101', amount: 123450, status: 'charged' });
    expect(app.world.wallet.balance()).toBe(500000 - 123450);
    const statement = app.world.wallet.statement();
    expect(statement).toHaveLength(1);
    expect(statement[0]).toMatchObject({ order_id: 'SKY-2026-SF101', amount: 123450, currency: 'CNY', status: 'charged', merchant_id: 'm.flights' });
    expect(statement[0].transaction_id).toBe((await page.data('paid')).transactionId);
  });

  it('a retry of the same order returns the same result and charges nothing more', async () => {
    const app = await minihost.launch();
    const page = await pay(app, await book(app, 'SF318'));
    const first = (await page.data('paid'));
    await page.call('retry');
    expect(app.console.map((l) => l.message)).toContain(`retry SKY-2026-SF318 transaction ${first.transactionId} same as first: true`);
    const calls = app.calls('requestPayment');
    expect(calls).toHaveBeenCalledTimes(2);
    expect(calls[1].result).toEqual(calls[0].result);
    expect(app.world.wallet.balance()).toBe(500000 - 98000);
    expect(app.world.wallet.statement()).toHaveLength(1);
  });

  it('a tampered order is refused as a bad signature, with no prompt', async () => {
    const app = await minihost.launch({ grant: 'payment' });
    const page = await book(app, 'SF205');
    await page.call('payTampered');
    expect(app.console.map((l) => l.message).some((m) => m.startsWith('tampered order refused 1012'))).toBe(true);
    expect(app.world.wallet.statement()).toEqual([]);
  });

  it('an order over the per-payment limit fails with errCode 1010', async () => {
    const app = await minihost.launch({ grant: 'payment' });
    const page = await book(app, 'SF900');
    await page.call('pay');
    await page.refresh();
    expect((await page.data('error'))).toMatchObject({ errCode: 1010 });
    expect(app.world.wallet.balance()).toBe(500000);
  });

  it('finishing opens the receipt with the transaction', async () => {
    const app = await minihost.launch();
    const page = await pay(app, await book(app, 'SF101'));
    const paid = await page.data('paid');
    await page.call('finish');
    const done = await app.currentPage();
    expect(done.route).toBe('pages/done/done');
    expect(await done.data()).toEqual({ flight: 'SF101', transactionId: paid.transactionId });
    expect(await app.pageStack()).toHaveLength(2);
  });
});
