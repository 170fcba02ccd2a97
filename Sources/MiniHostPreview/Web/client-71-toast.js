// showToast / showLoading as WeChat shows them: one box in the middle of the frame
// (`#mh-toast`), an icon or image above the title, gone after `duration` (a toast) or at
// hideLoading (loading); `mask` blocks taps on the page while it shows.

(function (MH) {
  'use strict';

  let shown = null;

  function hide(kind) {
    if (!shown || (kind && shown.kind !== kind)) return;
    clearTimeout(shown.timer);
    shown.node.remove();
    shown = null;
  }

  function show(kind, args) {
    hide();
    const icon = kind === 'loading' ? 'loading' : MH.asText(args.icon || 'success');
    const box = MH.el('div', { id: 'mh-toast', role: 'status', 'data-mh-kind': kind, 'data-mh-icon': icon });
    const image = kind === 'toast' && args.image ? MH.scope.resolveAsset(args.image, MH.view ? MH.view.route : '') : null;
    if (image) box.appendChild(MH.el('img', { class: 'mh-toast-image', alt: '', src: image }));
    else if (icon !== 'none') box.appendChild(MH.el('span', { class: 'mh-toast-icon mh-toast-icon-' + icon, 'aria-hidden': 'true' }));
    box.appendChild(MH.el('span', { class: 'mh-toast-title', text: MH.dialogs.clip(args.title) }));
    const node = args.mask ? MH.el('div', { class: 'mh-toast-mask' }, [box]) : box;
    MH.$('mh-layer').appendChild(node);
    shown = { kind, node, timer: null };
    if (kind === 'toast') {
      const ms = Number(args.duration);
      shown.timer = setTimeout(() => hide('toast'), Number.isFinite(ms) && ms >= 0 ? ms : 1500);
    }
  }

  MH.onUI('showToast', (a) => show('toast', a));
  MH.onUI('showLoading', (a) => show('loading', a));
  MH.onUI('hideToast', () => hide('toast'));
  MH.onUI('hideLoading', () => hide('loading'));
  MH.on('exit', () => hide());

  MH.toast = { hide };
})(MH);
