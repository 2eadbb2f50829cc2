//! The adoption guards (`src/rules/adoption.rs`): placement for adoption and finalization need
//! every legal parent's rights ended, a plan whose goal is adoption and a pre-adoptive home; and
//! the ways a child in the adoption stage may still leave it.
//!
//! Each rule is refused with real dates (the exact rule ids and the exact message, the arithmetic
//! beside the expected value), next to the nearest history that is accepted; `common::refuse`
//! proves that a refused event leaves the case as it was. The cast (the child, F-BIRTH, F-REL,
//! F-FOSTER, F-ADOPT, F-GUARD) and the event builders are in `tests/common/mod.rs`.
#![cfg(feature = "serde")]

mod common;

use chrono::NaiveDate;
use common::*;
use permanency::*;

// ================================================================================================
// Adoption

fn pre_adoptive(date: NaiveDate) -> Event {
    placed_for_adoption(date, "P-2", Setting::PreAdoptiveHome, "F-ADOPT")
}

#[test]
fn a_legal_risk_placement_before_every_right_ended_but_no_finalization() {
    // Mother's rights terminated 2024-06-03, father's intact: placing for adoption on
    // 2024-07-01 is a legal-risk placement (concurrent planning, SSA §471(a)(15)(F)).
    let mut case = in_care();
    accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    accept(&mut case, plan(d(2024, 6, 10), Goal::Adoption), &FEDERAL);
    accept(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
    assert_eq!(case.stage(), Stage::Adoption);
    assert!(case.is_legal_risk(&plid("P-2")));
    assert!(!case.is_legal_risk(&plid("P-1")));
    let risky: Vec<&PlacementId> = case
        .legal_risk_placements()
        .iter()
        .map(|p| p.id())
        .collect();
    assert_eq!(risky, [&plid("P-2")]);

    // The finalization still needs every right ended, naming the father.
    let r = refuse(
        &mut case,
        ev(d(2025, 1, 6), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::ParentalRightsIntact]);
    assert_eq!(
        message(&r, 0),
        "adoption_finalized needs every legal parent's rights ended, found intact: P-FATHER"
    );
    assert_eq!(subjects(&r, 0), [Subject::Person(pid("P-FATHER"))]);

    // The father relinquishes in the adoption stage; the finalization follows.
    accept(&mut case, relinquished(d(2024, 9, 2), "P-FATHER"), &FEDERAL);
    assert_eq!(
        case.parental_rights(&pid("P-FATHER")),
        ParentalRights::Relinquished(d(2024, 9, 2))
    );
    accept(
        &mut case,
        ev(d(2025, 1, 6), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Adopted));
    // Still recorded as placed at legal risk.
    assert!(case.is_legal_risk(&plid("P-2")));

    // A placement after every right ended is not at legal risk.
    let mut free = in_care();
    accept(&mut free, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    accept(&mut free, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);
    accept(&mut free, plan(d(2024, 6, 10), Goal::Adoption), &FEDERAL);
    accept(&mut free, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
    assert!(free.legal_risk_placements().is_empty());
}

#[test]
fn placed_for_adoption_whatever_the_recorded_goal() {
    // Federal law makes only APPLA's age and the finalization's ended rights hard rules of the
    // plan (SSA §475(5)(C), §475A(a)): a placement for adoption with no plan recorded, or while
    // the plan still names reunification, happened, and is accepted.
    let mut no_plan = in_care();
    accept(&mut no_plan, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    accept(&mut no_plan, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);
    accept(&mut no_plan, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
    assert_eq!(no_plan.stage(), Stage::Adoption);

    // Concurrent planning: reunification first, adoption concurrent, a legal-risk placement.
    let mut concurrent = in_care();
    accept(
        &mut concurrent,
        ev(
            d(2024, 6, 10),
            EventData::PlanSet(
                Goals::new(Goal::Reunification, Some(Goal::Adoption), None).unwrap(),
            ),
        ),
        &FEDERAL,
    );
    accept(&mut concurrent, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
    assert!(concurrent.is_legal_risk(&plid("P-2")));
}

#[test]
fn placed_for_adoption_needs_an_adoptive_home() {
    let mut case = in_care();
    accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    accept(&mut case, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);
    accept(&mut case, plan(d(2024, 6, 10), Goal::Adoption), &FEDERAL);

    let r = refuse(
        &mut case,
        placed_for_adoption(
            d(2024, 7, 1),
            "P-2",
            Setting::NonRelativeFosterHome,
            "F-FOSTER",
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::NotAnAdoptiveHome]);
    assert_eq!(
        message(&r, 0),
        "placed_for_adoption needs a pre_adoptive_home with a family other than the birth family, found a non_relative_foster_home with family F-FOSTER of kind non_relative_foster"
    );
    assert_eq!(
        subjects(&r, 0),
        [
            Subject::Placement(plid("P-2")),
            Subject::Family(fid("F-FOSTER"))
        ]
    );

    accept(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
}

#[test]
fn finalized_names_every_parent_whose_rights_are_intact() {
    // Placed for adoption at legal risk, both parents' rights intact: the finalization is
    // refused, naming both parents in the one violation.
    let mut placed = in_care();
    accept(&mut placed, pre_adoptive(d(2024, 3, 1)), &FEDERAL);
    let r = refuse(
        &mut placed,
        ev(d(2024, 9, 1), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::ParentalRightsIntact]);
    assert_eq!(
        subjects(&r, 0),
        [
            Subject::Person(pid("P-MOTHER")),
            Subject::Person(pid("P-FATHER"))
        ]
    );
}

#[test]
fn the_accepted_path_to_an_adoption() {
    let mut case = in_care();
    accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    let before_father = case.clone();
    accept(
        &mut case,
        relinquished(d(2024, 6, 10), "P-FATHER"),
        &FEDERAL,
    );
    accept(&mut case, plan(d(2024, 6, 17), Goal::Adoption), &FEDERAL);
    accept(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
    assert_eq!(case.stage(), Stage::Adoption);
    assert!(
        case.legal_parents().iter().all(|p| p.rights.ended()),
        "{:?}",
        case.legal_parents()
    );

    // Finalization does not check the plan: a plan changed back to reunification before the
    // decree does not undo the decree the court entered.
    let mut changed_plan = case.clone();
    accept(
        &mut changed_plan,
        plan(d(2024, 10, 1), Goal::Reunification),
        &FEDERAL,
    );
    accept(
        &mut changed_plan,
        ev(d(2025, 1, 15), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(changed_plan.stage(), Stage::Exited(ExitReason::Adopted));

    accept(
        &mut case,
        ev(d(2025, 1, 15), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Adopted));
    assert_eq!(
        case.episodes()[0].exit(),
        Some(EpisodeExit::new(d(2025, 1, 15), ExitReason::Adopted))
    );
    assert_eq!(
        case.placements()[1].end(),
        Some(PlacementEnd::new(d(2025, 1, 15), EndReason::Discharged))
    );

    // The father's death ends his rights as well as a relinquishment.
    let mut case = before_father;
    accept(
        &mut case,
        parent_deceased(d(2024, 6, 10), "P-FATHER"),
        &FEDERAL,
    );
    accept(&mut case, plan(d(2024, 6, 17), Goal::Adoption), &FEDERAL);
    accept(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
    accept(
        &mut case,
        ev(d(2025, 1, 15), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Adopted));
}

// ================================================================================================
// Found in review: adoption without recorded parents, adoption from removal, exits from the
// adoption stage.

/// In care from 2024-01-10 in F-FOSTER, plan adoption, both legal parents' rights ended.
fn legally_free() -> Case {
    let mut case = in_care();
    accept(&mut case, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
    accept(&mut case, tpr(d(2024, 5, 1), "P-MOTHER"), &FEDERAL);
    accept(&mut case, tpr(d(2024, 5, 1), "P-FATHER"), &FEDERAL);
    case
}

#[test]
fn an_adoption_needs_a_recorded_legal_parent() {
    // No birth family at all: nothing shows any parent's rights ending.
    let families = vec![foster_family(), preadoptive_family()];
    let mut case = Case::new(child(), families).unwrap();
    let from_nowhere = Removal::new(Manner::CourtOrder);
    accept(
        &mut case,
        ev(d(2024, 1, 10), EventData::Removal(from_nowhere)),
        &FEDERAL,
    );
    accept(&mut case, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
    // The placement is accepted at legal risk (no right shown ended); the finalization is not.
    accept(
        &mut case,
        placed_for_adoption(d(2024, 6, 1), "P-9", Setting::PreAdoptiveHome, "F-ADOPT"),
        &FEDERAL,
    );
    assert!(case.is_legal_risk(&plid("P-9")));
    let r = refuse(
        &mut case,
        ev(d(2024, 12, 2), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::ParentalRightsIntact]);
    assert_eq!(
        message(&r, 0),
        "adoption_finalized needs every legal parent's rights ended, found no legal parent recorded; record the birth family's legal parents and how their rights ended"
    );
}

#[test]
fn a_child_can_be_placed_for_adoption_straight_from_removal() {
    // Removed 2024-01-10 with no placement yet; rights ended; placed directly for adoption.
    let mut case = open_case();
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    accept(&mut case, plan(d(2024, 1, 10), Goal::Adoption), &FEDERAL);
    accept(
        &mut case,
        relinquished(d(2024, 1, 12), "P-MOTHER"),
        &FEDERAL,
    );
    accept(
        &mut case,
        relinquished(d(2024, 1, 12), "P-FATHER"),
        &FEDERAL,
    );
    accept(
        &mut case,
        placed_for_adoption(d(2024, 1, 15), "P-9", Setting::PreAdoptiveHome, "F-ADOPT"),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Adoption);
    assert_eq!(case.placements().len(), 1);
}

#[test]
fn a_youth_awaiting_adoption_can_leave_care_otherwise() {
    // Born 2006-09-01: 18 on 2024-09-01, while in the pre-adoptive home since 2024-06-01.
    let mut case = Case::new(child_born(d(2006, 9, 1)), all_families()).unwrap();
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    accept(&mut case, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
    accept(&mut case, tpr(d(2024, 5, 1), "P-MOTHER"), &FEDERAL);
    accept(&mut case, tpr(d(2024, 5, 1), "P-FATHER"), &FEDERAL);
    accept(
        &mut case,
        placed_for_adoption(d(2024, 6, 1), "P-9", Setting::PreAdoptiveHome, "F-ADOPT"),
        &FEDERAL,
    );
    let r = refuse(
        &mut case,
        discharge(d(2024, 8, 31), Discharge::Emancipated),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::EmancipationAge]);
    accept(
        &mut case,
        discharge(d(2024, 9, 1), Discharge::Emancipated),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Emancipated));
    // A legally free child may also run away from the pre-adoptive home and come back.
    let mut free = legally_free();
    accept(
        &mut free,
        placed_for_adoption(d(2024, 6, 1), "P-9", Setting::PreAdoptiveHome, "F-ADOPT"),
        &FEDERAL,
    );
    accept(&mut free, ran_away(d(2024, 7, 1), "P-10"), &FEDERAL);
    accept(
        &mut free,
        returned(
            d(2024, 7, 3),
            "P-11",
            Setting::PreAdoptiveHome,
            Some("F-ADOPT"),
        ),
        &FEDERAL,
    );
    assert_eq!(free.stage(), Stage::Adoption);
}

// ================================================================================================
// Legal parents after an adoption, and a step-parent adoption

/// F-AP: the adoptive parents P-AP1 (Hal) and P-AP2 (Ivy), legal parents once they adopt.
fn adoptive_parents() -> Family {
    Family::builder(fid("F-AP"), FamilyKind::PreAdoptive)
        .member(
            member("P-AP1", "Hal", Relationship::AdoptiveParent)
                .legal_parent()
                .caregiver(),
        )
        .member(
            member("P-AP2", "Ivy", Relationship::AdoptiveParent)
                .legal_parent()
                .caregiver(),
        )
        .build()
        .unwrap()
}

/// Adopted by F-AP on 2021-01-15 (removed 2020-01-10, both birth parents' rights terminated
/// 2020-06-01, placed 2020-07-01), then removed again from F-AP on 2024-01-10 into F-FOSTER.
fn re_entered_after_adoption() -> Case {
    let mut families = all_families();
    families.push(adoptive_parents());
    let mut case = Case::new(child(), families).unwrap();
    accept(&mut case, removal(d(2020, 1, 10)), &FEDERAL);
    accept(
        &mut case,
        begin(
            d(2020, 1, 10),
            "P-1",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    accept(&mut case, plan(d(2020, 2, 1), Goal::Adoption), &FEDERAL);
    accept(&mut case, tpr(d(2020, 6, 1), "P-MOTHER"), &FEDERAL);
    accept(&mut case, tpr(d(2020, 6, 1), "P-FATHER"), &FEDERAL);
    accept(
        &mut case,
        placed_for_adoption(d(2020, 7, 1), "P-2", Setting::PreAdoptiveHome, "F-AP"),
        &FEDERAL,
    );
    // Before the finalization the birth parents are the legal parents.
    let before: Vec<PersonId> = case.legal_parents().into_iter().map(|p| p.person).collect();
    assert_eq!(before, [pid("P-MOTHER"), pid("P-FATHER")]);
    accept(
        &mut case,
        ev(d(2021, 1, 15), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(
        case.legal_parents(),
        [
            ParentStatus::new(pid("P-AP1"), fid("F-AP"), ParentalRights::Intact),
            ParentStatus::new(pid("P-AP2"), fid("F-AP"), ParentalRights::Intact),
        ]
    );
    accept(
        &mut case,
        ev(
            d(2024, 1, 10),
            EventData::Removal(Removal::new(Manner::CourtOrder).from_family(fid("F-AP"))),
        ),
        &FEDERAL,
    );
    accept(
        &mut case,
        begin(
            d(2024, 1, 10),
            "P-3",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    case
}

#[test]
fn after_an_adoption_the_adoptive_parents_are_the_legal_parents() {
    let mut case = re_entered_after_adoption();
    assert_eq!(case.episodes().len(), 2);
    // The birth side is no longer the child's parents: the putative father (never terminated)
    // cannot be named, and the birth mother neither (her rights ended 2020-06-01 too).
    let r = refuse(&mut case, tpr(d(2024, 2, 1), "P-PUTATIVE"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::NotALegalParent]);
    assert_eq!(
        message(&r, 0),
        "person P-PUTATIVE is not a legal parent or a putative father of the child in the case"
    );
    let r = refuse(&mut case, tpr(d(2024, 2, 1), "P-MOTHER"), &FEDERAL);
    assert_eq!(
        rules(&r),
        [RuleId::NotALegalParent, RuleId::ParentalRightsAlreadyEnded]
    );

    // A second adoption by F-ADOPT: placed 2024-03-01 at legal risk (both adoptive parents
    // intact); the finalization names each of them.
    accept(&mut case, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
    accept(
        &mut case,
        placed_for_adoption(d(2024, 3, 1), "P-4", Setting::PreAdoptiveHome, "F-ADOPT"),
        &FEDERAL,
    );
    assert!(case.is_legal_risk(&plid("P-4")));
    assert!(!case.is_legal_risk(&plid("P-2")));
    let r = refuse(
        &mut case,
        ev(d(2024, 9, 3), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::ParentalRightsIntact]);
    assert_eq!(
        message(&r, 0),
        "adoption_finalized needs every legal parent's rights ended, found intact: P-AP1, P-AP2"
    );
    assert_eq!(subjects(&r, 0), [person("P-AP1"), person("P-AP2")]);

    // The adoptive parents' rights end in the adoption stage: a TPR and a relinquishment.
    accept(&mut case, tpr(d(2024, 5, 1), "P-AP1"), &FEDERAL);
    accept(&mut case, relinquished(d(2024, 5, 1), "P-AP2"), &FEDERAL);
    accept(
        &mut case,
        ev(d(2024, 9, 3), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Adopted));
    assert_eq!(
        case.episodes()[1].exit(),
        Some(EpisodeExit::new(d(2024, 9, 3), ExitReason::Adopted))
    );
    // F-ADOPT's record names no legal parent yet; once recorded, P-ADOPT is the legal parent.
    assert!(case.legal_parents().is_empty());
    let adopted = Family::builder(fid("F-ADOPT"), FamilyKind::Adoptive)
        .member(
            member("P-ADOPT", "Fay", Relationship::AdoptiveParent)
                .legal_parent()
                .caregiver(),
        )
        .build()
        .unwrap();
    accept(&mut case, recorded(d(2024, 9, 10), adopted), &FEDERAL);
    assert_eq!(
        case.legal_parents(),
        [ParentStatus::new(
            pid("P-ADOPT"),
            fid("F-ADOPT"),
            ParentalRights::Intact
        )]
    );
}

#[test]
fn a_step_parent_adoption_keeps_the_parent_s_rights() {
    // F-STEP: the mother (P-MOTHER) and her husband P-STEP (Jon), who adopts. The father's
    // rights terminated 2024-06-03; the mother's stay intact.
    let step = Family::builder(fid("F-STEP"), FamilyKind::PreAdoptive)
        .member(
            member("P-MOTHER", "Ann", Relationship::Mother)
                .legal_parent()
                .caregiver(),
        )
        .member(
            member("P-STEP", "Jon", Relationship::AdoptiveParent)
                .legal_parent()
                .caregiver(),
        )
        .build()
        .unwrap();
    let mut families = all_families();
    families.push(step);
    let mut case = Case::new(child(), families).unwrap();
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    accept(&mut case, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
    accept(&mut case, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);
    accept(
        &mut case,
        placed_for_adoption(d(2024, 7, 1), "P-2", Setting::PreAdoptiveHome, "F-STEP"),
        &FEDERAL,
    );
    // Not at legal risk: the only intact parent is of the adopting family.
    assert!(case.legal_risk_placements().is_empty());
    accept(
        &mut case,
        ev(d(2025, 1, 6), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Adopted));
    assert_eq!(
        case.legal_parents(),
        [
            ParentStatus::new(pid("P-MOTHER"), fid("F-STEP"), ParentalRights::Intact),
            ParentStatus::new(pid("P-STEP"), fid("F-STEP"), ParentalRights::Intact),
        ]
    );

    // Without the mother in the adopting family the same finalization names her.
    let mut other = Case::new(child(), all_families()).unwrap();
    accept(&mut other, removal(d(2024, 1, 10)), &FEDERAL);
    accept(&mut other, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
    accept(&mut other, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);
    accept(
        &mut other,
        placed_for_adoption(d(2024, 7, 1), "P-2", Setting::PreAdoptiveHome, "F-ADOPT"),
        &FEDERAL,
    );
    let r = refuse(
        &mut other,
        ev(d(2025, 1, 6), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(
        message(&r, 0),
        "adoption_finalized needs every legal parent's rights ended, found intact: P-MOTHER"
    );
}

#[test]
fn a_parent_recorded_in_a_relatives_household_is_a_parent_an_adoption_needs() {
    // The father is the birth family's legal parent; the mother lives with the grandmother and
    // is recorded in her household, marked a legal parent. Her rights are the adoption's too
    // (SSA §475(2): "biological or adoptive parents"): her termination is accepted, and until
    // it the finalization is refused naming her.
    let birth = Family::builder(fid("F-BIRTH"), FamilyKind::Birth)
        .member(
            member("P-FATHER", "Bob", Relationship::Father)
                .legal_parent()
                .caregiver(),
        )
        .build()
        .unwrap();
    let grandmother = Family::builder(fid("F-REL"), FamilyKind::Relative)
        .member(member("P-GRANDMA", "Dora", Relationship::Grandparent).caregiver())
        .member(member("P-MOTHER", "Ann", Relationship::Mother).legal_parent())
        .build()
        .unwrap();
    let families = vec![birth, grandmother, foster_family(), preadoptive_family()];
    let mut case = Case::new(child(), families).unwrap();
    for e in [
        removal(d(2024, 1, 10)),
        ctw(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        tpr(d(2024, 6, 3), "P-FATHER"),
        plan(d(2024, 6, 10), Goal::Adoption),
        pre_adoptive(d(2024, 7, 1)),
    ] {
        accept(&mut case, e, &FEDERAL);
    }
    assert!(case.is_legal_risk(&plid("P-2")));
    let r = refuse(
        &mut case,
        ev(d(2025, 1, 15), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::ParentalRightsIntact]);
    assert_eq!(subjects(&r, 0), [Subject::Person(pid("P-MOTHER"))]);
    accept(&mut case, tpr(d(2024, 12, 2), "P-MOTHER"), &FEDERAL);
    accept(
        &mut case,
        ev(d(2025, 1, 15), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Adopted));
}

#[test]
fn a_decree_for_a_child_whose_adoptive_home_was_keyed_as_a_move() {
    // A legacy record: in F-FOSTER (P-1) from 2024-01-10; moved into F-ADOPT's pre-adoptive
    // home (P-2) on 2024-03-01 by a placement change, as the old system keyed
    // every move; both parents' rights ended 2024-06-03; the decree on 2024-09-03. The child
    // was in a pre-adoptive home when it was entered: accepted, the episode ends adopted.
    let mut case = in_care();
    accept(
        &mut case,
        change(
            d(2024, 3, 1),
            "P-2",
            Setting::PreAdoptiveHome,
            Some("F-ADOPT"),
        ),
        &FEDERAL,
    );
    accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    let before_fathers = case.clone();
    accept(&mut case, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);
    accept(
        &mut case,
        ev(d(2024, 9, 3), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Adopted));
    assert_eq!(
        case.episodes()[0].exit(),
        Some(EpisodeExit::new(d(2024, 9, 3), ExitReason::Adopted))
    );
    // The father's rights intact: refused, however the home was keyed.
    let mut intact = before_fathers;
    let r = refuse(
        &mut intact,
        ev(d(2024, 9, 3), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::ParentalRightsIntact]);
    // In a foster home, not a pre-adoptive one: refused.
    let mut foster = in_care();
    accept(&mut foster, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    accept(&mut foster, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);
    let r = refuse(
        &mut foster,
        ev(d(2024, 9, 3), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::NotAnAdoptiveHome]);
}
