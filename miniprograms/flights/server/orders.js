// FOR THE SAMPLE ONLY: this module stands in for the airline's server. A real mini-program
// asks its server to create an order; the server signs it with the merchant key, which never
// reaches the app. Here the orders were signed ahead of time (HMAC-SHA256 over
// amount=…&appId=org.minihost.flights&currency=…&description=…&merchant=m.flights&orderId=…,
// with the key of merchant m.flights in worlds/flights.json), so the app holds signed orders
// and no key.
const signedOrders = {
  SF101: {"orderId": "SKY-2026-SF101", "amount": 123450, "currency": "CNY", "description": "Flight SF101 PEK-SHA departing 08:00", "sign": "56826984311ab47d7849ebf5a1490f874c52bdf83a789809372fe11b137e7292"},
  SF205: {"orderId": "SKY-2026-SF205", "amount": 156000, "currency": "CNY", "description": "Flight SF205 PEK-CAN departing 12:30", "sign": "4ea6984afd2801f23a6ad1800466ad4a5bebf76538603d9714751ea00ef29498"},
  SF318: {"orderId": "SKY-2026-SF318", "amount": 98000, "currency": "CNY", "description": "Flight SF318 SHA-SZX departing 18:45", "sign": "d905b6e7f5fdd9bfa8d21aaf56dd08c8879b05d4ea0a5b4c8d5b0c4f5fd69218"},
  SF900: {"orderId": "SKY-2026-SF900", "amount": 480000, "currency": "CNY", "description": "Flight SF900 PEK-LAX departing 23:55", "sign": "e201d6aee07ed98157828226d3c6f7b1b497357a027e3c0eb1eb93ddb5ecff6b"},
};

// The order the "server" created for a flight (the same order every time: retrying a payment
// must resend the same order, never create a new one).
function orderFor(flightId) {
  const order = signedOrders[flightId];
  return order ? Object.assign({}, order) : null;
}

module.exports = { orderFor };
