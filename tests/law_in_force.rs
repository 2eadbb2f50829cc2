//! The law in force on an event's date (src/law.rs): a history is held to the law of its own
//! dates. Real dates; the cast is in `tests/common/mod.rs` (Sam, C-1, born 2016-05-04; the
//! teen born 2007-09-30, 16 on 2023-09-30).
#![cfg(feature = "serde")]

mod common;

use common::*;
use permanency::law::Law;
use permanency::timeline::Status;
use permanency::*;

#[test]
fn appla_for_a_younger_child_is_refused_only_from_2015_09_29() {
    // The teen (born 2007-09-30) is 14 in 2022; in 2015 he is 7. Before P.L. 113-183 took
    // effect (2015-09-29), APPLA had no age floor.
    let mut case = Case::new(teen(), all_families()).unwrap();
    accept(&mut case, removal(d(2015, 1, 5)), &FEDERAL);
    accept(&mut case, appla(d(2015, 9, 28)), &FEDERAL);
    // The day the law took effect, the same plan for the same 7-year-old is refused.
    let r = refuse(&mut case, appla(d(2015, 9, 29)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::ApplaAge]);
}

#[test]
fn the_congregate_care_clocks_start_on_the_state_date() {
    // A QRTP placement on 2020-01-06. Under the federal date (2019-10-01) its assessment is due
    // within 30 days: 2020-01-06 + 30 = 2020-02-05. A state that delayed the limit to
    // 2021-10-01 owes no QRTP clock for it.
    let history = vec![removal(d(2020, 1, 6)), qrtp(d(2020, 1, 6), "P-1")];
    let federal = case_of(history.clone());
    let obs = federal.obligations(d(2020, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, ObligationKind::QrtpAssessment).due(),
        d(2020, 2, 5)
    );
    let delayed = Policy::federal()
        .with_congregate_care_from(d(2021, 10, 1))
        .unwrap();
    let case = build(child(), &delayed, history);
    none_of(
        &case.obligations(d(2020, 3, 1), &delayed),
        ObligationKind::QrtpAssessment,
    );
    none_of(
        &case.obligations(d(2020, 3, 1), &delayed),
        ObligationKind::CongregateCareLimit,
    );
    // The delay is bounded by the law: two years at most.
    assert_eq!(
        Policy::federal()
            .with_congregate_care_from(d(2021, 10, 2))
            .unwrap_err()
            .to_string(),
        "invalid policy congregate_care_from: expected from 2019-10-01 to 2021-10-01, found 2021-10-02"
    );
}

#[test]
fn a_runaway_before_2016_09_29_owes_no_24_hour_report() {
    // SSA §471(a)(35)(B) applies from 2016-09-29 (P.L. 113-183 §104).
    let before = case_of(vec![
        removal(d(2016, 6, 1)),
        foster(d(2016, 6, 1), "P-1"),
        ran_away(d(2016, 9, 28), "P-2"),
    ]);
    none_of(
        &before.obligations(d(2016, 10, 15), &FEDERAL),
        ObligationKind::MissingChildReport,
    );
    let after = case_of(vec![
        removal(d(2016, 6, 1)),
        foster(d(2016, 6, 1), "P-1"),
        ran_away(d(2016, 9, 29), "P-2"),
    ]);
    // Due the next day: 2016-09-30; unmet on 2016-10-15.
    let report = one(
        &after.obligations(d(2016, 10, 15), &FEDERAL),
        ObligationKind::MissingChildReport,
    )
    .clone();
    assert_eq!(
        (report.due(), report.status()),
        (d(2016, 9, 30), timeline::Status::Overdue)
    );
}

#[test]
fn a_1996_removal_owes_no_asfa_clock_and_a_1998_one_does() {
    // ASFA (P.L. 105-89) took effect on 1997-11-19.
    // A child born 1990-01-01.
    let kid = || child_born(d(1990, 1, 1));
    let old = build(
        kid(),
        &FEDERAL,
        vec![removal(d(1996, 3, 1)), foster(d(1996, 3, 1), "P-1")],
    );
    let obs = old.obligations(d(1998, 6, 1), &FEDERAL);
    none_of(&obs, ObligationKind::FifteenOfTwentyTwo);
    none_of(&obs, ObligationKind::PermanencyHearing);
    // A periodic review every 6 months was owed since 1980 (P.L. 96-272): 1996-03-01 + 6
    // months = 1996-09-01.
    assert_eq!(
        all(&obs, ObligationKind::PeriodicReview)[0].due(),
        d(1996, 9, 1)
    );
    let new = build(
        kid(),
        &FEDERAL,
        vec![removal(d(1998, 3, 2)), foster(d(1998, 3, 2), "P-1")],
    );
    let obs = new.obligations(d(1998, 6, 1), &FEDERAL);
    // DEFC = removal + 60 days = 1998-05-01; the permanency hearing within 12 months:
    // 1999-05-01.
    assert_eq!(
        one(&obs, ObligationKind::PermanencyHearing).due(),
        d(1999, 5, 1)
    );
}

#[test]
fn a_finding_that_moves_defc_before_asfa_drops_the_projected_hearing_clock() {
    // Removed 1997-10-01 and a permanency hearing held that day. With no finding yet, DEFC is
    // projected at removal + 60 days: 30 more days of October to 1997-10-31, 30 of November to
    // 1997-11-30, on or after ASFA's 1997-11-19 — so on 1997-10-15 the hearing clock runs from
    // 1997-11-30, due 12 months later, 1998-11-30, met early by the hearing of 1997-10-01.
    let kid = || child_born(d(1990, 1, 1));
    let history = vec![
        removal(d(1997, 10, 1)),
        foster(d(1997, 10, 1), "P-1"),
        hearing(d(1997, 10, 1)),
        abuse(d(1997, 10, 20)),
    ];
    let case = build(kid(), &FEDERAL, history);
    let obs = case.obligations(d(1997, 10, 15), &FEDERAL);
    let o = one(&obs, ObligationKind::PermanencyHearing);
    assert_eq!(
        (o.counts_from(), o.due(), o.status()),
        (
            d(1997, 11, 30),
            d(1998, 11, 30),
            timeline::Status::Met(d(1997, 10, 1))
        )
    );
    // The abuse finding of 1997-10-20 makes DEFC that day (the earlier of the finding and
    // removal + 60 days), before ASFA took effect: the episode's hearing clock is not ASFA's,
    // and on 1997-12-01 none is owed.
    none_of(
        &case.obligations(d(1997, 12, 1), &FEDERAL),
        ObligationKind::PermanencyHearing,
    );
}

#[test]
fn every_law_names_its_source_and_its_dates() {
    for law in Law::ALL {
        assert!(!law.citation().is_empty(), "{law}");
        // The oldest is the Indian Child Welfare Act, enacted 1978-11-08 (P.L. 95-608).
        assert!(law.federal_effective() >= d(1978, 11, 8), "{law}");
        assert!(law.repealed().is_none_or(|r| r > law.federal_effective()));
    }
    // The residence majority of caseworker visits was struck from 2025-10-01.
    assert!(Law::ResidenceVisits.in_force(d(2025, 9, 30), &FEDERAL));
    assert!(!Law::ResidenceVisits.in_force(d(2025, 10, 1), &FEDERAL));
    assert_eq!(
        ObligationKind::CaseworkerVisitsInResidence.law(),
        Some(Law::ResidenceVisits)
    );
    assert_eq!(RuleId::ApplaAge.law(), Some(Law::Pstsfa));
    assert_eq!(Law::Icwa.federal_effective(), d(1978, 11, 8));
    assert_eq!(RuleId::IcwaConsentTooEarly.law(), Some(Law::Icwa));
    assert_eq!(ObligationKind::IcwaActiveEfforts.law(), Some(Law::Icwa));
}

#[test]
fn a_qrtp_stay_under_way_when_the_requirements_took_effect_is_held_to_them_from_that_day() {
    // In the program since 2019-08-01, still there on 2019-10-01 (the federal date): the 30
    // and 60 days count from 2019-10-01, as the two-week limit does for a stay begun before
    // it. Assessment due 2019-10-01 + 30 = 2019-10-31; the court's approval 2019-10-01 + 60 =
    // 2019-11-30 (30 days to 2019-10-31, 30 more to 2019-11-30). Neither recorded: overdue on
    // 2019-12-15.
    let history = vec![removal(d(2019, 8, 1)), qrtp(d(2019, 8, 1), "P-1")];
    let case = case_of(history.clone());
    let obs = case.obligations(d(2019, 12, 15), &FEDERAL);
    let o = one(&obs, ObligationKind::QrtpAssessment);
    assert_eq!(
        (o.counts_from(), o.due(), o.status()),
        (d(2019, 10, 1), d(2019, 10, 31), Status::Overdue)
    );
    let o = one(&obs, ObligationKind::QrtpCourtApproval);
    assert_eq!(
        (o.counts_from(), o.due(), o.status()),
        (d(2019, 10, 1), d(2019, 11, 30), Status::Overdue)
    );
    // A state that delayed to 2021-10-01, the child still there: due 2021-10-31.
    let delayed = Policy::federal()
        .with_congregate_care_from(d(2021, 10, 1))
        .unwrap();
    let case = build(child(), &delayed, history);
    let obs = case.obligations(d(2021, 10, 15), &delayed);
    let o = one(&obs, ObligationKind::QrtpAssessment);
    assert_eq!((o.due(), o.status()), (d(2021, 10, 31), Status::Upcoming));
    // Out of the program on 2019-09-15, before the requirements took effect: nothing owed.
    let left = case_of(vec![
        removal(d(2019, 8, 1)),
        qrtp(d(2019, 8, 1), "P-1"),
        to_foster(d(2019, 9, 15), "P-2"),
    ]);
    let obs = left.obligations(d(2019, 12, 15), &FEDERAL);
    none_of(&obs, ObligationKind::QrtpAssessment);
    none_of(&obs, ObligationKind::QrtpCourtApproval);
}
