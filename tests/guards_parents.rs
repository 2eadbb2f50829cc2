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
fn only_a_legal_parent_loses_parental_rights() {
    let mut case = in_care();

    let r = refuse(&mut case, tpr(d(2024, 6, 3), "P-PUTATIVE"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::NotALegalParent]);
    assert_eq!(
        message(&r, 0),
        "person P-PUTATIVE is not a legal parent in any birth family of the case"
    );
    assert_eq!(subjects(&r, 0), [Subject::Person(pid("P-PUTATIVE"))]);

    // The grandmother is a member of a relative family, not a parent.
    let r = refuse(
        &mut case,
        relinquished(d(2024, 6, 3), "P-GRANDMA"),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::NotALegalParent]);
    assert_eq!(
        message(&r, 0),
        "person P-GRANDMA is not a legal parent in any birth family of the case"
    );

    // A finding excusing reunification efforts names a parent too.
    let r = refuse(
        &mut case,
        ev(
            d(2024, 6, 3),
            EventData::CourtFinding(Finding::ReunificationEffortsNotRequired {
                parent: pid("P-PUTATIVE"),
                ground: AggravatedGround::AggravatedCircumstances,
            }),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::NotALegalParent]);

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
    let r = refuse(
        &mut case,
        parent_deceased(d(2024, 8, 1), "P-FATHER"),
        &FEDERAL,
    );
    assert_eq!(
        message(&r, 0),
        "the rights of person P-FATHER already ended: relinquished on 2024-07-01"
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
