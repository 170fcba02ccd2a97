// FOR THE SAMPLE ONLY: this module stands in for the airline's server. A real mini-program
// asks its server to create an order; the server signs it with the merchant key, which never
// reaches the app. Here the orders were signed ahead of time (HMAC-SHA256 over
// amount=…&currency=…&description=…&merchant=m.flights&orderId=…, with the key of merchant
// m.flights in worlds/flights.json), so the app holds signed orders and no key.
const signedOrders = {
  SF101: {"orderId": "SKY-2026-SF101", "amount": 123450, "currency": "CNY", "description": "Flight SF101 PEK-SHA departing 08:00", "sign": "d787ac13599834b2c722ba2ada783cf7a64668709e09bd0d97c671441fbd6a93"},
  SF205: {"orderId": "SKY-2026-SF205", "amount": 156000, "currency": "CNY", "description": "Flight SF205 PEK-CAN departing 12:30", "sign": "cd4266eeb9282a8fbbf8b5efb63992812f7f5c1be6cf46d95fd478a97d66d959"},
  SF318: {"orderId": "SKY-2026-SF318", "amount": 98000, "currency": "CNY", "description": "Flight SF318 SHA-SZX departing 18:45", "sign": "138400b553b9f877ec1a275a5ae70395123273e6a4d6dc14b3fac26852f7f6a7"},
  SF900: {"orderId": "SKY-2026-SF900", "amount": 480000, "currency": "CNY", "description": "Flight SF900 PEK-LAX departing 23:55", "sign": "347f9973461258bafe34c96d3c25b527c59877b9ec0793a8e3d8a9c240973966"},
};

// The order the "server" created for a flight (the same order every time: retrying a payment
// must resend the same order, never create a new one).
function orderFor(flightId) {
  const order = signedOrders[flightId];
  return order ? Object.assign({}, order) : null;
}

module.exports = { orderFor };
