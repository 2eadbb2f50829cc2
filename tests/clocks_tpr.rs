//! Scenario tests for the TPR petitions `Case::obligations` expects (`src/timeline/asfa.rs`): at
//! 15 of the most recent 22 months in care, and within 60 days of an abandoned-infant or a
//! felony-ground determination.
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
use permanency::policy::{
    DetentionTime, MonthCounting, RelativeCareException, RelativeCareReview, TprRefiling,
};
use permanency::timeline::{ObligationKind as K, Status, Waiver};
use permanency::*;

// ================================================================================================
// The expedited petitions after a felony ground or an abandoned infant

#[test]
fn the_felony_ground_also_needs_a_tpr_petition_within_60_days() {
    // 2023-03-01 + 60 days: 30 days to Mar 31, 30 more -> 2023-04-30.
    let on_time = case_of(vec![
        removal(d(2023, 1, 10)),
        excused(d(2023, 3, 1), AggravatedGround::FelonyAgainstChild),
        petition(d(2023, 4, 30)),
    ]);
    let obs = on_time.obligations(d(2023, 5, 15), &FEDERAL);
    let o = one(&obs, K::FelonyPetition);
    expect(
        o,
        RuleId::FelonyPetition,
        d(2023, 3, 1),
        d(2023, 4, 30),
        Status::Met(d(2023, 4, 30)),
        None,
    );
    assert_eq!(o.subject(), Some(&person("P-MOTHER")));
    // The 30-day hearing is owed too (2023-03-31), and was not held.
    let h = one(&obs, K::NoReunificationHearing);
    assert_eq!((h.due(), h.status()), (d(2023, 3, 31), Status::Overdue));

    let late = case_of(vec![
        removal(d(2023, 1, 10)),
        excused(d(2023, 3, 1), AggravatedGround::FelonyAgainstChild),
        petition(d(2023, 5, 1)),
    ]);
    let obs = late.obligations(d(2023, 5, 15), &FEDERAL);
    expect(
        one(&obs, K::FelonyPetition),
        RuleId::FelonyPetition,
        d(2023, 3, 1),
        d(2023, 4, 30),
        Status::MetLate(d(2023, 5, 1)),
        None,
    );
}

#[test]
fn an_abandoned_infant_needs_a_tpr_petition_within_60_days() {
    let infant = child_born(d(2023, 1, 1));
    let case = build(
        infant,
        &FEDERAL,
        vec![
            removal(d(2023, 1, 10)),
            finding(d(2023, 2, 15), Finding::AbandonedInfant),
        ],
    );
    // 2023-02-15 + 60 days: 13 days to Feb 28, 31 in March (44), 16 more -> 2023-04-16.
    let obs = case.obligations(d(2023, 4, 16), &FEDERAL);
    let o = one(&obs, K::AbandonedInfantPetition);
    expect(
        o,
        RuleId::AbandonedInfantPetition,
        d(2023, 2, 15),
        d(2023, 4, 16),
        Status::Upcoming,
        None,
    );
    assert_eq!(o.subject(), None);
    none_of(&obs, K::NoReunificationHearing);
    let obs = case.obligations(d(2023, 4, 17), &FEDERAL);
    assert_eq!(
        one(&obs, K::AbandonedInfantPetition).status(),
        Status::Overdue
    );
}

// ================================================================================================
// 15 of the most recent 22 months

/// A removal adjudicated the same day, so that DEFC is the removal date.
fn entry(date: NaiveDate) -> Vec<Event> {
    vec![removal(date), abuse(date)]
}

#[test]
fn one_continuous_episode_is_due_at_the_end_of_the_15th_month() {
    let case = case_of(entry(d(2022, 1, 1)));
    // DEFC 2022-01-01 + 15 months = 2023-04-01, less a day -> 2023-03-31.
    let obs = case.obligations(d(2022, 6, 1), &FEDERAL);
    let o = one(&obs, K::FifteenOfTwentyTwo);
    expect(
        o,
        RuleId::FifteenOfTwentyTwo,
        d(2022, 1, 1),
        d(2023, 3, 31),
        Status::Upcoming,
        None,
    );
    assert_eq!(o.episode(), Some(1));
    let obs = case.obligations(d(2023, 3, 31), &FEDERAL);
    assert_eq!(one(&obs, K::FifteenOfTwentyTwo).status(), Status::Upcoming);
    let obs = case.obligations(d(2023, 4, 1), &FEDERAL);
    let o = one(&obs, K::FifteenOfTwentyTwo);
    assert_eq!((o.status(), o.consequence()), (Status::Overdue, None));

    // DOMAIN.md's example: DEFC 2023-02-20 + 15 months = 2024-05-20, less a day.
    let case = case_of(entry(d(2023, 2, 20)));
    let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
    assert_eq!(one(&obs, K::FifteenOfTwentyTwo).due(), d(2024, 5, 19));
}

#[test]
fn two_episodes_inside_the_window_add_up() {
    let mut events = entry(d(2022, 1, 1));
    events.push(discharge(d(2022, 9, 1), ExitReason::Reunified));
    events.extend(entry(d(2022, 11, 1)));
    let case = case_of(events);
    let obs = case.obligations(d(2023, 1, 1), &FEDERAL);
    // Episode 1: 2022-01-01 to 2022-09-01 = 8 whole months. Episode 2 from its DEFC
    // 2022-11-01 needs 7 more: 2022-11-01 + 7 months = 2023-06-01, less a day -> 2023-05-31.
    // The 22 months ending then start 2021-08-01: both episodes lie inside.
    let o = one(&obs, K::FifteenOfTwentyTwo);
    expect(
        o,
        RuleId::FifteenOfTwentyTwo,
        d(2022, 1, 1),
        d(2023, 5, 31),
        Status::Upcoming,
        None,
    );
    assert_eq!(o.episode(), Some(2));
}

#[test]
fn an_episode_the_window_has_dropped_no_longer_counts() {
    let mut events = entry(d(2019, 1, 1));
    events.push(discharge(d(2019, 11, 1), ExitReason::Reunified));
    events.extend(entry(d(2023, 1, 1)));
    let case = case_of(events);
    let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
    // Episode 1 (10 months, 2019-01-01 to 2019-11-01) ended more than 22 months before
    // episode 2 began: only episode 2 counts. 2023-01-01 + 15 months = 2024-04-01, less a day.
    let o = one(&obs, K::FifteenOfTwentyTwo);
    assert_eq!(
        (o.due(), o.status(), o.episode()),
        (d(2024, 3, 31), Status::Upcoming, Some(2))
    );
}

#[test]
fn an_episode_the_window_has_dropped_is_not_the_date_counted_from() {
    let mut events = entry(d(2019, 1, 1));
    events.push(discharge(d(2019, 11, 1), ExitReason::Reunified));
    events.extend(entry(d(2023, 1, 1)));
    let case = case_of(events);
    let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::FifteenOfTwentyTwo).counts_from(),
        d(2023, 1, 1)
    );
}

#[test]
fn the_window_slides_over_an_earlier_episode() {
    let mut events = entry(d(2021, 1, 1));
    events.push(discharge(d(2021, 11, 1), ExitReason::Reunified));
    events.extend(entry(d(2022, 7, 1)));
    let case = case_of(events);
    let obs = case.obligations(d(2023, 1, 1), &FEDERAL);
    // Episode 1: 10 months (2021-01-01 to 2021-11-01); episode 2 from 2022-07-01. Without a
    // window 5 more months would do (2022-11-30), but the window ending 2022-12-01 starts
    // 2021-02-01 and keeps only 9 months of episode 1 (9 + 5 = 14); every further month of
    // episode 2 pushes one month of episode 1 out. The count stays at 14 until episode 2
    // alone has 15 months: 2022-07-01 + 15 months = 2023-10-01, less a day -> 2023-09-30.
    assert_eq!(one(&obs, K::FifteenOfTwentyTwo).due(), d(2023, 9, 30));
}

#[test]
fn trial_home_visits_and_runaways_do_not_count() {
    let mut events = entry(d(2022, 1, 1));
    events.extend([
        foster(d(2022, 1, 1), "P-1"),
        visit(d(2022, 5, 1), "V-1"),
        visit_ended(d(2022, 7, 1), "P-2"),
    ]);
    let case = case_of(events);
    let obs = case.obligations(d(2022, 8, 1), &FEDERAL);
    // Counted: 2022-01-01 to 2022-05-01 = 4 months, then from 2022-07-01 11 more:
    // 2022-07-01 + 11 months = 2023-06-01, less a day -> 2023-05-31. The visit's 2 months
    // move the continuous-care date 2023-03-31 by exactly 2 months.
    let o = one(&obs, K::FifteenOfTwentyTwo);
    expect(
        o,
        RuleId::FifteenOfTwentyTwo,
        d(2022, 1, 1),
        d(2023, 5, 31),
        Status::Upcoming,
        None,
    );

    let mut events = entry(d(2022, 1, 1));
    events.extend([
        foster(d(2022, 1, 1), "P-1"),
        ran_away(d(2022, 3, 1), "R-1"),
        returned_to_foster(d(2022, 4, 1), "P-2"),
    ]);
    let case = case_of(events);
    let obs = case.obligations(d(2022, 8, 1), &FEDERAL);
    // 2 months (Jan, Feb), a month away, then 13 more from 2022-04-01: 2023-05-01, less a
    // day -> 2023-04-30: one month after 2023-03-31.
    assert_eq!(one(&obs, K::FifteenOfTwentyTwo).due(), d(2023, 4, 30));
}

#[test]
fn a_relative_caring_for_the_child_waives_it_unless_the_state_does_not_use_the_exception() {
    let mut events = entry(d(2022, 1, 1));
    events.push(relative_home(d(2022, 1, 1), "R-1"));
    let case = case_of(events.clone());
    let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
    expect(
        one(&obs, K::FifteenOfTwentyTwo),
        RuleId::FifteenOfTwentyTwo,
        d(2022, 1, 1),
        d(2023, 3, 31),
        Status::Waived(Waiver::RelativeCare),
        None,
    );

    let policy = FEDERAL.with_relative_care_exception(RelativeCareException::NotUsed);
    let obs = case.obligations(d(2023, 6, 1), &policy);
    assert_eq!(one(&obs, K::FifteenOfTwentyTwo).status(), Status::Overdue);

    // Judged at the 15/22 point (2023-03-31), not before: asked on 2022-06-01, with the child
    // in the relative home then, the petition is upcoming, not yet waived.
    let obs = case.obligations(d(2022, 6, 1), &FEDERAL);
    assert_eq!(one(&obs, K::FifteenOfTwentyTwo).status(), Status::Upcoming);
    // Asked on the due date itself, it is judged: waived.
    let obs = case.obligations(d(2023, 3, 31), &FEDERAL);
    assert_eq!(
        one(&obs, K::FifteenOfTwentyTwo).status(),
        Status::Waived(Waiver::RelativeCare)
    );

    // A child who left the relative home before the 15/22 point is not waived: overdue after
    // it, and upcoming before it (before, the relative home of the day asked waived it).
    events.push(to_foster(d(2023, 1, 1), "P-1"));
    let case = case_of(events);
    let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
    assert_eq!(one(&obs, K::FifteenOfTwentyTwo).status(), Status::Overdue);
    let obs = case.obligations(d(2022, 6, 1), &FEDERAL);
    assert_eq!(one(&obs, K::FifteenOfTwentyTwo).status(), Status::Upcoming);
}

#[test]
fn a_documented_exception_waives_it() {
    for (x, waiver) in [
        (TprException::CompellingReason, Waiver::CompellingReason),
        (
            TprException::ServicesNotProvided,
            Waiver::ServicesNotProvided,
        ),
    ] {
        let mut events = entry(d(2022, 1, 1));
        events.push(exception(d(2023, 3, 31), x));
        let case = case_of(events);
        let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
        expect(
            one(&obs, K::FifteenOfTwentyTwo),
            RuleId::FifteenOfTwentyTwo,
            d(2022, 1, 1),
            d(2023, 3, 31),
            Status::Waived(waiver),
            None,
        );
    }
    // Documented after the due date: too late.
    let mut events = entry(d(2022, 1, 1));
    events.push(exception(d(2023, 4, 1), TprException::CompellingReason));
    let case = case_of(events);
    let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
    assert_eq!(one(&obs, K::FifteenOfTwentyTwo).status(), Status::Overdue);
}

#[test]
fn the_requirement_applies_once_even_long_after_an_exception() {
    let mut events = entry(d(2022, 1, 1));
    events.push(exception(d(2023, 1, 15), TprException::CompellingReason));
    // Still in care four years on: no second obligation.
    let case = case_of(events.clone());
    let obs = case.obligations(d(2026, 1, 1), &FEDERAL);
    let o = one(&obs, K::FifteenOfTwentyTwo);
    assert_eq!(
        (o.due(), o.status()),
        (d(2023, 3, 31), Status::Waived(Waiver::CompellingReason))
    );

    // An exit and a re-entry that alone reaches 15 months (2024-01-01 to 2025-04-01) does not
    // bring it back either.
    events.push(discharge(d(2023, 6, 1), ExitReason::Reunified));
    events.extend(entry(d(2024, 1, 1)));
    let case = case_of(events);
    let obs = case.obligations(d(2026, 6, 1), &FEDERAL);
    let o = one(&obs, K::FifteenOfTwentyTwo);
    assert_eq!(
        (o.due(), o.status(), o.episode()),
        (
            d(2023, 3, 31),
            Status::Waived(Waiver::CompellingReason),
            Some(1)
        )
    );
}

#[test]
fn a_petition_meets_it_on_time_or_late() {
    let mut events = entry(d(2022, 1, 1));
    events.push(petition(d(2023, 3, 31)));
    let case = case_of(events);
    let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
    expect(
        one(&obs, K::FifteenOfTwentyTwo),
        RuleId::FifteenOfTwentyTwo,
        d(2022, 1, 1),
        d(2023, 3, 31),
        Status::Met(d(2023, 3, 31)),
        None,
    );

    let mut events = entry(d(2022, 1, 1));
    events.push(petition(d(2023, 4, 15)));
    let case = case_of(events);
    let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::FifteenOfTwentyTwo).status(),
        Status::MetLate(d(2023, 4, 15))
    );
}

#[test]
fn states_may_file_sooner_or_count_months_in_days() {
    let case = case_of(entry(d(2022, 1, 1)));
    let as_of = d(2022, 6, 1);

    // Ohio, 12 of 22: 2022-01-01 + 12 months = 2023-01-01, less a day -> 2022-12-31.
    let ohio = FEDERAL.with_tpr_clock(12, 22).unwrap();
    assert_eq!(
        one(&case.obligations(as_of, &ohio), K::FifteenOfTwentyTwo).due(),
        d(2022, 12, 31)
    );

    // 30-day months: 450 days, the 450th being 2022-01-01 + 449 days. 2022-01-01 + 365 =
    // 2023-01-01; + 31 (Jan) + 28 (Feb) = 2023-03-01 (+424); + 25 -> 2023-03-26 (+449).
    let thirty = FEDERAL.with_tpr_month_counting(MonthCounting::ThirtyDays);
    assert_eq!(
        one(&case.obligations(as_of, &thirty), K::FifteenOfTwentyTwo).due(),
        d(2023, 3, 26)
    );

    // 30.4375-day months: 15 × 30.4375 = 456.5625 -> 457 days, the last being 2022-01-01 +
    // 456: 2023-04-01 is +455 (365 + 31 + 28 + 31), so 2023-04-02.
    let average = FEDERAL.with_tpr_month_counting(MonthCounting::AverageMonth);
    assert_eq!(
        one(&case.obligations(as_of, &average), K::FifteenOfTwentyTwo).due(),
        d(2023, 4, 2)
    );
}

// ================================================================================================
// Found in review: exceptions outside the window, and detention time.

#[test]
fn an_exception_documented_before_the_window_waives_nothing() {
    // Episode 1 in 2016, with a compelling reason documented then; re-entry 2022-01-03 with
    // an adjudication that day: DEFC 2022-01-03, + 15 months = 2023-04-03, less a day =
    // 2023-04-02. The 22-month window ending then starts 2021-06-03: 2016 is long gone.
    let old = vec![
        removal(d(2016, 1, 4)),
        abuse(d(2016, 1, 4)),
        exception(d(2016, 2, 1), TprException::CompellingReason),
        discharge(d(2016, 3, 1), ExitReason::Reunified),
        removal(d(2022, 1, 3)),
        abuse(d(2022, 1, 3)),
    ];
    let case = build(teen(), &FEDERAL, old.clone());
    let o = one(
        &case.obligations(d(2023, 5, 1), &FEDERAL),
        K::FifteenOfTwentyTwo,
    )
    .clone();
    expect(
        &o,
        RuleId::FifteenOfTwentyTwo,
        d(2022, 1, 3),
        d(2023, 4, 2),
        Status::Overdue,
        None,
    );
    let mut recent = old;
    recent.push(exception(d(2022, 6, 1), TprException::CompellingReason));
    let case = build(teen(), &FEDERAL, recent);
    let o = one(
        &case.obligations(d(2023, 5, 1), &FEDERAL),
        K::FifteenOfTwentyTwo,
    )
    .clone();
    assert_eq!(o.status(), Status::Waived(Waiver::CompellingReason));
}

#[test]
fn detention_days_count_toward_15_of_22_unless_the_policy_excludes_them() {
    // DEFC 2023-01-01; detention 2023-03-01 to 2023-04-01 (one month).
    let events = || {
        vec![
            removal(d(2023, 1, 1)),
            abuse(d(2023, 1, 1)),
            foster(d(2023, 1, 1), "P-1"),
            change(d(2023, 3, 1), "P-2", Setting::JuvenileJusticeFacility, None),
            to_foster(d(2023, 4, 1), "P-3"),
        ]
    };
    // Counted: continuous from 2023-01-01, 15 months end 2024-03-31.
    let counted = case_of(events());
    let o = one(
        &counted.obligations(d(2024, 1, 1), &FEDERAL),
        K::FifteenOfTwentyTwo,
    )
    .clone();
    assert_eq!(o.due(), d(2024, 3, 31));
    // Excluded: 2 months (Jan, Feb) + 13 from 2023-04-01 = 2024-05-01, less a day.
    let excluded = Policy::federal().with_detention_time(DetentionTime::Excluded);
    let case = build(child(), &excluded, events());
    let o = one(
        &case.obligations(d(2024, 1, 1), &excluded),
        K::FifteenOfTwentyTwo,
    )
    .clone();
    assert_eq!(o.due(), d(2024, 4, 30));
}

// ================================================================================================
// The three exceptions govern every trigger; a petition owed once per re-entry; no parent left

/// Removed 2023-01-10 and adjudicated the same day (DEFC 2023-01-10), placed with `first`.
fn in_care_with(first: Event) -> Vec<Event> {
    vec![removal(d(2023, 1, 10)), abuse(d(2023, 1, 10)), first]
}

#[test]
fn relative_care_waives_the_abandoned_infant_petition_at_the_states_option() {
    let infant = child_born(d(2023, 1, 1));
    let mut events = in_care_with(relative_home(d(2023, 1, 10), "P-1"));
    events.push(finding(d(2023, 2, 15), Finding::AbandonedInfant));
    // 2023-02-15 + 60 days = 2023-04-16 (13 days to Feb 28, 31 in March, 16 more).
    let case = build(infant.clone(), &FEDERAL, events.clone());
    let obs = case.obligations(d(2023, 5, 1), &FEDERAL);
    let o = one(&obs, K::AbandonedInfantPetition);
    assert_eq!(
        (o.due(), o.status()),
        (d(2023, 4, 16), Status::Waived(Waiver::RelativeCare))
    );
    let no_option = FEDERAL.with_relative_care_exception(RelativeCareException::NotUsed);
    let case = build(infant, &no_option, events);
    let obs = case.obligations(d(2023, 5, 1), &no_option);
    assert_eq!(
        one(&obs, K::AbandonedInfantPetition).status(),
        Status::Overdue
    );
}

#[test]
fn a_compelling_reason_waives_the_felony_petition_but_services_not_provided_does_not() {
    // 2023-03-01 + 60 days = 2023-04-30.
    let mut events = in_care_with(foster(d(2023, 1, 10), "P-1"));
    events.push(excused(d(2023, 3, 1), AggravatedGround::FelonyAgainstChild));
    let mut compelling = events.clone();
    compelling.push(exception(d(2023, 3, 15), TprException::CompellingReason));
    let obs = case_of(compelling).obligations(d(2023, 5, 15), &FEDERAL);
    let o = one(&obs, K::FelonyPetition);
    assert_eq!(
        (o.due(), o.status()),
        (d(2023, 4, 30), Status::Waived(Waiver::CompellingReason))
    );
    // Reunification efforts were excused: "services not provided" is not available.
    events.push(exception(d(2023, 3, 15), TprException::ServicesNotProvided));
    let obs = case_of(events).obligations(d(2023, 5, 15), &FEDERAL);
    assert_eq!(one(&obs, K::FelonyPetition).status(), Status::Overdue);
}

#[test]
fn services_not_provided_waives_15_of_22_only_where_reunification_efforts_are_required() {
    // DEFC 2023-01-10: the 15th month ends 2024-04-10 - 1 day = 2024-04-09.
    let mut events = in_care_with(foster(d(2023, 1, 10), "P-1"));
    events.push(exception(d(2024, 3, 1), TprException::ServicesNotProvided));
    let obs = case_of(events.clone()).obligations(d(2024, 5, 1), &FEDERAL);
    let o = one(&obs, K::FifteenOfTwentyTwo);
    assert_eq!(
        (o.due(), o.status()),
        (d(2024, 4, 9), Status::Waived(Waiver::ServicesNotProvided))
    );
    // Aggravated circumstances found 2023-06-01: no reunification efforts were owed.
    events.insert(
        3,
        excused(d(2023, 6, 1), AggravatedGround::AggravatedCircumstances),
    );
    let obs = case_of(events).obligations(d(2024, 5, 1), &FEDERAL);
    let o = one(&obs, K::FifteenOfTwentyTwo);
    assert_eq!((o.due(), o.status()), (d(2024, 4, 9), Status::Overdue));
}

/// Removed 2015-01-10 (DEFC the same day), a petition filed 2016-03-01, home 2017-01-01; back in
/// care 2020-01-10 (DEFC the same day), nothing filed since. The teen (born 2007-09-30) is 12
/// when the 2020 count is due.
fn petition_then_reentry() -> Case {
    build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2015, 1, 10)),
            abuse(d(2015, 1, 10)),
            foster(d(2015, 1, 10), "P-1"),
            petition(d(2016, 3, 1)),
            discharge(d(2017, 1, 1), ExitReason::Reunified),
            removal(d(2020, 1, 10)),
            abuse(d(2020, 1, 10)),
            foster(d(2020, 1, 10), "P-2"),
        ],
    )
}

#[test]
fn a_petition_filed_in_an_earlier_episode_does_not_answer_a_reentrys_15_of_22() {
    let case = petition_then_reentry();
    let obs = case.obligations(d(2021, 5, 1), &FEDERAL);
    let found = all(&obs, K::FifteenOfTwentyTwo);
    assert_eq!(found.len(), 2, "{found:#?}");
    // The first: 2015-01-10 + 15 months - 1 day = 2016-04-09, met on 2016-03-01.
    expect(
        found[0],
        RuleId::FifteenOfTwentyTwo,
        d(2015, 1, 10),
        d(2016, 4, 9),
        Status::Met(d(2016, 3, 1)),
        None,
    );
    // The re-entry's own: its window (2019-06-10 to 2021-04-09) holds only the new episode,
    // 2020-01-10 + 15 months - 1 day = 2021-04-09; nothing filed, overdue.
    expect(
        found[1],
        RuleId::FifteenOfTwentyTwo,
        d(2020, 1, 10),
        d(2021, 4, 9),
        Status::Overdue,
        None,
    );
    assert_eq!(found[1].episode(), Some(2));
    // Where one petition ever is enough, only the first remains.
    let once = FEDERAL.with_tpr_refiling(TprRefiling::Once);
    let obs = case.obligations(d(2021, 5, 1), &once);
    let found = all(&obs, K::FifteenOfTwentyTwo);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].status(), Status::Met(d(2016, 3, 1)));
}

#[test]
fn no_petition_is_owed_once_every_parents_rights_have_ended() {
    // Due 2024-04-09 (DEFC 2023-01-10); the mother's rights terminated 2024-01-05, the father
    // relinquished 2024-02-01: no parent remains.
    let mut events = in_care_with(foster(d(2023, 1, 10), "P-1"));
    events.push(tpr(d(2024, 1, 5), "P-MOTHER"));
    let only_mother = case_of(events.clone());
    let obs = only_mother.obligations(d(2024, 5, 1), &FEDERAL);
    assert_eq!(one(&obs, K::FifteenOfTwentyTwo).status(), Status::Overdue);
    events.push(relinquished(d(2024, 2, 1), "P-FATHER"));
    let obs = case_of(events).obligations(d(2024, 5, 1), &FEDERAL);
    let o = one(&obs, K::FifteenOfTwentyTwo);
    assert_eq!(
        (o.due(), o.status()),
        (d(2024, 4, 9), Status::Waived(Waiver::NoParentRemaining))
    );
}

#[test]
fn the_relative_care_exception_is_judged_again_when_the_relative_placement_ends_by_policy() {
    // With the grandmother from 2023-01-10 (DEFC), due 2024-04-09; moved to a foster home
    // 2024-06-01, still in care.
    let mut events = in_care_with(relative_home(d(2023, 1, 10), "P-1"));
    events.push(to_foster(d(2024, 6, 1), "P-2"));
    let case = case_of(events);
    let obs = case.obligations(d(2024, 7, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::FifteenOfTwentyTwo).status(),
        Status::Waived(Waiver::RelativeCare)
    );
    let review = FEDERAL.with_relative_care_review(RelativeCareReview::WhileInRelativeCare);
    let obs = case.obligations(d(2024, 7, 1), &review);
    let o = one(&obs, K::FifteenOfTwentyTwo);
    assert_eq!((o.due(), o.status()), (d(2024, 4, 9), Status::Overdue));
    // Still with the grandmother on 2024-05-01: waived either way.
    let obs = case.obligations(d(2024, 5, 1), &review);
    assert_eq!(
        one(&obs, K::FifteenOfTwentyTwo).status(),
        Status::Waived(Waiver::RelativeCare)
    );
}

#[test]
fn the_count_explains_the_stretches_the_visit_left_out_and_the_window() {
    // Foster care from 2023-01-10 (DEFC) to a trial home visit 2023-06-01, back 2023-07-01.
    // First stretch: 2023-01-10 to 2023-06-01 = 4 whole months (to 05-10) + 22 days, 142 days.
    // From 2023-07-01, 10 whole months reach 2024-05-01 (14 in all) and 8 more days complete the
    // 22 leftover to 30: the 15th month ends on 2024-05-09 - 1 day = 2024-05-08.
    // 2023-07-01 to 2024-05-09: 305 + 8 = 313 days; 455 in all.
    let case = case_of(vec![
        removal(d(2023, 1, 10)),
        abuse(d(2023, 1, 10)),
        foster(d(2023, 1, 10), "P-1"),
        visit(d(2023, 6, 1), "P-2"),
        visit_ended(d(2023, 7, 1), "P-3"),
    ]);
    let count = case.tpr_count(d(2023, 8, 1), &FEDERAL).unwrap();
    assert_eq!(count.due, d(2024, 5, 8));
    let o = one(
        &case.obligations(d(2023, 8, 1), &FEDERAL),
        K::FifteenOfTwentyTwo,
    )
    .clone();
    assert_eq!(o.due(), count.due);
    // The 22 months ending 2024-05-08: from 2022-07-09.
    assert_eq!(
        (count.window.start(), count.window.end()),
        (d(2022, 7, 9), d(2024, 5, 9))
    );
    let counted: Vec<_> = count
        .counted
        .iter()
        .map(|s| (s.episode, s.period.start(), s.period.end()))
        .collect();
    assert_eq!(
        counted,
        [
            (Some(1), d(2023, 1, 10), d(2023, 6, 1)),
            (Some(1), d(2023, 7, 1), d(2024, 5, 9)),
        ]
    );
    let excluded: Vec<_> = count
        .excluded
        .iter()
        .map(|s| (s.period.start(), s.period.end(), s.setting))
        .collect();
    assert_eq!(
        excluded,
        [(d(2023, 6, 1), d(2023, 7, 1), Setting::TrialHomeVisit)]
    );
    assert_eq!(
        (
            count.whole_months,
            count.leftover_days,
            count.months,
            count.days
        ),
        (14, 30, 15, 455)
    );
    assert!(count.projected);
    // No care, no count.
    assert!(open_case().tpr_count(d(2024, 1, 1), &FEDERAL).is_none());
}

// ================================================================================================
// The policy's month-end reading in the count and its window

#[test]
fn the_15th_month_ends_by_the_policys_month_end_reading() {
    // DEFC 2023-11-30: 15 months on is "2025-02-30". Clamped to 2025-02-28, the 15th month
    // ends the day before, 2025-02-27; rolled over to 2025-03-01, it ends 2025-02-28.
    let case = case_of(vec![
        removal(d(2023, 11, 30)),
        abuse(d(2023, 11, 30)),
        foster(d(2023, 11, 30), "P-1"),
    ]);
    let o = case.obligations(d(2024, 1, 1), &FEDERAL);
    assert_eq!(one(&o, K::FifteenOfTwentyTwo).due(), d(2025, 2, 27));
    let roll = FEDERAL.with_month_end(permanency::date::MonthEnd::RollOver);
    let o = case.obligations(d(2024, 1, 1), &roll);
    assert_eq!(one(&o, K::FifteenOfTwentyTwo).due(), d(2025, 2, 28));
    assert_eq!(
        case.tpr_count(d(2024, 1, 1), &roll).unwrap().due,
        d(2025, 2, 28)
    );
}

#[test]
fn a_count_not_yet_begun_is_projected_from_the_defc_still_to_come() {
    // Removed 2023-12-31 with no finding yet: as of 2024-01-05 the DEFC is removal + 60 days =
    // 2024-02-29 (SSA §475(5)(F)(ii)). Care from then completes 15 months on 2025-05-29, so
    // the 15th month ends 2025-05-28 — beyond as-of + 15 months (2025-04-05), still owed.
    let case = case_of(vec![
        removal(d(2023, 12, 31)),
        foster(d(2023, 12, 31), "P-1"),
    ]);
    let o = case.obligations(d(2024, 1, 5), &FEDERAL);
    let due = one(&o, K::FifteenOfTwentyTwo);
    assert_eq!(
        (due.counts_from(), due.due()),
        (d(2024, 2, 29), d(2025, 5, 28))
    );
    let count = case.tpr_count(d(2024, 1, 5), &FEDERAL).unwrap();
    assert_eq!(count.due, d(2025, 5, 28));
    assert!(count.projected);
}

#[test]
fn the_22_month_window_starts_by_the_policys_month_end_reading() {
    // DEFC 2023-09-30: due 2024-12-30 - 1 day = 2024-12-29 either way (December has a 30th). The
    // window is the 22 months before 2024-12-30: "2023-02-30", clamped to 2023-02-28 or rolled
    // over to 2023-03-01.
    let case = case_of(vec![
        removal(d(2023, 9, 30)),
        abuse(d(2023, 9, 30)),
        foster(d(2023, 9, 30), "P-1"),
    ]);
    let clamp = case.tpr_count(d(2024, 1, 1), &FEDERAL).unwrap();
    assert_eq!(
        (clamp.due, clamp.window.start()),
        (d(2024, 12, 29), d(2023, 2, 28))
    );
    let roll = FEDERAL.with_month_end(permanency::date::MonthEnd::RollOver);
    let rolled = case.tpr_count(d(2024, 1, 1), &roll).unwrap();
    assert_eq!(
        (rolled.due, rolled.window.start()),
        (d(2024, 12, 29), d(2023, 3, 1))
    );
}

// ================================================================================================
// Determinations in the order before a removal, and petitions already filed

#[test]
fn determinations_in_the_order_before_the_removal_start_their_clocks() {
    // The order of 2024-03-01 excuses reunification efforts with the mother on the felony
    // ground; the child is removed the next day. 2024-03-01 + 30 days = 2024-03-31 for the
    // permanency hearing (SSA §471(a)(15)(E)(i)); + 60 days (30 to Mar 31, 30 in April) =
    // 2024-04-30 for the petition (SSA §475(5)(E)). Neither is met by 2024-05-15.
    let case = case_of(vec![
        ctw(d(2024, 3, 1)),
        excused(d(2024, 3, 1), AggravatedGround::FelonyAgainstChild),
        removal(d(2024, 3, 2)),
        foster(d(2024, 3, 2), "P-1"),
    ]);
    let obs = case.obligations(d(2024, 5, 15), &FEDERAL);
    let h = one(&obs, K::NoReunificationHearing);
    expect(
        h,
        RuleId::NoReunificationHearing,
        d(2024, 3, 1),
        d(2024, 3, 31),
        Status::Overdue,
        None,
    );
    assert_eq!(h.subject(), Some(&person("P-MOTHER")));
    expect(
        one(&obs, K::FelonyPetition),
        RuleId::FelonyPetition,
        d(2024, 3, 1),
        d(2024, 4, 30),
        Status::Overdue,
        None,
    );

    // An abandoned-infant adjudication in the order before the removal: the petition is due
    // 2024-03-01 + 60 days = 2024-04-30.
    let infant = build(
        child_born(d(2024, 2, 1)),
        &FEDERAL,
        vec![
            ctw(d(2024, 3, 1)),
            finding(d(2024, 3, 1), Finding::AbandonedInfant),
            removal(d(2024, 3, 2)),
            foster(d(2024, 3, 2), "P-1"),
        ],
    );
    let obs = infant.obligations(d(2024, 5, 15), &FEDERAL);
    expect(
        one(&obs, K::AbandonedInfantPetition),
        RuleId::AbandonedInfantPetition,
        d(2024, 3, 1),
        d(2024, 4, 30),
        Status::Overdue,
        None,
    );
}

#[test]
fn reunification_efforts_excused_before_the_removal_rule_out_services_not_provided() {
    // Efforts excused on aggravated circumstances on 2024-03-01, removed and adjudicated
    // 2024-03-02: DEFC 2024-03-02, the 15th month ends (2024-03-02 + 15 months = 2025-06-02) − 1
    // day = 2025-06-01. "Services not provided" documented on 2025-01-01 cannot waive it: that
    // exception needs reunification efforts to be required (SSA §475(5)(E)(iii)).
    let case = case_of(vec![
        ctw(d(2024, 3, 1)),
        excused(d(2024, 3, 1), AggravatedGround::AggravatedCircumstances),
        removal(d(2024, 3, 2)),
        abuse(d(2024, 3, 2)),
        foster(d(2024, 3, 2), "P-1"),
        exception(d(2025, 1, 1), TprException::ServicesNotProvided),
    ]);
    let obs = case.obligations(d(2025, 7, 1), &FEDERAL);
    expect(
        one(&obs, K::FifteenOfTwentyTwo),
        RuleId::FifteenOfTwentyTwo,
        d(2024, 3, 2),
        d(2025, 6, 1),
        Status::Overdue,
        None,
    );
}

#[test]
fn a_petition_already_filed_in_the_episode_meets_a_later_trigger() {
    // The state files a petition or joins one already filed (SSA §475(5)(E)).
    // Removed 2024-01-01 without an adjudication: DEFC 2024-01-01 + 60 days = 2024-03-01; the
    // 15th month ends (2024-03-01 + 15 months = 2025-06-01) − 1 day = 2025-05-31. The petition of
    // 2024-02-01, after the removal and before DEFC, meets it.
    let case = case_of(vec![
        removal(d(2024, 1, 1)),
        foster(d(2024, 1, 1), "P-1"),
        excused(d(2024, 1, 20), AggravatedGround::FelonyAgainstChild),
        petition(d(2024, 2, 1)),
    ]);
    let obs = case.obligations(d(2025, 7, 1), &FEDERAL);
    expect(
        one(&obs, K::FifteenOfTwentyTwo),
        RuleId::FifteenOfTwentyTwo,
        d(2024, 3, 1),
        d(2025, 5, 31),
        Status::Met(d(2024, 2, 1)),
        None,
    );

    // Removed and adjudicated 2023-01-01; a petition filed 2024-03-01; the felony ground found
    // 2024-05-01, due 2024-05-01 + 60 days (30 to May 31, 30 in June) = 2024-06-30: the pending
    // petition meets it.
    let case = case_of(vec![
        removal(d(2023, 1, 1)),
        abuse(d(2023, 1, 1)),
        foster(d(2023, 1, 1), "P-1"),
        petition(d(2024, 3, 1)),
        excused(d(2024, 5, 1), AggravatedGround::FelonyAgainstChild),
    ]);
    let obs = case.obligations(d(2024, 8, 1), &FEDERAL);
    expect(
        one(&obs, K::FelonyPetition),
        RuleId::FelonyPetition,
        d(2024, 5, 1),
        d(2024, 6, 30),
        Status::Met(d(2024, 3, 1)),
        None,
    );
}

/// Episode 1: removed 2022-01-01 (DEFC 2022-01-01 + 60 days = 2022-03-02), a TPR petition on
/// 2022-06-01, reunified 2022-09-02; episode 2: removed 2023-01-02 (DEFC 2023-03-03).
fn early_petition_then_reentry(more: Vec<Event>) -> Vec<Event> {
    let mut events = vec![
        removal(d(2022, 1, 1)),
        foster(d(2022, 1, 1), "P-1"),
        petition(d(2022, 6, 1)),
        discharge(d(2022, 9, 2), ExitReason::Reunified),
        removal(d(2023, 1, 2)),
        foster(d(2023, 1, 2), "P-2"),
    ];
    events.extend(more);
    events
}

#[test]
fn a_petition_of_an_earlier_stay_filed_before_the_count_reached_15_does_not_meet_it() {
    // Counted: [2022-03-02, 2022-09-02) = 6 months, then 9 more from 2023-03-03: 2023-03-03
    // + 9 months - 1 day = 2023-12-02, 15 of the 22 months since 2022-02-03 (the window holds
    // all of episode 1). Due in episode 2, which has no petition: overdue on 2024-01-01. The
    // petition of 2022-06-01 was of the stay that ended with the child home.
    let case = case_of(early_petition_then_reentry(vec![]));
    let obs = case.obligations(d(2024, 1, 1), &FEDERAL);
    let o = one(&obs, K::FifteenOfTwentyTwo);
    expect(
        o,
        RuleId::FifteenOfTwentyTwo,
        d(2022, 3, 2),
        d(2023, 12, 2),
        Status::Overdue,
        None,
    );
    assert_eq!(o.episode(), Some(2));

    // A petition of episode 2, filed 2023-11-15, meets it.
    let case = case_of(early_petition_then_reentry(vec![petition(d(2023, 11, 15))]));
    let obs = case.obligations(d(2024, 1, 1), &FEDERAL);
    let found = all(&obs, K::FifteenOfTwentyTwo);
    assert_eq!(found[0].due(), d(2023, 12, 2));
    assert_eq!(found[0].status(), Status::Met(d(2023, 11, 15)));

    // Where one petition ever is enough, the petition of 2022-06-01 meets it.
    let once = FEDERAL.with_tpr_refiling(TprRefiling::Once);
    let case = build(child(), &once, early_petition_then_reentry(vec![]));
    let obs = case.obligations(d(2024, 1, 1), &once);
    let found = all(&obs, K::FifteenOfTwentyTwo);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].due(), found[0].status()),
        (d(2023, 12, 2), Status::Met(d(2022, 6, 1)))
    );
}

#[test]
fn an_exception_documented_before_the_defc_still_waives_the_petition() {
    // Removed 2023-01-10: DEFC 2023-01-10 + 60 days = 2023-03-11 (21 + 28 + 11); due 2023-03-11
    // + 15 months - 1 day = 2024-06-10. The compelling reason the case plan documented on
    // 2023-02-01, before the DEFC, still stands on the due date.
    let case = case_of(vec![
        removal(d(2023, 1, 10)),
        foster(d(2023, 1, 10), "P-1"),
        exception(d(2023, 2, 1), TprException::CompellingReason),
    ]);
    let o = one(
        &case.obligations(d(2024, 7, 1), &FEDERAL),
        K::FifteenOfTwentyTwo,
    )
    .clone();
    expect(
        &o,
        RuleId::FifteenOfTwentyTwo,
        d(2023, 3, 11),
        d(2024, 6, 10),
        Status::Waived(Waiver::CompellingReason),
        None,
    );

    // The felony ground found 2023-03-01 calls for a petition by 2023-03-01 + 60 days =
    // 2023-04-30; the reason documented on 2023-02-01 waives it too.
    let case = case_of(vec![
        removal(d(2023, 1, 10)),
        foster(d(2023, 1, 10), "P-1"),
        exception(d(2023, 2, 1), TprException::CompellingReason),
        excused(d(2023, 3, 1), AggravatedGround::FelonyAgainstChild),
    ]);
    let o = one(
        &case.obligations(d(2023, 6, 1), &FEDERAL),
        K::FelonyPetition,
    )
    .clone();
    assert_eq!(
        (o.due(), o.status()),
        (d(2023, 4, 30), Status::Waived(Waiver::CompellingReason))
    );
}

#[test]
fn an_exception_of_an_earlier_stay_does_not_waive_a_reentrys_petition() {
    // As above, episode 1 counted 6 months and episode 2 reaches 15 on 2023-12-02; the
    // compelling reason of 2022-04-01 was in episode 1's case plan, which ended with the
    // reunification of 2022-09-02. Episode 2's plan documents none: overdue.
    let case = case_of(vec![
        removal(d(2022, 1, 1)),
        foster(d(2022, 1, 1), "P-1"),
        exception(d(2022, 4, 1), TprException::CompellingReason),
        discharge(d(2022, 9, 2), ExitReason::Reunified),
        removal(d(2023, 1, 2)),
        foster(d(2023, 1, 2), "P-2"),
    ]);
    let o = one(
        &case.obligations(d(2024, 1, 1), &FEDERAL),
        K::FifteenOfTwentyTwo,
    )
    .clone();
    assert_eq!((o.due(), o.status()), (d(2023, 12, 2), Status::Overdue));
}
