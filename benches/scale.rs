//! Does the cost of an event stay flat as one case grows? Each shape of history at 10,000 and at
//! 100,000: placement changes, family connections (siblings, relatives, family time, each a new
//! id), runaways (each with its return), trial home visits begun and ended, and a case opened
//! with that many families (a 30-event history). For each, the strict
//! replay (throughput in events; in families for the last) and the obligations as of the last
//! event.
//!
//! `cargo bench --bench scale`. Ten samples each, flat sampling: a shape whose cost grew with
//! the square of its size would show a tenfold drop in throughput from 10,000 to 100,000. None
//! does (placement and family ids are looked up in an index, not against every earlier one): a
//! 100,000-event replay takes well under a tenth of a second; the README has the figures. For a
//! first look, `cargo bench --bench scale -- --quick --measurement-time 3` times each once.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use permanency::Policy;

#[path = "support/shapes.rs"]
#[allow(dead_code)]
mod shapes;

const SIZES: [usize; 2] = [10_000, 100_000];

type Build = fn(usize) -> shapes::History;

fn scale(c: &mut Criterion) {
    let policy = Policy::federal();
    let shapes: [(&str, Build); 5] = [
        ("placement changes", shapes::placement_changes),
        ("family connections", shapes::connections),
        ("runaways", shapes::runaways),
        ("trial home visits", shapes::visits),
        ("opening families", shapes::opening_families),
    ];
    for (name, build) in shapes {
        let mut g = c.benchmark_group(format!("scale/{name}"));
        g.sample_size(10);
        g.sampling_mode(SamplingMode::Flat);
        for n in SIZES {
            let h = build(n);
            let case = h.replay(&policy);
            let elements = if name == "opening families" {
                case.families().len()
            } else {
                case.events().len()
            };
            assert_eq!(elements, n, "{name}");
            g.throughput(Throughput::Elements(n as u64));
            g.bench_function(format!("replay {n}"), |b| {
                b.iter_batched(
                    || (h.child.clone(), h.families.clone(), h.events.clone()),
                    |(child, families, events)| {
                        permanency::Case::replay(child, families, events, &policy).unwrap()
                    },
                    BatchSize::LargeInput,
                )
            });
            let as_of = h.last_date();
            g.bench_function(format!("obligations {n}"), |b| {
                b.iter(|| case.obligations(black_box(as_of), &policy))
            });
        }
        g.finish();
    }
}

criterion_group!(benches, scale);
criterion_main!(benches);
