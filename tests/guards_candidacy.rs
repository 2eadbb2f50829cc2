//! Family First candidacy in foster care (`src/rules/candidacy.rs`): a pregnant or parenting
//! youth in care is identified (SSA §471(e)(2)(B)); a child in care is never a candidate for
//! foster care (SSA §475(13)).
#![cfg(feature = "serde")]

mod common;

use common::*;
use permanency::*;

fn candidacy(date: chrono::NaiveDate, c: Candidacy) -> Event {
    ev(date, EventData::CandidacyIdentified(c))
}

#[test]
fn a_pregnant_or_parenting_youth_in_care_is_identified_in_every_stage_of_care() {
    // In care from 2024-01-10; identified 2024-02-01 in foster care, 2024-03-05 on a trial home
    // visit (stage reunification).
    let mut case = in_care();
    accept(
        &mut case,
        candidacy(d(2024, 2, 1), Candidacy::PregnantOrParentingYouth),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::FosterCare);
    assert_eq!(case.events().len(), 3);
    accept(&mut case, visit(d(2024, 3, 1), "P-2"), &FEDERAL);
    accept(
        &mut case,
        candidacy(d(2024, 3, 5), Candidacy::PregnantOrParentingYouth),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Reunification);

    // Placed for adoption 2024-07-01 after both parents' rights ended on 2024-06-03.
    let mut adoption = in_care();
    accept(&mut adoption, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
    accept(&mut adoption, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    accept(&mut adoption, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);
    accept(
        &mut adoption,
        placed_for_adoption(d(2024, 7, 1), "P-2", Setting::PreAdoptiveHome, "F-ADOPT"),
        &FEDERAL,
    );
    accept(
        &mut adoption,
        candidacy(d(2024, 8, 1), Candidacy::PregnantOrParentingYouth),
        &FEDERAL,
    );
    assert_eq!(adoption.stage(), Stage::Adoption);
}

#[test]
fn a_child_in_care_is_not_a_candidate_for_foster_care() {
    let mut case = in_care();
    let r = refuse(
        &mut case,
        candidacy(d(2024, 2, 1), Candidacy::FosterCareCandidate),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::CandidateInCare]);
    assert_eq!(
        message(&r, 0),
        "a child in foster care (stage foster_care) is not a candidate for foster care; in care only a pregnant or parenting youth is identified (pregnant_or_parenting_youth)"
    );
    assert!(RuleId::CandidateInCare.citation().contains("§475(13)"));

    // On a visit too.
    accept(&mut case, visit(d(2024, 3, 1), "P-2"), &FEDERAL);
    let r = refuse(
        &mut case,
        candidacy(d(2024, 3, 5), Candidacy::FosterCareCandidate),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::CandidateInCare]);

    // In preservation, before any removal, the same candidacy is accepted.
    let mut home = open_case();
    accept(
        &mut home,
        ev(
            d(2024, 1, 2),
            EventData::OpenPreservation(Candidacy::NotCandidate),
        ),
        &FEDERAL,
    );
    accept(
        &mut home,
        candidacy(d(2024, 1, 5), Candidacy::FosterCareCandidate),
        &FEDERAL,
    );
}
