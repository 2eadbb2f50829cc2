//! Scenario tests for the preservation case's outcome (`Case::preservation_outcomes`): entered
//! foster care when a removal ended the period; on a closure, lives with kin when the period's
//! latest prevention plan names a kin strategy, otherwise remained home.

mod common;

use common::*;
use permanency::supports::{
    PlanFor, PreservationOutcome, PreservationPeriod, PreventionPlan, PreventionStrategy,
    ServiceKind,
};
use permanency::*;

fn open(on: chrono::NaiveDate) -> Event {
    ev(
        on,
        EventData::OpenPreservation(Candidacy::FosterCareCandidate),
    )
}

fn plan(on: chrono::NaiveDate, strategy: PreventionStrategy) -> Event {
    ev(
        on,
        EventData::PreventionPlanRecorded(PreventionPlan::new(
            PlanFor::Candidate,
            strategy,
            [ServiceKind::InHomeParentSkills],
        )),
    )
}

fn period(
    opened: chrono::NaiveDate,
    ended: Option<chrono::NaiveDate>,
    outcome: Option<PreservationOutcome>,
) -> PreservationPeriod {
    PreservationPeriod {
        opened,
        ended,
        outcome,
    }
}

#[test]
fn a_removal_ends_the_period_in_foster_care() {
    let case = case_of(vec![
        open(d(2022, 9, 1)),
        plan(d(2022, 9, 1), PreventionStrategy::RemainAtHome),
        removal(d(2023, 1, 10)),
        foster(d(2023, 1, 10), "P-1"),
    ]);
    assert_eq!(
        case.preservation_outcomes(),
        vec![period(
            d(2022, 9, 1),
            Some(d(2023, 1, 10)),
            Some(PreservationOutcome::EnteredFosterCare)
        )]
    );
}

#[test]
fn a_closure_is_home_or_kin_by_the_latest_plan_and_a_reopened_case_is_a_new_period() {
    let case = case_of(vec![
        open(d(2023, 2, 1)),
        plan(d(2023, 2, 1), PreventionStrategy::RemainAtHome),
        ev(d(2023, 8, 31), EventData::Close),
        ev(d(2024, 1, 8), EventData::Reopen),
        plan(d(2024, 1, 8), PreventionStrategy::RemainAtHome),
        // The plan changes: the child will live with her grandmother.
        plan(d(2024, 3, 4), PreventionStrategy::PermanentKinCare),
        ev(d(2024, 12, 20), EventData::Close),
        ev(d(2025, 5, 5), EventData::Reopen),
    ]);
    assert_eq!(
        case.preservation_outcomes(),
        vec![
            period(
                d(2023, 2, 1),
                Some(d(2023, 8, 31)),
                Some(PreservationOutcome::RemainedHome)
            ),
            period(
                d(2024, 1, 8),
                Some(d(2024, 12, 20)),
                Some(PreservationOutcome::LivesWithKin)
            ),
            period(d(2025, 5, 5), None, None),
        ]
    );
}

#[test]
fn a_closure_with_no_plan_is_remained_home_and_a_case_never_in_preservation_has_none() {
    let closed = case_of(vec![
        open(d(2023, 2, 1)),
        ev(d(2023, 4, 30), EventData::Close),
    ]);
    assert_eq!(
        closed.preservation_outcomes(),
        vec![period(
            d(2023, 2, 1),
            Some(d(2023, 4, 30)),
            Some(PreservationOutcome::RemainedHome)
        )]
    );
    let removed = case_of(vec![removal(d(2023, 1, 10)), foster(d(2023, 1, 10), "P-1")]);
    assert_eq!(removed.preservation_outcomes(), vec![]);
    assert_eq!(PreservationOutcome::LivesWithKin.as_str(), "lives_with_kin");
}
