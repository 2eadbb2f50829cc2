//! Respite (`src/rules/respite.rs`): a stay away from the placement in progress that returns to
//! it (CWPM 1.2B.7) — never a placement move, at most the policy's number of nights, and only
//! from an open ordinary placement.
#![cfg(feature = "serde")]

mod common;

use common::*;
use permanency::*;

#[test]
fn a_weekend_of_respite_keeps_the_placement_and_is_no_move() {
    // In F-FOSTER (P-1) from 2024-01-10; respite with F-REL Friday 2024-03-01 to Monday
    // 2024-03-04: 3 nights.
    let mut case = in_care();
    let weekend = ev(
        d(2024, 3, 1),
        EventData::Respite(Respite::new(plid("R-1"), d(2024, 3, 4)).with_caregiver(fid("F-REL"))),
    );
    accept(&mut case, weekend, &FEDERAL);
    assert_eq!(case.stage(), Stage::FosterCare);
    assert_eq!(case.placements().len(), 1);
    let p = case.current_placement().unwrap();
    assert_eq!((p.id(), p.end()), (&plid("P-1"), None));
    let stays: Vec<_> = case
        .respites()
        .map(|(d, r)| (d, r.id().clone(), r.nights(d)))
        .collect();
    assert_eq!(stays, [(d(2024, 3, 1), plid("R-1"), 3)]);
    assert_eq!(case.placement_moves(&case.episodes()[0]), 0);

    // A real move later is the episode's first move: respite never counts.
    accept(
        &mut case,
        change(
            d(2024, 4, 1),
            "P-2",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        &FEDERAL,
    );
    assert_eq!(case.placement_moves(&case.episodes()[0]), 1);
}

#[test]
fn respite_longer_than_the_policy_allows_is_a_placement_change() {
    // From 2024-03-01: back on 2024-03-15 is 14 nights (the federal policy's default limit,
    // accepted); back on 2024-03-16 is 15 nights, refused.
    let mut case = in_care();
    let mut fourteen = case.clone();
    accept(
        &mut fourteen,
        respite(d(2024, 3, 1), "R-1", d(2024, 3, 15)),
        &FEDERAL,
    );
    let r = refuse(
        &mut case,
        respite(d(2024, 3, 1), "R-1", d(2024, 3, 16)),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::RespiteTooLong]);
    assert_eq!(
        message(&r, 0),
        "respite lasts at most 14 nights, found 15 (2024-03-01 to the return on 2024-03-16); record a stay this long as a placement change (placement_changed)"
    );
    assert_eq!(subjects(&r, 0), [placement("R-1")]);

    // A state allowing 21 nights accepts it.
    let three_weeks = Policy::federal().with_respite_max_days(21).unwrap();
    assert_eq!(three_weeks.respite_max_days(), 21);
    accept(
        &mut case,
        respite(d(2024, 3, 1), "R-1", d(2024, 3, 16)),
        &three_weeks,
    );
    assert_eq!(FEDERAL.respite_max_days(), 14);
    assert!(Policy::federal().with_respite_max_days(0).is_err());
}

#[test]
fn respite_needs_an_open_ordinary_placement() {
    // Removed 2024-01-10, not yet placed.
    let mut case = open_case();
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    let r = refuse(
        &mut case,
        respite(d(2024, 1, 12), "R-1", d(2024, 1, 14)),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::RespiteNeedsPlacement]);
    assert_eq!(
        message(&r, 0),
        "respite needs an open placement the child returns to, found none"
    );

    // On runaway status.
    let mut run = in_care();
    accept(&mut run, ran_away(d(2024, 2, 1), "P-2"), &FEDERAL);
    let r = refuse(
        &mut run,
        respite(d(2024, 2, 3), "R-1", d(2024, 2, 5)),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::RespiteNeedsPlacement]);
    assert_eq!(
        message(&r, 0),
        "respite needs an open placement the child returns to, found placement P-2 on runaway status"
    );

    // On a trial home visit: no row.
    let mut home = in_care();
    accept(&mut home, visit(d(2024, 2, 1), "P-2"), &FEDERAL);
    let r = refuse(
        &mut home,
        respite(d(2024, 2, 3), "R-1", d(2024, 2, 5)),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::TransitionNotAllowed]);
}

#[test]
fn a_respite_is_dated_its_id_unused_and_its_family_known() {
    // A return on the first day is not a stay: it cannot have happened.
    let e = Event::new(
        d(2024, 3, 1),
        EventData::Respite(Respite::new(plid("R-1"), d(2024, 3, 1))),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid respite return: expected on or after 2024-03-02, found 2024-03-01"
    );
    let mut case = in_care();
    let r = refuse(
        &mut case,
        respite(d(2024, 3, 1), "P-1", d(2024, 3, 3)),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::DuplicatePlacement]);
    let unknown = ev(
        d(2024, 3, 1),
        EventData::Respite(Respite::new(plid("R-1"), d(2024, 3, 3)).with_caregiver(fid("F-NONE"))),
    );
    let r = refuse(&mut case, unknown, &FEDERAL);
    assert_eq!(rules(&r), [RuleId::UnknownFamily]);

    // On the wire.
    let json = serde_json::json!({"date": "2024-03-01", "what": {"respite": {"id": "R-1", "returns": "2024-03-03", "caregiver": "F-REL"}}});
    let back: Event = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(serde_json::to_value(&back).unwrap(), json);
    assert_eq!(back.kind(), EventKind::Respite);
}

#[test]
fn respite_in_a_pre_adoptive_home() {
    // Placed for adoption 2024-07-01 (rights ended 2024-06-03); respite 2024-08-02 to 2024-08-04.
    let mut case = in_care();
    accept(&mut case, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
    accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
    accept(&mut case, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);
    accept(
        &mut case,
        placed_for_adoption(d(2024, 7, 1), "P-2", Setting::PreAdoptiveHome, "F-ADOPT"),
        &FEDERAL,
    );
    accept(
        &mut case,
        respite(d(2024, 8, 2), "R-1", d(2024, 8, 4)),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Adoption);
    assert_eq!(case.current_placement().unwrap().id(), &plid("P-2"));
}
