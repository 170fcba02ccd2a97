import Dispatch
import MiniHostProtocol

/// The app's clock under a test driver (`app.clock.tick(ms)`): the app's timers run as if that
/// much time had passed. Only for an app whose calls a driver intercepts.
extension Sandbox {
    /// The app's clock: real time (ms since boot) plus what tests moved it ahead by.
    func clockNowMs() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000 + clockAheadMs }

    /// Moves the clock `ms` ahead, firing every timer that comes due on the way, earliest first
    /// (ties in the order they were set), each as a task of its own (its promises settle before
    /// the next); a repeating timer re-arms from its due time and may fire again. Returns how
    /// many timers fired.
    func tickClock(_ ms: Double) -> Int {
        let until = clockNowMs() + ms
        var fired = 0
        while fired < 100_000, let next = timerDue.filter({ $0.value.at <= until }).min(by: { ($0.value.at, $0.value.token) < ($1.value.at, $1.value.token) }) {
            clockFiringAt = next.value.at
            fireTimer(next.key)
            clockFiringAt = nil
            timerDue[next.key] = timerDue[next.key].flatMap { $0.token == next.value.token ? nil : $0 }
            fired += 1
        }
        clockAheadMs += ms
        return fired
    }

    /// The driver's `clock.tick` request: `{ms}`; answers `{fired}`.
    func performClockTick(_ token: Int, _ arg: String) {
        func reply(_ body: String) { emit(.reply(command: "driver", data: "{\"token\":\(token),\(body)}")) }
        guard config.callsIntercepted else { return reply("\"ok\":false,\"error\":\"clock.tick: only an app run under a test driver has a clock to move\"") }
        guard let ms = JSONValue.parse(arg)?["ms"]?.numberValue, ms >= 0, ms.isFinite else {
            return reply("\"ok\":false,\"error\":\"app.clock.tick(ms): needs a number of milliseconds >= 0\"")
        }
        let fired = tickClock(ms)
        reply("\"ok\":true,\"value\":{\"fired\":\(fired)}")
    }
}
