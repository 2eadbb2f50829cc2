//! Reading the clocks of `Case::obligations` across families (`src/timeline/mod.rs`): only the
//! events on or before the date asked count, every kind of obligation is owed by some history,
//! each cites its rule, and the list is ordered by due date.
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

use std::collections::BTreeSet;

use chrono::NaiveDate;
use common::*;
use permanency::timeline::{ObligationKind as K, Status};
use permanency::*;

// ================================================================================================
// Reading the past, citations, coverage

/// The case a date would have seen: the same child and families, the events on or before it.
fn as_it_was(case: &Case, as_of: NaiveDate, policy: &Policy) -> Case {
    let events = case.events().iter().filter(|e| e.date() <= as_of).cloned();
    Case::replay(
        case.child().clone(),
        case.opening_families().to_vec(),
        events,
        policy,
    )
    .unwrap()
}

#[test]
fn events_after_the_date_asked_are_ignored() {
    let case = case_of(vec![
        removal(d(2023, 1, 10)),
        ctw(d(2023, 1, 10)),
        foster(d(2023, 1, 10), "P-1"),
        abuse(d(2023, 2, 1)),
        case_plan(d(2023, 3, 1)),
        review(d(2023, 6, 1)),
        hearing(d(2023, 11, 15)),
        finalize(d(2023, 11, 15)),
        petition(d(2024, 2, 1)),
    ]);
    for as_of in [
        d(2023, 1, 9),
        d(2023, 1, 10),
        d(2023, 1, 20),
        d(2023, 2, 1),
        d(2023, 5, 31),
        d(2023, 11, 14),
        d(2024, 1, 1),
        d(2024, 6, 1),
    ] {
        assert_eq!(
            case.obligations(as_of, &FEDERAL),
            as_it_was(&case, as_of, &FEDERAL).obligations(as_of, &FEDERAL),
            "as of {as_of}"
        );
    }
    // As of 2023-01-20 the abuse finding of 2023-02-01 is unknown: DEFC is projected at
    // removal + 60 days (2023-03-11), and the hearing of 2023-11-15 has not happened.
    let obs = case.obligations(d(2023, 1, 20), &FEDERAL);
    let o = one(&obs, K::PermanencyHearing);
    assert_eq!(
        (o.counts_from(), o.due(), o.status()),
        (d(2023, 3, 11), d(2024, 3, 11), Status::Upcoming)
    );
    // Before the removal, nothing is owed.
    assert!(case.obligations(d(2023, 1, 9), &FEDERAL).is_empty());
}

#[test]
fn a_family_recorded_after_the_date_asked_is_ignored() {
    let revoked = relative_family_with(LicenseStatus::Revoked, d(2020, 1, 1));
    let case = case_of(vec![
        removal(d(2024, 3, 1)),
        relative_home(d(2024, 3, 1), "R-1"),
        ev(d(2024, 7, 1), EventData::FamilyRecorded(Box::new(revoked))),
    ]);
    let as_of = d(2024, 5, 1);
    // On 2024-05-01 the license was in force: eligible on 2024-03-01 + 6 months.
    let then = as_it_was(&case, as_of, &FEDERAL).obligations(as_of, &FEDERAL);
    assert_eq!(
        one(&then, K::KinshipGuardianshipEligibility).due(),
        d(2024, 9, 1)
    );
    assert_eq!(case.obligations(as_of, &FEDERAL), then);
}

#[test]
fn a_re_entry_after_the_date_asked_does_not_end_the_episode_back_then() {
    let case = case_of(vec![
        removal(d(2024, 1, 1)),
        foster(d(2024, 1, 1), "P-1"),
        visit(d(2024, 1, 15), "V-1"),
        removal(d(2024, 8, 1)),
    ]);
    let as_of = d(2024, 7, 20);
    assert_eq!(
        case.obligations(as_of, &FEDERAL),
        as_it_was(&case, as_of, &FEDERAL).obligations(as_of, &FEDERAL)
    );
}

#[test]
fn a_review_met_early_stays_met_after_the_child_leaves_care() {
    let case = case_of(vec![
        removal(d(2023, 1, 10)),
        case_plan(d(2023, 2, 1)),
        review(d(2023, 6, 1)),
        discharge(d(2023, 6, 15), ExitReason::Reunified),
    ]);
    // As of 2023-06-10: the review due 2023-01-10 + 6 months = 2023-07-10 was met on 06-01.
    let before = case.obligations(d(2023, 6, 10), &FEDERAL);
    assert_eq!(
        all(&before, K::PeriodicReview)[0].status(),
        Status::Met(d(2023, 6, 1))
    );
    let after = case.obligations(d(2023, 7, 1), &FEDERAL);
    // The case plan (due 2023-03-11) keeps its record after the exit...
    assert_eq!(
        one(&after, K::CasePlan).status(),
        Status::Met(d(2023, 2, 1))
    );
    // ...and so should the review.
    let o = one(&after, K::PeriodicReview);
    assert_eq!(
        (o.due(), o.status()),
        (d(2023, 7, 10), Status::Met(d(2023, 6, 1)))
    );
}

/// A handful of histories that between them owe every kind of obligation.
fn showcase() -> Vec<(Case, NaiveDate)> {
    let teen_case = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2023, 1, 10)),
            ctw(d(2023, 1, 10)),
            relative_home(d(2023, 1, 10), "R-1"),
            excused(d(2023, 3, 1), AggravatedGround::FelonyAgainstChild),
        ],
    );
    let infant = build(
        child_born(d(2023, 1, 1)),
        &FEDERAL,
        vec![
            removal(d(2023, 1, 10)),
            finding(d(2023, 2, 15), Finding::AbandonedInfant),
        ],
    );
    let vpa = case_of(vec![voluntary(d(2023, 5, 1))]);
    let thv = case_of(vec![
        removal(d(2024, 1, 1)),
        foster(d(2024, 1, 1), "P-1"),
        visit(d(2024, 1, 15), "V-1"),
    ]);
    let q = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2024, 1, 1)),
            qrtp(d(2024, 1, 10), "Q-1"),
            assessed(d(2024, 2, 1), "Q-1", QrtpAssessment::NotAppropriate),
            ev(
                d(2024, 2, 15),
                EventData::CourtFinding(Finding::QrtpApproved {
                    placement: plid("Q-1"),
                }),
            ),
        ],
    );
    let cci = case_of(vec![
        removal(d(2024, 1, 8)),
        begin(d(2024, 1, 8), "C-1", Setting::ChildCareInstitution, None),
    ]);
    let sil = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2025, 1, 10)),
            begin(
                d(2025, 1, 10),
                "S-1",
                Setting::SupervisedIndependentLiving,
                None,
            ),
        ],
    );
    let prevention = case_of(vec![ev(
        d(2024, 2, 10),
        EventData::OpenPreservation(Candidacy::FosterCareCandidate),
    )]);
    // Placed out of state, visited, ran away and came back.
    let away = case_of(vec![
        removal(d(2024, 1, 10)),
        ev(
            d(2024, 1, 10),
            EventData::PlacementBegun(
                np("P-1", Setting::NonRelativeFosterHome, Some("F-FOSTER"))
                    .in_location(Location::OutOfState),
            ),
        ),
        ev(
            d(2024, 2, 5),
            EventData::CaseworkerVisited { in_residence: true },
        ),
        ran_away(d(2024, 3, 4), "R-1"),
        returned_to_foster(d(2024, 3, 20), "P-2"),
    ]);
    // A foster home whose license lapses during the placement.
    let lapsing = build_with(
        child(),
        vec![
            birth_family_parents_only(),
            foster_family_licensed(d(2020, 1, 1), d(2024, 3, 31)),
        ],
        &FEDERAL,
        vec![removal(d(2024, 1, 10)), foster(d(2024, 1, 10), "P-1")],
    );
    // Back in care at 18 where care is not extended.
    let adult = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2023, 1, 10)),
            discharge(d(2025, 6, 1), ExitReason::Reunified),
            removal(d(2025, 10, 15)),
        ],
    );
    // Adopted with an assistance agreement.
    let mut families = clock_families();
    families.push(preadoptive_family());
    let adopted = build_with(
        child(),
        families,
        &FEDERAL,
        vec![
            removal(d(2023, 1, 10)),
            foster(d(2023, 1, 10), "P-1"),
            tpr(d(2023, 9, 1), "P-MOTHER"),
            tpr(d(2023, 9, 1), "P-FATHER"),
            plan(d(2023, 10, 1), Goal::Adoption),
            placed_for_adoption(d(2024, 1, 10), "A-1", Setting::PreAdoptiveHome, "F-ADOPT"),
            ev(d(2024, 5, 1), EventData::AdoptionAssistanceAgreementSigned),
            ev(d(2024, 6, 3), EventData::AdoptionFinalized),
        ],
    );
    // APPLA, and a permanency hearing with nothing documented.
    let appla_case = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2023, 1, 10)),
            appla(d(2023, 10, 15)),
            hearing(d(2024, 1, 10)),
        ],
    );
    vec![
        (appla_case, d(2024, 2, 1)),
        (away, d(2024, 4, 1)),
        (lapsing, d(2024, 5, 1)),
        (adult, d(2025, 11, 1)),
        (adopted, d(2024, 7, 1)),
        (teen_case, d(2023, 4, 1)),
        (infant, d(2023, 3, 1)),
        (vpa, d(2023, 6, 1)),
        (thv, d(2024, 2, 1)),
        (q, d(2024, 2, 20)),
        (cci, d(2024, 2, 1)),
        (sil, d(2025, 2, 1)),
        (prevention, d(2024, 3, 1)),
    ]
}

#[test]
fn every_kind_of_obligation_is_covered() {
    let every = [
        K::ContraryToWelfare,
        K::PreventRemovalEfforts,
        K::CasePlan,
        K::RelativeNotice,
        K::PeriodicReview,
        K::PermanencyHearing,
        K::FinalizeEfforts,
        K::NoReunificationHearing,
        K::FifteenOfTwentyTwo,
        K::AbandonedInfantPetition,
        K::FelonyPetition,
        K::VoluntaryPlacement,
        K::TrialHomeVisitLimit,
        K::QrtpAssessment,
        K::QrtpCourtApproval,
        K::QrtpTransition,
        K::QrtpLongStay,
        K::CongregateCareLimit,
        K::IndependentLivingAge,
        K::PreventionPeriod,
        K::TransitionServices,
        K::ApplaEligibility,
        K::TransitionPlan,
        K::CareEndAge,
        K::KinshipGuardianshipEligibility,
        K::UnlicensedPlacement,
        K::AdultReentry,
        K::CaseworkerVisit,
        K::CaseworkerVisitsInResidence,
        K::OutOfStateVisit,
        K::MissingChildReport,
        K::AbsenceDebrief,
        K::AdoptionAssistanceAgreement,
        K::ApplaHearingDocumentation,
        // supports: a teen of the showcase in care past a year from 14
        K::CreditReport,
        // supports: the showcase's permanency hearings, none with the child consulted
        K::ChildConsulted,
        // connections: the showcase's non-relative placements, no relative identified
        K::RelativeConsidered,
    ];
    let seen: BTreeSet<K> = showcase()
        .iter()
        .flat_map(|(case, as_of)| case.obligations(*as_of, &FEDERAL))
        .map(|o| o.kind())
        .collect();
    let expected: BTreeSet<K> = every.into_iter().collect();
    assert_eq!(seen, expected);
}

#[test]
fn every_obligation_cites_its_rule() {
    for (case, as_of) in showcase() {
        for o in case.obligations(as_of, &FEDERAL) {
            assert_eq!(o.rule(), o.kind().rule());
            assert_eq!(o.citation(), o.rule().citation());
            assert!(!o.citation().is_empty());
        }
    }
    // The rule of each kind: its namesake, except supervised independent living, which is
    // part of the congregate-care limit.
    for (kind, rule) in [
        (K::ContraryToWelfare, RuleId::ContraryToWelfare),
        (K::FifteenOfTwentyTwo, RuleId::FifteenOfTwentyTwo),
        (K::CongregateCareLimit, RuleId::CongregateCareLimit),
        (K::IndependentLivingAge, RuleId::CongregateCareLimit),
        (K::CareEndAge, RuleId::CareEndAge),
    ] {
        assert_eq!(kind.rule(), rule, "{kind:?}");
    }
    assert_eq!(
        RuleId::FifteenOfTwentyTwo.citation(),
        "SSA §475(5)(E); 45 CFR 1356.21(i)(1)(i)"
    );
}

#[test]
fn obligations_are_ordered_by_due_date() {
    for (case, as_of) in showcase() {
        let obs = case.obligations(as_of, &FEDERAL);
        assert!(obs.windows(2).all(|w| w[0].due() <= w[1].due()), "{obs:#?}");
        assert!(obs.iter().all(|o| o.counts_from() <= o.due()));
    }
}

#[test]
fn an_over_long_visit_reads_the_same_before_and_after_the_event_that_shows_it() {
    // In F-FOSTER from 2024-01-10; a trial home visit from 2024-02-01, past its 6 months by
    // 2024-09-01 (the period ends 2024-08-01; 45 CFR 1356.21(e)), a review held on 2024-08-20
    // during it; the re-entry that shows the visit ended is keyed on 2024-09-10. Asked on
    // 2024-09-01, the obligations must be the same whether the history holds the re-entry of
    // 2024-09-10 or not: what is dated after the date asked changes nothing.
    for policy in [
        FEDERAL,
        FEDERAL.with_overlong_visit_exit(permanency::policy::OverlongVisitExit::VisitStart),
    ] {
        let case = build(
            child(),
            &policy,
            vec![
                removal(d(2024, 1, 10)),
                foster(d(2024, 1, 10), "P-1"),
                visit(d(2024, 2, 1), "P-2"),
                review(d(2024, 8, 20)),
                removal(d(2024, 9, 10)),
                foster(d(2024, 9, 10), "P-3"),
            ],
        );
        let as_of = d(2024, 9, 1);
        assert_eq!(
            case.obligations(as_of, &policy),
            as_it_was(&case, as_of, &policy).obligations(as_of, &policy)
        );
    }
}
