//! The order of a history (src/case/history.rs): events of one day in any order the law does
//! not fix, events entered late placed at their date, corrections that keep the audit trail, a
//! lenient replay that reports one finding per wrong row. Real dates; the cast and builders are
//! in `tests/common/mod.rs` (Sam, C-1, born 2016-05-04; F-BIRTH with P-MOTHER and P-FATHER;
//! F-FOSTER licensed).
#![cfg(feature = "serde")]

mod common;

use common::*;
use permanency::*;

fn kinds(case: &Case) -> Vec<EventKind> {
    case.events().iter().map(Event::kind).collect()
}

fn note(text: &str) -> Note {
    Note::new(text).unwrap()
}

fn eid(id: &str) -> EntryId {
    EntryId::new(id).unwrap()
}

// ================================================================================================
// Events of one day

#[test]
fn findings_entered_before_the_removal_of_their_day_follow_it() {
    // All three on 2024-03-02; the worker keyed the order's findings first.
    let mut case = open_case();
    accept(&mut case, ctw(d(2024, 3, 2)), &FEDERAL);
    accept(
        &mut case,
        prevention(d(2024, 3, 2), PreventionEfforts::Made),
        &FEDERAL,
    );
    accept(&mut case, removal(d(2024, 3, 2)), &FEDERAL);
    // The removal (rank 2) goes before the findings (rank 3): one episode, the findings in it.
    assert_eq!(
        kinds(&case),
        [
            EventKind::Removal,
            EventKind::CourtFinding,
            EventKind::CourtFinding
        ]
    );
    assert_eq!(case.stage(), Stage::FosterCare);
    assert_eq!(case.episode_events(&case.episodes()[0]).len(), 3);
    // The audit trail keeps the order of entry.
    let entered: Vec<EventKind> = case.entries().iter().map(|e| e.kind()).collect();
    assert_eq!(
        entered,
        [
            EventKind::CourtFinding,
            EventKind::CourtFinding,
            EventKind::Removal
        ]
    );
    // And the clocks: the contrary-to-the-welfare finding is met on the removal day.
    let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
    assert_eq!(
        one(&obs, ObligationKind::ContraryToWelfare).status(),
        timeline::Status::Met(d(2024, 3, 2))
    );
}

#[test]
fn a_legacy_export_sorted_by_action_code_replays_as_the_day_happened() {
    // An export sorted by (date, action code): on 2024-03-02 "court_finding" < "placement_begun"
    // < "removal" alphabetically; on 2024-04-01 "periodic_review" < "placement_changed".
    let sorted = vec![
        ctw(d(2024, 3, 2)),
        foster(d(2024, 3, 2), "P-1"),
        removal(d(2024, 3, 2)),
        review(d(2024, 4, 1)),
    ];
    let natural = vec![
        removal(d(2024, 3, 2)),
        foster(d(2024, 3, 2), "P-1"),
        ctw(d(2024, 3, 2)),
        review(d(2024, 4, 1)),
    ];
    let a = Case::replay(child(), all_families(), sorted, &FEDERAL).unwrap();
    let b = Case::replay(child(), all_families(), natural, &FEDERAL).unwrap();
    // The same case as far as the law sees it: stage, placements, episodes, obligations.
    assert_eq!(a.stage(), b.stage());
    assert_eq!(a.placements(), b.placements());
    assert_eq!(a.episodes(), b.episodes());
    assert_eq!(
        a.obligations(d(2024, 6, 1), &FEDERAL),
        b.obligations(d(2024, 6, 1), &FEDERAL)
    );
    // The finding (rank 4) follows the placement (rank 3) of its day.
    assert_eq!(
        kinds(&a),
        [
            EventKind::Removal,
            EventKind::PlacementBegun,
            EventKind::CourtFinding,
            EventKind::PeriodicReview
        ]
    );
}

#[test]
fn an_exit_and_a_re_entry_of_one_day_are_two_episodes() {
    // Reunified on 2024-06-03, removed again the same evening and placed in F-FOSTER.
    let mut case = in_care_from(d(2024, 1, 10));
    accept(
        &mut case,
        discharge(d(2024, 6, 3), ExitReason::Reunified),
        &FEDERAL,
    );
    accept(&mut case, removal(d(2024, 6, 3)), &FEDERAL);
    accept(&mut case, foster(d(2024, 6, 3), "P-2"), &FEDERAL);
    let episodes = case.episodes();
    assert_eq!(episodes.len(), 2);
    assert_eq!(
        episodes[0].exit(),
        Some(EpisodeExit::new(d(2024, 6, 3), ExitReason::Reunified))
    );
    assert_eq!(episodes[1].removal_date(), d(2024, 6, 3));
    assert_eq!(case.stage(), Stage::FosterCare);
    // The same entries replayed give the same case.
    let again = case.record().replay(&FEDERAL).unwrap();
    assert_eq!(again, case);
    assert_eq!(again.episodes(), case.episodes());
}

#[test]
fn a_hearing_keyed_after_the_discharge_of_its_day_goes_before_it() {
    // The court held the permanency hearing on 2024-06-03 and ordered the child home; the
    // worker keyed the discharge first.
    let mut case = in_care_from(d(2024, 1, 10));
    accept(
        &mut case,
        discharge(d(2024, 6, 3), ExitReason::Reunified),
        &FEDERAL,
    );
    accept(&mut case, hearing(d(2024, 6, 3)), &FEDERAL);
    assert_eq!(
        kinds(&case)[2..],
        [EventKind::PermanencyHearing, EventKind::Discharge]
    );
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Reunified));
}

/// The teen (born 2007-09-30, 16 on 2023-09-30), removed 2023-01-10 into F-FOSTER; on
/// 2024-01-10 the court holds the permanency hearing and APPLA becomes the plan, the two keyed
/// in the order given.
fn appla_set_at_the_hearing(hearing_first: bool) -> Case {
    let (plan, held) = (appla(d(2024, 1, 10)), hearing(d(2024, 1, 10)));
    let day = if hearing_first {
        [held, plan]
    } else {
        [plan, held]
    };
    let mut events = vec![removal(d(2023, 1, 10)), foster(d(2023, 1, 10), "P-1")];
    events.extend(day);
    build(teen(), &FEDERAL, events)
}

#[test]
fn a_plan_set_the_day_of_a_hearing_is_the_plan_the_hearing_reviews_whichever_was_keyed_first() {
    // APPLA set 2024-01-10, the hearing that day: the hearing under APPLA owes the
    // documentation of SSA §475A(a)(1)–(3), due that day (none recorded: overdue by
    // 2024-02-01). Keyed hearing first, the day is the same.
    for hearing_first in [false, true] {
        let case = appla_set_at_the_hearing(hearing_first);
        assert_eq!(
            kinds(&case)[2..],
            [EventKind::PlanSet, EventKind::PermanencyHearing]
        );
        let obs = case.obligations(d(2024, 2, 1), &FEDERAL);
        let owed: Vec<_> = obs
            .iter()
            .filter(|o| o.kind() == timeline::ObligationKind::ApplaHearingDocumentation)
            .map(|o| (o.due(), o.status()))
            .collect();
        assert_eq!(
            owed,
            [(d(2024, 1, 10), timeline::Status::Overdue)],
            "hearing keyed first: {hearing_first}"
        );
    }
}

#[test]
fn a_notice_listed_before_the_relative_or_sibling_it_names_of_its_day_replays() {
    // Removed 2024-01-10. A legacy export lists the rows of 2024-01-12 as keyed: the
    // grandmother's notice, then her identification; the separation from brother C-3, then
    // his record. Each name is known that day, so the day sorts the records first and the
    // history replays.
    let grandma = || PersonId::new("P-GRANDMA").unwrap();
    let brother = || ChildId::new("C-3").unwrap();
    let day = d(2024, 1, 12);
    let mut events = vec![removal(d(2024, 1, 10)), foster(d(2024, 1, 10), "P-1")];
    events.extend(
        [
            EventData::RelativeNotified { person: grandma() },
            EventData::RelativeIdentified(connections::Relative::new(
                grandma(),
                connections::RelativeKind::Grandparent,
            )),
            EventData::SiblingsSeparated {
                sibling: brother(),
                reason: Some(connections::SeparationReason::ContraryToSafetyOrWellBeing),
            },
            EventData::SiblingRecorded(connections::Sibling::in_care(brother())),
        ]
        .map(|what| ev(day, what)),
    );
    let case = case_of(events);
    assert_eq!(
        kinds(&case)[2..],
        [
            EventKind::RelativeIdentified,
            EventKind::SiblingRecorded,
            EventKind::RelativeNotified,
            EventKind::SiblingsSeparated,
        ]
    );
    // The grandmother's notice, due 2024-01-10 + 30 days = 2024-02-09, is met on 2024-01-12.
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    let notice: Vec<_> = obs
        .iter()
        .filter(|o| o.kind() == timeline::ObligationKind::RelativeNoticeEach)
        .map(|o| (o.due(), o.status()))
        .collect();
    assert_eq!(notice, [(d(2024, 2, 9), timeline::Status::Met(day))]);
    // Replayed in its own order, the dated history gives the same case.
    assert_eq!(case.record().replay(&FEDERAL).unwrap(), case);
}

#[test]
fn aftercare_opened_the_day_of_the_exit_follows_it() {
    let mut case = in_care_from(d(2024, 1, 10));
    accept(
        &mut case,
        discharge(d(2024, 6, 3), ExitReason::Reunified),
        &FEDERAL,
    );
    accept(
        &mut case,
        ev(
            d(2024, 6, 3),
            EventData::OpenPreservation(Candidacy::NotCandidate),
        ),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Preservation);
    assert_eq!(
        case.episodes()[0].exit().map(|x| x.date),
        Some(d(2024, 6, 3))
    );
}

// ================================================================================================
// Events entered late

#[test]
fn an_event_entered_late_gives_the_case_its_sorted_history_gives() {
    // A move of 2024-02-15 keyed after the review of 2024-03-01.
    let mut late = in_care_from(d(2024, 1, 10));
    accept(&mut late, review(d(2024, 3, 1)), &FEDERAL);
    accept(&mut late, to_foster(d(2024, 2, 15), "P-2"), &FEDERAL);
    let sorted = Case::replay(
        child(),
        all_families(),
        [
            removal(d(2024, 1, 10)),
            foster(d(2024, 1, 10), "P-1"),
            to_foster(d(2024, 2, 15), "P-2"),
            review(d(2024, 3, 1)),
        ],
        &FEDERAL,
    )
    .unwrap();
    assert_eq!(late, sorted);
    assert_eq!(late.placements(), sorted.placements());
    // P-1 ran 2024-01-10 ..= 2024-02-14, then P-2 from 2024-02-15.
    assert_eq!(
        late.placements()[0].end().map(|e| e.date),
        Some(d(2024, 2, 15))
    );
}

#[test]
fn an_event_entered_late_that_breaks_a_later_one_is_refused_naming_it() {
    // A move of 2024-04-01 into P-2 is in the case. A move of 2024-02-15 that names P-2 too,
    // keyed late, is placed at its date (where P-2 is not yet used): the move of 2024-04-01
    // would then reuse the id.
    let mut case = in_care_from(d(2024, 1, 10));
    accept(&mut case, to_foster(d(2024, 4, 1), "P-2"), &FEDERAL);
    let r = refuse(&mut case, to_foster(d(2024, 2, 15), "P-2"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::LaterEventRefused]);
    assert_eq!(
        message(&r, 0),
        "the placement_changed would leave the later placement_changed of 2024-04-01 refused: duplicate_placement: placement P-2 already exists in the case; each placement needs its own id"
    );

    // A discharge of 2024-03-01 keyed late, before the move of 2024-04-01: the move would then
    // be in an exited case.
    let r = refuse(
        &mut case,
        discharge(d(2024, 3, 1), ExitReason::Reunified),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::LaterEventRefused]);
    assert!(
        message(&r, 0).starts_with(
            "the discharge would leave the later placement_changed of 2024-04-01 refused: transition_not_allowed: placement_changed is not allowed in stage exited(reunified)"
        ),
        "{}",
        message(&r, 0)
    );
}

#[test]
fn an_event_entered_late_refused_at_its_own_date_gives_its_own_reasons() {
    // A review of 2023-12-01, before the removal of 2024-01-10: at its date the case is in
    // intake, where no review happens.
    let mut case = in_care_from(d(2024, 1, 10));
    let before = case.clone();
    let r = case.apply(review(d(2023, 12, 1)), &FEDERAL).unwrap_err();
    assert_eq!(rules(&r), [RuleId::TransitionNotAllowed]);
    // The stage named is the one at the event's date.
    assert_eq!(r.stage(), Stage::Intake);
    assert!(
        message(&r, 0).starts_with(
            "periodic_review is not allowed in stage intake; allowed: family_recorded, open_preservation, removal, court_finding, parent_deceased, parental_rights_relinquished, parental_rights_terminated, death"
        ),
        "{}",
        message(&r, 0)
    );
    assert_eq!(case, before);
}

// ================================================================================================
// Corrections

#[test]
fn a_voided_entry_leaves_the_history_and_stays_in_the_audit_trail() {
    let mut case = in_care_from(d(2024, 1, 10));
    accept(
        &mut case,
        review(d(2024, 3, 1)).with_entry_id(eid("R-17")),
        &FEDERAL,
    );
    accept(&mut case, hearing(d(2024, 4, 1)), &FEDERAL);
    accept(
        &mut case,
        ev(
            d(2024, 4, 2),
            EventData::Voided(Correction::new(
                eid("R-17"),
                note("keyed on the wrong case"),
            )),
        ),
        &FEDERAL,
    );
    assert_eq!(
        kinds(&case),
        [
            EventKind::Removal,
            EventKind::PlacementBegun,
            EventKind::PermanencyHearing
        ]
    );
    let entered: Vec<EventKind> = case.entries().iter().map(|e| e.kind()).collect();
    assert_eq!(
        entered,
        [
            EventKind::Removal,
            EventKind::PlacementBegun,
            EventKind::PeriodicReview,
            EventKind::PermanencyHearing,
            EventKind::Voided
        ]
    );
    // The review no longer meets the 6-month review: removal 2024-01-10 + 6 months =
    // 2024-07-10, upcoming on 2024-05-01.
    let obs = case.obligations(d(2024, 5, 1), &FEDERAL);
    let review = one(&obs, ObligationKind::PeriodicReview);
    assert_eq!(
        (review.due(), review.status()),
        (d(2024, 7, 10), timeline::Status::Upcoming)
    );
    // The record replays to the same case, through JSON too.
    let json = serde_json::to_string(&case).unwrap();
    let back: Case = serde_json::from_str(&json).unwrap();
    assert_eq!(back, case);
    assert_eq!(back.entries(), case.entries());
    // A second void of the same entry names nothing the case holds.
    let r = refuse(
        &mut case,
        ev(
            d(2024, 4, 3),
            EventData::Voided(Correction::new(eid("R-17"), note("again"))),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::UnknownEntry]);
    assert_eq!(
        message(&r, 0),
        "the voided names entry R-17, which the case does not hold (never entered, or already set aside)"
    );
}

#[test]
fn a_void_that_would_break_a_later_event_is_refused() {
    // Voiding the removal would leave the placement of 2024-01-10 in intake.
    let mut case = open_case();
    accept(
        &mut case,
        removal(d(2024, 1, 10)).with_entry_id(eid("RM-1")),
        &FEDERAL,
    );
    accept(&mut case, foster(d(2024, 1, 10), "P-1"), &FEDERAL);
    let r = refuse(
        &mut case,
        ev(
            d(2024, 2, 1),
            EventData::Voided(Correction::new(eid("RM-1"), note("wrong child"))),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::LaterEventRefused]);
    assert!(
        message(&r, 0).starts_with(
            "the voided would leave the later placement_begun of 2024-01-10 refused: transition_not_allowed"
        ),
        "{}",
        message(&r, 0)
    );
}

#[test]
fn an_amendment_cannot_replace_an_entry_with_another_correction() {
    // A case refused such an amendment when applied; it is now refused when made, so no event
    // nests corrections (a chain of thousands of amendments would overflow the stack when
    // cloned, compared, printed or dropped).
    let inner = ev(
        d(2024, 2, 1),
        EventData::Amended {
            entry: eid("PL-ROW-3"),
            reason: note("date keyed wrong"),
            with: Box::new(foster(d(2024, 1, 10), "P-1")),
        },
    );
    let err = Event::new(
        d(2024, 2, 2),
        EventData::Amended {
            entry: eid("PL-ROW-4"),
            reason: note("again"),
            with: Box::new(inner),
        },
    )
    .unwrap_err();
    assert_eq!(
        err,
        Error::Inconsistent(Inconsistency::NestedCorrection { kind: "amended" })
    );
    assert_eq!(
        err.to_string(),
        "amendment: an amendment replaces an entry with a fact of the case, found a amended"
    );
    // Nor does JSON nest them.
    let json = r#"{"date":"2024-02-02","what":{"amended":{"entry":"PL-ROW-4","reason":"again","with":{"date":"2024-02-01","what":{"voided":{"entry":"PL-ROW-3","reason":"keyed twice"}}}}}}"#;
    let refused = serde_json::from_str::<Event>(json).unwrap_err().to_string();
    assert!(
        refused.contains("an amendment replaces an entry with a fact of the case, found a voided"),
        "{refused}"
    );
}

#[test]
fn the_events_of_another_case_s_episode_are_none_past_this_history() {
    // Episode 2 of a case with two episodes, asked of a case with none or one: no panic, and no
    // event past the end of the history.
    let two = case_of(vec![
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        discharge(d(2024, 3, 1), ExitReason::Reunified),
        removal(d(2024, 6, 1)),
        foster(d(2024, 6, 1), "P-2"),
    ]);
    let second = two.episodes()[1].clone();
    assert_eq!(two.episode_events(&second).len(), 2);
    let empty = open_case();
    assert!(empty.episode_events(&second).is_empty());
    let one = case_of(vec![removal(d(2024, 1, 10)), foster(d(2024, 1, 10), "P-1")]);
    assert!(one.episode_events(&second).is_empty());
    assert!(one.episode_placements(&second).is_empty());
}

#[test]
fn an_amended_entry_moves_to_its_corrected_date() {
    // The placement was keyed as 2024-01-12; it began on 2024-01-10, the removal day.
    let mut case = open_case();
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    accept(
        &mut case,
        foster(d(2024, 1, 12), "P-1").with_entry_id(eid("PL-ROW-3")),
        &FEDERAL,
    );
    accept(
        &mut case,
        ev(
            d(2024, 2, 1),
            EventData::Amended {
                entry: eid("PL-ROW-3"),
                reason: note("date keyed wrong"),
                with: Box::new(foster(d(2024, 1, 10), "P-1")),
            },
        ),
        &FEDERAL,
    );
    assert_eq!(case.placements().len(), 1);
    assert_eq!(case.placements()[0].start(), d(2024, 1, 10));
    // The replacement takes the entry's id, so a later correction can name it again.
    assert_eq!(
        case.events()[1].entry_id().map(EntryId::as_str),
        Some("PL-ROW-3")
    );
    // The audit trail: removal, the original placement, the amendment (with its replacement).
    let entered = case.entries();
    assert_eq!(entered.len(), 3);
    assert_eq!(entered[1].date(), d(2024, 1, 12));
    assert_eq!(entered[2].kind(), EventKind::Amended);
    let back = case.record().replay(&FEDERAL).unwrap();
    assert_eq!(back, case);
}

#[test]
fn a_vacated_termination_restores_the_rights() {
    let mut case = in_care_from(d(2024, 1, 10));
    accept(
        &mut case,
        tpr(d(2024, 9, 1), "P-MOTHER").with_entry_id(eid("TPR-1")),
        &FEDERAL,
    );
    assert_eq!(
        case.parental_rights(&pid("P-MOTHER")),
        ParentalRights::Terminated(d(2024, 9, 1))
    );
    // On appeal, vacated on 2024-11-15.
    accept(
        &mut case,
        ev(
            d(2024, 11, 15),
            EventData::Vacated(Correction::new(eid("TPR-1"), note("reversed on appeal"))),
        ),
        &FEDERAL,
    );
    assert_eq!(
        case.parental_rights(&pid("P-MOTHER")),
        ParentalRights::Intact
    );

    // A court vacates its orders, not a worker's review; nor an order before it was made.
    accept(
        &mut case,
        review(d(2024, 12, 1)).with_entry_id(eid("REV-1")),
        &FEDERAL,
    );
    let r = refuse(
        &mut case,
        ev(
            d(2024, 12, 2),
            EventData::Vacated(Correction::new(eid("REV-1"), note("x"))),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::CorrectionMismatch]);
    assert_eq!(
        message(&r, 0),
        "entry REV-1 is a periodic_review, not a court order: void it instead"
    );
    accept(
        &mut case,
        finding(d(2024, 12, 10), Finding::AbuseOrNeglect).with_entry_id(eid("ADJ-1")),
        &FEDERAL,
    );
    let r = refuse(
        &mut case,
        ev(
            d(2024, 12, 5),
            EventData::Vacated(Correction::new(eid("ADJ-1"), note("x"))),
        ),
        &FEDERAL,
    );
    assert_eq!(
        message(&r, 0),
        "a court cannot vacate on 2024-12-05 an order of 2024-12-10"
    );
}

#[test]
fn a_corrected_birth_date_rechecks_the_whole_history() {
    // Keyed as born 2016-05-04; the removal of 2016-05-20 is in the case.
    let mut case = open_case();
    accept(&mut case, removal(d(2016, 5, 20)), &FEDERAL);
    // The correct birth date is 2016-06-01: the removal would then precede the birth.
    let later = ev(
        d(2016, 7, 1),
        EventData::ChildCorrected {
            child: Box::new(child_born(d(2016, 6, 1))),
            reason: note("hospital record"),
        },
    );
    let r = refuse(&mut case, later, &FEDERAL);
    assert_eq!(rules(&r), [RuleId::LaterEventRefused]);
    assert_eq!(
        message(&r, 0),
        "the child_corrected would leave the later removal of 2016-05-20 refused: event_before_birth: removal on 2016-05-20 precedes the child's birth"
    );
    // Born 2016-05-01 instead: accepted; the case opened with the first record.
    accept(
        &mut case,
        ev(
            d(2016, 7, 1),
            EventData::ChildCorrected {
                child: Box::new(child_born(d(2016, 5, 1))),
                reason: note("hospital record"),
            },
        ),
        &FEDERAL,
    );
    assert_eq!(*case.child().date_of_birth().expose(), d(2016, 5, 1));
    assert_eq!(*case.opened_child().date_of_birth().expose(), d(2016, 5, 4));
    let back = case.record().replay(&FEDERAL).unwrap();
    assert_eq!(back.child(), case.child());
    // Another child's record cannot be put on this case.
    let other = Child::new(
        ChildId::new("C-2").unwrap(),
        Name::new("Lee").unwrap(),
        d(2016, 5, 1),
        Sex::Male,
    )
    .unwrap();
    let r = refuse(
        &mut case,
        ev(
            d(2016, 7, 2),
            EventData::ChildCorrected {
                child: Box::new(other),
                reason: note("x"),
            },
        ),
        &FEDERAL,
    );
    assert_eq!(
        message(&r, 0),
        "a correction of child C-1 cannot make the case child C-2's"
    );
}

#[test]
fn an_entry_id_is_used_once() {
    let mut case = in_care_from(d(2024, 1, 10));
    accept(
        &mut case,
        review(d(2024, 3, 1)).with_entry_id(eid("R-1")),
        &FEDERAL,
    );
    let r = refuse(
        &mut case,
        hearing(d(2024, 3, 2)).with_entry_id(eid("R-1")),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::DuplicateEntry]);
    assert_eq!(
        message(&r, 0),
        "entry id R-1 is already used by an earlier entry"
    );
}

#[test]
fn an_order_entered_nunc_pro_tunc_says_so_and_travels() {
    // A contrary-to-the-welfare finding effective 2024-01-10, issued 2024-02-20.
    let late = ctw(d(2024, 1, 10))
        .issued_on(d(2024, 2, 20))
        .unwrap()
        .recorded_on(d(2024, 2, 21))
        .unwrap();
    assert!(late.is_nunc_pro_tunc());
    assert_eq!(late.recorded(), Some(d(2024, 2, 21)));
    assert!(!ctw(d(2024, 1, 10)).is_nunc_pro_tunc());
    let json = serde_json::to_value(&late).unwrap();
    assert_eq!(json["issued"], "2024-02-20");
    assert_eq!(json["recorded"], "2024-02-21");
    let back: Event = serde_json::from_value(json).unwrap();
    assert_eq!(back, late);
}

// ================================================================================================
// Lenient replay: one wrong row, one finding

#[test]
fn a_wrong_birth_date_is_one_finding() {
    // Keyed as born 2025-01-01; the history runs from 2024 (the child was born in 2016).
    let history = vec![
        removal(d(2024, 3, 1)),
        foster(d(2024, 3, 1), "P-1"),
        review(d(2024, 9, 1)),
        hearing(d(2024, 11, 1)),
        review(d(2024, 12, 1)),
    ];
    let report =
        Case::replay_lenient(child_born(d(2025, 1, 1)), all_families(), history, &FEDERAL).unwrap();
    assert_eq!(report.refused.len(), 5);
    let findings: Vec<usize> = report.findings().map(|r| r.index).collect();
    assert_eq!(findings, [0]);
    for r in &report.refused[1..] {
        assert_eq!(r.cause, Some(0), "{r:?}");
    }
    let rows = report.rows();
    assert_eq!(rows[0].caused_by, None);
    assert!(rows[1..].iter().all(|r| r.caused_by == Some(0)));
}

#[test]
fn events_refused_only_because_the_removal_was_are_marked_as_such() {
    // The removal names F-NOWHERE, which the case does not know: refused. The placement and
    // the review that follow would have been accepted after it.
    let bad = ev(
        d(2024, 1, 10),
        EventData::Removal(Removal::new(Manner::CourtOrder).from_family(fid("F-NOWHERE"))),
    );
    let history = vec![
        bad,
        foster(d(2024, 1, 10), "P-1"),
        review(d(2024, 7, 1)),
        // Wrong on its own: a second P-1.
        to_foster(d(2024, 8, 1), "P-1"),
    ];
    let report = Case::replay_lenient(child(), all_families(), history, &FEDERAL).unwrap();
    let causes: Vec<(usize, Option<usize>)> =
        report.refused.iter().map(|r| (r.index, r.cause)).collect();
    assert_eq!(causes, [(0, None), (1, Some(0)), (2, Some(0)), (3, None)]);
    assert_eq!(report.findings().count(), 2);
}

#[test]
fn a_finding_entered_nunc_pro_tunc_counts_from_its_issue_date() {
    // Removed 2024-01-10 by court order; the contrary-to-the-welfare and reasonable-efforts
    // findings are dated 2024-01-10 but were issued on 2024-03-20, nunc pro tunc (45 CFR
    // 1356.21(d)). Read as made on 2024-03-20: the CTW finding (due 2024-01-10, in the first
    // order) is late, and the efforts finding (due 2024-01-10 + 60 days = 2024-03-10) is late:
    // the stay is not title IV-E eligible.
    let case = case_of(vec![
        removal(d(2024, 1, 10)),
        ctw(d(2024, 1, 10)).issued_on(d(2024, 3, 20)).unwrap(),
        prevention(d(2024, 1, 10), PreventionEfforts::Made)
            .issued_on(d(2024, 3, 20))
            .unwrap(),
    ]);
    let obs = case.obligations(d(2024, 4, 1), &FEDERAL);
    let welfare = one(&obs, ObligationKind::ContraryToWelfare);
    assert_eq!(
        (welfare.due(), welfare.status()),
        (d(2024, 1, 10), timeline::Status::MetLate(d(2024, 3, 20)))
    );
    let efforts = one(&obs, ObligationKind::PreventRemovalEfforts);
    assert_eq!(
        (efforts.due(), efforts.status()),
        (d(2024, 3, 10), timeline::Status::MetLate(d(2024, 3, 20)))
    );
    // The same orders issued the day they say: both met.
    let timely = case_of(vec![
        removal(d(2024, 1, 10)),
        ctw(d(2024, 1, 10)).issued_on(d(2024, 1, 10)).unwrap(),
        prevention(d(2024, 1, 10), PreventionEfforts::Made),
    ]);
    let obs = timely.obligations(d(2024, 4, 1), &FEDERAL);
    assert_eq!(
        one(&obs, ObligationKind::ContraryToWelfare).status(),
        timeline::Status::Met(d(2024, 1, 10))
    );
}

#[test]
fn a_pick_up_order_the_day_before_the_removal_sanctions_it() {
    // The court's pick-up order of 2024-03-01 finds continuation contrary to the child's
    // welfare and reasonable efforts made; the child is removed on 2024-03-02. Both findings
    // belong to the episode: met, and the stay is eligible.
    let case = case_of(vec![
        ctw(d(2024, 3, 1)),
        prevention(d(2024, 3, 1), PreventionEfforts::Made),
        removal(d(2024, 3, 2)),
    ]);
    let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
    let welfare = one(&obs, ObligationKind::ContraryToWelfare);
    assert!(welfare.status().is_met(), "{welfare:?}");
    assert_eq!(welfare.consequence(), None);
    let efforts = one(&obs, ObligationKind::PreventRemovalEfforts);
    assert!(efforts.status().is_met(), "{efforts:?}");
}

// ================================================================================================
// Records about a placement, and the court's findings, follow the moves of their day

/// Replays `events` as given and in the natural order (`natural`), and checks the two give the
/// same case.
fn same_case_either_order(
    keyed: Vec<Event>,
    natural: Vec<Event>,
    child: Child,
    as_of: chrono::NaiveDate,
) {
    let a = Case::replay(child.clone(), all_families(), keyed, &FEDERAL)
        .unwrap_or_else(|e| panic!("the day keyed in another order was refused: {e}"));
    let b = Case::replay(child, all_families(), natural, &FEDERAL).unwrap();
    assert_eq!(kinds(&a), kinds(&b));
    assert_eq!(a.placements(), b.placements());
    assert_eq!(a.episodes(), b.episodes());
    assert_eq!(
        a.obligations(as_of, &FEDERAL),
        b.obligations(as_of, &FEDERAL)
    );
}

#[test]
fn a_same_day_exit_and_re_entry_loads_with_the_removal_listed_before_the_exit() {
    // In care since 2024-01-10; on 2024-06-01 the child goes home (reunified) and, that
    // evening, is removed again and placed in PL-2. A legacy export may list the day's removal
    // before its discharge: in foster care a removal can only follow the exit, so the day is
    // read as exit, then re-entry; and a placement begun while PL-1 is still open can only be
    // the new stay's, wherever it is listed. Every order of the day's four entries (4! = 24)
    // is the same two stays: the first ended 2024-06-01, the second begun that day in PL-2.
    let day = vec![
        ctw(d(2024, 6, 1)),
        discharge(d(2024, 6, 1), ExitReason::Reunified),
        removal(d(2024, 6, 1)),
        foster(d(2024, 6, 1), "PL-2"),
    ];
    let base = vec![removal(d(2024, 1, 10)), foster(d(2024, 1, 10), "PL-1")];
    // Built entry by entry in the order `apply` accepts: the exit, then the re-entry.
    let mut applied = Case::new(child(), all_families()).unwrap();
    for e in base.iter().chain([&day[1], &day[2], &day[0], &day[3]]) {
        accept(&mut applied, e.clone(), &FEDERAL);
    }
    let stays = |c: &Case| {
        c.episodes()
            .iter()
            .map(|e| (e.removal_date(), e.exit()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        stays(&applied),
        [
            (
                d(2024, 1, 10),
                Some(EpisodeExit::new(d(2024, 6, 1), ExitReason::Reunified))
            ),
            (d(2024, 6, 1), None)
        ]
    );
    let mut orders = 0;
    for a in 0..4usize {
        for b in 0..4usize {
            for c in 0..4usize {
                let Some(e) = (0..4usize).find(|i| ![a, b, c].contains(i)) else {
                    continue;
                };
                let order = [a, b, c, e];
                if (0..4).any(|i| !order.contains(&i)) {
                    continue;
                }
                orders += 1;
                let mut keyed = base.clone();
                keyed.extend(order.iter().map(|&i| day[i].clone()));
                let case = Case::replay(child(), all_families(), keyed, &FEDERAL)
                    .unwrap_or_else(|e| panic!("order {order:?} refused: {e}"));
                assert_eq!(stays(&case), stays(&applied), "order {order:?}");
                assert_eq!(case.placements(), applied.placements(), "order {order:?}");
                // The record of the case, and its dated history, replay to it.
                assert_eq!(case.record().replay(&FEDERAL).unwrap(), case);
                let dated = Case::replay(child(), all_families(), case.events().to_vec(), &FEDERAL)
                    .unwrap();
                assert_eq!(stays(&dated), stays(&case), "order {order:?}");
                // The same day read by the other paths: keyed after a later day (the history
                // is sorted and folded again), and by a lenient replay.
                let mut late = base.clone();
                late.push(review(d(2024, 6, 20)));
                late.extend(order.iter().map(|&i| day[i].clone()));
                let sorted = Case::replay(child(), all_families(), late.clone(), &FEDERAL)
                    .unwrap_or_else(|e| panic!("order {order:?}, keyed late, refused: {e}"));
                assert_eq!(stays(&sorted), stays(&applied), "order {order:?}");
                let lenient =
                    Case::replay_lenient(child(), all_families(), late, &FEDERAL).unwrap();
                assert!(lenient.refused.is_empty(), "order {order:?}");
                assert_eq!(lenient.case, sorted);
            }
        }
    }
    assert_eq!(orders, 24);
    // A history `apply` built replays to itself, by its record and by its dated history — also
    // with the finding keyed before the exit, which stays the first stay's.
    assert_eq!(applied.record().replay(&FEDERAL).unwrap(), applied);
    let mut before_exit = Case::new(child(), all_families()).unwrap();
    for e in base.iter().chain(&day) {
        accept(&mut before_exit, e.clone(), &FEDERAL);
    }
    assert_eq!(before_exit.record().replay(&FEDERAL).unwrap(), before_exit);
    let dated = Case::replay(
        child(),
        all_families(),
        before_exit.events().to_vec(),
        &FEDERAL,
    )
    .unwrap();
    assert_eq!(dated.episodes(), before_exit.episodes());
    assert_eq!(
        before_exit.episode_events(&before_exit.episodes()[0]).len(),
        4,
        "removal, PL-1, the finding, the discharge"
    );
    // Not in care at the start of the day (intake), a removal listed before the day's
    // discharge is a stay that began and ended that day: one episode.
    let short = vec![
        removal(d(2024, 6, 1)),
        discharge(d(2024, 6, 1), ExitReason::Reunified),
        foster(d(2024, 6, 1), "PL-1"),
    ];
    let case = Case::replay(child(), all_families(), short, &FEDERAL).unwrap();
    assert_eq!(case.episodes().len(), 1);
    assert_eq!(
        case.episodes()[0].exit(),
        Some(EpisodeExit::new(d(2024, 6, 1), ExitReason::Reunified))
    );
}

#[test]
fn a_qrtp_assessment_keyed_before_the_placement_of_its_day_follows_it() {
    // Removed and placed in the QRTP PL-Q on 2024-03-01, assessed that day; the export lists
    // the assessment first.
    let keyed = vec![
        removal(d(2024, 3, 1)),
        assessed(d(2024, 3, 1), "PL-Q", QrtpAssessment::Appropriate),
        qrtp(d(2024, 3, 1), "PL-Q"),
    ];
    let natural = vec![keyed[0].clone(), keyed[2].clone(), keyed[1].clone()];
    same_case_either_order(keyed.clone(), natural, child(), d(2024, 5, 1));
    // The assessment is due within 30 days of the placement (2024-03-01 + 30 = 2024-03-31) and
    // was made on its first day.
    let case = Case::replay(child(), all_families(), keyed, &FEDERAL).unwrap();
    let obs = case.obligations(d(2024, 5, 1), &FEDERAL);
    assert_eq!(
        one(&obs, ObligationKind::QrtpAssessment).status(),
        timeline::Status::Met(d(2024, 3, 1))
    );
}

#[test]
fn a_visit_extension_keyed_before_the_visit_of_its_day_extends_it() {
    // In foster care from 2024-01-10; on 2024-03-01 the court orders a trial home visit to run
    // to 2024-12-31 and the child goes home. The order was keyed first.
    let keyed = vec![
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "PL-1"),
        extended(d(2024, 3, 1), d(2024, 12, 31)),
        visit(d(2024, 3, 1), "PL-V"),
    ];
    let natural = vec![
        keyed[0].clone(),
        keyed[1].clone(),
        keyed[3].clone(),
        keyed[2].clone(),
    ];
    same_case_either_order(keyed.clone(), natural, child(), d(2024, 11, 1));
    // Without the order a visit of 2024-03-01 outlives its six months on 2024-09-01; with it
    // the child may come back on 2024-11-01 and the episode goes on.
    let mut case = Case::replay(child(), all_families(), keyed, &FEDERAL).unwrap();
    accept(&mut case, visit_ended(d(2024, 11, 1), "PL-2"), &FEDERAL);
    assert_eq!(case.episodes().len(), 1);
    assert!(case.episodes()[0].exit().is_none());
}

#[test]
fn a_visit_extension_on_the_day_the_visit_ended_is_accepted_in_either_order() {
    // A visit from 2024-03-01; on 2024-06-03 the court extends it to 2024-12-31 and, that
    // afternoon, the child comes back into foster care. Both orders of keying are the same day.
    let base = vec![
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "PL-1"),
        visit(d(2024, 3, 1), "PL-V"),
    ];
    let ext = extended(d(2024, 6, 3), d(2024, 12, 31));
    let back = visit_ended(d(2024, 6, 3), "PL-2");
    let mut keyed = base.clone();
    keyed.extend([back.clone(), ext.clone()]);
    let mut natural = base;
    natural.extend([ext, back]);
    same_case_either_order(keyed, natural, child(), d(2024, 8, 1));
}

#[test]
fn an_order_after_a_visit_ended_governs_the_next_visit_not_the_ended_one() {
    // The visit of 2024-03-01 ended on 2024-06-03; an order of 2024-06-04 has no visit under
    // way to extend. In foster care the court may set the period of the next visit, so it is
    // accepted and the ended visit stays ended, on 2024-06-03.
    let mut case = Case::replay(
        child(),
        all_families(),
        vec![
            removal(d(2024, 1, 10)),
            foster(d(2024, 1, 10), "PL-1"),
            visit(d(2024, 3, 1), "PL-V"),
            visit_ended(d(2024, 6, 3), "PL-2"),
        ],
        &FEDERAL,
    )
    .unwrap();
    accept(&mut case, extended(d(2024, 6, 4), d(2025, 6, 30)), &FEDERAL);
    // The next visit begins 2024-07-01: its own six months end 2025-01-01 (2024-07-01 + 6
    // months), but the order authorizes it through 2025-06-30, so a return on 2025-05-01 is
    // a return from the visit, not a new removal.
    accept(&mut case, visit(d(2024, 7, 1), "PL-V2"), &FEDERAL);
    accept(&mut case, visit_ended(d(2025, 5, 1), "PL-3"), &FEDERAL);
    assert_eq!(case.episodes().len(), 1);
    assert!(case.episodes()[0].exit().is_none());
}

#[test]
fn an_order_made_in_foster_care_days_before_the_visit_sets_its_period() {
    // Removed 2023-01-10 into foster care; at the hearing of 2024-01-10 the court authorizes a
    // trial home visit through 2024-12-31; the child goes home on 2024-01-15.
    let base = vec![
        removal(d(2023, 1, 10)),
        foster(d(2023, 1, 10), "PL-1"),
        extended(d(2024, 1, 10), d(2024, 12, 31)),
        visit(d(2024, 1, 15), "PL-2"),
    ];
    let mut case = Case::replay(child(), all_families(), base.clone(), &FEDERAL).unwrap();
    // Back in care on 2024-11-01, within the court's period: the episode goes on.
    accept(&mut case, visit_ended(d(2024, 11, 1), "PL-3"), &FEDERAL);
    assert_eq!(case.episodes().len(), 1);
    assert!(case.episodes()[0].exit().is_none());
    // The limit is the day after the order's last day, 2025-01-01, met on 2024-11-01.
    let obs = case.obligations(d(2024, 12, 1), &FEDERAL);
    let o = obs
        .iter()
        .find(|o| o.kind() == ObligationKind::TrialHomeVisitLimit)
        .unwrap();
    assert_eq!(
        (o.due(), o.status()),
        (d(2025, 1, 1), timeline::Status::Met(d(2024, 11, 1)))
    );

    // Without the order the visit's six months end on 2024-07-15 (2024-01-15 + 6 months): a
    // return on 2024-11-01 is refused as a return from a visit that outlived its limit.
    let mut without = base;
    without.remove(2);
    let mut case = Case::replay(child(), all_families(), without, &FEDERAL).unwrap();
    let r = refuse(&mut case, visit_ended(d(2024, 11, 1), "PL-3"), &FEDERAL);
    assert!(rules(&r).contains(&RuleId::VisitOutlivedLimit), "{r}");
}

#[test]
fn an_order_of_an_earlier_episode_does_not_reach_the_next_one() {
    // The court set a visit period through 2024-12-31 on 2024-02-01; the child went home for
    // good on 2024-03-01 (discharged, reunified) and came back into care on 2024-04-01. A visit
    // begun 2024-05-01 has its own six months, to 2024-11-01 (2024-05-01 + 6 months): a return
    // on 2024-12-01 is refused.
    let mut case = Case::replay(
        child(),
        all_families(),
        vec![
            removal(d(2024, 1, 10)),
            foster(d(2024, 1, 10), "PL-1"),
            extended(d(2024, 2, 1), d(2024, 12, 31)),
            discharge(d(2024, 3, 1), ExitReason::Reunified),
            removal(d(2024, 4, 1)),
            foster(d(2024, 4, 1), "PL-4"),
            visit(d(2024, 5, 1), "PL-V"),
        ],
        &FEDERAL,
    )
    .unwrap();
    let r = refuse(&mut case, visit_ended(d(2024, 12, 1), "PL-5"), &FEDERAL);
    assert!(rules(&r).contains(&RuleId::VisitOutlivedLimit), "{r}");
}

#[test]
fn an_extension_outside_foster_care_is_refused() {
    // Discharged home on 2024-03-01: no visit under way and no foster care awaiting one.
    let mut case = Case::replay(
        child(),
        all_families(),
        vec![
            removal(d(2024, 1, 10)),
            foster(d(2024, 1, 10), "PL-1"),
            discharge(d(2024, 3, 1), ExitReason::Reunified),
        ],
        &FEDERAL,
    )
    .unwrap();
    let r = refuse(
        &mut case,
        extended(d(2024, 4, 1), d(2024, 12, 31)),
        &FEDERAL,
    );
    assert!(
        message(&r, 0).contains("needs a trial home visit under way"),
        "{r}"
    );
    assert_eq!(rules(&r), [RuleId::VisitExtension]);
}

#[test]
fn an_icwa_good_cause_finding_keyed_before_the_placement_of_its_day_follows_it() {
    // Removed 2024-03-01 and placed in PL-1 that day; the court found good cause to depart
    // from the placement preferences for PL-1 the same day, keyed first.
    let keyed = vec![
        removal(d(2024, 3, 1)),
        ev(
            d(2024, 3, 1),
            EventData::IcwaGoodCause {
                placement: plid("PL-1"),
            },
        ),
        foster(d(2024, 3, 1), "PL-1"),
    ];
    let natural = vec![keyed[0].clone(), keyed[2].clone(), keyed[1].clone()];
    same_case_either_order(keyed, natural, child(), d(2024, 5, 1));
}

#[test]
fn a_qrtp_long_stay_approval_of_the_day_of_a_move_to_an_adoptive_home_is_accepted() {
    // In the QRTP PL-Q from 2024-03-01; on 2024-09-02 the long stay is approved and the child
    // is placed for adoption. The approval (rank 4) follows the move (rank 3) either way.
    let base = vec![removal(d(2024, 3, 1)), qrtp(d(2024, 3, 1), "PL-Q")];
    let approval = ev(
        d(2024, 9, 2),
        EventData::QrtpLongStayApproved {
            placement: plid("PL-Q"),
        },
    );
    let move_ = placed_for_adoption(d(2024, 9, 2), "PL-A", Setting::PreAdoptiveHome, "F-ADOPT");
    let mut keyed = base.clone();
    keyed.extend([approval.clone(), move_.clone()]);
    let mut natural = base;
    natural.extend([move_, approval]);
    same_case_either_order(keyed, natural, child(), d(2024, 10, 1));
}

#[test]
fn a_refused_exit_does_not_move_the_days_later_entries_to_a_next_segment() {
    // 2023-11-01, before any removal: the father's rights are terminated in an earlier
    // proceeding; an adoption decree keyed by mistake (no adoption in intake: refused); and the
    // agency opens in-home services. A lenient load reads a day's segments in the order of entry
    // before it checks anything: the refused decree must not make the opening a "next segment"
    // after an exit that never was. The case is the strict replay of what was kept.
    let history = vec![
        tpr(d(2023, 11, 1), "P-FATHER"),
        ev(d(2023, 11, 1), EventData::AdoptionFinalized),
        ev(
            d(2023, 11, 1),
            EventData::OpenPreservation(Candidacy::FosterCareCandidate),
        ),
    ];
    let report = Case::replay_lenient(child(), all_families(), history.clone(), &FEDERAL).unwrap();
    let refused: Vec<usize> = report.refused.iter().map(|r| r.index).collect();
    assert_eq!(refused, [1]);
    let kept = vec![history[0].clone(), history[2].clone()];
    let strict = Case::replay(child(), all_families(), kept, &FEDERAL).unwrap();
    // The opening (rank 1) goes before the termination (rank 3) of its day.
    assert_eq!(
        kinds(&report.case),
        [
            EventKind::OpenPreservation,
            EventKind::ParentalRightsTerminated
        ]
    );
    assert_eq!(kinds(&report.case), kinds(&strict));
    assert_eq!(report.case.stage(), strict.stage());
}

#[test]
fn a_termination_before_any_removal_is_recorded_at_its_date() {
    // The father's rights were terminated on 2023-11-01 in an earlier proceeding; the child is
    // removed on 2024-01-10. Keyed in order, keyed late, or replayed: the same case, the
    // father's rights ended on 2023-11-01, the mother's intact.
    let in_order = vec![
        tpr(d(2023, 11, 1), "P-FATHER"),
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
    ];
    let a = Case::replay(child(), all_families(), in_order.clone(), &FEDERAL).unwrap();
    let mut b = Case::new(child(), all_families()).unwrap();
    for e in [
        in_order[1].clone(),
        in_order[2].clone(),
        in_order[0].clone(),
    ] {
        accept(&mut b, e, &FEDERAL);
    }
    assert_eq!(kinds(&a), kinds(&b));
    assert_eq!(
        a.parental_rights(&pid("P-FATHER")),
        ParentalRights::Terminated(d(2023, 11, 1))
    );
    assert_eq!(a.parental_rights(&pid("P-MOTHER")), ParentalRights::Intact);
    assert_eq!(a.stage(), Stage::FosterCare);
}

#[test]
fn findings_keyed_before_the_days_placement_fold_as_read_and_stay_correctable() {
    // 2024-03-02: removal, the contrary-to-the-welfare finding (keyed before the placement, as
    // a legacy export does), the placement; on 2024-04-01 a prevention-efforts finding with an
    // entry id, keyed before the review of its day, then voided on 2024-04-02. Read in that
    // order, it is the case of the sorted history, and the void finds its entry.
    let keyed = vec![
        removal(d(2024, 3, 2)),
        ctw(d(2024, 3, 2)),
        foster(d(2024, 3, 2), "P-1"),
        prevention(d(2024, 4, 1), PreventionEfforts::Made).with_entry_id(eid("RE-1")),
        review(d(2024, 4, 1)),
        ev(
            d(2024, 4, 2),
            EventData::Voided(Correction::new(eid("RE-1"), note("keyed in error"))),
        ),
    ];
    let natural = vec![
        keyed[0].clone(),
        keyed[2].clone(),
        keyed[1].clone(),
        keyed[4].clone(),
        keyed[3].clone(),
        keyed[5].clone(),
    ];
    let a = Case::replay(child(), all_families(), keyed, &FEDERAL).unwrap();
    let b = Case::replay(child(), all_families(), natural, &FEDERAL).unwrap();
    assert_eq!(kinds(&a), kinds(&b));
    assert_eq!(
        kinds(&a),
        [
            EventKind::Removal,
            EventKind::PlacementBegun,
            EventKind::CourtFinding,
            EventKind::PeriodicReview
        ]
    );
    assert_eq!(
        a.obligations(d(2024, 6, 1), &FEDERAL),
        b.obligations(d(2024, 6, 1), &FEDERAL)
    );
}

/// Every order of `day` keyed after `base` (n! orders, by Heap's algorithm), each replayed
/// strictly: the cases, or the first order refused with its error.
fn every_order(base: &[Event], day: &[Event]) -> Vec<(Vec<usize>, Case)> {
    fn heap(k: usize, order: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if k <= 1 {
            out.push(order.clone());
            return;
        }
        for i in 0..k {
            heap(k - 1, order, out);
            let j = if k.is_multiple_of(2) { i } else { 0 };
            order.swap(j, k - 1);
        }
    }
    let mut orders = Vec::new();
    heap(day.len(), &mut (0..day.len()).collect(), &mut orders);
    orders
        .into_iter()
        .map(|order| {
            let mut keyed = base.to_vec();
            keyed.extend(order.iter().map(|&i| day[i].clone()));
            let case = Case::replay(child(), all_families(), keyed, &FEDERAL)
                .unwrap_or_else(|e| panic!("order {order:?} refused: {e}"));
            (order, case)
        })
        .collect()
}

#[test]
fn a_day_that_ends_one_stretch_and_begins_another_loads_in_every_order() {
    let opened = |on| ev(on, EventData::OpenPreservation(Candidacy::NotCandidate));
    // In care from 2024-01-10; on 2024-06-03 the child goes home and aftercare opens. Keyed
    // open first, the opening can only follow the exit (in foster care there is no row for
    // it): both orders give the exit of 2024-06-03, then in-home services.
    let base = vec![removal(d(2024, 1, 10)), foster(d(2024, 1, 10), "P-1")];
    let day = [
        discharge(d(2024, 6, 3), ExitReason::Reunified),
        opened(d(2024, 6, 3)),
    ];
    let cases = every_order(&base, &day);
    assert_eq!(cases.len(), 2);
    for (order, case) in &cases {
        assert_eq!(case.stage(), Stage::Preservation, "{order:?}");
        assert_eq!(
            case.episodes()[0].exit(),
            Some(EpisodeExit::new(d(2024, 6, 3), ExitReason::Reunified)),
            "{order:?}"
        );
    }

    // In-home services from 2024-01-01, closed on 2024-06-01 when the child is removed and
    // placed that day. A removal from in-home services is lawful, but the close cannot follow
    // it (a case in foster care is not closed): the day is the close, then the removal and its
    // placement, in each of the 3! = 6 orders. One episode, from 2024-06-01, in P-1.
    let base = vec![opened(d(2024, 1, 1))];
    let day = [
        ev(d(2024, 6, 1), EventData::Close),
        removal(d(2024, 6, 1)),
        foster(d(2024, 6, 1), "P-1"),
    ];
    let cases = every_order(&base, &day);
    assert_eq!(cases.len(), 6);
    for (order, case) in &cases {
        assert_eq!(case.stage(), Stage::FosterCare, "{order:?}");
        assert_eq!(case.episodes().len(), 1, "{order:?}");
        assert_eq!(case.episodes()[0].removal_date(), d(2024, 6, 1));
        assert_eq!(case.placements().len(), 1, "{order:?}");
        assert_eq!(case.events(), cases[0].1.events(), "{order:?}");
    }
    // Keyed late, after a later day, the same.
    let mut late = base.clone();
    late.push(review(d(2024, 6, 20)));
    late.extend([day[1].clone(), day[2].clone(), day[0].clone()]);
    let case = Case::replay(child(), all_families(), late, &FEDERAL).unwrap();
    assert_eq!(case.episodes().len(), 1);
    assert_eq!(case.stage(), Stage::FosterCare);

    // A closed case reopened the day it closed, keyed reopen first: closed, then reopened.
    let day = [
        ev(d(2024, 6, 1), EventData::Close),
        ev(d(2024, 6, 1), EventData::Reopen),
    ];
    for (order, case) in every_order(&[opened(d(2024, 1, 1))], &day) {
        assert_eq!(case.stage(), Stage::Preservation, "{order:?}");
        assert_eq!(case.events().len(), 3, "{order:?}");
    }
}

/// The placement ids of a case, in the order they began.
fn placement_ids(case: &Case) -> Vec<String> {
    case.placements()
        .iter()
        .map(|p| p.id().to_string())
        .collect()
}

/// `base` then `day` entered one event at a time with [`Case::apply`], each accepted.
fn applied_in_order(base: &[Event], day: &[Event], order: &[usize]) -> Case {
    let mut case = Case::new(child(), all_families()).unwrap();
    for e in base.iter().chain(order.iter().map(|&i| &day[i])) {
        case.apply(e.clone(), &FEDERAL)
            .unwrap_or_else(|r| panic!("order {order:?}: {} refused: {r}", e.kind()));
    }
    case
}

#[test]
fn a_day_of_moves_loads_in_the_order_they_can_have_happened() {
    // In care from 2024-01-10 in P-1. On 2024-03-05 the child moves to P-2 and runs away
    // from it that evening. Keyed run first, the move cannot follow (a move needs an open
    // home, not runaway status): both orders give P-1, P-2, then the runaway R-1.
    let base = vec![removal(d(2024, 1, 10)), foster(d(2024, 1, 10), "P-1")];
    let day = [
        to_foster(d(2024, 3, 5), "P-2"),
        ran_away(d(2024, 3, 5), "R-1"),
    ];
    let cases = every_order(&base, &day);
    assert_eq!(cases.len(), 2);
    for (order, case) in &cases {
        assert_eq!(placement_ids(case), ["P-1", "P-2", "R-1"], "{order:?}");
        assert!(case.current_placement().unwrap().setting().is_runaway());
        // Entered one at a time, the same: the move keyed second is read before the run.
        let applied = applied_in_order(&base, &day, order);
        assert_eq!(placement_ids(&applied), ["P-1", "P-2", "R-1"], "{order:?}");
        assert_eq!(applied.events(), case.events(), "{order:?}");
    }

    // Runs away from P-1 and is found the same day, back to a foster home as P-2. Keyed
    // return first, it cannot come first (no runaway to return from): P-1, R-1, P-2.
    let day = [
        ran_away(d(2024, 3, 5), "R-1"),
        returned_to_foster(d(2024, 3, 5), "P-2"),
    ];
    for (order, case) in every_order(&base, &day) {
        assert_eq!(placement_ids(&case), ["P-1", "R-1", "P-2"], "{order:?}");
        assert!(!case.current_placement().unwrap().setting().is_runaway());
    }

    // On a trial home visit V-1 from 2024-02-01; on 2024-03-05 the visit ends (back to
    // P-2) and the child moves on to P-3 the same day. Keyed move first, the move cannot be
    // read during the visit (no move row in reunification): V-1 ends, then P-2, then P-3.
    let mut visiting = base.clone();
    visiting.push(visit(d(2024, 2, 1), "V-1"));
    let day = [
        visit_ended(d(2024, 3, 5), "P-2"),
        to_foster(d(2024, 3, 5), "P-3"),
    ];
    for (order, case) in every_order(&visiting, &day) {
        assert_eq!(case.stage(), Stage::FosterCare, "{order:?}");
        assert_eq!(
            placement_ids(&case),
            ["P-1", "V-1", "P-2", "P-3"],
            "{order:?}"
        );
    }

    // Three moves of one day, in each of the 3! = 6 orders: every order loads, with all
    // four placements, ending off runaway status (the return, or the move after it).
    let day = [
        to_foster(d(2024, 3, 5), "P-2"),
        ran_away(d(2024, 3, 5), "R-1"),
        returned_to_foster(d(2024, 3, 5), "P-3"),
    ];
    let cases = every_order(&base, &day);
    assert_eq!(cases.len(), 6);
    for (order, case) in &cases {
        let mut ids = placement_ids(case);
        ids.sort();
        assert_eq!(ids, ["P-1", "P-2", "P-3", "R-1"], "{order:?}");
        assert!(!case.current_placement().unwrap().setting().is_runaway());
    }
    // Entered one at a time, each entry must be possible with what is in already: a run
    // keyed before the move it followed is, and the move then goes before it.
    let applied = applied_in_order(&base, &day, &[1, 0, 2]);
    assert_eq!(placement_ids(&applied), ["P-1", "P-2", "R-1", "P-3"]);
    // Run, return, move is a true order as keyed: kept.
    let applied = applied_in_order(&base, &day, &[1, 2, 0]);
    assert_eq!(placement_ids(&applied), ["P-1", "R-1", "P-3", "P-2"]);
}

#[test]
fn moves_that_cannot_have_happened_in_any_order_are_still_refused() {
    // Two runaways the same day with no return between: no order can be true, and the
    // second is refused as keyed, naming the rule; the case keeps the first.
    let mut case = Case::new(child(), all_families()).unwrap();
    for e in [
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        ran_away(d(2024, 3, 5), "R-1"),
    ] {
        case.apply(e, &FEDERAL).unwrap();
    }
    let before = case.events().to_vec();
    let refused = case
        .apply(ran_away(d(2024, 3, 5), "R-2"), &FEDERAL)
        .unwrap_err();
    assert!(
        refused
            .violations()
            .iter()
            .any(|v| v.rule() == RuleId::PlacementEventMismatch),
        "{refused}"
    );
    assert_eq!(case.events(), &before[..]);
    // A return from runaway on a day with a move and no runaway: refused in every order.
    let history = vec![
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        returned_to_foster(d(2024, 3, 5), "P-3"),
        to_foster(d(2024, 3, 5), "P-2"),
    ];
    assert!(Case::replay(child(), all_families(), history, &FEDERAL).is_err());
}

#[test]
fn a_stay_begun_and_ended_the_day_a_preservation_case_closes_reads_as_keyed() {
    // In-home services from 2030-03-15. On 2030-11-22 the child is removed, discharged that
    // day to relatives, and the services closed: one stay that began and ended the day, then
    // the close. Keyed removal first, the day reads as keyed (removal, exit, close), whatever
    // the order of the exit and the close, and is not read as a close before a removal.
    let opened = ev(
        d(2030, 3, 15),
        EventData::OpenPreservation(Candidacy::NotCandidate),
    );
    let removed = removal(d(2030, 11, 22));
    let exit = discharge(d(2030, 11, 22), ExitReason::LivingWithOtherRelatives);
    let close = ev(d(2030, 11, 22), EventData::Close);
    // Keyed exit first (a legacy export sorted by date and action name lists "discharge"
    // before "removal"), the exit has no stay to end but the one the removal begins: the
    // same day. Only keyed close first, then the removal, is it a removal after the close.
    for day in [
        [removed.clone(), exit.clone(), close.clone()],
        [removed.clone(), close.clone(), exit.clone()],
        [exit.clone(), removed.clone(), close.clone()],
        [exit.clone(), close.clone(), removed.clone()],
        [close.clone(), exit.clone(), removed.clone()],
    ] {
        let mut history = vec![opened.clone()];
        history.extend(day);
        let case = Case::replay(child(), all_families(), history, &FEDERAL).unwrap();
        assert_eq!(
            kinds(&case),
            [
                EventKind::OpenPreservation,
                EventKind::Removal,
                EventKind::Discharge,
                EventKind::Close
            ]
        );
        assert_eq!(case.episodes().len(), 1);
        assert_eq!(
            case.episodes()[0].exit(),
            Some(EpisodeExit::new(
                d(2030, 11, 22),
                ExitReason::LivingWithOtherRelatives
            ))
        );
        assert!(matches!(case.stage(), Stage::Closed(_)));
    }
    // Entered one at a time in the order it happened, the same (a close entered while the
    // child is in care cannot be taken: key it after the exit).
    let mut applied = Case::new(child(), all_families()).unwrap();
    for e in [opened, removed, exit, close] {
        applied.apply(e, &FEDERAL).unwrap();
    }
    assert_eq!(applied.episodes().len(), 1);
    assert!(matches!(applied.stage(), Stage::Closed(_)));
}

#[test]
fn entries_only_possible_together_go_in_as_one_batch() {
    // In F-FOSTER (P-1) from 2024-01-10, moved to P-2 on 2024-03-01. Keyed late: the child ran
    // away on 2024-02-01 (R-1) and came back to F-FOSTER on 2024-02-10 (P-3). One at a time,
    // neither can go first: the runaway alone leaves the move of 2024-03-01 made from runaway
    // status, and the return alone has no runaway to end. As one batch, both go in.
    let mut case = in_care();
    accept(&mut case, to_foster(d(2024, 3, 1), "P-2"), &FEDERAL);
    let late = [
        ran_away(d(2024, 2, 1), "R-1"),
        returned_to_foster(d(2024, 2, 10), "P-3"),
    ];
    let before = case.clone();
    let r = case.apply(late[0].clone(), &FEDERAL).unwrap_err();
    assert_eq!(rules(&r), [RuleId::LaterEventRefused]);
    case.apply_all(late.clone(), &FEDERAL).unwrap();
    let ids: Vec<String> = case
        .placements()
        .iter()
        .map(|p| p.id().to_string())
        .collect();
    assert_eq!(ids, ["P-1", "R-1", "P-3", "P-2"]);
    // The runaway is not a move (CWPM 1.2B.7): P-1 → P-3 (F-FOSTER again) → P-2.
    assert_eq!(case.entries().len(), before.entries().len() + 2);
    // The same as replaying every entry.
    let replayed = Case::replay(
        child(),
        case.opening_families().to_vec(),
        case.entries().into_iter().cloned(),
        &FEDERAL,
    )
    .unwrap();
    assert_eq!(replayed.events(), case.events());

    // A batch refused leaves the case as it was: the return alone names its own entry (0);
    // the runaway alone leaves an entry already in the case refused (none of the batch).
    let mut case = before.clone();
    let refused = case.apply_all([late[1].clone()], &FEDERAL).unwrap_err();
    assert_eq!(refused.entry, Some(0));
    assert_eq!(refused.rejection.kind(), EventKind::ReturnedFromRunaway);
    let refused = case.apply_all([late[0].clone()], &FEDERAL).unwrap_err();
    assert_eq!(refused.entry, None);
    assert_eq!(refused.rejection.kind(), EventKind::PlacementChanged);
    assert_eq!(case.events(), before.events());
    assert_eq!(case.entries().len(), before.entries().len());
}

#[test]
fn a_day_of_twenty_thousand_events_with_its_moves_out_of_order_neither_overflows_nor_hangs() {
    // In P-1 from 2024-01-10. On 2024-03-05: 20,000 caseworker visits, and a run keyed before
    // the move it followed. The search for an order of the day's moves is bounded (its steps,
    // not the day's length, and no recursion per event): past its bound the day is read as
    // keyed, and the move after the run is refused as keyed — a clear error, no overflow.
    let mut history = vec![removal(d(2024, 1, 10)), foster(d(2024, 1, 10), "P-1")];
    history.push(ran_away(d(2024, 3, 5), "R-1"));
    history.extend((0..20_000).map(|_| {
        ev(
            d(2024, 3, 5),
            EventData::CaseworkerVisited { in_residence: true },
        )
    }));
    history.push(to_foster(d(2024, 3, 5), "P-2"));
    let refused = Case::replay(child(), all_families(), history, &FEDERAL).unwrap_err();
    let ReplayError::Refused { index, rejection } = refused else {
        panic!("expected a refusal, found {refused}");
    };
    assert_eq!(index, 20_003);
    assert_eq!(rules(&rejection), [RuleId::PlacementEventMismatch]);
    // With a few visits the same day reads in the order it can have happened in.
    let mut history = vec![removal(d(2024, 1, 10)), foster(d(2024, 1, 10), "P-1")];
    history.push(ran_away(d(2024, 3, 5), "R-1"));
    history.extend((0..3).map(|_| {
        ev(
            d(2024, 3, 5),
            EventData::CaseworkerVisited { in_residence: true },
        )
    }));
    history.push(to_foster(d(2024, 3, 5), "P-2"));
    let case = Case::replay(child(), all_families(), history, &FEDERAL).unwrap();
    assert!(case.current_placement().unwrap().setting().is_runaway());
}

#[test]
fn a_batch_rejection_goes_on_the_wire_with_its_entry() {
    // The return from a runaway alone, in a case with no runaway: entry 0 of the batch.
    let mut case = in_care();
    let refused = case
        .apply_all([returned_to_foster(d(2024, 2, 10), "P-3")], &FEDERAL)
        .unwrap_err();
    let wire = serde_json::to_value(&refused).unwrap();
    assert_eq!(wire["entry"], 0);
    assert_eq!(wire["rejection"]["kind"], "returned_from_runaway");
    assert_eq!(
        refused.to_string(),
        format!("entry 0 of the batch refused: {}", refused.rejection)
    );
}

#[test]
fn an_event_entered_late_reads_a_day_of_moves_as_the_sorted_history_does() {
    // In P-1 from 2024-01-10. On 2024-03-05 three moves keyed: a return from runaway (to
    // P-3), a trial home visit (V-1), a run from the visit (R-1). Without the runaway of
    // 2024-02-01 (R-0) the return cannot come first, and the day reads visit, run, return. With
    // it — keyed late, after the day — the day can be true as keyed: back from R-0 to P-3, home
    // on the visit, ran from it. Entered late with `Case::apply`, the case must be the one the
    // whole history replayed gives: the day is read from its own order and the facts before
    // it, not from the order an earlier reading chose.
    let rest = vec![
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        returned_to_foster(d(2024, 3, 5), "P-3"),
        visit(d(2024, 3, 5), "V-1"),
        ran_away(d(2024, 3, 5), "R-1"),
        review(d(2024, 4, 1)),
    ];
    let late = ran_away(d(2024, 2, 1), "R-0");
    let mut case = Case::replay(child(), all_families(), rest.clone(), &FEDERAL).unwrap();
    // Without R-0: visit, run, return.
    assert_eq!(placement_ids(&case), ["P-1", "V-1", "R-1", "P-3"]);
    case.apply(late.clone(), &FEDERAL).unwrap();
    let mut entered = rest;
    entered.push(late);
    let sorted = Case::replay(child(), all_families(), entered, &FEDERAL).unwrap();
    // With it: run (R-0), back (P-3), visit, run from it.
    assert_eq!(placement_ids(&sorted), ["P-1", "R-0", "P-3", "V-1", "R-1"]);
    assert_eq!(case.events(), sorted.events());
    assert_eq!(case.placements(), sorted.placements());
}
