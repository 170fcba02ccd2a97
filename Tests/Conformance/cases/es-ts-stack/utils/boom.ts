type Reason = string;
interface Opts {
  reason: Reason;
}

export function boom(o: Opts): never {
  throw new Error('boom: ' + o.reason);
}
