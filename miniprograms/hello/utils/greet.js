// A small module shared by the pages.
function greeting(name) {
  return `Hello, ${name}!`;
}

function formatCount(n) {
  return n === 1 ? '1 tick' : `${n} ticks`;
}

module.exports = { greeting, formatCount };
