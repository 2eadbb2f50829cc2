//! Golden JSON of whole cases: the wire format of a `Case` (child, opening families, events),
//! pinned by `tests/golden/case_reunified.json` and `tests/golden/case_adopted.json`.
//!
//! Each file was written by hand from the serde attributes of the source (`snake_case` tags, the
//! event's facts externally tagged under `what`). It is loaded (which replays every event under
//! the federal policy), the derived facts are checked against values worked out by hand from the
//! file, and the case is serialized back: the result must equal the file as JSON. Then edited
//! copies must be refused — an invalid history, unknown fields at every level — with the exact
//! message, and a `CaseRecord` replays under another policy.
#![cfg(feature = "serde")]

mod common;

use common::{d, fid, pid};
use permanency::policy::OverlongVisitExit;
use permanency::*;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

const REUNIFIED: &str = include_str!("golden/case_reunified.json");
const ADOPTED: &str = include_str!("golden/case_adopted.json");

/// A golden file as a JSON value, to compare or edit.
fn doc(file: &str) -> Value {
    serde_json::from_str(file).unwrap()
}

/// Loads a golden case and checks that it serializes back to the same JSON, directly and as its
/// record.
fn golden(file: &str) -> Case {
    let case: Case = serde_json::from_str(file).unwrap_or_else(|e| panic!("{e}"));
    let expected = doc(file);
    assert_eq!(
        serde_json::to_value(&case).unwrap(),
        expected,
        "re-serialized case differs"
    );
    assert_eq!(
        serde_json::to_value(case.record()).unwrap(),
        expected,
        "re-serialized record differs"
    );
    // Through a `Value` as well as through text.
    let from_value: Case = serde_json::from_value(expected).unwrap();
    assert_eq!(from_value, case);
    case
}

/// The message of a refused JSON value, read both from text and from a `Value`, without
/// serde_json's " at line L column C" (which a `Value` has not).
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
    assert_eq!(from_value.to_string(), message);
    message.to_owned()
}

/// The `what` of event `index` of a case document.
fn what(doc: &mut Value, index: usize) -> &mut Value {
    &mut doc["events"][index]["what"]
}

// ---------------------------------------------------------------------------------------------
// The golden files

#[test]
fn reunified_after_a_trial_home_visit() {
    let case = golden(REUNIFIED);
    assert_eq!(case.child().id().as_str(), "C-2001");
    assert_eq!(case.child().name().expose().as_str(), "Amaru Quispe Mamani");
    assert_eq!(*case.child().date_of_birth().expose(), d(2015, 9, 12));
    assert_eq!(
        case.child().indian_child_status(),
        &IndianChildStatus::NotIndianChild
    );
    assert_eq!(case.events().len(), 13);
    assert_eq!(case.opening_families().len(), 2);

    assert_eq!(case.stage(), Stage::Exited(ExitReason::Reunified));

    // One episode, removed 2023-02-01 by court order from F-10, home for good 2024-09-16.
    let [episode] = case.episodes() else {
        panic!("{:?}", case.episodes())
    };
    assert_eq!(episode.number(), 1);
    assert_eq!(episode.removal_date(), d(2023, 2, 1));
    assert_eq!(episode.manner(), Manner::CourtOrder);
    assert_eq!(episode.removed_from(), Some(&fid("F-10")));
    assert_eq!(
        episode.exit(),
        Some(EpisodeExit::new(d(2024, 9, 16), ExitReason::Reunified))
    );
    // 2023-02-01 -> 2024-02-01: 365 days; Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 30 + Jul 31
    // + Aug 31 = 213 more to 2024-09-01; 15 more to 2024-09-16: 593 days in care.
    assert_eq!(episode.period(d(2030, 1, 1)).days(), 593);
    // The visit was extended through 2024-09-30, so the discharge on 2024-09-16 is within it: the
    // episode ends on the discharge date, not on the six-month limit (2024-07-15).
    assert!(case.current_episode().is_none());

    // Two placements: the foster home, replaced by the visit on 2024-01-15; the visit, ended by
    // the discharge.
    let [foster, visit] = case.placements() else {
        panic!("{:?}", case.placements())
    };
    assert_eq!(foster.id().as_str(), "PL-1");
    assert_eq!(foster.setting(), Setting::NonRelativeFosterHome);
    assert_eq!(foster.caregiver(), Some(&fid("F-20")));
    assert_eq!(foster.start(), d(2023, 2, 1));
    assert_eq!(
        foster.end(),
        Some(PlacementEnd::new(d(2024, 1, 15), EndReason::Replaced))
    );
    assert_eq!(visit.id().as_str(), "PL-2");
    assert_eq!(visit.setting(), Setting::TrialHomeVisit);
    assert_eq!(visit.caregiver(), Some(&fid("F-10")));
    assert_eq!(visit.start(), d(2024, 1, 15));
    assert_eq!(
        visit.end(),
        Some(PlacementEnd::new(d(2024, 9, 16), EndReason::Discharged))
    );
    assert!(case.current_placement().is_none());
    // A trial home visit is not a placement setting: no move.
    assert_eq!(case.placement_moves(episode), 0);

    // One plan: reunification, concurrently adoption, set 2023-03-15.
    assert_eq!(case.plans().len(), 1);
    let plan = case.current_plan().unwrap();
    assert_eq!(plan.primary_goal(), Goal::Reunification);
    assert_eq!(plan.concurrent_goal(), Some(Goal::Adoption));
    assert_eq!(plan.established(), d(2023, 3, 15));

    // Both parents keep their rights.
    assert_eq!(
        case.legal_parents(),
        [
            ParentStatus::new(pid("P-10"), fid("F-10"), ParentalRights::Intact),
            ParentStatus::new(pid("P-11"), fid("F-10"), ParentalRights::Intact),
        ]
    );
}

#[test]
fn adopted_after_both_parents_rights_were_terminated() {
    let case = golden(ADOPTED);
    assert_eq!(case.child().id().as_str(), "C-3001");
    assert_eq!(case.child().sex(), Sex::Female);
    assert_eq!(case.events().len(), 14);

    // Adopted 2023-07-28, then the case was closed 2023-08-15.
    assert_eq!(
        case.stage(),
        Stage::Closed(Outcome::Exited(ExitReason::Adopted))
    );

    let [episode] = case.episodes() else {
        panic!("{:?}", case.episodes())
    };
    assert_eq!(episode.removal_date(), d(2021, 5, 10));
    assert_eq!(episode.manner(), Manner::VoluntaryPlacementAgreement);
    assert_eq!(episode.removed_from(), None);
    assert_eq!(
        episode.exit(),
        Some(EpisodeExit::new(d(2023, 7, 28), ExitReason::Adopted))
    );
    // 2021-05-10 -> 2023-05-10: 365 + 365 = 730 days (no 29 February between); May 10 -> Jun 10
    // is 31, Jun 10 -> Jul 10 is 30: 791; 18 more to 2023-07-28: 809 days in care.
    assert_eq!(episode.period(d(2030, 1, 1)).days(), 809);

    // The foster home until the placement for adoption on 2023-01-09, then the pre-adoptive home
    // until the finalization.
    let [foster, adoptive] = case.placements() else {
        panic!("{:?}", case.placements())
    };
    assert_eq!(foster.id().as_str(), "PL-A1");
    assert_eq!(
        foster.end(),
        Some(PlacementEnd::new(d(2023, 1, 9), EndReason::Replaced))
    );
    assert_eq!(adoptive.id().as_str(), "PL-A2");
    assert_eq!(adoptive.setting(), Setting::PreAdoptiveHome);
    assert_eq!(adoptive.caregiver(), Some(&fid("F-50")));
    assert_eq!(adoptive.start(), d(2023, 1, 9));
    assert_eq!(
        adoptive.end(),
        Some(PlacementEnd::new(d(2023, 7, 28), EndReason::Discharged))
    );
    // From F-40 to F-50: one move.
    assert_eq!(case.placement_moves(episode), 1);

    // Reunification first, then adoption with guardianship as the concurrent goal.
    assert_eq!(case.plans().len(), 2);
    let plan = case.current_plan().unwrap();
    assert_eq!(plan.primary_goal(), Goal::Adoption);
    assert_eq!(plan.concurrent_goal(), Some(Goal::LegalGuardianship));
    assert_eq!(plan.established(), d(2022, 5, 2));

    // Both parents' rights terminated; the grandmother was never a legal parent. Since the
    // adoption the legal parents are the adopting family's (SSA §475(2)), whose record names
    // none as a legal parent.
    assert_eq!(
        case.parental_rights(&pid("P-30")),
        ParentalRights::Terminated(d(2022, 11, 14))
    );
    assert_eq!(
        case.parental_rights(&pid("P-31")),
        ParentalRights::Terminated(d(2022, 10, 3))
    );
    assert!(case.legal_parents().is_empty());

    // The pre-adoptive family was recorded during the case: known to the case, not an opening
    // family, and not serialized among them.
    assert_eq!(case.opening_families().len(), 2);
    assert_eq!(case.families().len(), 3);
    let f50 = case.family(&fid("F-50")).unwrap();
    assert_eq!(f50.kind(), FamilyKind::PreAdoptive);
    assert_eq!(f50.caregivers().count(), 2);
}

#[test]
fn event_names_on_the_wire_are_the_event_kinds() {
    // Every `what` of the golden files is named by its kind's snake_case name.
    for file in [REUNIFIED, ADOPTED] {
        let case: Case = serde_json::from_str(file).unwrap();
        for (event, json) in case
            .entries()
            .into_iter()
            .zip(doc(file)["events"].as_array().unwrap())
        {
            let name = match &json["what"] {
                Value::String(unit) => unit.clone(),
                Value::Object(tagged) => tagged.keys().next().unwrap().clone(),
                other => panic!("{other}"),
            };
            assert_eq!(name, event.kind().as_str());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Refusals

#[test]
fn an_invalid_history_is_refused_naming_the_event_and_the_rule() {
    // Without the termination of the mother's rights (event 9), the placement for adoption
    // (event 10 once it is gone) is a legal-risk placement, accepted; the finalization (event 11
    // once it is gone) finds her rights intact.
    let mut invalid = doc(ADOPTED);
    let removed = invalid["events"].as_array_mut().unwrap().remove(9);
    assert_eq!(
        removed["what"],
        json!({ "parental_rights_terminated": { "parent": "P-30" } })
    );
    assert_eq!(
        refusal::<Case>(invalid.clone()),
        format!(
            "event 11 refused: adoption_finalized refused in stage adoption (1 violation)\n\
             - parental_rights_intact: adoption_finalized needs every legal parent's rights \
             ended, found intact: P-30 [{}]",
            RuleId::ParentalRightsIntact.citation()
        )
    );

    // The record itself is well-formed: it is its replay that fails, the same way.
    let record: CaseRecord = serde_json::from_value(invalid).unwrap();
    match record.replay(&Policy::federal()) {
        Err(ReplayError::Refused { index, rejection }) => {
            assert_eq!(index, 11);
            assert_eq!(rejection.kind(), EventKind::AdoptionFinalized);
            assert_eq!(
                rejection.rules().collect::<Vec<_>>(),
                [RuleId::ParentalRightsIntact]
            );
            assert_eq!(
                rejection.violations()[0].subjects(),
                [Subject::Person(pid("P-30"))]
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_event_entered_late_loads_at_its_date() {
    // The periodic review (event 8) dated before the abuse finding of 2023-04-05 (event 7): a
    // review keyed late. It loads at its date: in the dated history it comes before the
    // finding, while the record keeps the order of entry.
    let mut late = doc(REUNIFIED);
    late["events"][8]["date"] = json!("2023-04-04");
    let case: Case = serde_json::from_value(late.clone()).unwrap();
    let kinds: Vec<EventKind> = case.events()[7..9].iter().map(Event::kind).collect();
    assert_eq!(kinds, [EventKind::PeriodicReview, EventKind::CourtFinding]);
    assert_eq!(
        serde_json::to_value(case.record()).unwrap()["events"],
        late["events"]
    );
}

#[test]
fn unknown_fields_are_refused_at_every_level() {
    // The case.
    let mut v = doc(REUNIFIED);
    v["status"] = json!("open");
    assert_eq!(
        refusal::<Case>(v.clone()),
        "unknown field `status`, expected one of `format`, `policy`, `child`, `families`, `events`"
    );
    assert_eq!(
        refusal::<CaseRecord>(v),
        "unknown field `status`, expected one of `format`, `policy`, `child`, `families`, `events`"
    );

    // An event.
    let mut v = doc(REUNIFIED);
    v["events"][3]["worker"] = json!("W-17");
    assert_eq!(
        refusal::<Case>(v),
        "unknown field `worker`, expected one of `date`, `what`, `entry`, `recorded`, `issued`"
    );

    // The facts of an event: a newtype variant's struct...
    let mut v = doc(REUNIFIED);
    what(&mut v, 0)["removal"]["reason"] = json!("neglect");
    assert_eq!(
        refusal::<Case>(v),
        "unknown field `reason`, expected one of `manner`, `from`, `circumstances`"
    );
    let mut v = doc(REUNIFIED);
    what(&mut v, 12)["discharge"]["date"] = json!("2024-09-16");
    assert_eq!(
        refusal::<Case>(v),
        "unknown field `date`, expected one of `reunified`, `living_with_other_relatives`, `emancipated`, `emancipated_by_court_order`, `guardianship`, `transferred_to_another_agency`, `runaway_discharge`"
    );
    // ...and the facts a discharge's reason carries.
    let mut v = doc(REUNIFIED);
    what(&mut v, 12)["discharge"]["reunified"]["guardian"] = json!("F-10");
    assert_eq!(
        refusal::<Case>(v),
        "unknown field `guardian`, expected `to`"
    );
    let mut v = doc(REUNIFIED);
    what(&mut v, 2)["placement_begun"]["start"] = json!("2023-02-01");
    assert_eq!(
        refusal::<Case>(v),
        "unknown field `start`, expected one of `id`, `setting`, `caregiver`, `facility`, `location`, `specified_setting`"
    );
    // ... a struct variant ...
    let mut v = doc(ADOPTED);
    what(&mut v, 8)["parental_rights_terminated"]["court"] = json!("Family Court");
    assert_eq!(
        refusal::<Case>(v),
        "unknown field `court`, expected `parent`"
    );
    // ... a court finding's facts ...
    let mut v = doc(REUNIFIED);
    what(&mut v, 11)["court_finding"]["visit_extended"]["judge"] = json!("J-4");
    assert_eq!(
        refusal::<Case>(v),
        "unknown field `judge`, expected `until`"
    );
    // ... and an event kind that does not exist.
    let mut v = doc(REUNIFIED);
    *what(&mut v, 8) = json!("adoption_annulled");
    let kinds: Vec<String> = EventKind::ALL
        .iter()
        .map(|k| format!("`{}`", k.as_str()))
        .collect();
    assert_eq!(
        refusal::<Case>(v),
        format!(
            "unknown variant `adoption_annulled`, expected one of {}",
            kinds.join(", ")
        )
    );
}

// ---------------------------------------------------------------------------------------------
// A record replayed under another policy

/// The reunified case, but the visit is neither extended nor ended by a discharge: the child is
/// removed again on 2024-08-01, after the visit outlived its six months.
fn overlong_visit() -> Value {
    let mut v = doc(REUNIFIED);
    let events = v["events"].as_array_mut().unwrap();
    let discharge = events.pop().unwrap();
    assert_eq!(discharge["what"]["discharge"]["reunified"]["to"], "F-10");
    let extension = events.pop().unwrap();
    assert!(extension["what"]["court_finding"]["visit_extended"].is_object());
    events.push(json!({
        "date": "2024-08-01",
        "what": {
            "removal": { "manner": "court_order", "from": "F-10", "circumstances": ["neglect"] }
        }
    }));
    v
}

#[test]
fn a_case_record_replays_under_another_policy() {
    let visit_start = Policy::federal().with_overlong_visit_exit(OverlongVisitExit::VisitStart);

    // The golden record is valid under either policy and gives the same case.
    let record: CaseRecord = serde_json::from_str(REUNIFIED).unwrap();
    let federal: Case = serde_json::from_str(REUNIFIED).unwrap();
    assert_eq!(federal.record(), record);
    let replayed = record.replay(&visit_start).unwrap();
    assert_eq!(replayed, federal);
    assert_eq!(replayed.episodes(), federal.episodes());
    assert_eq!(replayed.placements(), federal.placements());

    // The over-long visit: `Case` deserializes under the federal policy, where the first episode
    // ends on the first day beyond the limit, 2024-01-15 + 6 months = 2024-07-15; the record
    // replayed under `VisitStart` back-dates that exit to the visit's first day, 2024-01-15.
    let federal: Case = serde_json::from_value(overlong_visit()).unwrap();
    let record: CaseRecord = serde_json::from_value(overlong_visit()).unwrap();
    let replayed = record.replay(&visit_start).unwrap();
    assert_eq!(replayed, federal, "the same history");
    for (case, exit) in [(&federal, d(2024, 7, 15)), (&replayed, d(2024, 1, 15))] {
        assert_eq!(case.stage(), Stage::FosterCare);
        let [first, second] = case.episodes() else {
            panic!("{:?}", case.episodes())
        };
        assert_eq!(
            first.exit(),
            Some(EpisodeExit::new(exit, ExitReason::Reunified))
        );
        assert!(second.is_reentry());
        assert_eq!(second.removal_date(), d(2024, 8, 1));
        assert_eq!(second.exit(), None);
    }
    // Either way it serializes to the history it was given.
    assert_eq!(serde_json::to_value(&replayed).unwrap(), overlong_visit());
}

// ---------------------------------------------------------------------------------------------
// The 0.1 wire format

/// The golden cases as 0.1 wrote them (`tests/golden/v0_1/`: a discharge as a reason record, a
/// trial home visit as a placement with its setting and caregiver, `licence`) still load, and
/// give exactly the case the current files give; written back, they take the current form.
#[test]
fn the_0_1_wire_format_still_loads() {
    for (old, new) in [
        (include_str!("golden/v0_1/case_reunified.json"), REUNIFIED),
        (include_str!("golden/v0_1/case_adopted.json"), ADOPTED),
    ] {
        let old: Case = serde_json::from_str(old).unwrap_or_else(|e| panic!("{e}"));
        let new: Case = serde_json::from_str(new).unwrap();
        assert_eq!(old, new);
        assert_eq!(old.stage(), new.stage());
        assert_eq!(serde_json::to_value(&old).unwrap(), doc_of(&new));
    }
    let old: Family = serde_json::from_str(include_str!("golden/v0_1/family_foster.json")).unwrap();
    let new: Family = serde_json::from_str(include_str!("golden/family_foster.json")).unwrap();
    assert_eq!(old, new);
}

fn doc_of(case: &Case) -> Value {
    serde_json::to_value(case).unwrap()
}

/// A serialized case says its format; a record names the state policy it was accepted under,
/// and loads under it.
#[test]
fn a_record_carries_its_format_and_its_policy() {
    let v = doc(REUNIFIED);
    assert_eq!(v["format"], WIRE_FORMAT);
    let mut newer = v.clone();
    newer["format"] = json!(WIRE_FORMAT + 1);
    assert_eq!(
        refusal::<Case>(newer),
        format!(
            "unsupported case format: expected {WIRE_FORMAT} or earlier, found {} (written by a newer permanency)",
            WIRE_FORMAT + 1
        )
    );

    // A policy whose only change leaves this history valid: the record names it, and it
    // reads back.
    let state = Policy::federal()
        .with_overlong_visit_exit(OverlongVisitExit::VisitStart)
        .with_name("state-x")
        .unwrap();
    let case = golden(REUNIFIED);
    let text = serde_json::to_string(&case.record().under(&state)).unwrap();
    let stored: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(stored["policy"]["name"], "state-x");
    let back: CaseRecord = serde_json::from_str(&text).unwrap();
    assert_eq!(back.policy.as_ref(), Some(&state));
    let loaded: Case = serde_json::from_str(&text).unwrap();
    assert_eq!(loaded, case);
    // The federal policy is not written out.
    let plain = serde_json::to_value(case.record().under(&Policy::federal())).unwrap();
    assert!(plain.get("policy").is_none());

    // Loading replays under the named policy: under a 3-month visit limit, the visit begun
    // 2024-01-15 outlived it on 2024-04-15 (2024-01-15 + 3 months), so the court's extension of
    // 2024-06-20 is refused, and the record does not load.
    let short = Policy::federal().with_visit_limit_months(3).unwrap();
    let text = serde_json::to_string(&case.record().under(&short)).unwrap();
    let refused = serde_json::from_str::<Case>(&text).unwrap_err().to_string();
    assert!(refused.contains("visit_extension"), "{refused}");
    assert!(
        refused.contains("outlived its limit on 2024-04-15"),
        "{refused}"
    );
}
