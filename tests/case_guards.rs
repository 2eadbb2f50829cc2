//! Scenario tests for every guard `Case::apply` runs: each rule refused with real dates (the
//! exact rule ids and the exact message, the arithmetic beside the expected value), the nearest
//! history that is accepted, and the proof that a refused event leaves the case as it was.
//!
//! The obligations of the clocks (`contrary_to_welfare`, `case_plan`, ...) are not guards and are
//! tested elsewhere.
#![cfg(feature = "serde")]

use chrono::NaiveDate;
use permanency::date::LeapDayBirthday;
use permanency::policy::OverlongVisitExit;
use permanency::*;

// ------------------------------------------------------------------------------------------------
// Dates, ids and people

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const FEDERAL: Policy = Policy::federal();

fn pid(id: &str) -> PersonId {
    PersonId::new(id).unwrap()
}

fn fid(id: &str) -> FamilyId {
    FamilyId::new(id).unwrap()
}

fn plid(id: &str) -> PlacementId {
    PlacementId::new(id).unwrap()
}

fn member(id: &str, name: &str, relationship: Relationship) -> Member {
    Member::new(Person::new(pid(id), Name::new(name).unwrap()), relationship)
}

fn licence(since: NaiveDate, expires: Option<NaiveDate>) -> FosterLicence {
    FosterLicence::new(LicenceStatus::Licensed, since, expires).unwrap()
}

/// The child of most scenarios: born 2016-05-04, so 7 or 8 years old in 2024.
fn child() -> Child {
    child_born(d(2016, 5, 4))
}

fn child_born(born: NaiveDate) -> Child {
    Child::new(
        ChildId::new("C-1").unwrap(),
        Name::new("Sam").unwrap(),
        born,
        Sex::Male,
    )
    .unwrap()
}

// ------------------------------------------------------------------------------------------------
// Families

/// F-BIRTH: mother and father are legal parents; a putative father is a member but not a legal
/// parent.
fn birth_family() -> Family {
    Family::builder(fid("F-BIRTH"), FamilyKind::Birth)
        .member(
            member("P-MOTHER", "Ann", Relationship::Mother)
                .legal_parent()
                .caregiver(),
        )
        .member(
            member("P-FATHER", "Bob", Relationship::Father)
                .legal_parent()
                .caregiver(),
        )
        .member(member("P-PUTATIVE", "Cal", Relationship::PutativeFather))
        .build()
        .unwrap()
}

/// F-REL: the grandmother, licensed as a foster home from 2024-01-01 with no end.
fn relative_family() -> Family {
    relative_family_licensed(d(2024, 1, 1))
}

fn relative_family_licensed(since: NaiveDate) -> Family {
    Family::builder(fid("F-REL"), FamilyKind::Relative)
        .member(member("P-GRANDMA", "Dora", Relationship::Grandparent).caregiver())
        .licence(licence(since, None))
        .build()
        .unwrap()
}

/// F-FOSTER: a non-relative foster home licensed 2023-01-01 to 2026-12-31.
fn foster_family() -> Family {
    foster_family_licensed(d(2023, 1, 1), d(2026, 12, 31))
}

fn foster_family_licensed(since: NaiveDate, expires: NaiveDate) -> Family {
    Family::builder(fid("F-FOSTER"), FamilyKind::NonRelativeFoster)
        .member(member("P-FOSTER", "Eve", Relationship::NonRelative).caregiver())
        .licence(licence(since, Some(expires)))
        .build()
        .unwrap()
}

/// F-ADOPT: a licensed pre-adoptive family.
fn preadoptive_family() -> Family {
    Family::builder(fid("F-ADOPT"), FamilyKind::PreAdoptive)
        .member(member("P-ADOPT", "Fay", Relationship::NonRelative).caregiver())
        .licence(licence(d(2023, 1, 1), None))
        .build()
        .unwrap()
}

/// F-GUARD: a non-relative guardian, never a foster home.
fn guardian_family() -> Family {
    Family::builder(fid("F-GUARD"), FamilyKind::Guardian)
        .member(member("P-GUARD", "Gus", Relationship::NonRelative).caregiver())
        .build()
        .unwrap()
}

/// The same household (id, members, licence) recorded as another kind: a relative who becomes a
/// guardian, a foster family approved to adopt.
fn as_kind(family: &Family, kind: FamilyKind) -> Family {
    let mut b = Family::builder(family.id().clone(), kind);
    for m in family.members() {
        b = b.member(m.clone());
    }
    if let Some(l) = family.licence() {
        b = b.licence(*l);
    }
    b.build().unwrap()
}

fn all_families() -> Vec<Family> {
    vec![
        birth_family(),
        relative_family(),
        foster_family(),
        preadoptive_family(),
        guardian_family(),
    ]
}

// ------------------------------------------------------------------------------------------------
// Events

fn ev(date: NaiveDate, what: EventData) -> Event {
    Event::new(date, what).unwrap()
}

fn np(id: &str, setting: Setting, caregiver: Option<&str>) -> NewPlacement {
    NewPlacement::new(plid(id), setting, caregiver.map(fid)).unwrap()
}

fn removal(date: NaiveDate) -> Event {
    ev(
        date,
        EventData::Removal(Removal::new(Manner::CourtOrder).from_family(fid("F-BIRTH"))),
    )
}

fn begin(date: NaiveDate, id: &str, setting: Setting, caregiver: Option<&str>) -> Event {
    ev(date, EventData::PlacementBegun(np(id, setting, caregiver)))
}

fn change(date: NaiveDate, id: &str, setting: Setting, caregiver: Option<&str>) -> Event {
    ev(
        date,
        EventData::PlacementChanged(np(id, setting, caregiver)),
    )
}

fn ran_away(date: NaiveDate, id: &str) -> Event {
    ev(date, EventData::RanAway(np(id, Setting::Runaway, None)))
}

fn returned(date: NaiveDate, id: &str, setting: Setting, caregiver: Option<&str>) -> Event {
    ev(
        date,
        EventData::ReturnedFromRunaway(np(id, setting, caregiver)),
    )
}

fn plan(date: NaiveDate, goal: Goal) -> Event {
    ev(date, EventData::PlanSet(Goals::primary(goal).unwrap()))
}

fn appla_doc() -> ApplaDocumentation {
    ApplaDocumentation::new(
        Note::new("the youth asks to remain with the caregiver").unwrap(),
        Note::new("relative search and adoption recruitment unsuccessful").unwrap(),
    )
}

fn appla(date: NaiveDate) -> Event {
    ev(
        date,
        EventData::PlanSet(Goals::new(Goal::Appla, None, Some(appla_doc())).unwrap()),
    )
}

fn recorded(date: NaiveDate, family: Family) -> Event {
    ev(date, EventData::FamilyRecorded(Box::new(family)))
}

fn tpr(date: NaiveDate, parent: &str) -> Event {
    ev(
        date,
        EventData::ParentalRightsTerminated {
            parent: pid(parent),
        },
    )
}

fn relinquished(date: NaiveDate, parent: &str) -> Event {
    ev(
        date,
        EventData::ParentalRightsRelinquished {
            parent: pid(parent),
        },
    )
}

fn parent_deceased(date: NaiveDate, parent: &str) -> Event {
    ev(
        date,
        EventData::ParentDeceased {
            parent: pid(parent),
        },
    )
}

fn placed_for_adoption(date: NaiveDate, id: &str, setting: Setting, caregiver: &str) -> Event {
    ev(
        date,
        EventData::PlacedForAdoption(np(id, setting, Some(caregiver))),
    )
}

/// A trial home visit with the birth family.
fn visit(date: NaiveDate, id: &str) -> Event {
    ev(
        date,
        EventData::TrialHomeVisitBegun(np(id, Setting::TrialHomeVisit, Some("F-BIRTH"))),
    )
}

/// The end of a visit: back to the non-relative foster home.
fn visit_ended(date: NaiveDate, id: &str) -> Event {
    ev(
        date,
        EventData::TrialHomeVisitEnded(np(id, Setting::NonRelativeFosterHome, Some("F-FOSTER"))),
    )
}

fn extended(date: NaiveDate, until: NaiveDate) -> Event {
    ev(
        date,
        EventData::CourtFinding(Finding::VisitExtended { until }),
    )
}

fn discharge(date: NaiveDate, discharge: Discharge) -> Event {
    ev(date, EventData::Discharge(discharge))
}

fn review(date: NaiveDate) -> Event {
    ev(date, EventData::PeriodicReview)
}

// ------------------------------------------------------------------------------------------------
// Cases and assertions

/// A case opened with every family, in Intake.
fn open_case() -> Case {
    Case::new(child(), all_families()).unwrap()
}

/// Removed from F-BIRTH on 2024-01-10 and placed the same day in F-FOSTER as P-1.
fn in_care() -> Case {
    in_care_from(d(2024, 1, 10))
}

fn in_care_from(date: NaiveDate) -> Case {
    let mut case = open_case();
    accept(&mut case, removal(date), &FEDERAL);
    accept(
        &mut case,
        begin(
            date,
            "P-1",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    case
}

#[track_caller]
fn accept(case: &mut Case, event: Event, policy: &Policy) {
    if let Err(rejection) = case.apply(event, policy) {
        panic!("expected the event to be accepted, found: {rejection}");
    }
}

/// Everything a view of the case shows, to compare before and after a refusal.
type Derived = (
    Vec<Placement>,
    Vec<Episode>,
    Vec<PermanencyPlan>,
    Vec<ParentStatus>,
    Vec<Family>,
    Option<NaiveDate>,
);

fn derived(case: &Case) -> Derived {
    (
        case.placements().to_vec(),
        case.episodes().to_vec(),
        case.plans().to_vec(),
        case.legal_parents(),
        case.families().into_iter().cloned().collect(),
        case.visit_extended_until(),
    )
}

/// Applies an event that must be refused, checks that `check` says the same and that the case is
/// exactly as before (history, stage, JSON, every derived view), and returns the rejection.
#[track_caller]
fn refuse(case: &mut Case, event: Event, policy: &Policy) -> Rejection {
    let before = case.clone();
    let len = case.events().len();
    let stage = case.stage();
    let json = serde_json::to_string(&*case).unwrap();
    let views = derived(case);

    let checked = case
        .check(&event, policy)
        .expect_err("check: expected a refusal");
    let rejection = case
        .apply(event.clone(), policy)
        .expect_err("apply: expected a refusal");

    assert_eq!(rejection, checked, "check and apply disagree");
    assert_eq!(rejection.kind(), event.kind());
    assert_eq!(rejection.stage(), stage);
    assert!(!rejection.violations().is_empty());
    assert_eq!(*case, before);
    assert_eq!(case.events().len(), len);
    assert_eq!(case.stage(), stage);
    assert_eq!(serde_json::to_string(&*case).unwrap(), json);
    assert_eq!(derived(case), views);
    rejection
}

fn rules(rejection: &Rejection) -> Vec<RuleId> {
    rejection.rules().collect()
}

fn message(rejection: &Rejection, i: usize) -> &str {
    rejection.violations()[i].message()
}

fn subjects(rejection: &Rejection, i: usize) -> &[Subject] {
    rejection.violations()[i].subjects()
}

// ================================================================================================
// The checks every event passes

mod lifecycle {
    use super::*;

    #[test]
    fn dates_going_backwards_are_refused_and_the_same_day_is_not() {
        let mut case = in_care();
        accept(
            &mut case,
            plan(d(2024, 3, 1), Goal::Reunification),
            &FEDERAL,
        );

        // The last event is dated 2024-03-01; 2024-02-28 precedes it.
        let r = refuse(&mut case, review(d(2024, 2, 28)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::EventOutOfOrder]);
        assert_eq!(
            message(&r, 0),
            "expected a date on or after 2024-03-01 (the last event), found 2024-02-28"
        );

        // An event may share the date of the one before.
        accept(&mut case, review(d(2024, 3, 1)), &FEDERAL);
        assert_eq!(case.events().len(), 4);
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
            "placement_begun is not allowed in stage Intake; allowed: family_recorded, open_preservation, removal"
        );
        assert_eq!(
            r.allowed(),
            [
                EventKind::FamilyRecorded,
                EventKind::OpenPreservation,
                EventKind::Removal
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
                Discharge::new(ExitReason::Reunified).to_family(fid("F-BIRTH")),
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
            "placement_begun is not allowed in stage Exited(reunified); allowed: family_recorded, removal, open_preservation, close, death"
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
            Some(EpisodeExit {
                date: d(2024, 5, 1),
                reason: ExitReason::Death
            })
        );
        assert_eq!(
            case.placements()[0].end(),
            Some(PlacementEnd {
                date: d(2024, 5, 1),
                reason: EndReason::Died
            })
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

        // Every reason at once: dated before the death, and after it in the history.
        let r = refuse(&mut case, review(d(2024, 4, 1)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::EventOutOfOrder, RuleId::ChildDeceased]);

        // The same review while the child lived is accepted.
        let mut alive = alive;
        accept(&mut alive, review(d(2024, 4, 30)), &FEDERAL);
    }
}

// ================================================================================================
// Placements

mod placements {
    use super::*;

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
            Some(PlacementEnd {
                date: d(2024, 2, 1),
                reason: EndReason::Replaced
            })
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
            "placement_changed is not allowed in stage Reunification; allowed: family_recorded, plan_set, court_finding, permanency_hearing, periodic_review, case_plan_completed, relatives_notified, transition_plan_completed, parent_deceased, trial_home_visit_ended, removal, discharge, death"
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
        let r = refuse(
            &mut case,
            ev(
                d(2024, 2, 1),
                EventData::RanAway(np("P-2", Setting::GroupHomeStaffOperated, None)),
            ),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::PlacementEventMismatch]);
        assert_eq!(
            message(&r, 0),
            "ran_away expects a runaway or whereabouts_unknown setting, found group_home_staff_operated"
        );

        accept(
            &mut case,
            ev(
                d(2024, 2, 1),
                EventData::RanAway(np("P-2", Setting::WhereaboutsUnknown, None)),
            ),
            &FEDERAL,
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
    fn a_pre_adoptive_home_needs_a_pre_adoptive_family() {
        let mut case = in_care();
        let r = refuse(
            &mut case,
            change(
                d(2024, 3, 1),
                "P-2",
                Setting::PreAdoptiveHome,
                Some("F-FOSTER"),
            ),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::CaregiverKind]);
        assert_eq!(
            message(&r, 0),
            "a pre_adoptive_home placement needs a pre_adoptive or adoptive family, found family F-FOSTER of kind non_relative_foster"
        );
        accept(
            &mut case,
            change(
                d(2024, 3, 1),
                "P-2",
                Setting::PreAdoptiveHome,
                Some("F-ADOPT"),
            ),
            &FEDERAL,
        );
    }

    #[test]
    fn a_non_relative_home_needs_a_licence_in_force_on_the_placement_date() {
        // Licensed 2023-03-01 through 2024-02-29 (a leap day): in force on 2024-02-29, expired on
        // 2024-03-01.
        let expiring = foster_family_licensed(d(2023, 3, 1), d(2024, 2, 29));
        let mut case = Case::new(child(), vec![birth_family(), expiring.clone()]).unwrap();
        accept(&mut case, removal(d(2024, 2, 28)), &FEDERAL);

        let r = refuse(
            &mut case,
            begin(
                d(2024, 3, 1),
                "P-1",
                Setting::NonRelativeFosterHome,
                Some("F-FOSTER"),
            ),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::UnlicensedHome]);
        assert_eq!(
            message(&r, 0),
            "family F-FOSTER needs a foster-home licence in force on 2024-03-01, found one covering 2023-03-01 to 2024-02-29"
        );
        assert_eq!(
            subjects(&r, 0),
            [
                Subject::Family(fid("F-FOSTER")),
                Subject::Placement(plid("P-1"))
            ]
        );

        // The same home on the licence's last day.
        let mut last_day = case.clone();
        accept(
            &mut last_day,
            begin(
                d(2024, 2, 29),
                "P-1",
                Setting::NonRelativeFosterHome,
                Some("F-FOSTER"),
            ),
            &FEDERAL,
        );

        // Or the licence renewed from 2024-03-01, recorded before the placement.
        let renewed = Family::builder(fid("F-FOSTER"), FamilyKind::NonRelativeFoster)
            .member(expiring.members()[0].clone())
            .licence(licence(d(2024, 3, 1), Some(d(2025, 2, 28))))
            .build()
            .unwrap();
        accept(&mut case, recorded(d(2024, 3, 1), renewed), &FEDERAL);
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
    }

    #[test]
    fn a_suspended_licence_is_not_in_force() {
        let suspended = Family::builder(fid("F-FOSTER"), FamilyKind::NonRelativeFoster)
            .member(member("P-FOSTER", "Eve", Relationship::NonRelative).caregiver())
            .licence(FosterLicence::new(LicenceStatus::Suspended, d(2023, 1, 1), None).unwrap())
            .build()
            .unwrap();
        let mut case = Case::new(child(), vec![birth_family(), suspended]).unwrap();
        accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
        let r = refuse(
            &mut case,
            begin(
                d(2024, 1, 10),
                "P-1",
                Setting::NonRelativeFosterHome,
                Some("F-FOSTER"),
            ),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::UnlicensedHome]);
        assert_eq!(
            message(&r, 0),
            "family F-FOSTER needs a foster-home licence in force on 2024-01-10, found a licence not in force"
        );
        accept(
            &mut case,
            recorded(d(2024, 1, 10), foster_family()),
            &FEDERAL,
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
    fn an_unlicensed_pre_adoptive_family_is_not_a_licensed_home() {
        let unlicensed = Family::builder(fid("F-ADOPT"), FamilyKind::PreAdoptive)
            .member(member("P-ADOPT", "Fay", Relationship::NonRelative).caregiver())
            .build()
            .unwrap();
        let mut case = Case::new(child(), vec![birth_family(), unlicensed]).unwrap();
        accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
        let r = refuse(
            &mut case,
            begin(
                d(2024, 1, 10),
                "P-1",
                Setting::PreAdoptiveHome,
                Some("F-ADOPT"),
            ),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::UnlicensedHome]);
        assert_eq!(
            message(&r, 0),
            "family F-ADOPT needs a foster-home licence in force on 2024-01-10, found none"
        );
    }

    #[test]
    fn qrtp_records_name_a_qrtp_placement() {
        let mut case = in_care();
        let assessed = |id: &str| {
            ev(
                d(2024, 2, 15),
                EventData::QrtpAssessed {
                    placement: plid(id),
                    outcome: QrtpAssessment::Appropriate,
                },
            )
        };

        let r = refuse(&mut case, assessed("P-1"), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::QrtpPlacement]);
        assert_eq!(
            message(&r, 0),
            "placement P-1 is a non_relative_foster_home, not a qrtp"
        );
        assert_eq!(subjects(&r, 0), [Subject::Placement(plid("P-1"))]);

        let r = refuse(&mut case, assessed("P-9"), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::QrtpPlacement]);
        assert_eq!(message(&r, 0), "placement P-9 is not in the case");

        let approved = |id: &str| {
            ev(
                d(2024, 2, 20),
                EventData::CourtFinding(Finding::QrtpApproved {
                    placement: plid(id),
                }),
            )
        };
        let r = refuse(&mut case, approved("P-1"), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::QrtpPlacement]);
        assert_eq!(
            message(&r, 0),
            "placement P-1 is a non_relative_foster_home, not a qrtp"
        );

        // Moved to a QRTP on 2024-02-01, assessed within 30 days and approved by the court.
        accept(
            &mut case,
            change(d(2024, 2, 1), "P-2", Setting::Qrtp, None),
            &FEDERAL,
        );
        accept(&mut case, assessed("P-2"), &FEDERAL);
        accept(&mut case, approved("P-2"), &FEDERAL);

        let r = refuse(
            &mut case,
            ev(
                d(2024, 3, 1),
                EventData::QrtpLongStayApproved {
                    placement: plid("P-1"),
                },
            ),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::QrtpPlacement]);
    }
}

// ================================================================================================
// APPLA

mod plans {
    use super::*;

    #[test]
    fn appla_the_day_before_the_16th_birthday_is_refused() {
        // Born 2008-09-30: attains 16 on 2024-09-30 (DOMAIN.md §0.3 example).
        let born = d(2008, 9, 30);
        let mut case = Case::new(child_born(born), all_families()).unwrap();
        accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);

        let r = refuse(&mut case, appla(d(2024, 9, 29)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::ApplaAge]);
        assert_eq!(
            message(&r, 0),
            "appla needs a child who has attained 16 on 2024-09-29, found age 15"
        );
        assert!(!message(&r, 0).contains("2008-09-30"));

        // APPLA as the concurrent goal is refused as well.
        let concurrent = Goals::new(Goal::Reunification, Some(Goal::Appla), Some(appla_doc()));
        let r = refuse(
            &mut case,
            ev(d(2024, 9, 29), EventData::PlanSet(concurrent.unwrap())),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::ApplaAge]);

        accept(&mut case, appla(d(2024, 9, 30)), &FEDERAL);
        assert_eq!(case.current_plan().unwrap().primary_goal(), Goal::Appla);
        assert_eq!(case.current_plan().unwrap().established(), d(2024, 9, 30));
    }

    #[test]
    fn appla_for_a_leap_day_birthday_follows_the_policy() {
        // Born 2008-02-29. Sixteen years later is always a leap year (before 2100), so the 16th
        // birthday is 2024-02-29 whatever the switch.
        let born = d(2008, 2, 29);
        let march1 = Policy::federal().with_leap_day_birthday(LeapDayBirthday::March1);
        for policy in [&FEDERAL, &march1] {
            let mut case = Case::new(child_born(born), all_families()).unwrap();
            accept(&mut case, removal(d(2024, 1, 10)), policy);
            let r = refuse(&mut case, appla(d(2024, 2, 28)), policy);
            assert_eq!(rules(&r), [RuleId::ApplaAge]);
            assert_eq!(
                message(&r, 0),
                "appla needs a child who has attained 16 on 2024-02-28, found age 15"
            );
            accept(&mut case, appla(d(2024, 2, 29)), policy);
        }

        // A state with an APPLA age of 17: the 17th birthday falls in a common year, 2025.
        let feb28 = Policy::federal().with_appla_min_age(17).unwrap();
        let march1 = feb28
            .clone()
            .with_leap_day_birthday(LeapDayBirthday::March1);
        let in_care = |policy: &Policy| {
            let mut case = Case::new(child_born(born), all_families()).unwrap();
            accept(&mut case, removal(d(2024, 1, 10)), policy);
            case
        };

        // February28 (the default): 2008-02-29 + 17 years, clamped = 2025-02-28.
        let mut case = in_care(&feb28);
        let r = refuse(&mut case, appla(d(2025, 2, 27)), &feb28);
        assert_eq!(
            message(&r, 0),
            "appla needs a child who has attained 17 on 2025-02-27, found age 16"
        );
        accept(&mut case, appla(d(2025, 2, 28)), &feb28);

        // March1: 2008-02-29 + 17 years, rolled over = 2025-03-01; on 2025-02-28 still 16.
        let mut case = in_care(&march1);
        let r = refuse(&mut case, appla(d(2025, 2, 28)), &march1);
        assert_eq!(rules(&r), [RuleId::ApplaAge]);
        assert_eq!(
            message(&r, 0),
            "appla needs a child who has attained 17 on 2025-02-28, found age 16"
        );
        accept(&mut case, appla(d(2025, 3, 1)), &march1);
    }
}

// ================================================================================================
// Parents

mod parents {
    use super::*;

    #[test]
    fn only_a_legal_parent_loses_parental_rights() {
        let mut case = in_care();

        let r = refuse(&mut case, tpr(d(2024, 6, 3), "P-PUTATIVE"), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::NotALegalParent]);
        assert_eq!(
            message(&r, 0),
            "person P-PUTATIVE is not a legal parent in any birth family of the case"
        );
        assert_eq!(subjects(&r, 0), [Subject::Person(pid("P-PUTATIVE"))]);

        // The grandmother is a member of a relative family, not a parent.
        let r = refuse(
            &mut case,
            relinquished(d(2024, 6, 3), "P-GRANDMA"),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::NotALegalParent]);
        assert_eq!(
            message(&r, 0),
            "person P-GRANDMA is not a legal parent in any birth family of the case"
        );

        // A finding excusing reunification efforts names a parent too.
        let r = refuse(
            &mut case,
            ev(
                d(2024, 6, 3),
                EventData::CourtFinding(Finding::ReunificationEffortsNotRequired {
                    parent: pid("P-PUTATIVE"),
                    ground: AggravatedGround::AggravatedCircumstances,
                }),
            ),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::NotALegalParent]);

        accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
        assert_eq!(
            case.parental_rights(&pid("P-MOTHER")),
            ParentalRights::Terminated(d(2024, 6, 3))
        );
        assert_eq!(
            case.parental_rights(&pid("P-FATHER")),
            ParentalRights::Intact
        );
    }

    #[test]
    fn parental_rights_end_once() {
        let mut case = in_care();
        accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);

        let r = refuse(&mut case, tpr(d(2024, 7, 1), "P-MOTHER"), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::ParentalRightsAlreadyEnded]);
        assert_eq!(
            message(&r, 0),
            "the rights of person P-MOTHER already ended: terminated on 2024-06-03"
        );
        assert_eq!(subjects(&r, 0), [Subject::Person(pid("P-MOTHER"))]);

        let r = refuse(&mut case, relinquished(d(2024, 7, 1), "P-MOTHER"), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::ParentalRightsAlreadyEnded]);

        // The father's rights are intact: his relinquishment is accepted, once.
        let mut deceased = case.clone();
        accept(&mut case, relinquished(d(2024, 7, 1), "P-FATHER"), &FEDERAL);
        let r = refuse(
            &mut case,
            parent_deceased(d(2024, 8, 1), "P-FATHER"),
            &FEDERAL,
        );
        assert_eq!(
            message(&r, 0),
            "the rights of person P-FATHER already ended: relinquished on 2024-07-01"
        );

        accept(
            &mut deceased,
            parent_deceased(d(2024, 7, 1), "P-FATHER"),
            &FEDERAL,
        );
        let r = refuse(&mut deceased, tpr(d(2024, 8, 1), "P-FATHER"), &FEDERAL);
        assert_eq!(
            message(&r, 0),
            "the rights of person P-FATHER already ended: deceased on 2024-07-01"
        );
    }
}

// ================================================================================================
// Adoption

mod adoption {
    use super::*;

    fn pre_adoptive(date: NaiveDate) -> Event {
        placed_for_adoption(date, "P-2", Setting::PreAdoptiveHome, "F-ADOPT")
    }

    #[test]
    fn placed_for_adoption_with_a_parent_s_rights_intact() {
        let mut case = in_care();
        accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
        accept(&mut case, plan(d(2024, 6, 10), Goal::Adoption), &FEDERAL);

        let r = refuse(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::ParentalRightsIntact]);
        assert_eq!(
            message(&r, 0),
            "placed_for_adoption needs every legal parent's rights ended, found intact: P-FATHER"
        );
        assert_eq!(subjects(&r, 0), [Subject::Person(pid("P-FATHER"))]);

        accept(&mut case, relinquished(d(2024, 7, 1), "P-FATHER"), &FEDERAL);
        accept(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
        assert_eq!(case.stage(), Stage::Adoption);
    }

    #[test]
    fn placed_for_adoption_needs_the_goal_adoption() {
        let mut case = in_care();
        accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
        accept(&mut case, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);

        let r = refuse(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::GoalNotAdoption]);
        assert_eq!(
            message(&r, 0),
            "placed_for_adoption needs a plan whose primary goal is adoption, found no plan"
        );

        accept(
            &mut case,
            plan(d(2024, 6, 10), Goal::Reunification),
            &FEDERAL,
        );
        let r = refuse(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::GoalNotAdoption]);
        assert_eq!(
            message(&r, 0),
            "placed_for_adoption needs a plan whose primary goal is adoption, found reunification"
        );

        accept(&mut case, plan(d(2024, 6, 24), Goal::Adoption), &FEDERAL);
        accept(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
    }

    #[test]
    fn placed_for_adoption_needs_an_adoptive_home() {
        let mut case = in_care();
        accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
        accept(&mut case, tpr(d(2024, 6, 3), "P-FATHER"), &FEDERAL);
        accept(&mut case, plan(d(2024, 6, 10), Goal::Adoption), &FEDERAL);

        let r = refuse(
            &mut case,
            placed_for_adoption(
                d(2024, 7, 1),
                "P-2",
                Setting::NonRelativeFosterHome,
                "F-FOSTER",
            ),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::NotAnAdoptiveHome]);
        assert_eq!(
            message(&r, 0),
            "placed_for_adoption needs a pre_adoptive_home with a pre_adoptive or adoptive family, found a non_relative_foster_home with family F-FOSTER of kind non_relative_foster"
        );
        assert_eq!(
            subjects(&r, 0),
            [
                Subject::Placement(plid("P-2")),
                Subject::Family(fid("F-FOSTER"))
            ]
        );

        accept(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
    }

    #[test]
    fn placed_for_adoption_says_every_reason_at_once() {
        let mut case = in_care();
        accept(
            &mut case,
            plan(d(2024, 2, 1), Goal::Reunification),
            &FEDERAL,
        );
        let r = refuse(
            &mut case,
            placed_for_adoption(
                d(2024, 3, 1),
                "P-2",
                Setting::NonRelativeFosterHome,
                "F-FOSTER",
            ),
            &FEDERAL,
        );
        assert_eq!(
            rules(&r),
            [
                RuleId::ParentalRightsIntact,
                RuleId::GoalNotAdoption,
                RuleId::NotAnAdoptiveHome
            ]
        );
        assert_eq!(
            message(&r, 0),
            "placed_for_adoption needs every legal parent's rights ended, found intact: P-MOTHER, P-FATHER"
        );
        assert_eq!(
            subjects(&r, 0),
            [
                Subject::Person(pid("P-MOTHER")),
                Subject::Person(pid("P-FATHER"))
            ]
        );
        assert_eq!(
            message(&r, 1),
            "placed_for_adoption needs a plan whose primary goal is adoption, found reunification"
        );
        assert_eq!(r.violations().len(), 3);
    }

    #[test]
    fn the_accepted_path_to_an_adoption() {
        let mut case = in_care();
        accept(&mut case, tpr(d(2024, 6, 3), "P-MOTHER"), &FEDERAL);
        let before_father = case.clone();
        accept(
            &mut case,
            relinquished(d(2024, 6, 10), "P-FATHER"),
            &FEDERAL,
        );
        accept(&mut case, plan(d(2024, 6, 17), Goal::Adoption), &FEDERAL);
        accept(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
        assert_eq!(case.stage(), Stage::Adoption);
        assert!(
            case.legal_parents().iter().all(|p| p.rights.ended()),
            "{:?}",
            case.legal_parents()
        );

        // Finalization checks the plan again.
        let mut changed_plan = case.clone();
        accept(
            &mut changed_plan,
            plan(d(2024, 10, 1), Goal::Reunification),
            &FEDERAL,
        );
        let r = refuse(
            &mut changed_plan,
            ev(d(2025, 1, 15), EventData::AdoptionFinalized),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::GoalNotAdoption]);
        assert_eq!(
            message(&r, 0),
            "adoption_finalized needs a plan whose primary goal is adoption, found reunification"
        );

        accept(
            &mut case,
            ev(d(2025, 1, 15), EventData::AdoptionFinalized),
            &FEDERAL,
        );
        assert_eq!(case.stage(), Stage::Exited(ExitReason::Adopted));
        assert_eq!(
            case.episodes()[0].exit(),
            Some(EpisodeExit {
                date: d(2025, 1, 15),
                reason: ExitReason::Adopted
            })
        );
        assert_eq!(
            case.placements()[1].end(),
            Some(PlacementEnd {
                date: d(2025, 1, 15),
                reason: EndReason::Discharged
            })
        );

        // The father's death ends his rights as well as a relinquishment.
        let mut case = before_father;
        accept(
            &mut case,
            parent_deceased(d(2024, 6, 10), "P-FATHER"),
            &FEDERAL,
        );
        accept(&mut case, plan(d(2024, 6, 17), Goal::Adoption), &FEDERAL);
        accept(&mut case, pre_adoptive(d(2024, 7, 1)), &FEDERAL);
        accept(
            &mut case,
            ev(d(2025, 1, 15), EventData::AdoptionFinalized),
            &FEDERAL,
        );
        assert_eq!(case.stage(), Stage::Exited(ExitReason::Adopted));
    }
}

// ================================================================================================
// Trial home visits

mod trial_home_visits {
    use super::*;

    /// In care from 2023-09-01 (P-1 in F-FOSTER), home on a trial visit (P-2) from 2024-01-15.
    /// Under the federal policy the visit may last 6 months: 2024-01-15 + 6 months = 2024-07-15
    /// is the first day beyond the limit.
    fn visiting(policy: &Policy) -> Case {
        let mut case = open_case();
        accept(&mut case, removal(d(2023, 9, 1)), policy);
        accept(
            &mut case,
            begin(
                d(2023, 9, 1),
                "P-1",
                Setting::NonRelativeFosterHome,
                Some("F-FOSTER"),
            ),
            policy,
        );
        accept(&mut case, visit(d(2024, 1, 15), "P-2"), policy);
        assert_eq!(case.stage(), Stage::Reunification);
        case
    }

    #[test]
    fn a_visit_needs_reunification_as_the_goal() {
        let mut case = in_care();
        // No plan yet: reunification is the default goal.
        let mut no_plan = case.clone();
        accept(&mut no_plan, visit(d(2024, 3, 1), "P-2"), &FEDERAL);

        accept(&mut case, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
        let r = refuse(&mut case, visit(d(2024, 3, 1), "P-2"), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::VisitGoalNotReunification]);
        assert_eq!(
            message(&r, 0),
            "a trial home visit needs reunification as the primary goal, found adoption"
        );

        let concurrent = Goals::new(Goal::Reunification, Some(Goal::Adoption), None).unwrap();
        accept(
            &mut case,
            ev(d(2024, 3, 1), EventData::PlanSet(concurrent)),
            &FEDERAL,
        );
        accept(&mut case, visit(d(2024, 3, 1), "P-2"), &FEDERAL);
    }

    #[test]
    fn a_visit_is_with_the_birth_family() {
        let mut case = in_care();
        let r = refuse(
            &mut case,
            ev(
                d(2024, 3, 1),
                EventData::TrialHomeVisitBegun(np("P-2", Setting::TrialHomeVisit, Some("F-REL"))),
            ),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::VisitNotWithParents]);
        assert_eq!(
            message(&r, 0),
            "a trial home visit needs a trial_home_visit setting with the birth family, found a trial_home_visit with family F-REL of kind relative"
        );
        assert_eq!(subjects(&r, 0), [Subject::Placement(plid("P-2"))]);

        let r = refuse(
            &mut case,
            ev(
                d(2024, 3, 1),
                EventData::TrialHomeVisitBegun(np(
                    "P-2",
                    Setting::RelativeFosterHome,
                    Some("F-REL"),
                )),
            ),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::VisitNotWithParents]);
        assert_eq!(
            message(&r, 0),
            "a trial home visit needs a trial_home_visit setting with the birth family, found a relative_foster_home with family F-REL of kind relative"
        );

        accept(&mut case, visit(d(2024, 3, 1), "P-2"), &FEDERAL);
    }

    #[test]
    fn a_visit_does_not_begin_from_a_runaway() {
        let mut case = in_care();
        accept(&mut case, ran_away(d(2024, 2, 1), "P-2"), &FEDERAL);
        let r = refuse(&mut case, visit(d(2024, 3, 1), "P-3"), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::PlacementEventMismatch]);
        assert_eq!(
            message(&r, 0),
            "the child is on runaway status (placement P-2); use returned_from_runaway first"
        );
        accept(
            &mut case,
            returned(
                d(2024, 2, 20),
                "P-3",
                Setting::NonRelativeFosterHome,
                Some("F-FOSTER"),
            ),
            &FEDERAL,
        );
        accept(&mut case, visit(d(2024, 3, 1), "P-4"), &FEDERAL);
    }

    #[test]
    fn a_return_within_the_limit_is_the_same_episode() {
        let mut case = visiting(&FEDERAL);

        // 2024-01-15 + 6 months = 2024-07-15, the first day beyond the limit; a return on
        // 2024-07-16 means the child was home on 2024-07-15 too.
        let r = refuse(&mut case, visit_ended(d(2024, 7, 16), "P-3"), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::VisitOutlivedLimit]);
        assert_eq!(
            message(&r, 0),
            "the trial home visit begun 2024-01-15 outlived its limit on 2024-07-15; a return on 2024-07-16 is a new removal: record a removal with new findings"
        );

        // A return on 2024-07-15: home 2024-01-15 ..= 2024-07-14, six months exactly.
        accept(&mut case, visit_ended(d(2024, 7, 15), "P-3"), &FEDERAL);
        assert_eq!(case.stage(), Stage::FosterCare);
        assert_eq!(case.episodes().len(), 1);
        assert_eq!(case.episodes()[0].exit(), None);
        assert_eq!(
            case.placements()[1].end(),
            Some(PlacementEnd {
                date: d(2024, 7, 15),
                reason: EndReason::Replaced
            })
        );
        // Back to the same foster family: the visit is not a setting, the return is not a move.
        assert_eq!(case.placement_moves(&case.episodes()[0]), 0);
    }

    #[test]
    fn a_removal_during_a_visit_is_a_re_entry_only_after_the_limit() {
        let mut case = visiting(&FEDERAL);

        let r = refuse(&mut case, removal(d(2024, 3, 1)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::VisitWithinLimit]);
        // 2024-07-15 (first day beyond) − 1 day = 2024-07-14, the last authorized day.
        assert_eq!(
            message(&r, 0),
            "the trial home visit begun 2024-01-15 is authorized through 2024-07-14 (the child may be back in care on 2024-07-15); use trial_home_visit_ended to return the child to care"
        );
        // On the first day beyond, the child can still return within the visit.
        let r = refuse(&mut case, removal(d(2024, 7, 15)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::VisitWithinLimit]);

        let history: Vec<Event> = case.events().to_vec();
        accept(&mut case, removal(d(2024, 7, 16)), &FEDERAL);
        assert_eq!(case.stage(), Stage::FosterCare);
        assert_eq!(case.episodes().len(), 2);
        // Default policy: the first episode ended on the first day beyond the limit,
        // 2024-01-15 + 6 months = 2024-07-15.
        assert_eq!(
            case.episodes()[0].exit(),
            Some(EpisodeExit {
                date: d(2024, 7, 15),
                reason: ExitReason::Reunified
            })
        );
        // The visit (P-2) ended on the same day.
        assert_eq!(
            case.placements()[1].end().map(|e| e.date),
            Some(d(2024, 7, 15))
        );
        let second = &case.episodes()[1];
        assert!(second.is_reentry());
        assert_eq!(second.number(), 2);
        assert_eq!(second.removal_date(), d(2024, 7, 16));
        assert_eq!(case.current_placement(), None);

        // Back-dating policy: the same history ends the first episode on the visit's start.
        let back_dated = Policy::federal().with_overlong_visit_exit(OverlongVisitExit::VisitStart);
        let replayed = Case::replay(
            child(),
            all_families(),
            history.into_iter().chain([removal(d(2024, 7, 16))]),
            &back_dated,
        )
        .unwrap();
        assert_eq!(replayed.episodes().len(), 2);
        assert_eq!(
            replayed.episodes()[0].exit(),
            Some(EpisodeExit {
                date: d(2024, 1, 15),
                reason: ExitReason::Reunified
            })
        );
    }

    #[test]
    fn a_court_extension_allows_a_later_return() {
        let mut case = visiting(&FEDERAL);
        let unextended = case.clone();

        // Ordered on 2024-07-01, before the limit, through 2024-09-30.
        accept(&mut case, extended(d(2024, 7, 1), d(2024, 9, 30)), &FEDERAL);
        assert_eq!(case.visit_extended_until(), Some(d(2024, 9, 30)));

        // 2024-09-30 + 1 day = 2024-10-01 is now the first day beyond (later than 2024-07-15).
        let r = refuse(&mut case, visit_ended(d(2024, 10, 2), "P-3"), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::VisitOutlivedLimit]);
        assert_eq!(
            message(&r, 0),
            "the trial home visit begun 2024-01-15 outlived its limit on 2024-10-01; a return on 2024-10-02 is a new removal: record a removal with new findings"
        );
        let r = refuse(&mut case, removal(d(2024, 10, 1)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::VisitWithinLimit]);
        assert_eq!(
            message(&r, 0),
            "the trial home visit begun 2024-01-15 is authorized through 2024-09-30 (the child may be back in care on 2024-10-01); use trial_home_visit_ended to return the child to care"
        );

        // Without the extension the same return is refused.
        let mut unextended = unextended;
        let r = refuse(
            &mut unextended,
            visit_ended(d(2024, 10, 1), "P-3"),
            &FEDERAL,
        );
        assert_eq!(
            message(&r, 0),
            "the trial home visit begun 2024-01-15 outlived its limit on 2024-07-15; a return on 2024-10-01 is a new removal: record a removal with new findings"
        );

        accept(&mut case, visit_ended(d(2024, 10, 1), "P-3"), &FEDERAL);
        assert_eq!(case.episodes().len(), 1);
        assert_eq!(case.visit_extended_until(), Some(d(2024, 9, 30)));
    }

    #[test]
    fn an_extension_needs_a_visit_under_way_and_a_later_end() {
        let mut case = in_care();
        let r = refuse(&mut case, extended(d(2024, 3, 1), d(2024, 9, 30)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::VisitExtension]);
        assert_eq!(
            message(&r, 0),
            "a visit extension needs a trial home visit under way, found stage FosterCare"
        );

        let mut case = visiting(&FEDERAL);
        let r = refuse(&mut case, extended(d(2024, 7, 1), d(2024, 6, 30)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::VisitExtension]);
        assert_eq!(
            message(&r, 0),
            "a visit extension needs an end on or after 2024-07-01, found 2024-06-30"
        );
        accept(&mut case, extended(d(2024, 7, 1), d(2024, 7, 1)), &FEDERAL);
    }

    #[test]
    fn an_extension_after_the_limit_cannot_revive_the_visit() {
        let mut case = visiting(&FEDERAL);
        // The limit passed on 2024-07-15 (2024-01-15 + 6 months); an order of 2024-08-01 comes
        // too late to authorize the days in between.
        let r = refuse(&mut case, extended(d(2024, 8, 1), d(2024, 9, 30)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::VisitExtension]);
        assert_eq!(
            message(&r, 0),
            "the trial home visit begun 2024-01-15 outlived its limit on 2024-07-15; an extension ordered 2024-08-01 cannot revive it"
        );
        // An order on the first day beyond the limit is still in time, as a return that day is.
        accept(
            &mut case,
            extended(d(2024, 7, 15), d(2024, 9, 30)),
            &FEDERAL,
        );
    }
}

// ================================================================================================
// Discharge

mod discharge {
    use super::*;

    #[test]
    fn a_discharge_cannot_claim_adoption_or_death() {
        let mut case = in_care();
        let r = refuse(
            &mut case,
            discharge(d(2024, 6, 1), Discharge::new(ExitReason::Adopted)),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::DischargeReason]);
        assert_eq!(
            message(&r, 0),
            "a discharge cannot give the reason adopted; record adoption_finalized"
        );

        let r = refuse(
            &mut case,
            discharge(d(2024, 6, 1), Discharge::new(ExitReason::Death)),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::DischargeReason]);
        assert_eq!(
            message(&r, 0),
            "a discharge cannot give the reason death; record death"
        );

        accept(
            &mut case,
            discharge(
                d(2024, 6, 1),
                Discharge::new(ExitReason::Reunified).to_family(fid("F-BIRTH")),
            ),
            &FEDERAL,
        );
        assert_eq!(case.stage(), Stage::Exited(ExitReason::Reunified));
        assert_eq!(
            case.episodes()[0].exit(),
            Some(EpisodeExit {
                date: d(2024, 6, 1),
                reason: ExitReason::Reunified
            })
        );
    }

    fn emancipation(date: NaiveDate) -> Event {
        discharge(date, Discharge::new(ExitReason::Emancipated))
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
            "emancipation needs a youth who has attained 18 on 2026-09-29, found age 17"
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
            "emancipation needs a youth who has attained 19 on 2026-09-30, found age 18"
        );
        accept(&mut case, emancipation(d(2027, 9, 30)), &nineteen);
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
            "emancipation needs a youth who has attained 18 on 2026-02-28, found age 17"
        );
        accept(&mut case, emancipation(d(2026, 3, 1)), &march1);
    }

    #[test]
    fn guardianship_names_a_guardian_family() {
        let mut case = in_care();
        let r = refuse(
            &mut case,
            discharge(d(2024, 9, 1), Discharge::new(ExitReason::Guardianship)),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::GuardianshipFamily]);
        assert_eq!(
            message(&r, 0),
            "a discharge to guardianship needs the guardian's family, found none"
        );

        let r = refuse(
            &mut case,
            discharge(
                d(2024, 9, 1),
                Discharge::new(ExitReason::Guardianship).to_family(fid("F-REL")),
            ),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::GuardianshipFamily]);
        assert_eq!(
            message(&r, 0),
            "a discharge to guardianship needs a guardian family, found family F-REL of kind relative"
        );
        assert_eq!(subjects(&r, 0), [Subject::Family(fid("F-REL"))]);

        accept(
            &mut case,
            discharge(
                d(2024, 9, 1),
                Discharge::new(ExitReason::Guardianship).to_family(fid("F-GUARD")),
            ),
            &FEDERAL,
        );
        assert_eq!(case.stage(), Stage::Exited(ExitReason::Guardianship));
    }

    #[test]
    fn kinship_assistance_needs_a_relative_guardian() {
        let mut case = in_care();
        let kinship = |family: &str| {
            Discharge::new(ExitReason::Guardianship)
                .to_family(fid(family))
                .with_kinship_assistance()
        };

        // A non-relative guardian the child never lived with: both kinship rules.
        let r = refuse(
            &mut case,
            discharge(d(2024, 9, 10), kinship("F-GUARD")),
            &FEDERAL,
        );
        assert_eq!(
            rules(&r),
            [
                RuleId::KinshipGuardianRelative,
                RuleId::KinshipGuardianSixMonths
            ]
        );
        assert_eq!(
            message(&r, 0),
            "kinship guardianship assistance needs a relative guardian, found no relative caregiver in family F-GUARD"
        );
        assert_eq!(
            message(&r, 1),
            "kinship guardianship assistance needs 6 consecutive months in family F-GUARD's licensed home, found the child not placed there under a licence in force on 2024-09-10"
        );

        // The licensed foster parents, with the child since 2024-01-10 (8 months), become
        // guardians: long enough, but not relatives.
        accept(
            &mut case,
            recorded(
                d(2024, 9, 1),
                as_kind(&foster_family(), FamilyKind::Guardian),
            ),
            &FEDERAL,
        );
        let r = refuse(
            &mut case,
            discharge(d(2024, 9, 10), kinship("F-FOSTER")),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::KinshipGuardianRelative]);
        assert_eq!(
            message(&r, 0),
            "kinship guardianship assistance needs a relative guardian, found no relative caregiver in family F-FOSTER"
        );
        assert_eq!(subjects(&r, 0), [Subject::Family(fid("F-FOSTER"))]);

        // Kinship assistance only with a discharge to guardianship.
        let r = refuse(
            &mut case,
            discharge(
                d(2024, 9, 10),
                Discharge::new(ExitReason::LivingWithOtherRelatives)
                    .to_family(fid("F-REL"))
                    .with_kinship_assistance(),
            ),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::KinshipGuardianRelative]);
        assert_eq!(
            message(&r, 0),
            "kinship guardianship assistance needs a discharge to guardianship, found living_with_other_relatives"
        );

        // Guardianship without kinship assistance is accepted.
        accept(
            &mut case,
            discharge(
                d(2024, 9, 10),
                Discharge::new(ExitReason::Guardianship).to_family(fid("F-FOSTER")),
            ),
            &FEDERAL,
        );
    }

    /// Placed with F-FOSTER 2024-01-10, moved to the licensed grandmother (F-REL) on 2024-03-01,
    /// who is recorded as a guardian on 2024-07-25 (same id, same licence).
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
        // Still a relative family: a discharge to guardianship is refused, and on 2024-07-25
        // the months are not complete either (2024-03-01 + 6 months = 2024-09-01 at the
        // earliest).
        let r = refuse(
            &mut case,
            discharge(
                d(2024, 7, 25),
                Discharge::new(ExitReason::Guardianship)
                    .to_family(fid("F-REL"))
                    .with_kinship_assistance(),
            ),
            &FEDERAL,
        );
        assert_eq!(
            rules(&r),
            [RuleId::GuardianshipFamily, RuleId::KinshipGuardianSixMonths]
        );
        assert_eq!(
            message(&r, 0),
            "a discharge to guardianship needs a guardian family, found family F-REL of kind relative"
        );
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
            Discharge::new(ExitReason::Guardianship)
                .to_family(fid("F-REL"))
                .with_kinship_assistance(),
        )
    }

    #[test]
    fn kinship_assistance_after_six_months_in_the_relative_s_licensed_home() {
        let mut case = with_grandmother(relative_family());

        // 2024-03-01 to 2024-08-01 is 5 months; 2024-03-01 + 6 months = 2024-09-01.
        let r = refuse(&mut case, kinship_to_grandmother(d(2024, 8, 1)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::KinshipGuardianSixMonths]);
        assert_eq!(
            message(&r, 0),
            "kinship guardianship assistance needs 6 consecutive months in family F-REL's licensed home, found 2024-03-01 to 2024-08-01 (the months are complete on 2024-09-01)"
        );
        assert_eq!(subjects(&r, 0), [Subject::Family(fid("F-REL"))]);
        let r = refuse(&mut case, kinship_to_grandmother(d(2024, 8, 31)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::KinshipGuardianSixMonths]);

        // Exactly 6 months.
        accept(&mut case, kinship_to_grandmother(d(2024, 9, 1)), &FEDERAL);
        assert_eq!(case.stage(), Stage::Exited(ExitReason::Guardianship));
        assert_eq!(
            case.episodes()[0].exit(),
            Some(EpisodeExit {
                date: d(2024, 9, 1),
                reason: ExitReason::Guardianship
            })
        );
    }

    #[test]
    fn the_kinship_months_run_from_the_licence() {
        // Living with the grandmother from 2024-03-01 but licensed only from 2024-04-15: the
        // months run from 2024-04-15; + 6 months = 2024-10-15.
        let mut case = with_grandmother(relative_family_licensed(d(2024, 4, 15)));
        let r = refuse(&mut case, kinship_to_grandmother(d(2024, 9, 1)), &FEDERAL);
        assert_eq!(rules(&r), [RuleId::KinshipGuardianSixMonths]);
        assert_eq!(
            message(&r, 0),
            "kinship guardianship assistance needs 6 consecutive months in family F-REL's licensed home, found 2024-04-15 to 2024-09-01 (the months are complete on 2024-10-15)"
        );
        accept(&mut case, kinship_to_grandmother(d(2024, 10, 15)), &FEDERAL);
    }
}

// ================================================================================================
// AFCARS placement moves

mod moves {
    use super::*;

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
        // licence change of the same caregiver family, not a move.
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
}

// ================================================================================================
// Replay

mod replay {
    use super::*;

    /// Seven events; 2, 4 and 5 are bad.
    fn legacy_history() -> Vec<Event> {
        vec![
            removal(d(2024, 1, 10)),
            begin(
                d(2024, 1, 10),
                "P-1",
                Setting::NonRelativeFosterHome,
                Some("F-FOSTER"),
            ),
            // 2: a second placement while P-1 is open.
            begin(
                d(2024, 1, 20),
                "P-2",
                Setting::RelativeFosterHome,
                Some("F-REL"),
            ),
            change(
                d(2024, 2, 1),
                "P-2",
                Setting::RelativeFosterHome,
                Some("F-REL"),
            ),
            // 4: dated before the event accepted before it (2024-02-01).
            review(d(2024, 1, 15)),
            // 5: APPLA for a child born 2016-05-04, 7 on 2024-03-01.
            appla(d(2024, 3, 1)),
            plan(d(2024, 3, 2), Goal::Reunification),
        ]
    }

    #[test]
    fn lenient_replay_returns_every_refused_event_and_the_case_from_the_rest() {
        let history = legacy_history();
        let lenient =
            Case::replay_lenient(child(), all_families(), history.clone(), &FEDERAL).unwrap();

        let found: Vec<(usize, Vec<RuleId>)> = lenient
            .refused
            .iter()
            .map(|r| (r.index, rules(&r.rejection)))
            .collect();
        assert_eq!(
            found,
            [
                (2, vec![RuleId::PlacementAlreadyOpen]),
                (4, vec![RuleId::EventOutOfOrder]),
                (5, vec![RuleId::ApplaAge]),
            ]
        );
        for r in &lenient.refused {
            assert_eq!(r.event, history[r.index]);
        }
        assert_eq!(
            message(&lenient.refused[0].rejection, 0),
            "placement P-1 is still open; use placement_changed to move the child"
        );
        assert_eq!(
            message(&lenient.refused[1].rejection, 0),
            "expected a date on or after 2024-02-01 (the last event), found 2024-01-15"
        );
        assert_eq!(
            message(&lenient.refused[2].rejection, 0),
            "appla needs a child who has attained 16 on 2024-03-01, found age 7"
        );

        // The case is the one built from the accepted events alone.
        let good: Vec<Event> = history
            .iter()
            .enumerate()
            .filter(|(i, _)| ![2, 4, 5].contains(i))
            .map(|(_, e)| e.clone())
            .collect();
        assert_eq!(lenient.case.events(), &good[..]);
        let strict = Case::replay(child(), all_families(), good, &FEDERAL).unwrap();
        assert_eq!(lenient.case, strict);
        assert_eq!(derived(&lenient.case), derived(&strict));
        assert_eq!(lenient.case.current_placement().unwrap().id(), &plid("P-2"));
        assert_eq!(
            lenient.case.current_plan().unwrap().primary_goal(),
            Goal::Reunification
        );

        // And it round-trips through JSON by replaying its events.
        let json = serde_json::to_string(&lenient.case).unwrap();
        let back: Case = serde_json::from_str(&json).unwrap();
        assert_eq!(back, strict);
    }

    #[test]
    fn strict_replay_stops_at_the_first_refused_event() {
        let err = Case::replay(child(), all_families(), legacy_history(), &FEDERAL).unwrap_err();
        let ReplayError::Refused { index, rejection } = &err else {
            panic!("expected a refused event, found {err:?}");
        };
        assert_eq!(*index, 2);
        assert_eq!(rules(rejection), [RuleId::PlacementAlreadyOpen]);
        assert_eq!(rejection.stage(), Stage::FosterCare);
        assert!(
            err.to_string().starts_with(
                "event 2 refused: placement_begun refused in stage FosterCare (1 violation)"
            ),
            "{err}"
        );
    }
}

// ================================================================================================
// Found in review: adoption without recorded parents, adoption from removal, exits from the
// adoption stage, a discharge after an over-long visit, a relative home called non-relative.

mod review {
    use super::*;

    /// In care from 2024-01-10 in F-FOSTER, plan adoption, both legal parents' rights ended.
    fn legally_free() -> Case {
        let mut case = in_care();
        accept(&mut case, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
        accept(&mut case, tpr(d(2024, 5, 1), "P-MOTHER"), &FEDERAL);
        accept(&mut case, tpr(d(2024, 5, 1), "P-FATHER"), &FEDERAL);
        case
    }

    #[test]
    fn an_adoption_needs_a_recorded_legal_parent() {
        // No birth family at all: nothing shows any parent's rights ending.
        let families = vec![foster_family(), preadoptive_family()];
        let mut case = Case::new(child(), families).unwrap();
        let from_nowhere = Removal::new(Manner::CourtOrder);
        accept(
            &mut case,
            ev(d(2024, 1, 10), EventData::Removal(from_nowhere)),
            &FEDERAL,
        );
        accept(&mut case, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
        let r = refuse(
            &mut case,
            placed_for_adoption(d(2024, 6, 1), "P-9", Setting::PreAdoptiveHome, "F-ADOPT"),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::ParentalRightsIntact]);
        assert_eq!(
            message(&r, 0),
            "placed_for_adoption needs every legal parent's rights ended, found no legal parent recorded; record the birth family's legal parents and how their rights ended"
        );
    }

    #[test]
    fn a_child_can_be_placed_for_adoption_straight_from_removal() {
        // Removed 2024-01-10 with no placement yet; rights ended; placed directly for adoption.
        let mut case = open_case();
        accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
        accept(&mut case, plan(d(2024, 1, 10), Goal::Adoption), &FEDERAL);
        accept(
            &mut case,
            relinquished(d(2024, 1, 12), "P-MOTHER"),
            &FEDERAL,
        );
        accept(
            &mut case,
            relinquished(d(2024, 1, 12), "P-FATHER"),
            &FEDERAL,
        );
        accept(
            &mut case,
            placed_for_adoption(d(2024, 1, 15), "P-9", Setting::PreAdoptiveHome, "F-ADOPT"),
            &FEDERAL,
        );
        assert_eq!(case.stage(), Stage::Adoption);
        assert_eq!(case.placements().len(), 1);
    }

    #[test]
    fn a_youth_awaiting_adoption_can_leave_care_otherwise() {
        // Born 2006-09-01: 18 on 2024-09-01, while in the pre-adoptive home since 2024-06-01.
        let mut case = Case::new(child_born(d(2006, 9, 1)), all_families()).unwrap();
        accept(&mut case, removal(d(2024, 1, 10)), &FEDERAL);
        accept(&mut case, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
        accept(&mut case, tpr(d(2024, 5, 1), "P-MOTHER"), &FEDERAL);
        accept(&mut case, tpr(d(2024, 5, 1), "P-FATHER"), &FEDERAL);
        accept(
            &mut case,
            placed_for_adoption(d(2024, 6, 1), "P-9", Setting::PreAdoptiveHome, "F-ADOPT"),
            &FEDERAL,
        );
        let r = refuse(
            &mut case,
            discharge(d(2024, 8, 31), Discharge::new(ExitReason::Emancipated)),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::EmancipationAge]);
        accept(
            &mut case,
            discharge(d(2024, 9, 1), Discharge::new(ExitReason::Emancipated)),
            &FEDERAL,
        );
        assert_eq!(case.stage(), Stage::Exited(ExitReason::Emancipated));
        // A legally free child may also run away from the pre-adoptive home and come back.
        let mut free = legally_free();
        accept(
            &mut free,
            placed_for_adoption(d(2024, 6, 1), "P-9", Setting::PreAdoptiveHome, "F-ADOPT"),
            &FEDERAL,
        );
        accept(&mut free, ran_away(d(2024, 7, 1), "P-10"), &FEDERAL);
        accept(
            &mut free,
            returned(
                d(2024, 7, 3),
                "P-11",
                Setting::PreAdoptiveHome,
                Some("F-ADOPT"),
            ),
            &FEDERAL,
        );
        assert_eq!(free.stage(), Stage::Adoption);
    }

    #[test]
    fn after_an_over_long_visit_a_discharge_can_only_record_reunification() {
        // Visit from 2024-01-15 (see `trial_home_visits::visiting`): 2024-01-15 + 6 months =
        // 2024-07-15 is the first day beyond the limit.
        let mut case = open_case();
        accept(&mut case, removal(d(2023, 9, 1)), &FEDERAL);
        accept(
            &mut case,
            begin(
                d(2023, 9, 1),
                "P-1",
                Setting::NonRelativeFosterHome,
                Some("F-FOSTER"),
            ),
            &FEDERAL,
        );
        accept(&mut case, visit(d(2024, 1, 15), "P-2"), &FEDERAL);
        let r = refuse(
            &mut case,
            discharge(
                d(2024, 8, 1),
                Discharge::new(ExitReason::TransferredToAnotherAgency),
            ),
            &FEDERAL,
        );
        assert_eq!(rules(&r), [RuleId::VisitOutlivedLimit]);
        assert_eq!(
            message(&r, 0),
            "the trial home visit begun 2024-01-15 outlived its limit on 2024-07-15, which ended the episode in reunification; a discharge on 2024-08-01 can only give the reason reunified, found transferred_to_another_agency"
        );
        // Within the limit any reason may end the visit; after it, reunification, dated back.
        let mut in_time = case.clone();
        accept(
            &mut in_time,
            discharge(
                d(2024, 7, 15),
                Discharge::new(ExitReason::TransferredToAnotherAgency),
            ),
            &FEDERAL,
        );
        accept(
            &mut case,
            discharge(d(2024, 8, 1), Discharge::new(ExitReason::Reunified)),
            &FEDERAL,
        );
        let exit = case.episodes()[0].exit().unwrap();
        assert_eq!(
            (exit.date, exit.reason),
            (d(2024, 7, 15), ExitReason::Reunified)
        );
    }

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
}
