Component({ properties: { count: { type: Number, value: 0 } } });
