//! Heap held per event: a counting global allocator around the system one, and the synthetic
//! caseload replayed. Prints, for the caseload and for a few single cases, the bytes the
//! replayed cases hold — live bytes after building and replaying the records (each record
//! consumed by its replay, so the cases own every id and name) minus live bytes before — per
//! event and per case, with the allocations still live and the peak while building; beside them,
//! the bytes the records alone hold before any replay.
//!
//! `cargo bench --bench heap` (no criterion: a `main` that prints).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use permanency::{Case, Event, Policy};

#[path = "support/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

#[path = "support/shapes.rs"]
#[allow(dead_code)]
mod shapes;

/// Counts the bytes live on the heap, and the most that were at once.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// Allocations live: made, less freed.
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is passed to `System` unchanged; the counters only observe.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, forwarded.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
            ALLOCATIONS.fetch_add(1, Relaxed);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, forwarded.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
            ALLOCATIONS.fetch_add(1, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, forwarded.
        unsafe { System.dealloc(p, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
        ALLOCATIONS.fetch_sub(1, Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, forwarded.
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// What building something left on the heap: live bytes after minus before, the peak above the
/// start while building, and the allocations still live.
struct Held {
    bytes: usize,
    peak: usize,
    allocations: isize,
}

impl Held {
    fn allocations_held(&self) -> isize {
        self.allocations
    }
}

fn measure<T>(build: impl FnOnce() -> T) -> (T, Held) {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let allocations = ALLOCATIONS.load(Relaxed);
    let value = build();
    let held = Held {
        bytes: LIVE.load(Relaxed) - before,
        peak: PEAK.load(Relaxed) - before,
        allocations: ALLOCATIONS.load(Relaxed) as isize - allocations as isize,
    };
    (value, held)
}

fn report(what: &str, cases: usize, events: usize, replayed: &Held, record: &Held) {
    let per = |bytes: usize| bytes as f64 / events as f64;
    println!("{what}: {cases} cases, {events} events");
    println!(
        "  the replayed cases hold {} bytes: {:.0} bytes per event, {:.0} per case, in {} allocations ({:.2} per event); peak while building {:.0} bytes per event",
        replayed.bytes,
        per(replayed.bytes),
        replayed.bytes as f64 / cases as f64,
        replayed.allocations_held(),
        replayed.allocations_held() as f64 / events as f64,
        per(replayed.peak),
    );
    println!(
        "  their records alone (child, families, events, before any replay) hold {} bytes: {:.0} bytes per event",
        record.bytes,
        per(record.bytes),
    );
}

/// Builds the synthetic cases `0..n` and replays each, consuming its record: what the cases then
/// hold is everything they own (ids and names included, no longer shared with any input).
fn caseload(policy: &Policy, n: u64) {
    let (cases, replayed) = measure(|| {
        (0..n)
            .map(|i| {
                let s = synthetic::case(i);
                Case::replay(s.child, s.families, s.events, policy).unwrap()
            })
            .collect::<Vec<Case>>()
    });
    let events: usize = cases.iter().map(|c| c.events().len()).sum();
    let (records, record) = measure(|| (0..n).map(synthetic::case).collect::<Vec<_>>());
    report(
        &format!("synthetic caseload of {n}"),
        cases.len(),
        events,
        &replayed,
        &record,
    );
    drop((cases, records));
}

fn one(policy: &Policy, what: &str, build: impl Fn() -> shapes::History) {
    let (case, replayed) = measure(|| {
        let h = build();
        Case::replay(h.child, h.families, h.events, policy).unwrap()
    });
    let (h, record) = measure(&build);
    report(what, 1, case.events().len(), &replayed, &record);
    drop((case, h));
}

fn main() {
    // `cargo bench` passes `--bench`: this binary has nothing to filter, and runs in seconds.
    let policy = Policy::federal();
    caseload(&policy, 50_000);
    println!(
        "(inline sizes: Case {} bytes, Event {} bytes)",
        std::mem::size_of::<Case>(),
        std::mem::size_of::<Event>()
    );
    one(&policy, "30-event case", || shapes::placement_churn(30));
    one(&policy, "30,000-event case (10,000 placements)", || {
        shapes::placement_churn(30_000)
    });
    one(&policy, "100,000 placement changes", || {
        shapes::placement_changes(100_000)
    });
    one(&policy, "case opened with 10,000 families", || {
        shapes::opening_families(10_000)
    });
}
