// Tests of the checkin sample: launched from a conversation, it posts a question (a chat prompt
// for the test), the world's peers reply, and the page tallies them (docs/api.md).
// The world is tests/world.json: Lin answers "here", Sam "running late", Kai nothing.

function messages(app) { return app.console.map((l) => l.message); }

async function launchAndAsk(app) {
  const prompt = await app.nextPrompt();
  expect(prompt.type).toBe('chat');
  expect(prompt.title).toBe('send this message for you to "Team"');
  expect(prompt.details.message).toBe("Check-in: who is here? (reply 'here')");
  return prompt;
}

describe('checkin: from a conversation', () => {
  it('posts the question and tallies the peers\' replies', async () => {
    const app = await minihost.launch({ conversation: 'team' });
    (await launchAndAsk(app)).allow();
    await app.waitFor(async () => {
      const d = (await (await app.currentPage()).data());
      return d.here.length === 1 && d.late.length === 1;
    }, 3000);
    const page = await app.currentPage();
    expect((await page.data())).toMatchObject({ status: 'collecting', title: 'Team', here: ['Lin'], late: ['Sam'], away: [], waiting: ['Kai'] });
    const sent = app.world.chat.messages('team').find((m) => m.from === 'me' && m.via);
    expect(sent).toMatchObject({ text: "Check-in: who is here? (reply 'here')", via: 'Team Check-in' });
    expect(messages(app)).toContain('checkin: Lin → here ("here")');
  });

  it('a reply the test posts as a member completes the tally', async () => {
    const app = await minihost.launch({ conversation: 'team' });
    (await launchAndAsk(app)).allow();
    await app.waitFor(async () => (await (await app.currentPage()).data('waiting')).length === 1, 3000);
    app.world.chat.post('team', 'away today, sorry', { as: 'kai' });
    await app.waitFor(async () => (await (await app.currentPage()).data('status')) === 'complete', 3000);
    const page = await app.currentPage();
    expect((await page.data('away'))).toEqual(['Kai']);
    await page.call('summary');
    expect(messages(app)).toContain('checkin: tally: here 1 (Lin); late 1 (Sam); away 1 (Kai); other 0; no reply 0');
  });

  it('when the user does not let it post, the page says it failed and nothing is sent', async () => {
    const app = await minihost.launch({ conversation: 'team' });
    (await launchAndAsk(app)).deny();
    await app.waitFor(async () => (await (await app.currentPage()).data('status')) === 'failed');
    expect(messages(app).some((m) => /^checkin: failed: sendMessage:fail .*\(100[34]\)$/.test(m))).toBe(true);
    expect(app.world.chat.messages('team').filter((m) => m.via)).toEqual([]);
    expect(app.calls('sendMessage')).toHaveBeenCalledTimes(1);
  });
});

describe('checkin: not launched from a chat', () => {
  it('lets the user pick the conversation in a picker', async () => {
    const app = await minihost.launch({ grant: 'chat.message' });
    const picker = await app.nextPrompt();
    expect(picker.type).toBe('picker');
    expect(picker.kind).toBe('conversation');
    const team = picker.options.findIndex((o) => o.startsWith('Team'));
    expect(team).toBeGreaterThanOrEqual(0);
    picker.choose(team);
    await app.waitFor(async () => (await (await app.currentPage()).data('here')).length === 1, 3000);
    expect((await (await app.currentPage()).data('conversationId'))).toBe('team');
  });

  it('a cancelled picker leaves the page failed', async () => {
    const app = await minihost.launch();
    (await app.nextPrompt()).cancel();
    await app.waitFor(async () => (await (await app.currentPage()).data('status')) === 'failed');
    expect(messages(app).some((m) => m.includes('(1004)'))).toBe(true);
  });
});
