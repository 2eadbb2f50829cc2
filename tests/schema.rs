//! The JSON Schemas of the wire format (feature `schemars`), checked against the golden files.
//!
//! - The files under `schema/` are what `permanency::schema` generates: after a change to the
//!   wire format, regenerate them with `PERMANENCY_BLESS=1 cargo test --features schemars --test
//!   schema` and commit them.
//! - Every golden file under `tests/golden/` validates against its type's schema, the 0.1 files
//!   too (the legacy forms are in the schemas, marked `deprecated`).
//! - Documents the crate refuses for their shape (an unknown field, a wrong tag, a text out of
//!   bounds, a legacy form it cannot read) fail validation, and the crate does refuse them.
//! - What the crate writes (cases, events, placements, rejections, obligations, episodes, the
//!   parents' rights) validates against the schemas of its output, for the golden cases and, with
//!   the `proptest` feature, for generated valid cases.
#![cfg(feature = "schemars")]

use std::path::PathBuf;

use chrono::NaiveDate;
use jsonschema::Validator;
use permanency::*;
use schemars::Schema;
use serde::Serialize;
use serde_json::{Value, json};

const BLESS: &str = "PERMANENCY_BLESS";

const REUNIFIED: &str = include_str!("golden/case_reunified.json");
const ADOPTED: &str = include_str!("golden/case_adopted.json");

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn doc(file: &str) -> Value {
    serde_json::from_str(file).unwrap()
}

/// A validator for `schema`, checking formats (`date`) too. Building one checks the schema
/// against its meta-schema (draft 2020-12, built into the validator: nothing is fetched).
fn validator(schema: &Schema) -> Validator {
    assert!(
        jsonschema::meta::is_valid(schema.as_value()),
        "not a valid JSON Schema"
    );
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema.as_value())
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"))
}

/// Every validation error of `instance`, with where it is.
fn errors(validator: &Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("at {:?}: {e}", e.instance_path().as_str()))
        .collect()
}

#[track_caller]
fn assert_valid(validator: &Validator, instance: &Value, what: &str) {
    let errors = errors(validator, instance);
    assert!(
        errors.is_empty(),
        "{what} fails its schema:\n{errors:#?}\n{instance:#}"
    );
}

/// A value as JSON.
fn json_of(value: &impl Serialize) -> Value {
    serde_json::to_value(value).unwrap()
}

// ---------------------------------------------------------------------------------------------
// The checked-in files

/// The schemas checked in under `schema/`, by file stem.
fn checked_in() -> Vec<(&'static str, Schema)> {
    vec![
        ("case", schema::case()),
        ("event", schema::event()),
        ("rejection", schema::rejection()),
        ("obligation", schema::obligation()),
    ]
}

#[test]
fn the_checked_in_schemas_are_the_generated_ones() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema");
    let bless = std::env::var_os(BLESS).is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (stem, schema) in checked_in() {
        let path = dir.join(format!("{stem}.schema.json"));
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
            std::fs::write(&path, text).unwrap();
            continue;
        }
        let on_disk = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| serde_json::from_str::<Value>(&text).ok());
        if on_disk.as_ref() != Some(schema.as_value()) {
            stale.push(format!("schema/{stem}.schema.json"));
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} differ from what `permanency::schema` generates: regenerate them with \
         `{BLESS}=1 cargo test --features schemars --test schema`, then review and commit them"
    );
}

#[test]
fn every_schema_is_a_valid_draft_2020_12_schema() {
    let all = [
        schema::case(),
        schema::event(),
        schema::child(),
        schema::person(),
        schema::family(),
        schema::new_placement(),
        schema::placement(),
        schema::goals(),
        schema::permanency_plan(),
        schema::rejection(),
        schema::violation(),
        schema::obligation(),
        schema::episode(),
        schema::parent_status(),
        schema::stage(),
        schema::output::<Case>(),
        schema::output::<Event>(),
    ];
    for schema in &all {
        assert_eq!(
            schema.get("$schema").and_then(Value::as_str),
            Some("https://json-schema.org/draft/2020-12/schema")
        );
        validator(schema);
    }
}

#[test]
fn no_private_wire_type_is_named() {
    // The records behind `try_from` lend their schema to the public type; none is a definition.
    let defs = schema::case()
        .get("$defs")
        .unwrap()
        .as_object()
        .unwrap()
        .clone();
    for name in defs.keys() {
        assert!(
            !name.ends_with("Record") && !["IcwaTag", "ToFamily"].contains(&name.as_str()),
            "{name} in the case schema"
        );
    }
    for name in [
        "Child",
        "Family",
        "Event",
        "EventData",
        "Discharge",
        "Circumstances",
        "Name",
    ] {
        assert!(defs.contains_key(name), "no definition of {name}");
    }
}

// ---------------------------------------------------------------------------------------------
// The golden files validate

#[test]
fn the_golden_cases_validate() {
    let case = validator(&schema::case());
    for (name, file) in [
        ("case_reunified.json", REUNIFIED),
        ("case_adopted.json", ADOPTED),
        (
            "v0_1/case_reunified.json",
            include_str!("golden/v0_1/case_reunified.json"),
        ),
        (
            "v0_1/case_adopted.json",
            include_str!("golden/v0_1/case_adopted.json"),
        ),
    ] {
        assert_valid(&case, &doc(file), name);
    }
}

#[test]
fn the_golden_entities_validate_against_their_type_s_schema() {
    let files: [(&str, &str, Schema); 9] = [
        (
            "child.json",
            include_str!("golden/child.json"),
            schema::child(),
        ),
        (
            "person.json",
            include_str!("golden/person.json"),
            schema::person(),
        ),
        (
            "family_birth.json",
            include_str!("golden/family_birth.json"),
            schema::family(),
        ),
        (
            "family_foster.json",
            include_str!("golden/family_foster.json"),
            schema::family(),
        ),
        (
            "v0_1/family_foster.json",
            include_str!("golden/v0_1/family_foster.json"),
            schema::family(),
        ),
        (
            "new_placement.json",
            include_str!("golden/new_placement.json"),
            schema::new_placement(),
        ),
        (
            "placement.json",
            include_str!("golden/placement.json"),
            schema::placement(),
        ),
        (
            "permanency_plan.json",
            include_str!("golden/permanency_plan.json"),
            schema::permanency_plan(),
        ),
        (
            "permanency_plan_appla.json",
            include_str!("golden/permanency_plan_appla.json"),
            schema::permanency_plan(),
        ),
    ];
    for (name, file, schema) in files {
        assert_valid(&validator(&schema), &doc(file), name);
    }
}

#[test]
fn every_event_of_the_golden_cases_validates_against_the_event_schema() {
    let event = validator(&schema::event());
    for file in [REUNIFIED, ADOPTED] {
        for (i, e) in doc(file)["events"].as_array().unwrap().iter().enumerate() {
            assert_valid(&event, e, &format!("event {i}"));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Documents refused for their shape fail validation

/// A golden case with one edit at a JSON pointer: the value there replaced.
fn edited(file: &str, pointer: &str, value: Value) -> Value {
    let mut doc = doc(file);
    *doc.pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer}")) = value;
    doc
}

/// A golden case with a field added to the object at `pointer`.
fn with_field(file: &str, pointer: &str, field: &str, value: Value) -> Value {
    let mut doc = doc(file);
    doc.pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {pointer}"))
        .insert(field.to_owned(), value);
    doc
}

#[test]
fn documents_the_crate_refuses_for_their_shape_fail_validation() {
    let case = validator(&schema::case());
    let discharge = "/events/12/what/discharge";
    let invalid = [
        // Unknown fields, at every level.
        (
            "an unknown top-level field",
            with_field(REUNIFIED, "", "version", json!(2)),
        ),
        (
            "an unknown child field",
            with_field(REUNIFIED, "/child", "nickname", json!("Amo")),
        ),
        (
            "an unknown member field",
            with_field(REUNIFIED, "/families/0/members/0", "phone", json!("555")),
        ),
        (
            "an unknown event field",
            with_field(REUNIFIED, "/events/0", "note", json!("x")),
        ),
        (
            "an unknown placement field",
            with_field(
                REUNIFIED,
                "/events/2/what/placement_begun",
                "rate",
                json!(40),
            ),
        ),
        (
            "an unknown field in a finding",
            with_field(
                REUNIFIED,
                "/events/11/what/court_finding/visit_extended",
                "by",
                json!("J"),
            ),
        ),
        // Wrong tags and values.
        (
            "a misspelt event kind",
            edited(
                REUNIFIED,
                "/events/0/what",
                json!({"removel": {"manner": "court_order"}}),
            ),
        ),
        (
            "an event that carries facts, named without them",
            edited(REUNIFIED, "/events/0/what", json!("removal")),
        ),
        (
            "two event kinds in one event",
            edited(
                REUNIFIED,
                "/events/3/what",
                json!({"relatives_notified": null, "periodic_review": null}),
            ),
        ),
        (
            "an unknown setting",
            edited(
                REUNIFIED,
                "/events/2/what/placement_begun/setting",
                json!("hotel"),
            ),
        ),
        (
            "an unknown circumstance",
            edited(
                REUNIFIED,
                "/events/0/what/removal/circumstances/0",
                json!("poverty"),
            ),
        ),
        (
            "an unknown sex",
            edited(REUNIFIED, "/child/sex", json!("f")),
        ),
        (
            "an unknown ICWA status",
            edited(
                REUNIFIED,
                "/child/indian_child_status/status",
                json!("maybe"),
            ),
        ),
        (
            "a tribe without an Indian child",
            with_field(
                REUNIFIED,
                "/child/indian_child_status",
                "tribe",
                json!("Navajo Nation"),
            ),
        ),
        (
            "a date that is not a date",
            edited(REUNIFIED, "/events/5/date", json!("2023-02-30")),
        ),
        (
            "a date as a number",
            edited(REUNIFIED, "/child/date_of_birth", json!(20150912)),
        ),
        // Text out of bounds.
        ("an empty name", edited(REUNIFIED, "/child/name", json!(""))),
        (
            "a name with surrounding white space",
            edited(REUNIFIED, "/child/name", json!("Amaru ")),
        ),
        (
            "a name on two lines",
            edited(REUNIFIED, "/child/name", json!("Amaru\nQuispe")),
        ),
        (
            "an id of 65 characters",
            edited(REUNIFIED, "/child/id", json!("C".repeat(65))),
        ),
        (
            "a name of 201 characters",
            edited(REUNIFIED, "/child/name", json!("é".repeat(201))),
        ),
        // Plans.
        (
            "an APPLA goal without its documentation",
            edited(
                REUNIFIED,
                "/events/6/what/plan_set/concurrent",
                json!("appla"),
            ),
        ),
        (
            "APPLA documentation without an APPLA goal",
            with_field(
                REUNIFIED,
                "/events/6/what/plan_set",
                "appla",
                json!({"compelling_reason": "r", "efforts": "e"}),
            ),
        ),
        // Discharges.
        (
            "an unknown discharge reason",
            edited(REUNIFIED, discharge, json!("released")),
        ),
        (
            "a discharge to adoption",
            edited(REUNIFIED, discharge, json!("adopted")),
        ),
        (
            "a guardianship without its guardian, by name",
            edited(REUNIFIED, discharge, json!("guardianship")),
        ),
        (
            "a guardianship without its guardian",
            edited(
                REUNIFIED,
                discharge,
                json!({"guardianship": {"assistance": "kinship"}}),
            ),
        ),
        (
            "two reasons in one discharge",
            edited(
                REUNIFIED,
                discharge,
                json!({"reunified": {}, "emancipated": null}),
            ),
        ),
        (
            "an unknown field in a reunification",
            edited(
                REUNIFIED,
                discharge,
                json!({"reunified": {"to": "F-10", "on": "2024-09-16"}}),
            ),
        ),
        (
            "a 0.1 discharge with a field of this version",
            edited(
                REUNIFIED,
                discharge,
                json!({"reason": "reunified", "reunified": {}}),
            ),
        ),
        (
            "a 0.1 guardianship without its guardian",
            edited(
                REUNIFIED,
                discharge,
                json!({"reason": "guardianship", "assistance": "kinship"}),
            ),
        ),
        (
            "0.1 kinship assistance without a guardianship",
            edited(
                REUNIFIED,
                discharge,
                json!({"reason": "reunified", "to": "F-10", "assistance": "kinship"}),
            ),
        ),
        (
            "a 0.1 discharge to adoption",
            edited(REUNIFIED, discharge, json!({"reason": "adopted"})),
        ),
        // Trial home visits and runaways.
        (
            "a trial home visit without its family",
            edited(
                REUNIFIED,
                "/events/10/what/trial_home_visit_begun",
                json!({"id": "PL-2"}),
            ),
        ),
        (
            "a trial home visit naming its family twice",
            with_field(
                REUNIFIED,
                "/events/10/what/trial_home_visit_begun",
                "caregiver",
                json!("F-10"),
            ),
        ),
        (
            "a 0.1 trial home visit in another setting",
            edited(
                REUNIFIED,
                "/events/10/what/trial_home_visit_begun",
                json!({"id": "PL-2", "setting": "non_relative_foster_home", "caregiver": "F-10"}),
            ),
        ),
        (
            "a 0.1 runaway in a foster home",
            edited(
                REUNIFIED,
                "/events/10/what",
                json!({"ran_away": {"id": "PL-2", "setting": "non_relative_foster_home"}}),
            ),
        ),
        // Families.
        (
            "a family with both spellings of its license",
            with_field(
                REUNIFIED,
                "/families/1",
                "licence",
                json!({"status": "licensed", "since": "2020-01-01"}),
            ),
        ),
        (
            "a family without members",
            edited(REUNIFIED, "/families/0/members", json!(null)),
        ),
        ("a case without its child", {
            let mut d = doc(REUNIFIED);
            d.as_object_mut().unwrap().remove("child");
            d
        }),
    ];
    let mut accepted = Vec::new();
    for (what, document) in &invalid {
        if case.is_valid(document) {
            accepted.push(*what);
        }
        // The crate refuses each of them too: the schema is not stricter than the crate there.
        assert!(
            serde_json::from_value::<CaseRecord>(document.clone()).is_err(),
            "the crate reads {what}"
        );
    }
    assert!(accepted.is_empty(), "the case schema accepts {accepted:#?}");
}

#[test]
fn the_other_forms_the_crate_reads_validate() {
    let case = validator(&schema::case());
    let discharge = "/events/12/what/discharge";
    let valid = [
        (
            "a reunification by its name",
            edited(REUNIFIED, discharge, json!("reunified")),
        ),
        (
            "a reunification without its family",
            edited(REUNIFIED, discharge, json!({"reunified": {}})),
        ),
        (
            "a reunification with a null family",
            edited(REUNIFIED, discharge, json!({"reunified": {"to": null}})),
        ),
        (
            "a 0.1 reunification without assistance",
            edited(
                REUNIFIED,
                discharge,
                json!({"reason": "reunified", "to": "F-10"}),
            ),
        ),
        (
            "a 0.1 trial home visit without its setting",
            edited(
                REUNIFIED,
                "/events/10/what/trial_home_visit_begun",
                json!({"id": "PL-2", "caregiver": "F-10"}),
            ),
        ),
        (
            "a case without families or events",
            json!({"child": doc(REUNIFIED)["child"]}),
        ),
        (
            "a concurrent APPLA goal with its documentation",
            edited(
                REUNIFIED,
                "/events/6/what/plan_set",
                json!({
                    "primary": "reunification",
                    "concurrent": "appla",
                    "appla": {"compelling_reason": "r", "efforts": "e"},
                }),
            ),
        ),
        (
            "goals without documentation, as null",
            with_field(REUNIFIED, "/events/6/what/plan_set", "appla", json!(null)),
        ),
    ];
    for (what, document) in &valid {
        assert!(
            serde_json::from_value::<CaseRecord>(document.clone()).is_ok(),
            "the crate refuses {what}"
        );
        assert_valid(&case, document, what);
    }
}

// ---------------------------------------------------------------------------------------------
// What the crate writes validates

/// Checks everything a case writes against the schemas of the crate's output, as of `dates`, and
/// that the case as written is a document the case schema accepts.
struct Outputs {
    case_in: Validator,
    case_out: Validator,
    event_out: Validator,
    placement_out: Validator,
    obligation: Validator,
    episode: Validator,
    parent_status: Validator,
    stage: Validator,
}

impl Outputs {
    fn new() -> Outputs {
        Outputs {
            case_in: validator(&schema::case()),
            case_out: validator(&schema::output::<Case>()),
            event_out: validator(&schema::output::<Event>()),
            placement_out: validator(&schema::output::<Placement>()),
            obligation: validator(&schema::obligation()),
            episode: validator(&schema::episode()),
            parent_status: validator(&schema::parent_status()),
            stage: validator(&schema::stage()),
        }
    }

    fn check(&self, case: &Case, dates: impl IntoIterator<Item = NaiveDate>) {
        let written = json_of(case);
        assert_valid(&self.case_in, &written, "a case as written, read back");
        assert_valid(&self.case_out, &written, "a case as written");
        for e in case.events() {
            assert_valid(&self.event_out, &json_of(e), "an event");
        }
        for p in case.placements() {
            assert_valid(&self.placement_out, &json_of(p), "a placement");
        }
        for e in case.episodes() {
            assert_valid(&self.episode, &json_of(e), "an episode");
        }
        for p in case.legal_parents() {
            assert_valid(&self.parent_status, &json_of(&p), "a parent's status");
        }
        assert_valid(&self.stage, &json_of(&case.stage()), "a stage");
        for date in dates {
            for o in case.obligations(date, &Policy::federal()) {
                assert_valid(&self.obligation, &json_of(&o), "an obligation");
            }
        }
    }
}

#[test]
fn what_the_golden_cases_write_validates() {
    let outputs = Outputs::new();
    for file in [REUNIFIED, ADOPTED] {
        let case: Case = serde_json::from_str(file).unwrap();
        let first = case.events()[0].date();
        // Every 30 days from the first event to a year after the last: each status on the way.
        let last = case.events().last().unwrap().date() + chrono::Days::new(365);
        let dates = std::iter::successors(Some(first), |d| Some(*d + chrono::Days::new(30)))
            .take_while(|d| *d <= last);
        outputs.check(&case, dates);
    }
}

#[test]
fn rejections_validate() {
    let rejection = validator(&schema::rejection());
    let violation = validator(&schema::violation());
    let policy = Policy::federal();
    let case: Case = serde_json::from_str(ADOPTED).unwrap();
    let mut refused = Vec::new();
    // After adoption and closing: most events are refused, for the lifecycle.
    for what in [EventData::AdoptionFinalized, EventData::PermanencyHearing] {
        let event = Event::new(d(2023, 9, 1), what).unwrap();
        refused.push(case.check(&event, &policy).unwrap_err());
    }
    // Out of order, and naming a family and a placement the case does not know.
    let reunified: Case = serde_json::from_str(REUNIFIED).unwrap();
    let ghost = NewPlacement::new(
        PlacementId::new("PL-1").unwrap(),
        Setting::NonRelativeFosterHome,
        Some(FamilyId::new("F-GHOST").unwrap()),
    )
    .unwrap();
    let early = Event::new(d(2020, 1, 1), EventData::PlacementChanged(ghost)).unwrap();
    refused.push(reunified.check(&early, &policy).unwrap_err());
    // A placement for adoption in a foster home, not a pre-adoptive one: violations about the
    // placement and the family.
    let mut open: Case = serde_json::from_str(REUNIFIED).unwrap();
    let mut record = open.record();
    record.events.truncate(10);
    open = record.replay(&policy).unwrap();
    let adoption = NewPlacement::new(
        PlacementId::new("PL-9").unwrap(),
        Setting::NonRelativeFosterHome,
        Some(FamilyId::new("F-20").unwrap()),
    )
    .unwrap();
    let early_adoption =
        Event::new(d(2024, 1, 20), EventData::PlacedForAdoption(adoption)).unwrap();
    refused.push(open.check(&early_adoption, &policy).unwrap_err());
    assert!(
        refused
            .iter()
            .flat_map(Rejection::violations)
            .any(|v| !v.subjects().is_empty()),
        "no violation names a subject"
    );
    for r in &refused {
        let written = json_of(r);
        assert_valid(&rejection, &written, "a rejection");
        for v in r.violations() {
            assert_valid(&violation, &json_of(v), "a violation");
        }
    }
}

#[test]
fn outputs_with_unknown_values_fail_validation() {
    let rejection = validator(&schema::rejection());
    let obligation = validator(&schema::obligation());
    let good = json!({
        "kind": "adoption_finalized",
        "stage": {"closed": {"exited": "adopted"}},
        "violations": [{"rule": "transition_not_allowed", "message": "m",
            "citation": RuleId::TransitionNotAllowed.citation(), "subjects": [{"person": "P-1"}]}],
        "allowed": ["reopen"],
    });
    assert_valid(&rejection, &good, "a rejection");
    let mut bad_rule = good.clone();
    bad_rule["violations"][0]["rule"] = json!("no_such_rule");
    let mut bad_subject = good.clone();
    bad_subject["violations"][0]["subjects"][0] = json!({"child": "C-1"});
    let mut bad_stage = good.clone();
    bad_stage["stage"] = json!("limbo");
    for bad in [bad_rule, bad_subject, bad_stage] {
        assert!(!rejection.is_valid(&bad), "{bad:#}");
    }
    let due = json!({
        "kind": "case_plan",
        "rule": "case_plan",
        "citation": RuleId::CasePlan.citation(),
        "episode": 1,
        "counts_from": "2023-02-01",
        "due": "2023-04-02",
        "status": {"met": "2023-03-15"},
    });
    assert_valid(&obligation, &due, "an obligation");
    let mut bad_status = due.clone();
    bad_status["status"] = json!("late");
    assert!(!obligation.is_valid(&bad_status));
}

#[cfg(feature = "proptest")]
mod generated {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// Every valid case the crate's strategies build writes documents its schemas accept.
        #[test]
        fn what_a_valid_case_writes_validates(case in strategy::case()) {
            thread_local! {
                static OUTPUTS: Outputs = Outputs::new();
            }
            let mut dates: Vec<NaiveDate> = case.events().iter().map(Event::date).collect();
            dates.push(d(2070, 1, 1));
            OUTPUTS.with(|o| o.check(&case, dates));
        }
    }
}
