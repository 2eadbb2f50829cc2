//! The discharge guards (`src/rules/discharge.rs`): adoption and death have their own events;
//! emancipation not before the age of majority (unless a court emancipates the minor);
//! guardianship to a guardian family; kinship guardianship assistance for a non-relative or
//! before 6 consecutive months in the relative's licensed home is accepted (only payment
//! depends on it).
//!
//! Each rule is refused with real dates (the exact rule ids and the exact message, the arithmetic
//! beside the expected value), next to the nearest history that is accepted; `common::refuse`
//! proves that a refused event leaves the case as it was. The cast (the child, F-BIRTH, F-REL,
//! F-FOSTER, F-ADOPT, F-GUARD) and the event builders are in `tests/common/mod.rs`.
#![cfg(feature = "serde")]

mod common;

use chrono::NaiveDate;
use common::*;
use permanency::date::LeapDayBirthday;
use permanency::*;

// ================================================================================================
// Discharge

#[test]
fn a_discharge_cannot_claim_adoption_or_death() {
    // The payload has no adoption or death: each has its own event. Building one from the
    // reason says what to record instead, and a 0.1 record that claims one does not load.
    assert_eq!(
        Discharge::try_from(ExitReason::Adopted)
            .unwrap_err()
            .to_string(),
        "discharge: a discharge with the reason adopted cannot be recorded; record adoption_finalized"
    );
    assert_eq!(
        Discharge::try_from(ExitReason::Death)
            .unwrap_err()
            .to_string(),
        "discharge: a discharge with the reason death cannot be recorded; record death"
    );
    let legacy = serde_json::from_str::<Event>(
        r#"{"date":"2024-06-01","what":{"discharge":{"reason":"adopted"}}}"#,
    );
    assert!(legacy.is_err());
    let mut case = in_care();
    accept(
        &mut case,
        discharge(
            d(2024, 6, 1),
            Discharge::reunified().to_family(fid("F-BIRTH")),
        ),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Reunified));
    assert_eq!(
        case.episodes()[0].exit(),
        Some(EpisodeExit::new(d(2024, 6, 1), ExitReason::Reunified))
    );
}

fn emancipation(date: NaiveDate) -> Event {
    discharge(date, Discharge::Emancipated)
}

fn teen_in_care(born: NaiveDate, policy: &Policy) -> Case {
    let mut case = Case::new(child_born(born), all_families()).unwrap();
    accept(&mut case, removal(d(2024, 1, 10)), policy);
    accept(
        &mut case,
        begin(
            d(2024, 1, 10),
            "P-1",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        policy,
    );
    case
}

#[test]
fn emancipation_at_the_age_of_majority() {
    // Born 2008-09-30: 18 on 2026-09-30, 19 on 2027-09-30.
    let born = d(2008, 9, 30);
    let mut case = teen_in_care(born, &FEDERAL);
    let r = refuse(&mut case, emancipation(d(2026, 9, 29)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::EmancipationAge]);
    assert_eq!(
        message(&r, 0),
        "emancipation needs a youth who has attained 18 on 2026-09-29, found a younger youth; a minor emancipated by a court is emancipated_by_court_order"
    );
    assert!(!message(&r, 0).contains("2008-09-30"));
    accept(&mut case, emancipation(d(2026, 9, 30)), &FEDERAL);
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Emancipated));

    // A state whose age of majority is 19.
    let nineteen = Policy::federal().with_age_of_majority(19).unwrap();
    let mut case = teen_in_care(born, &nineteen);
    let r = refuse(&mut case, emancipation(d(2026, 9, 30)), &nineteen);
    assert_eq!(rules(&r), [RuleId::EmancipationAge]);
    assert_eq!(
        message(&r, 0),
        "emancipation needs a youth who has attained 19 on 2026-09-30, found a younger youth; a minor emancipated by a court is emancipated_by_court_order"
    );
    accept(&mut case, emancipation(d(2027, 9, 30)), &nineteen);
}

#[test]
fn a_minor_emancipated_by_court_order_leaves_care() {
    // Born 2008-09-30: 15 on 2024-06-03, three years and more under the age of majority (18 on
    // 2026-09-30). A court's emancipation order is an exit ("or is otherwise emancipated"),
    // with no federal floor.
    let born = d(2008, 9, 30);
    let mut case = teen_in_care(born, &FEDERAL);
    let plain = refuse(&mut case, emancipation(d(2024, 6, 3)), &FEDERAL);
    assert_eq!(rules(&plain), [RuleId::EmancipationAge]);
    assert_eq!(
        message(&plain, 0),
        "emancipation needs a youth who has attained 18 on 2024-06-03, found a younger youth; a minor emancipated by a court is emancipated_by_court_order"
    );
    let by_court = discharge(d(2024, 6, 3), Discharge::EmancipatedByCourtOrder);
    accept(&mut case, by_court.clone(), &FEDERAL);
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Emancipated));
    assert_eq!(
        case.episodes()[0].exit(),
        Some(EpisodeExit::new(d(2024, 6, 3), ExitReason::Emancipated))
    );
    assert_eq!(
        Discharge::EmancipatedByCourtOrder.reason(),
        ExitReason::Emancipated
    );

    // On the wire by its name; the plain forms still load as before.
    let json = serde_json::to_value(&by_court).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"date": "2024-06-03", "what": {"discharge": "emancipated_by_court_order"}})
    );
    assert_eq!(serde_json::from_value::<Event>(json).unwrap(), by_court);
    for plain in [
        r#""emancipated""#,
        r#"{"emancipated": {}}"#,
        r#"{"emancipated": null}"#,
        r#"{"reason": "emancipated"}"#,
    ] {
        assert_eq!(
            serde_json::from_str::<Discharge>(plain).unwrap(),
            Discharge::Emancipated,
            "{plain}"
        );
    }
    assert_eq!(
        serde_json::from_str::<Discharge>(r#"{"emancipated_by_court_order": {}}"#).unwrap(),
        Discharge::EmancipatedByCourtOrder
    );
}

#[test]
fn emancipation_for_a_leap_day_birthday_follows_the_policy() {
    // Born 2008-02-29: 18 on 2026-02-28 (clamped, the default) or 2026-03-01 (March1).
    let born = d(2008, 2, 29);
    let mut case = teen_in_care(born, &FEDERAL);
    accept(&mut case, emancipation(d(2026, 2, 28)), &FEDERAL);

    let march1 = Policy::federal().with_leap_day_birthday(LeapDayBirthday::March1);
    let mut case = teen_in_care(born, &march1);
    let r = refuse(&mut case, emancipation(d(2026, 2, 28)), &march1);
    assert_eq!(
        message(&r, 0),
        "emancipation needs a youth who has attained 18 on 2026-02-28, found a younger youth; a minor emancipated by a court is emancipated_by_court_order"
    );
    accept(&mut case, emancipation(d(2026, 3, 1)), &march1);
}

#[test]
fn guardianship_names_a_guardian_family() {
    let mut case = in_care();
    // A guardianship always names its guardian: there is no payload without one, and a 0.1
    // record without one does not load.
    assert_eq!(
        Discharge::try_from(ExitReason::Guardianship)
            .unwrap_err()
            .to_string(),
        "discharge: a discharge with the reason guardianship cannot be recorded; name the guardian's family"
    );
    assert!(
        serde_json::from_str::<Event>(
            r#"{"date":"2024-09-01","what":{"discharge":{"reason":"guardianship"}}}"#,
        )
        .is_err()
    );

    // The legal parents' household is no guardian: going back to it is a return home.
    let r = refuse(
        &mut case,
        discharge(
            d(2024, 9, 1),
            Discharge::Guardianship(Guardianship::new(fid("F-BIRTH"))),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::GuardianshipFamily]);
    assert_eq!(
        message(&r, 0),
        "a discharge to guardianship needs a caretaker's household (a guardian, relative, kin, foster, pre-adoptive or adoptive family), found family F-BIRTH of kind birth; a return to the legal parents is reunified"
    );
    assert_eq!(subjects(&r, 0), [Subject::Family(fid("F-BIRTH"))]);

    // A guardian's household, or the grandmother's recorded as a relative family (the most
    // common guardian; SSA §475(7) asks only for a caretaker): either is accepted, as recorded.
    for guardian in ["F-GUARD", "F-REL", "F-FOSTER"] {
        let mut case = case.clone();
        accept(
            &mut case,
            discharge(
                d(2024, 9, 1),
                Discharge::Guardianship(Guardianship::new(fid(guardian))),
            ),
            &FEDERAL,
        );
        assert_eq!(case.stage(), Stage::Exited(ExitReason::Guardianship));
    }
}

#[test]
fn a_guardianship_to_a_household_holding_a_parent_is_a_return_home() {
    // The mother (P-MOTHER, a legal parent) lives in her mother's home, F-REL, recorded so on
    // 2024-08-01. Guardianship to that household while her rights are intact is refused: it is
    // a return to a parent. Once her rights are terminated (2024-08-20), the grandmother may
    // become the guardian (2024-09-01), the mother still in the house.
    let with_mother = Family::builder(fid("F-REL"), FamilyKind::Relative)
        .member(member("P-GRAN", "Gia", Relationship::Grandparent).caregiver())
        .member(member("P-MOTHER", "Ann", Relationship::Mother).legal_parent())
        .license(license(d(2024, 1, 1), None))
        .build()
        .unwrap();
    let mut case = in_care();
    accept(&mut case, recorded(d(2024, 8, 1), with_mother), &FEDERAL);
    let to_gran = || {
        discharge(
            d(2024, 9, 1),
            Discharge::Guardianship(Guardianship::new(fid("F-REL"))),
        )
    };
    let r = refuse(&mut case.clone(), to_gran(), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::GuardianshipFamily]);
    assert_eq!(
        message(&r, 0),
        "a discharge to guardianship needs a caretaker's household, found family F-REL holding person P-MOTHER, a legal parent of the child with rights intact; a return to a parent is reunified"
    );
    assert_eq!(
        subjects(&r, 0),
        [
            Subject::Family(fid("F-REL")),
            Subject::Person(pid("P-MOTHER"))
        ]
    );
    accept(&mut case, tpr(d(2024, 8, 20), "P-MOTHER"), &FEDERAL);
    accept(&mut case, to_gran(), &FEDERAL);
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Guardianship));
}

#[test]
fn kinship_assistance_for_a_non_relative_guardian_is_a_lawful_guardianship() {
    // Assistance for a non-relative guardian only withholds title IV-E payment (SSA §473(d)(1);
    // DOMAIN §8.3 note on item 3): the guardianship happened and is recorded.
    let kinship = |family: &str| {
        Discharge::Guardianship(Guardianship::new(fid(family)).with_kinship_assistance())
    };

    // A non-relative guardian the child never lived with: accepted.
    let mut never_lived = in_care();
    accept(
        &mut never_lived,
        discharge(d(2024, 9, 10), kinship("F-GUARD")),
        &FEDERAL,
    );
    assert_eq!(never_lived.stage(), Stage::Exited(ExitReason::Guardianship));
    assert_eq!(
        never_lived.episodes()[0].exit(),
        Some(EpisodeExit::new(d(2024, 9, 10), ExitReason::Guardianship))
    );

    // The licensed foster parents, with the child since 2024-01-10 (8 months), become
    // guardians: not relatives, accepted too.
    let mut case = in_care();
    accept(
        &mut case,
        recorded(
            d(2024, 9, 1),
            as_kind(&foster_family(), FamilyKind::Guardian),
        ),
        &FEDERAL,
    );
    accept(
        &mut case,
        discharge(d(2024, 9, 10), kinship("F-FOSTER")),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Guardianship));

    // Kinship assistance only with a discharge to guardianship: only a `Guardianship` carries
    // it, and a 0.1 record that gives it to another exit does not load.
    assert!(serde_json::from_str::<Event>(
        r#"{"date":"2024-09-10","what":{"discharge":{"reason":"living_with_other_relatives","to":"F-REL","assistance":"kinship"}}}"#,
    )
    .is_err());
}

/// Placed with F-FOSTER 2024-01-10, moved to the licensed grandmother (F-REL) on 2024-03-01,
/// who is recorded as a guardian on 2024-07-25 (same id, same license).
fn with_grandmother(relative: Family) -> Case {
    let mut case = in_care();
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
    // The grandmother's home is recorded again, now as a guardian's household (a relative
    // family could be the guardian as recorded too: `guardianship_names_a_guardian_family`).
    accept(
        &mut case,
        recorded(d(2024, 7, 25), as_kind(&relative, FamilyKind::Guardian)),
        &FEDERAL,
    );
    assert_eq!(
        case.family(&fid("F-REL")).unwrap().kind(),
        FamilyKind::Guardian
    );
    case
}

fn kinship_to_grandmother(date: NaiveDate) -> Event {
    discharge(
        date,
        Discharge::Guardianship(Guardianship::new(fid("F-REL")).with_kinship_assistance()),
    )
}

#[test]
fn kinship_guardianship_before_six_months_in_the_relative_s_home_is_accepted() {
    // 2024-03-01 to 2024-08-01 is 5 months; 2024-03-01 + 6 months = 2024-09-01. Before then the
    // assistance is not title IV-E eligible (SSA §473(d)(3)(A)(i)(II)), but the guardianship is
    // lawful: accepted on 2024-08-01, exit that day.
    let mut case = with_grandmother(relative_family());
    accept(&mut case, kinship_to_grandmother(d(2024, 8, 1)), &FEDERAL);
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Guardianship));
    assert_eq!(
        case.episodes()[0].exit(),
        Some(EpisodeExit::new(d(2024, 8, 1), ExitReason::Guardianship))
    );
    assert_eq!(case.placements()[1].end().unwrap().date, d(2024, 8, 1));

    // Exactly 6 months: the same.
    let mut case = with_grandmother(relative_family());
    accept(&mut case, kinship_to_grandmother(d(2024, 9, 1)), &FEDERAL);
    assert_eq!(
        case.episodes()[0].exit(),
        Some(EpisodeExit::new(d(2024, 9, 1), ExitReason::Guardianship))
    );
}

#[test]
fn kinship_guardianship_before_the_home_was_licensed_six_months_is_accepted() {
    // Living with the grandmother from 2024-03-01 but licensed only from 2024-04-15: the
    // months run from 2024-04-15 (+ 6 months = 2024-10-15); a guardianship on 2024-09-01 is
    // still accepted.
    let mut case = with_grandmother(relative_family_licensed(d(2024, 4, 15)));
    accept(&mut case, kinship_to_grandmother(d(2024, 9, 1)), &FEDERAL);
    assert_eq!(case.stage(), Stage::Exited(ExitReason::Guardianship));
}
