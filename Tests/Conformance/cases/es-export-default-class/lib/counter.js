export default class Counter {
  constructor() { this.n = 0; }
  inc() { return ++this.n; }
}
