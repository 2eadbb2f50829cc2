//! Criterion benches: applying events, replaying histories, and the federal clocks, on one case
//! and on a synthetic caseload the size of a large state.
//!
//! `cargo bench --bench case`. The figures in README.md come from here.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use permanency::{Case, Event, EventData, Policy};

#[path = "support/synthetic.rs"]
mod synthetic;

/// Cases in the caseload benches: about the children in care in a large state.
const CASELOAD: u64 = 50_000;

fn apply(c: &mut Criterion) {
    let policy = Policy::federal();
    let s = synthetic::case(7);
    let (history, last) = s.events.split_at(s.events.len() - 1);
    let base = Case::replay(
        s.child.clone(),
        s.families.clone(),
        history.to_vec(),
        &policy,
    )
    .unwrap();
    let mut g = c.benchmark_group("apply");
    g.bench_function("accepted event", |b| {
        b.iter_batched_ref(
            || base.clone(),
            |case| case.apply(black_box(last[0].clone()), &policy).unwrap(),
            BatchSize::SmallInput,
        )
    });
    let backwards = Event::new(
        NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
        EventData::AdoptionFinalized,
    )
    .unwrap();
    g.bench_function("refused event (check only)", |b| {
        b.iter(|| base.check(black_box(&backwards), &policy).unwrap_err())
    });
    g.finish();
}

fn replay(c: &mut Criterion) {
    let policy = Policy::federal();
    let mut g = c.benchmark_group("replay");
    // The longest of the first 1,000 synthetic histories.
    let long = (0..1000)
        .map(synthetic::case)
        .max_by_key(|s| s.events.len())
        .unwrap();
    g.throughput(Throughput::Elements(long.events.len() as u64));
    g.bench_function(
        format!("one history of {} events", long.events.len()),
        |b| {
            b.iter(|| {
                Case::replay(
                    long.child.clone(),
                    long.families.clone(),
                    long.events.clone(),
                    &policy,
                )
                .unwrap()
            })
        },
    );
    let cases: Vec<_> = (0..CASELOAD).map(synthetic::case).collect();
    let events: u64 = cases.iter().map(|s| s.events.len() as u64).sum();
    g.throughput(Throughput::Elements(events));
    g.sample_size(10);
    g.bench_function(
        format!("caseload of {CASELOAD} cases ({events} events)"),
        |b| {
            b.iter_batched(
                || {
                    cases
                        .iter()
                        .map(|s| (s.child.clone(), s.families.clone(), s.events.clone()))
                        .collect::<Vec<_>>()
                },
                |input| {
                    for (child, families, events) in input {
                        black_box(Case::replay(child, families, events, &policy).unwrap());
                    }
                },
                BatchSize::PerIteration,
            )
        },
    );
    g.finish();
}

fn obligations(c: &mut Criterion) {
    let policy = Policy::federal();
    let as_of = NaiveDate::from_ymd_opt(2020, 6, 30).unwrap();
    let mut g = c.benchmark_group("obligations");
    let cases = synthetic::caseload(CASELOAD, &policy);
    let one = cases.iter().max_by_key(|c| c.events().len()).unwrap();
    g.bench_function(format!("one case of {} events", one.events().len()), |b| {
        b.iter(|| one.obligations(black_box(as_of), &policy))
    });
    g.throughput(Throughput::Elements(CASELOAD));
    g.sample_size(10);
    g.bench_function(format!("caseload of {CASELOAD} cases"), |b| {
        b.iter(|| {
            cases
                .iter()
                .map(|c| c.obligations(black_box(as_of), &policy).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, apply, replay, obligations);
criterion_main!(benches);
