module.exports = Behavior({ properties: { size: { type: Number, value: 1 }, label: String } });
