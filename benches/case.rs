//! Criterion benches: applying events, replaying histories, and the federal clocks, on one case,
//! on a synthetic caseload the size of a large state, and on a short and a very long case of the
//! same shape (is the cost of an event flat?).
//!
//! `cargo bench --bench case`. (README.md quotes the national-scale figures of
//! `benches/caseload.rs` over the same generator.) What each bench times is
//! only the operation named: inputs are built, cloned and dropped outside the timed region.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use permanency::*;

#[path = "support/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

#[path = "support/shapes.rs"]
#[allow(dead_code)]
mod shapes;

/// Cases in the caseload benches: about the children in care in a large state.
const CASELOAD: u64 = 50_000;

/// A synthetic case cut just before an event the agency records every day in a case in foster
/// care: its child, families and the events before it, and the event.
fn in_care_prefix(
    policy: &Policy,
    event: impl Fn(&Case) -> Option<EventData>,
) -> (synthetic::Synthetic, Event) {
    for n in 0.. {
        let s = synthetic::case(n);
        let case = Case::replay(
            s.child.clone(),
            s.families.clone(),
            s.events.clone(),
            policy,
        )
        .unwrap();
        // A case still in foster care, in an ordinary placement, after 30 events or more: cut
        // it after its 30th event and add the event there.
        let events = &case.events()[..30.min(case.events().len())];
        let prefix =
            Case::replay(s.child.clone(), s.families.clone(), events.to_vec(), policy).unwrap();
        let ordinary = prefix
            .current_placement()
            .is_some_and(|p| p.caregiver().is_some());
        if events.len() < 30 || prefix.stage() != Stage::FosterCare || !ordinary {
            continue;
        }
        let Some(what) = event(&prefix) else { continue };
        let on = events.last().unwrap().date() + Days::new(3);
        let event = Event::new(on, what).unwrap();
        prefix
            .check(&event, policy)
            .expect("the benched event is accepted");
        let s = synthetic::Synthetic {
            child: s.child,
            families: s.families,
            events: events.to_vec(),
        };
        return (s, event);
    }
    unreachable!()
}

/// The case of `s`, applied event by event from an empty case as a live case grows: its event
/// list has the spare capacity a growing `Vec` keeps (30 events: room for 32). A clone would
/// have none (`Vec::clone` allocates exactly its length), and the first `apply` after it would
/// time the list's reallocation and copy.
fn grown(s: &synthetic::Synthetic, policy: &Policy) -> Case {
    let mut case = Case::new(s.child.clone(), s.families.clone()).unwrap();
    for e in &s.events {
        case.apply(e.clone(), policy).unwrap();
    }
    case
}

fn apply(c: &mut Criterion) {
    let policy = Policy::federal();
    let (review_case, review) = in_care_prefix(&policy, |_| Some(EventData::PeriodicReview));
    let (move_case, change) = in_care_prefix(&policy, |case| {
        // To the relative home (no license to check) from wherever the child is.
        let relative = case
            .families()
            .iter()
            .find(|f| f.kind() == FamilyKind::Relative)?
            .id()
            .clone();
        let home = case.current_placement()?.caregiver()? != &relative;
        home.then(|| {
            EventData::PlacementChanged(
                NewPlacement::new(
                    PlacementId::new("PL-BENCH").unwrap(),
                    Setting::RelativeFosterHome,
                    Some(relative),
                )
                .unwrap(),
            )
        })
    });
    let mut g = c.benchmark_group("apply");
    for (name, s, event) in [
        ("periodic review", &review_case, &review),
        ("placement change", &move_case, &change),
    ] {
        g.bench_function(format!("{name}, spare capacity"), |b| {
            b.iter_batched_ref(
                || (grown(s, &policy), event.clone()),
                |(case, event)| {
                    case.apply(black_box(event.clone()), &policy).unwrap();
                },
                BatchSize::SmallInput,
            )
        });
    }
    // The same review on a clone, whose event list is full: the timed apply grows it.
    let full = Case::replay(
        review_case.child.clone(),
        review_case.families.clone(),
        review_case.events.clone(),
        &policy,
    )
    .unwrap();
    g.bench_function("periodic review, on a clone (list full)", |b| {
        b.iter_batched_ref(
            || (full.clone(), review.clone()),
            |(case, event)| {
                case.apply(black_box(event.clone()), &policy).unwrap();
            },
            BatchSize::SmallInput,
        )
    });
    let backwards = Event::new(
        NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
        EventData::AdoptionFinalized,
    )
    .unwrap();
    g.bench_function("refused event (check only)", |b| {
        b.iter(|| full.check(black_box(&backwards), &policy).unwrap_err())
    });
    g.finish();
}

/// The inputs of a replay, cloned for one iteration.
type Input = (Child, Vec<Family>, Vec<Event>);

fn inputs(cases: &[synthetic::Synthetic]) -> Vec<Input> {
    cases
        .iter()
        .map(|s| (s.child.clone(), s.families.clone(), s.events.clone()))
        .collect()
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
            b.iter_batched(
                || inputs(std::slice::from_ref(&long)).pop().unwrap(),
                |(child, families, events)| Case::replay(child, families, events, &policy).unwrap(),
                BatchSize::SmallInput,
            )
        },
    );
    let cases: Vec<_> = (0..CASELOAD).map(synthetic::case).collect();
    let events: u64 = cases.iter().map(|s| s.events.len() as u64).sum();
    g.throughput(Throughput::Elements(events));
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    g.bench_function(
        format!("caseload of {CASELOAD} cases ({events} events)"),
        |b| {
            // The replayed cases are returned, so that criterion drops them (and the inputs
            // they consumed) outside the timed region.
            b.iter_batched(
                || inputs(&cases),
                |input| {
                    input
                        .into_iter()
                        .map(|(child, families, events)| {
                            Case::replay(child, families, events, &policy).unwrap()
                        })
                        .collect::<Vec<Case>>()
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
    g.sampling_mode(SamplingMode::Flat);
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

/// The same shape of history at 30 and at 30,000 events (10,000 placements, half the cycles a
/// runaway): with a flat cost per event, both replay at the same events per second.
fn per_event(c: &mut Criterion) {
    let policy = Policy::federal();
    let mut g = c.benchmark_group("per event");
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    for n in [30, 30_000] {
        let h = shapes::placement_churn(n);
        let case = h.replay(&policy);
        assert_eq!(case.events().len(), n);
        let placements = case.placements().len();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(
            format!("replay {n} events ({placements} placements)"),
            |b| {
                b.iter_batched(
                    || (h.child.clone(), h.families.clone(), h.events.clone()),
                    |(child, families, events)| {
                        Case::replay(child, families, events, &policy).unwrap()
                    },
                    BatchSize::LargeInput,
                )
            },
        );
        let as_of = h.last_date();
        g.bench_function(format!("obligations of {n} events"), |b| {
            b.iter(|| case.obligations(black_box(as_of), &policy))
        });
    }
    g.finish();
}

criterion_group!(benches, apply, replay, obligations, per_event);
criterion_main!(benches);
