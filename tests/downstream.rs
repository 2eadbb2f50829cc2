//! Three stories a new user tells with the crate's own API and nothing else: a case-management
//! backend answering a web form, a data engineer writing a CSV report of a legacy load, and a
//! court docket listing the permanency hearings due in a month. No glue: each story uses only
//! `permanency` (and, for the CSV file itself, the `csv` crate).
#![cfg(feature = "json")]

use chrono::NaiveDate;
use permanency::json::JsonErrorKind;
use permanency::timeline::ObligationKind;
use permanency::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const CASE: &str = r#"{
  "child": { "id": "C-7", "name": "Ana Lucía Torres", "date_of_birth": "2017-03-02", "sex": "female",
    "indian_child_status": { "status": "not_indian_child" } },
  "families": [
    { "id": "F-1", "kind": "birth", "members": [
      { "person": { "id": "P-1", "name": "Marta Torres" }, "relationship": "mother", "legal_parent": true, "caregiver": true }
    ] },
    { "id": "F-2", "kind": "non_relative_foster", "license": { "status": "licensed", "since": "2020-01-01" }, "members": [
      { "person": { "id": "P-2", "name": "Jo Park" }, "relationship": "non_relative", "legal_parent": false, "caregiver": true }
    ] }
  ],
  "events": [
    { "date": "2024-01-10", "what": { "removal": { "manner": "court_order", "from": "F-1" } } },
    { "date": "2024-01-10", "what": { "placement_begun": { "id": "PL-1", "setting": "non_relative_foster_home", "caregiver": "F-2" } } }
  ]
}"#;

/// The backend's handler: a case and an event come in as JSON; the new case, or every reason
/// the event was refused, goes out as JSON. A malformed event gets the field to highlight.
fn handle(case: &str, event: &str) -> Result<String, String> {
    let policy = Policy::federal();
    let mut case: Case = json::from_str(case).map_err(|e| json::to_string(&e).unwrap())?;
    let event: Event = json::from_str(event).map_err(|e| json::to_string(&e).unwrap())?;
    match case.apply(event, &policy) {
        Ok(()) => Ok(json::to_string(&case).unwrap()),
        Err(refused) => Err(json::to_string(&refused).unwrap()),
    }
}

#[test]
fn a_web_form_gets_the_new_case_or_every_reason() {
    // Accepted: the case comes back with the event.
    let review = r#"{"date": "2024-07-01", "what": "periodic_review"}"#;
    let new = handle(CASE, review).unwrap();
    let back: Case = json::from_str(&new).unwrap();
    assert_eq!(back.events().len(), 3);

    // Refused: placed for adoption in a setting that is not a pre-adoptive home (the mother's
    // intact rights make it a legal-risk placement, not a refusal). Every reason, each with its
    // rule and citation.
    let adopt = r#"{"date": "2024-07-01", "what": {"placed_for_adoption":
        {"id": "PL-2", "setting": "non_relative_foster_home", "caregiver": "F-2"}}}"#;
    let refused: serde_json::Value =
        serde_json::from_str(&handle(CASE, adopt).unwrap_err()).unwrap();
    let rules: Vec<&str> = refused["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["not_an_adoptive_home"]);
    assert_eq!(
        refused["violations"][0]["citation"],
        RuleId::NotAnAdoptiveHome.citation()
    );
    assert_eq!(refused["stage"], "foster_care");
    // The stored refusal reloads as the crate's own type.
    let reloaded: Rejection = json::from_str(&refused.to_string()).unwrap();
    assert_eq!(reloaded.rules().count(), 1);

    // Malformed: the form learns which field, and no value it sent comes back.
    let typo = r#"{"date": "2024-07-01", "what": {"removal": {"manner": "Ana Lucía Torres"}}}"#;
    let err: json::JsonError = json::from_str(&handle(CASE, typo).unwrap_err()).unwrap();
    assert_eq!(err.path(), "what.removal.manner");
    assert_eq!(err.kind(), JsonErrorKind::UnknownVariant);
    assert!(!err.message().contains("Ana"), "{}", err.message());
    // A date as a number: the kind of value, not the value.
    let number = r#"{"date": 20240701, "what": "periodic_review"}"#;
    let err: json::JsonError = json::from_str(&handle(CASE, number).unwrap_err()).unwrap();
    assert_eq!(err.path(), "date");
    assert_eq!(err.kind(), JsonErrorKind::InvalidType);
    assert!(!err.message().contains("20240701"), "{}", err.message());
    // An unknown key is input too (a form may key a value by a name or a date): neither the
    // message nor the path repeats it; the path is the object that holds it.
    for key in ["Ana Lucía", "ana_lucia", "2011-07-23"] {
        let extra = format!(
            r#"{{"date": "2024-07-01", "what": {{"removal": {{"manner": "court_order", "{key}": 1}}}}}}"#
        );
        let err = json::from_str::<Event>(&extra).unwrap_err();
        assert_eq!(err.kind(), JsonErrorKind::UnknownField);
        assert_eq!(err.path(), "what.removal");
        assert_eq!(
            err.message(),
            "unknown field, expected one of `manner`, `from`, `circumstances`"
        );
        for shown in [err.to_string(), format!("{err:?}")] {
            assert!(!shown.contains(key), "{shown}");
        }
    }
}

#[test]
fn a_legacy_load_reports_as_csv() {
    let record: CaseRecord = json::from_str(CASE).unwrap();
    let mut history = record.events.clone();
    // Two bad rows of a legacy export: a review dated before the removal, and a second
    // placement begun while the first is open.
    history.push(Event::new(d(2023, 12, 1), EventData::PeriodicReview).unwrap());
    history.push(
        Event::new(
            d(2024, 2, 1),
            EventData::PlacementBegun(
                NewPlacement::new(
                    PlacementId::new("PL-9").unwrap(),
                    Setting::NonRelativeFosterHome,
                    Some(FamilyId::new("F-2").unwrap()),
                )
                .unwrap(),
            ),
        )
        .unwrap(),
    );
    let report =
        Case::replay_lenient(record.child, record.families, history, &Policy::federal()).unwrap();
    let mut csv = csv::Writer::from_writer(Vec::new());
    for row in report.rows() {
        csv.serialize(row).unwrap();
    }
    let text = String::from_utf8(csv.into_inner().unwrap()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "index,date,kind,stage,rule,citation,message,subjects,caused_by"
    );
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        // Placed at its date, before the removal: no review happens in intake.
        lines[1].starts_with("2,2023-12-01,periodic_review,intake,transition_not_allowed,"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("3,2024-02-01,placement_begun,foster_care,placement_already_open,"),
        "{}",
        lines[2]
    );
    // Its own refusal: caused by no earlier one (the last column is empty).
    assert!(lines[2].ends_with("placement:PL-1,"), "{}", lines[2]);
    // No child's or parent's name in the report.
    assert!(!text.contains("Torres") && !text.contains("Park"));
}

#[test]
fn a_docket_lists_the_permanency_hearings_due_in_a_month() {
    let policy = Policy::federal();
    // Two cases removed 2024-01-10 and 2024-02-20 with no adjudication: DEFC is removal + 60
    // days (2024-03-10, 2024-04-20), and the first permanency hearing is due 12 months later
    // (2025-03-10, 2025-04-20).
    let first: Case = json::from_str(CASE).unwrap();
    let second: Case = json::from_str(
        &CASE
            .replace("C-7", "C-8")
            .replace("2024-01-10", "2024-02-20"),
    )
    .unwrap();
    let as_of = d(2025, 3, 1);
    let march = d(2025, 3, 1)..=d(2025, 3, 31);
    let docket: Vec<(String, NaiveDate, &str)> = [&first, &second]
        .into_iter()
        .flat_map(|case| {
            case.obligations(as_of, &policy)
                .into_iter()
                .filter(|o| o.kind() == ObligationKind::PermanencyHearing)
                .filter(|o| march.contains(&o.due()))
                .map(|o| (case.child().id().to_string(), o.due(), o.citation()))
        })
        .collect();
    assert_eq!(
        docket,
        [(
            "C-7".to_owned(),
            d(2025, 3, 10),
            RuleId::PermanencyHearing.citation()
        )]
    );
}
