//! Scenario tests for the age milestones of a child in care (`src/timeline/ages.rs`): transition
//! services from 14, APPLA from 16, the transition plan in the 90 days before 18, and the end of
//! care at 18 or the extended-care age.
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
use permanency::policy::TprAfterMajority;
use permanency::timeline::{Consequence, ObligationKind as K, Status};
use permanency::*;

// ================================================================================================
// Ages of a child in care

#[test]
fn transition_services_for_a_youth_who_enters_care_at_15() {
    // The teen (14 on 2021-09-30) is removed 2023-01-10 at 15: the services are due with the
    // initial case plan, 2023-01-10 + 60 days = 2023-03-11 (later than 2021-09-30 + 6 months).
    let case = build(
        teen(),
        &FEDERAL,
        vec![removal(d(2023, 1, 10)), case_plan(d(2023, 2, 1))],
    );
    let obs = case.obligations(d(2023, 4, 1), &FEDERAL);
    let o = one(&obs, K::TransitionServices);
    expect(
        o,
        RuleId::TransitionServices,
        d(2023, 1, 10),
        d(2023, 3, 11),
        Status::Met(d(2023, 2, 1)),
        None,
    );
    assert_eq!(o.episode(), Some(1));
}

#[test]
fn transition_services_for_a_child_who_turns_14_in_care() {
    // Born 2009-03-15: 14 on 2023-03-15. The crate reads the duty as a case plan on or after
    // the birthday, within the review period after it: 2023-03-15 + 6 months = 2023-09-15.
    let child = child_born(d(2009, 3, 15));
    let events = vec![removal(d(2022, 1, 10)), case_plan(d(2022, 2, 1))];
    let case = build(child.clone(), &FEDERAL, events.clone());
    let obs = case.obligations(d(2023, 1, 1), &FEDERAL);
    expect(
        one(&obs, K::TransitionServices),
        RuleId::TransitionServices,
        d(2023, 3, 15),
        d(2023, 9, 15),
        Status::NotYetApplicable,
        None,
    );
    // The plan made at 12 does not count.
    let obs = case.obligations(d(2023, 9, 16), &FEDERAL);
    assert_eq!(one(&obs, K::TransitionServices).status(), Status::Overdue);

    let mut events = events;
    events.push(case_plan(d(2023, 6, 1)));
    let case = build(child, &FEDERAL, events);
    let obs = case.obligations(d(2023, 9, 16), &FEDERAL);
    assert_eq!(
        one(&obs, K::TransitionServices).status(),
        Status::Met(d(2023, 6, 1))
    );
}

#[test]
fn appla_becomes_available_at_16() {
    let case = build(teen(), &FEDERAL, vec![removal(d(2023, 1, 10))]);
    // 16 on 2007-09-30 + 16 years = 2023-09-30.
    let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
    expect(
        one(&obs, K::ApplaEligibility),
        RuleId::ApplaEligibility,
        d(2023, 9, 30),
        d(2023, 9, 30),
        Status::Upcoming,
        None,
    );
    let obs = case.obligations(d(2023, 9, 30), &FEDERAL);
    assert_eq!(one(&obs, K::ApplaEligibility).status(), Status::Reached);
}

#[test]
fn the_transition_plan_is_made_in_the_90_days_before_18() {
    // 18 on 2025-09-30. The 90 days immediately before: Jul 2..31 (30) + Aug (31) + Sep
    // 1..29 (29) = 90, so the window opens 2025-07-02 and the last day is 2025-09-29.
    let early = build(
        teen(),
        &FEDERAL,
        vec![removal(d(2023, 1, 10)), transition_plan(d(2025, 6, 15))],
    );
    let obs = early.obligations(d(2025, 7, 1), &FEDERAL);
    expect(
        one(&obs, K::TransitionPlan),
        RuleId::TransitionPlan,
        d(2025, 7, 2),
        d(2025, 9, 29),
        Status::NotYetApplicable,
        None,
    );
    // The plan of 2025-06-15, before the window, does not count.
    let obs = early.obligations(d(2025, 8, 1), &FEDERAL);
    assert_eq!(one(&obs, K::TransitionPlan).status(), Status::Upcoming);
    let obs = early.obligations(d(2025, 9, 30), &FEDERAL);
    assert_eq!(one(&obs, K::TransitionPlan).status(), Status::Overdue);

    let in_window = build(
        teen(),
        &FEDERAL,
        vec![removal(d(2023, 1, 10)), transition_plan(d(2025, 7, 2))],
    );
    let obs = in_window.obligations(d(2025, 8, 1), &FEDERAL);
    expect(
        one(&obs, K::TransitionPlan),
        RuleId::TransitionPlan,
        d(2025, 7, 2),
        d(2025, 9, 29),
        Status::Met(d(2025, 7, 2)),
        None,
    );
}

#[test]
fn an_obligation_row_s_debug_hides_the_dates_a_birthday_sets() {
    // The teen is 18 on 2025-09-30: the end of care and the transition plan (due 2025-09-29)
    // are counted from that birthday. Their rows keep the dates (a table asks for them), but
    // their Debug, as the obligation's, does not print them; a row not set by a birthday does.
    let case = build(teen(), &FEDERAL, vec![removal(d(2023, 1, 10))]);
    let obs = case.obligations(d(2025, 10, 1), &FEDERAL);
    for kind in [K::CareEndAge, K::TransitionPlan] {
        let row = one(&obs, kind).row();
        assert!(row.due.to_string().starts_with("2025-09-"));
        let shown = format!("{row:?}");
        assert!(!shown.contains("2025-09"), "{shown}");
        assert!(shown.contains("[redacted]"), "{shown}");
    }
    let plan = one(&obs, K::CasePlan).row();
    let shown = format!("{plan:?}");
    // The case plan is due 60 days after the removal: 2023-01-10 + 60 = 2023-03-11.
    assert!(shown.contains("2023-03-11"), "{shown}");
}

#[test]
fn care_ends_at_18_or_at_the_extended_care_age() {
    let case = build(teen(), &FEDERAL, vec![removal(d(2023, 1, 10))]);
    // 18 on 2025-09-30: an exit is dated the first day out of care, so the exit may be dated
    // the birthday itself, 2025-09-30, at the latest (in care through 2025-09-29).
    let obs = case.obligations(d(2025, 9, 30), &FEDERAL);
    expect(
        one(&obs, K::CareEndAge),
        RuleId::CareEndAge,
        d(2025, 9, 30),
        d(2025, 9, 30),
        Status::Upcoming,
        None,
    );
    let obs = case.obligations(d(2025, 10, 1), &FEDERAL);
    assert_eq!(one(&obs, K::CareEndAge).status(), Status::Overdue);

    // Extended care to 21: 21 on 2028-09-30. The transition plan window moves with it:
    // 2028-09-30 less 90 days (29 in Sep, 31 in Aug, 30 in Jul) = 2028-07-02.
    let extended = FEDERAL.with_extended_care_age(Some(21)).unwrap();
    let obs = case.obligations(d(2025, 10, 1), &extended);
    expect(
        one(&obs, K::CareEndAge),
        RuleId::CareEndAge,
        d(2028, 9, 30),
        d(2028, 9, 30),
        Status::Upcoming,
        None,
    );
    let o = one(&obs, K::TransitionPlan);
    assert_eq!(
        (o.counts_from(), o.due(), o.status()),
        (d(2028, 7, 2), d(2028, 9, 29), Status::NotYetApplicable)
    );

    // Emancipated on the 18th birthday: the age clocks about a child in care end, but the
    // transition plan owed in the window 2025-07-02 ..= 2025-09-29, while the youth was in
    // care, stays owed: none made, it was missed.
    let emancipated = |plan: Option<chrono::NaiveDate>| {
        let mut events = vec![removal(d(2023, 1, 10))];
        events.extend(plan.map(transition_plan));
        events.push(discharge(d(2025, 9, 30), ExitReason::Emancipated));
        build(teen(), &FEDERAL, events)
    };
    let obs = emancipated(None).obligations(d(2025, 10, 1), &FEDERAL);
    for kind in [K::TransitionServices, K::ApplaEligibility, K::CareEndAge] {
        none_of(&obs, kind);
    }
    let o = one(&obs, K::TransitionPlan);
    assert_eq!((o.due(), o.status()), (d(2025, 9, 29), Status::Overdue));
    // Made on 2025-08-15, inside the window: met, and still met after the exit.
    let obs = emancipated(Some(d(2025, 8, 15))).obligations(d(2026, 1, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::TransitionPlan).status(),
        Status::Met(d(2025, 8, 15))
    );
    // Reunified on 2025-09-01, before the window's last day: no longer owed.
    let case = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2023, 1, 10)),
            discharge(d(2025, 9, 1), ExitReason::Reunified),
        ],
    );
    none_of(
        &case.obligations(d(2025, 10, 1), &FEDERAL),
        K::TransitionPlan,
    );
}

#[test]
fn a_leap_day_birthday_follows_the_policy() {
    // Born 2008-02-29; 2026 is a common year. By default the 18th birthday is 2026-02-28,
    // so the exit is due 2026-02-28 (the first day out), in care through 2026-02-27, and the 90-day window opens 2026-02-28 − 90 days (28 in
    // Feb, 31 in Jan, 31 in Dec) = 2025-11-30.
    let case = build(
        child_born(d(2008, 2, 29)),
        &FEDERAL,
        vec![removal(d(2023, 1, 10))],
    );
    let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
    assert_eq!(one(&obs, K::CareEndAge).due(), d(2026, 2, 28));
    let o = one(&obs, K::TransitionPlan);
    assert_eq!(
        (o.counts_from(), o.due()),
        (d(2025, 11, 30), d(2026, 2, 27))
    );
    // 16 falls in a leap year: 2024-02-29 under either convention.
    assert_eq!(one(&obs, K::ApplaEligibility).due(), d(2024, 2, 29));

    // Where the birthday is 1 March: 18 on 2026-03-01, in care through 2026-02-28 and out on
    // 2026-03-01 at the latest; the window opens 2026-03-01 − 90 days (1 + 28 + 31 + 30) =
    // 2025-12-01.
    let march = FEDERAL.with_leap_day_birthday(permanency::date::LeapDayBirthday::March1);
    let obs = case.obligations(d(2023, 6, 1), &march);
    assert_eq!(one(&obs, K::CareEndAge).due(), d(2026, 3, 1));
    let o = one(&obs, K::TransitionPlan);
    assert_eq!((o.counts_from(), o.due()), (d(2025, 12, 1), d(2026, 2, 28)));
}

#[test]
fn a_removal_after_care_ends_is_not_a_title_iv_e_child() {
    // The teen is 18 on 2025-09-30; home 2025-06-01, back in care 2025-10-15 where the state
    // does not extend care: flagged, counted from the birthday, reached on the removal.
    let history = vec![
        removal(d(2023, 1, 10)),
        discharge(d(2025, 6, 1), ExitReason::Reunified),
        removal(d(2025, 10, 15)),
    ];
    let case = build(teen(), &FEDERAL, history.clone());
    let obs = case.obligations(d(2025, 11, 1), &FEDERAL);
    let o = one(&obs, K::AdultReentry);
    expect(
        o,
        RuleId::AdultReentry,
        d(2025, 9, 30),
        d(2025, 10, 15),
        Status::Reached,
        Some(Consequence::IneligibleForEpisode),
    );
    assert_eq!(o.episode(), Some(2));
    assert!(K::AdultReentry.follows_birthdays());
    // Where care extends to 21 (2028-09-30), the youth is still a child: nothing flagged.
    let extended = FEDERAL.with_extended_care_age(Some(21)).unwrap();
    let case = build(teen(), &extended, history);
    none_of(
        &case.obligations(d(2025, 11, 1), &extended),
        K::AdultReentry,
    );
}

#[test]
fn the_15_of_22_clock_runs_in_extended_care_unless_the_policy_stops_it() {
    // Extended care to 21; removed 2024-10-01, adjudicated that day (DEFC): the 15th month
    // ends 2026-01-01 - 1 day = 2025-12-31, after the 18th birthday (2025-09-30).
    let extended = FEDERAL.with_extended_care_age(Some(21)).unwrap();
    let case = build(
        teen(),
        &extended,
        vec![removal(d(2024, 10, 1)), abuse(d(2024, 10, 1))],
    );
    let obs = case.obligations(d(2025, 1, 1), &extended);
    let o = one(&obs, K::FifteenOfTwentyTwo);
    assert_eq!((o.due(), o.status()), (d(2025, 12, 31), Status::Upcoming));
    let stops = extended.with_tpr_after_majority(TprAfterMajority::Stops);
    none_of(
        &case.obligations(d(2025, 1, 1), &stops),
        K::FifteenOfTwentyTwo,
    );
}
