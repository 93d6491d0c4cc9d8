//! Background work that gives way to the reader on a busy machine.
//!
//! Niceness orders the threads of one process, but Linux shares the CPU
//! between sessions first (autogroups, or cgroups): a quoth whose library
//! thread and reading threads use their session's whole share has none
//! left when a key wakes the reader's thread, which then waits for every
//! other program's turn, 4 ms each (26 ms measured beside two builds). So
//! the background threads call [`pace`] between small steps of work: when
//! they waited for a core a good share of the time of late and another
//! program has a thread ready to run (the machine is busy), they sleep as
//! long as they waited. On an idle machine they
//! seldom wait and never sleep; on a busy one they use about half what they
//! could, and the scheduler lets the reader's thread in as soon as a key
//! comes.

use std::cell::Cell;
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How often a thread looks at its waiting time, at most.
const LOOK_EVERY: Duration = Duration::from_millis(1);

/// The time over which a thread's waiting is judged: longer than the
/// scheduler's slices.
const WINDOW: Duration = Duration::from_millis(10);

/// A thread that waited for a core this share of a window or more is on
/// a busy machine. Less is a virtual machine's slow wake-ups, or quoth's
/// own threads for a moment: sleeping as long as every wait of half a
/// millisecond, a library's analysis on an otherwise idle 2-core machine
/// used a quarter less of its cores than without pacing (100,000
/// articles: 121 s against 96 s). Beside two busy programs, keys while
/// analysing stay as quick as with that rule (10,000 articles: p99 9.4
/// ms, max 11.4; with half a window, p99 13.0, max 16.2).
const BUSY_SHARE: f64 = 0.3;

/// The longest sleep at once: work still gets done on a machine busy all
/// the time.
const LONGEST_SLEEP: Duration = Duration::from_millis(40);

thread_local! {
    /// When this thread's window began, its waiting time then (ns), and
    /// when it last looked.
    static WINDOW_START: Cell<Option<(Instant, u64, Instant)>> = const { Cell::new(None) };
}

/// Called by background threads between small steps of work: when this
/// thread waited for a core for a good share of the last window, it
/// sleeps as long as it waited. Costs a clock read most times, a small file read
/// at most once a millisecond.
pub fn pace() {
    let now = Instant::now();
    let start = WINDOW_START.get();
    if start.is_some_and(|(_, _, looked)| now.duration_since(looked) < LOOK_EVERY) {
        return;
    }
    let Some(waited) = waited_ns() else {
        return;
    };
    let Some((began, before, _)) = start else {
        WINDOW_START.set(Some((now, waited, now)));
        return;
    };
    let elapsed = now.duration_since(began);
    if elapsed < WINDOW {
        WINDOW_START.set(Some((began, before, now)));
        return;
    }
    let d = Duration::from_nanos(waited.saturating_sub(before));
    if busy(d, elapsed) && others_runnable() {
        std::thread::sleep(sleep_for(d));
    }
    // the sleep is not waiting for a core, but it is time: a new window
    let now = Instant::now();
    WINDOW_START.set(Some((now, waited, now)));
}

/// Whether waiting `waited` for a core in `elapsed` tells a busy machine.
fn busy(waited: Duration, elapsed: Duration) -> bool {
    waited.as_secs_f64() >= elapsed.as_secs_f64() * BUSY_SHARE
}

/// Whether another program has a thread ready to run now: the machine's
/// runnable threads outnumber this process's. The wait that [`busy`]
/// saw may be this process's own threads taking turns (a library's
/// analysis: a thread per core, and the one storing), which [`Cores`]
/// already keeps to the cores: sleeping then left a core idle
/// on an otherwise idle machine (100,000 articles, two alternated runs:
/// 35.1 and 39.7 s with no sleeps at all, 38.3 and 44.3 with them). True
/// where it cannot tell, as before.
fn others_runnable() -> bool {
    #[cfg(target_os = "linux")]
    {
        let Some(all) = runnable_on_machine() else {
            return true;
        };
        let own = runnable_here();
        all > own
    }
    #[cfg(not(target_os = "linux"))]
    true
}

/// Threads running or ready to run on the whole machine (the fourth field
/// of /proc/loadavg, `running/total`).
#[cfg(target_os = "linux")]
fn runnable_on_machine() -> Option<usize> {
    let s = std::fs::read_to_string("/proc/loadavg").ok()?;
    s.split_whitespace().nth(3)?.split('/').next()?.parse().ok()
}

/// This process's threads running or ready to run (state R).
#[cfg(target_os = "linux")]
fn runnable_here() -> usize {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0;
    };
    tasks
        .flatten()
        .filter(|t| {
            std::fs::read(t.path().join("stat")).is_ok_and(|stat| {
                // the state follows the name's closing bracket (a name
                // may hold brackets itself)
                stat.iter()
                    .rposition(|&b| b == b')')
                    .and_then(|i| stat.get(i + 2))
                    == Some(&b'R')
            })
        })
        .count()
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

/// The cores a group of background threads may keep busy at once. More
/// busy threads than cores wait for one another, and [`pace`] takes that
/// wait for a busy machine and sleeps: a library analysed by two threads
/// on two cores, with a third storing what they found, used 1.5 of its 2
/// cores. Each thread holds a core while it computes and lets it go when
/// it waits (for the disk, for work).
pub struct Cores {
    state: Mutex<CoresState>,
    freed: Condvar,
}

struct CoresState {
    free: usize,
    /// Threads waiting through [`Cores::hold_first`]: the others let them in.
    first_waiting: usize,
}

/// A core held; given back when dropped.
pub struct Held<'a>(&'a Cores);

impl Cores {
    pub fn new(n: usize) -> Cores {
        Cores {
            state: Mutex::new(CoresState {
                free: n.max(1),
                first_waiting: 0,
            }),
            freed: Condvar::new(),
        }
    }

    /// Waits for a free core and holds it.
    pub fn hold(&self) -> Held<'_> {
        self.take(false)
    }

    /// Holds the next free core before any thread waiting in
    /// [`Cores::hold`]: for the thread that the others wait on in the end
    /// (the one storing what they compute), which threads taking their
    /// core back at once would otherwise keep out.
    pub fn hold_first(&self) -> Held<'_> {
        self.take(true)
    }

    fn take(&self, first: bool) -> Held<'_> {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if first {
            s.first_waiting += 1;
        }
        while s.free == 0 || (!first && s.first_waiting > 0) {
            s = self.freed.wait(s).unwrap_or_else(PoisonError::into_inner);
        }
        if first {
            s.first_waiting -= 1;
        }
        s.free -= 1;
        Held(self)
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        let mut s = self.0.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.free += 1;
        drop(s);
        // few threads wait: waking them all lets a first-in-line one in
        self.0.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sleeps_as_long_as_it_waited_within_bounds() {
        assert!(!busy(Duration::from_millis(2), Duration::from_millis(10)));
        assert!(busy(Duration::from_millis(4), Duration::from_millis(10)));
        assert_eq!(
            sleep_for(Duration::from_millis(3)),
            Duration::from_millis(3)
        );
        assert_eq!(sleep_for(Duration::from_secs(2)), LONGEST_SLEEP);
    }

    /// The thread asking is running, so both counts see it.
    #[cfg(target_os = "linux")]
    #[test]
    fn runnable_threads_count_the_caller() {
        assert!(runnable_here() >= 1);
        assert!(runnable_on_machine().is_some_and(|n| n >= 1));
    }

    /// Never more holders than cores; a first-in-line thread gets a core
    /// although the others take theirs back at once.
    #[test]
    fn cores_are_shared_and_the_first_in_line_is_let_in() {
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        let cores = Cores::new(2);
        let busy = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        let mut first = 0;
        std::thread::scope(|s| {
            let (cores, busy, most, stop) = (&cores, &busy, &most, &stop);
            let work = move || {
                let now = busy.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(Duration::from_micros(100));
                busy.fetch_sub(1, Ordering::SeqCst);
            };
            for _ in 0..3 {
                s.spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        let _held = cores.hold();
                        work();
                    }
                });
            }
            for _ in 0..50 {
                let _held = cores.hold_first();
                work();
                first += 1;
            }
            stop.store(true, Ordering::Relaxed);
        });
        assert_eq!(first, 50);
        assert_eq!(most.load(Ordering::SeqCst), 2);
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
