Page({ onLoad() { for (;;) {} } })
