import Foundation
import Testing

@testable import MiniHostCore

private let t0 = Date(timeIntervalSince1970: 1_700_000_000)

private func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

@Suite struct RateLimiterTests {
    @Test func keysWithoutARuleAreAlwaysAllowed() {
        let limiter = RateLimiter()
        for _ in 0..<1000 { #expect(limiter.take(app: "org.a", key: "getLocation", now: t0) == .allowed) }
    }

    @Test func aFullBucketAllowsABurstThenLimitsWithTheTimeToTheNextToken() {
        let limiter = RateLimiter()
        limiter.configure("chat.send", rule: .init(capacity: 3, refillPerSecond: 0.5))
        #expect(limiter.take(app: "org.a", key: "chat.send", now: at(0)) == .allowed)
        #expect(limiter.take(app: "org.a", key: "chat.send", now: at(0)) == .allowed)
        #expect(limiter.take(app: "org.a", key: "chat.send", now: at(0)) == .allowed)
        #expect(limiter.take(app: "org.a", key: "chat.send", now: at(0)) == .limited(retryAfter: 2))
        // Half a token later: one more second to wait.
        #expect(limiter.take(app: "org.a", key: "chat.send", now: at(1)) == .limited(retryAfter: 1))
        #expect(limiter.take(app: "org.a", key: "chat.send", now: at(2)) == .allowed)
        #expect(limiter.take(app: "org.a", key: "chat.send", now: at(2)) == .limited(retryAfter: 2))
    }

    @Test func refillIsCappedAtCapacity() {
        let limiter = RateLimiter(rules: ["k": .init(capacity: 2, refillPerSecond: 10)])
        #expect(limiter.take(app: "a", key: "k", now: at(0)) == .allowed)
        // An hour idle refills to 2, not 36 000.
        let later = at(3600)
        #expect(limiter.take(app: "a", key: "k", now: later) == .allowed)
        #expect(limiter.take(app: "a", key: "k", now: later) == .allowed)
        #expect(limiter.take(app: "a", key: "k", now: later) == .limited(retryAfter: 0.1))
        // 0.1 s at 10 per second makes exactly one token.
        #expect(limiter.take(app: "a", key: "k", now: later.addingTimeInterval(0.1)) == .allowed)
    }

    @Test func bucketsArePerAppAndPerKey() {
        let limiter = RateLimiter()
        limiter.configure("pay", rule: .init(capacity: 1, refillPerSecond: 1))
        limiter.configure("send", rule: .init(capacity: 1, refillPerSecond: 1))
        #expect(limiter.take(app: "org.a", key: "pay", now: t0) == .allowed)
        #expect(limiter.take(app: "org.a", key: "pay", now: t0) == .limited(retryAfter: 1))
        #expect(limiter.take(app: "org.b", key: "pay", now: t0) == .allowed)
        #expect(limiter.take(app: "org.a", key: "send", now: t0) == .allowed)
        limiter.reset(app: "org.a")
        #expect(limiter.take(app: "org.a", key: "pay", now: t0) == .allowed)
        #expect(limiter.take(app: "org.b", key: "pay", now: t0) == .limited(retryAfter: 1))
    }

    @Test func aClockGoingBackwardsAddsNoTokens() {
        let limiter = RateLimiter(rules: ["k": .init(capacity: 1, refillPerSecond: 1)])
        #expect(limiter.take(app: "a", key: "k", now: at(10)) == .allowed)
        #expect(limiter.take(app: "a", key: "k", now: at(5)) == .limited(retryAfter: 1))
        #expect(limiter.take(app: "a", key: "k", now: at(10.5)) == .limited(retryAfter: 0.5))
        #expect(limiter.take(app: "a", key: "k", now: at(11)) == .allowed)
    }

    @Test func aRuleThatNeverRefillsLimitsForever() {
        let limiter = RateLimiter(rules: ["once": .init(capacity: 1, refillPerSecond: 0)])
        #expect(limiter.take(app: "a", key: "once", now: at(0)) == .allowed)
        #expect(limiter.take(app: "a", key: "once", now: at(1e6)) == .limited(retryAfter: .infinity))
    }

    @Test func reconfiguringCapsExistingBuckets() {
        let limiter = RateLimiter(rules: ["k": .init(capacity: 5, refillPerSecond: 1)])
        #expect(limiter.take(app: "a", key: "k", now: t0) == .allowed)  // 4 left
        limiter.configure("k", rule: .init(capacity: 1, refillPerSecond: 1))
        #expect(limiter.rule(for: "k") == .init(capacity: 1, refillPerSecond: 1))
        #expect(limiter.take(app: "a", key: "k", now: t0) == .allowed)
        #expect(limiter.take(app: "a", key: "k", now: t0) == .limited(retryAfter: 1))
    }

    @Test func concurrentTakesNeverExceedTheCapacity() {
        let limiter = RateLimiter(rules: ["k": .init(capacity: 100, refillPerSecond: 0)])
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: 1000) { _ in
            if limiter.take(app: "a", key: "k", now: t0) == .allowed { counter.increment() }
        }
        #expect(counter.value == 100)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
