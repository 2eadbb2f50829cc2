//! Scenario tests for the findings `Case::obligations` expects at a removal
//! (`src/timeline/asfa.rs`): contrary to the welfare in the first order sanctioning the removal,
//! reasonable efforts to prevent the removal by day 60; and the date the child entered foster
//! care (DEFC) those findings set, with its leap days and month ends.
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

use chrono::NaiveDate;
use common::*;
use permanency::date::MonthEnd;
use permanency::policy::DefcRule;
use permanency::timeline::{Consequence, ObligationKind as K, Status};
use permanency::*;

// ================================================================================================
// The findings at removal

#[test]
fn contrary_to_the_welfare_on_the_removal_date_is_met() {
    let case = case_of(vec![removal(d(2023, 1, 10)), ctw(d(2023, 1, 10))]);
    let obs = case.obligations(d(2023, 2, 1), &FEDERAL);
    let o = one(&obs, K::ContraryToWelfare);
    // Due in the first order sanctioning the removal: the removal date itself.
    expect(
        o,
        RuleId::ContraryToWelfare,
        d(2023, 1, 10),
        d(2023, 1, 10),
        Status::Met(d(2023, 1, 10)),
        None,
    );
    assert_eq!(o.episode(), Some(1));
    assert_eq!(o.subject(), None);
}

#[test]
fn contrary_to_the_welfare_a_day_later_costs_the_whole_episode() {
    let case = case_of(vec![removal(d(2023, 1, 10)), ctw(d(2023, 1, 11))]);
    let obs = case.obligations(d(2023, 2, 1), &FEDERAL);
    expect(
        one(&obs, K::ContraryToWelfare),
        RuleId::ContraryToWelfare,
        d(2023, 1, 10),
        d(2023, 1, 10),
        Status::MetLate(d(2023, 1, 11)),
        Some(Consequence::IneligibleForEpisode),
    );

    // Never made: upcoming on the removal date itself, overdue the day after.
    let case = case_of(vec![removal(d(2023, 1, 10))]);
    let o = case.obligations(d(2023, 1, 10), &FEDERAL);
    let o = one(&o, K::ContraryToWelfare);
    assert_eq!((o.status(), o.consequence()), (Status::Upcoming, None));
    let o = case.obligations(d(2023, 1, 11), &FEDERAL);
    let o = one(&o, K::ContraryToWelfare);
    assert_eq!(
        (o.status(), o.consequence()),
        (Status::Overdue, Some(Consequence::IneligibleForEpisode))
    );
}

#[test]
fn reasonable_efforts_to_prevent_removal_by_day_60_not_day_61() {
    // 2023-01-10 + 60 days: 21 days to Jan 31, 28 in Feb (49), 11 more -> 2023-03-11.
    let due = d(2023, 3, 11);
    let on_time = case_of(vec![
        removal(d(2023, 1, 10)),
        prevention(d(2023, 3, 11), PreventionEfforts::Made),
    ]);
    expect(
        one(
            &on_time.obligations(d(2023, 4, 1), &FEDERAL),
            K::PreventRemovalEfforts,
        ),
        RuleId::PreventRemovalEfforts,
        d(2023, 1, 10),
        due,
        Status::Met(d(2023, 3, 11)),
        None,
    );

    let late = case_of(vec![
        removal(d(2023, 1, 10)),
        prevention(d(2023, 3, 12), PreventionEfforts::Made),
    ]);
    expect(
        one(
            &late.obligations(d(2023, 4, 1), &FEDERAL),
            K::PreventRemovalEfforts,
        ),
        RuleId::PreventRemovalEfforts,
        d(2023, 1, 10),
        due,
        Status::MetLate(d(2023, 3, 12)),
        Some(Consequence::IneligibleForEpisode),
    );

    // A finding that efforts were not required meets it too; one that they were not made
    // does not.
    let excused = case_of(vec![
        removal(d(2023, 1, 10)),
        prevention(d(2023, 1, 10), PreventionEfforts::NotRequired),
    ]);
    let obs = excused.obligations(d(2023, 4, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::PreventRemovalEfforts).status(),
        Status::Met(d(2023, 1, 10))
    );
    let not_made = case_of(vec![
        removal(d(2023, 1, 10)),
        prevention(d(2023, 2, 1), PreventionEfforts::NotMade),
    ]);
    let obs = not_made.obligations(d(2023, 3, 11), &FEDERAL);
    let o = one(&obs, K::PreventRemovalEfforts);
    assert_eq!((o.status(), o.consequence()), (Status::Upcoming, None));
    let obs = not_made.obligations(d(2023, 3, 12), &FEDERAL);
    let o = one(&obs, K::PreventRemovalEfforts);
    assert_eq!(
        (o.status(), o.consequence()),
        (Status::Overdue, Some(Consequence::IneligibleForEpisode))
    );
}

// ================================================================================================
// DEFC, leap days and month ends

#[test]
fn a_finding_after_day_60_leaves_defc_at_removal_plus_60() {
    let case = case_of(vec![removal(d(2023, 1, 10)), abuse(d(2023, 4, 20))]);
    let as_of = d(2023, 6, 1);
    // min(finding 2023-04-20, 2023-01-10 + 60 days = 2023-03-11) = 2023-03-11.
    assert_eq!(
        case.date_entered_foster_care(1, as_of, &FEDERAL).unwrap(),
        d(2023, 3, 11)
    );
    let obs = case.obligations(as_of, &FEDERAL);
    // DEFC 2023-03-11 + 12 months = 2024-03-11.
    expect(
        one(&obs, K::PermanencyHearing),
        RuleId::PermanencyHearing,
        d(2023, 3, 11),
        d(2024, 3, 11),
        Status::Upcoming,
        None,
    );
    expect(
        one(&obs, K::FinalizeEfforts),
        RuleId::FinalizeEfforts,
        d(2023, 3, 11),
        d(2024, 3, 11),
        Status::Upcoming,
        None,
    );
}

#[test]
fn a_finding_before_day_60_sets_defc() {
    let case = case_of(vec![removal(d(2023, 1, 10)), abuse(d(2023, 2, 1))]);
    // min(2023-02-01, 2023-03-11) = 2023-02-01; + 12 months = 2024-02-01.
    let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
    expect(
        one(&obs, K::PermanencyHearing),
        RuleId::PermanencyHearing,
        d(2023, 2, 1),
        d(2024, 2, 1),
        Status::Upcoming,
        None,
    );

    // Asked before the finding, the finding is not known yet: DEFC is projected at
    // removal + 60 days = 2023-03-11.
    let obs = case.obligations(d(2023, 1, 20), &FEDERAL);
    assert_eq!(
        case.date_entered_foster_care(1, d(2023, 1, 20), &FEDERAL)
            .unwrap(),
        d(2023, 3, 11)
    );
    let o = one(&obs, K::PermanencyHearing);
    assert_eq!((o.counts_from(), o.due()), (d(2023, 3, 11), d(2024, 3, 11)));
}

#[test]
fn a_finding_before_the_removal_sets_defc_at_the_removal() {
    // An in-home court case adjudicated 2022-12-01, removal 2023-01-10: DEFC is never before
    // the removal, so 2023-01-10, and the hearing is due 2024-01-10.
    let case = case_of(vec![
        ev(
            d(2022, 11, 1),
            EventData::OpenPreservation(Candidacy::NotCandidate),
        ),
        abuse(d(2022, 12, 1)),
        removal(d(2023, 1, 10)),
    ]);
    let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
    let o = one(&obs, K::PermanencyHearing);
    assert_eq!((o.counts_from(), o.due()), (d(2023, 1, 10), d(2024, 1, 10)));
}

#[test]
fn an_agency_may_use_the_removal_date() {
    let policy = FEDERAL.with_defc_rule(DefcRule::RemovalDate);
    let case = build(
        child(),
        &policy,
        vec![removal(d(2023, 1, 10)), abuse(d(2023, 2, 1))],
    );
    let obs = case.obligations(d(2023, 6, 1), &policy);
    // DEFC = the removal date 2023-01-10; + 12 months = 2024-01-10.
    for kind in [K::PermanencyHearing, K::FinalizeEfforts] {
        let o = one(&obs, kind);
        assert_eq!((o.counts_from(), o.due()), (d(2023, 1, 10), d(2024, 1, 10)));
    }
}

#[test]
fn twelve_months_after_a_leap_day_clamp_to_february_28_or_roll_over_by_policy() {
    let events = vec![removal(d(2024, 2, 29)), abuse(d(2024, 2, 29))];
    let case = case_of(events.clone());
    let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
    // DEFC 2024-02-29 + 12 months: 2025-02-29 does not exist -> clamped to 2025-02-28.
    for (kind, rule) in [
        (K::PermanencyHearing, RuleId::PermanencyHearing),
        (K::FinalizeEfforts, RuleId::FinalizeEfforts),
    ] {
        expect(
            one(&obs, kind),
            rule,
            d(2024, 2, 29),
            d(2025, 2, 28),
            Status::Upcoming,
            None,
        );
    }

    let roll = FEDERAL.with_month_end(MonthEnd::RollOver);
    let case = build(child(), &roll, events);
    let obs = case.obligations(d(2024, 6, 1), &roll);
    // Rolled over to the day after 2025-02-28: 2025-03-01.
    assert_eq!(one(&obs, K::PermanencyHearing).due(), d(2025, 3, 1));
    assert_eq!(one(&obs, K::FinalizeEfforts).due(), d(2025, 3, 1));
}

#[test]
fn six_months_after_august_31_is_february_29_in_a_leap_year() {
    let case = case_of(vec![removal(d(2023, 8, 31))]);
    let obs = case.obligations(d(2023, 10, 1), &FEDERAL);
    // 2023-08-31 + 6 months: 2024-02-31 does not exist -> 2024-02-29 (2024 is a leap year).
    expect(
        one(&obs, K::PeriodicReview),
        RuleId::PeriodicReview,
        d(2023, 8, 31),
        d(2024, 2, 29),
        Status::Upcoming,
        None,
    );

    let roll = FEDERAL.with_month_end(MonthEnd::RollOver);
    let case = build(child(), &roll, vec![removal(d(2023, 8, 31))]);
    let obs = case.obligations(d(2023, 10, 1), &roll);
    assert_eq!(one(&obs, K::PeriodicReview).due(), d(2024, 3, 1));

    // Held on the due date: the next counts from it, 2024-02-29 + 6 months = 2024-08-29.
    let case = case_of(vec![removal(d(2023, 8, 31)), review(d(2024, 2, 29))]);
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    let reviews = all(&obs, K::PeriodicReview);
    assert_eq!(reviews.len(), 2);
    assert_eq!(reviews[0].status(), Status::Met(d(2024, 2, 29)));
    expect(
        reviews[1],
        RuleId::PeriodicReview,
        d(2024, 2, 29),
        d(2024, 8, 29),
        Status::Upcoming,
        None,
    );
}

// ================================================================================================
// Found in review: the first order after an emergency removal.

fn emergency(date: NaiveDate) -> Event {
    ev(date, EventData::Removal(Removal::new(Manner::Emergency)))
}

#[test]
fn after_an_emergency_removal_the_first_order_carries_contrary_to_the_welfare() {
    // Removed 2023-01-02 with no order; the first order, 2023-01-05, has the finding.
    let on_time = case_of(vec![emergency(d(2023, 1, 2)), ctw(d(2023, 1, 5))]);
    let o = one(
        &on_time.obligations(d(2023, 2, 1), &FEDERAL),
        K::ContraryToWelfare,
    )
    .clone();
    expect(
        &o,
        RuleId::ContraryToWelfare,
        d(2023, 1, 2),
        d(2023, 1, 5),
        Status::Met(d(2023, 1, 5)),
        None,
    );
    // Before any order, nothing is due yet.
    let waiting = case_of(vec![emergency(d(2023, 1, 2))]);
    let o = one(
        &waiting.obligations(d(2023, 1, 3), &FEDERAL),
        K::ContraryToWelfare,
    )
    .clone();
    assert_eq!(
        (o.due(), o.status()),
        (d(2023, 1, 2), Status::NotYetApplicable)
    );
    // The first order (2023-01-05) found only efforts; the welfare finding came 2023-01-20:
    // too late, the whole episode is ineligible.
    let late = case_of(vec![
        emergency(d(2023, 1, 2)),
        prevention(d(2023, 1, 5), PreventionEfforts::Made),
        ctw(d(2023, 1, 20)),
    ]);
    expect(
        one(
            &late.obligations(d(2023, 2, 1), &FEDERAL),
            K::ContraryToWelfare,
        ),
        RuleId::ContraryToWelfare,
        d(2023, 1, 2),
        d(2023, 1, 5),
        Status::MetLate(d(2023, 1, 20)),
        Some(Consequence::IneligibleForEpisode),
    );
}

// ================================================================================================
// Findings made before the removal belong to the episode they sanction

/// In-home services open: the stage in which a court may make findings before a removal.
fn in_home(date: NaiveDate) -> Event {
    ev(date, EventData::OpenPreservation(Candidacy::NotCandidate))
}

#[test]
fn a_pick_up_order_the_day_before_the_removal_meets_both_findings() {
    let case = case_of(vec![
        in_home(d(2024, 2, 15)),
        ctw(d(2024, 3, 1)),
        prevention(d(2024, 3, 1), PreventionEfforts::Made),
        removal(d(2024, 3, 2)),
    ]);
    let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
    // The first order sanctioning the removal is the pick-up order of 2024-03-01: due with the
    // court-ordered removal, 2024-03-02, and met the day before.
    expect(
        one(&obs, K::ContraryToWelfare),
        RuleId::ContraryToWelfare,
        d(2024, 3, 2),
        d(2024, 3, 2),
        Status::Met(d(2024, 3, 1)),
        None,
    );
    // 2024-03-02 + 60 days: 29 days to Mar 31, 30 in April (59), 1 more -> 2024-05-01.
    expect(
        one(&obs, K::PreventRemovalEfforts),
        RuleId::PreventRemovalEfforts,
        d(2024, 3, 2),
        d(2024, 5, 1),
        Status::Met(d(2024, 3, 1)),
        None,
    );
}

#[test]
fn findings_recorded_before_a_removal_the_same_day_are_the_removals() {
    let case = case_of(vec![
        in_home(d(2024, 2, 15)),
        ctw(d(2024, 3, 2)),
        prevention(d(2024, 3, 2), PreventionEfforts::Made),
        removal(d(2024, 3, 2)),
    ]);
    let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
    let ctw = one(&obs, K::ContraryToWelfare);
    assert_eq!(
        (ctw.status(), ctw.consequence()),
        (Status::Met(d(2024, 3, 2)), None)
    );
    let efforts = one(&obs, K::PreventRemovalEfforts);
    assert_eq!(
        (efforts.due(), efforts.status(), efforts.consequence()),
        (d(2024, 5, 1), Status::Met(d(2024, 3, 2)), None)
    );
}

/// Removed 2020-01-10 (findings that day), home 2020-06-01, in-home services from 2020-09-01,
/// then `finding` on 2020-10-01 and a second removal on 2020-10-15.
fn reentry_after(adjudication: Option<Finding>) -> Case {
    let mut events = vec![
        removal(d(2020, 1, 10)),
        ctw(d(2020, 1, 10)),
        abuse(d(2020, 2, 1)),
        discharge(d(2020, 6, 1), ExitReason::Reunified),
        in_home(d(2020, 9, 1)),
    ];
    events.extend(adjudication.map(|f| finding(d(2020, 10, 1), f)));
    events.push(removal(d(2020, 10, 15)));
    case_of(events)
}

#[test]
fn an_adjudication_before_a_reentry_sets_its_defc_at_the_removal() {
    // The adjudication of 2020-10-01 precedes the removal of 2020-10-15: DEFC is the earlier of
    // the finding and removal + 60 days, never before the removal -> 2020-10-15.
    let case = reentry_after(Some(Finding::AbuseOrNeglect));
    assert_eq!(
        case.date_entered_foster_care(2, d(2020, 11, 1), &FEDERAL),
        Some(d(2020, 10, 15))
    );
    // The first permanency hearing of the re-entry: 2020-10-15 + 12 months = 2021-10-15.
    let obs = case.obligations(d(2020, 11, 1), &FEDERAL);
    let hearing = all(&obs, K::PermanencyHearing)
        .into_iter()
        .find(|o| o.episode() == Some(2))
        .unwrap();
    assert_eq!(
        (hearing.counts_from(), hearing.due()),
        (d(2020, 10, 15), d(2021, 10, 15))
    );
    // An abandoned-infant adjudication is a finding of neglect too.
    let case = reentry_after(Some(Finding::AbandonedInfant));
    assert_eq!(
        case.date_entered_foster_care(2, d(2020, 11, 1), &FEDERAL),
        Some(d(2020, 10, 15))
    );
    // The first episode's adjudication (2020-02-01) is not the re-entry's: with none after the
    // exit, DEFC is 2020-10-15 + 60 days: 16 days to Oct 31, 30 in November (46), 14 more ->
    // 2020-12-14.
    let case = reentry_after(None);
    assert_eq!(
        case.date_entered_foster_care(2, d(2020, 11, 1), &FEDERAL),
        Some(d(2020, 12, 14))
    );
}

#[test]
fn a_finding_that_reunification_efforts_are_not_required_meets_prevent_removal() {
    // Removed 2023-01-10; on 2023-02-01 the court finds aggravated circumstances (SSA
    // §471(a)(15)(D)(i)): no efforts to prevent the removal were required either (45 CFR
    // 1356.21(b)(1)(i), (b)(3)). Due 2023-01-10 + 60 days = 2023-03-11.
    let case = case_of(vec![
        removal(d(2023, 1, 10)),
        ctw(d(2023, 1, 10)),
        excused(d(2023, 2, 1), AggravatedGround::AggravatedCircumstances),
    ]);
    let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
    expect(
        one(&obs, K::PreventRemovalEfforts),
        RuleId::PreventRemovalEfforts,
        d(2023, 1, 10),
        d(2023, 3, 11),
        Status::Met(d(2023, 2, 1)),
        None,
    );
    // The same on 2023-03-12, a day late: met late, and the episode is ineligible.
    let late = case_of(vec![
        removal(d(2023, 1, 10)),
        ctw(d(2023, 1, 10)),
        excused(d(2023, 3, 12), AggravatedGround::SiblingRightsTerminated),
    ]);
    let o = late.obligations(d(2023, 6, 1), &FEDERAL);
    let o = one(&o, K::PreventRemovalEfforts);
    assert_eq!(
        (o.status(), o.consequence()),
        (
            Status::MetLate(d(2023, 3, 12)),
            Some(Consequence::IneligibleForEpisode)
        )
    );
}

#[test]
fn a_pick_up_order_after_an_over_long_visit_sanctions_the_return() {
    // Removed 2024-01-01, home on a trial visit from 2024-02-01 with no court extension: the
    // visit's 6 months end on 2024-08-01 (2024-02-01 + 6 months), the episode with them. A
    // pick-up order of 2024-09-30 finds contrary to the welfare, prevention efforts made and
    // abuse; the child is removed again on 2024-10-01. The order sanctions the second removal
    // (45 CFR 1356.21(c)): both findings are met, and DEFC is the removal date (a finding before
    // the removal sets it at the removal).
    let case = case_of(vec![
        removal(d(2024, 1, 1)),
        ctw(d(2024, 1, 1)),
        foster(d(2024, 1, 1), "P-1"),
        visit(d(2024, 2, 1), "V-1"),
        ctw(d(2024, 9, 30)),
        prevention(d(2024, 9, 30), PreventionEfforts::Made),
        abuse(d(2024, 9, 30)),
        removal(d(2024, 10, 1)),
        foster(d(2024, 10, 1), "P-2"),
    ]);
    let as_of = d(2024, 12, 15);
    assert_eq!(
        case.episodes()[0].exit(),
        Some(EpisodeExit::new(d(2024, 8, 1), ExitReason::Reunified))
    );
    let obs = case.obligations(as_of, &FEDERAL);
    let second = |kind| {
        obs.iter()
            .find(|o| o.kind() == kind && o.episode() == Some(2))
            .unwrap()
    };
    expect(
        second(K::ContraryToWelfare),
        RuleId::ContraryToWelfare,
        d(2024, 10, 1),
        d(2024, 10, 1),
        Status::Met(d(2024, 9, 30)),
        None,
    );
    // 2024-10-01 + 60 days: 30 days to Oct 31, 30 in November -> 2024-11-30.
    expect(
        second(K::PreventRemovalEfforts),
        RuleId::PreventRemovalEfforts,
        d(2024, 10, 1),
        d(2024, 11, 30),
        Status::Met(d(2024, 9, 30)),
        None,
    );
    assert_eq!(
        case.date_entered_foster_care(2, as_of, &FEDERAL),
        Some(d(2024, 10, 1))
    );
}
