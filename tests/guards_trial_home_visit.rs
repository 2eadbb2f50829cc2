//! The trial home visit guards (`src/rules/trial_home_visit.rs`): a visit only toward
//! reunification (primary or concurrent goal) and home to a parent or legal guardian; a runaway
//! from a visit returns as usual; a death after an over-long visit follows its deemed exit; within its limit a return is the same episode and a
//! removal is refused, after it a return is a new removal; a court extension needs a visit under
//! way, a later end, and an order before the limit passed; after an over-long visit a discharge
//! can only record reunification.
//!
//! Each rule is refused with real dates (the exact rule ids and the exact message, the arithmetic
//! beside the expected value), next to the nearest history that is accepted; `common::refuse`
//! proves that a refused event leaves the case as it was. The cast (the child, F-BIRTH, F-REL,
//! F-FOSTER, F-ADOPT, F-GUARD) and the event builders are in `tests/common/mod.rs`.
#![cfg(feature = "serde")]

mod common;

use common::*;
use permanency::policy::OverlongVisitExit;
use permanency::*;

// ================================================================================================
// Trial home visits

/// In care from 2023-09-01 (P-1 in F-FOSTER), home on a trial visit (P-2) from 2024-01-15.
/// Under the federal policy the visit may last 6 months: 2024-01-15 + 6 months = 2024-07-15
/// is the first day beyond the limit.
fn visiting(policy: &Policy) -> Case {
    let mut case = open_case();
    accept(&mut case, removal(d(2023, 9, 1)), policy);
    accept(
        &mut case,
        begin(
            d(2023, 9, 1),
            "P-1",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        policy,
    );
    accept(&mut case, visit(d(2024, 1, 15), "P-2"), policy);
    assert_eq!(case.stage(), Stage::Reunification);
    case
}

#[test]
fn a_visit_is_accepted_whatever_the_recorded_goal() {
    // Federal law limits a visit's length (45 CFR 1356.21(e)), not the plan it serves: a visit
    // the court orders while the recorded plan is stale happened all the same. No plan, adoption
    // alone, adoption with guardianship concurrent: each visit is accepted.
    let case = in_care();
    let mut no_plan = case.clone();
    accept(&mut no_plan, visit(d(2024, 3, 1), "P-2"), &FEDERAL);
    assert_eq!(no_plan.stage(), Stage::Reunification);

    let mut adoption = case.clone();
    accept(&mut adoption, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
    accept(&mut adoption, visit(d(2024, 3, 1), "P-2"), &FEDERAL);
    assert_eq!(adoption.stage(), Stage::Reunification);

    let mut neither = case;
    let goals = Goals::new(Goal::Adoption, Some(Goal::LegalGuardianship), None).unwrap();
    accept(
        &mut neither,
        ev(d(2024, 2, 15), EventData::PlanSet(goals)),
        &FEDERAL,
    );
    // The plan and the visit on one day, in either order of entry.
    let goals = Goals::new(Goal::Adoption, None, None).unwrap();
    let mut visit_first = neither.clone();
    accept(&mut visit_first, visit(d(2024, 3, 1), "P-2"), &FEDERAL);
    accept(
        &mut visit_first,
        ev(d(2024, 3, 1), EventData::PlanSet(goals.clone())),
        &FEDERAL,
    );
    let mut plan_first = neither;
    accept(
        &mut plan_first,
        ev(d(2024, 3, 1), EventData::PlanSet(goals)),
        &FEDERAL,
    );
    accept(&mut plan_first, visit(d(2024, 3, 1), "P-2"), &FEDERAL);
    assert_eq!(visit_first.stage(), plan_first.stage());
    assert_eq!(plan_first.stage(), Stage::Reunification);
}

#[test]
fn a_visit_is_with_a_parent_or_legal_guardian() {
    let mut case = in_care();
    let r = refuse(
        &mut case,
        ev(
            d(2024, 3, 1),
            EventData::TrialHomeVisitBegun(HomeVisit::new(plid("P-2"), fid("F-REL"))),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::VisitNotWithParents]);
    assert_eq!(
        message(&r, 0),
        "a trial home visit needs a trial_home_visit setting in the home of a parent or legal guardian (a birth family, the household the child was removed from, or a family with a legal parent or legal guardian of the child), found a trial_home_visit with family F-REL of kind relative"
    );
    assert_eq!(subjects(&r, 0), [Subject::Placement(plid("P-2"))]);

    // A visit's payload holds only the trial-home-visit setting: a relative foster home is not
    // one, and a 0.1 record that gives one does not load.
    let relative_home = np("P-2", Setting::RelativeFosterHome, Some("F-REL"));
    assert_eq!(
        HomeVisit::try_from(relative_home).unwrap_err().to_string(),
        "placement P-2: a relative_foster_home setting is not a trial home visit's setting (trial_home_visit)"
    );
    assert!(serde_json::from_str::<Event>(
        r#"{"date":"2024-03-01","what":{"trial_home_visit_begun":{"id":"P-2","setting":"relative_foster_home","caregiver":"F-REL"}}}"#
    )
    .is_err());

    accept(&mut case, visit(d(2024, 3, 1), "P-2"), &FEDERAL);
}

/// F-GUARD, the household of the child's legal guardian (P-GUARD, Gus).
fn legal_guardian_home(legal_parent: bool) -> Family {
    let m = member("P-GUARD", "Gus", Relationship::LegalGuardian).caregiver();
    Family::builder(fid("F-GUARD"), FamilyKind::Guardian)
        .member(if legal_parent { m.legal_parent() } else { m })
        .build()
        .unwrap()
}

#[test]
fn a_visit_home_to_the_legal_guardian_the_child_was_removed_from() {
    // Removed 2024-01-10 from F-GUARD, the guardian's household (not a birth family); a visit
    // home there on 2024-03-01 is a return home (45 CFR 1356.21(e)).
    let families = vec![birth_family(), foster_family(), guardian_family()];
    let mut case = Case::new(child(), families).unwrap();
    accept(
        &mut case,
        ev(
            d(2024, 1, 10),
            EventData::Removal(Removal::new(Manner::CourtOrder).from_family(fid("F-GUARD"))),
        ),
        &FEDERAL,
    );
    accept(
        &mut case,
        begin(
            d(2024, 1, 10),
            "P-1",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    accept(
        &mut case,
        ev(
            d(2024, 3, 1),
            EventData::TrialHomeVisitBegun(HomeVisit::new(plid("P-2"), fid("F-GUARD"))),
        ),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Reunification);
    assert_eq!(
        case.current_placement().unwrap().caregiver(),
        Some(&fid("F-GUARD"))
    );
}

#[test]
fn a_visit_to_any_family_of_a_legal_guardian_or_legal_parent() {
    // Removed from F-BIRTH; F-GUARD holds a legal guardian (as a relationship, and then as a
    // legal-parent member): both accepted. A guardian family with neither is refused.
    for (guardian, accepted) in [
        (legal_guardian_home(false), true),
        (legal_guardian_home(true), true),
        (guardian_family(), false),
    ] {
        let families = vec![birth_family(), foster_family(), guardian];
        let mut case = Case::new(child(), families).unwrap();
        accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
        accept(
            &mut case,
            begin(
                d(2024, 1, 10),
                "P-1",
                Setting::NonRelativeFosterHome,
                Some("F-FOSTER"),
            ),
            &FEDERAL,
        );
        let home = ev(
            d(2024, 3, 1),
            EventData::TrialHomeVisitBegun(HomeVisit::new(plid("P-2"), fid("F-GUARD"))),
        );
        if accepted {
            accept(&mut case, home, &FEDERAL);
            assert_eq!(case.stage(), Stage::Reunification);
        } else {
            let r = refuse(&mut case, home, &FEDERAL);
            assert_eq!(rules(&r), [RuleId::VisitNotWithParents]);
        }
    }
}

// ================================================================================================
// Runaway from a visit (the agency keeps placement and care responsibility, DOMAIN §2.7)

#[test]
fn a_runaway_from_a_visit_ends_the_visit_and_returns_as_usual() {
    // Visit from 2024-01-15 (limit: 2024-07-15); ran away 2024-03-05, back 2024-03-20.
    let mut case = visiting(&FEDERAL);
    accept(&mut case, ran_away(d(2024, 3, 5), "P-3"), &FEDERAL);
    assert_eq!(case.stage(), Stage::FosterCare);
    let visit = case.placement(&plid("P-2")).unwrap();
    assert_eq!(
        visit.end(),
        Some(PlacementEnd::new(d(2024, 3, 5), EndReason::Replaced))
    );
    let run = case.current_placement().unwrap();
    assert_eq!(
        (run.id(), run.setting(), run.start()),
        (&plid("P-3"), Setting::Runaway, d(2024, 3, 5))
    );
    assert_eq!(case.episodes().len(), 1);
    assert_eq!(case.episodes()[0].exit(), None);

    accept(
        &mut case,
        returned_to_foster(d(2024, 3, 20), "P-4"),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::FosterCare);
    assert_eq!(case.episodes().len(), 1);
    // Neither the visit nor the runaway is a setting (CWPM 1.2B.7), and P-4 is F-FOSTER again,
    // P-1's home: no move.
    assert_eq!(case.placement_moves(&case.episodes()[0]), 0);
}

#[test]
fn a_runaway_after_the_visit_outlived_its_limit_is_refused() {
    // Visit from 2024-01-15: 2024-07-15 is the first day beyond; a runaway on 2024-07-15 is in
    // time, on 2024-07-16 the episode had already ended.
    let mut case = visiting(&FEDERAL);
    let mut in_time = case.clone();
    accept(&mut in_time, ran_away(d(2024, 7, 15), "P-3"), &FEDERAL);
    let r = refuse(&mut case, ran_away(d(2024, 7, 16), "P-3"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::VisitOutlivedLimit]);
    assert_eq!(
        message(&r, 0),
        "the trial home visit begun 2024-01-15 outlived its limit on 2024-07-15, which ended the episode; a runaway on 2024-07-16 is not from foster care: record a removal with new findings when the child re-enters care"
    );
}

// ================================================================================================
// Death after an over-long visit

#[test]
fn a_death_during_an_authorized_visit_is_a_death_in_care() {
    // Visit from 2024-01-15; died 2024-07-15, the first day beyond (the child may still be
    // back that day): a death in foster care.
    let mut case = visiting(&FEDERAL);
    accept(&mut case, ev(d(2024, 7, 15), EventData::Death), &FEDERAL);
    assert_eq!(case.stage(), Stage::Deceased);
    assert_eq!(
        case.episodes()[0].exit(),
        Some(EpisodeExit::new(d(2024, 7, 15), ExitReason::Death))
    );
    assert_eq!(
        case.placements()[1].end(),
        Some(PlacementEnd::new(d(2024, 7, 15), EndReason::Died))
    );
}

#[test]
fn a_death_after_an_over_long_visit_follows_the_deemed_exit() {
    // Visit from 2024-01-15: 2024-01-15 + 6 months = 2024-07-15 is the first day beyond; died
    // 2024-08-01. The episode ended in reunification on 2024-07-15 (the default reading) or on
    // 2024-01-15 (back-dated to the visit's start); the death comes after it.
    let back_dated = Policy::federal().with_overlong_visit_exit(OverlongVisitExit::VisitStart);
    for (policy, exit) in [
        (Policy::federal(), d(2024, 7, 15)),
        (back_dated, d(2024, 1, 15)),
    ] {
        let mut case = visiting(&policy);
        accept(&mut case, ev(d(2024, 8, 1), EventData::Death), &policy);
        assert_eq!(case.stage(), Stage::Deceased);
        assert_eq!(case.episodes().len(), 1);
        assert_eq!(
            case.episodes()[0].exit(),
            Some(EpisodeExit::new(exit, ExitReason::Reunified))
        );
        // Events: removal 0, placement 1, visit 2, death 3.
        assert_eq!(case.episodes()[0].exit_event(), Some(3));
        assert_eq!(
            case.placements()[1].end(),
            Some(PlacementEnd::new(exit, EndReason::LimitExceeded))
        );
    }
}

#[test]
fn a_child_found_on_runaway_may_go_straight_home_on_a_visit() {
    // In F-FOSTER (P-1) from 2024-01-10; ran away 2024-02-01 (P-2); found on 2024-03-01 and
    // taken home to F-BIRTH on a trial home visit (P-3) that day. The visit is the only true
    // record of the day: a "return" to a foster home first would be a placement that never
    // was. The visit ends the runaway: P-2 ends 2024-03-01, replaced, and the stage is the
    // visit's.
    let mut case = in_care();
    accept(&mut case, ran_away(d(2024, 2, 1), "P-2"), &FEDERAL);
    accept(&mut case, visit(d(2024, 3, 1), "P-3"), &FEDERAL);
    assert_eq!(case.stage(), Stage::Reunification);
    assert_eq!(
        case.placements()[1].end(),
        Some(PlacementEnd::new(d(2024, 3, 1), EndReason::Replaced))
    );
    assert_eq!(case.placements()[2].setting(), Setting::TrialHomeVisit);
    // Back to a foster home when the visit ends (2024-04-01): a runaway and a visit are not
    // placement settings, so F-FOSTER again is the same setting as before (one setting).
    accept(&mut case, visit_ended(d(2024, 4, 1), "P-4"), &FEDERAL);
    assert_eq!(case.stage(), Stage::FosterCare);
    assert_eq!(case.placement_moves(&case.episodes()[0]), 0);
}

#[test]
fn a_return_within_the_limit_is_the_same_episode() {
    let mut case = visiting(&FEDERAL);

    // 2024-01-15 + 6 months = 2024-07-15, the first day beyond the limit; a return on
    // 2024-07-16 means the child was home on 2024-07-15 too.
    let r = refuse(&mut case, visit_ended(d(2024, 7, 16), "P-3"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::VisitOutlivedLimit]);
    assert_eq!(
        message(&r, 0),
        "the trial home visit begun 2024-01-15 outlived its limit on 2024-07-15; a return on 2024-07-16 is a new removal: record a removal with new findings"
    );

    // A return on 2024-07-15: home 2024-01-15 ..= 2024-07-14, six months exactly.
    accept(&mut case, visit_ended(d(2024, 7, 15), "P-3"), &FEDERAL);
    assert_eq!(case.stage(), Stage::FosterCare);
    assert_eq!(case.episodes().len(), 1);
    assert_eq!(case.episodes()[0].exit(), None);
    assert_eq!(
        case.placements()[1].end(),
        Some(PlacementEnd::new(d(2024, 7, 15), EndReason::Replaced))
    );
    // Back to the same foster family: the visit is not a setting, the return is not a move.
    assert_eq!(case.placement_moves(&case.episodes()[0]), 0);
}

#[test]
fn a_removal_during_a_visit_is_a_re_entry_only_after_the_limit() {
    let mut case = visiting(&FEDERAL);

    let r = refuse(&mut case, removal(d(2024, 3, 1)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::VisitWithinLimit]);
    // 2024-07-15 (first day beyond) − 1 day = 2024-07-14, the last authorized day.
    assert_eq!(
        message(&r, 0),
        "the trial home visit begun 2024-01-15 is authorized through 2024-07-14 (the child may be back in care on 2024-07-15); use trial_home_visit_ended to return the child to care"
    );
    // On the first day beyond, the child can still return within the visit.
    let r = refuse(&mut case, removal(d(2024, 7, 15)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::VisitWithinLimit]);

    let history: Vec<Event> = case.events().to_vec();
    accept(&mut case, removal(d(2024, 7, 16)), &FEDERAL);
    assert_eq!(case.stage(), Stage::FosterCare);
    assert_eq!(case.episodes().len(), 2);
    // Default policy: the first episode ended on the first day beyond the limit,
    // 2024-01-15 + 6 months = 2024-07-15.
    assert_eq!(
        case.episodes()[0].exit(),
        Some(EpisodeExit::new(d(2024, 7, 15), ExitReason::Reunified))
    );
    // The visit (P-2) ended on the same day.
    assert_eq!(
        case.placements()[1].end().map(|e| e.date),
        Some(d(2024, 7, 15))
    );
    let second = &case.episodes()[1];
    assert!(second.is_reentry());
    assert_eq!(second.number(), 2);
    assert_eq!(second.removal_date(), d(2024, 7, 16));
    assert_eq!(case.current_placement(), None);

    // Back-dating policy: the same history ends the first episode on the visit's start.
    let back_dated = Policy::federal().with_overlong_visit_exit(OverlongVisitExit::VisitStart);
    let replayed = Case::replay(
        child(),
        all_families(),
        history.into_iter().chain([removal(d(2024, 7, 16))]),
        &back_dated,
    )
    .unwrap();
    assert_eq!(replayed.episodes().len(), 2);
    assert_eq!(
        replayed.episodes()[0].exit(),
        Some(EpisodeExit::new(d(2024, 1, 15), ExitReason::Reunified))
    );
}

#[test]
fn a_court_extension_allows_a_later_return() {
    let mut case = visiting(&FEDERAL);
    let unextended = case.clone();

    // Ordered on 2024-07-01, before the limit, through 2024-09-30.
    accept(&mut case, extended(d(2024, 7, 1), d(2024, 9, 30)), &FEDERAL);
    assert_eq!(case.visit_extended_until(), Some(d(2024, 9, 30)));

    // 2024-09-30 + 1 day = 2024-10-01 is now the first day beyond (later than 2024-07-15).
    let r = refuse(&mut case, visit_ended(d(2024, 10, 2), "P-3"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::VisitOutlivedLimit]);
    assert_eq!(
        message(&r, 0),
        "the trial home visit begun 2024-01-15 outlived its limit on 2024-10-01; a return on 2024-10-02 is a new removal: record a removal with new findings"
    );
    let r = refuse(&mut case, removal(d(2024, 10, 1)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::VisitWithinLimit]);
    assert_eq!(
        message(&r, 0),
        "the trial home visit begun 2024-01-15 is authorized through 2024-09-30 (the child may be back in care on 2024-10-01); use trial_home_visit_ended to return the child to care"
    );

    // Without the extension the same return is refused.
    let mut unextended = unextended;
    let r = refuse(
        &mut unextended,
        visit_ended(d(2024, 10, 1), "P-3"),
        &FEDERAL,
    );
    assert_eq!(
        message(&r, 0),
        "the trial home visit begun 2024-01-15 outlived its limit on 2024-07-15; a return on 2024-10-01 is a new removal: record a removal with new findings"
    );

    accept(&mut case, visit_ended(d(2024, 10, 1), "P-3"), &FEDERAL);
    assert_eq!(case.episodes().len(), 1);
    assert_eq!(case.visit_extended_until(), Some(d(2024, 9, 30)));
}

#[test]
fn an_extension_needs_a_visit_under_way_and_a_later_end() {
    // In foster care with no visit under way the order sets the next visit's period: it
    // needs only an end on or after its own date.
    let mut case = in_care();
    let r = refuse(&mut case, extended(d(2024, 3, 1), d(2024, 2, 29)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::VisitExtension]);
    assert_eq!(
        message(&r, 0),
        "a visit extension needs an end on or after 2024-03-01, found 2024-02-29"
    );
    accept(&mut case, extended(d(2024, 3, 1), d(2024, 9, 30)), &FEDERAL);

    let mut case = visiting(&FEDERAL);
    let r = refuse(&mut case, extended(d(2024, 7, 1), d(2024, 6, 30)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::VisitExtension]);
    assert_eq!(
        message(&r, 0),
        "a visit extension needs an end on or after 2024-07-01, found 2024-06-30"
    );
    accept(&mut case, extended(d(2024, 7, 1), d(2024, 7, 1)), &FEDERAL);
}

#[test]
fn an_extension_after_the_limit_cannot_revive_the_visit() {
    let mut case = visiting(&FEDERAL);
    // The limit passed on 2024-07-15 (2024-01-15 + 6 months); an order of 2024-08-01 comes
    // too late to authorize the days in between.
    let r = refuse(&mut case, extended(d(2024, 8, 1), d(2024, 9, 30)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::VisitExtension]);
    assert_eq!(
        message(&r, 0),
        "the trial home visit begun 2024-01-15 outlived its limit on 2024-07-15; an extension ordered 2024-08-01 cannot revive it"
    );
    // An order on the first day beyond the limit is still in time, as a return that day is.
    accept(
        &mut case,
        extended(d(2024, 7, 15), d(2024, 9, 30)),
        &FEDERAL,
    );
}

// ================================================================================================
// Found in review: a discharge after an over-long visit.

#[test]
fn after_an_over_long_visit_a_discharge_can_only_record_reunification() {
    // Visit from 2024-01-15 (see `visiting`): 2024-01-15 + 6 months =
    // 2024-07-15 is the first day beyond the limit.
    let mut case = open_case();
    accept(&mut case, removal(d(2023, 9, 1)), &FEDERAL);
    accept(
        &mut case,
        begin(
            d(2023, 9, 1),
            "P-1",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    accept(&mut case, visit(d(2024, 1, 15), "P-2"), &FEDERAL);
    let r = refuse(
        &mut case,
        discharge(d(2024, 8, 1), Discharge::TransferredToAnotherAgency),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::VisitOutlivedLimit]);
    assert_eq!(
        message(&r, 0),
        "the trial home visit begun 2024-01-15 outlived its limit on 2024-07-15, which ended the episode in reunification; a discharge on 2024-08-01 can only give the reason reunified, found transferred_to_another_agency"
    );
    // Within the limit any reason may end the visit; after it, reunification, dated back.
    let mut in_time = case.clone();
    accept(
        &mut in_time,
        discharge(d(2024, 7, 15), Discharge::TransferredToAnotherAgency),
        &FEDERAL,
    );
    accept(
        &mut case,
        discharge(d(2024, 8, 1), Discharge::reunified()),
        &FEDERAL,
    );
    let exit = case.episodes()[0].exit().unwrap();
    assert_eq!(
        (exit.date, exit.reason),
        (d(2024, 7, 15), ExitReason::Reunified)
    );
}

#[test]
fn a_tpr_exception_may_be_documented_during_a_visit() {
    // A compelling reason not to file (SSA §475(5)(E)(ii)) documented while the child is home
    // on a trial visit: the case plan records it whatever the child's setting, as a petition
    // may be filed then.
    let mut case = Case::new(child(), all_families()).unwrap();
    for e in [
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        visit(d(2024, 3, 1), "V-1"),
        exception(d(2024, 4, 1), TprException::CompellingReason),
    ] {
        accept(&mut case, e, &FEDERAL);
    }
    assert_eq!(case.events().len(), 4);
}

#[test]
fn a_visit_to_parents_whose_rights_all_ended_is_not_a_return_home() {
    // In care from 2024-01-10, removed from F-BIRTH. Both parents' rights are terminated on
    // 2024-06-03; a "visit" with them on 2024-08-01 is not a return home to a parent (45 CFR
    // 1356.21(e); SSA §475(2)): refused, the stay is recorded as a placement instead.
    let mut case = in_care();
    accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    let mut one_left = case.clone();
    accept(&mut case, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);
    let r = refuse(&mut case, visit(d(2024, 8, 1), "P-2"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::VisitNotWithParents]);
    assert_eq!(
        message(&r, 0),
        "a trial home visit is a return home to a parent or legal guardian; the rights of every legal parent in family F-BIRTH (P-MOTHER, P-FATHER) had ended by 2024-08-01: record the stay as a placement with the family"
    );
    assert_eq!(subjects(&r, 0), [Subject::Placement(plid("P-2"))]);
    // With the father's rights intact the same visit is a return home to him.
    accept(&mut one_left, visit(d(2024, 8, 1), "P-2"), &FEDERAL);
    assert_eq!(one_left.stage(), Stage::Reunification);
    // And keyed late: the father's termination dated 2024-07-01, before the visit already
    // recorded, would leave that visit with no parent: refused, naming the visit.
    let r = refuse(&mut one_left, tpr(d(2024, 7, 1), "P-FATHER"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::LaterEventRefused]);
    // Terminated after the visit began (2024-09-02, during it): the visit stands.
    accept(&mut one_left, tpr(d(2024, 9, 2), "P-FATHER"), &FEDERAL);
}

/// F-ADOPT after the decree: P-ADOPT (Fay), the adoptive parent.
fn adoptive() -> Family {
    Family::builder(fid("F-ADOPT"), FamilyKind::Adoptive)
        .member(
            member("P-ADOPT", "Fay", Relationship::AdoptiveParent)
                .legal_parent()
                .caregiver(),
        )
        .build()
        .unwrap()
}

#[test]
fn after_an_adoption_the_birth_family_is_no_longer_home() {
    // Adopted by F-ADOPT (P-ADOPT) on 2021-01-15 after both birth parents' rights were
    // terminated on 2020-06-01; removed from F-ADOPT on 2024-01-10. A visit home is with the
    // adoptive parent, not the former birth parents.
    let mut case = Case::new(child(), all_families()).unwrap();
    for e in [
        removal(d(2020, 1, 10)),
        foster(d(2020, 1, 10), "P-1"),
        tpr(d(2020, 6, 1), "P-MOTHER"),
        tpr(d(2020, 6, 1), "P-FATHER"),
        placed_for_adoption(d(2020, 7, 1), "P-2", Setting::PreAdoptiveHome, "F-ADOPT"),
        ev(d(2021, 1, 15), EventData::AdoptionFinalized),
        // From the decree F-ADOPT is the adoptive family, P-ADOPT a legal parent.
        recorded(d(2021, 1, 15), adoptive()),
        ev(
            d(2024, 1, 10),
            EventData::Removal(Removal::new(Manner::CourtOrder).from_family(fid("F-ADOPT"))),
        ),
        foster(d(2024, 1, 10), "P-3"),
    ] {
        accept(&mut case, e, &FEDERAL);
    }
    let r = refuse(&mut case, visit(d(2024, 4, 1), "P-4"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::VisitNotWithParents]);
    accept(
        &mut case,
        ev(
            d(2024, 4, 1),
            EventData::TrialHomeVisitBegun(HomeVisit::new(plid("P-4"), fid("F-ADOPT"))),
        ),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Reunification);
}

#[test]
fn a_legal_risk_adoptive_placement_may_end_in_a_visit_home_or_a_move_to_another_adoptive_home() {
    // In F-FOSTER (P-1) from 2024-01-10, placed for adoption with F-ADOPT (P-2) on 2024-03-01
    // before any TPR (a legal-risk placement, concurrent planning). On 2024-05-01 the court
    // returns the child home on a trial home visit (P-3): recorded as it happened, with no
    // foster placement in between.
    let mut case = in_care();
    let to_adopt =
        |on, id: &str, family| placed_for_adoption(on, id, Setting::PreAdoptiveHome, family);
    accept(
        &mut case,
        to_adopt(d(2024, 3, 1), "P-2", "F-ADOPT"),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Adoption);
    let mut home = case.clone();
    accept(&mut home, visit(d(2024, 5, 1), "P-3"), &FEDERAL);
    assert_eq!(home.stage(), Stage::Reunification);
    assert_eq!(
        home.placements()[1].end(),
        Some(PlacementEnd::new(d(2024, 5, 1), EndReason::Replaced))
    );

    // Or the first adoptive placement ends and the child goes straight to another adoptive
    // family (F-FOSTER, approved to adopt on 2024-04-01), still in the adoption stage: two
    // moves in all (F-FOSTER to F-ADOPT on 2024-03-01, F-ADOPT to F-FOSTER on 2024-05-01).
    accept(
        &mut case,
        recorded(
            d(2024, 4, 1),
            as_kind(&foster_family(), FamilyKind::PreAdoptive),
        ),
        &FEDERAL,
    );
    accept(
        &mut case,
        to_adopt(d(2024, 5, 1), "P-3", "F-FOSTER"),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Adoption);
    assert_eq!(case.placement_moves(&case.episodes()[0]), 2);
}

#[test]
fn a_visit_that_fails_may_end_in_an_adoptive_home() {
    // In F-FOSTER (P-1) from 2024-01-10; home on a trial home visit (P-2) from 2024-03-01. The
    // visit fails on 2024-05-01 and the child goes straight to F-ADOPT (P-3), at legal risk
    // (no right ended yet): recorded as it happened, with no foster placement in between.
    let mut case = in_care();
    accept(&mut case, visit(d(2024, 3, 1), "P-2"), &FEDERAL);
    let adoptive = placed_for_adoption(d(2024, 5, 1), "P-3", Setting::PreAdoptiveHome, "F-ADOPT");
    accept(&mut case, adoptive.clone(), &FEDERAL);
    assert_eq!(case.stage(), Stage::Adoption);
    assert!(case.is_legal_risk(&plid("P-3")));
    assert_eq!(
        case.placements()[1].end(),
        Some(PlacementEnd::new(d(2024, 5, 1), EndReason::Replaced))
    );
    // Still one episode: the visit did not end it.
    assert_eq!(case.episodes().len(), 1);
    assert_eq!(case.episodes()[0].exit(), None);
    // A visit past its 6-month limit (45 CFR 1356.21(e)) ended the episode: the adoptive
    // placement cannot follow in it, as a return to foster care cannot.
    let mut over = in_care();
    accept(&mut over, visit(d(2024, 2, 1), "P-2"), &FEDERAL);
    let late = placed_for_adoption(d(2024, 9, 1), "P-3", Setting::PreAdoptiveHome, "F-ADOPT");
    let r = refuse(&mut over, late, &FEDERAL);
    assert_eq!(rules(&r), [RuleId::VisitOutlivedLimit]);
}

#[test]
fn foster_parents_and_relatives_adopt_in_their_own_home() {
    // Both parents' rights ended 2024-06-03; the foster parents F-FOSTER, who have cared for
    // the child since 2024-01-10 — or the grandparents' relative home F-REL — sign to adopt on
    // 2024-07-01 and the decree is entered on 2024-09-03: the family keeps its kind, no new
    // record of it needed.
    for family in ["F-FOSTER", "F-REL"] {
        let mut case = in_care();
        accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
        accept(&mut case, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);
        accept(
            &mut case,
            placed_for_adoption(d(2024, 7, 1), "P-2", Setting::PreAdoptiveHome, family),
            &FEDERAL,
        );
        accept(
            &mut case,
            ev(d(2024, 9, 3), EventData::AdoptionFinalized),
            &FEDERAL,
        );
        assert_eq!(case.stage(), Stage::Exited(ExitReason::Adopted), "{family}");
        assert_eq!(
            case.family(&fid(family)).map(Family::kind),
            Some(if family == "F-REL" {
                FamilyKind::Relative
            } else {
                FamilyKind::NonRelativeFoster
            })
        );
    }
    // The parents the child was removed from are not an adoptive home.
    let mut case = in_care();
    let r = refuse(
        &mut case,
        placed_for_adoption(d(2024, 7, 1), "P-2", Setting::PreAdoptiveHome, "F-BIRTH"),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::NotAnAdoptiveHome]);
}
