// The World panel: the wallet, the chat conversations and the user's location, which a click
// on the map (a plain grid around the location) or the coordinate inputs move with a
// `location` message.

(function (MH) {
  'use strict';

  const SPAN_LAT = 0.02;
  const SPAN_LNG = 0.03;
  let centre = null;
  let at = null;

  const round = (x) => Math.round(x * 1e6) / 1e6;

  function placeMarker() {
    const marker = MH.$('mh-map-marker');
    const map = MH.$('mh-map');
    if (!at) { marker.hidden = true; return; }
    const fx = 0.5 + (at.longitude - centre.longitude) / SPAN_LNG;
    const fy = 0.5 - (at.latitude - centre.latitude) / SPAN_LAT;
    if (fx < 0.1 || fx > 0.9 || fy < 0.1 || fy > 0.9) {
      centre = { latitude: at.latitude, longitude: at.longitude };
      placeMarker();
      return;
    }
    marker.hidden = false;
    marker.style.left = (fx * 100) + '%';
    marker.style.top = (fy * 100) + '%';
    map.setAttribute('data-centre', centre.latitude.toFixed(4) + ', ' + centre.longitude.toFixed(4));
  }

  function showLocation(latitude, longitude) {
    at = { latitude, longitude };
    if (!centre) centre = { latitude, longitude };
    const lat = MH.$('mh-lat'), lng = MH.$('mh-lng');
    if (document.activeElement !== lat) lat.value = String(latitude);
    if (document.activeElement !== lng) lng.value = String(longitude);
    placeMarker();
  }

  function move(latitude, longitude) {
    const error = MH.$('mh-location-error');
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      error.textContent = 'latitude must be from -90 to 90 and longitude from -180 to 180';
      return;
    }
    error.textContent = '';
    MH.send({ type: 'location', latitude, longitude });
    showLocation(latitude, longitude);
  }

  function showWallet(w) {
    const box = MH.$('mh-wallet');
    box.textContent = '';
    if (!w || typeof w !== 'object') return;
    box.appendChild(MH.el('span', { class: 'mh-balance', text: MH.asText(w.balance) }));
    box.appendChild(document.createTextNode(' ' + MH.asText(w.currency)));
  }

  function showConversations(list) {
    const box = MH.$('mh-conversations');
    box.textContent = '';
    for (const c of Array.isArray(list) ? list : []) {
      if (!c || typeof c !== 'object') continue;
      const messages = MH.el('ul', { class: 'mh-messages' });
      for (const msg of Array.isArray(c.messages) ? c.messages : []) {
        if (!msg || typeof msg !== 'object') continue;
        messages.appendChild(MH.el('li', {}, [MH.el('b', { text: MH.asText(msg.from) + ': ' }), MH.asText(msg.text)]));
      }
      box.appendChild(MH.el('div', { class: 'mh-conversation', 'data-id': MH.asText(c.id) }, [
        MH.el('div', { class: 'mh-conversation-title', text: MH.asText(c.title || c.id) }), messages,
      ]));
    }
  }

  function init() {
    MH.$('mh-map').addEventListener('click', (event) => {
      const rect = MH.$('mh-map').getBoundingClientRect();
      if (!rect.width || !rect.height) return;
      const c = centre || { latitude: 0, longitude: 0 };
      const fx = (event.clientX - rect.left) / rect.width;
      const fy = (event.clientY - rect.top) / rect.height;
      move(round(c.latitude + (0.5 - fy) * SPAN_LAT), round(c.longitude + (fx - 0.5) * SPAN_LNG));
    });
    MH.$('mh-location-form').addEventListener('submit', (event) => {
      event.preventDefault();
      move(Number(MH.$('mh-lat').value), Number(MH.$('mh-lng').value));
    });
    MH.$('mh-map-marker').hidden = true;
  }

  MH.on('world', (m) => {
    if (MH.own(m, 'wallet')) showWallet(m.wallet);
    if (MH.own(m, 'conversations')) showConversations(m.conversations);
    const loc = m.location;
    if (loc && typeof loc === 'object' && Number.isFinite(Number(loc.latitude)) && Number.isFinite(Number(loc.longitude))) {
      showLocation(Number(loc.latitude), Number(loc.longitude));
    }
  });

  MH.world = { init, move };
})(MH);
