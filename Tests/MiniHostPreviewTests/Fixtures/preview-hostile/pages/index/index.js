Page({
  data: {
    markup: '<img src=x onerror="window.__pwned = true">',
    rich: '<img src=x onerror="window.__pwned = true"><b>bold</b><script>window.__pwned = true</script>',
  },
});
