// Loaded before the client: keeps it from opening a WebSocket (the test feeds it messages).
window.minihostPreviewConfig = { connect: false };
window.addEventListener('error', (event) => {
  document.documentElement.setAttribute('data-test-error', String(event.message));
});
