//! Scenario tests for the transition to adulthood (`src/timeline/supports.rs`): the qualifying
//! condition of a youth of 18 or older in extended care, month by month (SSA §475(8)(B)(iv)); the
//! documents owed on leaving care at 18 (SSA §475(5)(I)); the yearly credit report from 14.
//!
//! The youth is `teen()`, born 2007-09-30: 14 on 2021-09-30, 18 on 2025-09-30, 19 on 2026-09-30.

mod common;

use common::*;
use permanency::policy::OverlongVisitExit;
use permanency::supports::{QualifyingCondition, YouthCondition};
use permanency::timeline::{Consequence, ObligationKind as K, Status};
use permanency::*;

fn extended() -> Policy {
    FEDERAL.with_extended_care_age(Some(21)).unwrap()
}

/// Removed 2024-01-01 and placed in foster home P-1 the same day.
fn in_care(more: Vec<Event>, policy: &Policy) -> Case {
    let mut events = vec![removal(d(2024, 1, 1)), foster(d(2024, 1, 1), "P-1")];
    events.extend(more);
    build(teen(), policy, events)
}

#[test]
fn a_nineteen_year_old_in_extended_care_with_and_without_a_qualifying_condition() {
    let policy = extended();
    // Working 80 hours a month from 2026-10-05 through 2026-11-30.
    let case = in_care(
        vec![ev(
            d(2026, 10, 5),
            EventData::ExtendedCareCondition(
                YouthCondition::new(QualifyingCondition::Working80Hours).ending(d(2026, 11, 30)),
            ),
        )],
        &policy,
    );
    let obs = case.obligations(d(2027, 1, 15), &policy);
    let months = all(&obs, K::ExtendedCareCondition);
    // From the first month that begins after the 18th birthday (2025-10) through the month of
    // the date asked (2027-01): 3 months of 2025, 12 of 2026, 1 of 2027 = 16.
    assert_eq!(months.len(), 16);
    let month = |first: chrono::NaiveDate| {
        *months
            .iter()
            .find(|o| o.counts_from() == first)
            .expect("the month")
    };
    // 2026-10: covered from the 5th; due on the month's last day.
    expect(
        month(d(2026, 10, 1)),
        RuleId::ExtendedCareCondition,
        d(2026, 10, 1),
        d(2026, 10, 31),
        Status::Met(d(2026, 10, 5)),
        None,
    );
    // 2026-11: covered from its first day.
    assert_eq!(month(d(2026, 11, 1)).status(), Status::Met(d(2026, 11, 1)));
    // 2026-12: no condition — not a title IV-E child that month.
    expect(
        month(d(2026, 12, 1)),
        RuleId::ExtendedCareCondition,
        d(2026, 12, 1),
        d(2026, 12, 31),
        Status::Overdue,
        Some(Consequence::IneligibleBetween {
            from: d(2026, 12, 1),
            until: Some(d(2027, 1, 1)),
        }),
    );
    // 2027-01 is still under way on 2027-01-15.
    assert_eq!(month(d(2027, 1, 1)).status(), Status::Upcoming);
    // The twelve months 2025-10 .. 2026-09 had none either: 12 + 2026-12 = 13 overdue.
    let overdue = months
        .iter()
        .filter(|o| o.status() == Status::Overdue)
        .count();
    assert_eq!(overdue, 13);
    assert!(K::ExtendedCareCondition.follows_birthdays());

    // A state that does not extend care: the months past 18 are the care-end clock's, not this.
    let case = in_care(vec![], &FEDERAL);
    none_of(
        &case.obligations(d(2027, 1, 15), &FEDERAL),
        K::ExtendedCareCondition,
    );
}

#[test]
fn the_months_of_a_trial_home_visit_that_outlives_its_period_under_visit_start() {
    // In care from 2024-01-01; 18 on 2025-09-30, so the first month owed is 2025-10. Working
    // 80 hours a month from 2025-10-01, with no end: each month is met on its first day. Home on
    // a trial visit from 2026-01-10: six months, back by 2026-01-10 + 6 months = 2026-07-10.
    // Nothing is recorded after it.
    let case = |policy: &Policy| {
        in_care(
            vec![
                ev(
                    d(2025, 10, 1),
                    EventData::ExtendedCareCondition(YouthCondition::new(
                        QualifyingCondition::Working80Hours,
                    )),
                ),
                visit(d(2026, 1, 10), "V-1"),
            ],
            policy,
        )
    };
    let months = |policy: &Policy, on: chrono::NaiveDate| {
        let case = case(policy);
        let obs = case.obligations(on, policy);
        all(&obs, K::ExtendedCareCondition)
            .iter()
            .map(|o| (o.counts_from(), o.status()))
            .collect::<Vec<_>>()
    };
    let met = |y: i32, m: u32| (d(y, m, 1), Status::Met(d(y, m, 1)));
    let visit_start = extended().with_overlong_visit_exit(OverlongVisitExit::VisitStart);
    // On 2026-03-15 the visit is within its period, still in care: 2025-10 .. 2026-03, six
    // months, 2026-02 met on 2026-02-01.
    let within = [
        met(2025, 10),
        met(2025, 11),
        met(2025, 12),
        met(2026, 1),
        met(2026, 2),
        met(2026, 3),
    ];
    assert_eq!(months(&visit_start, d(2026, 3, 15)), within);
    // On 2026-09-01 it has outlived its period. Under `VisitStart` the episode ended on the
    // visit's first day, 2026-01-10 (in care through 2026-01-09): the months in care are
    // 2025-10 .. 2026-01, four; 2026-02, met while the visit was within its period, is not a
    // month in care (45 CFR 1356.21(e)), so it is no longer owed.
    assert_eq!(
        months(&visit_start, d(2026, 9, 1)),
        [met(2025, 10), met(2025, 11), met(2025, 12), met(2026, 1)]
    );
    // By default the episode ends on the first day beyond the limit, 2026-07-10 (in care
    // through 2026-07-09): 2025-10 .. 2026-07, ten months, 2026-02 among them.
    assert_eq!(months(&extended(), d(2026, 3, 15)), within);
    let ten: Vec<_> = [(2025, 10), (2025, 11), (2025, 12)]
        .into_iter()
        .chain((1..=7).map(|m| (2026, m)))
        .map(|(y, m)| met(y, m))
        .collect();
    assert_eq!(months(&extended(), d(2026, 9, 1)), ten);
}

#[test]
fn an_exit_at_18_with_and_without_the_documents() {
    // Emancipated on the 18th birthday, 2025-09-30, after 21 months in care.
    let exit = || discharge(d(2025, 9, 30), ExitReason::Emancipated);
    let docs = |on| ev(on, EventData::ExitDocumentsProvided);
    let case = in_care(vec![docs(d(2025, 9, 30)), exit()], &FEDERAL);
    expect(
        one(
            &case.obligations(d(2025, 10, 15), &FEDERAL),
            K::ExitDocuments,
        ),
        RuleId::ExitDocuments,
        d(2025, 9, 30),
        d(2025, 9, 30),
        Status::Met(d(2025, 9, 30)),
        None,
    );
    // Without them: overdue from the day after the exit.
    let case = in_care(vec![exit()], &FEDERAL);
    expect(
        one(
            &case.obligations(d(2025, 10, 15), &FEDERAL),
            K::ExitDocuments,
        ),
        RuleId::ExitDocuments,
        d(2025, 9, 30),
        d(2025, 9, 30),
        Status::Overdue,
        None,
    );
    // Provided after the exit: accepted, late.
    let case = in_care(vec![exit(), docs(d(2025, 10, 10))], &FEDERAL);
    assert_eq!(
        one(
            &case.obligations(d(2025, 10, 15), &FEDERAL),
            K::ExitDocuments
        )
        .status(),
        Status::MetLate(d(2025, 10, 10))
    );
    // In care under 6 months (removed 2025-05-01: 6 months is 2025-11-01): nothing owed.
    let case = build(
        teen(),
        &FEDERAL,
        vec![removal(d(2025, 5, 1)), foster(d(2025, 5, 1), "P-1"), exit()],
    );
    none_of(
        &case.obligations(d(2025, 10, 15), &FEDERAL),
        K::ExitDocuments,
    );
}

#[test]
fn the_credit_report_each_year_from_14() {
    let policy = extended();
    // In care from 2024-01-01, after the 14th birthday: the first report is due 2024-01-01 + 12
    // months = 2025-01-01. Obtained 2024-11-15: the next is due 2025-11-15.
    let case = in_care(
        vec![ev(d(2024, 11, 15), EventData::CreditReportObtained)],
        &policy,
    );
    let obs = case.obligations(d(2025, 12, 1), &policy);
    let reports = all(&obs, K::CreditReport);
    assert_eq!(reports.len(), 2);
    expect(
        reports[0],
        RuleId::CreditReport,
        d(2024, 1, 1),
        d(2025, 1, 1),
        Status::Met(d(2024, 11, 15)),
        None,
    );
    expect(
        reports[1],
        RuleId::CreditReport,
        d(2024, 11, 15),
        d(2025, 11, 15),
        Status::Overdue,
        None,
    );
    assert!(K::CreditReport.follows_birthdays());
}

#[test]
fn a_condition_cannot_end_before_it_begins() {
    let c = YouthCondition::new(QualifyingCondition::SecondaryEducation).ending(d(2026, 9, 1));
    assert!(matches!(
        Event::new(d(2026, 9, 2), EventData::ExtendedCareCondition(c)),
        Err(Error::DateOrder {
            field: "condition end",
            ..
        })
    ));
}
