//! The synthetic caseload of the benches and the `caseload` example, checked: every generated
//! history is accepted event by event under the federal policy, the derived views of the accepted
//! cases keep their invariants, a seed gives the same caseload every time and another seed
//! another one, and the mix is the one the generator is written to produce (see
//! `benches/support/synthetic.rs`): the counts below pin it, so a change that skews the caseload
//! the benches and the indicators run over shows here.

#![allow(dead_code)]

use chrono::NaiveDate;
use permanency::{Case, EventData, ExitReason, Policy, Setting, Stage};

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Counts over a caseload, each a number of cases, episodes, placements or events.
#[derive(Default, Debug)]
struct Mix {
    cases: usize,
    events: usize,
    preservation_only: usize,
    episodes: usize,
    reentries: usize,
    reentries_after_guardianship: usize,
    under_8_days: usize,
    exits: usize,
    reunified: usize,
    adopted: usize,
    guardianship: usize,
    relatives: usize,
    emancipated: usize,
    other_exits: usize,
    still_in_care: usize,
    infants_at_entry: usize,
    teens_at_entry: usize,
    removals_2018_2025: usize,
    long_visits: usize,
    runaways: usize,
    facility_placements: usize,
    respites: usize,
    moves: usize,
    reports: usize,
    reports_within_7_days_of_another: usize,
    in_care_reports: usize,
    tpr: usize,
    long_cases: usize,
    longest: usize,
}

fn mix(cases: &[Case], policy: &Policy) -> Mix {
    let mut m = Mix {
        cases: cases.len(),
        ..Mix::default()
    };
    for case in cases {
        let events = case.events();
        m.events += events.len();
        m.long_cases += usize::from(events.len() >= 100);
        m.longest = m.longest.max(events.len());
        // Placements never overlap and only the last may be open.
        for pair in case.placements().windows(2) {
            let end = pair[0]
                .end()
                .expect("only the last placement may be open")
                .date;
            assert!(end <= pair[1].start(), "{:?}", case.child().id());
        }
        if case.episodes().is_empty() {
            m.preservation_only += 1;
            assert!(
                events
                    .iter()
                    .any(|e| matches!(e.what(), EventData::OpenPreservation(_))),
                "a case without removal is a preservation case"
            );
        }
        let mut previous_exit = None;
        for (i, e) in case.episodes().iter().enumerate() {
            m.episodes += 1;
            let removed = e.removal_date();
            m.removals_2018_2025 += usize::from((d(2018, 1, 1)..d(2026, 1, 1)).contains(&removed));
            let age = case.child().age_on(removed, policy).unwrap();
            assert!(age <= 17, "entry at {age}");
            m.infants_at_entry += usize::from(age == 0);
            m.teens_at_entry += usize::from(age >= 14);
            if e.is_reentry() {
                m.reentries += 1;
                m.reentries_after_guardianship +=
                    usize::from(previous_exit == Some(ExitReason::Guardianship));
            }
            match e.exit() {
                Some(x) => {
                    assert!(x.date >= removed);
                    m.exits += 1;
                    m.under_8_days += usize::from((x.date - removed).num_days() < 8);
                    match x.reason {
                        ExitReason::Reunified => m.reunified += 1,
                        ExitReason::Adopted => m.adopted += 1,
                        ExitReason::Guardianship => m.guardianship += 1,
                        ExitReason::LivingWithOtherRelatives => m.relatives += 1,
                        ExitReason::Emancipated => m.emancipated += 1,
                        _ => m.other_exits += 1,
                    }
                    previous_exit = Some(x.reason);
                }
                None => {
                    assert_eq!(i + 1, case.episodes().len());
                    m.still_in_care += 1;
                }
            }
        }
        if let Stage::Exited(ExitReason::Adopted) = case.stage() {
            assert!(case.legal_parents().iter().all(|p| p.rights.ended()));
        }
        for p in case.placements() {
            match p.setting() {
                Setting::TrialHomeVisit => {
                    let days = p.end().map(|e| (e.date - p.start()).num_days());
                    m.long_visits += usize::from(days.is_some_and(|d| d > 30));
                }
                Setting::Runaway => m.runaways += 1,
                s if s.is_congregate_care() => {
                    assert!(p.what().facility().is_some(), "a facility names its id");
                    m.facility_placements += 1;
                }
                _ => {}
            }
        }
        for e in case.episodes() {
            m.moves += case.move_placements(e).count();
        }
        let mut report_dates = Vec::new();
        for e in events {
            match e.what() {
                EventData::Respite(_) => m.respites += 1,
                EventData::ParentalRightsTerminated { .. } => m.tpr += 1,
                EventData::MaltreatmentReported(r) => {
                    m.reports += 1;
                    m.in_care_reports += usize::from(
                        r.perpetrator
                            .is_some_and(|p| p != permanency::Perpetrator::Parent),
                    );
                    report_dates.push(e.date());
                }
                _ => {}
            }
        }
        m.reports_within_7_days_of_another += report_dates
            .windows(2)
            .filter(|w| (w[1] - w[0]).num_days() <= 7)
            .count();
    }
    m
}

/// Whether `count` is between `low` and `high` percent of `of`.
fn share(count: usize, of: usize, low: usize, high: usize) -> bool {
    count * 100 >= low * of && count * 100 <= high * of
}

#[test]
fn five_thousand_synthetic_histories_apply_and_have_the_mix_they_are_written_to_have() {
    let policy = Policy::federal();
    let cases = synthetic::caseload_seeded(5_000, 7, &policy);
    let m = mix(&cases, &policy);
    eprintln!("{m:#?}");
    // Who comes in: a fifth preservation only; a fifth infants, about one in six teens of 14+.
    assert!(share(m.preservation_only, m.cases, 15, 25), "{m:?}");
    assert!(share(m.infants_at_entry, m.episodes, 15, 25), "{m:?}");
    assert!(share(m.teens_at_entry, m.episodes, 10, 22), "{m:?}");
    // Removals spread over 2018–2025, the long stays (2%) and re-entries aside.
    assert!(share(m.removals_2018_2025, m.episodes, 90, 100), "{m:?}");
    // How they leave: the national mix in round numbers.
    assert!(share(m.reunified, m.exits, 42, 56), "{m:?}");
    assert!(share(m.adopted, m.exits, 18, 30), "{m:?}");
    assert!(share(m.guardianship, m.exits, 7, 14), "{m:?}");
    assert!(share(m.relatives, m.exits, 4, 9), "{m:?}");
    assert!(share(m.emancipated, m.exits, 4, 11), "{m:?}");
    assert!(share(m.other_exits, m.exits, 2, 9), "{m:?}");
    // Stays under 8 days, re-entries, and some still in care at the end of the history.
    assert!(share(m.under_8_days, m.exits, 2, 6), "{m:?}");
    assert!(share(m.reentries, m.episodes, 5, 12), "{m:?}");
    assert!(m.reentries_after_guardianship >= 5, "{m:?}");
    assert!(share(m.still_in_care, m.episodes, 5, 25), "{m:?}");
    // What happens in care.
    assert!(m.long_visits >= 100, "{m:?}");
    assert!(m.runaways >= 300, "{m:?}");
    assert!(m.facility_placements >= 300, "{m:?}");
    assert!(m.respites >= 300, "{m:?}");
    assert!(m.tpr >= m.adopted, "{m:?}");
    // Maltreatment: most cases open on a report; some recur within a week; some in care.
    assert!(share(m.reports, m.cases, 70, 110), "{m:?}");
    assert!(m.reports_within_7_days_of_another >= 10, "{m:?}");
    assert!(m.in_care_reports >= 20, "{m:?}");
    // Long cases: a couple of percent with 100 events or more, the longest with hundreds.
    assert!(share(m.long_cases, m.cases, 1, 4), "{m:?}");
    assert!(m.longest >= 200, "{m:?}");
    // The clocks run on every case without panicking, and every due date follows its start.
    for case in &cases[..500] {
        for o in case.obligations(d(2024, 1, 1), &policy) {
            assert!(o.due() >= o.counts_from(), "{:?} {o:?}", case.child().id());
        }
    }
}

#[test]
fn a_seed_is_one_caseload_and_another_seed_another() {
    let policy = Policy::federal();
    let a = synthetic::caseload_seeded(200, 1, &policy);
    let b = synthetic::caseload_seeded(200, 1, &policy);
    let c = synthetic::caseload_seeded(200, 2, &policy);
    assert!(a.iter().zip(&b).all(|(x, y)| x.events() == y.events()));
    let same = a
        .iter()
        .zip(&c)
        .filter(|(x, y)| x.events() == y.events())
        .count();
    assert!(same < 20, "{same} of 200 histories equal under two seeds");
}

#[test]
fn the_replayed_histories_are_the_applied_ones() {
    let policy = Policy::federal();
    for n in 0..300 {
        let s = synthetic::case_seeded(n, 3);
        let replayed = Case::replay(
            s.child.clone(),
            s.families.clone(),
            s.events.clone(),
            &policy,
        )
        .unwrap();
        let applied = synthetic::build(s, &policy);
        assert_eq!(replayed.events(), applied.events(), "case {n}");
        assert_eq!(replayed.placements(), applied.placements(), "case {n}");
    }
}

/// Every type a caseload run holds crosses threads: nothing in the crate is shared or locked.
#[test]
fn a_caseload_splits_over_threads_and_gives_what_one_thread_gives() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Case>();
    send_sync::<Policy>();
    send_sync::<permanency::Event>();
    send_sync::<permanency::Obligation>();
    send_sync::<permanency::Rejection>();
    send_sync::<permanency::indicators::Report<'static>>();
    send_sync::<permanency::tables::Tables>();

    let policy = Policy::federal();
    let inputs: Vec<_> = (0..400).map(|n| synthetic::case_seeded(n, 5)).collect();
    let one: Vec<Case> = inputs
        .iter()
        .cloned()
        .map(|s| synthetic::build(s, &policy))
        .collect();
    let (a, b) = inputs.split_at(inputs.len() / 2);
    let two: Vec<Case> = std::thread::scope(|s| {
        let run = |part: &[synthetic::Synthetic]| {
            let part = part.to_vec();
            let policy = &policy;
            s.spawn(move || {
                part.into_iter()
                    .map(|x| synthetic::build(x, policy))
                    .collect::<Vec<_>>()
            })
        };
        let first = run(a);
        let second = run(b);
        let mut all = first.join().unwrap();
        all.extend(second.join().unwrap());
        all
    });
    let as_of = d(2025, 1, 1);
    assert_eq!(one.len(), two.len());
    for (x, y) in one.iter().zip(&two) {
        assert_eq!(x.events(), y.events());
        assert_eq!(x.obligations(as_of, &policy), y.obligations(as_of, &policy));
    }
}
