import Dispatch
import Foundation
import Synchronization

/// How many threads per-item work uses: all cores, or `BRIEF_THREADS` when set (the
/// determinism tests build with 1 and with several threads and compare the trees).
public enum Parallelism {
    public static let threads: Int = {
        if let text = ProcessInfo.processInfo.environment["BRIEF_THREADS"], let n = Int(text), n > 0 {
            return n
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()
}

extension Collection where Index == Int {
    /// Maps every element on `Parallelism.threads` threads; results keep the input order, so
    /// output stays deterministic whatever the thread count. A thread takes `stride` elements
    /// in a row at a time: neighbours that read the same shared values (pages listing the same
    /// briefings) are then mostly on one thread, and those values' reference counts do not
    /// bounce between cores.
    func parallelMap<T>(stride: Int = 1, _ transform: (Element) -> T) -> [T] {
        let count = self.count
        let threads = Swift.min(Parallelism.threads, count)
        if threads < 2 { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let base = buffer.baseAddress!
            let start = startIndex
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                nonisolated(unsafe) let collection = self
                // Made outside the concurrent closure, which then captures no generic metatype.
                nonisolated(unsafe) let element = { (offset: Int) in collection[start + offset] }
                // Small strides keep both cores busy when item costs vary (long and short entries).
                let next = AtomicCounter()
                DispatchQueue.concurrentPerform(iterations: threads) { _ in
                    while true {
                        let first = next.increment() * stride
                        if first >= count { break }
                        for i in first..<Swift.min(first + stride, count) {
                            (base + i).initialize(to: transform(element(i)))
                        }
                    }
                }
            }
            initialized = count
        }
    }
}

/// `transform` of each run of `run` consecutive indices of `0..<count` (the last may be shorter),
/// on `Parallelism.threads` threads, results in order: for work that keeps scratch state for
/// a run (a tally, a score table) instead of making it again for each index.
func parallelRuns<T>(of count: Int, run: Int, _ transform: (Range<Int>) -> T) -> [T] {
    Array(stride(from: 0, to: count, by: run)).parallelMap { transform($0..<Swift.min($0 + run, count)) }
}

extension Array {
    /// Maps every element on `Parallelism.threads` threads, moving each element out of the
    /// array into `transform`: what an element holds is freed as soon as its work is done
    /// instead of when the whole array goes. Results keep the input order.
    consuming func parallelMapTaking<T>(_ transform: (consuming Element) -> T) -> [T] {
        var slots = map { Optional($0) }
        self = []
        return slots.withUnsafeMutableBufferPointer { buffer in
            // Each index is taken by exactly one worker, so no two threads touch one slot.
            nonisolated(unsafe) let slots = buffer
            return [Int](slots.indices).parallelMap { i in transform(slots[i].take()!) }
        }
    }
}

extension Array {
    /// Maps the elements group by group on `Parallelism.threads` threads, each element changed
    /// in place by `transform` (no other thread touches it), with what `prepare` made for its
    /// group (which `transform` may change: one thread goes through a group). Returns each
    /// element's result at its place, put there as made (never copied), and what `prepare` made
    /// for each group. Every index is in exactly one group.
    mutating func parallelMapInPlace<T, Prepared>(
        groups: [[Int]], prepare: (Int) -> Prepared, _ transform: (inout Prepared, Int, inout Element) -> T
    ) -> (results: [T], prepared: [Prepared]) {
        let count = self.count
        precondition(groups.reduce(0) { $0 + $1.count } == count, "every index in exactly one group")
        var prepared: [Prepared] = []
        let results = withUnsafeMutableBufferPointer { elements in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                // Each index belongs to one group, taken by one worker: no two threads touch one
                // element or one result.
                nonisolated(unsafe) let (elements, results) = (elements, buffer)
                prepared = groups.indices.parallelMap { group in
                    var made = prepare(group)
                    for i in groups[group] {
                        (results.baseAddress! + i).initialize(to: transform(&made, i, &elements[i]))
                    }
                    return made
                }
                initialized = count
            }
        }
        return (results, prepared)
    }
}

/// A counter handing out work indices to worker threads: one atomic add per index.
final class AtomicCounter: Sendable {
    private let value = Atomic<Int>(0)

    func increment() -> Int {
        value.add(1, ordering: .relaxed).oldValue
    }
}

/// Runs `first` and `second` at the same time (one after the other on one thread) and
/// returns both results: for two independent pieces of serial work.
func inParallel<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    guard Parallelism.threads >= 2 else { return (first(), second()) }
    nonisolated(unsafe) var a: A?
    nonisolated(unsafe) var b: B?
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            nonisolated(unsafe) let first = first
            nonisolated(unsafe) let second = second
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                if i == 0 { a = first() } else { b = second() }
            }
        }
    }
    return (a!, b!)
}
