//! The placement guards (`src/rules/placement.rs`): one placement at a time, the event that fits
//! the move (placement changed, ran away, returned from runaway, trial home visit), a caregiver
//! family of the kind the setting needs, a license in force on the placement date; and how AFCARS
//! counts placement moves.
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
// Placements

#[test]
fn a_placement_begins_only_when_none_is_open() {
    let mut case = in_care();
    let r = refuse(
        &mut case,
        begin(
            d(2024, 2, 1),
            "P-2",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::PlacementAlreadyOpen]);
    assert_eq!(
        message(&r, 0),
        "placement P-1 is still open; use placement_changed to move the child"
    );
    assert_eq!(subjects(&r, 0), [Subject::Placement(plid("P-1"))]);

    // Reusing the open placement's id: both reasons.
    let r = refuse(
        &mut case,
        begin(
            d(2024, 2, 1),
            "P-1",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    assert_eq!(
        rules(&r),
        [RuleId::DuplicatePlacement, RuleId::PlacementAlreadyOpen]
    );

    accept(
        &mut case,
        change(
            d(2024, 2, 1),
            "P-2",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        &FEDERAL,
    );
    assert_eq!(
        case.placements()[0].end(),
        Some(PlacementEnd::new(d(2024, 2, 1), EndReason::Replaced))
    );
    assert_eq!(case.current_placement().unwrap().id(), &plid("P-2"));
}

#[test]
fn placement_changed_needs_an_open_placement() {
    let mut case = open_case();
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    let r = refuse(
        &mut case,
        change(
            d(2024, 1, 10),
            "P-1",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::PlacementEventMismatch]);
    assert_eq!(
        message(&r, 0),
        "placement_changed needs an open placement, found none; use placement_begun"
    );

    // No placement open and a runaway setting: both mismatches.
    let r = refuse(
        &mut case,
        change(d(2024, 1, 10), "P-1", Setting::Runaway, None),
        &FEDERAL,
    );
    assert_eq!(
        rules(&r),
        [
            RuleId::PlacementEventMismatch,
            RuleId::PlacementEventMismatch
        ]
    );
    assert_eq!(
        message(&r, 1),
        "placement_changed cannot begin a runaway placement; use ran_away"
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
}

#[test]
fn placement_changed_from_a_runaway_is_a_return() {
    let mut case = in_care();
    accept(&mut case, ran_away(d(2024, 2, 1), "P-2"), &FEDERAL);
    let r = refuse(
        &mut case,
        change(
            d(2024, 2, 5),
            "P-3",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::PlacementEventMismatch]);
    assert_eq!(
        message(&r, 0),
        "placement P-2 is a runaway; use returned_from_runaway"
    );
    accept(
        &mut case,
        returned(
            d(2024, 2, 5),
            "P-3",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        &FEDERAL,
    );
    assert_eq!(case.current_placement().unwrap().id(), &plid("P-3"));
}

#[test]
fn placement_changed_during_a_visit_has_no_row() {
    // During a trial home visit the case is in Reunification, where placement_changed has no
    // row: the table refuses it before `open_is_ordinary` could say "use
    // trial_home_visit_ended".
    let mut case = in_care();
    accept(&mut case, visit(d(2024, 2, 1), "P-2"), &FEDERAL);
    assert_eq!(case.stage(), Stage::Reunification);
    let r = refuse(
        &mut case,
        change(
            d(2024, 2, 5),
            "P-3",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::TransitionNotAllowed]);
    assert_eq!(
        message(&r, 0),
        "placement_changed is not allowed in stage reunification; allowed: family_recorded, candidacy_identified, plan_set, court_finding, permanency_hearing, periodic_review, case_plan_completed, relatives_notified, transition_plan_completed, parent_deceased, tpr_petition_filed, parental_rights_terminated, tpr_exception_documented, parental_rights_relinquished, trial_home_visit_ended, ran_away, placed_for_adoption, removal, discharge, death, caseworker_visited, appla_reviewed, prevention_plan_recorded, service_provided, extended_care_condition, exit_documents_provided, credit_report_obtained, school_enrolled, school_stability_considered, case_conference, team_member_chosen, team_member_rejected, caregiver_notified, child_consulted_at_hearing, individual_assessment, qrtp_assessed, qrtp_long_stay_approved, qrtp_evidence_submitted, icwa_status_determined, icwa_findings, icwa_consent, icwa_consent_withdrawn, icwa_notice_received, icwa_additional_time, icwa_home_assessed, icwa_good_cause, icwa_tribal_preferences, sibling_recorded, sibling_contact_excepted, relative_identified, relative_notified, relative_notice_excepted, family_time_planned, family_time_contact, maltreatment_reported"
    );
    accept(&mut case, visit_ended(d(2024, 2, 5), "P-3"), &FEDERAL);
    assert_eq!(case.stage(), Stage::FosterCare);
}

#[test]
fn runaways_and_visits_have_their_own_events() {
    let mut case = in_care();
    let r = refuse(
        &mut case,
        change(d(2024, 2, 1), "P-2", Setting::Runaway, None),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::PlacementEventMismatch]);
    assert_eq!(
        message(&r, 0),
        "placement_changed cannot begin a runaway placement; use ran_away"
    );
    assert_eq!(subjects(&r, 0), [Subject::Placement(plid("P-2"))]);

    let r = refuse(
        &mut case,
        change(
            d(2024, 2, 1),
            "P-2",
            Setting::TrialHomeVisit,
            Some("F-BIRTH"),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::PlacementEventMismatch]);
    assert_eq!(
        message(&r, 0),
        "placement_changed cannot begin a trial_home_visit placement; use trial_home_visit_begun"
    );

    let mut runaway = case.clone();
    accept(&mut runaway, ran_away(d(2024, 2, 1), "P-2"), &FEDERAL);
    assert_eq!(
        runaway.current_placement().unwrap().setting(),
        Setting::Runaway
    );
    accept(&mut case, visit(d(2024, 2, 1), "P-2"), &FEDERAL);
    assert_eq!(case.stage(), Stage::Reunification);
}

#[test]
fn ran_away_needs_a_runaway_setting_and_not_twice() {
    let mut case = in_care();
    // A runaway's payload holds only a runaway setting: a group home is not one, and a 0.1
    // record that gives one does not load.
    let group_home = np("P-2", Setting::GroupHomeStaffOperated, None);
    assert_eq!(
        Runaway::try_from(group_home).unwrap_err().to_string(),
        "placement P-2: a group_home_staff_operated setting is not a runaway's setting (runaway or whereabouts_unknown)"
    );
    assert!(serde_json::from_str::<Event>(
        r#"{"date":"2024-02-01","what":{"ran_away":{"id":"P-2","setting":"group_home_staff_operated"}}}"#
    )
    .is_err());

    accept(
        &mut case,
        ev(
            d(2024, 2, 1),
            EventData::RanAway(Runaway::with_whereabouts(plid("P-2"), Whereabouts::Unknown)),
        ),
        &FEDERAL,
    );
    assert_eq!(
        case.current_placement().unwrap().setting(),
        Setting::WhereaboutsUnknown
    );

    let r = refuse(&mut case, ran_away(d(2024, 2, 3), "P-3"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::PlacementEventMismatch]);
    assert_eq!(
        message(&r, 0),
        "the child is already on runaway status (placement P-2)"
    );
    assert_eq!(subjects(&r, 0), [Subject::Placement(plid("P-2"))]);
}

#[test]
fn returned_from_runaway_needs_a_runaway() {
    let mut case = in_care();
    let r = refuse(
        &mut case,
        returned(
            d(2024, 2, 1),
            "P-2",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::PlacementEventMismatch]);
    assert_eq!(
        message(&r, 0),
        "returned_from_runaway needs the child on runaway status, found none"
    );

    accept(&mut case, ran_away(d(2024, 2, 1), "P-2"), &FEDERAL);
    accept(
        &mut case,
        returned(
            d(2024, 2, 3),
            "P-3",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        &FEDERAL,
    );
}

#[test]
fn a_relative_foster_home_needs_a_relative_family() {
    let mut case = open_case();
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    let r = refuse(
        &mut case,
        begin(
            d(2024, 1, 10),
            "P-1",
            Setting::RelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::CaregiverKind]);
    assert_eq!(
        message(&r, 0),
        "a relative_foster_home placement needs a relative family, found family F-FOSTER of kind non_relative_foster"
    );
    assert_eq!(
        subjects(&r, 0),
        [
            Subject::Family(fid("F-FOSTER")),
            Subject::Placement(plid("P-1"))
        ]
    );
    accept(
        &mut case,
        begin(
            d(2024, 1, 10),
            "P-1",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        &FEDERAL,
    );
}

#[test]
fn a_pre_adoptive_home_is_any_family_but_the_birth_family() {
    // The family that adopts: a pre-adoptive family, or as often the foster parents the child
    // lives with. The parents the child was removed from cannot be the child's pre-adoptive
    // home (their own child is not adopted by them; a return home is a trial home visit).
    let mut case = in_care();
    let r = refuse(
        &mut case,
        change(
            d(2024, 3, 1),
            "P-2",
            Setting::PreAdoptiveHome,
            Some("F-BIRTH"),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::CaregiverKind]);
    assert_eq!(
        message(&r, 0),
        "a pre_adoptive_home placement needs a family other than the birth family, found family F-BIRTH of kind birth"
    );
    // The foster parents of P-1, now adopting: the family keeps its kind.
    accept(
        &mut case,
        change(
            d(2024, 3, 1),
            "P-2",
            Setting::PreAdoptiveHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    accept(
        &mut case,
        change(
            d(2024, 4, 1),
            "P-3",
            Setting::PreAdoptiveHome,
            Some("F-ADOPT"),
        ),
        &FEDERAL,
    );
}

/// F-FOSTER with a license in `status` from `since` to `expires`.
fn foster_home_with(status: LicenseStatus, since: NaiveDate, expires: Option<NaiveDate>) -> Family {
    Family::builder(fid("F-FOSTER"), FamilyKind::NonRelativeFoster)
        .member(member("P-FOSTER", "Eve", Relationship::NonRelative).caregiver())
        .license(FosterLicense::new(status, since, expires).unwrap())
        .build()
        .unwrap()
}

#[test]
fn a_home_whose_license_lapsed_the_day_before_is_still_foster_care() {
    // Licensed 2023-03-01 through 2024-02-29 (a leap day): lapsed on 2024-03-01. Foster care
    // includes a home "regardless of licensure" (45 CFR 1355.20): the placement is accepted; only
    // payment depends on the license (the clocks' business, rule unlicensed_home).
    let expiring = foster_family_licensed(d(2023, 3, 1), d(2024, 2, 29));
    let mut case = Case::new(child(), vec![birth_family(), expiring]).unwrap();
    accept(&mut case, removal(d(2024, 2, 28)), &FEDERAL);
    accept(
        &mut case,
        begin(
            d(2024, 3, 1),
            "P-1",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    let p = case.current_placement().unwrap();
    assert_eq!(p.id(), &plid("P-1"));
    assert_eq!(p.start(), d(2024, 3, 1));
    assert_eq!(p.caregiver(), Some(&fid("F-FOSTER")));
    assert_eq!(case.stage(), Stage::FosterCare);
}

#[test]
fn pending_provisional_suspended_and_revoked_homes_are_all_accepted() {
    for status in [
        LicenseStatus::Pending,
        LicenseStatus::Provisional,
        LicenseStatus::Suspended,
        LicenseStatus::Revoked,
    ] {
        let home = foster_home_with(status, d(2023, 1, 1), None);
        let mut case = Case::new(child(), vec![birth_family(), home]).unwrap();
        accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
        // A shelter home first, then the move into the unlicensed home: both kinds of entry.
        accept(
            &mut case,
            begin(
                d(2024, 1, 10),
                "P-1",
                Setting::ShelterFosterHome,
                Some("F-FOSTER"),
            ),
            &FEDERAL,
        );
        accept(
            &mut case,
            change(
                d(2024, 2, 1),
                "P-2",
                Setting::TherapeuticFosterHome,
                Some("F-FOSTER"),
            ),
            &FEDERAL,
        );
        assert_eq!(case.placements().len(), 2, "{status:?}");
        assert_eq!(case.current_placement().unwrap().id(), &plid("P-2"));
    }
}

#[test]
fn a_pre_adoptive_family_with_no_license_at_all_takes_the_child() {
    // No license recorded (a pre-adoptive family may have none): accepted, as a placement
    // begun and as a placement for adoption.
    let unlicensed = Family::builder(fid("F-ADOPT"), FamilyKind::PreAdoptive)
        .member(member("P-ADOPT", "Fay", Relationship::NonRelative).caregiver())
        .build()
        .unwrap();
    let mut case = Case::new(child(), vec![birth_family(), unlicensed]).unwrap();
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    accept(
        &mut case,
        begin(
            d(2024, 1, 10),
            "P-1",
            Setting::PreAdoptiveHome,
            Some("F-ADOPT"),
        ),
        &FEDERAL,
    );
    accept(&mut case, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
    accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    accept(&mut case, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);
    accept(
        &mut case,
        placed_for_adoption(d(2024, 7, 1), "P-2", Setting::PreAdoptiveHome, "F-ADOPT"),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Adoption);
    assert_eq!(case.current_placement().unwrap().id(), &plid("P-2"));
}

// ================================================================================================
// Found in review: a relative home called non-relative.

#[test]
fn a_relative_family_is_never_a_non_relative_foster_home() {
    let mut case = open_case();
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    let r = refuse(
        &mut case,
        begin(
            d(2024, 1, 10),
            "P-1",
            Setting::NonRelativeFosterHome,
            Some("F-REL"),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::CaregiverKind]);
    assert_eq!(
        message(&r, 0),
        "a non_relative_foster_home placement needs a family that fosters and is not a relative family, found family F-REL of kind relative"
    );
    accept(
        &mut case,
        begin(
            d(2024, 1, 10),
            "P-1",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        &FEDERAL,
    );
}

// ================================================================================================
// AFCARS placement moves

#[test]
fn placement_moves_are_counted_the_afcars_way() {
    let mut case = open_case();
    let moves = |case: &Case| case.placement_moves(&case.episodes()[0]);
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);

    // The first placement is not a move.
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
    assert_eq!(moves(&case), 0);

    // To the grandmother: move 1.
    accept(
        &mut case,
        change(
            d(2024, 3, 1),
            "P-2",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        &FEDERAL,
    );
    assert_eq!(moves(&case), 1);

    // A runaway and a return to the same family: not a move.
    accept(&mut case, ran_away(d(2024, 4, 1), "P-3"), &FEDERAL);
    assert_eq!(moves(&case), 1);
    accept(
        &mut case,
        returned(
            d(2024, 4, 5),
            "P-4",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        &FEDERAL,
    );
    assert_eq!(moves(&case), 1);

    // Back to the foster family: move 2.
    accept(
        &mut case,
        change(
            d(2024, 5, 1),
            "P-5",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    assert_eq!(moves(&case), 2);

    // The foster family is approved to adopt and its home becomes a pre-adoptive home: a
    // license change of the same caregiver family, not a move.
    accept(
        &mut case,
        recorded(
            d(2024, 8, 1),
            as_kind(&foster_family(), FamilyKind::PreAdoptive),
        ),
        &FEDERAL,
    );
    accept(
        &mut case,
        change(
            d(2024, 8, 1),
            "P-6",
            Setting::PreAdoptiveHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    assert_eq!(moves(&case), 2);
    assert_eq!(case.placements().len(), 6);
    assert_eq!(case.episode_placements(&case.episodes()[0]).len(), 6);
}

/// With the provider named, a run of facility stays counts by facility (CWPM 1.2B.7): group home
/// GH-A, a runaway, back to GH-A is one setting; GH-A to GH-B is a move, though both are staff-run
/// group homes.
#[test]
fn facility_stays_count_by_the_facility() {
    let group_home = |id: &str, facility: &str| {
        np(id, Setting::GroupHomeStaffOperated, None)
            .at_facility(FacilityId::new(facility).unwrap())
            .unwrap()
    };
    let mut case = open_case();
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    accept(
        &mut case,
        ev(
            d(2024, 1, 10),
            EventData::PlacementBegun(group_home("P-1", "GH-A")),
        ),
        &FEDERAL,
    );
    accept(&mut case, ran_away(d(2024, 2, 1), "P-2"), &FEDERAL);
    accept(
        &mut case,
        ev(
            d(2024, 2, 5),
            EventData::ReturnedFromRunaway(group_home("P-3", "GH-A")),
        ),
        &FEDERAL,
    );
    // GH-A, runaway (not a setting), GH-A: no move yet.
    assert_eq!(case.placement_moves(&case.episodes()[0]), 0);
    accept(
        &mut case,
        ev(
            d(2024, 3, 1),
            EventData::PlacementChanged(group_home("P-4", "GH-B")),
        ),
        &FEDERAL,
    );
    // GH-A to GH-B: one move.
    assert_eq!(case.placement_moves(&case.episodes()[0]), 1);
    assert_eq!(
        case.placement(&plid("P-4"))
            .unwrap()
            .what()
            .facility()
            .map(FacilityId::as_str),
        Some("GH-B")
    );
    // A family setting's provider is its family: it names no facility.
    let home = np("P-9", Setting::NonRelativeFosterHome, Some("F-FOSTER"));
    assert_eq!(
        home.at_facility(FacilityId::new("GH-C").unwrap())
            .unwrap_err()
            .to_string(),
        "placement P-9: a non_relative_foster_home setting has no facility, found one"
    );
}
