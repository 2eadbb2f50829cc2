//! The caseload tables (`permanency::tables`): a small hand-built caseload checked row by row,
//! with the arithmetic beside each value; what the rows never carry by default (a name, a birth
//! date); that every column is a scalar; and that the per-placement move flags add up to
//! `Case::placement_moves` over the synthetic caseload.

mod common;

#[path = "../benches/support/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

use common::*;
use permanency::tables::{
    ChildRow, ColumnKind, EpisodeRow, ObligationRow, Row, TableOptions, Tables,
};
use permanency::*;
use serde_json::{Value, json};

/// The tables' date.
fn as_of() -> chrono::NaiveDate {
    d(2024, 12, 31)
}

/// Sam (C-1, born 2016-05-04): removed from F-BIRTH on 2023-01-10 for neglect and a caregiver's
/// drug use, placed in F-FOSTER, a respite weekend, moved to his grandmother (F-REL), ran away and
/// came back to her, a trial home visit, reunified on 2023-11-01; re-entered on 2024-02-05 under a
/// voluntary agreement, F-FOSTER again, then a group home, still in care on 2024-12-31.
fn sam() -> Case {
    let circumstances: Circumstances = [Circumstance::Neglect, Circumstance::CaregiverDrugUse]
        .into_iter()
        .collect();
    let removed = Removal::new(Manner::CourtOrder)
        .from_family(fid("F-BIRTH"))
        .with_circumstances(circumstances);
    let concurrent = Goals::new(Goal::Reunification, Some(Goal::Adoption), None).unwrap();
    build(
        child(),
        &FEDERAL,
        vec![
            ev(d(2023, 1, 10), EventData::Removal(removed)),
            foster(d(2023, 1, 10), "P-1"),
            ev(d(2023, 2, 1), EventData::PlanSet(concurrent)),
            ev(
                d(2023, 3, 3),
                EventData::Respite(
                    Respite::new(plid("R-1"), d(2023, 3, 5)).with_caregiver(fid("F-REL")),
                ),
            ),
            change(
                d(2023, 4, 3),
                "P-2",
                Setting::RelativeFosterHome,
                Some("F-REL"),
            ),
            ran_away(d(2023, 6, 1), "P-3"),
            returned(
                d(2023, 6, 15),
                "P-4",
                Setting::RelativeFosterHome,
                Some("F-REL"),
            ),
            visit(d(2023, 9, 1), "P-5"),
            discharge(d(2023, 11, 1), ExitReason::Reunified),
            voluntary(d(2024, 2, 5)),
            foster(d(2024, 2, 5), "P-6"),
            plan(d(2024, 3, 1), Goal::Adoption),
            change(d(2024, 5, 1), "P-7", Setting::GroupHomeStaffOperated, None),
        ],
    )
}

/// Tia (C-2, born 2006-07-15, reason to know she is an Indian child): removed in an emergency
/// at 16 on 2023-03-01 into a group home (facility FAC-1), moved to an institution (FAC-2),
/// turned 18 on 2024-07-15, moved to supervised independent living on 2024-09-01 and
/// emancipated on 2024-10-01.
fn tia() -> Case {
    let child = Child::new(
        ChildId::new("C-2").unwrap(),
        Name::new("Tia").unwrap(),
        d(2006, 7, 15),
        Sex::Female,
    )
    .unwrap()
    .with_indian_child_status(IndianChildStatus::ReasonToKnow);
    let at = |id: &str, setting, facility: &str| {
        NewPlacement::new(plid(id), setting, None)
            .unwrap()
            .at_facility(FacilityId::new(facility).unwrap())
            .unwrap()
    };
    build_with(
        child,
        vec![],
        &FEDERAL,
        vec![
            ev(
                d(2023, 3, 1),
                EventData::Removal(Removal::new(Manner::Emergency)),
            ),
            ev(
                d(2023, 3, 1),
                EventData::PlacementBegun(at("G-1", Setting::GroupHomeStaffOperated, "FAC-1")),
            ),
            ev(
                d(2023, 8, 1),
                EventData::PlacementChanged(at("G-2", Setting::ChildCareInstitution, "FAC-2")),
            ),
            change(
                d(2024, 9, 1),
                "G-3",
                Setting::SupervisedIndependentLiving,
                None,
            ),
            discharge(d(2024, 10, 1), ExitReason::Emancipated),
        ],
    )
}

/// The tables of Sam and Tia, with the audit rows of every indicator over FY2024.
fn tables(options: &TableOptions) -> Tables {
    let cases = [sam(), tia()];
    let mut t = Tables::of(&cases, as_of(), &FEDERAL, options);
    let period = permanency::indicators::ReportPeriod::federal_fiscal_year(2024).unwrap();
    for r in permanency::indicators::compute_all(
        permanency::indicators::Indicator::ALL,
        &cases,
        period,
        &FEDERAL,
    ) {
        t.push_indicator(&r);
    }
    t
}

/// A row (or rows) as JSON, to compare column by column with `json!`.
fn row(r: &impl serde::Serialize) -> Value {
    serde_json::to_value(r).unwrap()
}

#[test]
fn the_child_rows() {
    let t = tables(&TableOptions::new());
    assert_eq!(t.children.len(), 2);
    let sam = &t.children[0];
    assert_eq!(sam.child_id, "C-1");
    assert_eq!(sam.sex, "male");
    assert_eq!(
        (sam.indian_child_status.as_ref(), sam.icwa_applies),
        ("unknown", false)
    );
    // Born 2016-05-04: 8 on 2024-12-31.
    assert_eq!(sam.age_on_as_of, Some(8));
    assert_eq!((sam.stage.as_ref(), sam.in_care), ("foster_care", true));
    assert_eq!((sam.episodes, sam.placements), (2, 7));
    assert_eq!((sam.date_of_birth, sam.name.as_ref()), (None, None));

    let tia = &t.children[1];
    assert_eq!((tia.child_id.as_ref(), tia.sex.as_ref()), ("C-2", "female"));
    assert_eq!(
        (tia.indian_child_status.as_ref(), tia.icwa_applies),
        ("reason_to_know", true)
    );
    // Born 2006-07-15: 18 on 2024-12-31.
    assert_eq!(tia.age_on_as_of, Some(18));
    assert_eq!((tia.stage.as_ref(), tia.in_care), ("exited", false));
    assert_eq!((tia.episodes, tia.placements), (1, 3));
}

#[test]
fn the_episode_rows() {
    let t = tables(&TableOptions::new());
    assert_eq!(t.episodes.len(), 3);
    let first = &t.episodes[0];
    assert_eq!(
        row(first),
        json!({
            "child_id": "C-1",
            "episode": 1,
            "is_reentry": false,
            "removal_date": "2023-01-10",
            "manner": "court_order",
            "removed_from_family_id": "F-BIRTH",
            // In element order: neglect (E77) before caregiver drug use (E83).
            "removal_circumstances": "neglect;caregiver_drug_use",
            "exit_date": "2023-11-01",
            "exit_reason": "reunified",
            "exit_reason_afcars_1993": 1,
            "is_permanency": true,
            // Born 2016-05-04: 6 on 2023-01-10, 7 on 2023-11-01.
            "age_at_removal": 6,
            "age_at_exit_or_as_of": 7,
            "entered_at_18_or_older": false,
            "exited_at_18_or_older": false,
            // [2023-01-10, 2023-11-01): 22 (Jan 10–31) + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30
            // + 31 = 295 days.
            "length_of_stay_days": 295,
            "days_in_care_before_18": 295,
            // P-1 foster, P-2 grandmother (a move), P-3 runaway (not a setting), P-4 back to the
            // grandmother (the same family: not a move), P-5 trial home visit (not a setting).
            "placements": 5,
            "placement_moves": 1,
            "placement_settings": 2,
            "date_turns_18": null,
        })
    );
    let second = &t.episodes[1];
    assert_eq!((second.episode, second.is_reentry), (2, true));
    assert_eq!(second.removal_date, d(2024, 2, 5));
    assert_eq!(second.manner, "voluntary_placement_agreement");
    assert_eq!(
        (
            second.removed_from_family_id.as_ref(),
            second.removal_circumstances.as_ref()
        ),
        (None, "")
    );
    assert_eq!(
        (second.exit_date, second.exit_reason.as_ref()),
        (None, None)
    );
    assert_eq!(
        (second.is_permanency, second.exited_at_18_or_older),
        (None, None)
    );
    // Open: runs to 2024-12-31 (exclusive), where he is 8. [2024-02-05, 2024-12-31) in a leap
    // year: day 366 − day 36 = 330 days.
    assert_eq!(
        (second.age_at_removal, second.age_at_exit_or_as_of),
        (Some(7), Some(8))
    );
    assert_eq!(second.length_of_stay_days, 330);
    assert_eq!(second.days_in_care_before_18, Some(330));
    // P-6 foster, P-7 a group home: one move, two settings.
    assert_eq!(
        (
            second.placements,
            second.placement_moves,
            second.placement_settings
        ),
        (2, 1, 2)
    );

    let tia = &t.episodes[2];
    assert_eq!(
        (tia.child_id.as_ref(), tia.episode, tia.manner.as_ref()),
        ("C-2", 1, "emergency")
    );
    assert_eq!(
        (tia.exit_reason.as_deref(), tia.exit_reason_afcars_1993),
        (Some("emancipated"), Some(4))
    );
    assert_eq!(tia.is_permanency, Some(false));
    // Born 2006-07-15: 16 on 2023-03-01, 18 on 2024-10-01 (her 18th birthday, 2024-07-15, came
    // first).
    assert_eq!(
        (tia.age_at_removal, tia.age_at_exit_or_as_of),
        (Some(16), Some(18))
    );
    assert_eq!(
        (tia.entered_at_18_or_older, tia.exited_at_18_or_older),
        (false, Some(true))
    );
    // [2023-03-01, 2024-10-01): 366 days to 2024-03-01 (2024-02-29 in it) + 31 + 30 + 31 + 30
    // + 31 + 31 + 30 (March–September) = 580.
    assert_eq!(tia.length_of_stay_days, 580);
    // [2023-03-01, 2024-07-15): 366 + 31 + 30 + 31 + 30 (March–June) + 14 = 502 days; with
    // the removal date they give the birthday (2023-03-01 + 502 days = 2024-07-15), so the
    // default tables withhold them and the tables made with birth dates carry them.
    assert_eq!(tia.days_in_care_before_18, None);
    let dated = tables(&TableOptions::new().with_birth_dates());
    assert_eq!(dated.episodes[2].days_in_care_before_18, Some(502));
    // FAC-1 → FAC-2 (another facility: a move) → supervised independent living (a move).
    assert_eq!(
        (tia.placements, tia.placement_moves, tia.placement_settings),
        (3, 2, 3)
    );
}

#[test]
fn the_placement_rows() {
    let t = tables(&TableOptions::new());
    assert_eq!(t.placements.len(), 10);
    let ids: Vec<&str> = t
        .placements
        .iter()
        .map(|p| p.placement_id.as_ref())
        .collect();
    assert_eq!(
        ids,
        [
            "P-1", "P-2", "P-3", "P-4", "P-5", "P-6", "P-7", "G-1", "G-2", "G-3"
        ]
    );
    assert_eq!(
        row(&t.placements[0]),
        json!({
            "child_id": "C-1",
            "episode": 1,
            "placement": 1,
            "placement_id": "P-1",
            "setting": "non_relative_foster_home",
            "setting_afcars_1993": 3,
            "setting_afcars_2020": 0,
            "caregiver_family_id": "F-FOSTER",
            "facility_id": null,
            "location": "in_state",
            "specified_setting": null,
            "start_date": "2023-01-10",
            "end_date": "2023-04-03",
            "end_reason": "replaced",
            // [2023-01-10, 2023-04-03): 22 + 28 + 31 + 2 = 83 days.
            "days": 83,
            "counts_as_placement_setting": true,
            "is_trial_home_visit": false,
            "is_runaway": false,
            "is_move": false,
            "began_at_18_or_older": false,
        })
    );
    let p = |i: usize| &t.placements[i];
    // The grandmother's home: a move.
    assert_eq!(
        (
            p(1).setting.as_ref(),
            p(1).setting_afcars_1993,
            p(1).is_move
        ),
        ("relative_foster_home", 2, true)
    );
    // The runaway: not a setting, not a move; [2023-06-01, 2023-06-15) = 14 days.
    assert_eq!(
        (
            p(2).setting.as_ref(),
            p(2).is_runaway,
            p(2).counts_as_placement_setting
        ),
        ("runaway", true, false)
    );
    // A runaway has no home to locate: E121 "runaway or whereabouts unknown".
    assert_eq!(p(2).location, "runaway_or_whereabouts_unknown");
    assert_eq!(p(1).location, "in_state");
    assert_eq!(
        (p(2).is_move, p(2).days, p(2).setting_afcars_2020),
        (false, 14, 12)
    );
    // Back to the same family: not a move.
    assert_eq!(
        (p(3).caregiver_family_id.as_deref(), p(3).is_move),
        (Some("F-REL"), false)
    );
    // The trial home visit ends with the discharge: [2023-09-01, 2023-11-01) = 30 + 31 = 61.
    assert_eq!(
        (
            p(4).is_trial_home_visit,
            p(4).setting_afcars_1993,
            p(4).is_move
        ),
        (true, 8, false)
    );
    assert_eq!(
        (p(4).end_date, p(4).end_reason.as_deref(), p(4).days),
        (Some(d(2023, 11, 1)), Some("discharged"), 61)
    );
    // Episode 2: numbered from 1 again; the open group home runs to 2024-12-31:
    // [2024-05-01, 2024-12-31) = 31 + 30 + 31 + 31 + 30 + 31 + 30 + 30 = 244.
    assert_eq!((p(5).episode, p(5).placement, p(5).is_move), (2, 1, false));
    assert_eq!((p(6).episode, p(6).placement, p(6).is_move), (2, 2, true));
    assert_eq!(
        (p(6).end_date, p(6).end_reason.as_ref(), p(6).days),
        (None, None, 244)
    );
    assert_eq!(
        (
            p(6).setting_afcars_1993,
            p(6).setting_afcars_2020,
            p(6).caregiver_family_id.as_ref()
        ),
        (4, 2, None)
    );
    // Tia's facilities; the move to independent living came after her 18th birthday.
    assert_eq!(
        (p(7).facility_id.as_deref(), p(7).is_move),
        (Some("FAC-1"), false)
    );
    assert_eq!(
        (
            p(8).facility_id.as_deref(),
            p(8).is_move,
            p(8).began_at_18_or_older
        ),
        (Some("FAC-2"), true, false)
    );
    assert_eq!(
        (
            p(9).setting.as_ref(),
            p(9).is_move,
            p(9).began_at_18_or_older
        ),
        ("supervised_independent_living", true, true)
    );
}

#[test]
fn the_respite_plan_and_exit_rows() {
    let t = tables(&TableOptions::new());
    assert_eq!(
        row(&t.respites),
        json!([{
            "child_id": "C-1",
            "respite": 1,
            "respite_id": "R-1",
            "episode": 1,
            // Away from the foster home, and back to it: not a placement, not a move.
            "placement_id": "P-1",
            "start_date": "2023-03-03",
            "return_date": "2023-03-05",
            "nights": 2,
            "caregiver_family_id": "F-REL",
        }])
    );
    assert_eq!(
        row(&t.plans),
        json!([
            {
                "child_id": "C-1",
                "plan": 1,
                "episode": 1,
                "established_date": "2023-02-01",
                "superseded_date": "2024-03-01",
                "primary_goal": "reunification",
                "concurrent_goal": "adoption",
            },
            {
                "child_id": "C-1",
                "plan": 2,
                "episode": 2,
                "established_date": "2024-03-01",
                "superseded_date": null,
                "primary_goal": "adoption",
                "concurrent_goal": null,
            },
        ])
    );
    assert_eq!(t.exits.len(), 2);
    assert_eq!(
        row(&t.exits[0]),
        json!({
            "child_id": "C-1",
            "episode": 1,
            "removal_date": "2023-01-10",
            "exit_date": "2023-11-01",
            "exit_reason": "reunified",
            "exit_reason_afcars_1993": 1,
            "is_permanency": true,
            "length_of_stay_days": 295,
            "age_at_exit": 7,
            "exited_at_18_or_older": false,
            "last_placement_id": "P-5",
            "last_setting": "trial_home_visit",
            "from_trial_home_visit": true,
            "trial_home_visit_start": "2023-09-01",
            "trial_home_visit_days": 61,
            "reentry_date": "2024-02-05",
            // [2023-11-01, 2024-02-05): 30 + 31 + 31 + 4 = 96 days.
            "days_to_reentry": 96,
        })
    );
    let tia = &t.exits[1];
    assert_eq!(
        (
            tia.exit_reason.as_ref(),
            tia.is_permanency,
            tia.exited_at_18_or_older
        ),
        ("emancipated", false, true)
    );
    assert_eq!(
        (
            tia.from_trial_home_visit,
            tia.reentry_date,
            tia.days_to_reentry
        ),
        (false, None, None)
    );
    assert_eq!(
        tia.last_setting.as_deref(),
        Some("supervised_independent_living")
    );
}

#[test]
fn the_obligation_rows_are_the_clocks_with_the_birthday_dates_withheld() {
    let t = tables(&TableOptions::new());
    let sam = sam();
    let clocks = sam.obligations(as_of(), &FEDERAL);
    let rows: Vec<&ObligationRow> = t
        .obligations
        .iter()
        .filter(|o| o.child_id == "C-1")
        .collect();
    assert_eq!(rows.len(), clocks.len());
    for (n, (row, o)) in rows.iter().zip(&clocks).enumerate() {
        assert_eq!(row.obligation as usize, n + 1);
        assert_eq!(
            (row.kind.as_ref(), row.rule.as_ref(), row.citation.as_ref()),
            (o.kind().as_str(), o.rule().as_str(), o.citation())
        );
        assert_eq!(
            (row.episode, row.is_met),
            (o.episode(), o.status().is_met())
        );
        assert_eq!(row.follows_birthdays, o.kind().follows_birthdays());
        if row.follows_birthdays {
            assert!(row.dates_withheld && row.due.is_none() && row.counts_from.is_none());
        } else {
            assert_eq!(
                (row.due, row.counts_from, row.dates_withheld),
                (Some(o.due()), Some(o.counts_from()), false)
            );
        }
    }
    // Tia, 16 to 18 in care, is owed the obligations counted from her birthdays: their dates
    // are withheld by default, and shown when asked for.
    let withheld: Vec<&ObligationRow> = t
        .obligations
        .iter()
        .filter(|o| o.child_id == "C-2" && o.follows_birthdays)
        .collect();
    assert!(!withheld.is_empty());
    assert!(withheld.iter().all(|o| o.dates_withheld && o.due.is_none()));
    let shown = tables(&TableOptions::new().with_birth_dates());
    assert!(
        shown
            .obligations
            .iter()
            .filter(|o| o.follows_birthdays)
            .all(|o| !o.dates_withheld && o.due.is_some())
    );
}

/// Every row of every table as JSON objects, by table name.
fn json_rows(t: &Tables) -> Vec<(&'static str, Value)> {
    fn rows<R: Row + serde::Serialize>(rows: &[R]) -> Vec<(&'static str, Value)> {
        rows.iter()
            .map(|r| (R::TABLE, serde_json::to_value(r).unwrap()))
            .collect()
    }
    let mut all = rows(&t.children);
    all.extend(rows(&t.episodes));
    all.extend(rows(&t.placements));
    all.extend(rows(&t.respites));
    all.extend(rows(&t.plans));
    all.extend(rows(&t.exits));
    all.extend(rows(&t.obligations));
    all.extend(rows(&t.indicator_audit));
    all
}

#[test]
fn by_default_no_row_carries_a_name_or_a_birth_date_and_with_the_options_they_are_there() {
    let text = |t: &Tables| serde_json::to_string(&json_rows(t)).unwrap();
    let plain = text(&tables(&TableOptions::new()));
    // The birth dates, Tia's 18th birthday, and the names.
    for secret in ["2016-05-04", "2006-07-15", "2024-07-15", "Sam", "Tia"] {
        assert!(!plain.contains(secret), "{secret} in the default tables");
    }
    // Nor a count of days that gives Tia's 18th birthday from a date beside it.
    for e in &tables(&TableOptions::new()).episodes {
        let before_18 = e
            .days_in_care_before_18
            .map(|n| e.removal_date + chrono::Days::new(n.into()));
        assert_ne!(before_18, Some(d(2024, 7, 15)), "{e:?}");
    }
    let dates = text(&tables(&TableOptions::new().with_birth_dates()));
    for shown in ["2016-05-04", "2006-07-15", "2024-07-15"] {
        assert!(dates.contains(shown), "{shown} missing");
    }
    assert!(!dates.contains("\"Sam\"") && !dates.contains("\"Tia\""));
    let named = text(&tables(&TableOptions::new().with_names()));
    assert!(named.contains("\"Sam\"") && named.contains("\"Tia\""));
    assert!(!named.contains("2016-05-04"));

    let all = tables(&TableOptions::new().with_birth_dates().with_names());
    assert_eq!(
        all.children[0].date_of_birth.map(|d| *d.expose()),
        Some(d(2016, 5, 4))
    );
    assert_eq!(
        all.children[1].name.as_ref().map(|n| n.expose().as_str()),
        Some("Tia")
    );
    assert_eq!(
        all.episodes[2].date_turns_18.map(|d| *d.expose()),
        Some(d(2024, 7, 15))
    );
}

#[test]
fn debug_never_shows_a_name_or_a_birth_date_even_when_the_rows_carry_them() {
    let all = tables(&TableOptions::new().with_birth_dates().with_names());
    let shown = format!("{all:?} {all:#?}");
    for secret in ["2016-05-04", "2006-07-15", "2024-07-15", "Sam", "Tia"] {
        assert!(!shown.contains(secret), "{secret} in Debug");
    }
    assert!(shown.contains(REDACTED));
    // The other dates are shown.
    assert!(shown.contains("2023-01-10"));
    // Nor a count of days that, added to a date shown beside it, is the birthday: Tia's 502
    // days before 18 from her removal on 2023-03-01 (2023-03-01 + 502 days = 2024-07-15).
    let tia = format!("{:?}", all.episodes[2]);
    assert!(!tia.contains("502"), "{tia}");
    assert!(
        tia.contains("days_in_care_before_18: Some([redacted])"),
        "{tia}"
    );
    // Sam never turned 18 in care: his days are shown.
    assert!(format!("{:?}", all.episodes[0]).contains("days_in_care_before_18: Some(295)"));
}

#[test]
fn every_column_is_a_scalar_or_null() {
    let all = tables(&TableOptions::new().with_birth_dates().with_names());
    for (table, row) in json_rows(&all) {
        let Value::Object(columns) = row else {
            panic!("a {table} row is not a record");
        };
        for (column, value) in columns {
            assert!(
                !matches!(value, Value::Array(_) | Value::Object(_)),
                "{table}.{column} is not a scalar: {value}"
            );
        }
    }
}

#[test]
fn the_columns_are_the_rows_own_and_the_keys_identify_a_row() {
    fn check<R: Row + serde::Serialize>(rows: &[R]) {
        assert!(!rows.is_empty(), "{}: no row to check", R::TABLE);
        let mut keys = std::collections::HashSet::new();
        for row in rows {
            let Value::Object(columns) = serde_json::to_value(row).unwrap() else {
                unreachable!()
            };
            // The same columns (serde_json sorts them; the CSV header below keeps their order).
            let mut names: Vec<&str> = columns.keys().map(String::as_str).collect();
            let mut declared: Vec<&str> = R::COLUMNS.iter().map(|c| c.name).collect();
            names.sort_unstable();
            declared.sort_unstable();
            assert_eq!(names, declared, "{}", R::TABLE);
            for c in R::COLUMNS {
                let value = &columns[c.name];
                let fits = match c.kind {
                    _ if value.is_null() => c.nullable,
                    ColumnKind::Text => value.is_string(),
                    ColumnKind::Boolean => value.is_boolean(),
                    ColumnKind::UInt8 => value.as_u64().is_some_and(|n| n <= 255),
                    ColumnKind::UInt32 => value.as_u64().is_some_and(|n| n <= u64::from(u32::MAX)),
                    ColumnKind::Date => value
                        .as_str()
                        .is_some_and(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()),
                    _ => false,
                };
                assert!(fits, "{}.{} = {value} is not a {:?}", R::TABLE, c.name, c);
            }
            let key: Vec<String> = R::KEY.iter().map(|k| columns[*k].to_string()).collect();
            assert!(keys.insert(key), "{}: a key repeats", R::TABLE);
        }
        // In the order the row serializes them.
        let mut w = csv::Writer::from_writer(Vec::new());
        w.serialize(&rows[0]).unwrap();
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
        let declared: Vec<&str> = R::COLUMNS.iter().map(|c| c.name).collect();
        assert_eq!(header, declared, "{}", R::TABLE);
    }
    let all = tables(&TableOptions::new().with_birth_dates().with_names());
    check::<ChildRow>(&all.children);
    check(&all.episodes);
    check(&all.placements);
    check(&all.respites);
    check(&all.plans);
    check(&all.exits);
    check(&all.obligations);
    check(&all.indicator_audit);
    // A text column that only looks like a date is not one: every date column is declared.
    let dates: Vec<&str> = EpisodeRow::COLUMNS
        .iter()
        .filter(|c| c.kind == ColumnKind::Date)
        .map(|c| c.name)
        .collect();
    assert_eq!(dates, ["removal_date", "exit_date", "date_turns_18"]);
}

#[test]
fn pushing_case_by_case_and_the_obligations_apart_gives_the_same_tables() {
    let whole = tables(&TableOptions::new());
    let mut streamed = Tables::new(
        as_of(),
        &FEDERAL,
        &TableOptions::new().without_obligations(),
    );
    let cases = [sam(), tia()];
    for case in &cases {
        streamed.push_case(case);
    }
    assert!(streamed.obligations.is_empty());
    for case in &cases {
        streamed.push_obligations(case);
    }
    assert_eq!(streamed.children, whole.children);
    assert_eq!(streamed.episodes, whole.episodes);
    assert_eq!(streamed.placements, whole.placements);
    assert_eq!(streamed.obligations, whole.obligations);
}

#[test]
fn every_table_writes_as_csv() {
    fn csv_of<R: serde::Serialize>(rows: &[R]) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        for r in rows {
            w.serialize(r).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }
    let all = tables(&TableOptions::new().with_birth_dates());
    let episodes = csv_of(&all.episodes);
    let mut lines = episodes.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("child_id,episode,is_reentry,removal_date,manner,")
    );
    assert!(lines.next().unwrap().starts_with("C-1,1,false,2023-01-10,court_order,F-BIRTH,neglect;caregiver_drug_use,2023-11-01,reunified,1,true,6,7,false,false,295,295,5,1,2,2034-05-04"));
    // And reads back.
    let read: Vec<EpisodeRow> = csv::Reader::from_reader(episodes.as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(read, all.episodes);
    for text in [
        csv_of(&all.children),
        csv_of(&all.placements),
        csv_of(&all.respites),
        csv_of(&all.plans),
        csv_of(&all.exits),
        csv_of(&all.obligations),
        csv_of(&all.indicator_audit),
    ] {
        assert!(text.lines().count() > 1);
    }
}

#[test]
fn the_move_flags_add_up_to_the_placement_moves_over_the_synthetic_caseload() {
    let cases = synthetic::caseload(400, &FEDERAL);
    let t = Tables::of(
        &cases,
        d(2026, 1, 1),
        &FEDERAL,
        &TableOptions::new().without_obligations(),
    );
    let (mut moves, mut flagged) = (0u32, 0u32);
    let mut placements = t.placements.iter().peekable();
    for (case, rows) in cases.iter().zip(t.children.iter()) {
        assert_eq!(rows.child_id, case.child().id().as_str());
        for episode in case.episodes() {
            let flags: Vec<bool> = case.placement_move_flags(episode).collect();
            assert_eq!(flags.len(), case.episode_placements(episode).len());
            let counted = case.placement_moves(episode);
            assert_eq!(flags.iter().filter(|m| **m).count() as u32, counted);
            moves += counted;
            for flag in flags {
                let row = placements.next().expect("a row per placement");
                assert_eq!(
                    (row.child_id.as_ref(), row.episode),
                    (case.child().id().as_str(), episode.number())
                );
                assert_eq!(row.is_move, flag);
                flagged += u32::from(row.is_move);
            }
        }
    }
    assert!(placements.next().is_none());
    let per_episode: u32 = t.episodes.iter().map(|e| e.placement_moves).sum();
    assert_eq!((flagged, per_episode), (moves, moves));
    assert!(
        moves > 100,
        "the synthetic caseload moves children: {moves}"
    );
}

#[test]
fn the_indicator_audit_rows_add_up_to_the_report_and_hold_back_days_that_end_at_18() {
    use permanency::indicators::{self, Indicator, ReportPeriod};
    let cases = [sam(), tia()];
    let period = ReportPeriod::federal_fiscal_year(2024).unwrap();
    let report = indicators::compute(Indicator::MaltreatmentInCare, &cases, period, &FEDERAL);
    let with_dates = TableOptions::new().with_birth_dates();
    let mut shown = Tables::new(as_of(), &FEDERAL, &with_dates);
    shown.push_indicator(&report);
    assert_eq!(shown.indicator_audit.len(), 2);
    let tia_row = &shown.indicator_audit[1];
    assert_eq!(
        (tia_row.indicator.as_ref(), tia_row.child_id.as_ref()),
        ("maltreatment_in_care", "C-2")
    );
    // Tia is in care all of FY2024 until her 18th birthday, 2024-07-15, and the days stop there:
    // [2023-10-01, 2024-07-15) = 31 (Oct) + 30 + 31 + 31 + 29 (Feb 2024) + 31 + 30 + 31 + 30
    // + 14 (July 1–14) = 288 days.
    assert_eq!(tia_row.days, Some(288));
    assert!(tia_row.days_end_at_18 && !tia_row.days_withheld);
    assert!(tia_row.in_denominator);
    // The rows add up to the report: days to its denominator, victimizations to its numerator.
    let days: u64 = shown
        .indicator_audit
        .iter()
        .map(|r| u64::from(r.days.unwrap()))
        .sum();
    let count: u64 = shown
        .indicator_audit
        .iter()
        .map(|r| u64::from(r.count))
        .sum();
    assert_eq!((count, days), (report.numerator(), report.denominator()));
    // Debug never shows the days that end at the birthday (with the entry date they give it).
    assert!(format!("{tia_row:?}").contains(REDACTED));
    assert!(!format!("{tia_row:?}").contains("288"));

    // By default the days that end at 18 are withheld; the others are there.
    let mut plain = Tables::new(as_of(), &FEDERAL, &TableOptions::new());
    plain.push_indicator(&report);
    assert_eq!(plain.indicator_audit[1].days, None);
    assert!(plain.indicator_audit[1].days_withheld);
    assert_eq!(plain.indicator_audit[0].days, shown.indicator_audit[0].days);
    assert!(plain.indicator_audit[0].days.is_some());
    assert!(!plain.indicator_audit[0].days_end_at_18);
}
