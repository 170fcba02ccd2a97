import Foundation

/// The outcome of ``RateLimiter/take(app:key:now:)``.
public enum RateDecision: Sendable, Equatable {
    case allowed
    /// Refused; a token will be available after `retryAfter` seconds (`.infinity` when the
    /// rule never refills).
    case limited(retryAfter: TimeInterval)
}

/// Token buckets per (app, key): each key (an API or a class of calls, e.g. `chat.send`) has a
/// ``Rule``; every app has its own bucket for it, starting full. Keys without a rule are always
/// allowed. Thread-safe; each call is O(1).
public final class RateLimiter: @unchecked Sendable {
    /// A bucket of `capacity` tokens (the burst), refilled continuously at `refillPerSecond`.
    public struct Rule: Sendable, Equatable {
        public var capacity: Double
        public var refillPerSecond: Double

        public init(capacity: Double, refillPerSecond: Double) {
            self.capacity = max(0, capacity)
            self.refillPerSecond = max(0, refillPerSecond)
        }
    }

    private struct BucketKey: Hashable {
        var app: String
        var key: String
    }

    private struct Bucket {
        var tokens: Double
        var last: Date
    }

    private let lock = NSLock()
    private var rules: [String: Rule] = [:]
    private var buckets: [BucketKey: Bucket] = [:]

    public init(rules: [String: Rule] = [:]) {
        self.rules = rules
    }

    /// Sets (or replaces) the rule of `key`. Existing buckets keep their tokens, capped at the
    /// new capacity.
    public func configure(_ key: String, rule: Rule) {
        lock.withLock {
            rules[key] = rule
            for (k, var b) in buckets where k.key == key && b.tokens > rule.capacity {
                b.tokens = rule.capacity
                buckets[k] = b
            }
        }
    }

    /// The rule of `key`, if any.
    public func rule(for key: String) -> Rule? {
        lock.withLock { rules[key] }
    }

    /// Takes one token from the bucket of (`app`, `key`) at time `now`.
    public func take(app: String, key: String, now: Date = Date()) -> RateDecision {
        lock.withLock {
            guard let rule = rules[key] else { return .allowed }
            let id = BucketKey(app: app, key: key)
            var bucket = buckets[id] ?? Bucket(tokens: rule.capacity, last: now)
            // A clock that went backwards adds nothing (and does not move `last` back).
            let elapsed = now.timeIntervalSince(bucket.last)
            if elapsed > 0 {
                bucket.tokens = min(rule.capacity, bucket.tokens + elapsed * rule.refillPerSecond)
                bucket.last = now
            }
            let decision: RateDecision
            // The epsilon absorbs rounding in date arithmetic (0.1 s × 10/s must make a token).
            if bucket.tokens >= 1 - 1e-6 {
                bucket.tokens = max(0, bucket.tokens - 1)
                decision = .allowed
            } else if rule.refillPerSecond > 0 && rule.capacity >= 1 {
                decision = .limited(retryAfter: (1 - bucket.tokens) / rule.refillPerSecond)
            } else {
                decision = .limited(retryAfter: .infinity)
            }
            buckets[id] = bucket
            return decision
        }
    }

    /// Forgets the buckets of `app` (all apps when nil): they start full again.
    public func reset(app: String? = nil) {
        lock.withLock {
            if let app {
                buckets = buckets.filter { $0.key.app != app }
            } else {
                buckets = [:]
            }
        }
    }
}
