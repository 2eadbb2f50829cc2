//! The Indian Child Welfare Act (`src/icwa.rs`, `src/rules/icwa.rs`, `src/timeline/icwa.rs`):
//! the child's status as of a date; the findings an ICWA foster-care placement or termination
//! order rests on, reported open to invalidation when missing (25 U.S.C. 1914) and never
//! refused; a consent within 10 days of birth refused (§1913(a)); a consent's withdrawal.
#![cfg(feature = "serde")]

mod common;

use chrono::NaiveDate;
use common::*;
use permanency::timeline::{Consequence, ObligationKind as K, Status};
use permanency::*;

fn navajo() -> IndianChildStatus {
    IndianChildStatus::indian_child([Tribe::new("Navajo Nation").unwrap()])
}

/// The child (C-1) born on `born`, recorded as an Indian child (Navajo Nation).
fn indian_child(born: NaiveDate) -> Child {
    child_born(born).with_indian_child_status(navajo())
}

/// `child`'s case with every family, removed by court order on `date` and placed in F-FOSTER.
fn in_care_of(child: Child, date: NaiveDate) -> Case {
    let mut case = Case::new(child, all_families()).unwrap();
    accept(&mut case, removal(date), &FEDERAL);
    accept(
        &mut case,
        begin(
            date,
            "P-1",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    case
}

const TOO_EARLY: &str = "a consent given before or within 10 days after the Indian child's birth is not valid and cannot end a parent's rights (25 U.S.C. 1913(a)); a consent may be given from the 11th day after birth";

// ================================================================================================
// Status as of a date

#[test]
fn the_status_as_of_a_date_is_the_latest_determination_else_the_childs_record() {
    // Unknown in the child's record; reason to know from 2024-01-05 (inquiry at removal), an
    // Indian child (Navajo Nation) from 2024-02-01.
    let mut case = in_care();
    accept(
        &mut case,
        status(d(2024, 1, 15), IndianChildStatus::ReasonToKnow),
        &FEDERAL,
    );
    accept(&mut case, status(d(2024, 2, 1), navajo()), &FEDERAL);
    assert_eq!(
        case.indian_child_status_on(d(2024, 1, 14)),
        &IndianChildStatus::Unknown
    );
    assert_eq!(
        case.indian_child_status_on(d(2024, 1, 15)),
        &IndianChildStatus::ReasonToKnow
    );
    assert!(case.indian_child_status_on(d(2024, 1, 31)).icwa_applies());
    assert_eq!(case.indian_child_status_on(d(2024, 2, 1)), &navajo());
    assert_eq!(case.indian_child_status_on(d(2030, 1, 1)), &navajo());
    // A later finding that the child is not an Indian child turns the Act off from its date.
    accept(
        &mut case,
        status(d(2024, 3, 1), IndianChildStatus::NotIndianChild),
        &FEDERAL,
    );
    assert!(!case.indian_child_status_on(d(2024, 3, 1)).icwa_applies());
    assert!(case.indian_child_status_on(d(2024, 2, 29)).icwa_applies());
    assert_eq!(case.stage(), Stage::FosterCare);
}

// ================================================================================================
// Consent within 10 days of birth

#[test]
fn a_consent_on_day_9_or_10_after_birth_is_refused_on_day_11_accepted() {
    // Born 2024-03-01. 2024-03-10 is 9 days after birth (10 - 1), 2024-03-11 is 10 days after
    // (11 - 1): both "within ten days after" the birth, refused. 2024-03-12 is 11 days after:
    // accepted.
    let born = d(2024, 3, 1);
    let mut case = Case::new(indian_child(born), all_families()).unwrap();
    for day in [d(2024, 3, 10), d(2024, 3, 11)] {
        let r = refuse(
            &mut case,
            consent(day, "P-MOTHER", ConsentTo::Termination),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::IcwaConsentTooEarly]);
        assert_eq!(message(&r, 0), TOO_EARLY);
        assert_eq!(subjects(&r, 0), [person("P-MOTHER")]);
        // The message never gives the birth date away.
        assert!(!message(&r, 0).contains("2024-03-01"));
    }
    accept(
        &mut case,
        consent(d(2024, 3, 12), "P-MOTHER", ConsentTo::Termination),
        &FEDERAL,
    );
    // A consent to foster care is held to the same rule.
    let mut fresh = Case::new(indian_child(born), all_families()).unwrap();
    let r = refuse(
        &mut fresh,
        consent(d(2024, 3, 5), "P-FATHER", ConsentTo::FosterCare),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::IcwaConsentTooEarly]);
}

#[test]
fn a_relinquishment_within_10_days_of_an_indian_childs_birth_is_refused() {
    // Born 2024-03-01, removed 2024-03-02. A relinquishment on 2024-03-11 (10 days after birth)
    // would give effect to an invalid consent: refused; on 2024-03-12 (11 days) accepted.
    let mut case = in_care_of(indian_child(d(2024, 3, 1)), d(2024, 3, 2));
    let r = refuse(
        &mut case,
        relinquished(d(2024, 3, 11), "P-MOTHER"),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::IcwaConsentTooEarly]);
    assert_eq!(
        message(&r, 0),
        "a relinquishment given before or within 10 days after the Indian child's birth is not valid and cannot end a parent's rights (25 U.S.C. 1913(a)); a consent may be given from the 11th day after birth"
    );
    accept(
        &mut case,
        relinquished(d(2024, 3, 12), "P-MOTHER"),
        &FEDERAL,
    );
    assert_eq!(
        case.parental_rights(&pid("P-MOTHER")),
        ParentalRights::Relinquished(d(2024, 3, 12))
    );
}

#[test]
fn a_consent_within_the_10_days_blocks_a_later_finding_that_the_act_applies() {
    // Born 2024-03-01, not known to be an Indian child. A consent to foster care on 2024-03-04
    // (3 days after birth) is accepted: nothing yet says the Act applies. A finding of reason to
    // know on 2024-03-05 would leave that consent, invalid under §1913(a) whenever the status
    // comes to light, standing for an Indian child: refused, naming the mother, never the birth
    // date. Once she withdraws it (a consent to foster care may be withdrawn at any time), the
    // finding is accepted, and a consent on 2024-03-06 (5 days after birth) is refused.
    let born = d(2024, 3, 1);
    let mut case = Case::new(child_born(born), all_families()).unwrap();
    accept(
        &mut case,
        consent(d(2024, 3, 4), "P-MOTHER", ConsentTo::FosterCare),
        &FEDERAL,
    );
    let r = refuse(
        &mut case,
        status(d(2024, 3, 5), IndianChildStatus::ReasonToKnow),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::IcwaConsentTooEarly]);
    assert_eq!(subjects(&r, 0), [Subject::Person(pid("P-MOTHER"))]);
    assert!(!message(&r, 0).contains("2024-03-01"));
    assert!(!message(&r, 0).contains("3 days"));
    accept(
        &mut case,
        withdrawn(d(2024, 3, 5), "P-MOTHER", ConsentTo::FosterCare),
        &FEDERAL,
    );
    accept(
        &mut case,
        status(d(2024, 3, 5), IndianChildStatus::ReasonToKnow),
        &FEDERAL,
    );
    let r = refuse(
        &mut case,
        consent(d(2024, 3, 6), "P-FATHER", ConsentTo::FosterCare),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::IcwaConsentTooEarly]);
    // A finding that the child is not an Indian child leaves the Act off: over the same early
    // consent it is accepted.
    let mut other = Case::new(child_born(born), all_families()).unwrap();
    accept(
        &mut other,
        consent(d(2024, 3, 4), "P-MOTHER", ConsentTo::FosterCare),
        &FEDERAL,
    );
    accept(
        &mut other,
        status(d(2024, 3, 20), IndianChildStatus::NotIndianChild),
        &FEDERAL,
    );
}

#[test]
fn a_relinquishment_within_the_10_days_is_refused_in_either_order_of_entry() {
    // Born 2024-03-01, removed 2024-03-02. On 2024-03-06 (5 days after birth) the mother
    // relinquishes and the court finds the child an Indian child. Both are dated the same day,
    // in the same rank of the day, so the order of entry is theirs: whichever comes second is
    // refused, and the history never holds both.
    let born = d(2024, 3, 1);
    let fresh = || in_care_of(child_born(born), d(2024, 3, 2));

    let mut status_first = fresh();
    accept(&mut status_first, status(d(2024, 3, 6), navajo()), &FEDERAL);
    let r = refuse(
        &mut status_first,
        relinquished(d(2024, 3, 6), "P-MOTHER"),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::IcwaConsentTooEarly]);

    let mut relinquished_first = fresh();
    accept(
        &mut relinquished_first,
        relinquished(d(2024, 3, 6), "P-MOTHER"),
        &FEDERAL,
    );
    let r = refuse(
        &mut relinquished_first,
        status(d(2024, 3, 6), navajo()),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::IcwaConsentTooEarly]);
    assert_eq!(subjects(&r, 0), [Subject::Person(pid("P-MOTHER"))]);
}

#[test]
fn an_early_relinquishment_cannot_stand_once_the_child_is_found_an_indian_child() {
    // Born 2024-03-01, removed 2024-03-02; the mother relinquishes on 2024-03-06 (5 days after
    // birth) while nothing says the Act applies: accepted, her rights read relinquished. On
    // 2024-04-15 the court finds the child an Indian child: the relinquishment would then be a
    // consent the Act makes invalid ending her rights, so the finding is refused, and so is the
    // same finding keyed late with an earlier date (2024-03-03, before the relinquishment).
    // Voided, the relinquishment no longer ends her rights, and the finding is accepted.
    let mut case = in_care_of(child_born(d(2024, 3, 1)), d(2024, 3, 2));
    accept(
        &mut case,
        relinquished(d(2024, 3, 6), "P-MOTHER").with_entry_id(EntryId::new("REL-1").unwrap()),
        &FEDERAL,
    );
    assert_eq!(
        case.parental_rights(&pid("P-MOTHER")),
        ParentalRights::Relinquished(d(2024, 3, 6))
    );
    let r = refuse(&mut case, status(d(2024, 4, 15), navajo()), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::IcwaConsentTooEarly]);
    let r = refuse(&mut case, status(d(2024, 3, 3), navajo()), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::LaterEventRefused], "{r}");
    assert!(
        message(&r, 0).contains("icwa_consent_too_early"),
        "{}",
        message(&r, 0)
    );
    accept(
        &mut case,
        ev(
            d(2024, 4, 15),
            EventData::Voided(Correction::new(
                EntryId::new("REL-1").unwrap(),
                Note::new("invalid: within 10 days of birth (25 U.S.C. 1913(a))").unwrap(),
            )),
        ),
        &FEDERAL,
    );
    accept(&mut case, status(d(2024, 4, 15), navajo()), &FEDERAL);
    assert_eq!(
        case.parental_rights(&pid("P-MOTHER")),
        ParentalRights::Intact
    );
}

// ================================================================================================
// Withdrawal

#[test]
fn a_consent_to_foster_care_is_withdrawn_at_any_time_and_only_once_given() {
    // Born 2016-05-04: a consent on 2024-01-05 is long after the 10 days.
    let mut case = Case::new(indian_child(d(2016, 5, 4)), all_families()).unwrap();
    let r = refuse(
        &mut case,
        withdrawn(d(2024, 1, 4), "P-MOTHER", ConsentTo::FosterCare),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::IcwaConsentNotGiven]);
    assert_eq!(
        message(&r, 0),
        "person P-MOTHER has no consent to foster care to withdraw"
    );
    accept(
        &mut case,
        consent(d(2024, 1, 5), "P-MOTHER", ConsentTo::FosterCare),
        &FEDERAL,
    );
    accept(&mut case, voluntary(d(2024, 1, 10)), &FEDERAL);
    accept(
        &mut case,
        withdrawn(d(2024, 2, 1), "P-MOTHER", ConsentTo::FosterCare),
        &FEDERAL,
    );
    // Withdrawn once: a second withdrawal has nothing to withdraw.
    let r = refuse(
        &mut case,
        withdrawn(d(2024, 2, 2), "P-MOTHER", ConsentTo::FosterCare),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::IcwaConsentNotGiven]);
}

#[test]
fn a_consent_to_termination_is_withdrawn_only_before_the_termination_decree() {
    // The father consents to the termination of his rights on 2024-05-01; the court terminates
    // them on 2024-05-20. "At any time prior to the entry of a final decree of termination"
    // (25 U.S.C. 1913(c)): a withdrawal on 2024-06-01, after the decree, is refused; one on
    // 2024-05-10, before it, is accepted.
    let mut case = in_care_of(indian_child(d(2016, 5, 4)), d(2024, 1, 10));
    accept(
        &mut case,
        consent(d(2024, 5, 1), "P-FATHER", ConsentTo::Termination),
        &FEDERAL,
    );
    let mut before = case.clone();
    accept(
        &mut before,
        withdrawn(d(2024, 5, 10), "P-FATHER", ConsentTo::Termination),
        &FEDERAL,
    );
    accept(&mut case, tpr(d(2024, 5, 20), "P-FATHER"), &FEDERAL);
    let r = refuse(
        &mut case,
        withdrawn(d(2024, 6, 1), "P-FATHER", ConsentTo::Termination),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::IcwaWithdrawalAfterDecree]);
    assert_eq!(
        message(&r, 0),
        "a consent to termination may be withdrawn only before the final decree of termination, entered on 2024-05-20"
    );
}

#[test]
fn a_consent_to_adoption_is_withdrawn_only_before_the_final_decree() {
    // Both parents consent to the adoption on 2024-06-03 and relinquish; the adoption is
    // finalized on 2025-01-06. A withdrawal on 2025-01-05 would have been accepted; on
    // 2025-01-07, after the decree, it is refused (§1913(c)).
    let mut case = in_care_of(indian_child(d(2016, 5, 4)), d(2024, 1, 10));
    for parent in ["P-MOTHER", "P-FATHER"] {
        accept(
            &mut case,
            consent(d(2024, 6, 3), parent, ConsentTo::Adoption),
            &FEDERAL,
        );
        accept(&mut case, relinquished(d(2024, 6, 3), parent), &FEDERAL);
    }
    accept(&mut case, plan(d(2024, 6, 10), Goal::Adoption), &FEDERAL);
    accept(
        &mut case,
        placed_for_adoption(d(2024, 7, 1), "P-2", Setting::PreAdoptiveHome, "F-ADOPT"),
        &FEDERAL,
    );
    let mut before = case.clone();
    accept(
        &mut before,
        withdrawn(d(2025, 1, 5), "P-MOTHER", ConsentTo::Adoption),
        &FEDERAL,
    );
    // Withdrawn before the decree, the relinquishment no longer ends her rights: the
    // finalization is refused, naming her.
    assert_eq!(
        before.parental_rights(&pid("P-MOTHER")),
        ParentalRights::Intact
    );
    let r = refuse(
        &mut before,
        ev(d(2025, 1, 6), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::ParentalRightsIntact]);
    assert_eq!(
        message(&r, 0),
        "adoption_finalized needs every legal parent's rights ended, found intact: P-MOTHER"
    );
    accept(
        &mut case,
        ev(d(2025, 1, 6), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    let r = refuse(
        &mut case,
        withdrawn(d(2025, 1, 7), "P-MOTHER", ConsentTo::Adoption),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::IcwaWithdrawalAfterDecree]);
    assert_eq!(
        message(&r, 0),
        "a consent to adoption may be withdrawn only before the final decree of adoption, entered on 2025-01-06"
    );
}

// ================================================================================================
// Orders open to invalidation (25 U.S.C. 1912(d)–(f), 1914)

fn icwa_kinds() -> [K; 3] {
    [
        K::IcwaActiveEfforts,
        K::IcwaExpertWitness,
        K::IcwaEvidenceStandard,
    ]
}

#[test]
fn a_foster_care_order_with_every_finding_meets_all_three_and_reasonable_efforts_are_still_asked() {
    // Removed by court order 2024-01-10, with the ICWA findings the same day.
    let case = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            removal(d(2024, 1, 10)),
            findings(
                d(2024, 1, 10),
                IcwaFindings::complete(IcwaOrder::FosterCarePlacement),
            ),
            ctw(d(2024, 1, 10)),
        ],
    );
    let obs = case.obligations(d(2024, 2, 1), &FEDERAL);
    for kind in icwa_kinds() {
        expect(
            one(&obs, kind),
            kind.rule(),
            d(2024, 1, 10),
            d(2024, 1, 10),
            Status::Met(d(2024, 1, 10)),
            None,
        );
    }
    // Active efforts are owed with the title IV-E reasonable-efforts finding, not instead of it:
    // due within 60 days of removal (2024-01-10 + 60 days = 2024-03-10), not made yet.
    let re = one(&obs, K::PreventRemovalEfforts);
    assert_eq!((re.due(), re.status()), (d(2024, 3, 10), Status::Upcoming));
}

#[test]
fn an_order_without_active_efforts_or_the_standard_is_accepted_and_open_to_invalidation() {
    // The court placed the child on 2024-01-10 with a qualified expert witness, but without
    // finding active efforts and on a preponderance of the evidence: the order happened and is
    // recorded; two findings are missing, each named by its obligation.
    let case = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            removal(d(2024, 1, 10)),
            findings(
                d(2024, 1, 10),
                IcwaFindings::new(
                    IcwaOrder::FosterCarePlacement,
                    false,
                    true,
                    EvidenceStandard::Preponderance,
                ),
            ),
        ],
    );
    assert_eq!(case.stage(), Stage::FosterCare);
    let obs = case.obligations(d(2024, 1, 20), &FEDERAL);
    let open = Some(Consequence::OpenToInvalidation);
    let (from, due) = (d(2024, 1, 10), d(2024, 1, 10));
    expect(
        one(&obs, K::IcwaActiveEfforts),
        RuleId::IcwaActiveEfforts,
        from,
        due,
        Status::Overdue,
        open,
    );
    expect(
        one(&obs, K::IcwaExpertWitness),
        RuleId::IcwaExpertWitness,
        from,
        due,
        Status::Met(d(2024, 1, 10)),
        None,
    );
    expect(
        one(&obs, K::IcwaEvidenceStandard),
        RuleId::IcwaEvidenceStandard,
        from,
        due,
        Status::Overdue,
        open,
    );
    assert_eq!(
        RuleId::IcwaActiveEfforts.citation(),
        "25 U.S.C. 1912(d); 25 CFR 23.2, 23.120; invalidation: 25 U.S.C. 1914"
    );
}

#[test]
fn findings_after_a_court_ordered_removal_are_late_and_none_recorded_is_overdue() {
    // Removed by court order 2024-01-10; the findings recorded on 2024-01-17 (a week later):
    // the removal's order lacked them, met late and open to invalidation.
    let late = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            removal(d(2024, 1, 10)),
            findings(
                d(2024, 1, 17),
                IcwaFindings::complete(IcwaOrder::FosterCarePlacement),
            ),
        ],
    );
    let obs = late.obligations(d(2024, 2, 1), &FEDERAL);
    expect(
        one(&obs, K::IcwaActiveEfforts),
        RuleId::IcwaActiveEfforts,
        d(2024, 1, 10),
        d(2024, 1, 10),
        Status::MetLate(d(2024, 1, 17)),
        Some(Consequence::OpenToInvalidation),
    );
    // No findings recorded: due the day of the removal, overdue from the next day, and open to
    // invalidation (§1914): the order is held to the Act as one made without the testimony.
    let none = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![removal(d(2024, 1, 10))],
    );
    let on_the_day = none.obligations(d(2024, 1, 10), &FEDERAL);
    assert_eq!(
        one(&on_the_day, K::IcwaExpertWitness).status(),
        Status::Upcoming
    );
    let obs = none.obligations(d(2024, 1, 11), &FEDERAL);
    expect(
        one(&obs, K::IcwaExpertWitness),
        RuleId::IcwaExpertWitness,
        d(2024, 1, 10),
        d(2024, 1, 10),
        Status::Overdue,
        Some(Consequence::OpenToInvalidation),
    );
}

#[test]
fn an_emergency_removal_a_voluntary_placement_and_a_non_indian_child_need_no_findings() {
    let emergency = ev(
        d(2024, 1, 10),
        EventData::Removal(Removal::new(Manner::Emergency).from_family(fid("F-BIRTH"))),
    );
    for (child, removed) in [
        (indian_child(d(2016, 5, 4)), emergency),
        (indian_child(d(2016, 5, 4)), voluntary(d(2024, 1, 10))),
        (child(), removal(d(2024, 1, 10))),
    ] {
        let case = build(child, &FEDERAL, vec![removed]);
        let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
        for kind in icwa_kinds() {
            none_of(&obs, kind);
        }
    }
}

#[test]
fn a_termination_needs_proof_beyond_a_reasonable_doubt() {
    // Removed 2024-01-10 with complete findings; the mother's rights terminated 2024-09-03 on
    // clear and convincing evidence (enough for a placement, not for a termination), with
    // active efforts and an expert; the father's on 2024-09-04 with no findings recorded.
    let case = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            removal(d(2024, 1, 10)),
            findings(
                d(2024, 1, 10),
                IcwaFindings::complete(IcwaOrder::FosterCarePlacement),
            ),
            findings(
                d(2024, 9, 3),
                IcwaFindings::new(
                    IcwaOrder::ParentalRightsTermination,
                    true,
                    true,
                    EvidenceStandard::ClearAndConvincing,
                ),
            ),
            tpr(d(2024, 9, 3), "P-MOTHER"),
            tpr(d(2024, 9, 4), "P-FATHER"),
        ],
    );
    let obs = case.obligations(d(2024, 10, 1), &FEDERAL);
    let standard = all(&obs, K::IcwaEvidenceStandard);
    assert_eq!(standard.len(), 3);
    // The placement order: met on 2024-01-10.
    assert_eq!(standard[0].status(), Status::Met(d(2024, 1, 10)));
    assert_eq!(standard[0].subject(), None);
    // The mother's termination: the standard missing, open to invalidation.
    expect(
        standard[1],
        RuleId::IcwaEvidenceStandard,
        d(2024, 9, 3),
        d(2024, 9, 3),
        Status::Overdue,
        Some(Consequence::OpenToInvalidation),
    );
    assert_eq!(standard[1].subject(), Some(&person("P-MOTHER")));
    // The father's: nothing recorded, held to the Act as an order without the standard: open
    // to invalidation (§1914).
    expect(
        standard[2],
        RuleId::IcwaEvidenceStandard,
        d(2024, 9, 4),
        d(2024, 9, 4),
        Status::Overdue,
        Some(Consequence::OpenToInvalidation),
    );
    assert_eq!(standard[2].subject(), Some(&person("P-FATHER")));
    let efforts = all(&obs, K::IcwaActiveEfforts);
    assert_eq!(efforts[1].status(), Status::Met(d(2024, 9, 3)));
}

// ================================================================================================
// Notice and the waiting period (25 U.S.C. 1912(a))

fn notice(date: NaiveDate, to: NoticeRecipient) -> Event {
    ev(date, EventData::IcwaNoticeReceived(to))
}

fn emergency(date: NaiveDate) -> Event {
    ev(
        date,
        EventData::Removal(Removal::new(Manner::Emergency).from_family(fid("F-BIRTH"))),
    )
}

fn tribe() -> NoticeRecipient {
    NoticeRecipient::Tribe(Tribe::new("Navajo Nation").unwrap())
}

/// Removed in an emergency 2023-12-29 (no notice needed, §1922); both parents and the tribe
/// received notice 2024-01-01; the foster-care placement hearing on `hearing`, with every
/// finding, after `more` events.
fn noticed_then_heard(hearing: NaiveDate, more: Vec<Event>) -> Case {
    let mut events = vec![
        emergency(d(2023, 12, 29)),
        notice(d(2024, 1, 1), NoticeRecipient::Person(pid("P-MOTHER"))),
        notice(d(2024, 1, 1), NoticeRecipient::Person(pid("P-FATHER"))),
        notice(d(2024, 1, 1), tribe()),
    ];
    events.extend(more);
    events.push(findings(
        hearing,
        IcwaFindings::complete(IcwaOrder::FosterCarePlacement),
    ));
    build(indian_child(d(2016, 5, 4)), &FEDERAL, events)
}

#[test]
fn a_hearing_9_days_after_notice_is_too_early_10_days_after_is_not() {
    // Received 2024-01-01. A hearing on 2024-01-10 is 9 days after: notice was due by
    // 2024-01-10 - 10 days = 2023-12-31, received a day late, the hearing held too early and
    // open to invalidation. On 2024-01-11 (10 days after): due by 2024-01-01, met.
    let early = noticed_then_heard(d(2024, 1, 10), vec![]);
    let obs = early.obligations(d(2024, 2, 1), &FEDERAL);
    let parents = all(&obs, K::IcwaNoticeToParent);
    assert_eq!(parents.len(), 2);
    let mut subjects = Vec::new();
    for o in parents {
        expect(
            o,
            RuleId::IcwaNoticeToParent,
            d(2023, 12, 31),
            d(2023, 12, 31),
            Status::MetLate(d(2024, 1, 1)),
            Some(Consequence::OpenToInvalidation),
        );
        subjects.push(o.subject().cloned().unwrap());
    }
    subjects.sort_by_key(|s| s.to_string());
    assert_eq!(subjects, [person("P-FATHER"), person("P-MOTHER")]);
    expect(
        one(&obs, K::IcwaNoticeToTribe),
        RuleId::IcwaNoticeToTribe,
        d(2023, 12, 31),
        d(2023, 12, 31),
        Status::MetLate(d(2024, 1, 1)),
        Some(Consequence::OpenToInvalidation),
    );
    // The emergency removal itself needed no notice: the only hearing is the placement's.
    assert_eq!(all(&obs, K::IcwaNoticeToTribe).len(), 1);

    let in_time = noticed_then_heard(d(2024, 1, 11), vec![]);
    let obs = in_time.obligations(d(2024, 2, 1), &FEDERAL);
    for o in all(&obs, K::IcwaNoticeToParent)
        .into_iter()
        .chain(all(&obs, K::IcwaNoticeToTribe))
    {
        assert_eq!(
            (o.due(), o.status(), o.consequence()),
            (d(2024, 1, 1), Status::Met(d(2024, 1, 1)), None)
        );
    }
}

#[test]
fn twenty_more_days_on_request_and_no_more_however_many_are_asked() {
    // The mother asked on 2024-01-05 for 20 more days: no hearing until 10 + 20 = 30 days after
    // receipt. A hearing on 2024-01-25: notice due by 2024-01-25 - 30 days = 2023-12-26, received
    // 2024-01-01, late. On 2024-01-31: due by 2024-01-01, met.
    let more = || {
        vec![ev(
            d(2024, 1, 5),
            EventData::IcwaAdditionalTime { days: 20 },
        )]
    };
    let early = noticed_then_heard(d(2024, 1, 25), more());
    let obs = early.obligations(d(2024, 2, 1), &FEDERAL);
    let o = one(&obs, K::IcwaNoticeToTribe);
    assert_eq!(
        (o.due(), o.status(), o.consequence()),
        (
            d(2023, 12, 26),
            Status::MetLate(d(2024, 1, 1)),
            Some(Consequence::OpenToInvalidation)
        )
    );
    let in_time = noticed_then_heard(d(2024, 1, 31), more());
    let obs = in_time.obligations(d(2024, 2, 1), &FEDERAL);
    let o = one(&obs, K::IcwaNoticeToTribe);
    assert_eq!(
        (o.due(), o.status()),
        (d(2024, 1, 1), Status::Met(d(2024, 1, 1)))
    );

    // A request for 30 days is recorded as made; the Act grants 20, so the clocks wait 10 + 20
    // days as above: a hearing on 2024-01-31 is in time (due by 2024-01-01), one on 2024-01-30
    // late (due by 2024-01-30 - 30 days = 2023-12-31, received 2024-01-01).
    let asked_30 = || {
        vec![ev(
            d(2024, 1, 5),
            EventData::IcwaAdditionalTime { days: 30 },
        )]
    };
    let o = |hearing| {
        let case = noticed_then_heard(hearing, asked_30());
        let o = one(
            &case.obligations(d(2024, 2, 15), &FEDERAL),
            K::IcwaNoticeToTribe,
        )
        .clone();
        (o.due(), o.status())
    };
    assert_eq!(
        o(d(2024, 1, 31)),
        (d(2024, 1, 1), Status::Met(d(2024, 1, 1)))
    );
    assert_eq!(
        o(d(2024, 1, 30)),
        (d(2023, 12, 31), Status::MetLate(d(2024, 1, 1)))
    );
    // A request for no days is not a request: refused.
    let mut case = in_care_of(indian_child(d(2016, 5, 4)), d(2024, 1, 10));
    let r = refuse(
        &mut case,
        ev(d(2024, 1, 12), EventData::IcwaAdditionalTime { days: 0 }),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::IcwaAdditionalTimeLimit]);
    assert_eq!(
        message(&r, 0),
        "a request for additional days to prepare (25 U.S.C. 1912(a)) asks for at least one, found 0"
    );
    accept(
        &mut case,
        ev(d(2024, 1, 12), EventData::IcwaAdditionalTime { days: 21 }),
        &FEDERAL,
    );
}

#[test]
fn notice_to_the_secretary_adds_15_days() {
    // The tribe unknown (reason to know): the Secretary received notice 2024-01-01 and has 15
    // days to pass it on, then the 10 days run. A hearing on 2024-01-20: due by 2024-01-20 - 25
    // days = 2023-12-26, late. On 2024-01-26: due by 2024-01-01, met.
    let heard = |hearing| {
        build(
            child().with_indian_child_status(IndianChildStatus::ReasonToKnow),
            &FEDERAL,
            vec![
                emergency(d(2023, 12, 29)),
                notice(d(2024, 1, 1), NoticeRecipient::Secretary),
                findings(
                    hearing,
                    IcwaFindings::complete(IcwaOrder::FosterCarePlacement),
                ),
            ],
        )
    };
    let obs = heard(d(2024, 1, 20)).obligations(d(2024, 2, 1), &FEDERAL);
    expect(
        one(&obs, K::IcwaNoticeToTribe),
        RuleId::IcwaNoticeToTribe,
        d(2023, 12, 26),
        d(2023, 12, 26),
        Status::MetLate(d(2024, 1, 1)),
        Some(Consequence::OpenToInvalidation),
    );
    let obs = heard(d(2024, 1, 26)).obligations(d(2024, 2, 1), &FEDERAL);
    let o = one(&obs, K::IcwaNoticeToTribe);
    assert_eq!(
        (o.due(), o.status()),
        (d(2024, 1, 1), Status::Met(d(2024, 1, 1)))
    );
    // No parent received notice: overdue since 2024-01-17 (2024-01-26 - 10 days = 2024-01-16);
    // the hearing was held without it, open to invalidation (§1914).
    let mother = all(&obs, K::IcwaNoticeToParent)
        .into_iter()
        .find(|o| o.subject() == Some(&person("P-MOTHER")))
        .unwrap();
    assert_eq!(
        (mother.due(), mother.status(), mother.consequence()),
        (
            d(2024, 1, 16),
            Status::Overdue,
            Some(Consequence::OpenToInvalidation)
        )
    );
}

// ================================================================================================
// Placement preferences (25 U.S.C. 1915), emergency removal (§1922), transfer to the tribe

use permanency::icwa::{IcwaHome as H, PreferenceKind as P, Preferences};

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

#[test]
fn the_ranking_follows_1915a_and_b_or_the_tribes_order() {
    let federal = Preferences::federal();
    assert_eq!(
        federal.order(P::FosterOrPreadoptive),
        [
            H::ExtendedFamily,
            H::TribalFosterHome,
            H::IndianFosterHome,
            H::TribalInstitution
        ]
    );
    assert_eq!(
        federal.order(P::Adoptive),
        [H::ExtendedFamily, H::TribeMember, H::OtherIndianFamily]
    );
    assert_eq!(
        federal.rank(P::FosterOrPreadoptive, H::IndianFosterHome),
        Some(3)
    );
    assert_eq!(federal.rank(P::Adoptive, H::OtherIndianFamily), Some(3));
    assert_eq!(federal.rank(P::Adoptive, H::Other), None);
    // §1915(c): the tribe's order; "other" is never a preference.
    let tribe = Preferences::tribal(vec![H::TribalFosterHome, H::Other], vec![]);
    assert_eq!(tribe.order(P::FosterOrPreadoptive), [H::TribalFosterHome]);
    assert_eq!(tribe.rank(P::FosterOrPreadoptive, H::ExtendedFamily), None);
}

/// An Indian child removed by court order 2024-01-10, placed as P-1 the same day by `place`, the
/// home assessed as `home`, then `more`.
fn placed(place: Event, home: Option<H>, more: Vec<Event>) -> Case {
    let mut events = vec![removal(d(2024, 1, 10)), place];
    events.extend(home.map(|h| assessed_home(d(2024, 1, 10), "P-1", h)));
    events.extend(more);
    build(indian_child(d(2016, 5, 4)), &FEDERAL, events)
}

#[test]
fn extended_family_and_a_tribally_licensed_home_are_within_the_preferences() {
    // With the grandmother (F-REL): extended family, rank 1. In F-FOSTER licensed by the tribe:
    // rank 2. Both met the day the placement began, 2024-01-10.
    for (place, home) in [
        (relative_home(d(2024, 1, 10), "P-1"), H::ExtendedFamily),
        (foster(d(2024, 1, 10), "P-1"), H::TribalFosterHome),
    ] {
        let case = placed(place, Some(home), vec![]);
        let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
        let o = one(&obs, K::IcwaPlacementPreference);
        expect(
            o,
            RuleId::IcwaPlacementPreference,
            d(2024, 1, 10),
            d(2024, 1, 10),
            Status::Met(d(2024, 1, 10)),
            None,
        );
        assert_eq!(o.subject(), Some(&placement("P-1")));
    }
}

#[test]
fn a_non_indian_home_needs_good_cause_on_the_record() {
    // F-FOSTER, a non-Indian non-relative home, from 2024-01-10: a departure from §1915(b).
    // Accepted; without good cause, overdue. Good cause found the same day: met. Found on
    // 2024-02-01: met late.
    let without = placed(foster(d(2024, 1, 10), "P-1"), Some(H::Other), vec![]);
    assert_eq!(without.stage(), Stage::FosterCare);
    let obs = without.obligations(d(2024, 3, 1), &FEDERAL);
    expect(
        one(&obs, K::IcwaPlacementPreference),
        RuleId::IcwaPlacementPreference,
        d(2024, 1, 10),
        d(2024, 1, 10),
        Status::Overdue,
        None,
    );
    let with = placed(
        foster(d(2024, 1, 10), "P-1"),
        Some(H::Other),
        vec![good_cause(d(2024, 1, 10), "P-1")],
    );
    let obs = with.obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::IcwaPlacementPreference).status(),
        Status::Met(d(2024, 1, 10))
    );
    let later = placed(
        foster(d(2024, 1, 10), "P-1"),
        Some(H::Other),
        vec![good_cause(d(2024, 2, 1), "P-1")],
    );
    let obs = later.obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::IcwaPlacementPreference).status(),
        Status::MetLate(d(2024, 2, 1))
    );
    // A home never assessed against the preferences: overdue from the day after.
    let unassessed = placed(foster(d(2024, 1, 10), "P-1"), None, vec![]);
    let obs = unassessed.obligations(d(2024, 1, 11), &FEDERAL);
    assert_eq!(
        one(&obs, K::IcwaPlacementPreference).status(),
        Status::Overdue
    );
    // A record about a placement the case does not hold is refused.
    let mut case = in_care_of(indian_child(d(2016, 5, 4)), d(2024, 1, 10));
    let r = refuse(
        &mut case,
        assessed_home(d(2024, 1, 11), "P-9", H::Other),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::IcwaPlacementUnknown]);
    assert_eq!(
        message(&r, 0),
        "placement P-9 is not a placement of the case"
    );
}

#[test]
fn the_tribes_own_order_by_resolution_governs_the_placements_after_it() {
    // On 2024-01-01 the tribe's resolution lists only its licensed homes for foster care: the
    // grandmother's home (extended family) is then a departure, overdue without good cause.
    let resolution = ev(
        d(2024, 1, 1),
        EventData::IcwaTribalPreferences(Preferences::tribal(
            vec![H::TribalFosterHome],
            vec![H::TribeMember],
        )),
    );
    let case = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            resolution,
            removal(d(2024, 1, 10)),
            relative_home(d(2024, 1, 10), "P-1"),
            assessed_home(d(2024, 1, 10), "P-1", H::ExtendedFamily),
        ],
    );
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::IcwaPlacementPreference).status(),
        Status::Overdue
    );
}

#[test]
fn an_emergency_removal_ends_or_a_proceeding_begins_within_30_days() {
    // Emergency removal 2024-01-10: within 30 days, 2024-01-10 + 30 = 2024-02-09.
    let alone = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![emergency(d(2024, 1, 10))],
    );
    let o = one(
        &alone.obligations(d(2024, 2, 9), &FEDERAL),
        K::IcwaEmergencyRemoval,
    )
    .clone();
    expect(
        &o,
        RuleId::IcwaEmergencyRemoval,
        d(2024, 1, 10),
        d(2024, 2, 9),
        Status::Upcoming,
        None,
    );
    let obs = alone.obligations(d(2024, 2, 10), &FEDERAL);
    assert_eq!(one(&obs, K::IcwaEmergencyRemoval).status(), Status::Overdue);
    // The placement order on 2024-02-01 meets it.
    let heard = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            emergency(d(2024, 1, 10)),
            findings(
                d(2024, 2, 1),
                IcwaFindings::complete(IcwaOrder::FosterCarePlacement),
            ),
        ],
    );
    let obs = heard.obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::IcwaEmergencyRemoval).status(),
        Status::Met(d(2024, 2, 1))
    );
    // Returned home on 2024-02-12 (33 days): met late.
    let returned = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            emergency(d(2024, 1, 10)),
            discharge(d(2024, 2, 12), ExitReason::Reunified),
        ],
    );
    let obs = returned.obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::IcwaEmergencyRemoval).status(),
        Status::MetLate(d(2024, 2, 12))
    );
    // A court-ordered removal is no emergency removal.
    let ordered = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![removal(d(2024, 1, 10))],
    );
    none_of(
        &ordered.obligations(d(2024, 3, 1), &FEDERAL),
        K::IcwaEmergencyRemoval,
    );
}

#[test]
fn a_transfer_to_the_tribe_is_an_exit_naming_the_tribe() {
    // In care from 2024-01-10; the proceeding transferred to the Navajo Nation on 2024-03-01.
    let mut case = in_care_of(indian_child(d(2016, 5, 4)), d(2024, 1, 10));
    let navajo = Tribe::new("Navajo Nation").unwrap();
    accept(
        &mut case,
        ev(
            d(2024, 3, 1),
            EventData::IcwaTransferredToTribe(navajo.clone()),
        ),
        &FEDERAL,
    );
    assert_eq!(
        case.stage(),
        Stage::Exited(ExitReason::TransferredToAnotherAgency)
    );
    assert_eq!(
        case.episodes()[0].exit(),
        Some(EpisodeExit::new(
            d(2024, 3, 1),
            ExitReason::TransferredToAnotherAgency
        ))
    );
    let transfers: Vec<_> = case.tribal_transfers().collect();
    assert_eq!(transfers, [(d(2024, 3, 1), &navajo)]);
    assert_eq!(case.current_placement(), None);
}

// ================================================================================================
// Inquiry, reason to know, several tribes (25 CFR 23.107, 23.109)

#[test]
fn an_inquiry_leaves_the_act_off_a_reason_to_know_turns_it_on_from_its_date() {
    // Inquiry made 2024-01-05: the Act is not on; a court-ordered removal 2024-01-08 needs no
    // ICWA findings. Reason to know 2024-01-15 (23.107(b)): a removal on 2024-01-20 is held to
    // them, overdue the day after without findings (due 2024-01-20).
    let on_inquiry = build(
        child_born(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            status(d(2024, 1, 5), IndianChildStatus::InquiryMade),
            removal(d(2024, 1, 8)),
        ],
    );
    assert_eq!(
        on_inquiry.indian_child_status_on(d(2024, 1, 8)),
        &IndianChildStatus::InquiryMade
    );
    assert!(
        !on_inquiry
            .indian_child_status_on(d(2024, 1, 8))
            .icwa_applies()
    );
    let obs = on_inquiry.obligations(d(2024, 2, 1), &FEDERAL);
    assert!(all(&obs, K::IcwaActiveEfforts).is_empty());

    let on_reason = build(
        child_born(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            status(d(2024, 1, 5), IndianChildStatus::InquiryMade),
            status(d(2024, 1, 15), IndianChildStatus::ReasonToKnow),
            removal(d(2024, 1, 20)),
        ],
    );
    assert!(
        !on_reason
            .indian_child_status_on(d(2024, 1, 14))
            .icwa_applies()
    );
    assert!(
        on_reason
            .indian_child_status_on(d(2024, 1, 15))
            .icwa_applies()
    );
    let obs = on_reason.obligations(d(2024, 1, 21), &FEDERAL);
    let o = one(&obs, K::IcwaActiveEfforts);
    assert_eq!((o.due(), o.status()), (d(2024, 1, 20), Status::Overdue));
}

fn navajo_and_hopi() -> IndianChildStatus {
    IndianChildStatus::indian_child([
        Tribe::new("Navajo Nation").unwrap(),
        Tribe::new("Hopi Tribe").unwrap(),
    ])
}

/// Removed in an emergency 2023-12-29, determined an Indian child of the Navajo Nation (the
/// Indian child's tribe) and eligible in the Hopi Tribe 2023-12-30; the mother and the Navajo
/// Nation received notice 2024-01-01, the Hopi Tribe 2024-01-05; the placement hearing on
/// `hearing` with every finding.
fn two_tribes_heard(hearing: NaiveDate) -> Case {
    build(
        child_born(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            emergency(d(2023, 12, 29)),
            status(d(2023, 12, 30), navajo_and_hopi()),
            notice(d(2024, 1, 1), NoticeRecipient::Person(pid("P-MOTHER"))),
            notice(d(2024, 1, 1), NoticeRecipient::Person(pid("P-FATHER"))),
            notice(d(2024, 1, 1), tribe()),
            notice(
                d(2024, 1, 5),
                NoticeRecipient::Tribe(Tribe::new("Hopi Tribe").unwrap()),
            ),
            findings(
                hearing,
                IcwaFindings::complete(IcwaOrder::FosterCarePlacement),
            ),
        ],
    )
}

#[test]
fn with_several_tribes_each_receives_notice_and_the_last_receipt_counts() {
    assert_eq!(
        navajo_and_hopi()
            .tribes()
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>(),
        ["Navajo Nation", "Hopi Tribe"]
    );
    // Hearing 2024-01-11: due by 2024-01-11 - 10 = 2024-01-01; the Navajo Nation in time, the
    // Hopi Tribe on 2024-01-05: the tribes' notice met late, open to invalidation.
    let early = two_tribes_heard(d(2024, 1, 11));
    let obs = early.obligations(d(2024, 2, 1), &FEDERAL);
    expect(
        one(&obs, K::IcwaNoticeToTribe),
        RuleId::IcwaNoticeToTribe,
        d(2024, 1, 1),
        d(2024, 1, 1),
        Status::MetLate(d(2024, 1, 5)),
        Some(Consequence::OpenToInvalidation),
    );
    // Hearing 2024-01-15: due by 2024-01-15 - 10 = 2024-01-05: met on the Hopi receipt.
    let in_time = two_tribes_heard(d(2024, 1, 15));
    let obs = in_time.obligations(d(2024, 2, 1), &FEDERAL);
    let o = one(&obs, K::IcwaNoticeToTribe);
    assert_eq!(
        (o.due(), o.status(), o.consequence()),
        (d(2024, 1, 5), Status::Met(d(2024, 1, 5)), None)
    );
    // Without the Hopi receipt at all: overdue.
    let mut case = Case::new(child_born(d(2016, 5, 4)), all_families()).unwrap();
    for e in [
        emergency(d(2023, 12, 29)),
        status(d(2023, 12, 30), navajo_and_hopi()),
        notice(d(2024, 1, 1), tribe()),
        findings(
            d(2024, 1, 15),
            IcwaFindings::complete(IcwaOrder::FosterCarePlacement),
        ),
    ] {
        accept(&mut case, e, &FEDERAL);
    }
    let obs = case.obligations(d(2024, 2, 1), &FEDERAL);
    assert_eq!(one(&obs, K::IcwaNoticeToTribe).status(), Status::Overdue);
}

#[test]
fn the_status_wire_keeps_the_old_form_and_adds_other_tribes_and_inquiry() {
    let parse = |s: &str| serde_json::from_str::<IndianChildStatus>(s);
    assert_eq!(
        parse(r#"{"status":"indian_child","tribe":"Navajo Nation"}"#).unwrap(),
        navajo()
    );
    let two = r#"{"status":"indian_child","tribe":"Navajo Nation","other_tribes":["Hopi Tribe"]}"#;
    assert_eq!(parse(two).unwrap(), navajo_and_hopi());
    assert_eq!(serde_json::to_string(&navajo_and_hopi()).unwrap(), two);
    assert_eq!(
        serde_json::to_string(&IndianChildStatus::InquiryMade).unwrap(),
        r#"{"status":"inquiry_made"}"#
    );
    assert_eq!(
        parse(r#"{"status":"inquiry_made"}"#).unwrap(),
        IndianChildStatus::InquiryMade
    );
    assert!(parse(r#"{"status":"reason_to_know","other_tribes":["Hopi Tribe"]}"#).is_err());
}

// ================================================================================================
// The Indian custodian (25 U.S.C. 1903(6))

#[test]
fn the_indian_custodian_is_noticed_like_a_parent_and_may_consent_and_withdraw() {
    // F-CUST: the grandmother-custodian P-CUST. Emergency removal 2023-12-29; the parents and
    // the tribe received notice 2024-01-01, the custodian 2024-01-03; the hearing 2024-01-11:
    // due by 2024-01-11 - 10 = 2024-01-01, the custodian's receipt 2 days late.
    let cust = Family::builder(fid("F-CUST"), FamilyKind::Birth)
        .member(
            Member::new(
                Person::new(pid("P-CUST"), Name::new("Custodian").unwrap()),
                Relationship::IndianCustodian,
            )
            .caregiver(),
        )
        .build()
        .unwrap();
    let mut families = all_families();
    families.push(cust);
    let mut case = Case::new(indian_child(d(2016, 5, 4)), families).unwrap();
    for e in [
        emergency(d(2023, 12, 29)),
        notice(d(2024, 1, 1), NoticeRecipient::Person(pid("P-MOTHER"))),
        notice(d(2024, 1, 1), NoticeRecipient::Person(pid("P-FATHER"))),
        notice(d(2024, 1, 1), tribe()),
        notice(d(2024, 1, 3), NoticeRecipient::Person(pid("P-CUST"))),
        findings(
            d(2024, 1, 11),
            IcwaFindings::complete(IcwaOrder::FosterCarePlacement),
        ),
        consent(d(2024, 1, 12), "P-CUST", ConsentTo::FosterCare),
        withdrawn(d(2024, 1, 20), "P-CUST", ConsentTo::FosterCare),
    ] {
        accept(&mut case, e, &FEDERAL);
    }
    let obs = case.obligations(d(2024, 2, 1), &FEDERAL);
    let custodian: Vec<_> = all(&obs, K::IcwaNoticeToParent)
        .into_iter()
        .filter(|o| o.subject() == Some(&person("P-CUST")))
        .collect();
    assert_eq!(custodian.len(), 1);
    assert_eq!(
        (custodian[0].due(), custodian[0].status()),
        (d(2024, 1, 1), Status::MetLate(d(2024, 1, 3)))
    );
}

#[test]
fn a_consent_can_be_recorded_after_an_exit_as_the_relinquishment_it_validates() {
    // An Indian child (born 2016-05-04) in care from 2024-01-10, home on 2024-06-01. The
    // mother's consent to termination and her relinquishment, both 2024-09-02, are recorded
    // after the exit (a relinquishment is recorded wherever the case stands; its ICWA consent
    // too, 25 U.S.C. 1913(a)); and the consent after the case is closed.
    let mut case = in_care_of(indian_child(d(2016, 5, 4)), d(2024, 1, 10));
    accept(
        &mut case,
        discharge(d(2024, 6, 1), ExitReason::Reunified),
        &FEDERAL,
    );
    accept(
        &mut case,
        consent(d(2024, 9, 2), "P-MOTHER", ConsentTo::Termination),
        &FEDERAL,
    );
    accept(&mut case, relinquished(d(2024, 9, 2), "P-MOTHER"), &FEDERAL);
    assert_eq!(
        case.parental_rights(&pid("P-MOTHER")),
        ParentalRights::Relinquished(d(2024, 9, 2))
    );
    accept(&mut case, ev(d(2024, 10, 1), EventData::Close), &FEDERAL);
    accept(
        &mut case,
        consent(d(2024, 10, 15), "P-FATHER", ConsentTo::Termination),
        &FEDERAL,
    );
}

// ================================================================================================
// A valid consent (25 U.S.C. 1913(a)) and the return on its withdrawal (§1913(b))

fn uncertified(date: NaiveDate, person: &str, to: ConsentTo) -> Event {
    ev(
        date,
        EventData::IcwaConsent(IcwaConsent::new(pid(person), to).uncertified()),
    )
}

#[test]
fn a_relinquishment_rests_on_a_certified_consent_to_the_termination() {
    // An Indian child (born 2016-05-04) in care from 2024-01-10. On 2024-03-01 the mother
    // relinquishes. Three histories of her consent, each checked as of 2024-04-01:
    let relinquish = || relinquished(d(2024, 3, 1), "P-MOTHER");
    let obligation = |more: Vec<Event>| {
        let mut case = in_care_of(indian_child(d(2016, 5, 4)), d(2024, 1, 10));
        for e in more {
            accept(&mut case, e, &FEDERAL);
        }
        let obs = case.obligations(d(2024, 4, 1), &FEDERAL);
        let o = one(&obs, K::IcwaValidConsent).clone();
        assert_eq!(o.due(), d(2024, 3, 1));
        assert_eq!(o.subject(), Some(&person("P-MOTHER")));
        o
    };
    // Certified before the judge the same day, keyed after the relinquishment: met that day.
    let o = obligation(vec![
        relinquish(),
        consent(d(2024, 3, 1), "P-MOTHER", ConsentTo::Termination),
    ]);
    assert_eq!(o.status(), Status::Met(d(2024, 3, 1)));
    // Without the judge's certificate: the consent "shall not be valid" — the relinquishment is
    // recorded, the obligation overdue and the termination open to invalidation (§1914).
    let o = obligation(vec![
        uncertified(d(2024, 2, 20), "P-MOTHER", ConsentTo::Termination),
        relinquish(),
    ]);
    assert_eq!(o.status(), Status::Overdue);
    assert_eq!(o.consequence(), Some(Consequence::OpenToInvalidation));
    // A certified consent to the adoption, given 2024-02-20: it allows the relinquishment.
    let o = obligation(vec![
        consent(d(2024, 2, 20), "P-MOTHER", ConsentTo::Adoption),
        relinquish(),
    ]);
    assert_eq!(o.status(), Status::Met(d(2024, 2, 20)));
    // A consent withdrawn on 2024-02-25, before the relinquishment, no longer stands; a
    // certified one re-executed on 2024-03-04 meets it late.
    let o = obligation(vec![
        consent(d(2024, 2, 20), "P-MOTHER", ConsentTo::Termination),
        withdrawn(d(2024, 2, 25), "P-MOTHER", ConsentTo::Termination),
        relinquish(),
        consent(d(2024, 3, 4), "P-MOTHER", ConsentTo::Termination),
    ]);
    assert_eq!(o.status(), Status::MetLate(d(2024, 3, 4)));
    // Nothing recorded: overdue, and open to invalidation (25 U.S.C. 1914: a relinquishment
    // with no valid consent violates §1913(a)).
    let o = obligation(vec![relinquish()]);
    assert_eq!(o.status(), Status::Overdue);
    assert_eq!(o.consequence(), Some(Consequence::OpenToInvalidation));
}

#[test]
fn a_voluntary_placement_of_an_indian_child_rests_on_a_certified_consent_to_foster_care() {
    // Born 2016-05-04; placed voluntarily on 2024-01-10.
    let placed = |more: Vec<Event>| {
        let mut events = more;
        events.push(voluntary(d(2024, 1, 10)));
        let case = build(indian_child(d(2016, 5, 4)), &FEDERAL, events);
        let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
        one(&obs, K::IcwaValidConsent).clone()
    };
    let o = placed(vec![consent(
        d(2024, 1, 5),
        "P-MOTHER",
        ConsentTo::FosterCare,
    )]);
    assert_eq!(o.due(), d(2024, 1, 10));
    assert_eq!(o.status(), Status::Met(d(2024, 1, 5)));
    let o = placed(vec![uncertified(
        d(2024, 1, 5),
        "P-MOTHER",
        ConsentTo::FosterCare,
    )]);
    assert_eq!(o.status(), Status::Overdue);
    assert_eq!(o.consequence(), Some(Consequence::OpenToInvalidation));
    // A court-ordered removal, or a child who is not an Indian child, owes none.
    for (child, removed) in [
        (indian_child(d(2016, 5, 4)), removal(d(2024, 1, 10))),
        (child(), voluntary(d(2024, 1, 10))),
    ] {
        let case = build(child, &FEDERAL, vec![removed]);
        none_of(
            &case.obligations(d(2024, 3, 1), &FEDERAL),
            K::IcwaValidConsent,
        );
    }
}

#[test]
fn a_withdrawn_consent_to_foster_care_returns_the_child() {
    // Born 2016-05-04; the mother consents on 2024-01-05, the child is placed voluntarily on
    // 2024-01-10 and the mother withdraws on 2024-02-01: the child "shall be returned".
    let base = || {
        let mut case = Case::new(indian_child(d(2016, 5, 4)), all_families()).unwrap();
        accept(
            &mut case,
            consent(d(2024, 1, 5), "P-MOTHER", ConsentTo::FosterCare),
            &FEDERAL,
        );
        accept(&mut case, voluntary(d(2024, 1, 10)), &FEDERAL);
        accept(&mut case, foster(d(2024, 1, 10), "P-1"), &FEDERAL);
        accept(
            &mut case,
            withdrawn(d(2024, 2, 1), "P-MOTHER", ConsentTo::FosterCare),
            &FEDERAL,
        );
        case
    };
    // Still in care on 2024-03-01: overdue since 2024-02-01, open to invalidation.
    let case = base();
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    let o = one(&obs, K::IcwaReturnOnWithdrawal);
    assert_eq!(o.due(), d(2024, 2, 1));
    assert_eq!(o.status(), Status::Overdue);
    assert_eq!(o.consequence(), Some(Consequence::OpenToInvalidation));
    assert_eq!(o.subject(), Some(&person("P-MOTHER")));
    // Returned home on 2024-02-03: met two days late.
    let mut case = base();
    accept(
        &mut case,
        discharge(d(2024, 2, 3), ExitReason::Reunified),
        &FEDERAL,
    );
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::IcwaReturnOnWithdrawal).status(),
        Status::MetLate(d(2024, 2, 3))
    );
    // Returned home the day of the withdrawal: met.
    let mut case = base();
    accept(
        &mut case,
        discharge(d(2024, 2, 1), ExitReason::Reunified),
        &FEDERAL,
    );
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::IcwaReturnOnWithdrawal).status(),
        Status::Met(d(2024, 2, 1))
    );
}

#[test]
fn a_reason_to_know_learned_during_an_emergency_removal_starts_its_30_days_from_the_removal() {
    // A child of unknown status removed in an emergency on 2024-01-10; on 2024-01-12 the agency
    // learns there is reason to know she is an Indian child (25 CFR 23.107(b)). The emergency
    // must still end, or a proceeding begin, by 2024-01-10 + 30 = 2024-02-09: overdue on
    // 2024-02-20.
    let learned = build(
        child(),
        &FEDERAL,
        vec![
            emergency(d(2024, 1, 10)),
            status(d(2024, 1, 12), IndianChildStatus::ReasonToKnow),
        ],
    );
    let obs = learned.obligations(d(2024, 2, 20), &FEDERAL);
    let o = one(&obs, K::IcwaEmergencyRemoval);
    assert_eq!((o.counts_from(), o.due()), (d(2024, 1, 10), d(2024, 2, 9)));
    assert_eq!(o.status(), Status::Overdue);
    // Learned only after the child went home on 2024-01-20: no emergency of an Indian child.
    let after = build(
        child(),
        &FEDERAL,
        vec![
            emergency(d(2024, 1, 10)),
            discharge(d(2024, 1, 20), ExitReason::Reunified),
            status(d(2024, 1, 25), IndianChildStatus::ReasonToKnow),
        ],
    );
    none_of(
        &after.obligations(d(2024, 2, 20), &FEDERAL),
        K::IcwaEmergencyRemoval,
    );
}

#[test]
fn a_termination_before_any_removal_owes_the_same_findings() {
    // An Indian child at home with in-home services from 2024-01-10; the father's rights are
    // terminated on 2024-06-03 with active efforts and an expert, on clear and convincing
    // evidence only; the mother's on 2024-06-04 with nothing recorded. No removal: still a
    // child custody proceeding (25 U.S.C. 1903(1)(ii)), the §1912(d), (f) findings owed, due the
    // day of each termination, with no episode.
    let case = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            ev(
                d(2024, 1, 10),
                EventData::OpenPreservation(Candidacy::FosterCareCandidate),
            ),
            findings(
                d(2024, 6, 3),
                IcwaFindings::new(
                    IcwaOrder::ParentalRightsTermination,
                    true,
                    true,
                    EvidenceStandard::ClearAndConvincing,
                ),
            ),
            tpr(d(2024, 6, 3), "P-FATHER"),
            tpr(d(2024, 6, 4), "P-MOTHER"),
        ],
    );
    let obs = case.obligations(d(2024, 7, 1), &FEDERAL);
    let standard = all(&obs, K::IcwaEvidenceStandard);
    assert_eq!(standard.len(), 2);
    expect(
        standard[0],
        RuleId::IcwaEvidenceStandard,
        d(2024, 6, 3),
        d(2024, 6, 3),
        Status::Overdue,
        Some(Consequence::OpenToInvalidation),
    );
    assert_eq!(standard[0].subject(), Some(&person("P-FATHER")));
    assert_eq!(standard[0].episode(), None);
    // The mother's termination, with no findings recorded: overdue, open to invalidation too.
    assert_eq!(standard[1].status(), Status::Overdue);
    assert_eq!(
        standard[1].consequence(),
        Some(Consequence::OpenToInvalidation)
    );
    assert_eq!(standard[1].subject(), Some(&person("P-MOTHER")));
    let efforts = all(&obs, K::IcwaActiveEfforts);
    assert_eq!(efforts.len(), 2);
    assert_eq!(efforts[0].status(), Status::Met(d(2024, 6, 3)));
    // A termination after the removal belongs to the episode, counted once.
    let later = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            removal(d(2024, 1, 10)),
            findings(
                d(2024, 1, 10),
                IcwaFindings::complete(IcwaOrder::FosterCarePlacement),
            ),
            tpr(d(2024, 6, 3), "P-FATHER"),
        ],
    );
    let obs = later.obligations(d(2024, 7, 1), &FEDERAL);
    // The placement order and the termination: two.
    assert_eq!(all(&obs, K::IcwaEvidenceStandard).len(), 2);
}

#[test]
fn a_termination_before_any_removal_owes_notice_to_the_parent_and_the_tribe() {
    // An Indian child at home with in-home services from 2024-01-10. The tribe received notice
    // of the petition to terminate the father's rights on 2024-05-20 and the father on
    // 2024-05-28; his rights were terminated on 2024-06-03, with no removal (an involuntary
    // termination is a child custody proceeding wherever the child lives, 25 U.S.C.
    // 1903(1)(ii), and needs notice, §1912(a)).
    // Due 10 days before the hearing: 2024-06-03 - 10 days = 2024-05-24. The tribe in time
    // (05-20 <= 05-24): met on 05-20. The father late (05-28 > 05-24): met late, the hearing
    // held too early, open to invalidation (§1914). The mother's rights are not in issue: no
    // notice owed to her.
    let case = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            ev(
                d(2024, 1, 10),
                EventData::OpenPreservation(Candidacy::FosterCareCandidate),
            ),
            notice(d(2024, 5, 20), tribe()),
            notice(d(2024, 5, 28), NoticeRecipient::Person(pid("P-FATHER"))),
            tpr(d(2024, 6, 3), "P-FATHER"),
        ],
    );
    let obs = case.obligations(d(2024, 7, 1), &FEDERAL);
    let tribe_notice = all(&obs, K::IcwaNoticeToTribe);
    assert_eq!(tribe_notice.len(), 1);
    expect(
        tribe_notice[0],
        RuleId::IcwaNoticeToTribe,
        d(2024, 5, 24),
        d(2024, 5, 24),
        Status::Met(d(2024, 5, 20)),
        None,
    );
    assert_eq!(tribe_notice[0].episode(), None);
    let parent = all(&obs, K::IcwaNoticeToParent);
    assert_eq!(parent.len(), 1);
    expect(
        parent[0],
        RuleId::IcwaNoticeToParent,
        d(2024, 5, 24),
        d(2024, 5, 24),
        Status::MetLate(d(2024, 5, 28)),
        Some(Consequence::OpenToInvalidation),
    );
    assert_eq!(parent[0].subject(), Some(&person("P-FATHER")));
    // A child who is not an Indian child: no notice.
    let not_indian = build(
        child_born(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            ev(
                d(2024, 1, 10),
                EventData::OpenPreservation(Candidacy::FosterCareCandidate),
            ),
            tpr(d(2024, 6, 3), "P-FATHER"),
        ],
    );
    let obs = not_indian.obligations(d(2024, 7, 1), &FEDERAL);
    none_of(&obs, K::IcwaNoticeToTribe);
    none_of(&obs, K::IcwaNoticeToParent);
}

#[test]
fn a_relinquishment_at_home_and_a_withdrawn_consent_to_adoption() {
    // An Indian child at home (no removal). The mother's certified consent to the adoption on
    // 2024-05-01, withdrawn on 2024-05-20; her relinquishment on 2024-06-03 rests on no consent
    // standing: overdue, with no episode (§1913(a) reaches a voluntary termination wherever the
    // child lives).
    let case = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            consent(d(2024, 5, 1), "P-MOTHER", ConsentTo::Adoption),
            withdrawn(d(2024, 5, 20), "P-MOTHER", ConsentTo::Adoption),
            relinquished(d(2024, 6, 3), "P-MOTHER"),
        ],
    );
    let obs = case.obligations(d(2024, 7, 1), &FEDERAL);
    let o = one(&obs, K::IcwaValidConsent);
    assert_eq!((o.due(), o.episode()), (d(2024, 6, 3), None));
    assert_eq!(o.status(), Status::Overdue);
    assert_eq!(o.subject(), Some(&person("P-MOTHER")));
    // Not withdrawn: met on 2024-05-01.
    let kept = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            consent(d(2024, 5, 1), "P-MOTHER", ConsentTo::Adoption),
            relinquished(d(2024, 6, 3), "P-MOTHER"),
        ],
    );
    let obs = kept.obligations(d(2024, 7, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::IcwaValidConsent).status(),
        Status::Met(d(2024, 5, 1))
    );
    // Relinquished at home on 2023-11-01, then removed in 2024: one obligation, the case's.
    let then_removed = build(
        indian_child(d(2016, 5, 4)),
        &FEDERAL,
        vec![
            relinquished(d(2023, 11, 1), "P-MOTHER"),
            removal(d(2024, 1, 10)),
        ],
    );
    let obs = then_removed.obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(one(&obs, K::IcwaValidConsent).episode(), None);
}

#[test]
fn a_reason_to_know_learned_after_30_days_of_an_emergency_hold_still_owes_the_limit() {
    // Emergency removal 2024-01-10, due 2024-02-09; the reason to know learned on the 30th day
    // (2024-02-09) or later (2024-02-10), the child still held: overdue.
    for learned in [d(2024, 2, 9), d(2024, 2, 10)] {
        let case = build(
            child(),
            &FEDERAL,
            vec![
                emergency(d(2024, 1, 10)),
                status(learned, IndianChildStatus::ReasonToKnow),
            ],
        );
        let obs = case.obligations(d(2024, 2, 20), &FEDERAL);
        let o = one(&obs, K::IcwaEmergencyRemoval);
        assert_eq!(o.due(), d(2024, 2, 9));
        assert_eq!(o.status(), Status::Overdue);
    }
}

#[test]
fn only_a_return_home_meets_a_withdrawn_consent_to_foster_care() {
    // Placed voluntarily on 2024-01-10 on the mother's consent of 2024-01-05, withdrawn on
    // 2024-04-01; on 2024-05-01 the child leaves care to a guardian: not a return to the
    // parent (§1913(b)), so the obligation due 2024-04-01 stays overdue.
    let mut case = Case::new(indian_child(d(2016, 5, 4)), all_families()).unwrap();
    for e in [
        consent(d(2024, 1, 5), "P-MOTHER", ConsentTo::FosterCare),
        voluntary(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        withdrawn(d(2024, 4, 1), "P-MOTHER", ConsentTo::FosterCare),
        discharge(
            d(2024, 5, 1),
            Discharge::Guardianship(Guardianship::new(fid("F-GUARD"))),
        ),
    ] {
        accept(&mut case, e, &FEDERAL);
    }
    let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
    let o = one(&obs, K::IcwaReturnOnWithdrawal);
    assert_eq!(o.status(), Status::Overdue);
    assert_eq!(o.consequence(), Some(Consequence::OpenToInvalidation));
}
