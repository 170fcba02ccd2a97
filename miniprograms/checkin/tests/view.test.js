// The checkin sample's view, driven by selector as miniprogram-automator tests do: the tally's
// groups (a named template over wx:for lists), the status notes (wx:if) and the page's buttons
// (docs/api.md, the driver API). The world is tests/world.json: Lin answers "here", Sam
// "running late", Kai nothing.

async function names(page, kind) {
  return Promise.all((await page.$$(`#group-${kind} .name`)).map((n) => n.text()));
}

async function launchAllowed() {
  const app = await minihost.launch({ conversation: 'team' });
  (await app.nextPrompt()).allow();
  const page = await app.currentPage();
  await page.waitFor(async () => (await names(page, 'here')).length === 1 && (await names(page, 'late')).length === 1, 3000);
  return { app, page };
}

describe('checkin: the tally on the page', () => {
  it('shows each group that has names, with its count', async () => {
    const { page } = await launchAllowed();
    expect(await (await page.$('#title')).text()).toBe('Team');
    expect(await (await page.$('#status')).text()).toBe('collecting');
    expect(await names(page, 'here')).toEqual(['Lin']);
    expect(await names(page, 'late')).toEqual(['Sam']);
    expect(await names(page, 'waiting')).toEqual(['Kai']);
    expect(await (await page.$('#group-waiting .group-title')).text()).toBe('No reply yet (1)');
    expect(await page.$('#group-away')).toBeNull();
    expect(await page.$('#complete')).toBeNull();
  });

  it('the last reply empties the waiting group and shows the note', async () => {
    const { app, page } = await launchAllowed();
    app.world.chat.post('team', 'away today, sorry', { as: 'kai' });
    await page.waitFor('#complete', 3000);
    expect(await page.data('status')).toBe('complete');
    expect(await names(page, 'away')).toEqual(['Kai']);
    expect(await page.$('#group-waiting')).toBeNull();
    expect(await (await page.$('#status')).attribute('class')).toBe('status status-complete');
    expect(await (await page.$('.groups')).wxml()).toMatchSnapshot();
  });

  it('the tally button prints the tally', async () => {
    const { app, page } = await launchAllowed();
    await (await page.$('#summary')).tap();
    expect(app.console.map((l) => l.message)).toContain('checkin: tally: here 1 (Lin); late 1 (Sam); away 0; other 0; no reply 1 (Kai)');
  });
});

describe('checkin: asking again', () => {
  it('after a refused post the page says so, and Ask again posts the question', async () => {
    const app = await minihost.launch({ conversation: 'team' });
    (await app.nextPrompt()).deny();
    const page = await app.currentPage();
    await page.waitFor('#failed');
    expect(await (await page.$('#status')).text()).toBe('failed');
    expect(await names(page, 'waiting')).toEqual(['Lin', 'Sam', 'Kai']);
    const asking = (await page.$('#ask')).tap();
    const prompt = await app.nextPrompt();
    expect(prompt.type).toBe('chat');
    prompt.allow();
    await asking;
    await page.waitFor(async () => (await names(page, 'here')).length === 1, 3000);
    expect(await page.$('#failed')).toBeNull();
    expect(app.world.chat.messages('team').filter((m) => m.via)).toHaveLength(1);
  });

  it('hides the buttons until the conversation is known', async () => {
    const app = await minihost.launch();
    const page = await app.currentPage();
    expect(await (await page.$('.actions')).attribute('hidden')).toBe('true');
    (await app.nextPrompt()).cancel();
    await page.waitFor('#failed');
    expect(await (await page.$('#title')).text()).toBe('Check-in');
  });
});
