//! The parent guards (`src/rules/parents.rs`): only a legal parent's rights end, and only once
//! (terminated, relinquished or deceased).
//!
//! Each rule is refused with real dates (the exact rule ids and the exact message, the arithmetic
//! beside the expected value), next to the nearest history that is accepted; `common::refuse`
//! proves that a refused event leaves the case as it was. The cast (the child, F-BIRTH, F-REL,
//! F-FOSTER, F-ADOPT, F-GUARD) and the event builders are in `tests/common/mod.rs`.
#![cfg(feature = "serde")]

mod common;

use common::*;
use permanency::*;

// ================================================================================================
// Parents

#[test]
fn only_a_legal_parent_or_a_putative_father_loses_parental_rights() {
    let mut case = in_care();

    // The grandmother is a member of a relative family, not a parent.
    let r = refuse(
        &mut case,
        relinquished(d(2024, 6, 3), "P-GRANDMA"),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::NotALegalParent]);
    assert_eq!(
        message(&r, 0),
        "person P-GRANDMA is not a legal parent or a putative father of the child in the case"
    );
    assert_eq!(subjects(&r, 0), [Subject::Person(pid("P-GRANDMA"))]);

    accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    assert_eq!(
        case.parental_rights(&pid("P-MOTHER")),
        ParentalRights::Terminated(d(2024, 6, 3))
    );
    assert_eq!(
        case.parental_rights(&pid("P-FATHER")),
        ParentalRights::Intact
    );
}

#[test]
fn a_putative_father_s_rights_can_be_ended_and_found_unneeded() {
    // P-PUTATIVE (Cal) is F-BIRTH's putative father, not a legal parent: AFCARS 1993 TPRDADDT
    // is for the "legal or putative father".
    let excused = |date| {
        ev(
            date,
            EventData::CourtFinding(Finding::ReunificationEffortsNotRequired {
                parent: pid("P-PUTATIVE"),
                ground: AggravatedGround::AggravatedCircumstances,
            }),
        )
    };
    let mut case = in_care();
    accept(&mut case, excused(d(2024, 5, 1)), &FEDERAL);
    accept(&mut case, tpr(d(2024, 6, 3), "P-PUTATIVE"), &FEDERAL);
    assert_eq!(
        case.parental_rights(&pid("P-PUTATIVE")),
        ParentalRights::Terminated(d(2024, 6, 3))
    );
    let r = refuse(&mut case, tpr(d(2024, 7, 1), "P-PUTATIVE"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::ParentalRightsAlreadyEnded]);
    // He is not listed among the legal parents.
    let listed: Vec<PersonId> = case.legal_parents().into_iter().map(|p| p.person).collect();
    assert_eq!(listed, [pid("P-MOTHER"), pid("P-FATHER")]);

    // Relinquished, or deceased: both accepted for him too.
    let mut other = in_care();
    accept(
        &mut other,
        relinquished(d(2024, 6, 3), "P-PUTATIVE"),
        &FEDERAL,
    );
    let mut died = in_care();
    accept(
        &mut died,
        parent_deceased(d(2024, 6, 3), "P-PUTATIVE"),
        &FEDERAL,
    );
    assert_eq!(
        died.parental_rights(&pid("P-PUTATIVE")),
        ParentalRights::Deceased(d(2024, 6, 3))
    );
}

#[test]
fn a_putative_father_s_intact_rights_do_not_block_the_adoption() {
    // The choice: he is not a legal parent; state law settles his claim (notice, a registry,
    // consent unnecessary). Mother and father terminated 2024-06-03, P-PUTATIVE intact:
    // placed 2024-07-01 (not at legal risk), finalized 2025-01-06.
    let mut case = in_care();
    accept(&mut case, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
    accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    accept(&mut case, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);
    accept(
        &mut case,
        placed_for_adoption(d(2024, 7, 1), "P-2", Setting::PreAdoptiveHome, "F-ADOPT"),
        &FEDERAL,
    );
    assert!(case.legal_risk_placements().is_empty());
    accept(
        &mut case,
        ev(d(2025, 1, 6), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Adopted));
    assert_eq!(
        case.parental_rights(&pid("P-PUTATIVE")),
        ParentalRights::Intact
    );
}

#[test]
fn a_court_may_terminate_the_rights_a_parent_relinquished() {
    // The mother relinquishes on 2024-08-01 and the court enters its order terminating her
    // rights on the relinquishment on 2024-08-20 (many states' practice): the order is
    // recorded, and her rights keep the date they ended, the relinquishment's — as of
    // 2024-08-10 they had ended, whatever came later.
    let mut case = in_care();
    accept(&mut case, relinquished(d(2024, 8, 1), "P-MOTHER"), &FEDERAL);
    accept(&mut case, tpr(d(2024, 8, 20), "P-MOTHER"), &FEDERAL);
    assert_eq!(
        case.parental_rights(&pid("P-MOTHER")),
        ParentalRights::Relinquished(d(2024, 8, 1))
    );
    assert_eq!(
        case.parental_rights(&pid("P-MOTHER")).on(d(2024, 8, 10)),
        ParentalRights::Relinquished(d(2024, 8, 1))
    );
    assert!(
        case.events()
            .iter()
            .any(|e| e.kind() == EventKind::ParentalRightsTerminated)
    );
    // One order: a second, or a relinquishment again, is refused.
    let r = refuse(&mut case, tpr(d(2024, 9, 2), "P-MOTHER"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::ParentalRightsAlreadyEnded]);
    assert_eq!(
        message(&r, 0),
        "the rights of person P-MOTHER already ended: relinquished on 2024-08-01, and a court terminated them on 2024-08-20"
    );
    let r = refuse(&mut case, relinquished(d(2024, 9, 2), "P-MOTHER"), &FEDERAL);
    assert_eq!(
        message(&r, 0),
        "the rights of person P-MOTHER already ended: relinquished on 2024-08-01"
    );
    // A termination first: nothing after it ends them again.
    let mut first = in_care();
    accept(&mut first, tpr(d(2024, 8, 1), "P-FATHER"), &FEDERAL);
    let r = refuse(
        &mut first,
        relinquished(d(2024, 8, 20), "P-FATHER"),
        &FEDERAL,
    );
    assert_eq!(
        message(&r, 0),
        "the rights of person P-FATHER already ended: terminated on 2024-08-01"
    );
}

#[test]
fn parental_rights_end_once() {
    let mut case = in_care();
    accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);

    let r = refuse(&mut case, tpr(d(2024, 7, 1), "P-MOTHER"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::ParentalRightsAlreadyEnded]);
    assert_eq!(
        message(&r, 0),
        "the rights of person P-MOTHER already ended: terminated on 2024-06-03"
    );
    assert_eq!(subjects(&r, 0), [Subject::Person(pid("P-MOTHER"))]);

    let r = refuse(&mut case, relinquished(d(2024, 7, 1), "P-MOTHER"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::ParentalRightsAlreadyEnded]);

    // The father's rights are intact: his relinquishment is accepted, once.
    let mut deceased = case.clone();
    accept(&mut case, relinquished(d(2024, 7, 1), "P-FATHER"), &FEDERAL);
    // A parent whose rights ended can still die: the death is recorded, and the rights keep
    // the date and the way they ended (AFCARS reports the relinquishment). He dies only once.
    accept(
        &mut case,
        parent_deceased(d(2024, 8, 1), "P-FATHER"),
        &FEDERAL,
    );
    assert_eq!(
        case.parental_rights(&pid("P-FATHER")),
        ParentalRights::Relinquished(d(2024, 7, 1))
    );
    let r = refuse(
        &mut case,
        parent_deceased(d(2024, 9, 1), "P-FATHER"),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::ParentalRightsAlreadyEnded]);
    assert_eq!(
        message(&r, 0),
        "person P-FATHER already died, on 2024-08-01"
    );

    accept(
        &mut deceased,
        parent_deceased(d(2024, 7, 1), "P-FATHER"),
        &FEDERAL,
    );
    let r = refuse(&mut deceased, tpr(d(2024, 8, 1), "P-FATHER"), &FEDERAL);
    assert_eq!(
        message(&r, 0),
        "the rights of person P-FATHER already ended: deceased on 2024-07-01"
    );
}

#[test]
fn a_parents_rights_can_end_before_a_removal_during_a_visit_and_after_an_exit() {
    // Each fact at its real date, in whatever stage the case is then in: nothing forces a
    // worker to move a death or a court's order to a date when the child was in care.

    // The father died on 2023-11-02, before the removal of 2024-01-10 (the case in intake).
    let mut case = open_case();
    accept(
        &mut case,
        parent_deceased(d(2023, 11, 2), "P-FATHER"),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Intake);
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    assert_eq!(
        case.parental_rights(&pid("P-FATHER")),
        ParentalRights::Deceased(d(2023, 11, 2))
    );

    // On a trial home visit with the birth family from 2024-03-01, the court terminates the
    // father's rights on 2024-04-15 (his petition filed 2024-03-20): the visit goes on.
    let mut visiting = in_care();
    accept(&mut visiting, visit(d(2024, 3, 1), "P-2"), &FEDERAL);
    assert_eq!(visiting.stage(), Stage::Reunification);
    accept(
        &mut visiting,
        ev(d(2024, 3, 20), EventData::TprPetitionFiled),
        &FEDERAL,
    );
    accept(&mut visiting, tpr(d(2024, 4, 15), "P-FATHER"), &FEDERAL);
    assert_eq!(visiting.stage(), Stage::Reunification);
    assert_eq!(
        visiting.parental_rights(&pid("P-FATHER")),
        ParentalRights::Terminated(d(2024, 4, 15))
    );

    // Reunified on 2024-06-03; the mother dies on 2024-09-30, with the child out of care.
    let mut home = in_care();
    accept(
        &mut home,
        discharge(d(2024, 6, 3), ExitReason::Reunified),
        &FEDERAL,
    );
    accept(
        &mut home,
        parent_deceased(d(2024, 9, 30), "P-MOTHER"),
        &FEDERAL,
    );
    assert_eq!(home.stage(), Stage::Exited(ExitReason::Reunified));
    assert_eq!(
        home.parental_rights(&pid("P-MOTHER")),
        ParentalRights::Deceased(d(2024, 9, 30))
    );
    // Still only a parent's rights end: the grandmother's "relinquishment" is refused there too.
    let r = refuse(
        &mut home,
        relinquished(d(2024, 10, 1), "P-GRANDMA"),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::NotALegalParent]);
}
