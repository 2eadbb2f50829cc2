//! The AFCARS facts of an episode (`Case::afcars_episode`, `permanency::afcars`): scenarios with
//! real dates, the count of settings (1993 E24 NUMPLEP), the current setting and its date (E41
//! CURPLSET / 2020 E113–E120, E23 CURSETDT), the removal (E25 MANREM, E26–E40 and 2020
//! E72–E105), the parents' TPR dates (E47/E48) and the exit (E58 DISREASN / 2020 E155). The cast
//! (Sam, F-BIRTH, F-FOSTER, F-REL, F-ADOPT) is in `tests/common/mod.rs`.

mod common;

use chrono::NaiveDate;
use common::*;
use permanency::afcars::*;
use permanency::*;

fn removed(date: NaiveDate, manner: Manner, circumstances: &[Circumstance]) -> Event {
    ev(
        date,
        EventData::Removal(
            Removal::new(manner)
                .from_family(fid("F-BIRTH"))
                .with_circumstances(circumstances.iter().copied().collect()),
        ),
    )
}

fn group_home(id: &str, facility: Option<&str>) -> NewPlacement {
    let p = np(id, Setting::GroupHomeStaffOperated, None);
    match facility {
        Some(f) => p.at_facility(FacilityId::new(f).unwrap()).unwrap(),
        None => p,
    }
}

fn facts(case: &Case, episode: usize, as_of: NaiveDate) -> EpisodeFacts {
    case.afcars_episode(&case.episodes()[episode], as_of)
}

/// Sam is removed by court order for neglect and his mother's drug use, runs away from his
/// foster home and comes back to it, moves to his grandmother, and is adopted after both
/// parents' rights end.
#[test]
fn an_episode_from_removal_to_adoption() {
    let mut case = open_case();
    let removal = removed(
        d(2024, 1, 10),
        Manner::CourtOrder,
        &[Circumstance::Neglect, Circumstance::CaregiverDrugUse],
    );
    accept(&mut case, removal, &FEDERAL);

    // Before the first placement: no setting yet, no plan.
    let f = facts(&case, 0, d(2024, 1, 9));
    assert_eq!((f.placement_settings, f.current_setting), (0, None));
    let f = facts(&case, 0, d(2024, 1, 10));
    assert_eq!(f.manner_1993, Manner1993::CourtOrdered);
    assert_eq!(f.manner_1993.code(), 2);
    assert_eq!(
        f.removal_reasons_1993.iter().collect::<Vec<_>>(),
        [
            RemovalReason1993::Neglect,
            RemovalReason1993::ParentDrugAbuse
        ]
    );
    assert_eq!(
        f.circumstances
            .iter()
            .map(Circumstance::afcars_element)
            .collect::<Vec<_>>(),
        [77, 83]
    );
    assert_eq!(f.goal_1993, CaseGoal1993::NotYetEstablished);
    assert_eq!(f.goal_1993.code(), 7);
    assert_eq!(f.goal_2020, PermanencyPlan2020::NotEstablished);

    accept(&mut case, foster(d(2024, 1, 10), "P-1"), &FEDERAL);
    accept(&mut case, ran_away(d(2024, 3, 1), "P-2"), &FEDERAL);

    // On runaway on 2024-03-02: CURPLSET 7 since 2024-03-01; the runaway is not a setting.
    let f = facts(&case, 0, d(2024, 3, 2));
    assert_eq!(f.current_setting, Some(Setting::Runaway));
    assert_eq!(
        f.current_setting_1993.map(PlacementSetting1993::code),
        Some(7)
    );
    assert_eq!(
        f.current_setting_2020,
        Some(LivingArrangement2020::Other(
            OtherLivingArrangement2020::Runaway
        ))
    );
    assert_eq!(f.current_setting_since, Some(d(2024, 3, 1)));
    assert_eq!(f.current_provider, None);
    assert_eq!(f.placement_settings, 1);
    // A runaway's location is E121 4, whatever its record says; PLACEOUT 2 (no).
    assert_eq!(
        f.current_location_2020,
        Some(Location2020::RunawayOrWhereaboutsUnknown)
    );
    assert_eq!(f.current_out_of_state_1993, Some(OutOfState1993::No));

    accept(
        &mut case,
        returned_to_foster(d(2024, 3, 5), "P-3"),
        &FEDERAL,
    );
    // Back with F-FOSTER: the same setting, so still 1 setting, and placed in it since
    // 2024-01-10 (CWPM 1.2B.7: the return is not a new setting).
    let f = facts(&case, 0, d(2024, 4, 1));
    assert_eq!(f.placement_settings, 1);
    assert_eq!(
        f.current_setting_1993,
        Some(PlacementSetting1993::FosterFamilyNonRelative)
    );
    assert_eq!(f.current_setting_since, Some(d(2024, 1, 10)));
    assert_eq!(f.current_provider, Some(Provider::Family(fid("F-FOSTER"))));

    // To the grandmother on 2024-05-01: 2 settings (1 move + 1); CURPLSET 2, E117.
    accept(
        &mut case,
        change(
            d(2024, 5, 1),
            "P-4",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        &FEDERAL,
    );
    accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    accept(&mut case, plan(d(2024, 6, 10), Goal::Adoption), &FEDERAL);
    let f = facts(&case, 0, d(2024, 6, 30));
    assert_eq!(f.placement_settings, 2);
    assert_eq!(case.placement_moves(&case.episodes()[0]), 1);
    assert_eq!(
        f.current_setting_1993.map(PlacementSetting1993::code),
        Some(2)
    );
    assert_eq!(
        f.current_setting_2020,
        Some(LivingArrangement2020::FosterFamilyHome(
            FosterHomeType::RelativeHome
        ))
    );
    assert_eq!(f.current_setting_since, Some(d(2024, 5, 1)));
    assert_eq!((f.goal_1993.code(), f.goal_2020.code()), (3, 3));
    assert_eq!(f.tpr_mother, Some(d(2024, 6, 3)));
    assert_eq!(f.tpr_father, None);

    accept(&mut case, relinquished(d(2024, 9, 2), "P-FATHER"), &FEDERAL);
    accept(
        &mut case,
        placed_for_adoption(d(2024, 10, 1), "P-5", Setting::PreAdoptiveHome, "F-ADOPT"),
        &FEDERAL,
    );
    accept(
        &mut case,
        ev(d(2025, 3, 3), EventData::AdoptionFinalized),
        &FEDERAL,
    );

    // On 2024-12-31: 3 settings (F-FOSTER, F-REL, F-ADOPT), in the pre-adoptive home
    // (CURPLSET 1, E118) since 2024-10-01; both TPR dates; not yet discharged.
    let f = facts(&case, 0, d(2024, 12, 31));
    assert_eq!(f.placement_settings, 3);
    assert_eq!(
        f.current_setting_1993,
        Some(PlacementSetting1993::PreAdoptiveHome)
    );
    assert_eq!(
        f.current_setting_2020.map(|a| a
            .home_types()
            .iter()
            .map(FosterHomeType::element)
            .collect::<Vec<_>>()),
        Some(vec![118])
    );
    assert_eq!(f.current_setting_since, Some(d(2024, 10, 1)));
    assert_eq!(f.tpr_mother, Some(d(2024, 6, 3)));
    assert_eq!(f.tpr_father, Some(d(2024, 9, 2)));
    // The parents: mother and father (legal parents), then the putative father, whose rights
    // are intact.
    let parents: Vec<(&str, ParentRole, ParentalRights)> = f
        .parents
        .iter()
        .map(|p| (p.person.as_str(), p.role, p.rights))
        .collect();
    assert_eq!(
        parents,
        [
            (
                "P-MOTHER",
                ParentRole::Mother,
                ParentalRights::Terminated(d(2024, 6, 3))
            ),
            (
                "P-FATHER",
                ParentRole::Father,
                ParentalRights::Relinquished(d(2024, 9, 2))
            ),
            ("P-PUTATIVE", ParentRole::Father, ParentalRights::Intact),
        ]
    );
    assert_eq!(
        (f.exit, f.exit_1993.code(), f.exit_2020.code()),
        (None, 0, 9)
    );

    // On 2025-03-31: adopted on 2025-03-03, DISREASN 3 and E155 3; the last setting is still
    // reported.
    let f = facts(&case, 0, d(2025, 3, 31));
    assert_eq!(
        f.exit,
        Some(EpisodeExit::new(d(2025, 3, 3), ExitReason::Adopted))
    );
    assert_eq!(
        (f.exit_1993, f.exit_2020),
        (ExitReason1993::Adopted, ExitReason2020::Adopted)
    );
    assert_eq!((f.exit_1993.code(), f.exit_2020.code()), (3, 3));
    assert_eq!(f.current_setting, Some(Setting::PreAdoptiveHome));
    // The exit is read as of the date: on 2025-03-02 Sam is still in care.
    assert_eq!(
        facts(&case, 0, d(2025, 3, 2)).exit_1993,
        ExitReason1993::NotApplicable
    );
    // Only what happened by the date counts: the father's rights were intact on 2024-09-01.
    assert_eq!(facts(&case, 0, d(2024, 9, 1)).tpr_father, None);
}

#[test]
fn an_emergency_removal_reads_court_ordered_once_the_court_has_ruled_on_it() {
    // Picked up in an emergency 2024-01-10; the shelter-care hearing's contrary-to-the-welfare
    // finding is dated 2024-01-12. MANREM is 3 "not yet determined" as of 2024-01-11 and
    // 2 "court ordered" from 2024-01-12; the manner recorded stays emergency.
    let mut case = open_case();
    accept(
        &mut case,
        removed(d(2024, 1, 10), Manner::Emergency, &[]),
        &FEDERAL,
    );
    accept(&mut case, ctw(d(2024, 1, 12)), &FEDERAL);
    assert_eq!(
        facts(&case, 0, d(2024, 1, 11)).manner_1993,
        Manner1993::NotYetDetermined
    );
    let f = facts(&case, 0, d(2024, 1, 12));
    assert_eq!((f.manner_1993.code(), f.manner), (2, Manner::Emergency));
}

/// A move between two group homes with different facility ids counts; a runaway returning to
/// the same facility does not (CWPM 1.2B.7).
#[test]
fn group_homes_count_by_facility() {
    let mut case = open_case();
    accept(
        &mut case,
        removed(d(2024, 1, 10), Manner::Emergency, &[]),
        &FEDERAL,
    );
    accept(
        &mut case,
        ev(
            d(2024, 1, 10),
            EventData::PlacementBegun(group_home("P-1", Some("GH-A"))),
        ),
        &FEDERAL,
    );
    accept(&mut case, ran_away(d(2024, 2, 1), "P-2"), &FEDERAL);
    accept(
        &mut case,
        ev(
            d(2024, 2, 5),
            EventData::ReturnedFromRunaway(group_home("P-3", Some("GH-A"))),
        ),
        &FEDERAL,
    );
    // GH-A, runaway, GH-A: one setting, placed in it since 2024-01-10.
    let f = facts(&case, 0, d(2024, 2, 10));
    assert_eq!(f.manner_1993, Manner1993::NotYetDetermined);
    assert_eq!(f.manner_1993.code(), 3);
    assert_eq!(f.placement_settings, 1);
    assert_eq!(case.placement_moves(&case.episodes()[0]), 0);
    assert_eq!(f.current_setting_since, Some(d(2024, 1, 10)));
    assert_eq!(
        f.current_setting_1993.map(PlacementSetting1993::code),
        Some(4)
    );
    assert_eq!(
        f.current_setting_2020
            .and_then(LivingArrangement2020::other)
            .map(OtherLivingArrangement2020::code),
        Some(2)
    );
    assert_eq!(
        f.current_provider,
        Some(Provider::Facility(FacilityId::new("GH-A").unwrap()))
    );

    // Another runaway, and this time back to a different staff-run group home, GH-B: a move,
    // though the setting kind is the same. 2 settings, since 2024-03-04.
    accept(&mut case, ran_away(d(2024, 3, 1), "P-4"), &FEDERAL);
    accept(
        &mut case,
        ev(
            d(2024, 3, 4),
            EventData::ReturnedFromRunaway(group_home("P-5", Some("GH-B"))),
        ),
        &FEDERAL,
    );
    // And a contiguous change to GH-C on 2024-04-01: 3 settings.
    accept(
        &mut case,
        ev(
            d(2024, 4, 1),
            EventData::PlacementChanged(group_home("P-6", Some("GH-C"))),
        ),
        &FEDERAL,
    );
    assert_eq!(facts(&case, 0, d(2024, 3, 31)).placement_settings, 2);
    assert_eq!(
        facts(&case, 0, d(2024, 3, 31)).current_setting_since,
        Some(d(2024, 3, 4))
    );
    let f = facts(&case, 0, d(2024, 4, 30));
    assert_eq!(f.placement_settings, 3);
    assert_eq!(case.placement_moves(&case.episodes()[0]), 2);
    assert_eq!(f.current_setting_since, Some(d(2024, 4, 1)));
}

/// Legacy records name no facility: the stays have no provider, and the count falls back to the
/// setting kind — a return to the same kind after a runaway is the same setting, a contiguous
/// change between two of them is a move.
#[test]
fn without_a_provider_the_count_compares_the_setting_kind() {
    let mut case = open_case();
    accept(
        &mut case,
        removed(d(2024, 1, 10), Manner::CourtOrder, &[]),
        &FEDERAL,
    );
    accept(
        &mut case,
        ev(
            d(2024, 1, 10),
            EventData::PlacementBegun(group_home("P-1", None)),
        ),
        &FEDERAL,
    );
    assert_eq!(case.placements()[0].provider(), None);
    accept(&mut case, ran_away(d(2024, 2, 1), "P-2"), &FEDERAL);
    accept(
        &mut case,
        ev(
            d(2024, 2, 5),
            EventData::ReturnedFromRunaway(group_home("P-3", None)),
        ),
        &FEDERAL,
    );
    let f = facts(&case, 0, d(2024, 2, 5));
    assert_eq!(f.placement_settings, 1);
    assert_eq!(f.current_setting_since, Some(d(2024, 1, 10)));
    assert_eq!(f.current_provider, None);
    accept(
        &mut case,
        ev(
            d(2024, 3, 1),
            EventData::PlacementChanged(group_home("P-4", None)),
        ),
        &FEDERAL,
    );
    let f = facts(&case, 0, d(2024, 3, 1));
    assert_eq!(f.placement_settings, 2);
    assert_eq!(f.current_setting_since, Some(d(2024, 3, 1)));
}

/// A trial home visit is the current setting (CURPLSET 8, E120 14 "placed at home") but not a
/// setting in the count; the reunification is DISREASN 1 and E155 1.
#[test]
fn a_trial_home_visit_and_reunification() {
    let mut case = in_care();
    accept(
        &mut case,
        plan(d(2024, 2, 1), Goal::Reunification),
        &FEDERAL,
    );
    accept(&mut case, visit(d(2024, 6, 1), "P-2"), &FEDERAL);
    let f = facts(&case, 0, d(2024, 6, 15));
    assert_eq!(f.current_setting, Some(Setting::TrialHomeVisit));
    assert_eq!(
        f.current_setting_1993.map(PlacementSetting1993::code),
        Some(8)
    );
    assert_eq!(
        f.current_setting_2020,
        Some(LivingArrangement2020::Other(
            OtherLivingArrangement2020::PlacedAtHome
        ))
    );
    assert_eq!(Setting::TrialHomeVisit.afcars_2020_code(), 14);
    assert_eq!(f.current_setting_since, Some(d(2024, 6, 1)));
    assert_eq!(f.current_provider, Some(Provider::Family(fid("F-BIRTH"))));
    assert_eq!(f.placement_settings, 1);
    assert_eq!(
        (f.goal_1993, f.goal_2020),
        (CaseGoal1993::Reunify, PermanencyPlan2020::Reunify)
    );

    accept(
        &mut case,
        discharge(d(2024, 9, 3), ExitReason::Reunified),
        &FEDERAL,
    );
    let f = facts(&case, 0, d(2024, 9, 30));
    assert_eq!(f.exit.map(|x| x.date), Some(d(2024, 9, 3)));
    assert_eq!((f.exit_1993.code(), f.exit_2020.code()), (1, 1));
    assert_eq!(f.exit_1993.exit_reason(), Some(ExitReason::Reunified));
}

/// A voluntary placement with no circumstance recorded: MANREM 1, no removal reason; a re-entry
/// is its own episode with its own count.
#[test]
fn a_voluntary_removal_and_a_reentry() {
    let mut case = open_case();
    accept(&mut case, voluntary(d(2023, 2, 1)), &FEDERAL);
    accept(&mut case, foster(d(2023, 2, 1), "P-1"), &FEDERAL);
    accept(
        &mut case,
        discharge(d(2023, 6, 1), ExitReason::Reunified),
        &FEDERAL,
    );
    let f = facts(&case, 0, d(2023, 9, 30));
    assert_eq!(f.manner_1993, Manner1993::Voluntary);
    assert_eq!(f.manner_1993.manner(), Manner::VoluntaryPlacementAgreement);
    assert_eq!(f.removal_reasons_1993, RemovalReasons1993::none());
    assert_eq!(f.placement_settings, 1);

    accept(
        &mut case,
        removed(
            d(2024, 1, 10),
            Manner::CourtOrder,
            &[Circumstance::Abandonment],
        ),
        &FEDERAL,
    );
    accept(&mut case, relative_home(d(2024, 1, 12), "P-2"), &FEDERAL);
    let f = facts(&case, 1, d(2024, 3, 31));
    assert_eq!(f.episode, 2);
    assert_eq!(f.removal_date, d(2024, 1, 10));
    assert_eq!(f.placement_settings, 1);
    assert_eq!(f.current_setting_since, Some(d(2024, 1, 12)));
    assert!(
        f.removal_reasons_1993
            .contains(RemovalReason1993::Abandonment)
    );
    assert_eq!(
        f.removal_reasons_1993
            .flag(RemovalReason1993::Abandonment)
            .code(),
        1
    );
    // The first episode's plan does not carry over: none was set in this one.
    assert_eq!(f.goal, None);
}

/// An ended episode's record stops at its exit: the goal and the TPR dates of a later episode
/// are not its own (E43 CASEGOAL is the episode's latest case-plan goal; E47/E48 its TPRs).
#[test]
fn an_ended_episode_keeps_its_own_goal_and_tprs() {
    let mut case = open_case();
    for e in [
        removed(d(2024, 1, 10), Manner::CourtOrder, &[Circumstance::Neglect]),
        foster(d(2024, 1, 10), "P-1"),
        plan(d(2024, 2, 1), Goal::Reunification),
        discharge(d(2024, 6, 1), ExitReason::Reunified),
        removed(d(2024, 9, 1), Manner::CourtOrder, &[Circumstance::Neglect]),
        foster(d(2024, 9, 1), "P-2"),
        plan(d(2024, 9, 15), Goal::Adoption),
        tpr(d(2025, 3, 1), "P-MOTHER"),
    ] {
        accept(&mut case, e, &FEDERAL);
    }
    // Reported on 2025-03-31, the first episode (2024-01-10 to 2024-06-01) still shows its
    // reunification goal (CASEGOAL 1) and no TPR: the adoption plan of 2024-09-15 and the TPR
    // of 2025-03-01 came after its exit.
    let first = facts(&case, 0, d(2025, 3, 31));
    assert_eq!(first.goal, Some(Goal::Reunification));
    assert_eq!(first.goal_1993.code(), 1);
    assert_eq!((first.tpr_mother, first.tpr_father), (None, None));
    // The second episode has both.
    let second = facts(&case, 1, d(2025, 3, 31));
    assert_eq!(second.goal, Some(Goal::Adoption));
    assert_eq!(second.goal_1993.code(), 3);
    assert_eq!(second.tpr_mother, Some(d(2025, 3, 1)));
}

/// The facts name ids, codes and event dates, never the child's name or birth date.
#[cfg(feature = "serde")]
#[test]
fn the_facts_never_show_the_child() {
    let mut case = in_care();
    accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    let f = facts(&case, 0, d(2024, 6, 30));
    let debug = format!("{f:?}");
    let json = serde_json::to_string(&f).unwrap();
    for shown in [debug.as_str(), json.as_str()] {
        assert!(!shown.contains("Sam") && !shown.contains("2016"), "{shown}");
        assert!(shown.contains("P-MOTHER"), "{shown}");
    }
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["current_setting_1993"], "foster_family_non_relative");
    assert_eq!(json["exit_1993"], "not_applicable");
    assert_eq!(json["tpr_mother"], "2024-06-03");
    assert_eq!(json["placement_settings"], 1);
}

/// The readers: a blank stays blank, an unknown code names its element.
#[test]
fn codes_read_back() {
    assert_eq!(ExitReason1993::from_field(None), Ok(None));
    assert_eq!(
        ExitReason1993::from_field(Some(5)).map(|r| r.and_then(ExitReason1993::exit_reason)),
        Ok(Some(ExitReason::Guardianship))
    );
    assert_eq!(
        ExitReason1993::from_code(9).unwrap_err().to_string(),
        "invalid DISREASN (1993 element 58): expected one of 0, 1, 2, 3, 4, 5, 6, 7, 8, found 9"
    );
    assert_eq!(
        PlacementSetting1993::from_code(9).unwrap_err().to_string(),
        "invalid CURPLSET (1993 element 41): expected one of 1, 2, 3, 4, 5, 6, 7, 8, found 9"
    );
    assert_eq!(
        CaseGoal1993::from_code(0).unwrap_err().to_string(),
        "invalid CASEGOAL (1993 element 43): expected one of 1, 2, 3, 4, 5, 6, 7, found 0"
    );
    assert_eq!(
        Manner1993::from_code(4).unwrap_err().to_string(),
        "invalid MANREM (1993 element 25): expected one of 1, 2, 3, found 4"
    );
    // CURPLSET 3 is several settings: it reads back as the general one.
    assert_eq!(
        PlacementSetting1993::from_code(3).unwrap().setting(),
        Setting::NonRelativeFosterHome
    );
    assert_eq!(Setting::KinFosterHome.afcars_1993_code(), 3);
    assert_eq!(
        Setting::from_afcars_2020(
            true,
            FosterHomeTypes::none().with(FosterHomeType::KinHome),
            None
        ),
        Ok(Setting::KinFosterHome)
    );
    assert_eq!(
        Circumstance::from_afcars_element(99),
        Ok(Circumstance::SexTrafficking)
    );
}

/// A child's race and ethnicity are optional: a record without them loads as not recorded and
/// writes without them; with them, it round-trips and reports the 1993 and 2020 values.
#[cfg(feature = "serde")]
#[test]
fn race_and_ethnicity_are_optional_on_the_child() {
    let legacy = r#"{"id":"C-1","name":"Sam","date_of_birth":"2016-05-04","sex":"male",
        "indian_child_status":{"status":"unknown"}}"#;
    let child: Child = serde_json::from_str(legacy).unwrap();
    assert!(child.race().is_empty());
    assert_eq!(child.ethnicity(), None);
    // Not recorded is blanks in both generations, never "no".
    assert_eq!(child.race().answer(Race2020::White), None);
    assert_eq!(child.race().flag_1993(Race1993::White), None);
    let json = serde_json::to_value(&child).unwrap();
    assert!(
        json.get("race").is_none() && json.get("ethnicity").is_none(),
        "{json}"
    );

    let child = child
        .with_race(
            [Race2020::BlackOrAfricanAmerican, Race2020::Declined]
                .into_iter()
                .collect(),
        )
        .with_ethnicity(Ethnicity2020::Declined);
    let json = serde_json::to_value(&child).unwrap();
    assert_eq!(
        json["race"],
        serde_json::json!(["black_or_african_american", "declined"])
    );
    assert_eq!(json["ethnicity"], "declined");
    let back: Child = serde_json::from_value(json).unwrap();
    assert_eq!(back, child);
    // 1993: BLKAFRAM 1 and UNTODETM 1 (declined), WHITE 0; HISORGIN 3.
    let flags: Vec<(&str, u8)> = Race1993::ALL
        .iter()
        .map(|&r| (r.label(), child.race().flag_1993(r).unwrap().code()))
        .collect();
    assert_eq!(
        flags,
        [
            ("AMIAKN", 0),
            ("ASIAN", 0),
            ("BLKAFRAM", 1),
            ("HAWAIIPI", 0),
            ("WHITE", 0),
            ("UNTODETM", 1)
        ]
    );
    assert_eq!(
        child.ethnicity().map(|e| e.hispanic_origin_1993().code()),
        Some(3)
    );

    let bad = legacy.replace("\"sex\"", "\"race\":[\"martian\"],\"sex\"");
    let e = serde_json::from_str::<Child>(&bad).unwrap_err().to_string();
    assert!(e.starts_with("unknown variant `martian`"), "{e}");
}

/// 2020 E114 "licensed home" is the caregiver family's license on the report date, not the
/// setting: F-FOSTER is licensed 2023-01-01 to 2026-12-31, F-REL (the grandmother) from
/// 2024-01-01, and an unlicensed non-relative home F-NOLIC has no license at all (45 CFR
/// 1355.20: foster care "regardless of licensure"; 1355.44(e)(3)).
#[test]
fn e114_reads_the_caregiver_s_license_on_the_report_date() {
    use FosterHomeType as H;
    let unlicensed = Family::builder(fid("F-NOLIC"), FamilyKind::NonRelativeFoster)
        .member(member("P-NEIGHBOR", "Gil", Relationship::NonRelative).caregiver())
        .build()
        .unwrap();
    let mut families = all_families();
    families.push(unlicensed);
    let history = vec![
        removal(d(2023, 6, 1)),
        begin(
            d(2023, 6, 1),
            "PL-1",
            Setting::NonRelativeFosterHome,
            Some("F-NOLIC"),
        ),
        change(
            d(2023, 9, 1),
            "PL-2",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        change(
            d(2024, 3, 1),
            "PL-3",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
    ];
    let case = Case::replay(child(), families, history, &FEDERAL).unwrap();
    let types = |as_of| facts(&case, 0, as_of).current_home_types_2020;
    // 2023-07-01, in F-NOLIC: a foster family home (E113 yes) with no type "yes".
    assert_eq!(types(d(2023, 7, 1)), Some(FosterHomeTypes::none()));
    assert_eq!(
        facts(&case, 0, d(2023, 7, 1)).current_setting,
        Some(Setting::NonRelativeFosterHome)
    );
    // 2023-12-31, with the grandmother, whose license begins 2024-01-01: relative, not licensed.
    assert_eq!(
        types(d(2023, 12, 31)),
        Some(FosterHomeTypes::none().with(H::RelativeHome))
    );
    // 2024-01-15, the same home licensed since 2024-01-01: relative and licensed (E114, E117).
    assert_eq!(
        types(d(2024, 1, 15)),
        Some(
            FosterHomeTypes::none()
                .with(H::RelativeHome)
                .with(H::LicensedHome)
        )
    );
    // 2026-06-30, in F-FOSTER (licensed to 2026-12-31): licensed; 2027-01-01, lapsed: none.
    assert_eq!(
        types(d(2026, 6, 30)),
        Some(FosterHomeTypes::none().with(H::LicensedHome))
    );
    assert_eq!(types(d(2027, 1, 1)), Some(FosterHomeTypes::none()));
    // Read back, no type "yes" is the non-relative foster home.
    assert_eq!(
        Setting::from_afcars_2020(true, FosterHomeTypes::none(), None),
        Ok(Setting::NonRelativeFosterHome)
    );
}

#[test]
fn an_out_of_state_placement_is_placeout_1_and_e121_2() {
    // Removed 2024-01-10 into F-FOSTER in the state (PLACEOUT 2, E121 1); moved on 2024-04-01
    // to F-REL across the state line (PLACEOUT 1, E121 2). Before the first placement there is
    // no current setting, so neither value.
    let mut case = open_case();
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    let f = facts(&case, 0, d(2024, 1, 10));
    assert_eq!(
        (f.current_out_of_state_1993, f.current_location_2020),
        (None, None)
    );
    accept(&mut case, foster(d(2024, 1, 10), "P-1"), &FEDERAL);
    let f = facts(&case, 0, d(2024, 2, 1));
    assert_eq!(
        (
            f.current_out_of_state_1993.map(OutOfState1993::code),
            f.current_location_2020.map(Location2020::code)
        ),
        (Some(2), Some(1))
    );
    accept(
        &mut case,
        ev(
            d(2024, 4, 1),
            EventData::PlacementChanged(
                np("P-2", Setting::RelativeFosterHome, Some("F-REL"))
                    .in_location(Location::OutOfState),
            ),
        ),
        &FEDERAL,
    );
    let f = facts(&case, 0, d(2024, 4, 2));
    assert_eq!(
        (
            f.current_out_of_state_1993.map(OutOfState1993::code),
            f.current_location_2020.map(Location2020::code)
        ),
        (Some(1), Some(2))
    );
}
