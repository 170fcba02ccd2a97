// What covers the app: the compile error of `--watch` (file:line:column and the message) and
// the notice that the app ended. Both go when a page renders again. They set the page's
// `data-mh-state` (`compile-error`, `exited`, `ready` after a page).

(function (MH) {
  'use strict';

  function where(m) {
    let s = MH.asText(m.file);
    if (m.line !== undefined && m.line !== null) {
      s += ':' + MH.asText(m.line);
      if (m.column !== undefined && m.column !== null) s += ':' + MH.asText(m.column);
    }
    return s;
  }

  MH.on('compileError', (m) => {
    MH.$('mh-compile-error-where').textContent = where(m);
    MH.$('mh-compile-error-message').textContent = MH.asText(m.message);
    MH.$('mh-compile-error').hidden = false;
    MH.$('mh-exit').hidden = true;
    MH.setState('compile-error');
    MH.panels.log('error', 'compile error: ' + where(m) + ': ' + MH.asText(m.message));
  });

  MH.on('exit', (m) => {
    MH.$('mh-exit-status').textContent = MH.asText(m.status);
    MH.$('mh-exit-reason').textContent = MH.asText(m.reason);
    // Under --watch a broken package ends the app: the compile error stays in front.
    if (MH.state() === 'compile-error') return;
    MH.$('mh-exit').hidden = false;
    MH.setState('exited');
  });

  MH.on('page', () => {
    MH.$('mh-compile-error').hidden = true;
    MH.$('mh-exit').hidden = true;
    MH.setState('ready');
  });
})(MH);
