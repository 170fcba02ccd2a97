module.exports = { env: 'prod' };
