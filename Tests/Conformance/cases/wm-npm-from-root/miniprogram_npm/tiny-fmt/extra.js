module.exports = 'tiny-fmt/extra';
