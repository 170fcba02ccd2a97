exports.k = 'named from cjs';
