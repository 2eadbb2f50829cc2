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
fn placed_for_adoption_with_a_parent_s_rights_intact() {
    let mut case = in_care();
    accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    accept(&mut case, plan(d(2024, 6, 10), Goal::Adoption), &FEDERAL);

    let r = refuse(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::ParentalRightsIntact]);
    assert_eq!(
        message(&r, 0),
        "placed_for_adoption needs every legal parent's rights ended, found intact: P-FATHER"
    );
    assert_eq!(subjects(&r, 0), [Subject::Person(pid("P-FATHER"))]);

    accept(&mut case, relinquished(d(2024, 7, 1), "P-FATHER"), &FEDERAL);
    accept(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
    assert_eq!(case.stage(), Stage::Adoption);
}

#[test]
fn placed_for_adoption_needs_the_goal_adoption() {
    let mut case = in_care();
    accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    accept(&mut case, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);

    let r = refuse(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::GoalNotAdoption]);
    assert_eq!(
        message(&r, 0),
        "placed_for_adoption needs a plan whose primary goal is adoption, found no plan"
    );

    accept(
        &mut case,
        plan(d(2024, 6, 10), Goal::Reunification),
        &FEDERAL,
    );
    let r = refuse(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::GoalNotAdoption]);
    assert_eq!(
        message(&r, 0),
        "placed_for_adoption needs a plan whose primary goal is adoption, found reunification"
    );

    accept(&mut case, plan(d(2024, 6, 24), Goal::Adoption), &FEDERAL);
    accept(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
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
        "placed_for_adoption needs a pre_adoptive_home with a pre_adoptive or adoptive family, found a non_relative_foster_home with family F-FOSTER of kind non_relative_foster"
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
fn placed_for_adoption_says_every_reason_at_once() {
    let mut case = in_care();
    accept(
        &mut case,
        plan(d(2024, 2, 1), Goal::Reunification),
        &FEDERAL,
    );
    let r = refuse(
        &mut case,
        placed_for_adoption(
            d(2024, 3, 1),
            "P-2",
            Setting::NonRelativeFosterHome,
            "F-FOSTER",
        ),
        &FEDERAL,
    );
    assert_eq!(
        rules(&r),
        [
            RuleId::ParentalRightsIntact,
            RuleId::GoalNotAdoption,
            RuleId::NotAnAdoptiveHome
        ]
    );
    assert_eq!(
        message(&r, 0),
        "placed_for_adoption needs every legal parent's rights ended, found intact: P-MOTHER, P-FATHER"
    );
    assert_eq!(
        subjects(&r, 0),
        [
            Subject::Person(pid("P-MOTHER")),
            Subject::Person(pid("P-FATHER"))
        ]
    );
    assert_eq!(
        message(&r, 1),
        "placed_for_adoption needs a plan whose primary goal is adoption, found reunification"
    );
    assert_eq!(r.violations().len(), 3);
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

    // Finalization checks the plan again.
    let mut changed_plan = case.clone();
    accept(
        &mut changed_plan,
        plan(d(2024, 10, 1), Goal::Reunification),
        &FEDERAL,
    );
    let r = refuse(
        &mut changed_plan,
        ev(d(2025, 1, 15), EventData::AdoptionFinalized),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::GoalNotAdoption]);
    assert_eq!(
        message(&r, 0),
        "adoption_finalized needs a plan whose primary goal is adoption, found reunification"
    );

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
    let r = refuse(
        &mut case,
        placed_for_adoption(d(2024, 6, 1), "P-9", Setting::PreAdoptiveHome, "F-ADOPT"),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::ParentalRightsIntact]);
    assert_eq!(
        message(&r, 0),
        "placed_for_adoption needs every legal parent's rights ended, found no legal parent recorded; record the birth family's legal parents and how their rights ended"
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
