var secret = 1; module.exports = typeof secret;
