//! Properties of the order of a history, over the histories of `permanency::strategy`:
//!
//! - shuffling the events of a day where the law does not fix their order (across the ranks of
//!   `EventKind::day_rank`, keeping the order within a rank) never changes the replayed case;
//! - an event entered late, accepted, gives the case the sorted history gives;
//! - an event entered late and refused leaves the case exactly as it was;
#![cfg(all(feature = "proptest", feature = "serde"))]

use permanency::{Case, CaseRecord, Event, EventKind, Policy, strategy};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(128);
    ProptestConfig {
        cases,
        failure_persistence: None,
        // The late-entry property skips the histories it says nothing about.
        max_global_rejects: 100 * cases,
        ..ProptestConfig::default()
    }
}

fn same_case(a: &Case, b: &Case) -> Result<(), TestCaseError> {
    prop_assert_eq!(a, b);
    prop_assert_eq!(a.stage(), b.stage());
    prop_assert_eq!(a.placements(), b.placements());
    prop_assert_eq!(a.episodes(), b.episodes());
    prop_assert_eq!(a.plans(), b.plans());
    prop_assert_eq!(a.legal_parents(), b.legal_parents());
    Ok(())
}

/// Whether a day's order is fixed beyond the ranks: an exit or a close followed by a removal,
/// services opening or a reopening (a re-entry or aftercare that day), or a correction.
fn day_is_free(day: &[Event]) -> bool {
    !day.iter().any(|e| {
        e.kind().is_correction()
            || matches!(
                e.kind(),
                EventKind::Discharge
                    | EventKind::AdoptionFinalized
                    | EventKind::Close
                    | EventKind::IcwaTransferredToTribe
            )
    })
}

/// The history with each free day's events interleaved at random across ranks, the order
/// within each rank kept. `keys` draws one number per event.
fn shuffle_days(events: &[Event], keys: &[u32]) -> Vec<Event> {
    let mut out = Vec::with_capacity(events.len());
    let mut start = 0;
    while start < events.len() {
        let date = events[start].date();
        let end = start
            + events[start..]
                .iter()
                .take_while(|e| e.date() == date)
                .count();
        let day = &events[start..end];
        if day_is_free(day) {
            // Per rank, the events in order; then draw a rank for each slot.
            let mut ranks: Vec<(u8, std::collections::VecDeque<&Event>)> = Vec::new();
            for e in day {
                let r = e.kind().day_rank();
                match ranks.iter_mut().find(|(k, _)| *k == r) {
                    Some((_, q)) => q.push_back(e),
                    None => ranks.push((r, std::collections::VecDeque::from([e]))),
                }
            }
            for i in start..end {
                let live: Vec<usize> = (0..ranks.len())
                    .filter(|&j| !ranks[j].1.is_empty())
                    .collect();
                let pick = live[keys[i % keys.len()] as usize % live.len()];
                out.push(ranks[pick].1.pop_front().unwrap().clone());
            }
        } else {
            out.extend(day.iter().cloned());
        }
        start = end;
    }
    out
}

fn replay(record: &CaseRecord, events: Vec<Event>) -> Result<Case, permanency::ReplayError> {
    Case::replay(
        record.child.clone(),
        record.families.clone(),
        events,
        &Policy::federal(),
    )
}

proptest! {
    #![proptest_config(config())]

    /// Shuffled within its days where the law allows, a valid history replays to the same case.
    #[test]
    fn shuffling_within_days_never_changes_the_case(
        record in strategy::history(),
        keys in proptest::collection::vec(any::<u32>(), 1..64),
    ) {
        let case = replay(&record, record.events.clone()).unwrap();
        let shuffled = shuffle_days(&record.events, &keys);
        let again = replay(&record, shuffled.clone());
        prop_assert!(again.is_ok(), "{:?}", again.err());
        let again = again.unwrap();
        same_case(&again, &case)?;
    }

    /// An event of a valid history held back and entered last is accepted at its date, and the
    /// case is the one the history in its order gives — whenever the rest, without it, is
    /// accepted and no event of its day shares its rank.
    #[test]
    fn an_event_entered_late_equals_the_sorted_history(
        record in strategy::history(),
        pick in any::<prop::sample::Index>(),
    ) {
        prop_assume!(!record.events.is_empty());
        prop_assume!(!record.events.iter().any(|e| e.kind().is_correction()));
        let k = pick.index(record.events.len());
        let mut rest = record.events.clone();
        let late = rest.remove(k);
        // Entered last, it follows the events of its day that share its rank: where one does,
        // the order of the day changes, and with it what the day means.
        let crowded = rest
            .iter()
            .any(|e| e.date() == late.date() && e.kind().day_rank() == late.kind().day_rank());
        prop_assume!(!crowded);
        // An exit or a close of its day splits the day in segments by the order of entry.
        let day: Vec<Event> = record.events.iter().filter(|e| e.date() == late.date()).cloned().collect();
        prop_assume!(day_is_free(&day));
        let without = replay(&record, rest.clone());
        prop_assume!(without.is_ok());
        let mut case = without.unwrap();
        let r = case.apply(late.clone(), &Policy::federal());
        prop_assert!(r.is_ok(), "{:?}", r.err());
        // The history with it entered last, sorted: by date, then rank within the day, then
        // the order of entry (so it follows the events of its day and rank).
        let mut entered = rest.clone();
        entered.push(late.clone());
        let sorted = replay(&record, entered);
        prop_assert!(sorted.is_ok(), "{:?}", sorted.err());
        let sorted = sorted.unwrap();
        same_case(&case, &sorted)?;
        prop_assert_eq!(case.entries(), sorted.entries());
        prop_assert_eq!(case.entries().last().copied(), Some(&late));
        // And it is where the history had it.
        let original = replay(&record, record.events.clone()).unwrap();
        prop_assert_eq!(case.events(), original.events());
    }

    /// An event of the history moved back in time, entered last: accepted, it equals the
    /// replay of the history with it; refused, the case is exactly as before.
    #[test]
    fn a_refused_late_event_changes_nothing(
        record in strategy::history(),
        pick in any::<prop::sample::Index>(),
        back in 1u64..400,
    ) {
        prop_assume!(!record.events.is_empty());
        prop_assume!(!record.events.iter().any(|e| e.kind().is_correction()));
        let mut case = replay(&record, record.events.clone()).unwrap();
        let source = &record.events[pick.index(record.events.len())];
        let date = source.date() - chrono::Days::new(back);
        let Ok(late) = Event::new(date, source.what().clone()) else {
            return Ok(());
        };
        let before = case.clone();
        let json = serde_json::to_string(&case).unwrap();
        let checked = case.check(&late, &Policy::federal());
        match case.apply(late.clone(), &Policy::federal()) {
            Ok(()) => {
                prop_assert!(checked.is_ok());
                let mut all = record.events.clone();
                all.push(late);
                let sorted = replay(&record, all);
                prop_assert!(sorted.is_ok(), "{:?}", sorted.err());
                same_case(&case, &sorted.unwrap())?;
            }
            Err(r) => {
                prop_assert_eq!(checked, Err(r));
                same_case(&case, &before)?;
                prop_assert_eq!(serde_json::to_string(&case).unwrap(), json);
            }
        }
    }
}
