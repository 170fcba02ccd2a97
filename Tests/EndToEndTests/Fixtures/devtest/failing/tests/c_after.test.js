it('runs after a file with a syntax error', async () => {
  const app = await minihost.launch();
  await app.launched();
  expect(app.console.map((l) => l.message)).toContain('fixture launched');
});
