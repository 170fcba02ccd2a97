exports.f = function () { throw new Error('in module') };
