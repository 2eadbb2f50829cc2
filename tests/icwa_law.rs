//! The ICWA rules worked from the statute and the regulations (25 U.S.C. 1903, 1911–1915,
//! 1922; 25 CFR part 23), boundary by boundary: each scenario asserts what the law requires.
//! Dates are real; the day arithmetic is in the comments.
#![cfg(feature = "serde")]

mod common;

use chrono::NaiveDate;
use common::*;
use permanency::icwa::{IcwaHome as H, Preferences};
use permanency::timeline::{Consequence, Obligation, ObligationKind as K, Status};
use permanency::*;

// ------------------------------------------------------------------------------------------------
// Helpers (local copies of tests/icwa.rs's, which are private to that file)

fn navajo_tribe() -> Tribe {
    Tribe::new("Navajo Nation").unwrap()
}

fn navajo() -> IndianChildStatus {
    IndianChildStatus::indian_child([navajo_tribe()])
}

fn indian_child(born: NaiveDate) -> Child {
    child_born(born).with_indian_child_status(navajo())
}

fn complete_fc(date: NaiveDate) -> Event {
    findings(date, IcwaFindings::complete(IcwaOrder::FosterCarePlacement))
}

fn notice(date: NaiveDate, to: NoticeRecipient) -> Event {
    ev(date, EventData::IcwaNoticeReceived(to))
}

fn to_mother() -> NoticeRecipient {
    NoticeRecipient::Person(pid("P-MOTHER"))
}

fn to_father() -> NoticeRecipient {
    NoticeRecipient::Person(pid("P-FATHER"))
}

fn to_tribe() -> NoticeRecipient {
    NoticeRecipient::Tribe(navajo_tribe())
}

fn emergency(date: NaiveDate) -> Event {
    ev(
        date,
        EventData::Removal(Removal::new(Manner::Emergency).from_family(fid("F-BIRTH"))),
    )
}

fn assessed_home(date: NaiveDate, placement: &str, home: H) -> Event {
    ev(
        date,
        EventData::IcwaHomeAssessed {
            placement: plid(placement),
            home,
        },
    )
}

fn good_cause(date: NaiveDate, placement: &str) -> Event {
    ev(
        date,
        EventData::IcwaGoodCause {
            placement: plid(placement),
        },
    )
}

fn extra_days(date: NaiveDate, days: u32) -> Event {
    ev(date, EventData::IcwaAdditionalTime { days })
}

fn sdc(o: &Obligation) -> (NaiveDate, Status, Option<Consequence>) {
    (o.due(), o.status(), o.consequence())
}

fn icwa_case(events: Vec<Event>) -> Case {
    build(indian_child(d(2016, 5, 4)), &FEDERAL, events)
}

/// Applies `event`, answering whether it was accepted (no panic either way).
fn try_apply(case: &mut Case, event: Event) -> Result<(), String> {
    case.apply(event, &FEDERAL)
        .map(|_| ())
        .map_err(|r| r.to_string())
}

// ================================================================================================
// 1. Notice: 10 days after receipt (§1912(a); 25 CFR 23.112(a))

#[test]
fn notice_9_vs_10_days_across_leap_february_court_ordered_removal() {
    // Notice received by both parents and the tribe on 2024-02-20. 2024 is a leap year:
    // 2024-02-20 + 9 = 2024-02-29, + 10 = 2024-03-01.
    // Court-ordered removal (the foster-care placement order) on 2024-03-01: 10 days after
    // receipt, lawful; due = 2024-03-01 - 10 = 2024-02-20, met.
    let heard = |hearing: NaiveDate| {
        icwa_case(vec![
            notice(d(2024, 2, 20), to_mother()),
            notice(d(2024, 2, 20), to_father()),
            notice(d(2024, 2, 20), to_tribe()),
            removal(hearing),
            complete_fc(hearing),
        ])
    };
    let obs = heard(d(2024, 3, 1)).obligations(d(2024, 4, 1), &FEDERAL);
    for o in all(&obs, K::IcwaNoticeToParent)
        .into_iter()
        .chain(all(&obs, K::IcwaNoticeToTribe))
    {
        assert_eq!(
            sdc(o),
            (d(2024, 2, 20), Status::Met(d(2024, 2, 20)), None),
            "{o:#?}"
        );
    }
    assert_eq!(all(&obs, K::IcwaNoticeToParent).len(), 2);
    // Hearing 2024-02-29: 9 days after receipt, too early: due 2024-02-19, met late, open to
    // invalidation (§1914).
    let obs = heard(d(2024, 2, 29)).obligations(d(2024, 4, 1), &FEDERAL);
    let o = one(&obs, K::IcwaNoticeToTribe);
    assert_eq!(
        sdc(o),
        (
            d(2024, 2, 19),
            Status::MetLate(d(2024, 2, 20)),
            Some(Consequence::OpenToInvalidation)
        )
    );
}

#[test]
fn secretary_15_days_across_month_end() {
    // Tribe unknown (reason to know): only the Secretary received notice, 2024-01-31.
    // 15 + 10 = 25 days: 2024-01-31 + 25 = 2024-02-25 (Jan 31 + 29 = Feb 29 ... no: Jan 31 + 1 =
    // Feb 1, so + 25 = Feb 25). Hearing 2024-02-25: due 2024-01-31, met. Hearing 2024-02-24:
    // due 2024-01-30, met late, open to invalidation.
    let heard = |hearing: NaiveDate| {
        build(
            child().with_indian_child_status(IndianChildStatus::ReasonToKnow),
            &FEDERAL,
            vec![
                emergency(d(2024, 1, 20)),
                notice(d(2024, 1, 31), NoticeRecipient::Secretary),
                complete_fc(hearing),
            ],
        )
    };
    let obs = heard(d(2024, 2, 25)).obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        sdc(one(&obs, K::IcwaNoticeToTribe)),
        (d(2024, 1, 31), Status::Met(d(2024, 1, 31)), None)
    );
    let obs = heard(d(2024, 2, 24)).obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        sdc(one(&obs, K::IcwaNoticeToTribe)),
        (
            d(2024, 1, 30),
            Status::MetLate(d(2024, 1, 31)),
            Some(Consequence::OpenToInvalidation)
        )
    );
}

#[test]
fn secretary_notice_does_not_replace_notice_to_a_known_tribe() {
    // The child is a known member of the Navajo Nation (tribe identified and locatable). §1912(a)
    // sends notice to the Secretary only "if the identity or location of the parent or Indian
    // custodian and the tribe cannot be determined". Only the Secretary received notice,
    // 2024-01-01; the placement hearing 2024-01-26 (25 days later). The tribe itself never
    // received notice: the law says the tribe's notice is still owed (overdue), not met.
    let case = icwa_case(vec![
        emergency(d(2023, 12, 29)),
        notice(d(2024, 1, 1), NoticeRecipient::Secretary),
        notice(d(2024, 1, 1), to_mother()),
        notice(d(2024, 1, 1), to_father()),
        complete_fc(d(2024, 1, 26)),
    ]);
    // Due 2024-01-26 - 10 days = 2024-01-16, overdue; the Secretary's 15 extra days do not
    // apply to a named tribe.
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    let o = one(&obs, K::IcwaNoticeToTribe);
    assert_eq!(
        (o.due(), o.status()),
        (d(2024, 1, 16), Status::Overdue),
        "{o:#?}"
    );
    // With the tribe unknown (reason to know, no tribe named), the Secretary stands in: due
    // 2024-01-26 - 25 days = 2024-01-01, met by the receipt that day.
    let unknown = Case::replay(
        child_born(d(2016, 5, 4)).with_indian_child_status(IndianChildStatus::ReasonToKnow),
        all_families(),
        vec![
            emergency(d(2023, 12, 29)),
            notice(d(2024, 1, 1), NoticeRecipient::Secretary),
            notice(d(2024, 1, 1), to_mother()),
            notice(d(2024, 1, 1), to_father()),
            complete_fc(d(2024, 1, 26)),
        ],
        &FEDERAL,
    )
    .unwrap();
    let obs = unknown.obligations(d(2024, 3, 1), &FEDERAL);
    let o = one(&obs, K::IcwaNoticeToTribe);
    assert_eq!(
        (o.due(), o.status()),
        (d(2024, 1, 1), Status::Met(d(2024, 1, 1))),
        "{o:#?}"
    );
}

// ================================================================================================
// 2. Additional time: up to 20 days (§1912(a))

#[test]
fn additional_time_two_requests_and_the_20_day_cap() {
    // Receipt 2024-01-01 by all. The mother asks 10 more days (2024-01-03) and the tribe 25
    // (2024-01-04; the Act grants at most 20). Hearing must wait 10 + 20 = 30 days: 2024-01-31.
    // Hearing 2024-01-31: due 2024-01-01, met. Hearing 2024-01-30: due 2023-12-31, late.
    let heard = |hearing: NaiveDate| {
        icwa_case(vec![
            emergency(d(2023, 12, 29)),
            notice(d(2024, 1, 1), to_mother()),
            notice(d(2024, 1, 1), to_father()),
            notice(d(2024, 1, 1), to_tribe()),
            extra_days(d(2024, 1, 3), 10),
            extra_days(d(2024, 1, 4), 25),
            complete_fc(hearing),
        ])
    };
    let obs = heard(d(2024, 1, 31)).obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        sdc(one(&obs, K::IcwaNoticeToTribe)),
        (d(2024, 1, 1), Status::Met(d(2024, 1, 1)), None)
    );
    let obs = heard(d(2024, 1, 30)).obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        sdc(one(&obs, K::IcwaNoticeToTribe)),
        (
            d(2023, 12, 31),
            Status::MetLate(d(2024, 1, 1)),
            Some(Consequence::OpenToInvalidation)
        )
    );
}

#[test]
fn foster_care_findings_met_late_missing() {
    // Court-ordered removal 2024-01-10.
    // (a) complete findings the same day: all three met 2024-01-10.
    let met = icwa_case(vec![removal(d(2024, 1, 10)), complete_fc(d(2024, 1, 10))]);
    let obs = met.obligations(d(2024, 3, 1), &FEDERAL);
    for k in [
        K::IcwaActiveEfforts,
        K::IcwaExpertWitness,
        K::IcwaEvidenceStandard,
    ] {
        assert_eq!(one(&obs, k).status(), Status::Met(d(2024, 1, 10)));
    }
    // (b) findings 2024-01-20 (10 days after the order): met late, open to invalidation.
    let late = icwa_case(vec![removal(d(2024, 1, 10)), complete_fc(d(2024, 1, 20))]);
    let obs = late.obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        sdc(one(&obs, K::IcwaActiveEfforts)),
        (
            d(2024, 1, 10),
            Status::MetLate(d(2024, 1, 20)),
            Some(Consequence::OpenToInvalidation)
        )
    );
    // (c) findings recorded without a QEW and on a preponderance: those two overdue, open to
    // invalidation; active efforts met.
    let partial = icwa_case(vec![
        removal(d(2024, 1, 10)),
        findings(
            d(2024, 1, 10),
            IcwaFindings::new(
                IcwaOrder::FosterCarePlacement,
                true,
                false,
                EvidenceStandard::Preponderance,
            ),
        ),
    ]);
    let obs = partial.obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::IcwaActiveEfforts).status(),
        Status::Met(d(2024, 1, 10))
    );
    for k in [K::IcwaExpertWitness, K::IcwaEvidenceStandard] {
        assert_eq!(
            (one(&obs, k).status(), one(&obs, k).consequence()),
            (Status::Overdue, Some(Consequence::OpenToInvalidation))
        );
    }
    // (d) missing: overdue.
    let none = icwa_case(vec![removal(d(2024, 1, 10))]);
    let obs = none.obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(one(&obs, K::IcwaActiveEfforts).status(), Status::Overdue);
}

#[test]
fn tpr_clear_and_convincing_is_not_enough() {
    // Removed 2024-01-10 with complete placement findings. Mother's rights terminated
    // 2024-09-03 on clear and convincing evidence with QEW and active efforts: §1912(f) needs
    // beyond a reasonable doubt → standard overdue, open to invalidation.
    let case = icwa_case(vec![
        removal(d(2024, 1, 10)),
        complete_fc(d(2024, 1, 10)),
        tpr(d(2024, 9, 3), "P-MOTHER"),
        findings(
            d(2024, 9, 3),
            IcwaFindings::new(
                IcwaOrder::ParentalRightsTermination,
                true,
                true,
                EvidenceStandard::ClearAndConvincing,
            ),
        ),
    ]);
    let obs = case.obligations(d(2024, 10, 1), &FEDERAL);
    let std: Vec<_> = all(&obs, K::IcwaEvidenceStandard);
    assert_eq!(std.len(), 2);
    let t = std.iter().find(|o| o.due() == d(2024, 9, 3)).unwrap();
    assert_eq!(
        (t.status(), t.consequence()),
        (Status::Overdue, Some(Consequence::OpenToInvalidation))
    );
}

#[test]
fn tpr_findings_keyed_a_day_late_are_read_like_late_placement_findings() {
    // TPR of the mother 2024-09-03; its ICWA findings (complete) dated 2024-09-04. As a
    // placement's later findings, they are met late and the order is open to invalidation
    // (§1912(f), §1914): the termination was ordered without the determination on its date.
    let case = icwa_case(vec![
        removal(d(2024, 1, 10)),
        complete_fc(d(2024, 1, 10)),
        tpr(d(2024, 9, 3), "P-MOTHER"),
        findings(
            d(2024, 9, 4),
            IcwaFindings::complete(IcwaOrder::ParentalRightsTermination),
        ),
    ]);
    let obs = case.obligations(d(2024, 10, 1), &FEDERAL);
    let ae = all(&obs, K::IcwaActiveEfforts);
    let t = ae.iter().find(|o| o.due() == d(2024, 9, 3)).unwrap();
    assert_eq!(
        (t.status(), t.consequence()),
        (
            Status::MetLate(d(2024, 9, 4)),
            Some(Consequence::OpenToInvalidation)
        ),
        "{t:#?}"
    );
}

// ================================================================================================
// 4. Emergency removal (§1922; 25 CFR 23.113)

#[test]
fn emergency_30_days_across_leap_month_end() {
    // Emergency removal 2024-01-31: + 30 days = 2024-03-01 (Jan 31 + 29 = Feb 29, + 30 = Mar 1).
    // Returned home 2024-03-01: met; 2024-03-02: met late.
    for (home, want) in [
        (d(2024, 3, 1), Status::Met(d(2024, 3, 1))),
        (d(2024, 3, 2), Status::MetLate(d(2024, 3, 2))),
    ] {
        let case = icwa_case(vec![
            emergency(d(2024, 1, 31)),
            foster(d(2024, 1, 31), "P-1"),
            discharge(home, ExitReason::Reunified),
        ]);
        let obs = case.obligations(d(2024, 4, 1), &FEDERAL);
        let o = one(&obs, K::IcwaEmergencyRemoval);
        assert_eq!((o.due(), o.status()), (d(2024, 3, 1), want));
    }
    // Held without findings past 30 days: overdue on 2024-03-02.
    let held = icwa_case(vec![
        emergency(d(2024, 1, 31)),
        foster(d(2024, 1, 31), "P-1"),
    ]);
    let obs = held.obligations(d(2024, 3, 2), &FEDERAL);
    assert_eq!(one(&obs, K::IcwaEmergencyRemoval).status(), Status::Overdue);
    // Transferred to the tribe on day 20 (2024-02-20): met.
    let moved = icwa_case(vec![
        emergency(d(2024, 1, 31)),
        foster(d(2024, 1, 31), "P-1"),
        ev(
            d(2024, 2, 20),
            EventData::IcwaTransferredToTribe(navajo_tribe()),
        ),
    ]);
    let obs = moved.obligations(d(2024, 4, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::IcwaEmergencyRemoval).status(),
        Status::Met(d(2024, 2, 20))
    );
}

#[test]
fn emergency_hold_of_a_child_found_not_indian_before_day_30() {
    // Reason to know at the emergency removal 2024-01-10; on 2024-01-25 (day 15) the court
    // determines the child is NOT an Indian child. The 30-day limit would fall 2024-02-09, by
    // which date the Act no longer applies (25 CFR 23.107(b)(2): treated as an Indian child only
    // "unless and until it is determined on the record that the child does not meet the
    // definition"). The child is still held on 2024-03-01: no ICWA 30-day duty is owed.
    let case = build(
        child().with_indian_child_status(IndianChildStatus::ReasonToKnow),
        &FEDERAL,
        vec![
            emergency(d(2024, 1, 10)),
            foster(d(2024, 1, 10), "P-1"),
            status(d(2024, 1, 25), IndianChildStatus::NotIndianChild),
        ],
    );
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    none_of(&obs, K::IcwaEmergencyRemoval);
}

// ================================================================================================
// 5. Status changes: reason to know, then not an Indian child

#[test]
fn reason_to_know_then_not_indian_turns_later_duties_off() {
    // Reason to know from the record; court-ordered removal 2024-01-10 with no ICWA findings
    // (the duties existed that day: 23.107(b)). Determined not an Indian child 2024-02-01.
    // TPR of the mother 2024-09-03, a move to a non-Indian home 2024-03-01: no ICWA duties.
    let case = build(
        child().with_indian_child_status(IndianChildStatus::ReasonToKnow),
        &FEDERAL,
        vec![
            removal(d(2024, 1, 10)),
            foster(d(2024, 1, 10), "P-1"),
            status(d(2024, 2, 1), IndianChildStatus::NotIndianChild),
            change(
                d(2024, 3, 1),
                "P-2",
                Setting::NonRelativeFosterHome,
                Some("F-FOSTER"),
            ),
            tpr(d(2024, 9, 3), "P-MOTHER"),
        ],
    );
    let obs = case.obligations(d(2024, 10, 1), &FEDERAL);
    // Only the removal's order (2024-01-10) owes active efforts.
    let ae = all(&obs, K::IcwaActiveEfforts);
    assert_eq!(ae.len(), 1, "{ae:#?}");
    assert_eq!(ae[0].due(), d(2024, 1, 10));
    // P-1 began 2024-01-10 under reason to know: one preference duty; P-2 none.
    let pp = all(&obs, K::IcwaPlacementPreference);
    assert_eq!(pp.len(), 1, "{pp:#?}");
    assert_eq!(pp[0].subject(), Some(&placement("P-1")));
}

// ================================================================================================
// 6. Placement preferences (§1915(a), (b); 25 CFR 23.129–23.132)

#[test]
fn preference_ranks_and_good_cause() {
    let f = Preferences::federal();
    use permanency::icwa::PreferenceKind as P;
    // §1915(b): (i) extended family, (ii) tribal foster home, (iii) Indian foster home licensed
    // by non-Indian authority, (iv) tribal/Indian-organization institution.
    assert_eq!(f.rank(P::FosterOrPreadoptive, H::ExtendedFamily), Some(1));
    assert_eq!(f.rank(P::FosterOrPreadoptive, H::TribalFosterHome), Some(2));
    assert_eq!(f.rank(P::FosterOrPreadoptive, H::IndianFosterHome), Some(3));
    assert_eq!(
        f.rank(P::FosterOrPreadoptive, H::TribalInstitution),
        Some(4)
    );
    assert_eq!(f.rank(P::FosterOrPreadoptive, H::Other), None);
    // §1915(a): (1) extended family, (2) other members of the tribe, (3) other Indian families.
    assert_eq!(f.rank(P::Adoptive, H::ExtendedFamily), Some(1));
    assert_eq!(f.rank(P::Adoptive, H::TribeMember), Some(2));
    assert_eq!(f.rank(P::Adoptive, H::OtherIndianFamily), Some(3));
    assert_eq!(f.rank(P::Adoptive, H::TribalInstitution), None);

    // Removed 2024-01-10 into an Indian foster home (rank 3): met the day it began. Moved
    // 2024-03-01 to a non-Indian home P-2 with good cause found 2024-03-15: met late.
    let case = icwa_case(vec![
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        assessed_home(d(2024, 1, 10), "P-1", H::IndianFosterHome),
        to_foster(d(2024, 3, 1), "P-2"),
        assessed_home(d(2024, 3, 1), "P-2", H::Other),
        good_cause(d(2024, 3, 15), "P-2"),
    ]);
    let obs = case.obligations(d(2024, 4, 1), &FEDERAL);
    let pp = all(&obs, K::IcwaPlacementPreference);
    assert_eq!(pp.len(), 2);
    let p1 = pp
        .iter()
        .find(|o| o.subject() == Some(&placement("P-1")))
        .unwrap();
    let p2 = pp
        .iter()
        .find(|o| o.subject() == Some(&placement("P-2")))
        .unwrap();
    assert_eq!(p1.status(), Status::Met(d(2024, 1, 10)));
    assert_eq!(
        (p2.due(), p2.status()),
        (d(2024, 3, 1), Status::MetLate(d(2024, 3, 15)))
    );
}

#[test]
fn adoptive_placement_held_to_1915a() {
    // TPR of both parents 2024-09-03 (complete findings); placed for adoption 2024-10-01 with
    // F-ADOPT. Assessed as "other members of the child's tribe": within §1915(a), met. Assessed
    // as an Indian foster home (a §1915(b) category only): a departure, overdue without good
    // cause.
    let run = |home: H| {
        build_with(
            indian_child(d(2016, 5, 4)),
            vec![
                birth_family_parents_only(),
                foster_family_2015_to_2030(),
                preadoptive_family(),
            ],
            &FEDERAL,
            vec![
                removal(d(2024, 1, 10)),
                foster(d(2024, 1, 10), "P-1"),
                assessed_home(d(2024, 1, 10), "P-1", H::TribalFosterHome),
                complete_fc(d(2024, 1, 10)),
                tpr(d(2024, 9, 3), "P-MOTHER"),
                tpr(d(2024, 9, 3), "P-FATHER"),
                findings(
                    d(2024, 9, 3),
                    IcwaFindings::complete(IcwaOrder::ParentalRightsTermination),
                ),
                placed_for_adoption(d(2024, 10, 1), "P-2", Setting::PreAdoptiveHome, "F-ADOPT"),
                assessed_home(d(2024, 10, 1), "P-2", home),
            ],
        )
    };
    let obs = run(H::TribeMember).obligations(d(2024, 11, 1), &FEDERAL);
    let p2 = all(&obs, K::IcwaPlacementPreference)
        .into_iter()
        .find(|o| o.subject() == Some(&placement("P-2")))
        .unwrap();
    assert_eq!(p2.status(), Status::Met(d(2024, 10, 1)));
    let obs = run(H::IndianFosterHome).obligations(d(2024, 11, 1), &FEDERAL);
    let p2 = all(&obs, K::IcwaPlacementPreference)
        .into_iter()
        .find(|o| o.subject() == Some(&placement("P-2")))
        .unwrap();
    assert_eq!(p2.status(), Status::Overdue);
}

// ================================================================================================
// 7. Consent timing (§1913(a))

#[test]
fn consent_day_10_vs_11_at_month_ends() {
    // Born 2024-01-25: + 10 = 2024-02-04 (Jan 25 + 6 = Jan 31, + 10 = Feb 4) refused;
    // 2024-02-05 (11 days) accepted.
    // Born 2024-02-20 (leap): + 10 = 2024-03-01 refused; 2024-03-02 accepted.
    // Born 2023-02-20 (not leap): + 8 = Feb 28, + 10 = 2023-03-02 refused; 2023-03-03 accepted.
    for (born, refused, accepted) in [
        (d(2024, 1, 25), d(2024, 2, 4), d(2024, 2, 5)),
        (d(2024, 2, 20), d(2024, 3, 1), d(2024, 3, 2)),
        (d(2023, 2, 20), d(2023, 3, 2), d(2023, 3, 3)),
    ] {
        let mut case = Case::new(indian_child(born), all_families()).unwrap();
        let r = refuse(
            &mut case,
            consent(refused, "P-MOTHER", ConsentTo::Adoption),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::IcwaConsentTooEarly]);
        accept(
            &mut case,
            consent(accepted, "P-MOTHER", ConsentTo::Adoption),
            &FEDERAL,
        );
    }
}

// ================================================================================================
// 8. Withdrawal of consent (§1913(b), (c))

#[test]
fn withdrawn_consent_to_termination_before_decree_returns_the_child() {
    // Indian child in care (court order 2024-01-10, complete findings). The mother consents to
    // termination 2024-03-01 and relinquishes 2024-03-15; she withdraws 2024-04-01, before any
    // decree. §1913(c): "the consent ... may be withdrawn ... prior to the entry of a final
    // decree ... and the child shall be returned to the parent." Accepted; her rights intact.
    let mut case = Case::new(indian_child(d(2016, 5, 4)), all_families()).unwrap();
    for e in [
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        complete_fc(d(2024, 1, 10)),
        consent(d(2024, 3, 1), "P-MOTHER", ConsentTo::Termination),
        relinquished(d(2024, 3, 15), "P-MOTHER"),
        withdrawn(d(2024, 4, 1), "P-MOTHER", ConsentTo::Termination),
    ] {
        accept(&mut case, e, &FEDERAL);
    }
    assert_eq!(
        case.parental_rights(&pid("P-MOTHER")),
        ParentalRights::Intact
    );
    // The child is in care on an involuntary order, not on the mother's consent: her rights
    // are restored, and the return of §1913(c) is not owed (the placement does not rest on a
    // consent she could withdraw).
    let obs = case.obligations(d(2024, 5, 1), &FEDERAL);
    none_of(&obs, K::IcwaReturnOnWithdrawal);
}

#[test]
fn withdrawn_adoption_consent_in_a_voluntary_case_returns_the_child() {
    // Voluntary adoption: mother consents to foster care 2024-01-05 and to adoption 2024-02-01,
    // the child placed voluntarily 2024-01-10; she relinquishes 2024-02-15 and withdraws her
    // consent to the adoption 2024-04-01, before any decree. §1913(c): "the child shall be
    // returned to the parent": a return is owed the day of the withdrawal, as under §1913(b).
    let mut case = Case::new(indian_child(d(2016, 5, 4)), all_families()).unwrap();
    for e in [
        consent(d(2024, 1, 5), "P-MOTHER", ConsentTo::FosterCare),
        voluntary(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        consent(d(2024, 2, 1), "P-MOTHER", ConsentTo::Adoption),
        relinquished(d(2024, 2, 15), "P-MOTHER"),
        withdrawn(d(2024, 4, 1), "P-MOTHER", ConsentTo::Adoption),
    ] {
        accept(&mut case, e, &FEDERAL);
    }
    assert_eq!(
        case.parental_rights(&pid("P-MOTHER")),
        ParentalRights::Intact
    );
    let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
    let ret = all(&obs, K::IcwaReturnOnWithdrawal);
    assert_eq!(
        ret.len(),
        1,
        "no return owed on a §1913(c) withdrawal: {ret:#?}"
    );
    assert_eq!(ret[0].due(), d(2024, 4, 1));
}

#[test]
fn withdrawal_of_tpr_consent_after_the_termination_decree_is_refused() {
    // Mother consents to termination 2024-03-01; the court terminates her rights 2024-05-01
    // (decree, with complete findings). A withdrawal on 2024-05-10 comes after the decree:
    // refused (§1913(c)); §1913(d) allows only a petition to vacate for fraud or duress.
    let mut case = Case::new(indian_child(d(2016, 5, 4)), all_families()).unwrap();
    for e in [
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        complete_fc(d(2024, 1, 10)),
        consent(d(2024, 3, 1), "P-MOTHER", ConsentTo::Termination),
        tpr(d(2024, 5, 1), "P-MOTHER"),
        findings(
            d(2024, 5, 1),
            IcwaFindings::complete(IcwaOrder::ParentalRightsTermination),
        ),
    ] {
        accept(&mut case, e, &FEDERAL);
    }
    let r = refuse(
        &mut case,
        withdrawn(d(2024, 5, 10), "P-MOTHER", ConsentTo::Termination),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::IcwaWithdrawalAfterDecree]);
}

#[test]
fn withdrawal_dated_before_the_decree_but_entered_after() {
    // §8.4: a case is the dated history, not the order of keying. Consent to adoption
    // 2024-03-01 (mother), relinquished 2024-03-15, father's rights terminated 2024-03-20
    // (complete findings), placed for adoption 2024-04-01, adoption finalized 2024-09-01. The
    // withdrawal is dated 2024-08-15 — before the decree — but keyed after it. The crate's
    // message says it "may be withdrawn only before the final decree", yet the withdrawal IS
    // dated before it. Records what the crate does.
    let mut case = Case::new(
        indian_child(d(2016, 5, 4)),
        vec![
            birth_family_parents_only(),
            foster_family_2015_to_2030(),
            preadoptive_family(),
        ],
    )
    .unwrap();
    for e in [
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        complete_fc(d(2024, 1, 10)),
        consent(d(2024, 3, 1), "P-MOTHER", ConsentTo::Adoption),
        relinquished(d(2024, 3, 15), "P-MOTHER"),
        tpr(d(2024, 3, 20), "P-FATHER"),
        findings(
            d(2024, 3, 20),
            IcwaFindings::complete(IcwaOrder::ParentalRightsTermination),
        ),
        placed_for_adoption(d(2024, 4, 1), "P-2", Setting::PreAdoptiveHome, "F-ADOPT"),
        ev(d(2024, 9, 1), EventData::AdoptionFinalized),
    ] {
        accept(&mut case, e, &FEDERAL);
    }
    let got = try_apply(
        &mut case,
        withdrawn(d(2024, 8, 15), "P-MOTHER", ConsentTo::Adoption),
    );
    eprintln!("late-keyed withdrawal: {got:?}");
    assert!(got.is_err());
}

// ================================================================================================
// 9. Tribal transfer (§1911(b))

#[test]
fn placement_begun_after_18_in_a_new_episode_is_not_an_icwa_placement() {
    // Born 2007-09-30: 18 on 2025-09-30. In care 2024-01-10 (court order, complete findings),
    // reunified 2025-06-01. Re-enters extended foster care (policy: care to 21) on a voluntary
    // placement agreement 2025-11-01, aged 18: a new proceeding for a person who is no longer an
    // "Indian child" (§1903(4); 25 CFR 23.103(d) keeps ICWA only for a proceeding begun before
    // 18). No §1913 parental consent, no §1915 preference is owed for it.
    let policy = FEDERAL.with_extended_care_age(Some(21)).unwrap();
    let case = Case::replay(
        teen().with_indian_child_status(navajo()),
        clock_families(),
        vec![
            removal(d(2024, 1, 10)),
            foster(d(2024, 1, 10), "P-1"),
            assessed_home(d(2024, 1, 10), "P-1", H::TribalFosterHome),
            complete_fc(d(2024, 1, 10)),
            discharge(d(2025, 6, 1), ExitReason::Reunified),
            voluntary(d(2025, 11, 1)),
            foster(d(2025, 11, 1), "P-2"),
            assessed_home(d(2025, 11, 1), "P-2", H::Other),
        ],
        &policy,
    )
    .unwrap_or_else(|e| panic!("history refused: {e}"));
    let obs = case.obligations(d(2026, 1, 1), &policy);
    let consent_owed = all(&obs, K::IcwaValidConsent);
    let pref = all(&obs, K::IcwaPlacementPreference);
    eprintln!("after 18: consent {consent_owed:#?}\npref {pref:#?}");
    assert!(
        consent_owed.is_empty(),
        "ICWA consent owed for an 18-year-old's re-entry"
    );
    assert_eq!(
        pref.len(),
        1,
        "preference owed for a placement begun at 18 in a new episode"
    );
}

#[test]
fn a_relinquished_parent_can_still_be_terminated_by_decree() {
    // §1913(c) runs a consent to termination until "the entry of a final decree of termination".
    // Consent 2024-03-01, relinquishment 2024-03-15; if the crate accepts a later decree of
    // termination 2024-05-01 for the same mother, a withdrawal after that decree is refused.
    let mut case = Case::new(indian_child(d(2016, 5, 4)), all_families()).unwrap();
    for e in [
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        complete_fc(d(2024, 1, 10)),
        consent(d(2024, 3, 1), "P-MOTHER", ConsentTo::Termination),
        relinquished(d(2024, 3, 15), "P-MOTHER"),
    ] {
        accept(&mut case, e, &FEDERAL);
    }
    let got = try_apply(&mut case, tpr(d(2024, 5, 1), "P-MOTHER"));
    eprintln!("TPR decree after relinquishment: {got:?}");
    let w = try_apply(
        &mut case,
        withdrawn(d(2024, 5, 10), "P-MOTHER", ConsentTo::Termination),
    );
    eprintln!("withdrawal after: {w:?}");
}

#[test]
fn voluntary_placement_rests_on_certified_consent() {
    // Voluntary placement 2024-01-10 of an Indian child: consent 2024-01-05 certified: met
    // 2024-01-05; uncertified: overdue, open to invalidation; none: overdue.
    let run = |c: Option<Event>| {
        let mut ev = Vec::new();
        ev.extend(c);
        ev.push(voluntary(d(2024, 1, 10)));
        ev.push(foster(d(2024, 1, 10), "P-1"));
        icwa_case(ev)
    };
    let obs = run(Some(consent(
        d(2024, 1, 5),
        "P-MOTHER",
        ConsentTo::FosterCare,
    )))
    .obligations(d(2024, 2, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::IcwaValidConsent).status(),
        Status::Met(d(2024, 1, 5))
    );
    let unc = ev(
        d(2024, 1, 5),
        EventData::IcwaConsent(
            IcwaConsent::new(pid("P-MOTHER"), ConsentTo::FosterCare).uncertified(),
        ),
    );
    let obs = run(Some(unc)).obligations(d(2024, 2, 1), &FEDERAL);
    let o = one(&obs, K::IcwaValidConsent);
    assert_eq!(
        (o.status(), o.consequence()),
        (Status::Overdue, Some(Consequence::OpenToInvalidation))
    );
    // A voluntary placement needs no §1912 findings nor notice.
    none_of(&obs, K::IcwaActiveEfforts);
    none_of(&obs, K::IcwaNoticeToTribe);
}

#[test]
fn notice_counts_only_for_the_next_hearing_tpr_needs_its_own() {
    // Notice received 2023-12-31 by all; court-ordered removal 2024-01-10 (10 days: met).
    // TPR of the mother 2024-09-03 (complete findings) with no new notice: the TPR is a separate
    // proceeding (§1903(1)(ii)), notice owed by 2024-08-24 (2024-09-03 - 10), overdue.
    let case = icwa_case(vec![
        notice(d(2023, 12, 31), to_mother()),
        notice(d(2023, 12, 31), to_father()),
        notice(d(2023, 12, 31), to_tribe()),
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        complete_fc(d(2024, 1, 10)),
        tpr(d(2024, 9, 3), "P-MOTHER"),
        findings(
            d(2024, 9, 3),
            IcwaFindings::complete(IcwaOrder::ParentalRightsTermination),
        ),
    ]);
    let obs = case.obligations(d(2024, 10, 1), &FEDERAL);
    let t = all(&obs, K::IcwaNoticeToTribe);
    assert_eq!(t.len(), 2);
    assert_eq!(
        sdc(t[0]),
        (d(2023, 12, 31), Status::Met(d(2023, 12, 31)), None)
    );
    assert_eq!(
        (t[1].due(), t[1].status()),
        (d(2024, 8, 24), Status::Overdue)
    );
}

#[test]
fn notice_received_on_the_day_of_a_hearing_counts_for_the_next() {
    // Notice of the placement hearing received 2023-12-31 by all; court-ordered removal (the
    // placement hearing) 2024-01-10: 10 days, met. On 2024-01-10 all three also receive notice of
    // the TPR petition; the mother's TPR hearing is 2024-09-03, 237 days later — far more than
    // 10 (§1912(a)). A receipt dated a hearing's day is too late for that hearing and in time
    // for the next.
    let case = icwa_case(vec![
        notice(d(2023, 12, 31), to_mother()),
        notice(d(2023, 12, 31), to_father()),
        notice(d(2023, 12, 31), to_tribe()),
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        complete_fc(d(2024, 1, 10)),
        notice(d(2024, 1, 10), to_mother()),
        notice(d(2024, 1, 10), to_tribe()),
        tpr(d(2024, 9, 3), "P-MOTHER"),
        findings(
            d(2024, 9, 3),
            IcwaFindings::complete(IcwaOrder::ParentalRightsTermination),
        ),
    ]);
    let obs = case.obligations(d(2024, 10, 1), &FEDERAL);
    let t = all(&obs, K::IcwaNoticeToTribe);
    assert_eq!(t.len(), 2);
    // TPR notice due 2024-09-03 - 10 = 2024-08-24; received 2024-01-10: met.
    assert_eq!(
        (t[1].due(), t[1].status()),
        (d(2024, 8, 24), Status::Met(d(2024, 1, 10))),
        "{:#?}",
        t[1]
    );
}
