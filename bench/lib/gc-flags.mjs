// Node flags for every process whose instructions are counted. V8 sizes its
// heap and schedules its collections by time and by what it has seen, and
// spreads marking over helper threads: under valgrind, where time runs 50
// times slower, that put a major collection in one counting window and not
// the next, so the same server counted 228k or 672k instructions a request
// from window to window. With a fixed schedule on one thread, two runs of the
// same server agree within 0.3% window by window. Every contender runs with
// the same flags; BENCH_GC_FLAGS=0 counts without them.
export const countingFlags = process.env.BENCH_GC_FLAGS === '0' ? [] : ['--predictable-gc-schedule', '--single-threaded-gc']
