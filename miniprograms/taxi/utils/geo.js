// Distances and fares, shared by the pages.
const R = 6371008.8;

// Great-circle distance in metres (haversine).
function distance(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Beijing taxi tariff: 13.00 CNY for the first 3 km, then 2.30 CNY a km; in fen (integer).
function fare(metres) {
  const extraKm = Math.max(0, metres - 3000) / 1000;
  return 1300 + Math.round(extraKm * 230);
}

function yuan(fen) {
  return (fen / 100).toFixed(2) + ' CNY';
}

module.exports = { distance, fare, yuan };
