// --watch: a compile error covers the app with its file and line; an exit keeps it in front.
test.run(() => {
  test.receive(fixtures.hello);
  test.receive(fixtures.page());
  test.receive({ type: 'compileError', message: 'unexpected </view> <script>', file: 'pages/index/index.wxml', line: 3, column: 7 });
  test.receive({ type: 'exit', status: 'failed', reason: 'compile error' });
});
