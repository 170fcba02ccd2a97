describe('failures', () => {
  it('passes first', async () => {
    const app = await minihost.launch();
    expect((await (await app.currentPage()).data('count'))).toBe(1);
  });

  it('fails an assertion', async () => {
    const app = await minihost.launch();
    const page = await app.currentPage();
    expect((await page.data())).toEqual({ count: 2, items: ['a', 'b'] });
  });

  it('throws', () => {
    const x = null;
    return x.boom;
  });

  it('hangs the app', async () => {
    const app = await minihost.launch();
    const page = await app.currentPage();
    await page.call('storm');
    await app.currentPage();
  }, 4000);

  it('waits forever', async () => {
    await new Promise(() => {});
  }, 300);

  it('passes after the others', () => {
    expect([1, 2, 3]).toContain(2);
  });

  it.skip('is skipped', () => {});
});
