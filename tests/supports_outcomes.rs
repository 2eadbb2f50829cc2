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

// The Family First outcome measure (SSA §471(e)(4)(E)). Identified 2022-09-01: the 12-month
// period runs through 2023-08-31 (ends 2023-09-01), the 12 months after it through 2024-08-31
// (ends 2024-09-01).

use permanency::supports::{
    CandidateOutcome, PreventionMeasure, PreventionMeasureCounts, prevention_measure_counts,
};

fn outcome(measure: PreventionMeasure) -> CandidateOutcome {
    CandidateOutcome {
        identified: d(2022, 9, 1),
        period_ends: d(2023, 9, 1),
        follow_up_ends: d(2024, 9, 1),
        measure,
    }
}

/// Identified 2022-09-01, closed 2023-03-01, then `later`.
fn closed_then(later: Vec<Event>) -> Case {
    let mut events = vec![open(d(2022, 9, 1)), ev(d(2023, 3, 1), EventData::Close)];
    events.extend(later);
    case_of(events)
}

#[test]
fn a_removal_in_the_period_is_known_at_once() {
    let case = case_of(vec![
        open(d(2022, 9, 1)),
        removal(d(2023, 8, 31)),
        foster(d(2023, 8, 31), "P-1"),
    ]);
    assert_eq!(
        case.prevention_measures(d(2023, 8, 30), &FEDERAL),
        vec![outcome(PreventionMeasure::Pending)]
    );
    assert_eq!(
        case.prevention_measures(d(2023, 8, 31), &FEDERAL),
        vec![outcome(PreventionMeasure::EnteredDuringPeriod(d(
            2023, 8, 31
        )))]
    );
}

#[test]
fn a_removal_on_the_first_day_after_the_period_counts_in_the_following_12_months() {
    let case = closed_then(vec![removal(d(2023, 9, 1)), foster(d(2023, 9, 1), "P-1")]);
    assert_eq!(
        case.prevention_measures(d(2023, 9, 1), &FEDERAL),
        vec![outcome(PreventionMeasure::EnteredAfterPeriod(d(
            2023, 9, 1
        )))]
    );
}

#[test]
fn no_removal_is_pending_until_the_24_months_are_over() {
    let case = closed_then(vec![]);
    assert_eq!(
        case.prevention_measures(d(2024, 8, 31), &FEDERAL),
        vec![outcome(PreventionMeasure::Pending)]
    );
    assert_eq!(
        case.prevention_measures(d(2024, 9, 1), &FEDERAL),
        vec![outcome(PreventionMeasure::DidNotEnter)]
    );
    // A removal after the 24 months does not count.
    let late = closed_then(vec![removal(d(2024, 9, 1)), foster(d(2024, 9, 1), "P-1")]);
    assert_eq!(
        late.prevention_measures(d(2025, 1, 1), &FEDERAL),
        vec![outcome(PreventionMeasure::DidNotEnter)]
    );
    // A case with no candidacy has no measure.
    let never = case_of(vec![removal(d(2023, 1, 10)), foster(d(2023, 1, 10), "P-1")]);
    assert_eq!(never.prevention_measures(d(2025, 1, 1), &FEDERAL), vec![]);
}

#[test]
fn the_caseload_count_as_of_two_dates() {
    let during = case_of(vec![
        open(d(2022, 9, 1)),
        removal(d(2023, 1, 10)),
        foster(d(2023, 1, 10), "P-1"),
    ]);
    let after = closed_then(vec![removal(d(2024, 2, 15)), foster(d(2024, 2, 15), "P-1")]);
    let home = closed_then(vec![]);
    let cases = [during, after, home];
    assert_eq!(
        prevention_measure_counts(&cases, d(2024, 1, 1), &FEDERAL),
        PreventionMeasureCounts {
            periods: 3,
            pending: 2,
            entered_during_period: 1,
            entered_after_period: 0,
            did_not_enter: 0,
        }
    );
    assert_eq!(
        prevention_measure_counts(&cases, d(2024, 9, 1), &FEDERAL),
        PreventionMeasureCounts {
            periods: 3,
            pending: 0,
            entered_during_period: 1,
            entered_after_period: 1,
            did_not_enter: 1,
        }
    );
}
