// The flights the sample offers (in a real app they would come from the airline's server).
// Prices are integers of the currency's minor unit (fen: 123450 is 1234.50 CNY).
const flights = [
  { id: 'SF101', from: 'PEK', to: 'SHA', departs: '08:00', price: 123450, currency: 'CNY' },
  { id: 'SF205', from: 'PEK', to: 'CAN', departs: '12:30', price: 156000, currency: 'CNY' },
  { id: 'SF318', from: 'SHA', to: 'SZX', departs: '18:45', price: 98000, currency: 'CNY' },
  { id: 'SF900', from: 'PEK', to: 'LAX', departs: '23:55', price: 480000, currency: 'CNY' },
];

function findFlight(id) {
  return flights.find((f) => f.id === id) || null;
}

function formatPrice(amount, currency) {
  return (amount / 100).toFixed(2) + ' ' + currency;
}

module.exports = { flights, findFlight, formatPrice };
