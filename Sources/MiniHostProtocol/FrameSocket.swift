import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Frames over a stream socket: whole frames written under a lock, and a blocking reader. Used
/// on both ends of a worker's socket pair.
public final class FrameSocket: @unchecked Sendable {
    public let fd: Int32
    private let codec: FrameCodec
    private let writeLock = NSLock()
    private var buffer = Data()
    private var closed = false

    /// `maxFrameBytes` caps what this end accepts from the other. With `sendTimeout`, a write
    /// that cannot make progress for that long fails (and the socket counts as closed): a peer
    /// that stops reading can never block this side for good.
    public init(fd: Int32, maxFrameBytes: Int, sendTimeout: Double? = nil) {
        self.fd = fd
        self.codec = FrameCodec(maxFrameBytes: maxFrameBytes)
        if let sendTimeout {
            var tv = timeval(tv_sec: Int(sendTimeout), tv_usec: Int((sendTimeout - sendTimeout.rounded(.down)) * 1e6))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        }
    }

    /// Called once when a write fails because the peer stopped reading (timed out).
    public var onStall: (@Sendable () -> Void)?

    /// Writes one frame; false when the other end is gone or stalled.
    @discardableResult
    public func send(_ frame: Frame) -> Bool {
        let data = codec.encode(frame)
        var stalled = false
        let ok = writeLock.withLock {
            guard !closed else { return false }
            return data.withUnsafeBytes { raw -> Bool in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 {
                        stalled = n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
                        closed = true
                        return false
                    }
                    offset += n
                }
                return true
            }
        }
        if stalled { onStall?() }
        return ok
    }

    /// What ``trySend(_:)`` managed.
    public enum TrySend: Sendable, Equatable {
        case sent
        /// Another write was under way: nothing was sent; try again later.
        case busy
        /// The peer's buffer is full (it is not reading): nothing was sent.
        case full
        case closed
    }

    /// Writes one frame only if it can go out now, whole, without waiting.
    @discardableResult
    public func trySend(_ frame: Frame) -> TrySend {
        let data = codec.encode(frame)
        guard writeLock.try() else { return .busy }
        defer { writeLock.unlock() }
        guard !closed else { return .closed }
        let n = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
        if n == data.count { return .sent }
        if n > 0 { closed = true; return .closed }  // half a frame went out: the stream is unusable now
        return errno == EAGAIN || errno == EWOULDBLOCK ? .full : .closed
    }

    /// Where `recv` lands; kept for the socket's life (a fresh 64 KiB array per read cost more
    /// than the read).
    private let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 16)

    deinit {
        chunk.deallocate()
        Glibc.close(fd)
    }

    /// Blocks until at least one frame arrives. Throws at end of stream ("end of stream") and on
    /// a malformed frame. Reading is single-threaded: one reader at a time (callers coordinate).
    public func receive() throws(FrameError) -> [Frame] {
        try receive(spinUntil: 0)
    }

    /// Like ``receive()``, but until `spinUntil` (`DispatchTime` nanoseconds) it polls without
    /// sleeping: during a burst of calls the next frame is usually a few microseconds away, and
    /// a thread that slept would cost a wake-up (tens of microseconds) to get it. Once the
    /// moment has passed it blocks as usual, so an idle reader costs nothing.
    public func receive(spinUntil: UInt64) throws(FrameError) -> [Frame] {
        try readFrames(spinUntil: spinUntil, blocking: true)
    }

    /// The frames that can be had without waiting (possibly none). Throws like ``receive()``.
    public func receiveAvailable() throws(FrameError) -> [Frame] {
        try readFrames(spinUntil: 0, blocking: false)
    }

    /// Decodes what is buffered, reading more until a frame is whole: polling until `spinUntil`,
    /// then blocking (`blocking`) or returning no frames.
    private func readFrames(spinUntil: UInt64, blocking: Bool) throws(FrameError) -> [Frame] {
        while true {
            let frames = try codec.decode(&buffer)
            if !frames.isEmpty { return frames }
            let spinning = spinUntil != 0 && DispatchTime.now().uptimeNanoseconds < spinUntil
            let n = recv(fd, chunk.baseAddress, chunk.count, spinning || !blocking ? Int32(MSG_DONTWAIT) : 0)
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                // Let whatever else is runnable on this CPU go first (perhaps the very thread
                // that is to send the frame): a spinner must not delay what it waits for.
                if spinning { sched_yield(); continue }
                if !blocking { return [] }
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { throw FrameError("end of stream") }
            buffer.append(chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
        }
    }

    /// Shuts the socket down both ways: a blocked read returns end of stream, and every later
    /// write fails. The descriptor itself stays open until this object goes away, so its number
    /// cannot be handed to a new socket while another thread may still write or read with it (a
    /// late frame for an ended worker once reached the next worker's socket that way).
    public func shutdownBoth() {
        writeLock.withLock { closed = true }
        shutdown(fd, Int32(SHUT_RDWR))
    }
}
