//! Scenario tests for educational stability (`src/timeline/supports.rs`, `Case::schools`,
//! `Case::school_changes`): the school considered for each placement (SSA §475(1)(G)(i)); a
//! placement change that keeps the school, and one that moves it with and without the
//! documented best-interest reason and the records (SSA §475(1)(G)(ii)(II), §475(4)(A)).
//!
//! Sam (`child()`, 7 in 2024) attends S-ORIGIN from 2023-09-05; removed 2024-01-10 into P-1;
//! moved 2024-03-01 to P-2 (same school); moved 2024-06-01 to P-3 and enrolled at S-NEW on
//! 2024-06-03.

mod common;

use common::*;
use permanency::supports::{Enrollment, SchoolId, SchoolStay};
use permanency::timeline::{ObligationKind as K, Status};
use permanency::*;

fn school(id: &str) -> SchoolId {
    SchoolId::new(id).unwrap()
}

fn enrolled(on: chrono::NaiveDate, en: Enrollment) -> Event {
    ev(on, EventData::SchoolEnrolled(en))
}

fn considered(on: chrono::NaiveDate, id: &str) -> Event {
    ev(
        on,
        EventData::SchoolStabilityConsidered {
            placement: plid(id),
        },
    )
}

fn history(new_school: Enrollment) -> Vec<Event> {
    vec![
        ev(
            d(2023, 9, 1),
            EventData::OpenPreservation(Candidacy::NotCandidate),
        ),
        enrolled(
            d(2023, 9, 5),
            Enrollment::new(school("S-ORIGIN")).with_records(),
        ),
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        considered(d(2024, 1, 10), "P-1"),
        to_foster(d(2024, 3, 1), "P-2"),
        considered(d(2024, 3, 4), "P-2"),
        to_foster(d(2024, 6, 1), "P-3"),
        enrolled(d(2024, 6, 3), new_school),
    ]
}

#[test]
fn each_placement_considers_the_school_and_a_move_that_changes_it_is_documented() {
    let reason = Note::new("the commute from P-3 is 90 minutes each way").unwrap();
    let case = case_of(history(
        Enrollment::new(school("S-NEW"))
            .with_records()
            .because(reason),
    ));
    let obs = case.obligations(d(2024, 7, 1), &FEDERAL);
    let per_placement = all(&obs, K::SchoolStabilityConsidered);
    assert_eq!(per_placement.len(), 3);
    // P-1: considered the day it began.
    expect(
        per_placement[0],
        RuleId::SchoolStabilityConsidered,
        d(2024, 1, 10),
        d(2024, 1, 10),
        Status::Met(d(2024, 1, 10)),
        None,
    );
    assert_eq!(per_placement[0].subject(), Some(&placement("P-1")));
    // P-2: three days after the move.
    assert_eq!(per_placement[1].status(), Status::MetLate(d(2024, 3, 4)));
    // P-3: never.
    assert_eq!(per_placement[2].status(), Status::Overdue);
    assert_eq!(per_placement[2].subject(), Some(&placement("P-3")));

    // The move to P-2 kept the school: one change only, the move to P-3.
    expect(
        one(&obs, K::SchoolChangeReason),
        RuleId::SchoolChangeReason,
        d(2024, 6, 3),
        d(2024, 6, 3),
        Status::Met(d(2024, 6, 3)),
        None,
    );
    // Immediate enrollment counts from the move (2024-06-01): enrolled two days later.
    expect(
        one(&obs, K::SchoolEnrollment),
        RuleId::SchoolEnrollment,
        d(2024, 6, 1),
        d(2024, 6, 1),
        Status::MetLate(d(2024, 6, 3)),
        None,
    );

    assert_eq!(case.school_changes(), vec![1]);
    assert_eq!(
        case.schools(),
        vec![
            SchoolStay {
                school: school("S-ORIGIN"),
                from: d(2023, 9, 5),
                until: Some(d(2024, 6, 3)),
            },
            SchoolStay {
                school: school("S-NEW"),
                from: d(2024, 6, 3),
                until: None,
            },
        ]
    );
    // The reason is a case note: not in Debug.
    assert!(!format!("{case:?}").contains("commute"));
}

#[test]
fn a_school_change_without_the_reason_or_the_records_is_accepted_and_flagged() {
    let case = case_of(history(Enrollment::new(school("S-NEW"))));
    let obs = case.obligations(d(2024, 7, 1), &FEDERAL);
    expect(
        one(&obs, K::SchoolChangeReason),
        RuleId::SchoolChangeReason,
        d(2024, 6, 3),
        d(2024, 6, 3),
        Status::Overdue,
        None,
    );
    expect(
        one(&obs, K::SchoolEnrollment),
        RuleId::SchoolEnrollment,
        d(2024, 6, 1),
        d(2024, 6, 1),
        Status::Overdue,
        None,
    );
}

#[test]
fn an_enrollment_in_the_same_school_or_before_the_removal_is_no_change() {
    let mut events = history(Enrollment::new(school("S-ORIGIN")).with_records());
    // A change of school during the in-home case, before the removal: not a change in care.
    events.insert(
        2,
        enrolled(d(2023, 11, 1), Enrollment::new(school("S-OTHER"))),
    );
    let case = case_of(events);
    // S-ORIGIN (2023-09-05) → S-OTHER (2023-11-01, before the removal) → S-ORIGIN (2024-06-03,
    // in care: a change back).
    assert_eq!(case.school_changes(), vec![1]);
    assert_eq!(case.schools().len(), 3);
    let case = case_of(vec![
        ev(
            d(2023, 9, 1),
            EventData::OpenPreservation(Candidacy::NotCandidate),
        ),
        enrolled(d(2023, 9, 5), Enrollment::new(school("S-ORIGIN"))),
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        enrolled(d(2024, 1, 11), Enrollment::new(school("S-ORIGIN"))),
    ]);
    assert_eq!(case.school_changes(), vec![0]);
    none_of(
        &case.obligations(d(2024, 7, 1), &FEDERAL),
        K::SchoolChangeReason,
    );
}
