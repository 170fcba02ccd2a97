// A hello and a full page: the frame, the nav bar, the tree as elements.
test.run(() => {
  test.receive(fixtures.hello);
  test.receive(fixtures.page());
});
