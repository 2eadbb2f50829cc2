//! National scale: a state's whole caseload, 1,000,000 children of the synthetic caseload (seed
//! 1, `benches/support/synthetic.rs`), as a CCWIS replays it after a migration and an analyst
//! computes its indicators.
//!
//! - `replay`: every child's history replayed strictly (`Case::replay`), throughput in events;
//! - `replay, 2 threads`: the same caseload split in two halves over `std::thread::scope` (every
//!   type is `Send + Sync`; nothing in the crate is shared or locked);
//! - `permanency indicators`: P1 to P5 over federal fiscal year 2024 in one pass
//!   (`indicators::compute_all`), with every audit row;
//! - `obligations`: every case's obligations as of 2025-01-01, and the same over 2 threads.
//!
//! `cargo bench --bench caseload`. `PERMANENCY_BENCH_CHILDREN=100000` shrinks the caseload (the
//! full one holds about 32 million events and needs some 12 GB while the replay bench runs: the
//! inputs, their copy being replayed and the cases). Ten samples each, flat sampling; what each
//! bench times is only the operation named: inputs are generated, cloned and dropped outside the
//! timed region. The heap the cases hold per event is `cargo bench --bench heap`'s.

// A bench times its steps: the library's no-clock rule (clippy.toml) is not for it.
#![allow(clippy::disallowed_methods)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use permanency::indicators::{self, Indicator, ReportPeriod};
use permanency::{Case, Policy};

#[path = "support/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

use synthetic::Synthetic;

/// The children in the caseload: 1,000,000, or `PERMANENCY_BENCH_CHILDREN`.
fn children() -> u64 {
    std::env::var("PERMANENCY_BENCH_CHILDREN")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000)
}

fn replay_all(inputs: Vec<Synthetic>, policy: &Policy) -> Vec<Case> {
    inputs
        .into_iter()
        .map(|s| Case::replay(s.child, s.families, s.events, policy).unwrap())
        .collect()
}

/// The inputs in two halves, replayed on two threads.
fn replay_two(halves: [Vec<Synthetic>; 2], policy: &Policy) -> Vec<Vec<Case>> {
    std::thread::scope(|s| {
        let handles = halves.map(|half| s.spawn(move || replay_all(half, policy)));
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

fn obligations(cases: &[Case], as_of: NaiveDate, policy: &Policy) -> usize {
    cases
        .iter()
        .map(|c| c.obligations(as_of, policy).len())
        .sum()
}

fn caseload(c: &mut Criterion) {
    let policy = Policy::federal();
    let n = children();
    let clock = Instant::now();
    let inputs: Vec<Synthetic> = (0..n).map(|i| synthetic::case_seeded(i, 1)).collect();
    let events: u64 = inputs.iter().map(|s| s.events.len() as u64).sum();
    eprintln!(
        "caseload: {n} children, {events} events ({:.1} per child), generated in {:.1} s",
        events as f64 / n as f64,
        clock.elapsed().as_secs_f64()
    );

    let mut g = c.benchmark_group("caseload");
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    g.warm_up_time(Duration::from_millis(1));
    g.measurement_time(Duration::from_secs(1));

    g.throughput(Throughput::Elements(events));
    g.bench_function(format!("replay {n} children"), |b| {
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                let batch = inputs.clone();
                let clock = Instant::now();
                let cases = replay_all(batch, &policy);
                timed += clock.elapsed();
                drop(black_box(cases));
            }
            timed
        })
    });
    let half = inputs.len() / 2;
    g.bench_function(format!("replay {n} children, 2 threads"), |b| {
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                let halves = [inputs[..half].to_vec(), inputs[half..].to_vec()];
                let clock = Instant::now();
                let cases = replay_two(halves, &policy);
                timed += clock.elapsed();
                drop(black_box(cases));
            }
            timed
        })
    });
    let cases = replay_all(inputs, &policy);

    g.throughput(Throughput::Elements(n));
    let period = ReportPeriod::federal_fiscal_year(2024).unwrap();
    g.bench_function(format!("permanency indicators {n} children"), |b| {
        // The reports (five rows per child) are dropped outside the timed region, as the
        // replayed cases are.
        b.iter_with_large_drop(|| {
            indicators::compute_all(Indicator::PERMANENCY, black_box(&cases), period, &policy)
        })
    });
    let as_of = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    g.bench_function(format!("obligations {n} children"), |b| {
        b.iter(|| obligations(black_box(&cases), as_of, &policy))
    });
    let (first, second) = cases.split_at(cases.len() / 2);
    g.bench_function(format!("obligations {n} children, 2 threads"), |b| {
        b.iter(|| {
            std::thread::scope(|s| {
                let a = s.spawn(|| obligations(first, as_of, &policy));
                let b = s.spawn(|| obligations(second, as_of, &policy));
                a.join().unwrap() + b.join().unwrap()
            })
        })
    });
    g.finish();
}

criterion_group!(benches, caseload);
criterion_main!(benches);
