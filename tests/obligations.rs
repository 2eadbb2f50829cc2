//! Scenario tests for `Case::obligations`: every obligation kind with real dates, each expected
//! date worked out by hand beside it with the conventions of `DOMAIN.md` §0.3:
//!
//! - "N days after E" = E + N calendar days;
//! - "N months after E" = E + N calendar months, clamped to the last day of a shorter month;
//! - "by the end of the Nth month" = (E + N months, clamped) − 1 day;
//! - "the first N days" / "an N-day period that begins on D" = D ..= D + N − 1.
//!
//! Each test asserts the due date, the status, the date counted from, the rule and the consequence
//! the law attaches. Tests marked `#[ignore]` assert what `DOMAIN.md` and the API's own contract
//! say, where the implementation disagrees; the reason names the suspected bug.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use permanency::date::MonthEnd;
use permanency::policy::{DefcRule, MonthCounting, RelativeCareException, ReviewAnchor};
use permanency::timeline::{Consequence, Obligation, ObligationKind as K, Status, Waiver};
use permanency::*;

// ------------------------------------------------------------------------------------------------
// Dates, people, families

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

/// F-BIRTH: mother and father, both legal parents.
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
        .build()
        .unwrap()
}

/// F-REL: the grandmother's home, licensed from `since` (with no end) in `status`.
fn relative_family_with(status: LicenceStatus, since: NaiveDate) -> Family {
    Family::builder(fid("F-REL"), FamilyKind::Relative)
        .member(member("P-GRANDMA", "Dora", Relationship::Grandparent).caregiver())
        .licence(FosterLicence::new(status, since, None).unwrap())
        .build()
        .unwrap()
}

fn relative_family(since: NaiveDate) -> Family {
    relative_family_with(LicenceStatus::Licensed, since)
}

/// F-FOSTER: a non-relative foster home licensed 2015-01-01 to 2030-12-31.
fn foster_family() -> Family {
    Family::builder(fid("F-FOSTER"), FamilyKind::NonRelativeFoster)
        .member(member("P-FOSTER", "Eve", Relationship::NonRelative).caregiver())
        .licence(
            FosterLicence::new(
                LicenceStatus::Licensed,
                d(2015, 1, 1),
                Some(d(2030, 12, 31)),
            )
            .unwrap(),
        )
        .build()
        .unwrap()
}

/// The families of most scenarios; the relative home is licensed from 2020-01-01.
fn families() -> Vec<Family> {
    families_with_relative(relative_family(d(2020, 1, 1)))
}

fn families_with_relative(relative: Family) -> Vec<Family> {
    vec![birth_family(), relative, foster_family()]
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

/// Born 2016-05-04: 7 or 8 in 2024, far from every age milestone.
fn young() -> Child {
    child_born(d(2016, 5, 4))
}

/// Born 2007-09-30: 14 on 2021-09-30, 16 on 2023-09-30, 18 on 2025-09-30, 21 on 2028-09-30.
fn teen() -> Child {
    child_born(d(2007, 9, 30))
}

// ------------------------------------------------------------------------------------------------
// Events

fn ev(date: NaiveDate, what: EventData) -> Event {
    Event::new(date, what).unwrap()
}

/// A court-ordered removal from F-BIRTH: the order sanctioning it is dated the removal date.
fn removal(date: NaiveDate) -> Event {
    ev(
        date,
        EventData::Removal(Removal::new(Manner::CourtOrder).from_family(fid("F-BIRTH"))),
    )
}

fn voluntary(date: NaiveDate) -> Event {
    ev(
        date,
        EventData::Removal(Removal::new(Manner::VoluntaryPlacementAgreement)),
    )
}

fn finding(date: NaiveDate, f: Finding) -> Event {
    ev(date, EventData::CourtFinding(f))
}

/// The judicial finding that the child was abused or neglected (may set DEFC).
fn abuse(date: NaiveDate) -> Event {
    finding(date, Finding::AbuseOrNeglect)
}

fn ctw(date: NaiveDate) -> Event {
    finding(date, Finding::ContraryToWelfare)
}

fn prevention(date: NaiveDate, e: PreventionEfforts) -> Event {
    finding(date, Finding::PreventionEfforts(e))
}

fn finalize(date: NaiveDate) -> Event {
    finding(date, Finding::FinalizeEfforts(Determination::Made))
}

fn excused(date: NaiveDate, ground: AggravatedGround) -> Event {
    finding(
        date,
        Finding::ReunificationEffortsNotRequired {
            parent: pid("P-MOTHER"),
            ground,
        },
    )
}

fn np(id: &str, setting: Setting, caregiver: Option<&str>) -> NewPlacement {
    NewPlacement::new(plid(id), setting, caregiver.map(fid)).unwrap()
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

fn foster(date: NaiveDate, id: &str) -> Event {
    begin(date, id, Setting::NonRelativeFosterHome, Some("F-FOSTER"))
}

fn to_foster(date: NaiveDate, id: &str) -> Event {
    change(date, id, Setting::NonRelativeFosterHome, Some("F-FOSTER"))
}

fn relative_home(date: NaiveDate, id: &str) -> Event {
    begin(date, id, Setting::RelativeFosterHome, Some("F-REL"))
}

fn qrtp(date: NaiveDate, id: &str) -> Event {
    begin(date, id, Setting::Qrtp, None)
}

fn assessed(date: NaiveDate, id: &str, outcome: QrtpAssessment) -> Event {
    ev(
        date,
        EventData::QrtpAssessed {
            placement: plid(id),
            outcome,
        },
    )
}

fn visit(date: NaiveDate, id: &str) -> Event {
    ev(
        date,
        EventData::TrialHomeVisitBegun(np(id, Setting::TrialHomeVisit, Some("F-BIRTH"))),
    )
}

fn visit_ended(date: NaiveDate, id: &str) -> Event {
    ev(
        date,
        EventData::TrialHomeVisitEnded(np(id, Setting::NonRelativeFosterHome, Some("F-FOSTER"))),
    )
}

fn ran_away(date: NaiveDate, id: &str) -> Event {
    ev(date, EventData::RanAway(np(id, Setting::Runaway, None)))
}

fn returned(date: NaiveDate, id: &str) -> Event {
    ev(
        date,
        EventData::ReturnedFromRunaway(np(id, Setting::NonRelativeFosterHome, Some("F-FOSTER"))),
    )
}

fn discharge(date: NaiveDate, reason: ExitReason) -> Event {
    ev(date, EventData::Discharge(Discharge::new(reason)))
}

fn hearing(date: NaiveDate) -> Event {
    ev(date, EventData::PermanencyHearing)
}

fn review(date: NaiveDate) -> Event {
    ev(date, EventData::PeriodicReview)
}

fn petition(date: NaiveDate) -> Event {
    ev(date, EventData::TprPetitionFiled)
}

fn exception(date: NaiveDate, x: TprException) -> Event {
    ev(date, EventData::TprExceptionDocumented(x))
}

fn case_plan(date: NaiveDate) -> Event {
    ev(date, EventData::CasePlanCompleted)
}

fn transition_plan(date: NaiveDate) -> Event {
    ev(date, EventData::TransitionPlanCompleted)
}

// ------------------------------------------------------------------------------------------------
// Cases and assertions

/// Replays `events` for `child` with every family under `policy`; every event must be accepted.
#[track_caller]
fn build_with(child: Child, families: Vec<Family>, policy: &Policy, events: Vec<Event>) -> Case {
    Case::replay(child, families, events, policy)
        .unwrap_or_else(|e| panic!("expected the history to be accepted, found: {e}"))
}

#[track_caller]
fn build(child: Child, policy: &Policy, events: Vec<Event>) -> Case {
    build_with(child, families(), policy, events)
}

/// The young child's case under the federal policy.
#[track_caller]
fn case_of(events: Vec<Event>) -> Case {
    build(young(), &FEDERAL, events)
}

fn all(obs: &[Obligation], kind: K) -> Vec<&Obligation> {
    obs.iter().filter(|o| o.kind() == kind).collect()
}

/// The only obligation of `kind`.
#[track_caller]
fn one(obs: &[Obligation], kind: K) -> &Obligation {
    let found = all(obs, kind);
    assert_eq!(found.len(), 1, "expected one {kind:?}, found: {found:#?}");
    found[0]
}

#[track_caller]
fn none_of(obs: &[Obligation], kind: K) {
    let found = all(obs, kind);
    assert!(found.is_empty(), "expected no {kind:?}, found: {found:#?}");
}

/// Asserts the rule, the date counted from, the due date, the status and the consequence.
#[track_caller]
fn expect(
    o: &Obligation,
    rule: RuleId,
    counts_from: NaiveDate,
    due: NaiveDate,
    status: Status,
    consequence: Option<Consequence>,
) {
    assert_eq!(
        (
            o.rule(),
            o.counts_from(),
            o.due(),
            o.status(),
            o.consequence()
        ),
        (rule, counts_from, due, status, consequence),
        "{o:#?}"
    );
    assert_eq!(o.citation(), rule.citation());
}

fn placement(id: &str) -> Subject {
    Subject::Placement(plid(id))
}

fn person(id: &str) -> Subject {
    Subject::Person(pid(id))
}

fn family(id: &str) -> Subject {
    Subject::Family(fid(id))
}

// ================================================================================================
// The findings and duties at removal

mod at_removal {
    use super::*;

    #[test]
    fn contrary_to_the_welfare_on_the_removal_date_is_met() {
        let case = case_of(vec![removal(d(2023, 1, 10)), ctw(d(2023, 1, 10))]);
        let obs = case.obligations(d(2023, 2, 1), &FEDERAL);
        let o = one(&obs, K::ContraryToWelfare);
        // Due in the first order sanctioning the removal: the removal date itself.
        expect(
            o,
            RuleId::ContraryToWelfare,
            d(2023, 1, 10),
            d(2023, 1, 10),
            Status::Met(d(2023, 1, 10)),
            None,
        );
        assert_eq!(o.episode(), Some(1));
        assert_eq!(o.subject(), None);
    }

    #[test]
    fn contrary_to_the_welfare_a_day_later_costs_the_whole_episode() {
        let case = case_of(vec![removal(d(2023, 1, 10)), ctw(d(2023, 1, 11))]);
        let obs = case.obligations(d(2023, 2, 1), &FEDERAL);
        expect(
            one(&obs, K::ContraryToWelfare),
            RuleId::ContraryToWelfare,
            d(2023, 1, 10),
            d(2023, 1, 10),
            Status::MetLate(d(2023, 1, 11)),
            Some(Consequence::IneligibleForEpisode),
        );

        // Never made: upcoming on the removal date itself, overdue the day after.
        let case = case_of(vec![removal(d(2023, 1, 10))]);
        let o = case.obligations(d(2023, 1, 10), &FEDERAL);
        let o = one(&o, K::ContraryToWelfare);
        assert_eq!((o.status(), o.consequence()), (Status::Upcoming, None));
        let o = case.obligations(d(2023, 1, 11), &FEDERAL);
        let o = one(&o, K::ContraryToWelfare);
        assert_eq!(
            (o.status(), o.consequence()),
            (Status::Overdue, Some(Consequence::IneligibleForEpisode))
        );
    }

    #[test]
    fn reasonable_efforts_to_prevent_removal_by_day_60_not_day_61() {
        // 2023-01-10 + 60 days: 21 days to Jan 31, 28 in Feb (49), 11 more -> 2023-03-11.
        let due = d(2023, 3, 11);
        let on_time = case_of(vec![
            removal(d(2023, 1, 10)),
            prevention(d(2023, 3, 11), PreventionEfforts::Made),
        ]);
        expect(
            one(
                &on_time.obligations(d(2023, 4, 1), &FEDERAL),
                K::PreventRemovalEfforts,
            ),
            RuleId::PreventRemovalEfforts,
            d(2023, 1, 10),
            due,
            Status::Met(d(2023, 3, 11)),
            None,
        );

        let late = case_of(vec![
            removal(d(2023, 1, 10)),
            prevention(d(2023, 3, 12), PreventionEfforts::Made),
        ]);
        expect(
            one(
                &late.obligations(d(2023, 4, 1), &FEDERAL),
                K::PreventRemovalEfforts,
            ),
            RuleId::PreventRemovalEfforts,
            d(2023, 1, 10),
            due,
            Status::MetLate(d(2023, 3, 12)),
            Some(Consequence::IneligibleForEpisode),
        );

        // A finding that efforts were not required meets it too; one that they were not made
        // does not.
        let excused = case_of(vec![
            removal(d(2023, 1, 10)),
            prevention(d(2023, 1, 10), PreventionEfforts::NotRequired),
        ]);
        let obs = excused.obligations(d(2023, 4, 1), &FEDERAL);
        assert_eq!(
            one(&obs, K::PreventRemovalEfforts).status(),
            Status::Met(d(2023, 1, 10))
        );
        let not_made = case_of(vec![
            removal(d(2023, 1, 10)),
            prevention(d(2023, 2, 1), PreventionEfforts::NotMade),
        ]);
        let obs = not_made.obligations(d(2023, 3, 11), &FEDERAL);
        let o = one(&obs, K::PreventRemovalEfforts);
        assert_eq!((o.status(), o.consequence()), (Status::Upcoming, None));
        let obs = not_made.obligations(d(2023, 3, 12), &FEDERAL);
        let o = one(&obs, K::PreventRemovalEfforts);
        assert_eq!(
            (o.status(), o.consequence()),
            (Status::Overdue, Some(Consequence::IneligibleForEpisode))
        );
    }

    #[test]
    fn case_plan_within_60_days_and_relative_notice_within_30() {
        let case = case_of(vec![
            removal(d(2023, 1, 10)),
            ev(d(2023, 2, 9), EventData::RelativesNotified),
            case_plan(d(2023, 3, 20)),
        ]);
        let obs = case.obligations(d(2023, 4, 1), &FEDERAL);
        // 2023-01-10 + 30 days: 21 days to Jan 31, 9 more -> 2023-02-09.
        expect(
            one(&obs, K::RelativeNotice),
            RuleId::RelativeNotice,
            d(2023, 1, 10),
            d(2023, 2, 9),
            Status::Met(d(2023, 2, 9)),
            None,
        );
        // 2023-01-10 + 60 days = 2023-03-11; completed 2023-03-20, late. Compliance only: no
        // consequence for eligibility.
        expect(
            one(&obs, K::CasePlan),
            RuleId::CasePlan,
            d(2023, 1, 10),
            d(2023, 3, 11),
            Status::MetLate(d(2023, 3, 20)),
            None,
        );

        // Before either is done.
        let obs = case.obligations(d(2023, 2, 8), &FEDERAL);
        assert_eq!(one(&obs, K::RelativeNotice).status(), Status::Upcoming);
        assert_eq!(one(&obs, K::CasePlan).status(), Status::Upcoming);
        let case = case_of(vec![removal(d(2023, 1, 10))]);
        let obs = case.obligations(d(2023, 2, 10), &FEDERAL);
        let o = one(&obs, K::RelativeNotice);
        assert_eq!((o.status(), o.consequence()), (Status::Overdue, None));
    }

    #[test]
    fn voluntary_placement_best_interests_within_its_first_180_days() {
        // The first 180 days of 2023-05-01: May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 = 153
        // days to Sep 30, 27 more -> 2023-10-27; no payment from day 181, 2023-10-28.
        let due = d(2023, 10, 27);
        let missed = Some(Consequence::NoPaymentFrom(d(2023, 10, 28)));

        let none = case_of(vec![voluntary(d(2023, 5, 1))]);
        let obs = none.obligations(d(2023, 10, 27), &FEDERAL);
        expect(
            one(&obs, K::VoluntaryPlacement),
            RuleId::VoluntaryPlacement,
            d(2023, 5, 1),
            due,
            Status::Upcoming,
            None,
        );
        let obs = none.obligations(d(2023, 11, 1), &FEDERAL);
        expect(
            one(&obs, K::VoluntaryPlacement),
            RuleId::VoluntaryPlacement,
            d(2023, 5, 1),
            due,
            Status::Overdue,
            missed,
        );
        // A voluntary placement has no order sanctioning a removal: no contrary-to-the-welfare or
        // prevention-efforts duties. The case plan and the notice still apply.
        none_of(&obs, K::ContraryToWelfare);
        none_of(&obs, K::PreventRemovalEfforts);
        one(&obs, K::CasePlan);
        one(&obs, K::RelativeNotice);

        let on_time = case_of(vec![
            voluntary(d(2023, 5, 1)),
            finding(d(2023, 10, 27), Finding::VoluntaryPlacementBestInterests),
        ]);
        let obs = on_time.obligations(d(2023, 11, 1), &FEDERAL);
        expect(
            one(&obs, K::VoluntaryPlacement),
            RuleId::VoluntaryPlacement,
            d(2023, 5, 1),
            due,
            Status::Met(d(2023, 10, 27)),
            None,
        );

        let late = case_of(vec![
            voluntary(d(2023, 5, 1)),
            finding(d(2023, 11, 2), Finding::VoluntaryPlacementBestInterests),
        ]);
        let obs = late.obligations(d(2023, 12, 1), &FEDERAL);
        expect(
            one(&obs, K::VoluntaryPlacement),
            RuleId::VoluntaryPlacement,
            d(2023, 5, 1),
            due,
            Status::MetLate(d(2023, 11, 2)),
            missed,
        );
    }
}

// ================================================================================================
// DEFC, leap days and month ends

mod defc {
    use super::*;

    #[test]
    fn a_finding_after_day_60_leaves_defc_at_removal_plus_60() {
        let case = case_of(vec![removal(d(2023, 1, 10)), abuse(d(2023, 4, 20))]);
        let as_of = d(2023, 6, 1);
        // min(finding 2023-04-20, 2023-01-10 + 60 days = 2023-03-11) = 2023-03-11.
        assert_eq!(
            case.date_entered_foster_care(1, as_of, &FEDERAL).unwrap(),
            d(2023, 3, 11)
        );
        let obs = case.obligations(as_of, &FEDERAL);
        // DEFC 2023-03-11 + 12 months = 2024-03-11.
        expect(
            one(&obs, K::PermanencyHearing),
            RuleId::PermanencyHearing,
            d(2023, 3, 11),
            d(2024, 3, 11),
            Status::Upcoming,
            None,
        );
        expect(
            one(&obs, K::FinalizeEfforts),
            RuleId::FinalizeEfforts,
            d(2023, 3, 11),
            d(2024, 3, 11),
            Status::Upcoming,
            None,
        );
    }

    #[test]
    fn a_finding_before_day_60_sets_defc() {
        let case = case_of(vec![removal(d(2023, 1, 10)), abuse(d(2023, 2, 1))]);
        // min(2023-02-01, 2023-03-11) = 2023-02-01; + 12 months = 2024-02-01.
        let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
        expect(
            one(&obs, K::PermanencyHearing),
            RuleId::PermanencyHearing,
            d(2023, 2, 1),
            d(2024, 2, 1),
            Status::Upcoming,
            None,
        );

        // Asked before the finding, the finding is not known yet: DEFC is projected at
        // removal + 60 days = 2023-03-11.
        let obs = case.obligations(d(2023, 1, 20), &FEDERAL);
        assert_eq!(
            case.date_entered_foster_care(1, d(2023, 1, 20), &FEDERAL)
                .unwrap(),
            d(2023, 3, 11)
        );
        let o = one(&obs, K::PermanencyHearing);
        assert_eq!((o.counts_from(), o.due()), (d(2023, 3, 11), d(2024, 3, 11)));
    }

    #[test]
    fn a_finding_before_the_removal_sets_defc_at_the_removal() {
        // An in-home court case adjudicated 2022-12-01, removal 2023-01-10: DEFC is never before
        // the removal, so 2023-01-10, and the hearing is due 2024-01-10.
        let case = case_of(vec![
            ev(
                d(2022, 11, 1),
                EventData::OpenPreservation(Candidacy::NotCandidate),
            ),
            abuse(d(2022, 12, 1)),
            removal(d(2023, 1, 10)),
        ]);
        let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
        let o = one(&obs, K::PermanencyHearing);
        assert_eq!((o.counts_from(), o.due()), (d(2023, 1, 10), d(2024, 1, 10)));
    }

    #[test]
    fn an_agency_may_use_the_removal_date() {
        let policy = FEDERAL.with_defc_rule(DefcRule::RemovalDate);
        let case = build(
            young(),
            &policy,
            vec![removal(d(2023, 1, 10)), abuse(d(2023, 2, 1))],
        );
        let obs = case.obligations(d(2023, 6, 1), &policy);
        // DEFC = the removal date 2023-01-10; + 12 months = 2024-01-10.
        for kind in [K::PermanencyHearing, K::FinalizeEfforts] {
            let o = one(&obs, kind);
            assert_eq!((o.counts_from(), o.due()), (d(2023, 1, 10), d(2024, 1, 10)));
        }
    }

    #[test]
    fn twelve_months_after_a_leap_day_clamp_to_february_28_or_roll_over_by_policy() {
        let events = vec![removal(d(2024, 2, 29)), abuse(d(2024, 2, 29))];
        let case = case_of(events.clone());
        let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
        // DEFC 2024-02-29 + 12 months: 2025-02-29 does not exist -> clamped to 2025-02-28.
        for (kind, rule) in [
            (K::PermanencyHearing, RuleId::PermanencyHearing),
            (K::FinalizeEfforts, RuleId::FinalizeEfforts),
        ] {
            expect(
                one(&obs, kind),
                rule,
                d(2024, 2, 29),
                d(2025, 2, 28),
                Status::Upcoming,
                None,
            );
        }

        let roll = FEDERAL.with_month_end(MonthEnd::RollOver);
        let case = build(young(), &roll, events);
        let obs = case.obligations(d(2024, 6, 1), &roll);
        // Rolled over to the day after 2025-02-28: 2025-03-01.
        assert_eq!(one(&obs, K::PermanencyHearing).due(), d(2025, 3, 1));
        assert_eq!(one(&obs, K::FinalizeEfforts).due(), d(2025, 3, 1));
    }

    #[test]
    fn six_months_after_august_31_is_february_29_in_a_leap_year() {
        let case = case_of(vec![removal(d(2023, 8, 31))]);
        let obs = case.obligations(d(2023, 10, 1), &FEDERAL);
        // 2023-08-31 + 6 months: 2024-02-31 does not exist -> 2024-02-29 (2024 is a leap year).
        expect(
            one(&obs, K::PeriodicReview),
            RuleId::PeriodicReview,
            d(2023, 8, 31),
            d(2024, 2, 29),
            Status::Upcoming,
            None,
        );

        let roll = FEDERAL.with_month_end(MonthEnd::RollOver);
        let case = build(young(), &roll, vec![removal(d(2023, 8, 31))]);
        let obs = case.obligations(d(2023, 10, 1), &roll);
        assert_eq!(one(&obs, K::PeriodicReview).due(), d(2024, 3, 1));

        // Held on the due date: the next counts from it, 2024-02-29 + 6 months = 2024-08-29.
        let case = case_of(vec![removal(d(2023, 8, 31)), review(d(2024, 2, 29))]);
        let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
        let reviews = all(&obs, K::PeriodicReview);
        assert_eq!(reviews.len(), 2);
        assert_eq!(reviews[0].status(), Status::Met(d(2024, 2, 29)));
        expect(
            reviews[1],
            RuleId::PeriodicReview,
            d(2024, 2, 29),
            d(2024, 8, 29),
            Status::Upcoming,
            None,
        );
    }
}

// ================================================================================================
// Periodic reviews, permanency hearings, reasonable efforts to finalize

mod hearings {
    use super::*;

    #[test]
    fn periodic_reviews_count_from_the_removal_or_from_defc_by_policy() {
        // Removal 2023-01-10 with no abuse finding: DEFC = 2023-01-10 + 60 days = 2023-03-11.
        let events = vec![removal(d(2023, 1, 10)), review(d(2023, 7, 1))];
        let case = case_of(events.clone());
        let obs = case.obligations(d(2023, 8, 1), &FEDERAL);
        let reviews = all(&obs, K::PeriodicReview);
        assert_eq!(reviews.len(), 2);
        // From the removal: 2023-01-10 + 6 months = 2023-07-10; held 2023-07-01, early.
        expect(
            reviews[0],
            RuleId::PeriodicReview,
            d(2023, 1, 10),
            d(2023, 7, 10),
            Status::Met(d(2023, 7, 1)),
            None,
        );
        // The next counts from the review held: 2023-07-01 + 6 months = 2024-01-01.
        expect(
            reviews[1],
            RuleId::PeriodicReview,
            d(2023, 7, 1),
            d(2024, 1, 1),
            Status::Upcoming,
            None,
        );

        let policy = FEDERAL.with_review_anchor(ReviewAnchor::Defc);
        let case = case_of(vec![removal(d(2023, 1, 10))]);
        let obs = case.obligations(d(2023, 8, 1), &policy);
        // From DEFC: 2023-03-11 + 6 months = 2023-09-11.
        expect(
            one(&obs, K::PeriodicReview),
            RuleId::PeriodicReview,
            d(2023, 3, 11),
            d(2023, 9, 11),
            Status::Upcoming,
            None,
        );
        // Overdue the day after, with no consequence attached.
        let obs = case.obligations(d(2023, 9, 12), &policy);
        let o = one(&obs, K::PeriodicReview);
        assert_eq!((o.status(), o.consequence()), (Status::Overdue, None));
    }

    /// Removed 2023-01-10 and adjudicated the same day: DEFC 2023-01-10, first permanency hearing
    /// and finalize-efforts determination due 2024-01-10.
    fn adjudicated(more: Vec<Event>) -> Case {
        let mut events = vec![removal(d(2023, 1, 10)), abuse(d(2023, 1, 10))];
        events.extend(more);
        case_of(events)
    }

    #[test]
    fn an_early_permanency_hearing_pulls_the_next_one_forward() {
        let case = adjudicated(vec![hearing(d(2023, 11, 15))]);
        let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
        let hearings = all(&obs, K::PermanencyHearing);
        assert_eq!(hearings.len(), 2);
        // DEFC 2023-01-10 + 12 months = 2024-01-10; held 2023-11-15.
        expect(
            hearings[0],
            RuleId::PermanencyHearing,
            d(2023, 1, 10),
            d(2024, 1, 10),
            Status::Met(d(2023, 11, 15)),
            None,
        );
        // Held + 12 months = 2024-11-15, not 2025-01-10.
        expect(
            hearings[1],
            RuleId::PermanencyHearing,
            d(2023, 11, 15),
            d(2024, 11, 15),
            Status::Upcoming,
            None,
        );
    }

    #[test]
    fn a_late_permanency_hearing_is_met_late_and_the_next_counts_from_it() {
        let case = adjudicated(vec![hearing(d(2024, 2, 20))]);
        // Before it was held, overdue from 2024-01-11.
        let obs = case.obligations(d(2024, 1, 11), &FEDERAL);
        let o = one(&obs, K::PermanencyHearing);
        assert_eq!((o.status(), o.consequence()), (Status::Overdue, None));

        let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
        let hearings = all(&obs, K::PermanencyHearing);
        assert_eq!(hearings.len(), 2);
        expect(
            hearings[0],
            RuleId::PermanencyHearing,
            d(2023, 1, 10),
            d(2024, 1, 10),
            Status::MetLate(d(2024, 2, 20)),
            None,
        );
        // 2024-02-20 + 12 months = 2025-02-20.
        expect(
            hearings[1],
            RuleId::PermanencyHearing,
            d(2024, 2, 20),
            d(2025, 2, 20),
            Status::Upcoming,
            None,
        );
    }

    #[test]
    fn finalize_efforts_made_late_in_the_month_they_were_due_cost_nothing() {
        let case = adjudicated(vec![finalize(d(2024, 1, 25))]);
        let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
        let made = all(&obs, K::FinalizeEfforts);
        assert_eq!(made.len(), 2);
        // Due 2024-01-10; made 2024-01-25, before the end of January: eligibility is lost only
        // from the first of the month after the due date.
        expect(
            made[0],
            RuleId::FinalizeEfforts,
            d(2023, 1, 10),
            d(2024, 1, 10),
            Status::MetLate(d(2024, 1, 25)),
            None,
        );
        // 2024-01-25 + 12 months = 2025-01-25.
        expect(
            made[1],
            RuleId::FinalizeEfforts,
            d(2024, 1, 25),
            d(2025, 1, 25),
            Status::Upcoming,
            None,
        );
    }

    #[test]
    fn finalize_efforts_made_in_a_later_month_cost_eligibility_until_made() {
        let case = adjudicated(vec![finalize(d(2024, 3, 5))]);
        let obs = case.obligations(d(2024, 4, 1), &FEDERAL);
        let made = all(&obs, K::FinalizeEfforts);
        assert_eq!(made.len(), 2);
        // Due 2024-01-10: ineligible from 2024-02-01 (the first of the next month) to 2024-03-05.
        expect(
            made[0],
            RuleId::FinalizeEfforts,
            d(2023, 1, 10),
            d(2024, 1, 10),
            Status::MetLate(d(2024, 3, 5)),
            Some(Consequence::IneligibleBetween {
                from: d(2024, 2, 1),
                until: Some(d(2024, 3, 5)),
            }),
        );
        // 2024-03-05 + 12 months = 2025-03-05.
        assert_eq!(
            (made[1].counts_from(), made[1].due()),
            (d(2024, 3, 5), d(2025, 3, 5))
        );
    }

    #[test]
    fn finalize_efforts_never_made_cost_eligibility_from_the_next_month() {
        let case = adjudicated(vec![]);
        // Overdue from 2024-01-11, but eligibility lasts to the end of January.
        let obs = case.obligations(d(2024, 1, 31), &FEDERAL);
        expect(
            one(&obs, K::FinalizeEfforts),
            RuleId::FinalizeEfforts,
            d(2023, 1, 10),
            d(2024, 1, 10),
            Status::Overdue,
            None,
        );
        let obs = case.obligations(d(2024, 2, 1), &FEDERAL);
        expect(
            one(&obs, K::FinalizeEfforts),
            RuleId::FinalizeEfforts,
            d(2023, 1, 10),
            d(2024, 1, 10),
            Status::Overdue,
            Some(Consequence::IneligibleBetween {
                from: d(2024, 2, 1),
                until: None,
            }),
        );
        // A determination that efforts were not made does not meet it.
        let case = adjudicated(vec![finding(
            d(2023, 12, 1),
            Finding::FinalizeEfforts(Determination::NotMade),
        )]);
        let obs = case.obligations(d(2024, 2, 1), &FEDERAL);
        assert_eq!(one(&obs, K::FinalizeEfforts).status(), Status::Overdue);
        // Made on time.
        let case = adjudicated(vec![finalize(d(2023, 12, 1))]);
        let obs = case.obligations(d(2024, 2, 1), &FEDERAL);
        let made = all(&obs, K::FinalizeEfforts);
        assert_eq!(made[0].status(), Status::Met(d(2023, 12, 1)));
        assert_eq!(made[0].consequence(), None);
    }
}

// ================================================================================================
// The expedited clocks after a finding excusing reunification efforts, or an abandoned infant

mod expedited {
    use super::*;

    #[test]
    fn a_permanency_hearing_within_30_days_of_excused_reunification_efforts() {
        let case = case_of(vec![
            removal(d(2023, 1, 10)),
            excused(d(2023, 3, 1), AggravatedGround::AggravatedCircumstances),
            hearing(d(2023, 3, 20)),
        ]);
        let obs = case.obligations(d(2023, 4, 15), &FEDERAL);
        // 2023-03-01 + 30 days = 2023-03-31.
        let o = one(&obs, K::NoReunificationHearing);
        expect(
            o,
            RuleId::NoReunificationHearing,
            d(2023, 3, 1),
            d(2023, 3, 31),
            Status::Met(d(2023, 3, 20)),
            None,
        );
        assert_eq!(o.subject(), Some(&person("P-MOTHER")));
        // Aggravated circumstances bring no expedited TPR petition.
        none_of(&obs, K::FelonyPetition);
        none_of(&obs, K::AbandonedInfantPetition);

        let case = case_of(vec![
            removal(d(2023, 1, 10)),
            excused(d(2023, 3, 1), AggravatedGround::SiblingRightsTerminated),
        ]);
        let obs = case.obligations(d(2023, 3, 31), &FEDERAL);
        assert_eq!(
            one(&obs, K::NoReunificationHearing).status(),
            Status::Upcoming
        );
        let obs = case.obligations(d(2023, 4, 1), &FEDERAL);
        assert_eq!(
            one(&obs, K::NoReunificationHearing).status(),
            Status::Overdue
        );
    }

    #[test]
    fn the_30_day_hearing_held_before_defc_sets_the_next_permanency_hearing() {
        // Removal 2023-01-10 with no abuse finding: DEFC 2023-03-11. Efforts excused 2023-01-20;
        // the permanency hearing is held 2023-02-10, within 30 days.
        let case = case_of(vec![
            removal(d(2023, 1, 10)),
            excused(d(2023, 1, 20), AggravatedGround::AggravatedCircumstances),
            hearing(d(2023, 2, 10)),
        ]);
        let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
        // 2023-01-20 + 30 days = 2023-02-19.
        let o = one(&obs, K::NoReunificationHearing);
        assert_eq!(
            (o.due(), o.status()),
            (d(2023, 2, 19), Status::Met(d(2023, 2, 10)))
        );
        // It was a permanency hearing: the next is due 2023-02-10 + 12 months = 2024-02-10.
        let hearings = all(&obs, K::PermanencyHearing);
        assert!(
            hearings
                .iter()
                .any(|h| h.status() == Status::Met(d(2023, 2, 10))),
            "{hearings:#?}"
        );
        // (Sorted by due date, the next one, due 2024-02-10, comes before the DEFC-based first,
        // due 2024-03-11, that the early hearing met.)
        let next = hearings
            .iter()
            .find(|h| h.status() == Status::Upcoming)
            .unwrap();
        assert_eq!(
            (next.counts_from(), next.due(), next.status()),
            (d(2023, 2, 10), d(2024, 2, 10), Status::Upcoming)
        );
    }

    #[test]
    fn the_felony_ground_also_needs_a_tpr_petition_within_60_days() {
        // 2023-03-01 + 60 days: 30 days to Mar 31, 30 more -> 2023-04-30.
        let on_time = case_of(vec![
            removal(d(2023, 1, 10)),
            excused(d(2023, 3, 1), AggravatedGround::FelonyAgainstChild),
            petition(d(2023, 4, 30)),
        ]);
        let obs = on_time.obligations(d(2023, 5, 15), &FEDERAL);
        let o = one(&obs, K::FelonyPetition);
        expect(
            o,
            RuleId::FelonyPetition,
            d(2023, 3, 1),
            d(2023, 4, 30),
            Status::Met(d(2023, 4, 30)),
            None,
        );
        assert_eq!(o.subject(), Some(&person("P-MOTHER")));
        // The 30-day hearing is owed too (2023-03-31), and was not held.
        let h = one(&obs, K::NoReunificationHearing);
        assert_eq!((h.due(), h.status()), (d(2023, 3, 31), Status::Overdue));

        let late = case_of(vec![
            removal(d(2023, 1, 10)),
            excused(d(2023, 3, 1), AggravatedGround::FelonyAgainstChild),
            petition(d(2023, 5, 1)),
        ]);
        let obs = late.obligations(d(2023, 5, 15), &FEDERAL);
        expect(
            one(&obs, K::FelonyPetition),
            RuleId::FelonyPetition,
            d(2023, 3, 1),
            d(2023, 4, 30),
            Status::MetLate(d(2023, 5, 1)),
            None,
        );
    }

    #[test]
    fn an_abandoned_infant_needs_a_tpr_petition_within_60_days() {
        let infant = child_born(d(2023, 1, 1));
        let case = build(
            infant,
            &FEDERAL,
            vec![
                removal(d(2023, 1, 10)),
                finding(d(2023, 2, 15), Finding::AbandonedInfant),
            ],
        );
        // 2023-02-15 + 60 days: 13 days to Feb 28, 31 in March (44), 16 more -> 2023-04-16.
        let obs = case.obligations(d(2023, 4, 16), &FEDERAL);
        let o = one(&obs, K::AbandonedInfantPetition);
        expect(
            o,
            RuleId::AbandonedInfantPetition,
            d(2023, 2, 15),
            d(2023, 4, 16),
            Status::Upcoming,
            None,
        );
        assert_eq!(o.subject(), None);
        none_of(&obs, K::NoReunificationHearing);
        let obs = case.obligations(d(2023, 4, 17), &FEDERAL);
        assert_eq!(
            one(&obs, K::AbandonedInfantPetition).status(),
            Status::Overdue
        );
    }
}

// ================================================================================================
// 15 of the most recent 22 months

mod fifteen_of_twenty_two {
    use super::*;

    /// A removal adjudicated the same day, so that DEFC is the removal date.
    fn entry(date: NaiveDate) -> Vec<Event> {
        vec![removal(date), abuse(date)]
    }

    #[test]
    fn one_continuous_episode_is_due_at_the_end_of_the_15th_month() {
        let case = case_of(entry(d(2022, 1, 1)));
        // DEFC 2022-01-01 + 15 months = 2023-04-01, less a day -> 2023-03-31.
        let obs = case.obligations(d(2022, 6, 1), &FEDERAL);
        let o = one(&obs, K::FifteenOfTwentyTwo);
        expect(
            o,
            RuleId::FifteenOfTwentyTwo,
            d(2022, 1, 1),
            d(2023, 3, 31),
            Status::Upcoming,
            None,
        );
        assert_eq!(o.episode(), Some(1));
        let obs = case.obligations(d(2023, 3, 31), &FEDERAL);
        assert_eq!(one(&obs, K::FifteenOfTwentyTwo).status(), Status::Upcoming);
        let obs = case.obligations(d(2023, 4, 1), &FEDERAL);
        let o = one(&obs, K::FifteenOfTwentyTwo);
        assert_eq!((o.status(), o.consequence()), (Status::Overdue, None));

        // DOMAIN.md's example: DEFC 2023-02-20 + 15 months = 2024-05-20, less a day.
        let case = case_of(entry(d(2023, 2, 20)));
        let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
        assert_eq!(one(&obs, K::FifteenOfTwentyTwo).due(), d(2024, 5, 19));
    }

    #[test]
    fn two_episodes_inside_the_window_add_up() {
        let mut events = entry(d(2022, 1, 1));
        events.push(discharge(d(2022, 9, 1), ExitReason::Reunified));
        events.extend(entry(d(2022, 11, 1)));
        let case = case_of(events);
        let obs = case.obligations(d(2023, 1, 1), &FEDERAL);
        // Episode 1: 2022-01-01 to 2022-09-01 = 8 whole months. Episode 2 from its DEFC
        // 2022-11-01 needs 7 more: 2022-11-01 + 7 months = 2023-06-01, less a day -> 2023-05-31.
        // The 22 months ending then start 2021-08-01: both episodes lie inside.
        let o = one(&obs, K::FifteenOfTwentyTwo);
        expect(
            o,
            RuleId::FifteenOfTwentyTwo,
            d(2022, 1, 1),
            d(2023, 5, 31),
            Status::Upcoming,
            None,
        );
        assert_eq!(o.episode(), Some(2));
    }

    #[test]
    fn an_episode_the_window_has_dropped_no_longer_counts() {
        let mut events = entry(d(2019, 1, 1));
        events.push(discharge(d(2019, 11, 1), ExitReason::Reunified));
        events.extend(entry(d(2023, 1, 1)));
        let case = case_of(events);
        let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
        // Episode 1 (10 months, 2019-01-01 to 2019-11-01) ended more than 22 months before
        // episode 2 began: only episode 2 counts. 2023-01-01 + 15 months = 2024-04-01, less a day.
        let o = one(&obs, K::FifteenOfTwentyTwo);
        assert_eq!(
            (o.due(), o.status(), o.episode()),
            (d(2024, 3, 31), Status::Upcoming, Some(2))
        );
    }

    #[test]
    fn an_episode_the_window_has_dropped_is_not_the_date_counted_from() {
        let mut events = entry(d(2019, 1, 1));
        events.push(discharge(d(2019, 11, 1), ExitReason::Reunified));
        events.extend(entry(d(2023, 1, 1)));
        let case = case_of(events);
        let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
        assert_eq!(
            one(&obs, K::FifteenOfTwentyTwo).counts_from(),
            d(2023, 1, 1)
        );
    }

    #[test]
    fn the_window_slides_over_an_earlier_episode() {
        let mut events = entry(d(2021, 1, 1));
        events.push(discharge(d(2021, 11, 1), ExitReason::Reunified));
        events.extend(entry(d(2022, 7, 1)));
        let case = case_of(events);
        let obs = case.obligations(d(2023, 1, 1), &FEDERAL);
        // Episode 1: 10 months (2021-01-01 to 2021-11-01); episode 2 from 2022-07-01. Without a
        // window 5 more months would do (2022-11-30), but the window ending 2022-12-01 starts
        // 2021-02-01 and keeps only 9 months of episode 1 (9 + 5 = 14); every further month of
        // episode 2 pushes one month of episode 1 out. The count stays at 14 until episode 2
        // alone has 15 months: 2022-07-01 + 15 months = 2023-10-01, less a day -> 2023-09-30.
        assert_eq!(one(&obs, K::FifteenOfTwentyTwo).due(), d(2023, 9, 30));
    }

    #[test]
    fn trial_home_visits_and_runaways_do_not_count() {
        let mut events = entry(d(2022, 1, 1));
        events.extend([
            foster(d(2022, 1, 1), "P-1"),
            visit(d(2022, 5, 1), "V-1"),
            visit_ended(d(2022, 7, 1), "P-2"),
        ]);
        let case = case_of(events);
        let obs = case.obligations(d(2022, 8, 1), &FEDERAL);
        // Counted: 2022-01-01 to 2022-05-01 = 4 months, then from 2022-07-01 11 more:
        // 2022-07-01 + 11 months = 2023-06-01, less a day -> 2023-05-31. The visit's 2 months
        // move the continuous-care date 2023-03-31 by exactly 2 months.
        let o = one(&obs, K::FifteenOfTwentyTwo);
        expect(
            o,
            RuleId::FifteenOfTwentyTwo,
            d(2022, 1, 1),
            d(2023, 5, 31),
            Status::Upcoming,
            None,
        );

        let mut events = entry(d(2022, 1, 1));
        events.extend([
            foster(d(2022, 1, 1), "P-1"),
            ran_away(d(2022, 3, 1), "R-1"),
            returned(d(2022, 4, 1), "P-2"),
        ]);
        let case = case_of(events);
        let obs = case.obligations(d(2022, 8, 1), &FEDERAL);
        // 2 months (Jan, Feb), a month away, then 13 more from 2022-04-01: 2023-05-01, less a
        // day -> 2023-04-30: one month after 2023-03-31.
        assert_eq!(one(&obs, K::FifteenOfTwentyTwo).due(), d(2023, 4, 30));
    }

    #[test]
    fn a_relative_caring_for_the_child_waives_it_unless_the_state_does_not_use_the_exception() {
        let mut events = entry(d(2022, 1, 1));
        events.push(relative_home(d(2022, 1, 1), "R-1"));
        let case = case_of(events.clone());
        let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
        expect(
            one(&obs, K::FifteenOfTwentyTwo),
            RuleId::FifteenOfTwentyTwo,
            d(2022, 1, 1),
            d(2023, 3, 31),
            Status::Waived(Waiver::RelativeCare),
            None,
        );

        let policy = FEDERAL.with_relative_care_exception(RelativeCareException::NotUsed);
        let obs = case.obligations(d(2023, 6, 1), &policy);
        assert_eq!(one(&obs, K::FifteenOfTwentyTwo).status(), Status::Overdue);

        // Judged at the 15/22 point: a child who left the relative home before it is not waived.
        events.push(to_foster(d(2023, 1, 1), "P-1"));
        let case = case_of(events);
        let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
        assert_eq!(one(&obs, K::FifteenOfTwentyTwo).status(), Status::Overdue);
    }

    #[test]
    fn a_documented_exception_waives_it() {
        for (x, waiver) in [
            (TprException::CompellingReason, Waiver::CompellingReason),
            (
                TprException::ServicesNotProvided,
                Waiver::ServicesNotProvided,
            ),
        ] {
            let mut events = entry(d(2022, 1, 1));
            events.push(exception(d(2023, 3, 31), x));
            let case = case_of(events);
            let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
            expect(
                one(&obs, K::FifteenOfTwentyTwo),
                RuleId::FifteenOfTwentyTwo,
                d(2022, 1, 1),
                d(2023, 3, 31),
                Status::Waived(waiver),
                None,
            );
        }
        // Documented after the due date: too late.
        let mut events = entry(d(2022, 1, 1));
        events.push(exception(d(2023, 4, 1), TprException::CompellingReason));
        let case = case_of(events);
        let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
        assert_eq!(one(&obs, K::FifteenOfTwentyTwo).status(), Status::Overdue);
    }

    #[test]
    fn the_requirement_applies_once_even_long_after_an_exception() {
        let mut events = entry(d(2022, 1, 1));
        events.push(exception(d(2023, 1, 15), TprException::CompellingReason));
        // Still in care four years on: no second obligation.
        let case = case_of(events.clone());
        let obs = case.obligations(d(2026, 1, 1), &FEDERAL);
        let o = one(&obs, K::FifteenOfTwentyTwo);
        assert_eq!(
            (o.due(), o.status()),
            (d(2023, 3, 31), Status::Waived(Waiver::CompellingReason))
        );

        // An exit and a re-entry that alone reaches 15 months (2024-01-01 to 2025-04-01) does not
        // bring it back either.
        events.push(discharge(d(2023, 6, 1), ExitReason::Reunified));
        events.extend(entry(d(2024, 1, 1)));
        let case = case_of(events);
        let obs = case.obligations(d(2026, 6, 1), &FEDERAL);
        let o = one(&obs, K::FifteenOfTwentyTwo);
        assert_eq!(
            (o.due(), o.status(), o.episode()),
            (
                d(2023, 3, 31),
                Status::Waived(Waiver::CompellingReason),
                Some(1)
            )
        );
    }

    #[test]
    fn a_petition_meets_it_on_time_or_late() {
        let mut events = entry(d(2022, 1, 1));
        events.push(petition(d(2023, 3, 31)));
        let case = case_of(events);
        let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
        expect(
            one(&obs, K::FifteenOfTwentyTwo),
            RuleId::FifteenOfTwentyTwo,
            d(2022, 1, 1),
            d(2023, 3, 31),
            Status::Met(d(2023, 3, 31)),
            None,
        );

        let mut events = entry(d(2022, 1, 1));
        events.push(petition(d(2023, 4, 15)));
        let case = case_of(events);
        let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
        assert_eq!(
            one(&obs, K::FifteenOfTwentyTwo).status(),
            Status::MetLate(d(2023, 4, 15))
        );
    }

    #[test]
    fn states_may_file_sooner_or_count_months_in_days() {
        let case = case_of(entry(d(2022, 1, 1)));
        let as_of = d(2022, 6, 1);

        // Ohio, 12 of 22: 2022-01-01 + 12 months = 2023-01-01, less a day -> 2022-12-31.
        let ohio = FEDERAL.with_tpr_clock(12, 22).unwrap();
        assert_eq!(
            one(&case.obligations(as_of, &ohio), K::FifteenOfTwentyTwo).due(),
            d(2022, 12, 31)
        );

        // 30-day months: 450 days, the 450th being 2022-01-01 + 449 days. 2022-01-01 + 365 =
        // 2023-01-01; + 31 (Jan) + 28 (Feb) = 2023-03-01 (+424); + 25 -> 2023-03-26 (+449).
        let thirty = FEDERAL.with_tpr_month_counting(MonthCounting::ThirtyDays);
        assert_eq!(
            one(&case.obligations(as_of, &thirty), K::FifteenOfTwentyTwo).due(),
            d(2023, 3, 26)
        );

        // 30.4375-day months: 15 × 30.4375 = 456.5625 -> 457 days, the last being 2022-01-01 +
        // 456: 2023-04-01 is +455 (365 + 31 + 28 + 31), so 2023-04-02.
        let average = FEDERAL.with_tpr_month_counting(MonthCounting::AverageMonth);
        assert_eq!(
            one(&case.obligations(as_of, &average), K::FifteenOfTwentyTwo).due(),
            d(2023, 4, 2)
        );
    }
}

// ================================================================================================
// Trial home visits

mod trial_home_visits {
    use super::*;

    /// Removed 2024-01-01, placed in foster care, home on a trial visit from 2024-01-15.
    fn on_visit(more: Vec<Event>) -> Case {
        let mut events = vec![
            removal(d(2024, 1, 1)),
            foster(d(2024, 1, 1), "P-1"),
            visit(d(2024, 1, 15), "V-1"),
        ];
        events.extend(more);
        case_of(events)
    }

    #[test]
    fn back_in_care_by_six_months_after_the_visit_began() {
        // 2024-01-15 + 6 months = 2024-07-15: the child may be home through 2024-07-14 and must
        // be back, or discharged, on 2024-07-15 at the latest.
        let case = on_visit(vec![]);
        let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
        let o = one(&obs, K::TrialHomeVisitLimit);
        expect(
            o,
            RuleId::TrialHomeVisitLimit,
            d(2024, 1, 15),
            d(2024, 7, 15),
            Status::Upcoming,
            None,
        );
        assert_eq!(
            (o.subject(), o.episode()),
            (Some(&placement("V-1")), Some(1))
        );

        let case = on_visit(vec![visit_ended(d(2024, 7, 15), "P-2")]);
        let obs = case.obligations(d(2024, 8, 1), &FEDERAL);
        expect(
            one(&obs, K::TrialHomeVisitLimit),
            RuleId::TrialHomeVisitLimit,
            d(2024, 1, 15),
            d(2024, 7, 15),
            Status::Met(d(2024, 7, 15)),
            None,
        );

        // A discharge home during the visit meets it too.
        let case = on_visit(vec![discharge(d(2024, 6, 1), ExitReason::Reunified)]);
        let obs = case.obligations(d(2024, 8, 1), &FEDERAL);
        assert_eq!(
            one(&obs, K::TrialHomeVisitLimit).status(),
            Status::Met(d(2024, 6, 1))
        );
    }

    #[test]
    fn a_court_may_extend_the_visit() {
        let case = on_visit(vec![
            finding(
                d(2024, 6, 1),
                Finding::VisitExtended {
                    until: d(2024, 9, 30),
                },
            ),
            visit_ended(d(2024, 10, 1), "P-2"),
        ]);
        // Home through 2024-09-30: back in care on 2024-10-01 at the latest.
        let obs = case.obligations(d(2024, 8, 1), &FEDERAL);
        let o = one(&obs, K::TrialHomeVisitLimit);
        assert_eq!((o.due(), o.status()), (d(2024, 10, 1), Status::Upcoming));
        let obs = case.obligations(d(2024, 10, 2), &FEDERAL);
        expect(
            one(&obs, K::TrialHomeVisitLimit),
            RuleId::TrialHomeVisitLimit,
            d(2024, 1, 15),
            d(2024, 10, 1),
            Status::Met(d(2024, 10, 1)),
            None,
        );
    }

    #[test]
    fn an_over_long_visit_makes_a_return_a_new_removal() {
        // Still home on 2024-07-16: overdue.
        let case = on_visit(vec![]);
        let obs = case.obligations(d(2024, 7, 16), &FEDERAL);
        let o = one(&obs, K::TrialHomeVisitLimit);
        assert_eq!(
            (o.status(), o.consequence()),
            (Status::Overdue, Some(Consequence::NewRemovalRequired))
        );

        // The child comes back on 2024-08-01: a re-entry, and the first episode ended on
        // 2024-07-15, the first day beyond the limit.
        let case = on_visit(vec![removal(d(2024, 8, 1))]);
        assert_eq!(case.episodes().len(), 2);
        assert_eq!(
            case.episodes()[0].exit().map(|x| x.date),
            Some(d(2024, 7, 15))
        );
        let obs = case.obligations(d(2024, 8, 15), &FEDERAL);
        let o = one(&obs, K::TrialHomeVisitLimit);
        expect(
            o,
            RuleId::TrialHomeVisitLimit,
            d(2024, 1, 15),
            d(2024, 7, 15),
            Status::Overdue,
            Some(Consequence::NewRemovalRequired),
        );
        assert_eq!(o.episode(), Some(1));
        // The re-entry owes its own contrary-to-the-welfare finding, on 2024-08-01.
        let ctw = all(&obs, K::ContraryToWelfare);
        assert_eq!(ctw.len(), 2);
        assert_eq!(
            (ctw[1].episode(), ctw[1].due(), ctw[1].status()),
            (Some(2), d(2024, 8, 1), Status::Overdue)
        );
    }
}

// ================================================================================================
// Family First: QRTP, congregate care, supervised independent living, prevention

mod family_first {
    use super::*;

    /// The teen removed 2024-01-01 and placed in QRTP Q-1 on 2024-01-10.
    fn in_qrtp(child: Child, more: Vec<Event>) -> Case {
        let mut events = vec![removal(d(2024, 1, 1)), qrtp(d(2024, 1, 10), "Q-1")];
        events.extend(more);
        build(child, &FEDERAL, events)
    }

    #[test]
    fn qrtp_assessment_within_30_days_and_court_approval_within_60() {
        let case = in_qrtp(
            teen(),
            vec![
                assessed(d(2024, 2, 9), "Q-1", QrtpAssessment::Appropriate),
                finding(
                    d(2024, 3, 1),
                    Finding::QrtpApproved {
                        placement: plid("Q-1"),
                    },
                ),
            ],
        );
        let obs = case.obligations(d(2024, 4, 1), &FEDERAL);
        // 2024-01-10 + 30 days: 21 days to Jan 31, 9 more -> 2024-02-09.
        let o = one(&obs, K::QrtpAssessment);
        expect(
            o,
            RuleId::QrtpAssessment,
            d(2024, 1, 10),
            d(2024, 2, 9),
            Status::Met(d(2024, 2, 9)),
            None,
        );
        assert_eq!(o.subject(), Some(&placement("Q-1")));
        // 2024-01-10 + 60 days: 21 to Jan 31, 29 in Feb 2024 (50), 10 more -> 2024-03-10.
        let o = one(&obs, K::QrtpCourtApproval);
        expect(
            o,
            RuleId::QrtpCourtApproval,
            d(2024, 1, 10),
            d(2024, 3, 10),
            Status::Met(d(2024, 3, 1)),
            None,
        );
        assert_eq!(o.subject(), Some(&placement("Q-1")));
        // A QRTP is a specified setting: no two-week limit; an appropriate assessment needs no
        // transition.
        none_of(&obs, K::CongregateCareLimit);
        none_of(&obs, K::QrtpTransition);
    }

    #[test]
    fn a_late_qrtp_assessment_costs_the_whole_placement() {
        let late = in_qrtp(
            teen(),
            vec![assessed(d(2024, 2, 10), "Q-1", QrtpAssessment::Appropriate)],
        );
        let obs = late.obligations(d(2024, 3, 1), &FEDERAL);
        expect(
            one(&obs, K::QrtpAssessment),
            RuleId::QrtpAssessment,
            d(2024, 1, 10),
            d(2024, 2, 9),
            Status::MetLate(d(2024, 2, 10)),
            Some(Consequence::IneligibleForPlacement),
        );

        let never = in_qrtp(teen(), vec![]);
        let obs = never.obligations(d(2024, 2, 10), &FEDERAL);
        let o = one(&obs, K::QrtpAssessment);
        assert_eq!(
            (o.status(), o.consequence()),
            (Status::Overdue, Some(Consequence::IneligibleForPlacement))
        );
        assert_eq!(one(&obs, K::QrtpCourtApproval).status(), Status::Upcoming);
        let obs = never.obligations(d(2024, 3, 11), &FEDERAL);
        let o = one(&obs, K::QrtpCourtApproval);
        assert_eq!((o.status(), o.consequence()), (Status::Overdue, None));
    }

    #[test]
    fn after_a_negative_assessment_payment_lasts_30_days() {
        // The 30-day period that begins 2024-02-01: Feb 1 ..= Mar 1 (February 2024 has 29
        // days); no payment from 2024-03-02 = 2024-02-01 + 30, the day the child must be out by
        // (the due date).
        let stays = in_qrtp(
            teen(),
            vec![assessed(
                d(2024, 2, 1),
                "Q-1",
                QrtpAssessment::NotAppropriate,
            )],
        );
        let obs = stays.obligations(d(2024, 3, 1), &FEDERAL);
        let o = one(&obs, K::QrtpTransition);
        expect(
            o,
            RuleId::QrtpTransition,
            d(2024, 2, 1),
            d(2024, 3, 2),
            Status::Upcoming,
            None,
        );
        assert_eq!(o.subject(), Some(&placement("Q-1")));
        // Still there on 2024-03-02, the due date: not yet overdue (the move may happen that
        // day); on 2024-03-03 it is.
        let obs = stays.obligations(d(2024, 3, 2), &FEDERAL);
        assert_eq!(one(&obs, K::QrtpTransition).status(), Status::Upcoming);
        let obs = stays.obligations(d(2024, 3, 3), &FEDERAL);
        expect(
            one(&obs, K::QrtpTransition),
            RuleId::QrtpTransition,
            d(2024, 2, 1),
            d(2024, 3, 2),
            Status::Overdue,
            Some(Consequence::NoPaymentFrom(d(2024, 3, 2))),
        );

        // Moved out on 2024-03-02: the last day in the QRTP was 2024-03-01, within the period.
        // The status carries the move's date, the first day out.
        let moved = in_qrtp(
            teen(),
            vec![
                assessed(d(2024, 2, 1), "Q-1", QrtpAssessment::NotAppropriate),
                to_foster(d(2024, 3, 2), "P-1"),
            ],
        );
        let obs = moved.obligations(d(2024, 4, 1), &FEDERAL);
        let o = one(&obs, K::QrtpTransition);
        assert_eq!(
            (o.status(), o.consequence()),
            (Status::Met(d(2024, 3, 2)), None)
        );

        let moved_late = in_qrtp(
            teen(),
            vec![
                assessed(d(2024, 2, 1), "Q-1", QrtpAssessment::NotAppropriate),
                to_foster(d(2024, 3, 5), "P-1"),
            ],
        );
        let obs = moved_late.obligations(d(2024, 4, 1), &FEDERAL);
        let o = one(&obs, K::QrtpTransition);
        assert_eq!(
            (o.status(), o.consequence()),
            (
                Status::MetLate(d(2024, 3, 5)),
                Some(Consequence::NoPaymentFrom(d(2024, 3, 2)))
            )
        );
    }

    #[test]
    fn after_a_court_disapproval_payment_lasts_30_days() {
        let case = in_qrtp(
            teen(),
            vec![
                assessed(d(2024, 2, 1), "Q-1", QrtpAssessment::Appropriate),
                finding(
                    d(2024, 4, 20),
                    Finding::QrtpDisapproved {
                        placement: plid("Q-1"),
                    },
                ),
            ],
        );
        // DOMAIN.md's example: the 30 days from 2024-04-20 run 11 days in April (20..30) and 19
        // in May -> through 2024-05-19; out by (due) and no payment from 2024-05-20.
        let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
        expect(
            one(&obs, K::QrtpTransition),
            RuleId::QrtpTransition,
            d(2024, 4, 20),
            d(2024, 5, 20),
            Status::Overdue,
            Some(Consequence::NoPaymentFrom(d(2024, 5, 20))),
        );
        // The disapproval also decided the court review, late (due 2024-03-10).
        assert_eq!(
            one(&obs, K::QrtpCourtApproval).status(),
            Status::MetLate(d(2024, 4, 20))
        );
    }

    #[test]
    fn a_long_qrtp_stay_needs_the_agency_heads_approval() {
        // Age 16: the limit is 12 consecutive months. 2024-01-10 + 12 months = 2025-01-10, less a
        // day -> 2025-01-09, the last day before the stay exceeds 12 months.
        let case = in_qrtp(teen(), vec![]);
        let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
        let o = one(&obs, K::QrtpLongStay);
        expect(
            o,
            RuleId::QrtpLongStay,
            d(2024, 1, 10),
            d(2025, 1, 9),
            Status::Upcoming,
            None,
        );
        assert_eq!(o.subject(), Some(&placement("Q-1")));
        let approved = in_qrtp(
            teen(),
            vec![ev(
                d(2024, 12, 15),
                EventData::QrtpLongStayApproved {
                    placement: plid("Q-1"),
                },
            )],
        );
        let obs = approved.obligations(d(2025, 2, 1), &FEDERAL);
        assert_eq!(
            one(&obs, K::QrtpLongStay).status(),
            Status::Met(d(2024, 12, 15))
        );

        // Age 7: 6 months. 2024-01-10 + 6 months = 2024-07-10, less a day -> 2024-07-09.
        let case = in_qrtp(young(), vec![]);
        let obs = case.obligations(d(2024, 7, 10), &FEDERAL);
        expect(
            one(&obs, K::QrtpLongStay),
            RuleId::QrtpLongStay,
            d(2024, 1, 10),
            d(2024, 7, 9),
            Status::Overdue,
            None,
        );
    }

    #[test]
    fn separate_qrtp_stays_add_up_to_18_months() {
        let case = build(
            teen(),
            &FEDERAL,
            vec![
                removal(d(2024, 1, 1)),
                qrtp(d(2024, 1, 1), "Q-1"),
                to_foster(d(2024, 11, 1), "P-1"),
                change(d(2025, 1, 1), "Q-2", Setting::Qrtp, None),
            ],
        );
        let obs = case.obligations(d(2025, 3, 1), &FEDERAL);
        // 10 months (2024-01-01 to 2024-11-01). Q-2 from 2025-01-01 needs 8 more for 18:
        // 2025-09-01, less a day -> 2025-08-31 — before Q-2's own 12 consecutive months
        // (2025-12-31).
        let o = one(&obs, K::QrtpLongStay);
        expect(
            o,
            RuleId::QrtpLongStay,
            d(2024, 1, 1),
            d(2025, 8, 31),
            Status::Upcoming,
            None,
        );
        assert_eq!(o.subject(), Some(&placement("Q-2")));
    }

    /// The young child removed 2024-01-08 into `setting`.
    fn institution(placement: NewPlacement, more: Vec<Event>) -> Case {
        let mut events = vec![
            removal(d(2024, 1, 8)),
            ev(d(2024, 1, 8), EventData::PlacementBegun(placement)),
        ];
        events.extend(more);
        case_of(events)
    }

    #[test]
    fn a_child_care_institution_is_paid_for_two_weeks() {
        let cci = np("C-1", Setting::ChildCareInstitution, None);
        // The first 14 days from 2024-01-08: Jan 8 ..= Jan 21; the third week starts 2024-01-22,
        // the day the child must be out by (the due date) and the first day without payment.
        let stays = institution(cci.clone(), vec![]);
        let obs = stays.obligations(d(2024, 1, 15), &FEDERAL);
        let o = one(&obs, K::CongregateCareLimit);
        expect(
            o,
            RuleId::CongregateCareLimit,
            d(2024, 1, 8),
            d(2024, 1, 22),
            Status::Upcoming,
            None,
        );
        assert_eq!(
            (o.subject(), o.episode()),
            (Some(&placement("C-1")), Some(1))
        );
        let obs = stays.obligations(d(2024, 1, 25), &FEDERAL);
        expect(
            one(&obs, K::CongregateCareLimit),
            RuleId::CongregateCareLimit,
            d(2024, 1, 8),
            d(2024, 1, 22),
            Status::Overdue,
            Some(Consequence::NoPaymentFrom(d(2024, 1, 22))),
        );

        // Moved on 2024-01-22, the first day of the third week: the last day there was the 21st.
        let moved = institution(cci.clone(), vec![to_foster(d(2024, 1, 22), "P-1")]);
        let obs = moved.obligations(d(2024, 2, 1), &FEDERAL);
        let o = one(&obs, K::CongregateCareLimit);
        assert_eq!(
            (o.status(), o.consequence()),
            (Status::Met(d(2024, 1, 22)), None)
        );

        let moved_late = institution(cci, vec![to_foster(d(2024, 1, 23), "P-1")]);
        let obs = moved_late.obligations(d(2024, 2, 1), &FEDERAL);
        let o = one(&obs, K::CongregateCareLimit);
        assert_eq!(
            (o.status(), o.consequence()),
            (
                Status::MetLate(d(2024, 1, 23)),
                Some(Consequence::NoPaymentFrom(d(2024, 1, 22)))
            )
        );
    }

    #[test]
    fn a_qrtp_or_a_specified_setting_has_no_two_week_limit() {
        let case = institution(np("Q-1", Setting::Qrtp, None), vec![]);
        none_of(
            &case.obligations(d(2024, 3, 1), &FEDERAL),
            K::CongregateCareLimit,
        );
        for s in [
            SpecifiedSetting::SexTraffickingVictims,
            SpecifiedSetting::PrenatalPostpartumParenting,
            SpecifiedSetting::FamilyBasedSubstanceAbuseTreatment,
        ] {
            let specified = np("C-1", Setting::ChildCareInstitution, None)
                .specified_as(s)
                .unwrap();
            let case = institution(specified, vec![]);
            none_of(
                &case.obligations(d(2024, 3, 1), &FEDERAL),
                K::CongregateCareLimit,
            );
        }
    }

    #[test]
    fn supervised_independent_living_is_reimbursable_only_from_18() {
        // The teen turns 18 on 2025-09-30; supervised independent living from 2025-03-01.
        let events = vec![
            removal(d(2025, 1, 10)),
            foster(d(2025, 1, 10), "P-1"),
            change(
                d(2025, 3, 1),
                "S-1",
                Setting::SupervisedIndependentLiving,
                None,
            ),
        ];
        let case = build(teen(), &FEDERAL, events);
        let ineligible = Some(Consequence::IneligibleBetween {
            from: d(2025, 3, 1),
            until: Some(d(2025, 9, 30)),
        });
        let obs = case.obligations(d(2025, 4, 1), &FEDERAL);
        let o = one(&obs, K::IndependentLivingAge);
        // The rule is the congregate-care limit's (SSA §472(k)(2)(C), §472(c)(2)).
        expect(
            o,
            RuleId::CongregateCareLimit,
            d(2025, 3, 1),
            d(2025, 9, 30),
            Status::Upcoming,
            ineligible,
        );
        assert_eq!(o.subject(), Some(&placement("S-1")));
        let obs = case.obligations(d(2025, 9, 30), &FEDERAL);
        expect(
            one(&obs, K::IndependentLivingAge),
            RuleId::CongregateCareLimit,
            d(2025, 3, 1),
            d(2025, 9, 30),
            Status::Reached,
            ineligible,
        );

        // From the 18th birthday on, nothing is owed.
        let adult = FEDERAL.with_extended_care_age(Some(21)).unwrap();
        let case = build(
            teen(),
            &adult,
            vec![
                removal(d(2025, 1, 10)),
                foster(d(2025, 1, 10), "P-1"),
                change(
                    d(2025, 9, 30),
                    "S-1",
                    Setting::SupervisedIndependentLiving,
                    None,
                ),
            ],
        );
        none_of(
            &case.obligations(d(2025, 11, 1), &adult),
            K::IndependentLivingAge,
        );
    }

    #[test]
    fn a_prevention_period_lasts_12_months_from_candidacy() {
        let open = ev(
            d(2024, 2, 10),
            EventData::OpenPreservation(Candidacy::FosterCareCandidate),
        );
        // The 12-month period that begins 2024-02-10: through 2025-02-10 less a day, 2025-02-09;
        // it must be closed (or renewed) by 2025-02-10, the due date.
        let case = case_of(vec![open.clone()]);
        let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
        let o = one(&obs, K::PreventionPeriod);
        expect(
            o,
            RuleId::PreventionPeriod,
            d(2024, 2, 10),
            d(2025, 2, 10),
            Status::Upcoming,
            None,
        );
        assert_eq!((o.episode(), o.subject()), (None, None));
        let obs = case.obligations(d(2025, 2, 11), &FEDERAL);
        expect(
            one(&obs, K::PreventionPeriod),
            RuleId::PreventionPeriod,
            d(2024, 2, 10),
            d(2025, 2, 10),
            Status::Overdue,
            Some(Consequence::NoPaymentFrom(d(2025, 2, 10))),
        );

        // A removal ends it early: the child is no longer a candidate.
        let case = case_of(vec![open.clone(), removal(d(2024, 6, 1))]);
        let obs = case.obligations(d(2024, 7, 1), &FEDERAL);
        expect(
            one(&obs, K::PreventionPeriod),
            RuleId::PreventionPeriod,
            d(2024, 2, 10),
            d(2025, 2, 10),
            Status::Met(d(2024, 6, 1)),
            None,
        );

        // A new candidacy closes the first period and opens a new one: 2024-05-01 + 12 months =
        // 2025-05-01, the due date (services through 2025-04-30).
        let case = case_of(vec![
            open,
            ev(
                d(2024, 5, 1),
                EventData::CandidacyIdentified(Candidacy::PregnantOrParentingYouth),
            ),
        ]);
        let obs = case.obligations(d(2024, 7, 1), &FEDERAL);
        let periods = all(&obs, K::PreventionPeriod);
        assert_eq!(periods.len(), 2);
        assert_eq!(periods[0].status(), Status::Met(d(2024, 5, 1)));
        expect(
            periods[1],
            RuleId::PreventionPeriod,
            d(2024, 5, 1),
            d(2025, 5, 1),
            Status::Upcoming,
            None,
        );

        // In-home services without a prevention plan open no period.
        let case = case_of(vec![ev(
            d(2024, 2, 10),
            EventData::OpenPreservation(Candidacy::NotCandidate),
        )]);
        none_of(
            &case.obligations(d(2024, 6, 1), &FEDERAL),
            K::PreventionPeriod,
        );
    }
}

// ================================================================================================
// Ages of a child in care, and kinship guardianship

mod ages {
    use super::*;

    #[test]
    fn transition_services_for_a_youth_who_enters_care_at_15() {
        // The teen (14 on 2021-09-30) is removed 2023-01-10 at 15: the services are due with the
        // initial case plan, 2023-01-10 + 60 days = 2023-03-11 (later than 2021-09-30 + 6 months).
        let case = build(
            teen(),
            &FEDERAL,
            vec![removal(d(2023, 1, 10)), case_plan(d(2023, 2, 1))],
        );
        let obs = case.obligations(d(2023, 4, 1), &FEDERAL);
        let o = one(&obs, K::TransitionServices);
        expect(
            o,
            RuleId::TransitionServices,
            d(2023, 1, 10),
            d(2023, 3, 11),
            Status::Met(d(2023, 2, 1)),
            None,
        );
        assert_eq!(o.episode(), Some(1));
    }

    #[test]
    fn transition_services_for_a_child_who_turns_14_in_care() {
        // Born 2009-03-15: 14 on 2023-03-15. The crate reads the duty as a case plan on or after
        // the birthday, within the review period after it: 2023-03-15 + 6 months = 2023-09-15.
        let child = child_born(d(2009, 3, 15));
        let events = vec![removal(d(2022, 1, 10)), case_plan(d(2022, 2, 1))];
        let case = build(child.clone(), &FEDERAL, events.clone());
        let obs = case.obligations(d(2023, 1, 1), &FEDERAL);
        expect(
            one(&obs, K::TransitionServices),
            RuleId::TransitionServices,
            d(2023, 3, 15),
            d(2023, 9, 15),
            Status::NotYetApplicable,
            None,
        );
        // The plan made at 12 does not count.
        let obs = case.obligations(d(2023, 9, 16), &FEDERAL);
        assert_eq!(one(&obs, K::TransitionServices).status(), Status::Overdue);

        let mut events = events;
        events.push(case_plan(d(2023, 6, 1)));
        let case = build(child, &FEDERAL, events);
        let obs = case.obligations(d(2023, 9, 16), &FEDERAL);
        assert_eq!(
            one(&obs, K::TransitionServices).status(),
            Status::Met(d(2023, 6, 1))
        );
    }

    #[test]
    fn appla_becomes_available_at_16() {
        let case = build(teen(), &FEDERAL, vec![removal(d(2023, 1, 10))]);
        // 16 on 2007-09-30 + 16 years = 2023-09-30.
        let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
        expect(
            one(&obs, K::ApplaEligibility),
            RuleId::ApplaEligibility,
            d(2023, 9, 30),
            d(2023, 9, 30),
            Status::Upcoming,
            None,
        );
        let obs = case.obligations(d(2023, 9, 30), &FEDERAL);
        assert_eq!(one(&obs, K::ApplaEligibility).status(), Status::Reached);
    }

    #[test]
    fn the_transition_plan_is_made_in_the_90_days_before_18() {
        // 18 on 2025-09-30. The 90 days immediately before: Jul 2..31 (30) + Aug (31) + Sep
        // 1..29 (29) = 90, so the window opens 2025-07-02 and the last day is 2025-09-29.
        let early = build(
            teen(),
            &FEDERAL,
            vec![removal(d(2023, 1, 10)), transition_plan(d(2025, 6, 15))],
        );
        let obs = early.obligations(d(2025, 7, 1), &FEDERAL);
        expect(
            one(&obs, K::TransitionPlan),
            RuleId::TransitionPlan,
            d(2025, 7, 2),
            d(2025, 9, 29),
            Status::NotYetApplicable,
            None,
        );
        // The plan of 2025-06-15, before the window, does not count.
        let obs = early.obligations(d(2025, 8, 1), &FEDERAL);
        assert_eq!(one(&obs, K::TransitionPlan).status(), Status::Upcoming);
        let obs = early.obligations(d(2025, 9, 30), &FEDERAL);
        assert_eq!(one(&obs, K::TransitionPlan).status(), Status::Overdue);

        let in_window = build(
            teen(),
            &FEDERAL,
            vec![removal(d(2023, 1, 10)), transition_plan(d(2025, 7, 2))],
        );
        let obs = in_window.obligations(d(2025, 8, 1), &FEDERAL);
        expect(
            one(&obs, K::TransitionPlan),
            RuleId::TransitionPlan,
            d(2025, 7, 2),
            d(2025, 9, 29),
            Status::Met(d(2025, 7, 2)),
            None,
        );
    }

    #[test]
    fn care_ends_at_18_or_at_the_extended_care_age() {
        let case = build(teen(), &FEDERAL, vec![removal(d(2023, 1, 10))]);
        // 18 on 2025-09-30: in care through 2025-09-29 at the latest.
        let obs = case.obligations(d(2025, 9, 29), &FEDERAL);
        expect(
            one(&obs, K::CareEndAge),
            RuleId::CareEndAge,
            d(2025, 9, 29),
            d(2025, 9, 29),
            Status::Upcoming,
            None,
        );
        let obs = case.obligations(d(2025, 9, 30), &FEDERAL);
        assert_eq!(one(&obs, K::CareEndAge).status(), Status::Overdue);

        // Extended care to 21: 21 on 2028-09-30. The transition plan window moves with it:
        // 2028-09-30 less 90 days (29 in Sep, 31 in Aug, 30 in Jul) = 2028-07-02.
        let extended = FEDERAL.with_extended_care_age(Some(21)).unwrap();
        let obs = case.obligations(d(2025, 10, 1), &extended);
        expect(
            one(&obs, K::CareEndAge),
            RuleId::CareEndAge,
            d(2028, 9, 29),
            d(2028, 9, 29),
            Status::Upcoming,
            None,
        );
        let o = one(&obs, K::TransitionPlan);
        assert_eq!(
            (o.counts_from(), o.due(), o.status()),
            (d(2028, 7, 2), d(2028, 9, 29), Status::NotYetApplicable)
        );

        // Emancipated on the 18th birthday: the age clocks are about a child in care, and end.
        let case = build(
            teen(),
            &FEDERAL,
            vec![
                removal(d(2023, 1, 10)),
                discharge(d(2025, 9, 30), ExitReason::Emancipated),
            ],
        );
        let obs = case.obligations(d(2025, 10, 1), &FEDERAL);
        for kind in [
            K::TransitionServices,
            K::ApplaEligibility,
            K::TransitionPlan,
            K::CareEndAge,
        ] {
            none_of(&obs, kind);
        }
    }

    #[test]
    fn a_leap_day_birthday_follows_the_policy() {
        // Born 2008-02-29; 2026 is a common year. By default the 18th birthday is 2026-02-28,
        // so care ends by 2026-02-27 and the 90-day window opens 2026-02-28 − 90 days (28 in
        // Feb, 31 in Jan, 31 in Dec) = 2025-11-30.
        let case = build(
            child_born(d(2008, 2, 29)),
            &FEDERAL,
            vec![removal(d(2023, 1, 10))],
        );
        let obs = case.obligations(d(2023, 6, 1), &FEDERAL);
        assert_eq!(one(&obs, K::CareEndAge).due(), d(2026, 2, 27));
        let o = one(&obs, K::TransitionPlan);
        assert_eq!(
            (o.counts_from(), o.due()),
            (d(2025, 11, 30), d(2026, 2, 27))
        );
        // 16 falls in a leap year: 2024-02-29 under either convention.
        assert_eq!(one(&obs, K::ApplaEligibility).due(), d(2024, 2, 29));

        // Where the birthday is 1 March: 18 on 2026-03-01, in care through 2026-02-28; the window
        // opens 2026-03-01 − 90 days (1 + 28 + 31 + 30) = 2025-12-01.
        let march = FEDERAL.with_leap_day_birthday(permanency::date::LeapDayBirthday::March1);
        let obs = case.obligations(d(2023, 6, 1), &march);
        assert_eq!(one(&obs, K::CareEndAge).due(), d(2026, 2, 28));
        let o = one(&obs, K::TransitionPlan);
        assert_eq!((o.counts_from(), o.due()), (d(2025, 12, 1), d(2026, 2, 28)));
    }

    #[test]
    fn kinship_guardianship_after_6_months_in_the_relatives_licensed_home() {
        // Licensed since 2020-01-01; placed 2024-03-01; 2024-03-01 + 6 months = 2024-09-01.
        let case = case_of(vec![
            removal(d(2024, 3, 1)),
            relative_home(d(2024, 3, 1), "R-1"),
        ]);
        let obs = case.obligations(d(2024, 5, 1), &FEDERAL);
        let o = one(&obs, K::KinshipGuardianshipEligibility);
        expect(
            o,
            RuleId::KinshipGuardianshipEligibility,
            d(2024, 3, 1),
            d(2024, 9, 1),
            Status::Upcoming,
            None,
        );
        assert_eq!(o.subject(), Some(&family("F-REL")));
        let obs = case.obligations(d(2024, 9, 1), &FEDERAL);
        assert_eq!(
            one(&obs, K::KinshipGuardianshipEligibility).status(),
            Status::Reached
        );

        // Licensed only from 2024-05-15: the months count from the licence, 2024-11-15.
        let case = build_with(
            young(),
            families_with_relative(relative_family(d(2024, 5, 15))),
            &FEDERAL,
            vec![removal(d(2024, 3, 1)), relative_home(d(2024, 3, 1), "R-1")],
        );
        let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
        expect(
            one(&obs, K::KinshipGuardianshipEligibility),
            RuleId::KinshipGuardianshipEligibility,
            d(2024, 5, 15),
            d(2024, 11, 15),
            Status::Upcoming,
            None,
        );
        // Before the licence, nothing counts yet.
        none_of(
            &case.obligations(d(2024, 5, 1), &FEDERAL),
            K::KinshipGuardianshipEligibility,
        );
        // Nor in a non-relative home.
        let case = case_of(vec![removal(d(2024, 3, 1)), foster(d(2024, 3, 1), "P-1")]);
        none_of(
            &case.obligations(d(2024, 10, 1), &FEDERAL),
            K::KinshipGuardianshipEligibility,
        );
    }
}

// ================================================================================================
// Reading the past, citations, coverage

mod reading {
    use super::*;

    /// The case a date would have seen: the same child and families, the events on or before it.
    fn as_it_was(case: &Case, as_of: NaiveDate, policy: &Policy) -> Case {
        let events = case.events().iter().filter(|e| e.date() <= as_of).cloned();
        Case::replay(
            case.child().clone(),
            case.opening_families().to_vec(),
            events,
            policy,
        )
        .unwrap()
    }

    #[test]
    fn events_after_the_date_asked_are_ignored() {
        let case = case_of(vec![
            removal(d(2023, 1, 10)),
            ctw(d(2023, 1, 10)),
            foster(d(2023, 1, 10), "P-1"),
            abuse(d(2023, 2, 1)),
            case_plan(d(2023, 3, 1)),
            review(d(2023, 6, 1)),
            hearing(d(2023, 11, 15)),
            finalize(d(2023, 11, 15)),
            petition(d(2024, 2, 1)),
        ]);
        for as_of in [
            d(2023, 1, 9),
            d(2023, 1, 10),
            d(2023, 1, 20),
            d(2023, 2, 1),
            d(2023, 5, 31),
            d(2023, 11, 14),
            d(2024, 1, 1),
            d(2024, 6, 1),
        ] {
            assert_eq!(
                case.obligations(as_of, &FEDERAL),
                as_it_was(&case, as_of, &FEDERAL).obligations(as_of, &FEDERAL),
                "as of {as_of}"
            );
        }
        // As of 2023-01-20 the abuse finding of 2023-02-01 is unknown: DEFC is projected at
        // removal + 60 days (2023-03-11), and the hearing of 2023-11-15 has not happened.
        let obs = case.obligations(d(2023, 1, 20), &FEDERAL);
        let o = one(&obs, K::PermanencyHearing);
        assert_eq!(
            (o.counts_from(), o.due(), o.status()),
            (d(2023, 3, 11), d(2024, 3, 11), Status::Upcoming)
        );
        // Before the removal, nothing is owed.
        assert!(case.obligations(d(2023, 1, 9), &FEDERAL).is_empty());
    }

    #[test]
    fn a_family_recorded_after_the_date_asked_is_ignored() {
        let revoked = relative_family_with(LicenceStatus::Revoked, d(2020, 1, 1));
        let case = case_of(vec![
            removal(d(2024, 3, 1)),
            relative_home(d(2024, 3, 1), "R-1"),
            ev(d(2024, 7, 1), EventData::FamilyRecorded(Box::new(revoked))),
        ]);
        let as_of = d(2024, 5, 1);
        // On 2024-05-01 the licence was in force: eligible on 2024-03-01 + 6 months.
        let then = as_it_was(&case, as_of, &FEDERAL).obligations(as_of, &FEDERAL);
        assert_eq!(
            one(&then, K::KinshipGuardianshipEligibility).due(),
            d(2024, 9, 1)
        );
        assert_eq!(case.obligations(as_of, &FEDERAL), then);
    }

    #[test]
    fn a_re_entry_after_the_date_asked_does_not_end_the_episode_back_then() {
        let case = case_of(vec![
            removal(d(2024, 1, 1)),
            foster(d(2024, 1, 1), "P-1"),
            visit(d(2024, 1, 15), "V-1"),
            removal(d(2024, 8, 1)),
        ]);
        let as_of = d(2024, 7, 20);
        assert_eq!(
            case.obligations(as_of, &FEDERAL),
            as_it_was(&case, as_of, &FEDERAL).obligations(as_of, &FEDERAL)
        );
    }

    #[test]
    fn a_review_met_early_stays_met_after_the_child_leaves_care() {
        let case = case_of(vec![
            removal(d(2023, 1, 10)),
            case_plan(d(2023, 2, 1)),
            review(d(2023, 6, 1)),
            discharge(d(2023, 6, 15), ExitReason::Reunified),
        ]);
        // As of 2023-06-10: the review due 2023-01-10 + 6 months = 2023-07-10 was met on 06-01.
        let before = case.obligations(d(2023, 6, 10), &FEDERAL);
        assert_eq!(
            all(&before, K::PeriodicReview)[0].status(),
            Status::Met(d(2023, 6, 1))
        );
        let after = case.obligations(d(2023, 7, 1), &FEDERAL);
        // The case plan (due 2023-03-11) keeps its record after the exit...
        assert_eq!(
            one(&after, K::CasePlan).status(),
            Status::Met(d(2023, 2, 1))
        );
        // ...and so should the review.
        let o = one(&after, K::PeriodicReview);
        assert_eq!(
            (o.due(), o.status()),
            (d(2023, 7, 10), Status::Met(d(2023, 6, 1)))
        );
    }

    /// A handful of histories that between them owe every kind of obligation.
    fn showcase() -> Vec<(Case, NaiveDate)> {
        let teen_case = build(
            teen(),
            &FEDERAL,
            vec![
                removal(d(2023, 1, 10)),
                ctw(d(2023, 1, 10)),
                relative_home(d(2023, 1, 10), "R-1"),
                excused(d(2023, 3, 1), AggravatedGround::FelonyAgainstChild),
            ],
        );
        let infant = build(
            child_born(d(2023, 1, 1)),
            &FEDERAL,
            vec![
                removal(d(2023, 1, 10)),
                finding(d(2023, 2, 15), Finding::AbandonedInfant),
            ],
        );
        let vpa = case_of(vec![voluntary(d(2023, 5, 1))]);
        let thv = case_of(vec![
            removal(d(2024, 1, 1)),
            foster(d(2024, 1, 1), "P-1"),
            visit(d(2024, 1, 15), "V-1"),
        ]);
        let q = build(
            teen(),
            &FEDERAL,
            vec![
                removal(d(2024, 1, 1)),
                qrtp(d(2024, 1, 10), "Q-1"),
                assessed(d(2024, 2, 1), "Q-1", QrtpAssessment::NotAppropriate),
                ev(
                    d(2024, 2, 15),
                    EventData::CourtFinding(Finding::QrtpApproved {
                        placement: plid("Q-1"),
                    }),
                ),
            ],
        );
        let cci = case_of(vec![
            removal(d(2024, 1, 8)),
            begin(d(2024, 1, 8), "C-1", Setting::ChildCareInstitution, None),
        ]);
        let sil = build(
            teen(),
            &FEDERAL,
            vec![
                removal(d(2025, 1, 10)),
                begin(
                    d(2025, 1, 10),
                    "S-1",
                    Setting::SupervisedIndependentLiving,
                    None,
                ),
            ],
        );
        let prevention = case_of(vec![ev(
            d(2024, 2, 10),
            EventData::OpenPreservation(Candidacy::FosterCareCandidate),
        )]);
        vec![
            (teen_case, d(2023, 4, 1)),
            (infant, d(2023, 3, 1)),
            (vpa, d(2023, 6, 1)),
            (thv, d(2024, 2, 1)),
            (q, d(2024, 2, 20)),
            (cci, d(2024, 2, 1)),
            (sil, d(2025, 2, 1)),
            (prevention, d(2024, 3, 1)),
        ]
    }

    #[test]
    fn every_kind_of_obligation_is_covered() {
        let every = [
            K::ContraryToWelfare,
            K::PreventRemovalEfforts,
            K::CasePlan,
            K::RelativeNotice,
            K::PeriodicReview,
            K::PermanencyHearing,
            K::FinalizeEfforts,
            K::NoReunificationHearing,
            K::FifteenOfTwentyTwo,
            K::AbandonedInfantPetition,
            K::FelonyPetition,
            K::VoluntaryPlacement,
            K::TrialHomeVisitLimit,
            K::QrtpAssessment,
            K::QrtpCourtApproval,
            K::QrtpTransition,
            K::QrtpLongStay,
            K::CongregateCareLimit,
            K::IndependentLivingAge,
            K::PreventionPeriod,
            K::TransitionServices,
            K::ApplaEligibility,
            K::TransitionPlan,
            K::CareEndAge,
            K::KinshipGuardianshipEligibility,
        ];
        let seen: BTreeSet<K> = showcase()
            .iter()
            .flat_map(|(case, as_of)| case.obligations(*as_of, &FEDERAL))
            .map(|o| o.kind())
            .collect();
        let expected: BTreeSet<K> = every.into_iter().collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn every_obligation_cites_its_rule() {
        for (case, as_of) in showcase() {
            for o in case.obligations(as_of, &FEDERAL) {
                assert_eq!(o.rule(), o.kind().rule());
                assert_eq!(o.citation(), o.rule().citation());
                assert!(!o.citation().is_empty());
            }
        }
        // The rule of each kind: its namesake, except supervised independent living, which is
        // part of the congregate-care limit.
        for (kind, rule) in [
            (K::ContraryToWelfare, RuleId::ContraryToWelfare),
            (K::FifteenOfTwentyTwo, RuleId::FifteenOfTwentyTwo),
            (K::CongregateCareLimit, RuleId::CongregateCareLimit),
            (K::IndependentLivingAge, RuleId::CongregateCareLimit),
            (K::CareEndAge, RuleId::CareEndAge),
        ] {
            assert_eq!(kind.rule(), rule, "{kind:?}");
        }
        assert_eq!(
            RuleId::FifteenOfTwentyTwo.citation(),
            "SSA §475(5)(E); 45 CFR 1356.21(i)(1)(i)"
        );
    }

    #[test]
    fn obligations_are_ordered_by_due_date() {
        for (case, as_of) in showcase() {
            let obs = case.obligations(as_of, &FEDERAL);
            assert!(obs.windows(2).all(|w| w[0].due() <= w[1].due()), "{obs:#?}");
            assert!(obs.iter().all(|o| o.counts_from() <= o.due()));
        }
    }
}

// ================================================================================================
// Found in review: the first order after an emergency removal, exceptions outside the window,
// and the policy switches for the readings DOMAIN.md leaves open.

mod review {
    use super::*;
    use permanency::policy::{DetentionTime, HearingRhythm, KinshipClock, PreventionRenewal};

    fn emergency(date: NaiveDate) -> Event {
        ev(date, EventData::Removal(Removal::new(Manner::Emergency)))
    }

    #[test]
    fn after_an_emergency_removal_the_first_order_carries_contrary_to_the_welfare() {
        // Removed 2023-01-02 with no order; the first order, 2023-01-05, has the finding.
        let on_time = case_of(vec![emergency(d(2023, 1, 2)), ctw(d(2023, 1, 5))]);
        let o = one(
            &on_time.obligations(d(2023, 2, 1), &FEDERAL),
            K::ContraryToWelfare,
        )
        .clone();
        expect(
            &o,
            RuleId::ContraryToWelfare,
            d(2023, 1, 2),
            d(2023, 1, 5),
            Status::Met(d(2023, 1, 5)),
            None,
        );
        // Before any order, nothing is due yet.
        let waiting = case_of(vec![emergency(d(2023, 1, 2))]);
        let o = one(
            &waiting.obligations(d(2023, 1, 3), &FEDERAL),
            K::ContraryToWelfare,
        )
        .clone();
        assert_eq!(
            (o.due(), o.status()),
            (d(2023, 1, 2), Status::NotYetApplicable)
        );
        // The first order (2023-01-05) found only efforts; the welfare finding came 2023-01-20:
        // too late, the whole episode is ineligible.
        let late = case_of(vec![
            emergency(d(2023, 1, 2)),
            prevention(d(2023, 1, 5), PreventionEfforts::Made),
            ctw(d(2023, 1, 20)),
        ]);
        expect(
            one(
                &late.obligations(d(2023, 2, 1), &FEDERAL),
                K::ContraryToWelfare,
            ),
            RuleId::ContraryToWelfare,
            d(2023, 1, 2),
            d(2023, 1, 5),
            Status::MetLate(d(2023, 1, 20)),
            Some(Consequence::IneligibleForEpisode),
        );
    }

    #[test]
    fn an_exception_documented_before_the_window_waives_nothing() {
        // Episode 1 in 2016, with a compelling reason documented then; re-entry 2022-01-03 with
        // an adjudication that day: DEFC 2022-01-03, + 15 months = 2023-04-03, less a day =
        // 2023-04-02. The 22-month window ending then starts 2021-06-03: 2016 is long gone.
        let old = vec![
            removal(d(2016, 1, 4)),
            abuse(d(2016, 1, 4)),
            exception(d(2016, 2, 1), TprException::CompellingReason),
            discharge(d(2016, 3, 1), ExitReason::Reunified),
            removal(d(2022, 1, 3)),
            abuse(d(2022, 1, 3)),
        ];
        let case = build(teen(), &FEDERAL, old.clone());
        let o = one(
            &case.obligations(d(2023, 5, 1), &FEDERAL),
            K::FifteenOfTwentyTwo,
        )
        .clone();
        expect(
            &o,
            RuleId::FifteenOfTwentyTwo,
            d(2022, 1, 3),
            d(2023, 4, 2),
            Status::Overdue,
            None,
        );
        let mut recent = old;
        recent.push(exception(d(2022, 6, 1), TprException::CompellingReason));
        let case = build(teen(), &FEDERAL, recent);
        let o = one(
            &case.obligations(d(2023, 5, 1), &FEDERAL),
            K::FifteenOfTwentyTwo,
        )
        .clone();
        assert_eq!(o.status(), Status::Waived(Waiver::CompellingReason));
    }

    #[test]
    fn permanency_hearings_may_follow_a_fixed_schedule_from_defc() {
        // DEFC 2023-01-10; an early hearing 2023-11-15. On the fixed schedule the next is due
        // DEFC + 24 months = 2025-01-10 (counted from the first scheduled date, 2024-01-10),
        // not 2024-11-15.
        let fixed = Policy::federal().with_hearing_rhythm(HearingRhythm::FromDefc);
        let events = vec![
            removal(d(2023, 1, 10)),
            abuse(d(2023, 1, 10)),
            hearing(d(2023, 11, 15)),
        ];
        let case = build(young(), &fixed, events);
        let obs = case.obligations(d(2024, 6, 1), &fixed);
        let hearings = all(&obs, K::PermanencyHearing);
        assert_eq!(hearings.len(), 2);
        assert_eq!(hearings[0].status(), Status::Met(d(2023, 11, 15)));
        expect(
            hearings[1],
            RuleId::PermanencyHearing,
            d(2024, 1, 10),
            d(2025, 1, 10),
            Status::Upcoming,
            None,
        );
    }

    #[test]
    fn detention_days_count_toward_15_of_22_unless_the_policy_excludes_them() {
        // DEFC 2023-01-01; detention 2023-03-01 to 2023-04-01 (one month).
        let events = || {
            vec![
                removal(d(2023, 1, 1)),
                abuse(d(2023, 1, 1)),
                foster(d(2023, 1, 1), "P-1"),
                change(d(2023, 3, 1), "P-2", Setting::JuvenileJusticeFacility, None),
                to_foster(d(2023, 4, 1), "P-3"),
            ]
        };
        // Counted: continuous from 2023-01-01, 15 months end 2024-03-31.
        let counted = case_of(events());
        let o = one(
            &counted.obligations(d(2024, 1, 1), &FEDERAL),
            K::FifteenOfTwentyTwo,
        )
        .clone();
        assert_eq!(o.due(), d(2024, 3, 31));
        // Excluded: 2 months (Jan, Feb) + 13 from 2023-04-01 = 2024-05-01, less a day.
        let excluded = Policy::federal().with_detention_time(DetentionTime::Excluded);
        let case = build(young(), &excluded, events());
        let o = one(
            &case.obligations(d(2024, 1, 1), &excluded),
            K::FifteenOfTwentyTwo,
        )
        .clone();
        assert_eq!(o.due(), d(2024, 4, 30));
    }

    #[test]
    fn kinship_months_may_count_from_the_move_rather_than_the_licence() {
        // With the grandmother since 2024-01-01; her home licensed 2024-03-01.
        let families = families_with_relative(relative_family(d(2024, 3, 1)));
        let events = vec![removal(d(2024, 1, 1)), relative_home(d(2024, 1, 1), "P-1")];
        let case = build_with(young(), families.clone(), &FEDERAL, events.clone());
        // Licensed months only: 2024-03-01 + 6 months = 2024-09-01.
        let o = one(
            &case.obligations(d(2024, 5, 1), &FEDERAL),
            K::KinshipGuardianshipEligibility,
        )
        .clone();
        assert_eq!((o.counts_from(), o.due()), (d(2024, 3, 1), d(2024, 9, 1)));
        // Every month in the home: 2024-01-01 + 6 months = 2024-07-01.
        let all_months = Policy::federal().with_kinship_clock(KinshipClock::AllMonthsInHome);
        let case = build_with(young(), families, &all_months, events);
        let o = one(
            &case.obligations(d(2024, 5, 1), &all_months),
            K::KinshipGuardianshipEligibility,
        )
        .clone();
        assert_eq!((o.counts_from(), o.due()), (d(2024, 1, 1), d(2024, 7, 1)));
    }

    #[test]
    fn a_state_may_allow_one_prevention_period_only() {
        // Candidacy 2024-02-10, a new prevention plan 2024-05-01: under FirstOnly the first period
        // runs on (due 2025-02-10) and no second opens.
        let once = Policy::federal().with_prevention_renewal(PreventionRenewal::FirstOnly);
        let events = vec![
            ev(
                d(2024, 2, 10),
                EventData::OpenPreservation(Candidacy::FosterCareCandidate),
            ),
            ev(
                d(2024, 5, 1),
                EventData::CandidacyIdentified(Candidacy::FosterCareCandidate),
            ),
        ];
        let case = build(young(), &once, events);
        let o = one(&case.obligations(d(2024, 7, 1), &once), K::PreventionPeriod).clone();
        expect(
            &o,
            RuleId::PreventionPeriod,
            d(2024, 2, 10),
            d(2025, 2, 10),
            Status::Upcoming,
            None,
        );
    }
}
