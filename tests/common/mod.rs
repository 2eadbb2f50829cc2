//! The one cast of the scenario tests: the dates, the child, the families and the events they are
//! written with, and the few ways a test builds a case and reads the answer.
//!
//! A test reads as a list of dated facts and the rule it expects:
//!
//! ```text
//! let mut case = in_care();                                   // removed 2024-01-10, placed in F-FOSTER
//! accept(&mut case, plan(d(2024, 2, 1), Goal::Adoption), &FEDERAL);
//! let r = refuse(&mut case, visit(d(2024, 3, 1), "P-2"), &FEDERAL);
//! assert_eq!(rules(&r), [RuleId::VisitGoalNotReunification]);
//! ```
//!
//! or, for the clocks, as a history replayed and the obligation it owes on a date:
//!
//! ```text
//! let case = case_of(vec![removal(d(2023, 1, 10)), ctw(d(2023, 1, 10))]);
//! let o = one(&case.obligations(d(2023, 2, 1), &FEDERAL), K::ContraryToWelfare);
//! ```
//!
//! Where the guard tests and the clock tests used "the same" family with different details (a
//! putative father, license dates), both versions are here under their own names, so that no
//! test changes meaning: see [`birth_family`] / [`birth_family_parents_only`], [`foster_family`] /
//! [`foster_family_2015_to_2030`], [`all_families`] / [`clock_families`].
//!
//! Not every test file uses every helper.
#![allow(dead_code)]

use chrono::NaiveDate;
use permanency::timeline::{Consequence, Obligation, ObligationKind, Status};
use permanency::*;

// ------------------------------------------------------------------------------------------------
// Dates, ids and the policy

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub const FEDERAL: Policy = Policy::federal();

pub fn pid(id: &str) -> PersonId {
    PersonId::new(id).unwrap()
}

pub fn fid(id: &str) -> FamilyId {
    FamilyId::new(id).unwrap()
}

pub fn plid(id: &str) -> PlacementId {
    PlacementId::new(id).unwrap()
}

pub fn member(id: &str, name: &str, relationship: Relationship) -> Member {
    Member::new(Person::new(pid(id), Name::new(name).unwrap()), relationship)
}

/// A foster-home license in force from `since`, to `expires` (inclusive) or with no end.
pub fn license(since: NaiveDate, expires: Option<NaiveDate>) -> FosterLicense {
    FosterLicense::new(LicenseStatus::Licensed, since, expires).unwrap()
}

// ------------------------------------------------------------------------------------------------
// The child

/// The child of most scenarios, Sam (C-1): born 2016-05-04, so 7 or 8 years old in 2024, far
/// from every age milestone.
pub fn child() -> Child {
    child_born(d(2016, 5, 4))
}

/// The same child (C-1, Sam), born on another date.
pub fn child_born(born: NaiveDate) -> Child {
    Child::new(
        ChildId::new("C-1").unwrap(),
        Name::new("Sam").unwrap(),
        born,
        Sex::Male,
    )
    .unwrap()
}

/// Born 2007-09-30: 14 on 2021-09-30, 16 on 2023-09-30, 18 on 2025-09-30, 21 on 2028-09-30.
pub fn teen() -> Child {
    child_born(d(2007, 9, 30))
}

// ------------------------------------------------------------------------------------------------
// Families

/// F-BIRTH: mother (P-MOTHER, Ann) and father (P-FATHER, Bob) are legal parents; a putative father
/// (P-PUTATIVE, Cal) is a member but not a legal parent.
pub fn birth_family() -> Family {
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

/// F-BIRTH as the clock tests record it: mother and father, both legal parents, and no putative
/// father.
pub fn birth_family_parents_only() -> Family {
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

/// F-REL: the grandmother (P-GRANDMA, Dora), licensed as a foster home from 2024-01-01 with no
/// end.
pub fn relative_family() -> Family {
    relative_family_licensed(d(2024, 1, 1))
}

/// F-REL, licensed from `since` with no end.
pub fn relative_family_licensed(since: NaiveDate) -> Family {
    relative_family_with(LicenseStatus::Licensed, since)
}

/// F-REL, with a license from `since` (with no end) in `status`.
pub fn relative_family_with(status: LicenseStatus, since: NaiveDate) -> Family {
    Family::builder(fid("F-REL"), FamilyKind::Relative)
        .member(member("P-GRANDMA", "Dora", Relationship::Grandparent).caregiver())
        .license(FosterLicense::new(status, since, None).unwrap())
        .build()
        .unwrap()
}

/// F-FOSTER: a non-relative foster home (P-FOSTER, Eve) licensed 2023-01-01 to 2026-12-31.
pub fn foster_family() -> Family {
    foster_family_licensed(d(2023, 1, 1), d(2026, 12, 31))
}

/// F-FOSTER as the clock tests record it: licensed 2015-01-01 to 2030-12-31.
pub fn foster_family_2015_to_2030() -> Family {
    foster_family_licensed(d(2015, 1, 1), d(2030, 12, 31))
}

/// F-FOSTER, licensed from `since` to `expires`.
pub fn foster_family_licensed(since: NaiveDate, expires: NaiveDate) -> Family {
    Family::builder(fid("F-FOSTER"), FamilyKind::NonRelativeFoster)
        .member(member("P-FOSTER", "Eve", Relationship::NonRelative).caregiver())
        .license(license(since, Some(expires)))
        .build()
        .unwrap()
}

/// F-ADOPT: a licensed pre-adoptive family (P-ADOPT, Fay), licensed from 2023-01-01 with no end.
pub fn preadoptive_family() -> Family {
    Family::builder(fid("F-ADOPT"), FamilyKind::PreAdoptive)
        .member(member("P-ADOPT", "Fay", Relationship::NonRelative).caregiver())
        .license(license(d(2023, 1, 1), None))
        .build()
        .unwrap()
}

/// F-GUARD: a non-relative guardian (P-GUARD, Gus), never a foster home.
pub fn guardian_family() -> Family {
    Family::builder(fid("F-GUARD"), FamilyKind::Guardian)
        .member(member("P-GUARD", "Gus", Relationship::NonRelative).caregiver())
        .build()
        .unwrap()
}

/// The same household (id, members, license) recorded as another kind: a relative who becomes a
/// guardian, a foster family approved to adopt.
pub fn as_kind(family: &Family, kind: FamilyKind) -> Family {
    let mut b = Family::builder(family.id().clone(), kind);
    for m in family.members() {
        b = b.member(m.clone());
    }
    if let Some(l) = family.license() {
        b = b.license(*l);
    }
    b.build().unwrap()
}

/// The families of the guard tests: F-BIRTH (with the putative father), F-REL (licensed from
/// 2024-01-01), F-FOSTER (2023–2026), F-ADOPT and F-GUARD.
pub fn all_families() -> Vec<Family> {
    vec![
        birth_family(),
        relative_family(),
        foster_family(),
        preadoptive_family(),
        guardian_family(),
    ]
}

/// The families of the clock tests: F-BIRTH (parents only), F-REL licensed from 2020-01-01, and
/// F-FOSTER licensed 2015–2030.
pub fn clock_families() -> Vec<Family> {
    clock_families_with_relative(relative_family_licensed(d(2020, 1, 1)))
}

/// The families of the clock tests with another F-REL.
pub fn clock_families_with_relative(relative: Family) -> Vec<Family> {
    vec![
        birth_family_parents_only(),
        relative,
        foster_family_2015_to_2030(),
    ]
}

// ------------------------------------------------------------------------------------------------
// Events: removals and placements

pub fn ev(date: NaiveDate, what: EventData) -> Event {
    Event::new(date, what).unwrap()
}

pub fn np(id: &str, setting: Setting, caregiver: Option<&str>) -> NewPlacement {
    NewPlacement::new(plid(id), setting, caregiver.map(fid)).unwrap()
}

/// A court-ordered removal from F-BIRTH: the order sanctioning it is dated the removal date.
pub fn removal(date: NaiveDate) -> Event {
    ev(
        date,
        EventData::Removal(Removal::new(Manner::CourtOrder).from_family(fid("F-BIRTH"))),
    )
}

/// A removal by voluntary placement agreement.
pub fn voluntary(date: NaiveDate) -> Event {
    ev(
        date,
        EventData::Removal(Removal::new(Manner::VoluntaryPlacementAgreement)),
    )
}

pub fn begin(date: NaiveDate, id: &str, setting: Setting, caregiver: Option<&str>) -> Event {
    ev(date, EventData::PlacementBegun(np(id, setting, caregiver)))
}

pub fn change(date: NaiveDate, id: &str, setting: Setting, caregiver: Option<&str>) -> Event {
    ev(
        date,
        EventData::PlacementChanged(np(id, setting, caregiver)),
    )
}

/// The first placement, in the non-relative foster home F-FOSTER.
pub fn foster(date: NaiveDate, id: &str) -> Event {
    begin(date, id, Setting::NonRelativeFosterHome, Some("F-FOSTER"))
}

/// A move to the non-relative foster home F-FOSTER.
pub fn to_foster(date: NaiveDate, id: &str) -> Event {
    change(date, id, Setting::NonRelativeFosterHome, Some("F-FOSTER"))
}

/// The first placement, in the grandmother's home F-REL.
pub fn relative_home(date: NaiveDate, id: &str) -> Event {
    begin(date, id, Setting::RelativeFosterHome, Some("F-REL"))
}

/// The first placement, in a QRTP.
pub fn qrtp(date: NaiveDate, id: &str) -> Event {
    begin(date, id, Setting::Qrtp, None)
}

pub fn assessed(date: NaiveDate, id: &str, outcome: QrtpAssessment) -> Event {
    ev(
        date,
        EventData::QrtpAssessed {
            placement: plid(id),
            outcome,
        },
    )
}

pub fn ran_away(date: NaiveDate, id: &str) -> Event {
    ev(date, EventData::RanAway(Runaway::new(plid(id))))
}

pub fn returned(date: NaiveDate, id: &str, setting: Setting, caregiver: Option<&str>) -> Event {
    ev(
        date,
        EventData::ReturnedFromRunaway(np(id, setting, caregiver)),
    )
}

/// Back from a runaway to the non-relative foster home F-FOSTER.
pub fn returned_to_foster(date: NaiveDate, id: &str) -> Event {
    returned(date, id, Setting::NonRelativeFosterHome, Some("F-FOSTER"))
}

/// A trial home visit with the birth family.
pub fn visit(date: NaiveDate, id: &str) -> Event {
    ev(
        date,
        EventData::TrialHomeVisitBegun(HomeVisit::new(plid(id), fid("F-BIRTH"))),
    )
}

/// The end of a visit: back to the non-relative foster home.
pub fn visit_ended(date: NaiveDate, id: &str) -> Event {
    ev(
        date,
        EventData::TrialHomeVisitEnded(np(id, Setting::NonRelativeFosterHome, Some("F-FOSTER"))),
    )
}

pub fn placed_for_adoption(date: NaiveDate, id: &str, setting: Setting, caregiver: &str) -> Event {
    ev(
        date,
        EventData::PlacedForAdoption(np(id, setting, Some(caregiver))),
    )
}

pub fn recorded(date: NaiveDate, family: Family) -> Event {
    ev(date, EventData::FamilyRecorded(Box::new(family)))
}

/// What a discharge carries: a whole [`Discharge`] (family, kinship assistance) or only its
/// reason.
pub trait IntoDischarge {
    fn into_discharge(self) -> Discharge;
}

impl IntoDischarge for Discharge {
    fn into_discharge(self) -> Discharge {
        self
    }
}

impl IntoDischarge for ExitReason {
    /// Only for the reasons that need nothing more (not adoption, death or guardianship).
    fn into_discharge(self) -> Discharge {
        Discharge::try_from(self).expect("a reason a discharge can carry alone")
    }
}

/// `discharge(date, Discharge::Guardianship(Guardianship::new(..)))`, or simply
/// `discharge(date, ExitReason::Reunified)`.
pub fn discharge(date: NaiveDate, discharge: impl IntoDischarge) -> Event {
    ev(date, EventData::Discharge(discharge.into_discharge()))
}

// ------------------------------------------------------------------------------------------------
// Events: plans, parents, court findings, hearings and documents

pub fn plan(date: NaiveDate, goal: Goal) -> Event {
    ev(date, EventData::PlanSet(Goals::primary(goal).unwrap()))
}

pub fn appla_doc() -> ApplaDocumentation {
    ApplaDocumentation::new(
        Note::new("the youth asks to remain with the caregiver").unwrap(),
        Note::new("relative search and adoption recruitment unsuccessful").unwrap(),
    )
}

/// A plan whose primary goal is APPLA, documented.
pub fn appla(date: NaiveDate) -> Event {
    ev(
        date,
        EventData::PlanSet(Goals::new(Goal::Appla, None, Some(appla_doc())).unwrap()),
    )
}

pub fn tpr(date: NaiveDate, parent: &str) -> Event {
    ev(
        date,
        EventData::ParentalRightsTerminated {
            parent: pid(parent),
        },
    )
}

pub fn relinquished(date: NaiveDate, parent: &str) -> Event {
    ev(
        date,
        EventData::ParentalRightsRelinquished {
            parent: pid(parent),
        },
    )
}

pub fn parent_deceased(date: NaiveDate, parent: &str) -> Event {
    ev(
        date,
        EventData::ParentDeceased {
            parent: pid(parent),
        },
    )
}

pub fn finding(date: NaiveDate, f: Finding) -> Event {
    ev(date, EventData::CourtFinding(f))
}

/// The judicial finding that the child was abused or neglected (may set DEFC).
pub fn abuse(date: NaiveDate) -> Event {
    finding(date, Finding::AbuseOrNeglect)
}

/// The finding that remaining at home is contrary to the child's welfare.
pub fn ctw(date: NaiveDate) -> Event {
    finding(date, Finding::ContraryToWelfare)
}

/// The finding on reasonable efforts to prevent the removal.
pub fn prevention(date: NaiveDate, e: PreventionEfforts) -> Event {
    finding(date, Finding::PreventionEfforts(e))
}

/// The finding that reasonable efforts to finalize the permanency plan were made.
pub fn finalize(date: NaiveDate) -> Event {
    finding(date, Finding::FinalizeEfforts(Determination::Made))
}

/// The finding that reunification efforts with the mother are not required, on `ground`.
pub fn excused(date: NaiveDate, ground: AggravatedGround) -> Event {
    finding(
        date,
        Finding::ReunificationEffortsNotRequired {
            parent: pid("P-MOTHER"),
            ground,
        },
    )
}

/// A court order extending the trial home visit through `until`.
pub fn extended(date: NaiveDate, until: NaiveDate) -> Event {
    ev(
        date,
        EventData::CourtFinding(Finding::VisitExtended { until }),
    )
}

pub fn hearing(date: NaiveDate) -> Event {
    ev(date, EventData::PermanencyHearing)
}

pub fn review(date: NaiveDate) -> Event {
    ev(date, EventData::PeriodicReview)
}

pub fn petition(date: NaiveDate) -> Event {
    ev(date, EventData::TprPetitionFiled)
}

pub fn exception(date: NaiveDate, x: TprException) -> Event {
    ev(date, EventData::TprExceptionDocumented(x))
}

pub fn case_plan(date: NaiveDate) -> Event {
    ev(date, EventData::CasePlanCompleted)
}

pub fn transition_plan(date: NaiveDate) -> Event {
    ev(date, EventData::TransitionPlanCompleted)
}

// ------------------------------------------------------------------------------------------------
// Cases applied event by event, and the guards' answers

/// A case opened with every family of [`all_families`], in Intake.
pub fn open_case() -> Case {
    Case::new(child(), all_families()).unwrap()
}

/// Removed from F-BIRTH on 2024-01-10 and placed the same day in F-FOSTER as P-1.
pub fn in_care() -> Case {
    in_care_from(d(2024, 1, 10))
}

/// Removed from F-BIRTH on `date` and placed the same day in F-FOSTER as P-1.
pub fn in_care_from(date: NaiveDate) -> Case {
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

/// Applies an event that must be accepted.
#[track_caller]
pub fn accept(case: &mut Case, event: Event, policy: &Policy) {
    if let Err(rejection) = case.apply(event, policy) {
        panic!("expected the event to be accepted, found: {rejection}");
    }
}

/// Everything a view of the case shows, to compare before and after a refusal.
pub type Derived = (
    Vec<Placement>,
    Vec<Episode>,
    Vec<PermanencyPlan>,
    Vec<ParentStatus>,
    Vec<Family>,
    Option<NaiveDate>,
);

pub fn derived(case: &Case) -> Derived {
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
#[cfg(feature = "serde")]
#[track_caller]
pub fn refuse(case: &mut Case, event: Event, policy: &Policy) -> Rejection {
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

/// The rules a rejection names, in order.
pub fn rules(rejection: &Rejection) -> Vec<RuleId> {
    rejection.rules().collect()
}

/// The message of violation `i`.
pub fn message(rejection: &Rejection, i: usize) -> &str {
    rejection.violations()[i].message()
}

/// The subjects of violation `i`.
pub fn subjects(rejection: &Rejection, i: usize) -> &[Subject] {
    rejection.violations()[i].subjects()
}

// ------------------------------------------------------------------------------------------------
// Cases replayed from a history, and the clocks' answers

/// Replays `events` for `child` with `families` under `policy`; every event must be accepted.
#[track_caller]
pub fn build_with(
    child: Child,
    families: Vec<Family>,
    policy: &Policy,
    events: Vec<Event>,
) -> Case {
    Case::replay(child, families, events, policy)
        .unwrap_or_else(|e| panic!("expected the history to be accepted, found: {e}"))
}

/// Replays `events` for `child` with the [`clock_families`] under `policy`.
#[track_caller]
pub fn build(child: Child, policy: &Policy, events: Vec<Event>) -> Case {
    build_with(child, clock_families(), policy, events)
}

/// The [`child`]'s case, with the [`clock_families`], under the federal policy.
#[track_caller]
pub fn case_of(events: Vec<Event>) -> Case {
    build(child(), &FEDERAL, events)
}

/// Every obligation of `kind`.
pub fn all(obs: &[Obligation], kind: ObligationKind) -> Vec<&Obligation> {
    obs.iter().filter(|o| o.kind() == kind).collect()
}

/// The only obligation of `kind`.
#[track_caller]
pub fn one(obs: &[Obligation], kind: ObligationKind) -> &Obligation {
    let found = all(obs, kind);
    assert_eq!(found.len(), 1, "expected one {kind:?}, found: {found:#?}");
    found[0]
}

/// No obligation of `kind`.
#[track_caller]
pub fn none_of(obs: &[Obligation], kind: ObligationKind) {
    let found = all(obs, kind);
    assert!(found.is_empty(), "expected no {kind:?}, found: {found:#?}");
}

/// Asserts the rule, the date counted from, the due date, the status and the consequence.
#[track_caller]
pub fn expect(
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

pub fn placement(id: &str) -> Subject {
    Subject::Placement(plid(id))
}

pub fn person(id: &str) -> Subject {
    Subject::Person(pid(id))
}

pub fn family(id: &str) -> Subject {
    Subject::Family(fid(id))
}

// ------------------------------------------------------------------------------------------------
// guards

/// A respite stay `id` from `date`, back in the placement on `returns`, with no respite caregiver
/// recorded.
pub fn respite(date: NaiveDate, id: &str, returns: NaiveDate) -> Event {
    ev(date, EventData::Respite(Respite::new(plid(id), returns)))
}

/// A parent's ICWA consent (25 U.S.C. 1913(a)) to `to`.
pub fn consent(date: NaiveDate, person: &str, to: ConsentTo) -> Event {
    ev(
        date,
        EventData::IcwaConsent(IcwaConsent::new(pid(person), to)),
    )
}

/// The withdrawal of a parent's ICWA consent to `to` (25 U.S.C. 1913(b), (c)).
pub fn withdrawn(date: NaiveDate, person: &str, to: ConsentTo) -> Event {
    ev(
        date,
        EventData::IcwaConsentWithdrawn(ConsentWithdrawal::new(pid(person), to)),
    )
}

/// The ICWA findings of an order.
pub fn findings(date: NaiveDate, f: IcwaFindings) -> Event {
    ev(date, EventData::IcwaFindings(f))
}

/// A court's determination of the child's ICWA status.
pub fn status(date: NaiveDate, s: IndianChildStatus) -> Event {
    ev(date, EventData::IcwaStatusDetermined(s))
}
