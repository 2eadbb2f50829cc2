//! Scenario tests for the hearings and plans `Case::obligations` expects (`src/timeline/asfa.rs`):
//! the case plan and the relative notice after a removal, periodic reviews, permanency hearings,
//! reasonable efforts to finalize the plan, and the permanency hearing within 30 days of a
//! finding that reunification efforts are not required.
//!
//! Each expected date is worked out by hand beside it with the conventions of `DOMAIN.md` §0.3:
//!
//! - "N days after E" = E + N calendar days;
//! - "N months after E" = E + N calendar months, clamped to the last day of a shorter month;
//! - "by the end of the Nth month" = (E + N months, clamped) − 1 day;
//! - "the first N days" / "an N-day period that begins on D" = D ..= D + N − 1.
//!
//! Each test asserts the due date, the status, the date counted from, the rule and the consequence
//! the law attaches. The cast (the child, `teen()`, the clock families F-BIRTH, F-REL, F-FOSTER)
//! and the event builders are in `tests/common/mod.rs`.

mod common;

use common::*;
use permanency::policy::{HearingRhythm, ReviewAnchor};
use permanency::timeline::{Consequence, ObligationKind as K, Status};
use permanency::*;

// ================================================================================================
// The duties at removal: case plan and relative notice

#[test]
fn case_plan_within_60_days_and_relative_notice_within_30() {
    let case = case_of(vec![
        removal(d(2023, 1, 10)),
        ev(d(2023, 2, 9), EventData::RelativesNotified),
        case_plan(d(2023, 3, 20)),
    ]);
    let obs = case.obligations(d(2023, 4, 1), &FEDERAL);
    // 2023-01-10 + 30 days: 21 days to Jan 31, 9 more -> 2023-02-09.
    expect(
        one(&obs, K::RelativeNotice),
        RuleId::RelativeNotice,
        d(2023, 1, 10),
        d(2023, 2, 9),
        Status::Met(d(2023, 2, 9)),
        None,
    );
    // 2023-01-10 + 60 days = 2023-03-11; completed 2023-03-20, late. Compliance only: no
    // consequence for eligibility.
    expect(
        one(&obs, K::CasePlan),
        RuleId::CasePlan,
        d(2023, 1, 10),
        d(2023, 3, 11),
        Status::MetLate(d(2023, 3, 20)),
        None,
    );

    // Before either is done.
    let obs = case.obligations(d(2023, 2, 8), &FEDERAL);
    assert_eq!(one(&obs, K::RelativeNotice).status(), Status::Upcoming);
    assert_eq!(one(&obs, K::CasePlan).status(), Status::Upcoming);
    let case = case_of(vec![removal(d(2023, 1, 10))]);
    let obs = case.obligations(d(2023, 2, 10), &FEDERAL);
    let o = one(&obs, K::RelativeNotice);
    assert_eq!((o.status(), o.consequence()), (Status::Overdue, None));
}

// ================================================================================================
// Periodic reviews, permanency hearings, reasonable efforts to finalize

#[test]
fn periodic_reviews_count_from_the_removal_or_from_defc_by_policy() {
    // Removal 2023-01-10 with no abuse finding: DEFC = 2023-01-10 + 60 days = 2023-03-11.
    let events = vec![removal(d(2023, 1, 10)), review(d(2023, 7, 1))];
    let case = case_of(events.clone());
    let obs = case.obligations(d(2023, 8, 1), &FEDERAL);
    let reviews = all(&obs, K::PeriodicReview);
    assert_eq!(reviews.len(), 2);
    // From the removal: 2023-01-10 + 6 months = 2023-07-10; held 2023-07-01, early.
    expect(
        reviews[0],
        RuleId::PeriodicReview,
        d(2023, 1, 10),
        d(2023, 7, 10),
        Status::Met(d(2023, 7, 1)),
        None,
    );
    // The next counts from the review held: 2023-07-01 + 6 months = 2024-01-01.
    expect(
        reviews[1],
        RuleId::PeriodicReview,
        d(2023, 7, 1),
        d(2024, 1, 1),
        Status::Upcoming,
        None,
    );

    let policy = FEDERAL.with_review_anchor(ReviewAnchor::Defc);
    let case = case_of(vec![removal(d(2023, 1, 10))]);
    let obs = case.obligations(d(2023, 8, 1), &policy);
    // From DEFC: 2023-03-11 + 6 months = 2023-09-11.
    expect(
        one(&obs, K::PeriodicReview),
        RuleId::PeriodicReview,
        d(2023, 3, 11),
        d(2023, 9, 11),
        Status::Upcoming,
        None,
    );
    // Overdue the day after, with no consequence attached.
    let obs = case.obligations(d(2023, 9, 12), &policy);
    let o = one(&obs, K::PeriodicReview);
    assert_eq!((o.status(), o.consequence()), (Status::Overdue, None));
}

/// Removed 2023-01-10 and adjudicated the same day: DEFC 2023-01-10, first permanency hearing
/// and finalize-efforts determination due 2024-01-10.
fn adjudicated(more: Vec<Event>) -> Case {
    let mut events = vec![removal(d(2023, 1, 10)), abuse(d(2023, 1, 10))];
    events.extend(more);
    case_of(events)
}

#[test]
fn an_early_permanency_hearing_pulls_the_next_one_forward() {
    let case = adjudicated(vec![hearing(d(2023, 11, 15))]);
    let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
    let hearings = all(&obs, K::PermanencyHearing);
    assert_eq!(hearings.len(), 2);
    // DEFC 2023-01-10 + 12 months = 2024-01-10; held 2023-11-15.
    expect(
        hearings[0],
        RuleId::PermanencyHearing,
        d(2023, 1, 10),
        d(2024, 1, 10),
        Status::Met(d(2023, 11, 15)),
        None,
    );
    // Held + 12 months = 2024-11-15, not 2025-01-10.
    expect(
        hearings[1],
        RuleId::PermanencyHearing,
        d(2023, 11, 15),
        d(2024, 11, 15),
        Status::Upcoming,
        None,
    );
}

#[test]
fn a_late_permanency_hearing_is_met_late_and_the_next_counts_from_it() {
    let case = adjudicated(vec![hearing(d(2024, 2, 20))]);
    // Before it was held, overdue from 2024-01-11.
    let obs = case.obligations(d(2024, 1, 11), &FEDERAL);
    let o = one(&obs, K::PermanencyHearing);
    assert_eq!((o.status(), o.consequence()), (Status::Overdue, None));

    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    let hearings = all(&obs, K::PermanencyHearing);
    assert_eq!(hearings.len(), 2);
    expect(
        hearings[0],
        RuleId::PermanencyHearing,
        d(2023, 1, 10),
        d(2024, 1, 10),
        Status::MetLate(d(2024, 2, 20)),
        None,
    );
    // 2024-02-20 + 12 months = 2025-02-20.
    expect(
        hearings[1],
        RuleId::PermanencyHearing,
        d(2024, 2, 20),
        d(2025, 2, 20),
        Status::Upcoming,
        None,
    );
}

#[test]
fn finalize_efforts_made_late_in_the_month_they_were_due_cost_nothing() {
    let case = adjudicated(vec![finalize(d(2024, 1, 25))]);
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    let made = all(&obs, K::FinalizeEfforts);
    assert_eq!(made.len(), 2);
    // Due 2024-01-10; made 2024-01-25, before the end of January: eligibility is lost only
    // from the first of the month after the due date.
    expect(
        made[0],
        RuleId::FinalizeEfforts,
        d(2023, 1, 10),
        d(2024, 1, 10),
        Status::MetLate(d(2024, 1, 25)),
        None,
    );
    // 2024-01-25 + 12 months = 2025-01-25.
    expect(
        made[1],
        RuleId::FinalizeEfforts,
        d(2024, 1, 25),
        d(2025, 1, 25),
        Status::Upcoming,
        None,
    );
}

#[test]
fn finalize_efforts_made_in_a_later_month_cost_eligibility_until_made() {
    let case = adjudicated(vec![finalize(d(2024, 3, 5))]);
    let obs = case.obligations(d(2024, 4, 1), &FEDERAL);
    let made = all(&obs, K::FinalizeEfforts);
    assert_eq!(made.len(), 2);
    // Due 2024-01-10: ineligible from 2024-02-01 (the first of the next month) to 2024-03-05.
    expect(
        made[0],
        RuleId::FinalizeEfforts,
        d(2023, 1, 10),
        d(2024, 1, 10),
        Status::MetLate(d(2024, 3, 5)),
        Some(Consequence::IneligibleBetween {
            from: d(2024, 2, 1),
            until: Some(d(2024, 3, 5)),
        }),
    );
    // 2024-03-05 + 12 months = 2025-03-05.
    assert_eq!(
        (made[1].counts_from(), made[1].due()),
        (d(2024, 3, 5), d(2025, 3, 5))
    );
}

#[test]
fn finalize_efforts_never_made_cost_eligibility_from_the_next_month() {
    let case = adjudicated(vec![]);
    // Overdue from 2024-01-11, but eligibility lasts to the end of January.
    let obs = case.obligations(d(2024, 1, 31), &FEDERAL);
    expect(
        one(&obs, K::FinalizeEfforts),
        RuleId::FinalizeEfforts,
        d(2023, 1, 10),
        d(2024, 1, 10),
        Status::Overdue,
        None,
    );
    let obs = case.obligations(d(2024, 2, 1), &FEDERAL);
    expect(
        one(&obs, K::FinalizeEfforts),
        RuleId::FinalizeEfforts,
        d(2023, 1, 10),
        d(2024, 1, 10),
        Status::Overdue,
        Some(Consequence::IneligibleBetween {
            from: d(2024, 2, 1),
            until: None,
        }),
    );
    // A determination that efforts were not made does not meet it.
    let case = adjudicated(vec![finding(
        d(2023, 12, 1),
        Finding::FinalizeEfforts(Determination::NotMade),
    )]);
    let obs = case.obligations(d(2024, 2, 1), &FEDERAL);
    assert_eq!(one(&obs, K::FinalizeEfforts).status(), Status::Overdue);
    // Made on time.
    let case = adjudicated(vec![finalize(d(2023, 12, 1))]);
    let obs = case.obligations(d(2024, 2, 1), &FEDERAL);
    let made = all(&obs, K::FinalizeEfforts);
    assert_eq!(made[0].status(), Status::Met(d(2023, 12, 1)));
    assert_eq!(made[0].consequence(), None);
}

// ================================================================================================
// The expedited hearing after a finding excusing reunification efforts

#[test]
fn a_permanency_hearing_within_30_days_of_excused_reunification_efforts() {
    let case = case_of(vec![
        removal(d(2023, 1, 10)),
        excused(d(2023, 3, 1), AggravatedGround::AggravatedCircumstances),
        hearing(d(2023, 3, 20)),
    ]);
    let obs = case.obligations(d(2023, 4, 15), &FEDERAL);
    // 2023-03-01 + 30 days = 2023-03-31.
    let o = one(&obs, K::NoReunificationHearing);
    expect(
        o,
        RuleId::NoReunificationHearing,
        d(2023, 3, 1),
        d(2023, 3, 31),
        Status::Met(d(2023, 3, 20)),
        None,
    );
    assert_eq!(o.subject(), Some(&person("P-MOTHER")));
    // Aggravated circumstances bring no expedited TPR petition.
    none_of(&obs, K::FelonyPetition);
    none_of(&obs, K::AbandonedInfantPetition);

    let case = case_of(vec![
        removal(d(2023, 1, 10)),
        excused(d(2023, 3, 1), AggravatedGround::SiblingRightsTerminated),
    ]);
    let obs = case.obligations(d(2023, 3, 31), &FEDERAL);
    assert_eq!(
        one(&obs, K::NoReunificationHearing).status(),
        Status::Upcoming
    );
    let obs = case.obligations(d(2023, 4, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::NoReunificationHearing).status(),
        Status::Overdue
    );
}

#[test]
fn the_30_day_hearing_held_before_defc_sets_the_next_permanency_hearing() {
    // Removal 2023-01-10 with no abuse finding: DEFC 2023-03-11. Efforts excused 2023-01-20;
    // the permanency hearing is held 2023-02-10, within 30 days.
    let case = case_of(vec![
        removal(d(2023, 1, 10)),
        excused(d(2023, 1, 20), AggravatedGround::AggravatedCircumstances),
        hearing(d(2023, 2, 10)),
    ]);
    let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
    // 2023-01-20 + 30 days = 2023-02-19.
    let o = one(&obs, K::NoReunificationHearing);
    assert_eq!(
        (o.due(), o.status()),
        (d(2023, 2, 19), Status::Met(d(2023, 2, 10)))
    );
    // It was a permanency hearing: the next is due 2023-02-10 + 12 months = 2024-02-10.
    let hearings = all(&obs, K::PermanencyHearing);
    assert!(
        hearings
            .iter()
            .any(|h| h.status() == Status::Met(d(2023, 2, 10))),
        "{hearings:#?}"
    );
    // (Sorted by due date, the next one, due 2024-02-10, comes before the DEFC-based first,
    // due 2024-03-11, that the early hearing met.)
    let next = hearings
        .iter()
        .find(|h| h.status() == Status::Upcoming)
        .unwrap();
    assert_eq!(
        (next.counts_from(), next.due(), next.status()),
        (d(2023, 2, 10), d(2024, 2, 10), Status::Upcoming)
    );
}

// ================================================================================================
// Found in review: the policy switch for a fixed hearing schedule.

#[test]
fn permanency_hearings_may_follow_a_fixed_schedule_from_defc() {
    // DEFC 2023-01-10; an early hearing 2023-11-15. On the fixed schedule the next is due
    // DEFC + 24 months = 2025-01-10 (counted from the first scheduled date, 2024-01-10),
    // not 2024-11-15.
    let fixed = Policy::federal().with_hearing_rhythm(HearingRhythm::FromDefc);
    let events = vec![
        removal(d(2023, 1, 10)),
        abuse(d(2023, 1, 10)),
        hearing(d(2023, 11, 15)),
    ];
    let case = build(child(), &fixed, events);
    let obs = case.obligations(d(2024, 6, 1), &fixed);
    let hearings = all(&obs, K::PermanencyHearing);
    assert_eq!(hearings.len(), 2);
    assert_eq!(hearings[0].status(), Status::Met(d(2023, 11, 15)));
    expect(
        hearings[1],
        RuleId::PermanencyHearing,
        d(2024, 1, 10),
        d(2025, 1, 10),
        Status::Upcoming,
        None,
    );
}

#[test]
fn on_a_fixed_schedule_two_hearings_in_one_period_meet_one_due_date() {
    // DEFC 2023-01-10: due 2024-01-10 (+ 12 months), then 2025-01-10 (+ 24 months). Hearings
    // on 2023-06-01 and 2023-12-01 both fall before the first due date: they meet it, and the
    // period 2024-01-10 to 2025-01-10 has none, so the second is overdue on 2025-03-01 — more
    // than 12 months pass without a hearing (SSA §475(5)(C)). From the last held (the default),
    // the next is due 2023-12-01 + 12 months = 2024-12-01, also overdue.
    let fixed = Policy::federal().with_hearing_rhythm(HearingRhythm::FromDefc);
    let events = || {
        vec![
            removal(d(2023, 1, 10)),
            abuse(d(2023, 1, 10)),
            foster(d(2023, 1, 10), "P-1"),
            hearing(d(2023, 6, 1)),
            hearing(d(2023, 12, 1)),
        ]
    };
    let case = build(child(), &fixed, events());
    let obs = case.obligations(d(2025, 3, 1), &fixed);
    let hearings = all(&obs, K::PermanencyHearing);
    assert_eq!(hearings.len(), 2, "{hearings:#?}");
    expect(
        hearings[0],
        RuleId::PermanencyHearing,
        d(2023, 1, 10),
        d(2024, 1, 10),
        Status::Met(d(2023, 6, 1)),
        None,
    );
    expect(
        hearings[1],
        RuleId::PermanencyHearing,
        d(2024, 1, 10),
        d(2025, 1, 10),
        Status::Overdue,
        None,
    );

    let case = build(child(), &FEDERAL, events());
    let obs = case.obligations(d(2025, 3, 1), &FEDERAL);
    let last = *all(&obs, K::PermanencyHearing).last().unwrap();
    assert_eq!(
        (last.counts_from(), last.due(), last.status()),
        (d(2023, 12, 1), d(2024, 12, 1), Status::Overdue)
    );
}
