// rich-text: HTML and node arrays rebuilt from an allowlist; scripts, handlers, frames and
// javascript: links never reach the page.
test.run(() => {
  test.receive(fixtures.hello);
  const page = fixtures.page();
  page.nodes = {
    1: { t: 'view', a: {}, c: [2, 5], o: 1 },
    2: { t: 'rich-text', o: 1, c: [], a: { nodes: '<div class="x" onclick="alert(1)"><script>alert(1)</script><a href="javascript:alert(1)">link</a>'
      + '<img src="pic.png" onerror="alert(1)"><iframe src="x"></iframe><custom>kept</custom><p style="margin: 10rpx">para</p></div>' } },
    5: { t: 'card', a: {}, c: [3], o: 1, comp: 2 },
    3: { t: 'rich-text', o: 2, c: [], a: { nodes: JSON.stringify([{ name: 'div', attrs: { class: 'y', style: 'color: red', onclick: 'x' },
      children: [{ type: 'text', text: '<b>t</b>' }, { name: 'script', children: [{ type: 'text', text: 'bad' }] }, { name: 'img', attrs: { src: 'https://example.com/p.png' } }] }]) } },
  };
  test.receive(page);
});
