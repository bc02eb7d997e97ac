//! Timings and decisions a command can be asked to tell (IHRACAT_TIMINGS: how long each phase
//! took, why a load took the slower way): how BENCHMARKS.md finds where the time goes without a
//! profiler. The library prints nothing: it hands each line to the sink the binary installs, and
//! without one it does not even read the clock.

use std::sync::OnceLock;

static SINK: OnceLock<fn(&str)> = OnceLock::new();

/// Where timing lines go from now on (once per process; later calls change nothing).
pub fn set_sink(sink: fn(&str)) {
    let _ = SINK.set(sink);
}

/// Runs `f`, and with a sink says how long it took.
pub fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let Some(sink) = SINK.get() else { return f() };
    let start = std::time::Instant::now();
    let result = f();
    sink(&format!("{what}: {:.4} s", start.elapsed().as_secs_f64()));
    result
}

/// With a sink, says what a command decided on the way, beside the timings it explains.
pub fn trace(what: impl FnOnce() -> String) {
    if let Some(sink) = SINK.get() {
        sink(&what());
    }
}
