//! Every guard over a whole history (`Case::replay`, `Case::replay_lenient`): a strict replay
//! stops at the first refused event, a lenient one returns every refused event with its
//! rejection and the case built from the rest.
//!
//! Each rule is refused with real dates (the exact rule ids and the exact message, the arithmetic
//! beside the expected value), next to the nearest history that is accepted; `common::refuse`
//! proves that a refused event leaves the case as it was. The cast (the child, F-BIRTH, F-REL,
//! F-FOSTER, F-ADOPT, F-GUARD) and the event builders are in `tests/common/mod.rs`.
#![cfg(feature = "serde")]

mod common;

use common::*;
use permanency::*;

// ================================================================================================
// Replay

/// Seven events; 2 and 5 are bad, 4 is keyed late.
fn legacy_history() -> Vec<Event> {
    vec![
        removal(d(2024, 1, 10)),
        begin(
            d(2024, 1, 10),
            "P-1",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        // 2: a second placement while P-1 is open.
        begin(
            d(2024, 1, 20),
            "P-2",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        change(
            d(2024, 2, 1),
            "P-2",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        // 4: dated before the event entered before it (2024-02-01): keyed late.
        review(d(2024, 1, 15)),
        // 5: APPLA for a child born 2016-05-04, 7 on 2024-03-01.
        appla(d(2024, 3, 1)),
        plan(d(2024, 3, 2), Goal::Reunification),
    ]
}

#[test]
fn lenient_replay_returns_every_refused_event_and_the_case_from_the_rest() {
    let history = legacy_history();
    let lenient = Case::replay_lenient(child(), all_families(), history.clone(), &FEDERAL).unwrap();

    let found: Vec<(usize, Vec<RuleId>)> = lenient
        .refused
        .iter()
        .map(|r| (r.index, rules(&r.rejection)))
        .collect();
    assert_eq!(
        found,
        [
            (2, vec![RuleId::PlacementAlreadyOpen]),
            (5, vec![RuleId::ApplaAge]),
        ]
    );
    for r in &lenient.refused {
        assert_eq!(r.event, history[r.index]);
    }
    assert_eq!(
        message(&lenient.refused[0].rejection, 0),
        "placement P-1 is still open; use placement_changed to move the child"
    );
    assert_eq!(
        message(&lenient.refused[1].rejection, 0),
        "appla needs a child who has attained 16 on 2024-03-01, found a younger child"
    );

    // The case is the one built from the accepted events alone; the review keyed late (4) is
    // at its date, 2024-01-15, before the move of 2024-02-01.
    let good: Vec<Event> = history
        .iter()
        .enumerate()
        .filter(|(i, _)| ![2, 5].contains(i))
        .map(|(_, e)| e.clone())
        .collect();
    let dated: Vec<EventKind> = lenient.case.events().iter().map(Event::kind).collect();
    assert_eq!(
        dated,
        [
            EventKind::Removal,
            EventKind::PlacementBegun,
            EventKind::PeriodicReview,
            EventKind::PlacementChanged,
            EventKind::PlanSet
        ]
    );
    let strict = Case::replay(child(), all_families(), good, &FEDERAL).unwrap();
    assert_eq!(lenient.case, strict);
    assert_eq!(derived(&lenient.case), derived(&strict));
    assert_eq!(lenient.case.current_placement().unwrap().id(), &plid("P-2"));
    assert_eq!(
        lenient.case.current_plan().unwrap().primary_goal(),
        Goal::Reunification
    );

    // And it round-trips through JSON by replaying its events.
    let json = serde_json::to_string(&lenient.case).unwrap();
    let back: Case = serde_json::from_str(&json).unwrap();
    assert_eq!(back, strict);
}

#[test]
fn strict_replay_stops_at_the_first_refused_event() {
    let err = Case::replay(child(), all_families(), legacy_history(), &FEDERAL).unwrap_err();
    let ReplayError::Refused { index, rejection } = &err else {
        panic!("expected a refused event, found {err:?}");
    };
    assert_eq!(*index, 2);
    assert_eq!(rules(rejection), [RuleId::PlacementAlreadyOpen]);
    assert_eq!(rejection.stage(), Stage::FosterCare);
    assert!(
        err.to_string().starts_with(
            "event 2 refused: placement_begun refused in stage foster_care (1 violation)"
        ),
        "{err}"
    );
}

/// An iterator that claims 2^40 events (or a hundred thousand) yields a refusal at its first
/// bad event, never a capacity overflow or an abort: the size hint is not trusted. (A replay
/// reads the whole history before sorting it, so the iterator must end.)
#[test]
fn replay_does_not_trust_a_size_hint() {
    struct Liar(Option<Event>);
    impl Iterator for Liar {
        type Item = Event;
        fn next(&mut self) -> Option<Event> {
            self.0.take()
        }
        fn size_hint(&self) -> (usize, Option<usize>) {
            (1 << 40, None)
        }
    }
    // A discharge before any removal has no row from intake.
    let bad = discharge(d(2024, 1, 10), ExitReason::Reunified);
    let refused = Case::replay(child(), all_families(), Liar(Some(bad.clone())), &FEDERAL);
    assert!(matches!(
        refused,
        Err(ReplayError::Refused { index: 0, .. })
    ));
    // A hundred thousand removals of one day: the second is refused.
    let refused = Case::replay(
        child(),
        all_families(),
        std::iter::repeat_n(removal(d(2024, 1, 10)), 100_000),
        &FEDERAL,
    );
    match refused {
        Err(ReplayError::Refused { index, rejection }) => {
            assert_eq!(index, 1);
            assert_eq!(
                rejection.rules().collect::<Vec<_>>(),
                [RuleId::TransitionNotAllowed]
            );
        }
        other => panic!("expected a refusal, found {other:?}"),
    }
}
