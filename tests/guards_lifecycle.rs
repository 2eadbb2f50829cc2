//! The guards every event passes (`src/rules/lifecycle.rs`): dates in order, nothing before the
//! birth, every family named is recorded, one id per placement, a row in the transition table
//! for the stage, and nothing after the death of the child.
//!
//! Each rule is refused with real dates (the exact rule ids and the exact message, the arithmetic
//! beside the expected value), next to the nearest history that is accepted; `common::refuse`
//! proves that a refused event leaves the case as it was. The cast (the child, F-BIRTH, F-REL,
//! F-FOSTER, F-ADOPT, F-GUARD) and the event builders are in `tests/common/mod.rs`.
#![cfg(feature = "serde")]

mod common;

use common::*;
use permanency::*;

// ================================================================================================
// The checks every event passes

#[test]
fn an_event_entered_late_is_placed_at_its_date_unless_it_breaks_a_later_one() {
    let mut case = in_care();
    accept(
        &mut case,
        plan(d(2024, 3, 1), Goal::Reunification),
        &FEDERAL,
    );

    // The last event is dated 2024-03-01; a review of 2024-02-28 keyed after it goes before it.
    accept(&mut case, review(d(2024, 2, 28)), &FEDERAL);
    let kinds: Vec<EventKind> = case.events().iter().map(Event::kind).collect();
    assert_eq!(
        kinds,
        [
            EventKind::Removal,
            EventKind::PlacementBegun,
            EventKind::PeriodicReview,
            EventKind::PlanSet
        ]
    );
    // The audit trail keeps the order of entry.
    assert_eq!(
        case.entries().last().map(|e| e.kind()),
        Some(EventKind::PeriodicReview)
    );

    // A death of 2024-02-01 keyed now would leave the review of 2024-02-28 after it: refused,
    // naming that review, and the case is as it was.
    let r = refuse(&mut case, ev(d(2024, 2, 1), EventData::Death), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::LaterEventRefused]);
    assert_eq!(
        message(&r, 0),
        "the death would leave the later periodic_review of 2024-02-28 refused: child_deceased: the child died on 2024-02-01; no event may follow"
    );

    // An event may share the date of the one before.
    accept(&mut case, review(d(2024, 3, 1)), &FEDERAL);
    assert_eq!(case.events().len(), 5);
}

#[test]
fn an_event_before_the_birth_is_refused_without_naming_the_birth_date() {
    let mut case = open_case();
    // Born 2016-05-04: a removal the day before is refused.
    let r = refuse(&mut case, removal(d(2016, 5, 3)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::EventBeforeBirth]);
    assert_eq!(
        message(&r, 0),
        "removal on 2016-05-03 precedes the child's birth"
    );
    assert!(!message(&r, 0).contains("2016-05-04"));
    assert!(!r.to_string().contains("2016-05-04"));

    // A newborn may be removed on the day of birth.
    accept(&mut case, removal(d(2016, 5, 4)), &FEDERAL);
    assert_eq!(case.stage(), Stage::FosterCare);
}

#[test]
fn an_unknown_family_is_refused_until_recorded() {
    let mut case = Case::new(child(), vec![birth_family()]).unwrap();
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);

    let placement = begin(
        d(2024, 1, 10),
        "P-1",
        Setting::NonRelativeFosterHome,
        Some("F-FOSTER"),
    );
    let r = refuse(&mut case, placement.clone(), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::UnknownFamily]);
    assert_eq!(
        message(&r, 0),
        "family F-FOSTER is not recorded in the case; record it with family_recorded first"
    );
    assert_eq!(subjects(&r, 0), [Subject::Family(fid("F-FOSTER"))]);

    // Record the family, and the same placement is accepted.
    accept(
        &mut case,
        recorded(d(2024, 1, 10), foster_family()),
        &FEDERAL,
    );
    assert!(case.family(&fid("F-FOSTER")).is_some());
    assert!(
        case.opening_families()
            .iter()
            .all(|f| f.id() != &fid("F-FOSTER"))
    );
    accept(&mut case, placement, &FEDERAL);
    assert_eq!(case.current_placement().unwrap().id(), &plid("P-1"));
}

#[test]
fn a_removal_from_an_unknown_household_is_refused() {
    let mut case = Case::new(child(), vec![]).unwrap();
    let r = refuse(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::UnknownFamily]);
    assert_eq!(
        message(&r, 0),
        "family F-BIRTH is not recorded in the case; record it with family_recorded first"
    );
    accept(
        &mut case,
        recorded(d(2024, 1, 10), birth_family()),
        &FEDERAL,
    );
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    assert_eq!(case.episodes()[0].removed_from(), Some(&fid("F-BIRTH")));
}

#[test]
fn a_placement_id_is_used_once() {
    let mut case = in_care();
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

    // P-1 ended on 2024-02-01; its id cannot name the next placement.
    let r = refuse(
        &mut case,
        change(
            d(2024, 3, 1),
            "P-1",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::DuplicatePlacement]);
    assert_eq!(
        message(&r, 0),
        "placement P-1 already exists in the case; each placement needs its own id"
    );
    assert_eq!(subjects(&r, 0), [Subject::Placement(plid("P-1"))]);

    accept(
        &mut case,
        change(
            d(2024, 3, 1),
            "P-3",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    assert_eq!(case.placements().len(), 3);
}

#[test]
fn an_event_with_no_row_lists_what_is_allowed() {
    let mut case = open_case();
    let placement = begin(
        d(2024, 1, 10),
        "P-1",
        Setting::NonRelativeFosterHome,
        Some("F-FOSTER"),
    );
    let r = refuse(&mut case, placement.clone(), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::TransitionNotAllowed]);
    assert_eq!(
        message(&r, 0),
        "placement_begun is not allowed in stage intake; allowed: family_recorded, open_preservation, removal, court_finding, parent_deceased, parental_rights_relinquished, parental_rights_terminated, death, icwa_status_determined, icwa_findings, icwa_consent, icwa_consent_withdrawn, icwa_notice_received, icwa_additional_time, icwa_tribal_preferences, sibling_recorded, relative_identified, maltreatment_reported"
    );
    assert_eq!(
        r.allowed(),
        [
            EventKind::FamilyRecorded,
            EventKind::OpenPreservation,
            EventKind::Removal,
            EventKind::CourtFinding,
            EventKind::ParentDeceased,
            EventKind::ParentalRightsRelinquished,
            EventKind::ParentalRightsTerminated,
            EventKind::Death,
            EventKind::IcwaStatusDetermined,
            EventKind::IcwaFindings,
            EventKind::IcwaConsent,
            EventKind::IcwaConsentWithdrawn,
            EventKind::IcwaNoticeReceived,
            EventKind::IcwaAdditionalTime,
            EventKind::IcwaTribalPreferences,
            EventKind::SiblingRecorded,
            EventKind::RelativeIdentified,
            EventKind::MaltreatmentReported,
        ]
    );

    // After a removal the placement has its row.
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    accept(&mut case, placement, &FEDERAL);

    // Once exited, placements need a new removal.
    accept(
        &mut case,
        discharge(
            d(2024, 6, 1),
            Discharge::reunified().to_family(fid("F-BIRTH")),
        ),
        &FEDERAL,
    );
    let r = refuse(
        &mut case,
        begin(
            d(2024, 7, 1),
            "P-2",
            Setting::RelativeFosterHome,
            Some("F-REL"),
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::TransitionNotAllowed]);
    assert_eq!(
        message(&r, 0),
        "placement_begun is not allowed in stage exited(reunified); allowed: family_recorded, removal, court_finding, parent_deceased, parental_rights_terminated, parental_rights_relinquished, open_preservation, close, death, absence_factors_determined, trafficking_screened, adoption_assistance_agreement_signed, service_provided, exit_documents_provided, icwa_status_determined, icwa_findings, icwa_consent, icwa_consent_withdrawn, icwa_home_assessed, icwa_good_cause, icwa_tribal_preferences, sibling_recorded, relatives_notified, relative_notified, relative_notice_excepted, maltreatment_reported"
    );
}

#[test]
fn nothing_follows_the_death_of_the_child() {
    let mut case = in_care();
    let alive = case.clone();
    accept(&mut case, ev(d(2024, 5, 1), EventData::Death), &FEDERAL);
    assert_eq!(case.stage(), Stage::Deceased);
    assert_eq!(
        case.episodes()[0].exit(),
        Some(EpisodeExit::new(d(2024, 5, 1), ExitReason::Death))
    );
    assert_eq!(
        case.placements()[0].end(),
        Some(PlacementEnd::new(d(2024, 5, 1), EndReason::Died))
    );

    let r = refuse(&mut case, review(d(2024, 6, 1)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::ChildDeceased]);
    assert_eq!(
        message(&r, 0),
        "the child died on 2024-05-01; no event may follow"
    );
    assert!(r.allowed().is_empty());

    let r = refuse(
        &mut case,
        recorded(d(2024, 6, 1), guardian_family()),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::ChildDeceased]);

    // A review of 2024-04-01 keyed after the death happened before it: it goes at its date.
    accept(&mut case, review(d(2024, 4, 1)), &FEDERAL);
    assert_eq!(
        case.events().last().map(|e| e.kind()),
        Some(EventKind::Death)
    );

    // The same review while the child lived is accepted.
    let mut alive = alive;
    accept(&mut alive, review(d(2024, 4, 30)), &FEDERAL);
}

// ================================================================================================
// Death and court findings outside an episode

#[test]
fn a_death_in_intake_ends_the_case_with_no_episode() {
    // Every stage but Deceased has a death row, intake included.
    for s in StageKind::ALL
        .iter()
        .copied()
        .filter(|s| *s != StageKind::Deceased)
    {
        assert!(
            permanency::case::transitions::find(s, EventKind::Death).is_some(),
            "{s:?}"
        );
    }
    let mut case = open_case();
    accept(&mut case, ev(d(2024, 3, 2), EventData::Death), &FEDERAL);
    assert_eq!(case.stage(), Stage::Deceased);
    assert!(case.episodes().is_empty());
    assert!(case.placements().is_empty());
    let r = refuse(&mut case, removal(d(2024, 3, 3)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::ChildDeceased]);
}

#[test]
fn a_pick_up_order_with_its_findings_may_precede_the_removal() {
    // 45 CFR 1356.21(b)(1)(ii), (c): the order sanctioning the removal may come first. Findings
    // dated 2024-01-08, the physical removal two days later, 2024-01-10.
    let mut case = open_case();
    accept(&mut case, ctw(d(2024, 1, 8)), &FEDERAL);
    accept(
        &mut case,
        prevention(d(2024, 1, 8), PreventionEfforts::Made),
        &FEDERAL,
    );
    assert_eq!(case.stage(), Stage::Intake);
    accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
    assert_eq!(case.stage(), Stage::FosterCare);
    assert_eq!(case.events().len(), 3);
    assert_eq!(case.episodes()[0].removal_date(), d(2024, 1, 10));
}

#[test]
fn findings_before_a_re_entry_are_accepted_after_an_exit_and_a_closing() {
    // Exited 2024-06-01; a pick-up order 2024-09-01; closed 2024-07-01 in the second case.
    let mut exited = in_care();
    accept(
        &mut exited,
        discharge(
            d(2024, 6, 1),
            Discharge::reunified().to_family(fid("F-BIRTH")),
        ),
        &FEDERAL,
    );
    let mut closed = exited.clone();
    accept(&mut exited, ctw(d(2024, 9, 1)), &FEDERAL);
    assert_eq!(exited.stage(), Stage::Exited(ExitReason::Reunified));
    accept(&mut exited, removal(d(2024, 9, 2)), &FEDERAL);
    assert_eq!(exited.episodes().len(), 2);

    accept(&mut closed, ev(d(2024, 7, 1), EventData::Close), &FEDERAL);
    accept(&mut closed, ctw(d(2024, 9, 1)), &FEDERAL);
    assert_eq!(
        closed.stage(),
        Stage::Closed(Outcome::Exited(ExitReason::Reunified))
    );
}

#[test]
fn findings_that_need_a_case_in_care_keep_their_rules_before_a_removal() {
    // A visit extension in intake: no visit under way.
    let mut case = open_case();
    let r = refuse(&mut case, extended(d(2024, 1, 8), d(2024, 9, 1)), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::VisitExtension]);
    assert_eq!(
        message(&r, 0),
        "a visit extension needs a trial home visit under way or foster care awaiting one, found stage intake"
    );
    // A QRTP approval naming no placement of the case.
    let r = refuse(
        &mut case,
        finding(
            d(2024, 1, 8),
            Finding::QrtpApproved {
                placement: plid("P-9"),
            },
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::QrtpPlacement]);
    assert_eq!(message(&r, 0), "placement P-9 is not in the case");
}
