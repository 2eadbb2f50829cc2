//! Scenario tests for individualized assessments (`supports::Assessment`): a QRTP placement
//! linked to its assessment, read by the QRTP clocks (SSA §475A(c)(1), §472(k)(3)); an
//! assessment naming a placement that is not a QRTP refused; the details kept out of `Debug`.
//!
//! The teen is removed 2024-01-01 and placed in QRTP Q-1 on 2024-01-10: the assessment is due
//! 2024-01-10 + 30 days = 2024-02-09.

mod common;

use common::*;
use permanency::supports::{Assessment, AssessmentKind};
use permanency::timeline::{Consequence, ObligationKind as K, Status};
use permanency::*;

fn assessment(on: chrono::NaiveDate, finding: QrtpAssessment, placement: &str) -> Event {
    ev(
        on,
        EventData::IndividualAssessment(
            Assessment::new(AssessmentKind::Qrtp, pid("P-QI"), finding)
                .for_placement(plid(placement)),
        ),
    )
}

fn in_qrtp(more: Vec<Event>) -> Case {
    let mut events = vec![removal(d(2024, 1, 1)), qrtp(d(2024, 1, 10), "Q-1")];
    events.extend(more);
    build(teen(), &FEDERAL, events)
}

#[test]
fn a_qrtp_placement_linked_to_its_assessment() {
    let case = in_qrtp(vec![assessment(
        d(2024, 2, 9),
        QrtpAssessment::Appropriate,
        "Q-1",
    )]);
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    let o = one(&obs, K::QrtpAssessment);
    expect(
        o,
        RuleId::QrtpAssessment,
        d(2024, 1, 10),
        d(2024, 2, 9),
        Status::Met(d(2024, 2, 9)),
        None,
    );
    assert_eq!(o.subject(), Some(&placement("Q-1")));

    // Found not appropriate: payment for the 30 days from 2024-02-09, through 2024-03-09; the
    // child must be out by 2024-03-10.
    let case = in_qrtp(vec![assessment(
        d(2024, 2, 9),
        QrtpAssessment::NotAppropriate,
        "Q-1",
    )]);
    expect(
        one(
            &case.obligations(d(2024, 4, 1), &FEDERAL),
            K::QrtpTransition,
        ),
        RuleId::QrtpTransition,
        d(2024, 2, 9),
        d(2024, 3, 10),
        Status::Overdue,
        Some(Consequence::NoPaymentFrom(d(2024, 3, 10))),
    );
}

#[test]
fn a_qrtp_assessment_names_a_qrtp_and_other_assessments_keep_their_details_private() {
    let mut case = build(
        teen(),
        &FEDERAL,
        vec![removal(d(2024, 1, 1)), foster(d(2024, 1, 1), "P-1")],
    );
    let r = refuse(
        &mut case,
        assessment(d(2024, 1, 20), QrtpAssessment::Appropriate, "P-1"),
        &FEDERAL,
    );
    assert_eq!(rules(&r), vec![RuleId::QrtpPlacement]);
    assert_eq!(
        message(&r, 0),
        "placement P-1 is a non_relative_foster_home, not a qrtp"
    );
    // A treatment-plan assessment for the foster placement: accepted, its details redacted.
    let plan = Assessment::new(
        AssessmentKind::TreatmentPlan,
        pid("P-CLINICIAN"),
        QrtpAssessment::Appropriate,
    )
    .for_placement(plid("P-1"))
    .with_details(Note::new("PTSD; weekly trauma-focused therapy").unwrap());
    accept(
        &mut case,
        ev(d(2024, 1, 20), EventData::IndividualAssessment(plan)),
        &FEDERAL,
    );
    assert!(!format!("{case:?}").contains("PTSD"));
}

#[test]
fn a_placement_reads_its_assessments_back() {
    // Q-1 (from 2024-01-10) assessed on 2024-02-09 and again on 2024-05-01; the placement P-9
    // that does not exist has none.
    let case = in_qrtp(vec![
        assessment(d(2024, 2, 9), QrtpAssessment::Appropriate, "Q-1"),
        assessment(d(2024, 5, 1), QrtpAssessment::NotAppropriate, "Q-1"),
    ]);
    let found = case.placement_assessments(&plid("Q-1"));
    let dates: Vec<chrono::NaiveDate> = found.iter().map(|(on, _)| *on).collect();
    assert_eq!(dates, [d(2024, 2, 9), d(2024, 5, 1)]);
    assert_eq!(found[1].1.finding(), QrtpAssessment::NotAppropriate);
    assert!(case.placement_assessments(&plid("P-9")).is_empty());
}
