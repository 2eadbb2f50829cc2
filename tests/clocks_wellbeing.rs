//! Scenario tests for the clocks of a child's well-being in care (`src/timeline/wellbeing.rs`):
//! monthly caseworker visits, the majority in the residence, out-of-state visits every 6 months,
//! the reports of a missing child within 24 hours and the debrief on return, and the adoption
//! assistance agreement before the decree.
//!
//! "Within 24 hours" is counted in days: due the day after (the crate records dates, not
//! times). "6 months after E" = E + 6 calendar months, clamped.

mod common;

use chrono::NaiveDate;
use common::*;
use permanency::timeline::{Consequence, ObligationKind as K, Status};
use permanency::*;

fn visited(date: NaiveDate, in_residence: bool) -> Event {
    ev(date, EventData::CaseworkerVisited { in_residence })
}

#[test]
fn a_caseworker_visit_each_full_month_in_care() {
    // Removed 2024-01-10: January is not a full month; February is the first, due 2024-02-29
    // (a leap year). Visited 2024-02-29 (on time) and not in March (overdue from 2024-04-01).
    let case = case_of(vec![
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        visited(d(2024, 2, 29), true),
    ]);
    let obs = case.obligations(d(2024, 3, 31), &FEDERAL);
    // On 2024-03-31, March is the latest month, still upcoming; February is met and latest-only
    // months are listed, so only March shows.
    let months = all(&obs, K::CaseworkerVisit);
    assert_eq!(months.len(), 1, "{months:#?}");
    expect(
        months[0],
        RuleId::CaseworkerVisit,
        d(2024, 3, 1),
        d(2024, 3, 31),
        Status::Upcoming,
        None,
    );
    let obs = case.obligations(d(2024, 4, 1), &FEDERAL);
    let months: Vec<_> = all(&obs, K::CaseworkerVisit)
        .iter()
        .map(|o| (o.counts_from(), o.due(), o.status()))
        .collect();
    assert_eq!(
        months,
        [
            (d(2024, 3, 1), d(2024, 3, 31), Status::Overdue),
            (d(2024, 4, 1), d(2024, 4, 30), Status::Upcoming),
        ]
    );
    // Visited on 2024-02-29, the month's last day: met; in the month before the due date only.
    let obs = case.obligations(d(2024, 2, 29), &FEDERAL);
    let o = one(&obs, K::CaseworkerVisit);
    assert_eq!(
        (o.due(), o.status()),
        (d(2024, 2, 29), Status::Met(d(2024, 2, 29)))
    );
}

#[test]
fn the_majority_of_visits_in_the_childs_residence() {
    let base = vec![removal(d(2024, 1, 10)), foster(d(2024, 1, 10), "P-1")];
    let mut two_of_three = base.clone();
    two_of_three.extend([
        visited(d(2024, 2, 5), true),
        visited(d(2024, 3, 5), false),
        visited(d(2024, 4, 5), true),
    ]);
    let obs = case_of(two_of_three).obligations(d(2024, 4, 20), &FEDERAL);
    expect(
        one(&obs, K::CaseworkerVisitsInResidence),
        RuleId::CaseworkerVisitsInResidence,
        d(2024, 1, 10),
        d(2024, 4, 5),
        Status::Met(d(2024, 4, 5)),
        None,
    );
    // One of two is not a majority.
    let mut half = base;
    half.extend([visited(d(2024, 2, 5), true), visited(d(2024, 3, 5), false)]);
    let obs = case_of(half).obligations(d(2024, 4, 20), &FEDERAL);
    assert_eq!(
        one(&obs, K::CaseworkerVisitsInResidence).status(),
        Status::Overdue
    );
}

#[test]
fn an_out_of_state_placement_is_visited_every_6_months() {
    // Placed out of state 2024-01-10: due 2024-07-10; visited 2024-07-10 (on time), then due
    // 2025-01-10, visited 2025-01-11 (a day late), then due 2025-07-11.
    let away = ev(
        d(2024, 1, 10),
        EventData::PlacementBegun(
            np("P-1", Setting::NonRelativeFosterHome, Some("F-FOSTER"))
                .in_location(Location::OutOfState),
        ),
    );
    let case = case_of(vec![
        removal(d(2024, 1, 10)),
        away,
        visited(d(2024, 7, 10), false),
        visited(d(2025, 1, 11), false),
    ]);
    let obs = case.obligations(d(2025, 2, 1), &FEDERAL);
    let visits: Vec<_> = all(&obs, K::OutOfStateVisit)
        .iter()
        .map(|o| (o.counts_from(), o.due(), o.status()))
        .collect();
    assert_eq!(
        visits,
        [
            (d(2024, 1, 10), d(2024, 7, 10), Status::Met(d(2024, 7, 10))),
            (
                d(2024, 7, 10),
                d(2025, 1, 10),
                Status::MetLate(d(2025, 1, 11))
            ),
            (d(2025, 1, 11), d(2025, 7, 11), Status::Upcoming),
        ]
    );
    assert_eq!(
        all(&obs, K::OutOfStateVisit)[0].subject(),
        Some(&placement("P-1"))
    );
}

fn reported(date: NaiveDate, to: MissingReport) -> Event {
    ev(date, EventData::MissingChildReported(to))
}

#[test]
fn a_missing_child_is_reported_to_both_within_24_hours() {
    // Ran away 2024-03-04: both reports due by 2024-03-05.
    let run = vec![
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        ran_away(d(2024, 3, 4), "R-1"),
        reported(d(2024, 3, 4), MissingReport::LawEnforcement),
    ];
    let mut on_time = run.clone();
    on_time.push(reported(
        d(2024, 3, 5),
        MissingReport::MissingChildrenCenter,
    ));
    let obs = case_of(on_time).obligations(d(2024, 3, 10), &FEDERAL);
    let o = one(&obs, K::MissingChildReport);
    expect(
        o,
        RuleId::MissingChildReport,
        d(2024, 3, 4),
        d(2024, 3, 5),
        Status::Met(d(2024, 3, 5)),
        None,
    );
    assert_eq!(o.subject(), Some(&placement("R-1")));
    let mut late = run.clone();
    late.push(reported(
        d(2024, 3, 6),
        MissingReport::MissingChildrenCenter,
    ));
    let obs = case_of(late).obligations(d(2024, 3, 10), &FEDERAL);
    assert_eq!(
        one(&obs, K::MissingChildReport).status(),
        Status::MetLate(d(2024, 3, 6))
    );
    // Only law enforcement told: overdue the day after the due date.
    let case = case_of(run);
    let o = case.obligations(d(2024, 3, 5), &FEDERAL);
    assert_eq!(one(&o, K::MissingChildReport).status(), Status::Upcoming);
    let o = case.obligations(d(2024, 3, 6), &FEDERAL);
    assert_eq!(one(&o, K::MissingChildReport).status(), Status::Overdue);
}

#[test]
fn on_return_the_absence_is_debriefed_and_the_child_screened() {
    // Back 2024-03-20: due that day (the statute sets no period).
    let back = vec![
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        ran_away(d(2024, 3, 4), "R-1"),
        returned_to_foster(d(2024, 3, 20), "P-2"),
        ev(d(2024, 3, 20), EventData::AbsenceFactorsDetermined),
    ];
    let mut screened = back.clone();
    screened.push(ev(d(2024, 3, 20), EventData::TraffickingScreened));
    let obs = case_of(screened).obligations(d(2024, 4, 1), &FEDERAL);
    let o = one(&obs, K::AbsenceDebrief);
    expect(
        o,
        RuleId::AbsenceDebrief,
        d(2024, 3, 20),
        d(2024, 3, 20),
        Status::Met(d(2024, 3, 20)),
        None,
    );
    assert_eq!(o.subject(), Some(&placement("P-2")));
    let obs = case_of(back).obligations(d(2024, 4, 1), &FEDERAL);
    assert_eq!(one(&obs, K::AbsenceDebrief).status(), Status::Overdue);
}

/// Removed 2023-01-10; both parents' rights terminated 2023-09-01; with the pre-adoptive
/// family F-ADOPT from 2024-01-10; `agreement` then the decree on 2024-06-03.
fn adopted_with(agreement: NaiveDate) -> Case {
    let mut events = vec![
        removal(d(2023, 1, 10)),
        foster(d(2023, 1, 10), "P-1"),
        tpr(d(2023, 9, 1), "P-MOTHER"),
        tpr(d(2023, 9, 1), "P-FATHER"),
        plan(d(2023, 10, 1), Goal::Adoption),
        placed_for_adoption(d(2024, 1, 10), "A-1", Setting::PreAdoptiveHome, "F-ADOPT"),
    ];
    let signed = ev(agreement, EventData::AdoptionAssistanceAgreementSigned);
    let decree = ev(d(2024, 6, 3), EventData::AdoptionFinalized);
    if agreement < d(2024, 6, 3) {
        events.extend([signed, decree]);
    } else {
        events.extend([decree, signed]);
    }
    let mut families = clock_families();
    families.push(preadoptive_family());
    build_with(child(), families, &FEDERAL, events)
}

#[test]
fn the_adoption_assistance_agreement_is_signed_before_the_decree() {
    // The decree of 2024-06-03: the agreement may be dated 2024-06-02 at the latest.
    let obs = adopted_with(d(2024, 6, 2)).obligations(d(2024, 7, 1), &FEDERAL);
    expect(
        one(&obs, K::AdoptionAssistanceAgreement),
        RuleId::AdoptionAssistanceAgreement,
        d(2024, 6, 2),
        d(2024, 6, 2),
        Status::Met(d(2024, 6, 2)),
        None,
    );
    // Signed the day of the decree: late, and no title IV-E adoption assistance.
    let obs = adopted_with(d(2024, 6, 3)).obligations(d(2024, 7, 1), &FEDERAL);
    expect(
        one(&obs, K::AdoptionAssistanceAgreement),
        RuleId::AdoptionAssistanceAgreement,
        d(2024, 6, 2),
        d(2024, 6, 2),
        Status::MetLate(d(2024, 6, 3)),
        Some(Consequence::NoAdoptionAssistance),
    );
}

fn appla_reviewed(date: NaiveDate, review: ApplaReview) -> Event {
    ev(date, EventData::ApplaReviewed(review))
}

#[test]
fn each_permanency_hearing_under_appla_owes_its_documentation() {
    // The teen (16 on 2023-09-30) has APPLA from 2023-10-15; hearings 2024-01-10 and
    // 2024-06-10. The first is documented in full that day; the second leaves out the
    // prudent-parent steps.
    let partial = ApplaReview::new()
        .efforts()
        .child_asked()
        .compelling_reasons();
    let case = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2023, 1, 10)),
            foster(d(2023, 1, 10), "P-1"),
            hearing(d(2023, 6, 1)),
            appla(d(2023, 10, 15)),
            hearing(d(2024, 1, 10)),
            appla_reviewed(d(2024, 1, 10), ApplaReview::complete()),
            hearing(d(2024, 6, 10)),
            appla_reviewed(d(2024, 6, 10), partial),
        ],
    );
    let obs = case.obligations(d(2024, 7, 1), &FEDERAL);
    // The hearing of 2023-06-01, before APPLA, owes nothing.
    let owed: Vec<_> = all(&obs, K::ApplaHearingDocumentation)
        .iter()
        .map(|o| (o.counts_from(), o.due(), o.status()))
        .collect();
    assert_eq!(
        owed,
        [
            (d(2024, 1, 10), d(2024, 1, 10), Status::Met(d(2024, 1, 10))),
            (d(2024, 6, 10), d(2024, 6, 10), Status::Overdue),
        ]
    );
    assert_eq!(partial.missing(), [ApplaElement::PrudentParent]);
    assert_eq!(
        RuleId::ApplaHearingDocumentation.citation(),
        "SSA §475A(a)(1)–(3); SSA §475(5)(C)(i)"
    );
}

#[test]
fn each_periodic_review_under_appla_owes_the_prudent_parent_steps() {
    // SSA §475(5)(B), §475A(a)(3). The teen (16 on 2023-09-30) has APPLA from 2023-10-15.
    // - review 2023-07-10, before APPLA: nothing owed;
    // - review 2024-01-10, documented the same day with the prudent-parent steps only: met
    //   (a review owes only those steps; the other elements are the hearing's);
    // - review 2024-07-10, documented on 2024-07-12: met late;
    // - review 2025-01-10, documented without the steps: overdue.
    let steps = ApplaReview::new().prudent_parent();
    let without = ApplaReview::new().efforts().child_asked();
    let case = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2023, 1, 10)),
            foster(d(2023, 1, 10), "P-1"),
            review(d(2023, 7, 10)),
            appla(d(2023, 10, 15)),
            review(d(2024, 1, 10)),
            appla_reviewed(d(2024, 1, 10), steps),
            review(d(2024, 7, 10)),
            appla_reviewed(d(2024, 7, 12), steps),
            review(d(2025, 1, 10)),
            appla_reviewed(d(2025, 1, 10), without),
        ],
    );
    let obs = case.obligations(d(2025, 2, 1), &FEDERAL);
    let owed: Vec<_> = all(&obs, K::ApplaReviewDocumentation)
        .iter()
        .map(|o| (o.counts_from(), o.due(), o.status()))
        .collect();
    assert_eq!(
        owed,
        [
            (d(2024, 1, 10), d(2024, 1, 10), Status::Met(d(2024, 1, 10))),
            (
                d(2024, 7, 10),
                d(2024, 7, 10),
                Status::MetLate(d(2024, 7, 12))
            ),
            (d(2025, 1, 10), d(2025, 1, 10), Status::Overdue),
        ]
    );
    assert!(steps.documents_prudent_parent() && !without.documents_prudent_parent());
    assert_eq!(
        RuleId::ApplaReviewDocumentation.citation(),
        "SSA §475(5)(B); SSA §475A(a)(3)"
    );
    // No permanency hearing was held: none of the hearing's documentation is owed.
    none_of(&obs, K::ApplaHearingDocumentation);
}

#[test]
fn a_concurrent_appla_goal_owes_the_hearing_documentation_too() {
    // The teen (16 on 2023-09-30) has reunification with APPLA concurrent from 2023-10-15:
    // APPLA is part of the permanency plan (SSA 475A(a): "any child for whom [APPLA] is the
    // permanency plan"), so the 2024-01-10 hearing owes its documentation; none recorded, it
    // is overdue. A plan with no APPLA goal (adoption concurrent) owes none.
    let plan = |concurrent: Goal, doc: Option<ApplaDocumentation>| {
        ev(
            d(2023, 10, 15),
            EventData::PlanSet(Goals::new(Goal::Reunification, Some(concurrent), doc).unwrap()),
        )
    };
    let history = |set: Event| {
        vec![
            removal(d(2023, 1, 10)),
            foster(d(2023, 1, 10), "P-1"),
            set,
            hearing(d(2024, 1, 10)),
        ]
    };
    let case = build(
        teen(),
        &FEDERAL,
        history(plan(Goal::Appla, Some(appla_doc()))),
    );
    let obs = case.obligations(d(2024, 2, 1), &FEDERAL);
    let owed: Vec<_> = all(&obs, K::ApplaHearingDocumentation)
        .iter()
        .map(|o| (o.due(), o.status()))
        .collect();
    assert_eq!(owed, [(d(2024, 1, 10), Status::Overdue)]);
    let case = build(teen(), &FEDERAL, history(plan(Goal::Adoption, None)));
    none_of(
        &case.obligations(d(2024, 2, 1), &FEDERAL),
        K::ApplaHearingDocumentation,
    );
}

#[test]
fn a_youth_who_re_enters_with_appla_still_the_plan_owes_its_documentation() {
    // The teen (16 on 2023-09-30) has APPLA from 2023-10-01, goes home 2024-01-01 and re-enters
    // 2024-02-01 with no new plan set: APPLA is still the plan of record. The permanency hearing
    // of 2024-06-01 owes the documentation of SSA §475A(a), due that day; none is recorded by
    // 2024-07-01.
    let case = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2023, 1, 10)),
            foster(d(2023, 1, 10), "P-1"),
            appla(d(2023, 10, 1)),
            discharge(d(2024, 1, 1), ExitReason::Reunified),
            removal(d(2024, 2, 1)),
            foster(d(2024, 2, 1), "P-2"),
            hearing(d(2024, 6, 1)),
        ],
    );
    assert_eq!(
        case.current_plan().map(|p| p.goals().primary_goal()),
        Some(Goal::Appla)
    );
    let obs = case.obligations(d(2024, 7, 1), &FEDERAL);
    let o = one(&obs, K::ApplaHearingDocumentation);
    assert_eq!(
        (o.episode(), o.counts_from(), o.due(), o.status()),
        (Some(2), d(2024, 6, 1), d(2024, 6, 1), Status::Overdue)
    );
}

#[test]
fn caseworker_visits_stop_before_the_month_of_the_21st_birthday() {
    // The teen (born 2007-09-30: 18 on 2025-09-30, 21 on 2028-09-30), removed 2024-01-10 and
    // never recorded out of care, never visited. Care ends at 18 under the federal policy (the
    // exit is owed then), and title IV-E care reaches at most the 21st birthday (SSA
    // §475(8)(B)(iii)): the youth is in care at most through 2028-09-29, so September 2028 is
    // not a full month. The full months: February to December 2024 (11), 2025 to 2027 (36),
    // January to August 2028 (8) = 55, all overdue, the last due 2028-08-31. However far ahead
    // the date asked, no more: before, every month to it was owed (3 million as of the last
    // date there is).
    let case = build(
        teen(),
        &FEDERAL,
        vec![removal(d(2024, 1, 10)), foster(d(2024, 1, 10), "P-1")],
    );
    for as_of in [d(2028, 9, 15), d(2100, 1, 1), NaiveDate::MAX] {
        let obs = case.obligations(as_of, &FEDERAL);
        let months = all(&obs, K::CaseworkerVisit);
        assert_eq!(months.len(), 55, "as of {as_of}");
        assert_eq!(
            (months[0].counts_from(), months[0].due()),
            (d(2024, 2, 1), d(2024, 2, 29))
        );
        let last = months[54];
        assert_eq!(
            (last.counts_from(), last.due(), last.status()),
            (d(2028, 8, 1), d(2028, 8, 31), Status::Overdue)
        );
        // The exit itself is owed on the 18th birthday.
        assert_eq!(one(&obs, K::CareEndAge).due(), d(2025, 9, 30));
    }
}
