//! Scenario tests for the clocks of time spent in one setting (`src/timeline/visits.rs`,
//! `src/timeline/asfa.rs`, `src/timeline/ages.rs`): the trial home visit limit, the best-interest
//! determination within the first 180 days of a voluntary placement, and kinship guardianship
//! eligibility after 6 months in the relative's licensed home.
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
use permanency::policy::KinshipClock;
use permanency::timeline::{Consequence, KinshipCondition, ObligationKind as K, Status};
use permanency::*;

// ================================================================================================
// Voluntary placements

#[test]
fn voluntary_placement_best_interests_within_its_first_180_days() {
    // The first 180 days of 2023-05-01: May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 = 153
    // days to Sep 30, 27 more -> 2023-10-27; no payment from day 181, 2023-10-28.
    let due = d(2023, 10, 27);
    let missed = Some(Consequence::NoPaymentFrom(d(2023, 10, 28)));

    let none = case_of(vec![voluntary(d(2023, 5, 1))]);
    let obs = none.obligations(d(2023, 10, 27), &FEDERAL);
    expect(
        one(&obs, K::VoluntaryPlacement),
        RuleId::VoluntaryPlacement,
        d(2023, 5, 1),
        due,
        Status::Upcoming,
        None,
    );
    let obs = none.obligations(d(2023, 11, 1), &FEDERAL);
    expect(
        one(&obs, K::VoluntaryPlacement),
        RuleId::VoluntaryPlacement,
        d(2023, 5, 1),
        due,
        Status::Overdue,
        missed,
    );
    // A voluntary placement has no order sanctioning a removal: no contrary-to-the-welfare or
    // prevention-efforts duties. The case plan and the notice still apply.
    none_of(&obs, K::ContraryToWelfare);
    none_of(&obs, K::PreventRemovalEfforts);
    one(&obs, K::CasePlan);
    one(&obs, K::RelativeNotice);

    let on_time = case_of(vec![
        voluntary(d(2023, 5, 1)),
        finding(d(2023, 10, 27), Finding::VoluntaryPlacementBestInterests),
    ]);
    let obs = on_time.obligations(d(2023, 11, 1), &FEDERAL);
    expect(
        one(&obs, K::VoluntaryPlacement),
        RuleId::VoluntaryPlacement,
        d(2023, 5, 1),
        due,
        Status::Met(d(2023, 10, 27)),
        None,
    );

    let late = case_of(vec![
        voluntary(d(2023, 5, 1)),
        finding(d(2023, 11, 2), Finding::VoluntaryPlacementBestInterests),
    ]);
    let obs = late.obligations(d(2023, 12, 1), &FEDERAL);
    expect(
        one(&obs, K::VoluntaryPlacement),
        RuleId::VoluntaryPlacement,
        d(2023, 5, 1),
        due,
        Status::MetLate(d(2023, 11, 2)),
        missed,
    );
}

#[test]
fn voluntary_placement_days_count_from_the_placement_not_the_agreement() {
    // Agreement signed 2023-05-01, the child placed 2023-05-10. The 180 days are those of the
    // placement (SSA 472(e)): 2023-05-10 is day 1; May 10..31 = 22 days, Jun 30 -> 52,
    // Jul 31 -> 83, Aug 31 -> 114, Sep 30 -> 144, Oct 31 -> 175, 5 more -> day 180 = 2023-11-05;
    // no payment from day 181, 2023-11-06. Counted from the agreement it would end 2023-10-27.
    let due = d(2023, 11, 5);
    let history = || {
        vec![
            voluntary(d(2023, 5, 1)),
            begin(d(2023, 5, 10), "C-1", Setting::ChildCareInstitution, None),
        ]
    };
    let case = case_of(history());
    // Before the placement is known, the agreement is the earliest day it can begin.
    let obs = case.obligations(d(2023, 5, 5), &FEDERAL);
    let early = one(&obs, K::VoluntaryPlacement);
    assert_eq!(early.due(), d(2023, 10, 27));
    // Once it is known, the placement dates the window.
    let obs = case.obligations(d(2023, 11, 1), &FEDERAL);
    expect(
        one(&obs, K::VoluntaryPlacement),
        RuleId::VoluntaryPlacement,
        d(2023, 5, 10),
        due,
        Status::Upcoming,
        None,
    );
    // A finding on 2023-11-03 (day 178) is on time; one on 2023-11-06 (day 181) is late.
    let mut on_time = history();
    on_time.push(finding(
        d(2023, 11, 3),
        Finding::VoluntaryPlacementBestInterests,
    ));
    let obs = case_of(on_time).obligations(d(2023, 12, 1), &FEDERAL);
    expect(
        one(&obs, K::VoluntaryPlacement),
        RuleId::VoluntaryPlacement,
        d(2023, 5, 10),
        due,
        Status::Met(d(2023, 11, 3)),
        None,
    );
    let mut late = history();
    late.push(finding(
        d(2023, 11, 6),
        Finding::VoluntaryPlacementBestInterests,
    ));
    let obs = case_of(late).obligations(d(2023, 12, 1), &FEDERAL);
    expect(
        one(&obs, K::VoluntaryPlacement),
        RuleId::VoluntaryPlacement,
        d(2023, 5, 10),
        due,
        Status::MetLate(d(2023, 11, 6)),
        Some(Consequence::NoPaymentFrom(d(2023, 11, 6))),
    );
}

// ================================================================================================
// Trial home visits

/// Removed 2024-01-01, placed in foster care, home on a trial visit from 2024-01-15.
fn on_visit(more: Vec<Event>) -> Case {
    let mut events = vec![
        removal(d(2024, 1, 1)),
        foster(d(2024, 1, 1), "P-1"),
        visit(d(2024, 1, 15), "V-1"),
    ];
    events.extend(more);
    case_of(events)
}

#[test]
fn back_in_care_by_six_months_after_the_visit_began() {
    // 2024-01-15 + 6 months = 2024-07-15: the child may be home through 2024-07-14 and must
    // be back, or discharged, on 2024-07-15 at the latest.
    let case = on_visit(vec![]);
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    let o = one(&obs, K::TrialHomeVisitLimit);
    expect(
        o,
        RuleId::TrialHomeVisitLimit,
        d(2024, 1, 15),
        d(2024, 7, 15),
        Status::Upcoming,
        None,
    );
    assert_eq!(
        (o.subject(), o.episode()),
        (Some(&placement("V-1")), Some(1))
    );

    let case = on_visit(vec![visit_ended(d(2024, 7, 15), "P-2")]);
    let obs = case.obligations(d(2024, 8, 1), &FEDERAL);
    expect(
        one(&obs, K::TrialHomeVisitLimit),
        RuleId::TrialHomeVisitLimit,
        d(2024, 1, 15),
        d(2024, 7, 15),
        Status::Met(d(2024, 7, 15)),
        None,
    );

    // A discharge home during the visit meets it too.
    let case = on_visit(vec![discharge(d(2024, 6, 1), ExitReason::Reunified)]);
    let obs = case.obligations(d(2024, 8, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::TrialHomeVisitLimit).status(),
        Status::Met(d(2024, 6, 1))
    );
}

#[test]
fn a_court_may_extend_the_visit() {
    let case = on_visit(vec![
        finding(
            d(2024, 6, 1),
            Finding::VisitExtended {
                until: d(2024, 9, 30),
            },
        ),
        visit_ended(d(2024, 10, 1), "P-2"),
    ]);
    // Home through 2024-09-30: back in care on 2024-10-01 at the latest.
    let obs = case.obligations(d(2024, 8, 1), &FEDERAL);
    let o = one(&obs, K::TrialHomeVisitLimit);
    assert_eq!((o.due(), o.status()), (d(2024, 10, 1), Status::Upcoming));
    let obs = case.obligations(d(2024, 10, 2), &FEDERAL);
    expect(
        one(&obs, K::TrialHomeVisitLimit),
        RuleId::TrialHomeVisitLimit,
        d(2024, 1, 15),
        d(2024, 10, 1),
        Status::Met(d(2024, 10, 1)),
        None,
    );
}

#[test]
fn an_over_long_visit_makes_a_return_a_new_removal() {
    // Still home on 2024-07-16: overdue.
    let case = on_visit(vec![]);
    let obs = case.obligations(d(2024, 7, 16), &FEDERAL);
    let o = one(&obs, K::TrialHomeVisitLimit);
    assert_eq!(
        (o.status(), o.consequence()),
        (Status::Overdue, Some(Consequence::NewRemovalRequired))
    );

    // The child comes back on 2024-08-01: a re-entry, and the first episode ended on
    // 2024-07-15, the first day beyond the limit.
    let case = on_visit(vec![removal(d(2024, 8, 1))]);
    assert_eq!(case.episodes().len(), 2);
    assert_eq!(
        case.episodes()[0].exit().map(|x| x.date),
        Some(d(2024, 7, 15))
    );
    let obs = case.obligations(d(2024, 8, 15), &FEDERAL);
    let o = one(&obs, K::TrialHomeVisitLimit);
    expect(
        o,
        RuleId::TrialHomeVisitLimit,
        d(2024, 1, 15),
        d(2024, 7, 15),
        Status::Overdue,
        Some(Consequence::NewRemovalRequired),
    );
    assert_eq!(o.episode(), Some(1));
    // The re-entry owes its own contrary-to-the-welfare finding, on 2024-08-01.
    let ctw = all(&obs, K::ContraryToWelfare);
    assert_eq!(ctw.len(), 2);
    assert_eq!(
        (ctw[1].episode(), ctw[1].due(), ctw[1].status()),
        (Some(2), d(2024, 8, 1), Status::Overdue)
    );
}

// ================================================================================================
// Kinship guardianship

#[test]
fn kinship_guardianship_after_6_months_in_the_relatives_licensed_home() {
    // Licensed since 2020-01-01; placed 2024-03-01; 2024-03-01 + 6 months = 2024-09-01.
    let case = case_of(vec![
        removal(d(2024, 3, 1)),
        relative_home(d(2024, 3, 1), "R-1"),
    ]);
    let obs = case.obligations(d(2024, 5, 1), &FEDERAL);
    let o = one(&obs, K::KinshipGuardianshipEligibility);
    expect(
        o,
        RuleId::KinshipGuardianshipEligibility,
        d(2024, 3, 1),
        d(2024, 9, 1),
        Status::Upcoming,
        None,
    );
    assert_eq!(o.subject(), Some(&family("F-REL")));
    let obs = case.obligations(d(2024, 9, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::KinshipGuardianshipEligibility).status(),
        Status::Reached
    );

    // Licensed only from 2024-05-15: the months count from the license, 2024-11-15.
    let case = build_with(
        child(),
        clock_families_with_relative(relative_family_licensed(d(2024, 5, 15))),
        &FEDERAL,
        vec![removal(d(2024, 3, 1)), relative_home(d(2024, 3, 1), "R-1")],
    );
    let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
    expect(
        one(&obs, K::KinshipGuardianshipEligibility),
        RuleId::KinshipGuardianshipEligibility,
        d(2024, 5, 15),
        d(2024, 11, 15),
        Status::Upcoming,
        None,
    );
    // Before the license, nothing counts yet.
    none_of(
        &case.obligations(d(2024, 5, 1), &FEDERAL),
        K::KinshipGuardianshipEligibility,
    );
    // Nor in a non-relative home.
    let case = case_of(vec![removal(d(2024, 3, 1)), foster(d(2024, 3, 1), "P-1")]);
    none_of(
        &case.obligations(d(2024, 10, 1), &FEDERAL),
        K::KinshipGuardianshipEligibility,
    );
}

// ================================================================================================
// Found in review: the policy switch for the kinship months.

#[test]
fn kinship_months_may_count_from_the_move_rather_than_the_license() {
    // With the grandmother since 2024-01-01; her home licensed 2024-03-01.
    let families = clock_families_with_relative(relative_family_licensed(d(2024, 3, 1)));
    let events = vec![removal(d(2024, 1, 1)), relative_home(d(2024, 1, 1), "P-1")];
    let case = build_with(child(), families.clone(), &FEDERAL, events.clone());
    // Licensed months only: 2024-03-01 + 6 months = 2024-09-01.
    let o = one(
        &case.obligations(d(2024, 5, 1), &FEDERAL),
        K::KinshipGuardianshipEligibility,
    )
    .clone();
    assert_eq!((o.counts_from(), o.due()), (d(2024, 3, 1), d(2024, 9, 1)));
    // Every month in the home: 2024-01-01 + 6 months = 2024-07-01.
    let all_months = Policy::federal().with_kinship_clock(KinshipClock::AllMonthsInHome);
    let case = build_with(child(), families, &all_months, events);
    let o = one(
        &case.obligations(d(2024, 5, 1), &all_months),
        K::KinshipGuardianshipEligibility,
    )
    .clone();
    assert_eq!((o.counts_from(), o.due()), (d(2024, 1, 1), d(2024, 7, 1)));
}

// ================================================================================================
// Unlicensed foster family homes: accepted, and not paid for the days without a license

/// F-FOSTER licensed 2020-01-01 to 2024-03-31; the child placed there 2024-01-10.
fn lapsing_license(more: Vec<Event>) -> Case {
    licensed_from(d(2020, 1, 1), d(2024, 3, 31), more)
}

/// F-FOSTER licensed at opening from `since` to `expires`; the child placed there 2024-01-10.
fn licensed_from(since: chrono::NaiveDate, expires: chrono::NaiveDate, more: Vec<Event>) -> Case {
    let mut events = vec![removal(d(2024, 1, 10)), foster(d(2024, 1, 10), "P-1")];
    events.extend(more);
    build_with(
        child(),
        clock_families_with_relative(relative_family())
            .into_iter()
            .map(|f| {
                if f.id().as_str() == "F-FOSTER" {
                    foster_family_licensed(since, expires)
                } else {
                    f
                }
            })
            .collect(),
        &FEDERAL,
        events,
    )
}

#[test]
fn a_never_licensed_non_relative_home_is_foster_care_and_unpaid() {
    // F-FOSTER was never licensed (no license record at all): the family records, the child
    // is placed there 2024-01-10 and the placement is foster care (45 CFR 1355.20, "regardless
    // of licensure"). Due the placement's first day, 2024-01-10, overdue: no day of the
    // placement is paid (SSA 472(c)(1)).
    let unlicensed = Family::builder(fid("F-FOSTER"), FamilyKind::NonRelativeFoster)
        .member(member("P-FOSTER", "Eve", Relationship::NonRelative).caregiver())
        .build()
        .expect("a non-relative home without a license is recorded");
    assert!(unlicensed.license().is_none());
    let families = clock_families_with_relative(relative_family())
        .into_iter()
        .map(|f| {
            if f.id().as_str() == "F-FOSTER" {
                unlicensed.clone()
            } else {
                f
            }
        })
        .collect();
    let case = build_with(
        child(),
        families,
        &FEDERAL,
        vec![removal(d(2024, 1, 10)), foster(d(2024, 1, 10), "P-1")],
    );
    let obs = case.obligations(d(2024, 2, 1), &FEDERAL);
    expect(
        one(&obs, K::UnlicensedPlacement),
        RuleId::UnlicensedPlacement,
        d(2024, 1, 10),
        d(2024, 1, 10),
        Status::Overdue,
        Some(Consequence::IneligibleForPlacement),
    );
}

#[test]
fn a_license_that_lapses_during_the_placement_costs_the_days_without_one() {
    // The license's last day is 2024-03-31: a license must be in force on 2024-04-01.
    let case = lapsing_license(vec![]);
    none_of(
        &case.obligations(d(2024, 3, 31), &FEDERAL),
        K::UnlicensedPlacement,
    );
    let obs = case.obligations(d(2024, 5, 1), &FEDERAL);
    let o = one(&obs, K::UnlicensedPlacement);
    expect(
        o,
        RuleId::UnlicensedPlacement,
        d(2024, 1, 10),
        d(2024, 4, 1),
        Status::Overdue,
        Some(Consequence::IneligibleBetween {
            from: d(2024, 4, 1),
            until: None,
        }),
    );
    assert_eq!(o.subject(), Some(&placement("P-1")));
    // Relicensed from 2024-04-15 (recorded that day): met late, unpaid 2024-04-01 to 04-14.
    let renewed = foster_family_licensed(d(2024, 4, 15), d(2026, 4, 14));
    let case = lapsing_license(vec![recorded(d(2024, 4, 15), renewed)]);
    let obs = case.obligations(d(2024, 5, 1), &FEDERAL);
    expect(
        one(&obs, K::UnlicensedPlacement),
        RuleId::UnlicensedPlacement,
        d(2024, 1, 10),
        d(2024, 4, 1),
        Status::MetLate(d(2024, 4, 15)),
        Some(Consequence::IneligibleBetween {
            from: d(2024, 4, 1),
            until: Some(d(2024, 4, 15)),
        }),
    );
    // Renewed in time, from 2024-04-01: nothing to report.
    let in_time = foster_family_licensed(d(2024, 4, 1), d(2026, 3, 31));
    let case = lapsing_license(vec![recorded(d(2024, 3, 20), in_time)]);
    none_of(
        &case.obligations(d(2024, 5, 1), &FEDERAL),
        K::UnlicensedPlacement,
    );
    // The child moved out on 2024-04-01, the first day without a license: nothing unpaid.
    let moved = lapsing_license(vec![change(
        d(2024, 4, 1),
        "P-2",
        Setting::RelativeFosterHome,
        Some("F-REL"),
    )]);
    none_of(
        &moved.obligations(d(2024, 5, 1), &FEDERAL),
        K::UnlicensedPlacement,
    );
}

// ================================================================================================
// Found in review: every day of the placement is judged by the family's record in effect that
// day, not the records on its first and last days alone (SSA §472(c)(1); 45 CFR 1355.20).

/// The lapsing license (to 2024-03-31), renewed from 2024-04-15 to 2024-06-30 (recorded
/// 04-15), lapsing again, renewed from 2024-07-15 to 2026-07-14 (recorded 07-15).
fn twice_lapsed() -> Case {
    lapsing_license(vec![
        recorded(
            d(2024, 4, 15),
            foster_family_licensed(d(2024, 4, 15), d(2024, 6, 30)),
        ),
        recorded(
            d(2024, 7, 15),
            foster_family_licensed(d(2024, 7, 15), d(2026, 7, 14)),
        ),
    ])
}

#[test]
fn each_lapse_of_the_license_during_a_placement_is_its_own_obligation() {
    // Lapse 1: the last day 2024-03-31, due 03-31 + 1 = 2024-04-01, relicensed 04-15: unpaid
    // 04-01 to 04-14 (14 days). Lapse 2: the last day 2024-06-30, due 06-30 + 1 = 2024-07-01,
    // relicensed 07-15: unpaid 07-01 to 07-14 (14 days). 04-15 to 06-30 is paid.
    let obs = twice_lapsed().obligations(d(2024, 8, 1), &FEDERAL);
    let lapses = all(&obs, K::UnlicensedPlacement);
    assert_eq!(lapses.len(), 2);
    expect(
        lapses[0],
        RuleId::UnlicensedPlacement,
        d(2024, 1, 10),
        d(2024, 4, 1),
        Status::MetLate(d(2024, 4, 15)),
        Some(Consequence::IneligibleBetween {
            from: d(2024, 4, 1),
            until: Some(d(2024, 4, 15)),
        }),
    );
    expect(
        lapses[1],
        RuleId::UnlicensedPlacement,
        d(2024, 1, 10),
        d(2024, 7, 1),
        Status::MetLate(d(2024, 7, 15)),
        Some(Consequence::IneligibleBetween {
            from: d(2024, 7, 1),
            until: Some(d(2024, 7, 15)),
        }),
    );
    assert!(
        lapses
            .iter()
            .all(|o| o.subject() == Some(&placement("P-1")))
    );

    // Not licensed on its first day (licensed only from 2024-02-01 to 2024-03-31): due on the
    // first day 2024-01-10, met late 02-01; the license then lapses, due 03-31 + 1 = 04-01,
    // never relicensed by 2024-05-01: overdue, unpaid from 04-01 with no end.
    let case = licensed_from(d(2024, 2, 1), d(2024, 3, 31), vec![]);
    let obs = case.obligations(d(2024, 5, 1), &FEDERAL);
    let lapses = all(&obs, K::UnlicensedPlacement);
    assert_eq!(lapses.len(), 2);
    expect(
        lapses[0],
        RuleId::UnlicensedPlacement,
        d(2024, 1, 10),
        d(2024, 1, 10),
        Status::MetLate(d(2024, 2, 1)),
        Some(Consequence::IneligibleBetween {
            from: d(2024, 1, 10),
            until: Some(d(2024, 2, 1)),
        }),
    );
    expect(
        lapses[1],
        RuleId::UnlicensedPlacement,
        d(2024, 1, 10),
        d(2024, 4, 1),
        Status::Overdue,
        Some(Consequence::IneligibleBetween {
            from: d(2024, 4, 1),
            until: None,
        }),
    );
}

#[test]
fn a_second_lapse_not_yet_relicensed_on_the_date_asked_is_overdue() {
    // On 2024-07-10 the second lapse (from 06-30 + 1 = 2024-07-01) has no license yet: the
    // renewal recorded 07-15 is after the date asked. Overdue, unpaid from 07-01 with no end.
    let obs = twice_lapsed().obligations(d(2024, 7, 10), &FEDERAL);
    let lapses = all(&obs, K::UnlicensedPlacement);
    assert_eq!(lapses.len(), 2);
    expect(
        lapses[0],
        RuleId::UnlicensedPlacement,
        d(2024, 1, 10),
        d(2024, 4, 1),
        Status::MetLate(d(2024, 4, 15)),
        Some(Consequence::IneligibleBetween {
            from: d(2024, 4, 1),
            until: Some(d(2024, 4, 15)),
        }),
    );
    expect(
        lapses[1],
        RuleId::UnlicensedPlacement,
        d(2024, 1, 10),
        d(2024, 7, 1),
        Status::Overdue,
        Some(Consequence::IneligibleBetween {
            from: d(2024, 7, 1),
            until: None,
        }),
    );
    // On 2024-06-30, the renewed license's last day, the second lapse has not begun: only the
    // first is owed.
    let obs = twice_lapsed().obligations(d(2024, 6, 30), &FEDERAL);
    let lapses = all(&obs, K::UnlicensedPlacement);
    assert_eq!(lapses.len(), 1);
    assert_eq!(lapses[0].due(), d(2024, 4, 1));
}

#[test]
fn a_timely_renewal_recorded_ahead_of_the_placement_owes_nothing() {
    // The renewal (2024-04-01 to 2026-03-31) recorded 2024-01-05, before the child's placement
    // on 2024-01-10: the license to 2024-03-31 stays in force until the renewal begins (03-31
    // + 1 = 04-01), so every day is covered.
    let renewal = foster_family_licensed(d(2024, 4, 1), d(2026, 3, 31));
    let case = lapsing_license(vec![recorded(d(2024, 1, 5), renewal)]);
    none_of(
        &case.obligations(d(2024, 2, 1), &FEDERAL),
        K::UnlicensedPlacement,
    );
    none_of(
        &case.obligations(d(2024, 5, 1), &FEDERAL),
        K::UnlicensedPlacement,
    );
}

#[test]
fn a_single_lapse_is_read_as_before_whatever_is_recorded_after_the_renewal() {
    // Lapsed from 03-31 + 1 = 2024-04-01, relicensed 04-15 (to 2026-04-14); the family recorded
    // again on 2024-09-01 with the same license: still one lapse, unpaid 04-01 to 04-14.
    let renewed = foster_family_licensed(d(2024, 4, 15), d(2026, 4, 14));
    let case = lapsing_license(vec![
        recorded(d(2024, 4, 15), renewed.clone()),
        recorded(d(2024, 9, 1), renewed),
    ]);
    let obs = case.obligations(d(2024, 10, 1), &FEDERAL);
    expect(
        one(&obs, K::UnlicensedPlacement),
        RuleId::UnlicensedPlacement,
        d(2024, 1, 10),
        d(2024, 4, 1),
        Status::MetLate(d(2024, 4, 15)),
        Some(Consequence::IneligibleBetween {
            from: d(2024, 4, 1),
            until: Some(d(2024, 4, 15)),
        }),
    );
}

// ================================================================================================
// Kinship guardianship assistance claimed at the discharge: every condition, named when missing

/// Removed 2024-03-01 (contrary to the welfare found that day) to the grandmother (licensed since
/// 2020-01-01); `more`; then guardianship with kinship assistance on 2024-09-01, 6 months on.
fn kinship_exit(child: Child, more: Vec<Event>) -> Case {
    let mut events = vec![
        removal(d(2024, 3, 1)),
        ctw(d(2024, 3, 1)),
        relative_home(d(2024, 3, 1), "R-1"),
    ];
    events.extend(more);
    // The grandmother becomes the guardian's household.
    events.push(recorded(
        d(2024, 8, 31),
        as_kind(
            &relative_family_licensed(d(2020, 1, 1)),
            FamilyKind::Guardian,
        ),
    ));
    events.push(discharge(
        d(2024, 9, 1),
        Discharge::Guardianship(Guardianship::new(fid("F-REL")).with_kinship_assistance()),
    ));
    build(child, &FEDERAL, events)
}

fn ruled_out(date: chrono::NaiveDate) -> Event {
    ev(date, EventData::ReturnAndAdoptionRuledOut)
}

#[test]
fn kinship_guardianship_assistance_needs_every_condition_at_the_discharge() {
    // 2024-03-01 + 6 months = 2024-09-01: six months complete on the discharge day.
    let case = kinship_exit(child(), vec![ruled_out(d(2024, 8, 1))]);
    let obs = case.obligations(d(2024, 10, 1), &FEDERAL);
    let o = one(&obs, K::KinshipGuardianshipEligibility);
    expect(
        o,
        RuleId::KinshipGuardianshipEligibility,
        d(2024, 3, 1),
        d(2024, 9, 1),
        Status::Met(d(2024, 9, 1)),
        None,
    );
    assert_eq!(o.subject(), Some(&family("F-REL")));
    assert_eq!(
        case.kinship_guardianship_gaps(d(2024, 10, 1), &FEDERAL),
        Some(vec![])
    );
    // No determination that return home and adoption are not appropriate: not IV-E eligible.
    let case = kinship_exit(child(), vec![]);
    let obs = case.obligations(d(2024, 10, 1), &FEDERAL);
    let o = one(&obs, K::KinshipGuardianshipEligibility);
    assert_eq!(
        (o.status(), o.consequence()),
        (
            Status::Overdue,
            Some(Consequence::NoKinshipGuardianshipAssistance)
        )
    );
    assert_eq!(
        case.kinship_guardianship_gaps(d(2024, 10, 1), &FEDERAL),
        Some(vec![KinshipCondition::ReturnAndAdoptionRuledOut])
    );
    // A youth of 14 or more (the teen turned 16 on 2023-09-30) must be consulted too.
    let case = kinship_exit(teen(), vec![ruled_out(d(2024, 8, 1))]);
    assert_eq!(
        case.kinship_guardianship_gaps(d(2024, 10, 1), &FEDERAL),
        Some(vec![KinshipCondition::YouthConsulted])
    );
    let case = kinship_exit(
        teen(),
        vec![
            ruled_out(d(2024, 8, 1)),
            ev(d(2024, 8, 15), EventData::KinshipConsultation),
        ],
    );
    assert_eq!(
        case.kinship_guardianship_gaps(d(2024, 10, 1), &FEDERAL),
        Some(vec![])
    );
    // No discharge yet: nothing to judge.
    assert_eq!(
        case_of(vec![removal(d(2024, 3, 1))]).kinship_guardianship_gaps(d(2024, 10, 1), &FEDERAL),
        None
    );
}

#[test]
fn a_visit_past_its_period_ends_the_episode_before_the_history_shows_it() {
    // Removed and adjudicated 2024-01-01 (DEFC 2024-01-01), home on a visit from 2024-01-15
    // with nothing recorded since. The visit's period ends 2024-07-14 (2024-01-15 + 6 months =
    // 2024-07-15, the first day beyond): from then the episode has ended in reunification on
    // 2024-07-15 (45 CFR 1356.21(e); the policy's default date), though no event shows it yet.
    // As of 2025-03-01 the limit is overdue with its consequence, and nothing due after the
    // exit is owed: not the permanency hearing or the finalize-efforts determination due
    // 2025-01-01 (DEFC + 12 months), not the caseworker visits after July 2024.
    let case = on_visit(vec![abuse(d(2024, 1, 1))]);
    let obs = case.obligations(d(2025, 3, 1), &FEDERAL);
    expect(
        one(&obs, K::TrialHomeVisitLimit),
        RuleId::TrialHomeVisitLimit,
        d(2024, 1, 15),
        d(2024, 7, 15),
        Status::Overdue,
        Some(Consequence::NewRemovalRequired),
    );
    none_of(&obs, K::PermanencyHearing);
    none_of(&obs, K::FinalizeEfforts);
    // The last full month in care is June 2024 (the exit falls in July): due 2024-06-30.
    let visits = all(&obs, K::CaseworkerVisit);
    assert!(!visits.is_empty());
    assert!(
        visits.iter().all(|o| o.due() <= d(2024, 6, 30)),
        "{visits:#?}"
    );

    // As of 2024-07-15, the first day beyond, a return that day would still be in time: the
    // episode is open and the hearing owed.
    let obs = case.obligations(d(2024, 7, 15), &FEDERAL);
    assert_eq!(one(&obs, K::PermanencyHearing).due(), d(2025, 1, 1));
}

#[test]
fn kinship_guardianship_assistance_is_for_a_relative_guardian() {
    // The non-relative foster parents (F-FOSTER, licensed) have had the child since
    // 2024-03-01 and become the guardians on 2024-09-10 with kinship assistance: six months in
    // the home (2024-03-01 + 6 months = 2024-09-01 <= 2024-09-10), return and adoption ruled
    // out — but the guardian is not a relative (SSA §473(d)(1)). The guardianship stands; the
    // assistance is not title IV-E's.
    let case = build(
        child(),
        &FEDERAL,
        vec![
            removal(d(2024, 3, 1)),
            ctw(d(2024, 3, 1)),
            foster(d(2024, 3, 1), "P-1"),
            ruled_out(d(2024, 8, 1)),
            recorded(
                d(2024, 9, 9),
                as_kind(&foster_family(), FamilyKind::Guardian),
            ),
            discharge(
                d(2024, 9, 10),
                Discharge::Guardianship(
                    Guardianship::new(fid("F-FOSTER")).with_kinship_assistance(),
                ),
            ),
        ],
    );
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Guardianship));
    assert_eq!(
        case.kinship_guardianship_gaps(d(2024, 10, 1), &FEDERAL),
        Some(vec![KinshipCondition::RelativeGuardian])
    );
    let obs = case.obligations(d(2024, 10, 1), &FEDERAL);
    let o = one(&obs, K::KinshipGuardianshipEligibility);
    assert_eq!(
        (o.due(), o.status(), o.consequence()),
        (
            d(2024, 9, 10),
            Status::Overdue,
            Some(Consequence::NoKinshipGuardianshipAssistance)
        )
    );
}

// ================================================================================================
// Found in review: the six months in the relative's home (SSA §473(d)(3)(A)(i)(II)) read over the
// family's records, not only the license in force on the discharge day.

/// F-REL (the grandmother, a relative home) licensed from `since` to `expires`.
fn relative_licensed(since: chrono::NaiveDate, expires: Option<chrono::NaiveDate>) -> Family {
    Family::builder(fid("F-REL"), FamilyKind::Relative)
        .member(member("P-GRANDMA", "Dora", Relationship::Grandparent).caregiver())
        .license(license(since, expires))
        .build()
        .unwrap()
}

/// F-REL recorded as the guardian's household, no longer a foster home: no license.
fn relative_guardian_unlicensed() -> Family {
    Family::builder(fid("F-REL"), FamilyKind::Guardian)
        .member(member("P-GRANDMA", "Dora", Relationship::Grandparent).caregiver())
        .build()
        .unwrap()
}

/// Discharge to F-REL's guardianship with kinship assistance on `date`.
fn kinship_guardianship(date: chrono::NaiveDate) -> Event {
    discharge(
        date,
        Discharge::Guardianship(Guardianship::new(fid("F-REL")).with_kinship_assistance()),
    )
}

/// Removed 2024-02-01 (contrary to the welfare found that day) to F-REL, licensed 2020-01-01 to
/// 2024-04-30 at opening; then `more` (dated 2024-02-02 or later); return and adoption ruled out
/// 2024-07-01.
fn expiring_relative_home(policy: &Policy, more: Vec<Event>) -> Case {
    let mut events = vec![
        removal(d(2024, 2, 1)),
        ctw(d(2024, 2, 1)),
        relative_home(d(2024, 2, 1), "R-1"),
        ruled_out(d(2024, 7, 1)),
    ];
    events.extend(more);
    events.sort_by_key(Event::date);
    build_with(
        child(),
        clock_families_with_relative(relative_licensed(d(2020, 1, 1), Some(d(2024, 4, 30)))),
        policy,
        events,
    )
}

#[test]
fn kinship_months_continue_across_a_renewal_without_a_lapse() {
    // Licensed 2020-01-01 to 2024-04-30, renewed from 2024-05-01 (the day after, no lapse): the
    // home held a license every day. With her from 2024-02-01; 2024-02-01 + 6 months =
    // 2024-08-01. Before, the renewal (its own `since`, 2024-05-01) restarted the months:
    // 2024-05-01 + 6 months = 2024-11-01, and a discharge on 2024-08-01 lacked them.
    let renewed = relative_licensed(d(2024, 5, 1), None);
    // The renewal keyed ahead (2024-04-20: the old license still covers 04-20 to 04-30) or on
    // its first day (2024-05-01).
    for keyed in [d(2024, 4, 20), d(2024, 5, 1)] {
        let case = expiring_relative_home(
            &FEDERAL,
            vec![
                recorded(keyed, renewed.clone()),
                recorded(d(2024, 7, 31), as_kind(&renewed, FamilyKind::Guardian)),
                kinship_guardianship(d(2024, 8, 1)),
            ],
        );
        assert_eq!(
            case.kinship_guardianship_gaps(d(2024, 9, 1), &FEDERAL),
            Some(vec![]),
            "renewal keyed {keyed}"
        );
        // While she was with the grandmother (as of 2024-06-01): counted from the move.
        let o = one(
            &case.obligations(d(2024, 6, 1), &FEDERAL),
            K::KinshipGuardianshipEligibility,
        )
        .clone();
        assert_eq!(
            (o.counts_from(), o.due(), o.status()),
            (d(2024, 2, 1), d(2024, 8, 1), Status::Upcoming),
            "renewal keyed {keyed}"
        );
    }
}

#[test]
fn a_license_lapse_inside_the_six_months_restarts_them() {
    // Licensed to 2024-04-30; relicensed from 2024-05-15 (recorded that day): no license
    // 2024-05-01 to 05-14. The months restart from the new license: 2024-05-15 + 6 months =
    // 2024-11-15. A discharge on 2024-08-01 (6 months after the move) lacks them; one on
    // 2024-11-14 (5 months 30 days of the new license) too; one on 2024-11-15 has them.
    let renewed = relative_licensed(d(2024, 5, 15), None);
    let with_exit = |exit: chrono::NaiveDate| {
        expiring_relative_home(
            &FEDERAL,
            vec![
                recorded(d(2024, 5, 15), renewed.clone()),
                recorded(
                    date::days_before(exit, 1),
                    as_kind(&renewed, FamilyKind::Guardian),
                ),
                kinship_guardianship(exit),
            ],
        )
    };
    for (exit, gaps) in [
        (d(2024, 8, 1), vec![KinshipCondition::SixMonthsInHome]),
        (d(2024, 11, 14), vec![KinshipCondition::SixMonthsInHome]),
        (d(2024, 11, 15), vec![]),
    ] {
        assert_eq!(
            with_exit(exit).kinship_guardianship_gaps(d(2024, 12, 1), &FEDERAL),
            Some(gaps),
            "discharge {exit}"
        );
    }
    // While she is with the grandmother (as of 2024-06-01): the clock counts from the new
    // license, due 2024-11-15.
    let case = expiring_relative_home(&FEDERAL, vec![recorded(d(2024, 5, 15), renewed.clone())]);
    expect(
        one(
            &case.obligations(d(2024, 6, 1), &FEDERAL),
            K::KinshipGuardianshipEligibility,
        ),
        RuleId::KinshipGuardianshipEligibility,
        d(2024, 5, 15),
        d(2024, 11, 15),
        Status::Upcoming,
        None,
    );
}

#[test]
fn six_months_served_stay_served_when_the_license_ends_later() {
    // Licensed 2020-01-01 to 2024-08-15; with her from 2024-01-10: 2024-01-10 + 6 months =
    // 2024-07-10, the six months served (licensed 01-10 to 07-09, every day). The license ends
    // 2024-08-15; discharge 2024-09-01. The unlicensed days 08-16 to 08-31 cost maintenance
    // payments (§472(c)(1)), not the assistance. Before, the license not in force on 09-01
    // erased the months.
    let licensed = relative_licensed(d(2020, 1, 1), Some(d(2024, 8, 15)));
    let case = build_with(
        child(),
        clock_families_with_relative(licensed.clone()),
        &FEDERAL,
        vec![
            removal(d(2024, 1, 10)),
            ctw(d(2024, 1, 10)),
            relative_home(d(2024, 1, 10), "R-1"),
            ruled_out(d(2024, 8, 1)),
            recorded(d(2024, 8, 20), as_kind(&licensed, FamilyKind::Guardian)),
            kinship_guardianship(d(2024, 9, 1)),
        ],
    );
    assert_eq!(
        case.kinship_guardianship_gaps(d(2024, 10, 1), &FEDERAL),
        Some(vec![])
    );
    expect(
        one(
            &case.obligations(d(2024, 10, 1), &FEDERAL),
            K::KinshipGuardianshipEligibility,
        ),
        RuleId::KinshipGuardianshipEligibility,
        d(2024, 1, 10),
        d(2024, 9, 1),
        Status::Met(d(2024, 9, 1)),
        None,
    );
}

#[test]
fn six_months_served_stay_served_when_the_home_becomes_the_guardians() {
    // Licensed since 2020-01-01 (the clock families); with her from 2024-01-10: 2024-01-10 + 6
    // months = 2024-07-10. On 2024-09-01 she is recorded as the guardian's household (no
    // longer a foster home: no license) and the discharge to guardianship with kinship
    // assistance is that day. The six months (01-10 to 07-09) were served: no gap. Before, the
    // record of the guardianship day, without a license, erased them.
    let events = vec![
        removal(d(2024, 1, 10)),
        ctw(d(2024, 1, 10)),
        relative_home(d(2024, 1, 10), "R-1"),
        ruled_out(d(2024, 8, 1)),
        recorded(d(2024, 9, 1), relative_guardian_unlicensed()),
        kinship_guardianship(d(2024, 9, 1)),
    ];
    let case = build(child(), &FEDERAL, events.clone());
    assert_eq!(
        case.kinship_guardianship_gaps(d(2024, 10, 1), &FEDERAL),
        Some(vec![])
    );
    // Every month in the home once licensed: the same, counted from the move.
    let all_months = Policy::federal().with_kinship_clock(KinshipClock::AllMonthsInHome);
    let case = build(child(), &all_months, events);
    assert_eq!(
        case.kinship_guardianship_gaps(d(2024, 10, 1), &all_months),
        Some(vec![])
    );
    // Recorded without a license on 2024-06-01, before the six months: licensed 01-10 to 05-31
    // only (4 months 22 days), a gap.
    let case = build(
        child(),
        &FEDERAL,
        vec![
            removal(d(2024, 1, 10)),
            ctw(d(2024, 1, 10)),
            relative_home(d(2024, 1, 10), "R-1"),
            recorded(d(2024, 6, 1), relative_guardian_unlicensed()),
            ruled_out(d(2024, 8, 1)),
            kinship_guardianship(d(2024, 9, 1)),
        ],
    );
    assert_eq!(
        case.kinship_guardianship_gaps(d(2024, 10, 1), &FEDERAL),
        Some(vec![KinshipCondition::SixMonthsInHome])
    );
}

#[test]
fn kinship_months_five_months_thirty_days_against_six() {
    // With the grandmother from 2024-01-31; 2024-01-31 + 6 months = 2024-07-31 (July has 31
    // days: no clamp). The six months are the days 01-31 to 07-30.
    //
    // Licensed throughout (since 2020): a discharge on 2024-07-30 comes after 5 months 30 days
    // (a gap), one on 2024-07-31 after 6 months (none).
    for (exit, gaps) in [
        (d(2024, 7, 30), vec![KinshipCondition::SixMonthsInHome]),
        (d(2024, 7, 31), vec![]),
    ] {
        let case = case_of(vec![
            removal(d(2024, 1, 31)),
            ctw(d(2024, 1, 31)),
            relative_home(d(2024, 1, 31), "R-1"),
            ruled_out(d(2024, 7, 1)),
            recorded(
                d(2024, 7, 15),
                as_kind(
                    &relative_family_licensed(d(2020, 1, 1)),
                    FamilyKind::Guardian,
                ),
            ),
            kinship_guardianship(exit),
        ]);
        assert_eq!(
            case.kinship_guardianship_gaps(d(2024, 9, 1), &FEDERAL),
            Some(gaps),
            "discharge {exit}"
        );
    }
    // A license ending before a discharge on 2024-09-01: to 2024-07-29 covers 01-31 to 07-29,
    // 5 months 30 days (a gap); to 2024-07-30 covers the six months to their last day (none).
    for (expires, gaps) in [
        (d(2024, 7, 29), vec![KinshipCondition::SixMonthsInHome]),
        (d(2024, 7, 30), vec![]),
    ] {
        let licensed = relative_licensed(d(2020, 1, 1), Some(expires));
        let case = build_with(
            child(),
            clock_families_with_relative(licensed.clone()),
            &FEDERAL,
            vec![
                removal(d(2024, 1, 31)),
                ctw(d(2024, 1, 31)),
                relative_home(d(2024, 1, 31), "R-1"),
                ruled_out(d(2024, 7, 1)),
                recorded(d(2024, 8, 31), as_kind(&licensed, FamilyKind::Guardian)),
                kinship_guardianship(d(2024, 9, 1)),
            ],
        );
        assert_eq!(
            case.kinship_guardianship_gaps(d(2024, 10, 1), &FEDERAL),
            Some(gaps),
            "license to {expires}"
        );
    }
}

#[test]
fn a_runaway_still_restarts_the_kinship_months() {
    // Unchanged: a runaway is a placement of its own, so the stay in the home restarts on the
    // return. With her from 2024-01-10, ran away 2024-03-01, back 2024-03-03: 2024-03-03 + 6
    // months = 2024-09-03.
    let case = case_of(vec![
        removal(d(2024, 1, 10)),
        relative_home(d(2024, 1, 10), "R-1"),
        ran_away(d(2024, 3, 1), "RA-1"),
        returned(
            d(2024, 3, 3),
            "R-2",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
    ]);
    let o = one(
        &case.obligations(d(2024, 5, 1), &FEDERAL),
        K::KinshipGuardianshipEligibility,
    )
    .clone();
    assert_eq!((o.counts_from(), o.due()), (d(2024, 3, 3), d(2024, 9, 3)));
}
