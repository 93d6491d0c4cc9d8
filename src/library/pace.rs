//! Background work that gives way to the reader on a busy machine.
//!
//! Niceness orders the threads of one process, but Linux shares the CPU
//! between sessions first (autogroups, or cgroups): a quoth whose library
//! thread and reading threads use their session's whole share has none
//! left when a key wakes the reader's thread, which then waits for every
//! other program's turn, 4 ms each (26 ms measured beside two builds). So
//! the background threads call [`pace`] between small steps of work: when
//! they had to wait for a core since the last look (the machine is busy,
//! or the reader's thread took it), they sleep as long as they waited. On
//! an idle machine they never wait and never sleep; on a busy one they use
//! about half what they could, and the scheduler lets the reader's thread
//! in as soon as a key comes.

use std::cell::Cell;
use std::time::{Duration, Instant};

/// How often a thread looks at its waiting time, at most.
const LOOK_EVERY: Duration = Duration::from_millis(1);

/// Waiting for a core shorter than this is not a busy machine (a wake-up
/// or another of quoth's threads for a moment).
const WAITED_ENOUGH: Duration = Duration::from_micros(500);

/// The longest sleep at once: work still gets done on a machine busy all
/// the time.
const LONGEST_SLEEP: Duration = Duration::from_millis(40);

thread_local! {
    /// When this thread last looked, and its waiting time then (ns).
    static LAST: Cell<Option<(Instant, u64)>> = const { Cell::new(None) };
}

/// Called by background threads between small steps of work: sleeps as
/// long as this thread waited for a core since the last look, when that
/// is enough to tell a busy machine. Costs a clock read most times, a small
/// file read at most once a millisecond.
pub fn pace() {
    let now = Instant::now();
    let last = LAST.get();
    if last.is_some_and(|(at, _)| now.duration_since(at) < LOOK_EVERY) {
        return;
    }
    let Some(waited) = waited_ns() else {
        return;
    };
    LAST.set(Some((now, waited)));
    let Some((_, before)) = last else {
        return;
    };
    let d = Duration::from_nanos(waited.saturating_sub(before));
    if d >= WAITED_ENOUGH {
        std::thread::sleep(sleep_for(d));
        // the sleep is not waiting for a core, but it is time: look again
        // after the next millisecond of work
        LAST.set(Some((Instant::now(), waited)));
    }
}

/// How long to sleep after waiting `waited` for a core.
fn sleep_for(waited: Duration) -> Duration {
    // (three times as long was tried: no better for keys at load 10, and
    // the refresh took twice as long again)
    waited.min(LONGEST_SLEEP)
}

/// The calling thread's time spent runnable but waiting for a core, in
/// ns since it started (Linux's schedstat; None elsewhere, or without it).
fn waited_ns() -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        s.split_whitespace().nth(1)?.parse().ok()
    }
    #[cfg(not(target_os = "linux"))]
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sleeps_as_long_as_it_waited_within_bounds() {
        assert_eq!(
            sleep_for(Duration::from_millis(3)),
            Duration::from_millis(3)
        );
        assert_eq!(sleep_for(Duration::from_secs(2)), LONGEST_SLEEP);
    }

    /// An idle thread does not wait for a core: pacing costs it nothing.
    #[cfg(target_os = "linux")]
    #[test]
    fn reads_this_threads_waiting_time() {
        let a = waited_ns().expect("schedstat");
        pace();
        let b = waited_ns().expect("schedstat");
        assert!(b >= a);
    }
}
