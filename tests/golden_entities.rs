//! Golden JSON: the wire format of every entity, pinned by the files in `tests/golden/`.
//!
//! Each file is read, its fields checked through the getters (expected values written by hand
//! from the file), and the value re-serialized: the result must equal the file as JSON (so
//! formatting and key order in the file don't matter, but every key and value does). Then the
//! same files, edited, must be refused with the exact message.
#![cfg(feature = "serde")]

use chrono::NaiveDate;
use permanency::{
    Child, EndReason, Family, FamilyKind, FosterLicense, Goal, Goals, IndianChildStatus,
    LicenseStatus, Location, NewPlacement, PermanencyPlan, Person, Placement, Policy, Relationship,
    Setting, Sex, SpecifiedSetting,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

const CHILD: &str = include_str!("golden/child.json");
const PERSON: &str = include_str!("golden/person.json");
const FAMILY_BIRTH: &str = include_str!("golden/family_birth.json");
const FAMILY_FOSTER: &str = include_str!("golden/family_foster.json");
const NEW_PLACEMENT: &str = include_str!("golden/new_placement.json");
const PLACEMENT: &str = include_str!("golden/placement.json");
const PLAN: &str = include_str!("golden/permanency_plan.json");
const PLAN_APPLA: &str = include_str!("golden/permanency_plan_appla.json");

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Deserializes a golden file and checks that it serializes back to the same JSON.
fn golden<T: DeserializeOwned + Serialize>(file: &str) -> T {
    let value: T = serde_json::from_str(file).unwrap_or_else(|e| panic!("{e}\n{file}"));
    let expected: Value = serde_json::from_str(file).unwrap();
    assert_eq!(
        serde_json::to_value(&value).unwrap(),
        expected,
        "re-serialized differs from\n{file}"
    );
    value
}

/// A golden file as a JSON value, to edit.
fn doc(file: &str) -> Value {
    serde_json::from_str(file).unwrap()
}

/// The message of a refused JSON value, read both from text and from a `Value`, without
/// serde_json's " at line L column C" (which a `Value` has not, and which text has only for an
/// error inside the top-level value).
fn refusal<T: DeserializeOwned + std::fmt::Debug>(value: Value) -> String {
    let text = value.to_string();
    let from_str = serde_json::from_str::<T>(&text).expect_err("expected a refusal");
    let from_value = serde_json::from_value::<T>(value).expect_err("expected a refusal");
    let message = from_str.to_string();
    let message = match from_str.line() {
        0 => &message[..],
        line => {
            let position = format!(" at line {line} column {}", from_str.column());
            message
                .strip_suffix(&position)
                .unwrap_or_else(|| panic!("no position in {message:?}"))
        }
    };
    // Both ways into the deserializer give the same reason.
    assert_eq!(from_value.to_string(), message);
    message.to_owned()
}

// ---------------------------------------------------------------------------------------------
// The golden files

#[test]
fn child() {
    let c: Child = golden(CHILD);
    assert_eq!(c.id().as_str(), "C-1042");
    assert_eq!(c.name().expose().as_str(), "Zoë Ramírez-Begay");
    assert_eq!(*c.date_of_birth().expose(), d(2012, 2, 29));
    assert_eq!(c.sex(), Sex::Female);
    match c.indian_child_status() {
        IndianChildStatus::IndianChild { tribe: Some(t), .. } => {
            assert_eq!(t.as_str(), "Navajo Nation")
        }
        other => panic!("expected an Indian child of the Navajo Nation, found {other:?}"),
    }
    assert!(c.indian_child_status().icwa_applies());
    // Born on a leap day: 18 in 2030, a common year, on 02-28 under the federal default.
    assert_eq!(c.attains_age(18, &Policy::federal()), d(2030, 2, 28));
    assert_eq!(c.age_on(d(2030, 2, 28), &Policy::federal()), Some(18));
    let debug = format!("{c:?}");
    assert!(
        !debug.contains("Zoë") && !debug.contains("2012-02-29"),
        "{debug}"
    );
}

#[test]
fn person() {
    let p: Person = golden(PERSON);
    assert_eq!(p.id().as_str(), "P-2001");
    assert_eq!(p.name().expose().as_str(), "Łucja Nowak");
    assert_eq!(p.date_of_birth().map(|d| *d.expose()), Some(d(1988, 11, 3)));
    let debug = format!("{p:?}");
    assert!(
        !debug.contains("Łucja") && !debug.contains("1988-11-03"),
        "{debug}"
    );
}

#[test]
fn birth_family() {
    let f: Family = golden(FAMILY_BIRTH);
    assert_eq!(f.id().as_str(), "F-1");
    assert_eq!(f.kind(), FamilyKind::Birth);
    assert_eq!(f.members().len(), 3);
    let ids = |it: &mut dyn Iterator<Item = &permanency::Member>| {
        it.map(|m| m.person().id().as_str().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&mut f.legal_parents()), ["P-2001"]);
    assert_eq!(ids(&mut f.caregivers()), ["P-2001", "P-2003"]);

    let mother = &f.members()[0];
    assert_eq!(mother.relationship(), Relationship::Mother);
    assert!(mother.is_legal_parent() && mother.is_caregiver());
    assert_eq!(mother.person().name().expose().as_str(), "Łucja Nowak");

    let putative = f.member(&"P-2002".parse().unwrap()).unwrap();
    assert_eq!(putative.relationship(), Relationship::PutativeFather);
    assert!(!putative.is_legal_parent() && !putative.is_caregiver());
    // A missing date_of_birth reads as not recorded.
    assert_eq!(putative.person().date_of_birth(), None);

    let grandmother = &f.members()[2];
    assert_eq!(grandmother.relationship(), Relationship::Grandparent);
    assert_eq!(
        grandmother.person().date_of_birth().map(|d| *d.expose()),
        Some(d(1961, 5, 17))
    );
    // The grandmother cares for the child: a relative caregiver.
    assert!(f.cared_for_by_relative());

    assert!(f.license().is_none());
    assert!(f.siblings_in_care().is_empty());
}

#[test]
fn foster_family_with_license_and_siblings_in_care() {
    let f: Family = golden(FAMILY_FOSTER);
    assert_eq!(f.id().as_str(), "F-20");
    assert_eq!(f.kind(), FamilyKind::NonRelativeFoster);
    assert_eq!(f.legal_parents().count(), 0);
    assert_eq!(f.caregivers().count(), 2);
    assert!(!f.cared_for_by_relative());
    assert!(
        f.members()
            .iter()
            .all(|m| m.relationship() == Relationship::NonRelative)
    );
    assert_eq!(f.members()[1].person().date_of_birth(), None);
    assert_eq!(
        f.members()[2].person().date_of_birth().map(|d| *d.expose()),
        Some(d(2009, 1, 30))
    );

    let license = f.license().unwrap();
    assert_eq!(license.status(), LicenseStatus::Licensed);
    assert_eq!(license.since(), d(2019, 6, 1));
    assert_eq!(license.expires(), Some(d(2025, 5, 31)));
    // In force through its last day, not the day after, nor the day before it began.
    assert!(license.in_force_on(d(2025, 5, 31)));
    assert!(!license.in_force_on(d(2025, 6, 1)));
    assert!(!license.in_force_on(d(2019, 5, 31)));

    let siblings: Vec<&str> = f.siblings_in_care().iter().map(|c| c.as_str()).collect();
    assert_eq!(siblings, ["C-1043", "C-1044"]);
}

#[test]
fn new_placement() {
    let p: NewPlacement = golden(NEW_PLACEMENT);
    assert_eq!(p.id().as_str(), "PL-7");
    assert_eq!(p.setting(), Setting::GroupHomeStaffOperated);
    assert!(p.setting().is_congregate_care());
    assert_eq!(p.caregiver(), None);
    assert_eq!(p.location(), Location::OutOfState);
    assert_eq!(
        p.specified_setting(),
        Some(SpecifiedSetting::SexTraffickingVictims)
    );
}

#[test]
fn ended_placement() {
    let p: Placement = golden(PLACEMENT);
    assert_eq!(p.id().as_str(), "PL-3");
    assert_eq!(p.setting(), Setting::TherapeuticFosterHome);
    assert_eq!(p.caregiver().map(|f| f.as_str()), Some("F-20"));
    assert_eq!(p.what().location(), Location::InState);
    assert_eq!(p.what().specified_setting(), None);
    assert_eq!(p.start(), d(2023, 3, 10));
    let end = p.end().unwrap();
    assert_eq!(
        (end.date, end.reason),
        (d(2024, 1, 15), EndReason::Replaced)
    );
    assert!(!p.is_open());
    // [2023-03-10, 2024-01-15): a year from 2023-03-10 is 366 days (2024-02-29 included), less
    // the 55 days from 2024-01-15 to 2024-03-10 (17 in January, 29 in February, 9 in March).
    assert_eq!(p.period(d(2030, 1, 1)).days(), 366 - 55);
}

#[test]
fn plan_with_a_concurrent_goal() {
    let p: PermanencyPlan = golden(PLAN);
    assert_eq!(p.primary_goal(), Goal::Reunification);
    assert_eq!(p.concurrent_goal(), Some(Goal::Adoption));
    assert!(p.goals().includes(Goal::Adoption));
    assert!(!p.goals().includes(Goal::Appla));
    assert!(p.goals().appla_documentation().is_none());
    assert_eq!(p.established(), d(2023, 4, 20));
}

#[test]
fn appla_plan() {
    let p: PermanencyPlan = golden(PLAN_APPLA);
    assert_eq!(p.primary_goal(), Goal::Appla);
    assert_eq!(p.concurrent_goal(), None);
    assert_eq!(p.established(), d(2024, 9, 30));
    let doc = p.goals().appla_documentation().unwrap();
    assert_eq!(
        doc.compelling_reason().expose().as_str(),
        "Youth, 17, asked to stay with her foster family until she leaves care"
    );
    assert_eq!(
        doc.efforts().expose().as_str(),
        "Searched for relatives in three states; none able to care for her"
    );
    let debug = format!("{p:?}");
    assert!(
        !debug.contains("Youth") && !debug.contains("Searched"),
        "{debug}"
    );
}

#[test]
fn goals_serialize_as_the_plan_does_without_its_date() {
    // `Goals` alone has no golden file: it is the plan's JSON less `established`.
    let mut expected = doc(PLAN_APPLA);
    expected.as_object_mut().unwrap().remove("established");
    let goals: Goals = serde_json::from_value(expected.clone()).unwrap();
    assert_eq!(serde_json::to_value(&goals).unwrap(), expected);
    assert_eq!(&goals, golden::<PermanencyPlan>(PLAN_APPLA).goals());
}

// ---------------------------------------------------------------------------------------------
// Unknown fields

/// Adds `"nickname": "x"` to the object at `path` (a list of keys and indices) in `value`.
fn with_unknown_field(mut value: Value, path: &[&str]) -> Value {
    let mut node = &mut value;
    for key in path {
        node = match key.parse::<usize>() {
            Ok(i) => &mut node[i],
            Err(_) => &mut node[*key],
        };
    }
    node.as_object_mut()
        .unwrap()
        .insert("nickname".into(), json!("x"));
    value
}

#[test]
fn unknown_fields_are_refused_at_every_level() {
    let unknown = |expected: &str| format!("unknown field `nickname`, expected {expected}");
    assert_eq!(
        refusal::<Child>(with_unknown_field(doc(CHILD), &[])),
        unknown(
            "one of `id`, `name`, `date_of_birth`, `sex`, `indian_child_status`, `race`, `ethnicity`"
        )
    );
    assert_eq!(
        refusal::<Child>(with_unknown_field(doc(CHILD), &["indian_child_status"])),
        unknown("one of `status`, `tribe`, `other_tribes`")
    );
    assert_eq!(
        refusal::<Person>(with_unknown_field(doc(PERSON), &[])),
        unknown("one of `id`, `name`, `date_of_birth`")
    );
    assert_eq!(
        refusal::<Family>(with_unknown_field(doc(FAMILY_FOSTER), &[])),
        unknown("one of `id`, `kind`, `members`, `licence`, `license`, `siblings_in_care`")
    );
    assert_eq!(
        refusal::<Family>(with_unknown_field(doc(FAMILY_FOSTER), &["members", "1"])),
        unknown("one of `person`, `relationship`, `legal_parent`, `caregiver`")
    );
    assert_eq!(
        refusal::<Family>(with_unknown_field(
            doc(FAMILY_FOSTER),
            &["members", "0", "person"]
        )),
        unknown("one of `id`, `name`, `date_of_birth`")
    );
    assert_eq!(
        refusal::<Family>(with_unknown_field(doc(FAMILY_FOSTER), &["license"])),
        unknown("one of `status`, `since`, `expires`")
    );
    assert_eq!(
        refusal::<NewPlacement>(with_unknown_field(doc(NEW_PLACEMENT), &[])),
        unknown("one of `id`, `setting`, `caregiver`, `facility`, `location`, `specified_setting`")
    );
    assert_eq!(
        refusal::<Placement>(with_unknown_field(doc(PLACEMENT), &[])),
        unknown(
            "one of `id`, `setting`, `caregiver`, `facility`, `location`, `specified_setting`, `start`, `end`"
        )
    );
    assert_eq!(
        refusal::<Placement>(with_unknown_field(doc(PLACEMENT), &["end"])),
        unknown("`date` or `reason`")
    );
    assert_eq!(
        refusal::<PermanencyPlan>(with_unknown_field(doc(PLAN), &[])),
        unknown("one of `primary`, `concurrent`, `appla`, `established`")
    );
    assert_eq!(
        refusal::<PermanencyPlan>(with_unknown_field(doc(PLAN_APPLA), &["appla"])),
        unknown("`compelling_reason` or `efforts`")
    );
    // A plan's `Goals` alone does not take the plan's date.
    let mut goals = doc(PLAN);
    goals
        .as_object_mut()
        .unwrap()
        .insert("established".into(), json!("2023-04-20"));
    assert_eq!(
        serde_json::from_value::<Goals>(goals)
            .unwrap_err()
            .to_string(),
        "unknown field `established`, expected one of `primary`, `concurrent`, `appla`"
    );
}

#[test]
fn missing_and_repeated_fields_are_refused() {
    let mut child = doc(CHILD);
    child.as_object_mut().unwrap().remove("sex");
    assert_eq!(refusal::<Child>(child), "missing field `sex`");

    let mut placement = doc(PLACEMENT);
    placement.as_object_mut().unwrap().remove("start");
    assert_eq!(refusal::<Placement>(placement), "missing field `start`");

    let repeated =
        r#"{"primary": "adoption", "primary": "reunification", "established": "2023-04-20"}"#;
    let e = serde_json::from_str::<PermanencyPlan>(repeated).unwrap_err();
    assert_eq!(
        e.to_string(),
        "duplicate field `primary` at line 1 column 33"
    );
}

// ---------------------------------------------------------------------------------------------
// Invalid content: refused with the constructors' own messages

/// `value` with the field at `path` set to `to` (or removed when `to` is `None`).
fn edit(mut value: Value, path: &[&str], to: Option<Value>) -> Value {
    let (last, parents) = path.split_last().unwrap();
    let mut node = &mut value;
    for key in parents {
        node = match key.parse::<usize>() {
            Ok(i) => &mut node[i],
            Err(_) => &mut node[*key],
        };
    }
    let object = node.as_object_mut().unwrap();
    match to {
        Some(v) => {
            object.insert((*last).into(), v);
        }
        None => {
            object.remove(*last);
        }
    }
    value
}

#[test]
fn invalid_content_is_refused_with_the_exact_message() {
    const ID: &str = "1 to 64 characters without control characters or surrounding white space";

    assert_eq!(
        refusal::<Child>(edit(doc(CHILD), &["id"], Some(json!("")))),
        format!("invalid child id: expected {ID}, found an empty value")
    );
    assert_eq!(
        refusal::<Family>(edit(
            doc(FAMILY_BIRTH),
            &["members", "2", "person", "id"],
            Some(json!("P-2003 "))
        )),
        format!("invalid person id: expected {ID}, found leading or trailing white space")
    );
    assert_eq!(
        refusal::<Placement>(edit(
            doc(PLACEMENT),
            &["caregiver"],
            Some(json!("F\u{0}20"))
        )),
        format!("invalid family id: expected {ID}, found a control character at position 1")
    );
    assert_eq!(
        refusal::<NewPlacement>(edit(
            doc(NEW_PLACEMENT),
            &["id"],
            Some(json!("P".repeat(65)))
        )),
        format!("invalid placement id: expected {ID}, found 65 characters")
    );
    assert_eq!(
        refusal::<Person>(edit(doc(PERSON), &["name"], Some(json!(" Łucja Nowak")))),
        "invalid name: expected 1 to 200 characters without control characters or surrounding white space, found leading or trailing white space"
    );
    assert_eq!(
        refusal::<Child>(edit(
            doc(CHILD),
            &["date_of_birth"],
            Some(json!("1899-12-31"))
        )),
        "invalid date of birth: expected a date from 1900-01-01 to 2199-12-31, found one outside that range"
    );

    // Families. A foster family without its license is one (its days are reported unpaid).
    let unlicensed: Family =
        serde_json::from_value(edit(doc(FAMILY_FOSTER), &["license"], None)).unwrap();
    assert!(unlicensed.license().is_none());
    assert_eq!(
        refusal::<Family>(edit(
            doc(FAMILY_FOSTER),
            &["license", "expires"],
            Some(json!("2019-05-31"))
        )),
        "invalid license expiry: expected on or after 2019-06-01, found 2019-05-31"
    );
    assert_eq!(
        refusal::<Family>(edit(
            doc(FAMILY_BIRTH),
            &["members", "1", "legal_parent"],
            Some(json!(true))
        )),
        "family F-1: member P-2002 is marked a legal parent, expected a mother, father, adoptive parent or legal guardian, found putative_father"
    );
    assert_eq!(
        refusal::<Family>(edit(
            doc(FAMILY_BIRTH),
            &["license"],
            Some(doc(FAMILY_FOSTER)["license"].clone())
        )),
        "family F-1: a birth family does not foster, found a foster-home license"
    );
    assert_eq!(
        refusal::<Family>(edit(
            doc(FAMILY_FOSTER),
            &["members", "2", "person", "id"],
            Some(json!("P-3001"))
        )),
        "duplicate family member: P-3001 appears more than once"
    );
    assert_eq!(
        refusal::<Family>(edit(
            doc(FAMILY_FOSTER),
            &["siblings_in_care"],
            Some(json!(["C-1043", "C-1043"]))
        )),
        "family F-20: sibling C-1043 is listed twice"
    );
    assert_eq!(
        refusal::<Family>(edit(doc(FAMILY_FOSTER), &["members"], Some(json!([])))),
        "family F-20: expected at least one member, found none"
    );
    // A foster family none of whose members cares for the child.
    let mut idle = doc(FAMILY_FOSTER);
    for i in ["0", "1"] {
        idle = edit(idle, &["members", i, "caregiver"], Some(json!(false)));
    }
    assert_eq!(
        refusal::<Family>(idle),
        "family F-20: expected at least one caregiver in a non_relative_foster family, found none"
    );
    assert_eq!(
        refusal::<Family>(edit(doc(FAMILY_FOSTER), &["kind"], Some(json!("relative")))),
        "family F-20: expected a caregiver who is a relative, found none"
    );

    // Placements.
    assert_eq!(
        refusal::<Placement>(edit(
            doc(PLACEMENT),
            &["end", "date"],
            Some(json!("2023-03-09"))
        )),
        "invalid placement end: expected on or after 2023-03-10, found 2023-03-09"
    );
    assert_eq!(
        refusal::<Placement>(edit(doc(PLACEMENT), &["setting"], Some(json!("runaway")))),
        "placement PL-3: a runaway setting has no caregiver family, found one"
    );
    assert_eq!(
        refusal::<NewPlacement>(edit(
            doc(NEW_PLACEMENT),
            &["setting"],
            Some(json!("kin_foster_home"))
        )),
        "placement PL-7: a kin_foster_home setting needs a caregiver family, found none"
    );
    assert_eq!(
        refusal::<NewPlacement>(edit(
            doc(NEW_PLACEMENT),
            &["setting"],
            Some(json!("supervised_independent_living"))
        )),
        "placement PL-7: a supervised_independent_living setting cannot be a sex_trafficking_victims specified setting"
    );
    assert_eq!(
        refusal::<Placement>(edit(doc(PLACEMENT), &["start"], Some(json!("2200-01-01")))),
        "invalid placement start: expected a date from 1900-01-01 to 2199-12-31, found one outside that range"
    );

    // Plans.
    assert_eq!(
        refusal::<PermanencyPlan>(edit(
            doc(PLAN),
            &["concurrent"],
            Some(json!("reunification"))
        )),
        "permanency plan: expected a concurrent goal different from the primary goal, found reunification twice"
    );
    assert_eq!(
        refusal::<PermanencyPlan>(edit(doc(PLAN_APPLA), &["appla"], None)),
        "permanency plan: expected the compelling reason and efforts documented for an appla goal, found none"
    );
    assert_eq!(
        refusal::<PermanencyPlan>(edit(
            doc(PLAN),
            &["appla"],
            Some(doc(PLAN_APPLA)["appla"].clone())
        )),
        "permanency plan: expected no appla documentation without an appla goal, found some"
    );
    assert_eq!(
        refusal::<PermanencyPlan>(edit(
            doc(PLAN_APPLA),
            &["appla", "efforts"],
            Some(json!(""))
        )),
        "invalid note: expected 1 to 4000 characters without control or hidden format characters or surrounding white space, found an empty value"
    );
}

// ---------------------------------------------------------------------------------------------
// The wire format: snake_case names, ISO dates

/// Each value serializes to the given string and reads back from it.
fn names<T>(pairs: &[(T, &str)])
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    for (value, name) in pairs {
        assert_eq!(
            serde_json::to_value(value).unwrap(),
            json!(name),
            "{value:?}"
        );
        assert_eq!(
            &serde_json::from_value::<T>(json!(name)).unwrap(),
            value,
            "{name}"
        );
    }
}

#[test]
fn code_lists_are_snake_case() {
    names(&[
        (Sex::Female, "female"),
        (Sex::Male, "male"),
        (Sex::Unknown, "unknown"),
    ]);
    names(&[
        (Location::InState, "in_state"),
        (Location::OutOfState, "out_of_state"),
        (Location::OutOfCountry, "out_of_country"),
    ]);
    names(&[
        (EndReason::Replaced, "replaced"),
        (EndReason::Disrupted, "disrupted"),
        (EndReason::Discharged, "discharged"),
        (EndReason::Died, "died"),
    ]);
    names(&[
        (LicenseStatus::Licensed, "licensed"),
        (LicenseStatus::Approved, "approved"),
        (LicenseStatus::Provisional, "provisional"),
        (LicenseStatus::Pending, "pending"),
        (LicenseStatus::Suspended, "suspended"),
        (LicenseStatus::Revoked, "revoked"),
    ]);
    names(&[
        (FamilyKind::Birth, "birth"),
        (FamilyKind::Relative, "relative"),
        (FamilyKind::Kin, "kin"),
        (FamilyKind::NonRelativeFoster, "non_relative_foster"),
        (FamilyKind::PreAdoptive, "pre_adoptive"),
        (FamilyKind::Adoptive, "adoptive"),
        (FamilyKind::Guardian, "guardian"),
    ]);
    names(&[
        (Relationship::Mother, "mother"),
        (Relationship::Father, "father"),
        (Relationship::AdoptiveParent, "adoptive_parent"),
        (Relationship::PutativeFather, "putative_father"),
        (Relationship::LegalGuardian, "legal_guardian"),
        (Relationship::Grandparent, "grandparent"),
        (Relationship::FullSibling, "full_sibling"),
        (Relationship::HalfSibling, "half_sibling"),
        (Relationship::StepSibling, "step_sibling"),
        (Relationship::AuntOrUncle, "aunt_or_uncle"),
        (Relationship::OtherRelative, "other_relative"),
        (Relationship::FictiveKin, "fictive_kin"),
        (Relationship::NonRelative, "non_relative"),
    ]);
    names(&[
        (Goal::Reunification, "reunification"),
        (Goal::Adoption, "adoption"),
        (Goal::LegalGuardianship, "legal_guardianship"),
        (Goal::FitAndWillingRelative, "fit_and_willing_relative"),
        (Goal::Appla, "appla"),
    ]);
    names(&[
        (
            SpecifiedSetting::PrenatalPostpartumParenting,
            "prenatal_postpartum_parenting",
        ),
        (
            SpecifiedSetting::SexTraffickingVictims,
            "sex_trafficking_victims",
        ),
        (
            SpecifiedSetting::FamilyBasedSubstanceAbuseTreatment,
            "family_based_substance_abuse_treatment",
        ),
    ]);
    names(&[
        (Setting::NonRelativeFosterHome, "non_relative_foster_home"),
        (Setting::RelativeFosterHome, "relative_foster_home"),
        (Setting::KinFosterHome, "kin_foster_home"),
        (Setting::TherapeuticFosterHome, "therapeutic_foster_home"),
        (Setting::ShelterFosterHome, "shelter_foster_home"),
        (Setting::PreAdoptiveHome, "pre_adoptive_home"),
        (
            Setting::GroupHomeFamilyOperated,
            "group_home_family_operated",
        ),
        (Setting::GroupHomeStaffOperated, "group_home_staff_operated"),
        (Setting::GroupHomeShelter, "group_home_shelter"),
        (
            Setting::ResidentialTreatmentCenter,
            "residential_treatment_center",
        ),
        (Setting::Qrtp, "qrtp"),
        (Setting::ChildCareInstitution, "child_care_institution"),
        (
            Setting::ChildCareInstitutionShelter,
            "child_care_institution_shelter",
        ),
        (
            Setting::SupervisedIndependentLiving,
            "supervised_independent_living",
        ),
        (
            Setting::JuvenileJusticeFacility,
            "juvenile_justice_facility",
        ),
        (Setting::MedicalFacility, "medical_facility"),
        (Setting::PsychiatricHospital, "psychiatric_hospital"),
        (Setting::Runaway, "runaway"),
        (Setting::WhereaboutsUnknown, "whereabouts_unknown"),
        (Setting::TrialHomeVisit, "trial_home_visit"),
    ]);
    // The wire names are the ones `as_str` gives (and error messages quote).
    for s in Setting::ALL {
        assert_eq!(serde_json::to_value(s).unwrap(), json!(s.as_str()));
    }
    // ICWA status is an object tagged by `status`.
    for (status, json) in [
        (
            IndianChildStatus::NotIndianChild,
            json!({"status": "not_indian_child"}),
        ),
        (
            IndianChildStatus::ReasonToKnow,
            json!({"status": "reason_to_know"}),
        ),
        (IndianChildStatus::Unknown, json!({"status": "unknown"})),
        (
            IndianChildStatus::indian_child([]),
            json!({"status": "indian_child"}),
        ),
    ] {
        assert_eq!(serde_json::to_value(&status).unwrap(), json);
        assert_eq!(
            serde_json::from_value::<IndianChildStatus>(json).unwrap(),
            status
        );
    }
    // An explicit null tribe reads as unknown too.
    assert_eq!(
        serde_json::from_value::<IndianChildStatus>(
            json!({"status": "indian_child", "tribe": null})
        )
        .unwrap(),
        IndianChildStatus::indian_child([])
    );
    assert_eq!(
        refusal::<Sex>(json!("Female")),
        "unknown variant `Female`, expected one of `female`, `male`, `unknown`"
    );
    assert_eq!(
        refusal::<PermanencyPlan>(edit(doc(PLAN), &["primary"], Some(json!("APPLA")))),
        "unknown variant `APPLA`, expected one of `reunification`, `adoption`, `legal_guardianship`, `fit_and_willing_relative`, `appla`"
    );
}

#[test]
fn dates_are_iso_8601_calendar_dates() {
    // Written as YYYY-MM-DD, zero-padded, whatever the year.
    let license =
        FosterLicense::new(LicenseStatus::Pending, d(1905, 1, 5), Some(d(2199, 12, 31))).unwrap();
    assert_eq!(
        serde_json::to_value(license).unwrap(),
        json!({"status": "pending", "since": "1905-01-05", "expires": "2199-12-31"})
    );
    let c: Child = golden(CHILD);
    assert_eq!(
        serde_json::to_value(&c).unwrap()["date_of_birth"],
        json!("2012-02-29")
    );

    // Not a date, or not a calendar date: refused with chrono's reason.
    let dob =
        |text: &str| refusal::<Child>(edit(doc(CHILD), &["date_of_birth"], Some(json!(text))));
    assert_eq!(dob("02/29/2012"), "input contains invalid characters");
    assert_eq!(dob("20120229"), "input contains invalid characters");
    // 2013 is a common year, and no month has 32 days.
    assert_eq!(dob("2013-02-29"), "input is out of range");
    assert_eq!(dob("2012-01-32"), "input is out of range");
    assert_eq!(dob("2012-02-29T00:00:00"), "trailing input");
    assert_eq!(dob("2012-02"), "premature end of input");
    assert_eq!(
        refusal::<Child>(edit(doc(CHILD), &["date_of_birth"], Some(json!(20120229)))),
        "invalid type: integer `20120229`, expected a formatted date string"
    );
}
