//! Proptest strategies that build only valid values (feature `proptest`).
//!
//! Every strategy builds its values through the public constructors and builders, so a value it
//! yields is one a caller could have built, and a property that holds for these values holds for
//! the crate's types. Use them in your own property tests:
//!
//! ```
//! use permanency::{Policy, strategy};
//! use proptest::test_runner::TestRunner;
//!
//! TestRunner::default()
//!     .run(&strategy::child(), |child| {
//!         // The name never reaches `Debug`.
//!         assert!(format!("{child:?}").contains("name: [redacted]"));
//!         let sixteen = child.attains_age(16, &Policy::federal());
//!         assert_eq!(child.age_on(sixteen, &Policy::federal()), Some(16));
//!         Ok(())
//!     })
//!     .unwrap();
//! ```
//!
//! Beyond single values, [`history`] builds whole valid histories — a child, the families known
//! when the case opens and events that [`Case::apply`] accepts one by one under
//! [`Policy::federal`] — and [`case`] the cases they make.
//!
//! The strategies read no clock and no environment: a proptest run with a fixed seed yields the
//! same values every time. Dates default to 1990–2060 ([`date`]); [`date_in`] gives other
//! ranges. Names are mostly ASCII and sometimes Latin-1, Polish, Cyrillic, Greek or CJK, with
//! hyphens and apostrophes; ids are ASCII agency keys.

use std::ops::RangeInclusive;

use chrono::NaiveDate;
use proptest::collection::{SizeRange, btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::ApplaReview;
use crate::IcwaOrder;
use crate::date::days_after;
use crate::{
    AggravatedGround, ApplaDocumentation, Candidacy, Case, CaseRecord, Child, ChildId,
    Circumstance, Circumstances, Determination, Discharge, EndReason, Event, EventData, ExitReason,
    Family, FamilyBuilder, FamilyId, FamilyKind, Finding, FosterLicense, Goal, Goals, Guardianship,
    IndianChildStatus, LicenseStatus, Location, Manner, Member, MissingReport, Name, NewPlacement,
    Note, PermanencyPlan, Person, PersonId, Placement, PlacementId, Policy, PreventionEfforts,
    QrtpAssessment, Relationship, Removal, Setting, Sex, SpecifiedSetting, StageKind, TprException,
    Tribe,
};

/// The variants of a field-less enum, as a `Vec` for [`select`]. The exhaustive match makes
/// adding a variant to the enum a compile error here until the list names it too.
macro_rules! variants {
    ($ty:ident: $($v:ident),+ $(,)?) => {{
        let _exhaustive = |x: $ty| match x {
            $($ty::$v)|+ => (),
        };
        vec![$($ty::$v),+]
    }};
}

/// A regex strategy; the patterns are literals of this module, so a parse failure is a bug
/// here.
fn regex(pattern: &str) -> impl Strategy<Value = String> + use<> {
    proptest::string::string_regex(pattern).expect("strategy regexes are valid")
}

// ---------------------------------------------------------------------------------------------
// Dates

/// Dates from `range.start()` to `range.end()`, both included, shrinking towards the start.
///
/// The range may reach outside [`date::EARLIEST`](crate::date::EARLIEST) to
/// [`date::LATEST`](crate::date::LATEST) (useful for the calendar functions, or to build invalid
/// input on purpose); entities refuse such dates.
///
/// # Panics
///
/// When the range is empty (its end before its start).
pub fn date_in(range: RangeInclusive<NaiveDate>) -> impl Strategy<Value = NaiveDate> {
    let (start, end) = range.into_inner();
    let span = u64::try_from((end - start).num_days()).expect("date_in: the range is empty");
    (0..=span).prop_map(move |n| {
        start
            .checked_add_days(chrono::Days::new(n))
            .expect("within the range")
    })
}

/// Dates from 1990-01-01 to 2060-12-31: the span of the cases an agency holds now, with room for
/// their deadlines.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    date_in(ymd(1990, 1, 1)..=ymd(2060, 12, 31))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid literal date")
}

// ---------------------------------------------------------------------------------------------
// Ids and text

/// The text of an id: mostly `PREFIX-number`, sometimes a free-form agency key (inner spaces,
/// dots, slashes) or a UUID. Always ASCII.
fn id_text(prefix: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (0u32..1_000_000).prop_map(move |n| format!("{prefix}-{n}")),
        1 => regex("[A-Za-z0-9][A-Za-z0-9 ._/-]{0,30}[A-Za-z0-9]"),
        1 => regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
    ]
}

/// Valid [`ChildId`]s.
pub fn child_id() -> impl Strategy<Value = ChildId> {
    id_text("C").prop_map(|s| ChildId::new(s).expect("valid child id"))
}

/// Valid [`PersonId`]s.
pub fn person_id() -> impl Strategy<Value = PersonId> {
    id_text("P").prop_map(|s| PersonId::new(s).expect("valid person id"))
}

/// Valid [`FamilyId`]s.
pub fn family_id() -> impl Strategy<Value = FamilyId> {
    id_text("F").prop_map(|s| FamilyId::new(s).expect("valid family id"))
}

/// Valid [`PlacementId`]s.
pub fn placement_id() -> impl Strategy<Value = PlacementId> {
    id_text("PL").prop_map(|s| PlacementId::new(s).expect("valid placement id"))
}

/// One word of a name: mostly ASCII, sometimes accented Latin, Polish, Cyrillic, Greek, CJK, or
/// joined by a hyphen or an apostrophe.
fn name_word() -> impl Strategy<Value = String> {
    prop_oneof![
        16 => regex("[A-Z][a-z]{1,9}"),
        2 => regex("[A-ZÀ-ÖØ-Ý][a-zß-öø-ÿ]{1,9}"),
        1 => regex("[ŁŚŻŹĆ][a-ząćęłńóśźż]{2,8}"),
        1 => regex("[А-Я][а-я]{2,9}"),
        1 => regex("[ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ][α-ω]{2,9}"),
        1 => regex("[\u{4E00}-\u{9FA5}]{1,2}"),
        1 => regex("[A-Z][a-z]{0,6}[-'][A-Z][a-zé]{1,6}"),
    ]
}

/// Valid [`Name`]s: one to three words; some have non-ASCII letters.
pub fn name() -> impl Strategy<Value = Name> {
    vec(name_word(), 1..=3).prop_map(|words| Name::new(words.join(" ")).expect("valid name"))
}

/// Valid [`Note`]s: a line of up to 24 words and punctuation.
pub fn note() -> impl Strategy<Value = Note> {
    let word = prop_oneof![
        6 => regex("[a-z]{1,10}"),
        1 => name_word(),
        1 => regex("[0-9]{1,4}[.,;:]?"),
    ];
    (vec(word, 1..=24), select(vec!["", ".", "!", "?"]))
        .prop_map(|(words, end)| Note::new(words.join(" ") + end).expect("valid note"))
}

// ---------------------------------------------------------------------------------------------
// The child

/// Every [`Sex`].
pub fn sex() -> impl Strategy<Value = Sex> {
    select(variants!(Sex: Female, Male, Unknown))
}

/// Valid [`Tribe`]s: names of federally recognized tribes.
pub fn tribe() -> impl Strategy<Value = Tribe> {
    select(vec![
        "Navajo Nation",
        "Cherokee Nation",
        "Oglala Sioux Tribe",
        "Pueblo of Zuni",
        "Confederated Tribes of the Colville Reservation",
        "Native Village of Barrow Iñupiat Traditional Government",
        "Mississippi Band of Choctaw Indians",
        "Tohono O'odham Nation of Arizona",
    ])
    .prop_map(|t| Tribe::new(t).expect("valid tribe"))
}

/// The [`IndianChildStatus`]es, an Indian child with or without a known tribe (not `inquiry_made`
/// nor several tribes: the generated histories are kept as they were; `tests/icwa.rs` covers them).
pub fn indian_child_status() -> impl Strategy<Value = IndianChildStatus> {
    let _exhaustive = |s: IndianChildStatus| match s {
        IndianChildStatus::IndianChild { .. }
        | IndianChildStatus::NotIndianChild
        | IndianChildStatus::ReasonToKnow
        | IndianChildStatus::Unknown
        | IndianChildStatus::InquiryMade => (),
    };
    prop_oneof![
        3 => Just(IndianChildStatus::Unknown),
        3 => Just(IndianChildStatus::NotIndianChild),
        1 => Just(IndianChildStatus::ReasonToKnow),
        1 => option::of(tribe()).prop_map(|tribe| IndianChildStatus::IndianChild { tribe, other_tribes: Vec::new() }),
    ]
}

/// Valid [`Child`]ren, born on a [`date`], of any sex, ICWA status, race (sometimes not
/// recorded) and ethnicity (sometimes not recorded).
pub fn child() -> impl Strategy<Value = Child> {
    (
        (child_id(), name(), date(), sex(), indian_child_status()),
        races(),
        option::of(select(crate::afcars::Ethnicity2020::ALL)),
    )
        .prop_map(|((id, name, born, sex, status), race, ethnicity)| {
            let child = Child::new(id, name, born, sex)
                .expect("valid child")
                .with_indian_child_status(status)
                .with_race(race);
            match ethnicity {
                Some(e) => child.with_ethnicity(e),
                None => child,
            }
        })
}

/// Sets of up to three AFCARS 2020 race categories, sometimes none (not recorded).
pub fn races() -> impl Strategy<Value = crate::afcars::Races> {
    vec(select(crate::afcars::Race2020::ALL), 0..=3).prop_map(|r| r.into_iter().collect())
}

// ---------------------------------------------------------------------------------------------
// People and families

/// Dates of birth of the adults and siblings of a family: 1940 to 2010.
fn member_birth_date() -> impl Strategy<Value = NaiveDate> {
    date_in(ymd(1940, 1, 1)..=ymd(2010, 12, 31))
}

fn person_from(id: PersonId, name: Name, born: Option<NaiveDate>) -> Person {
    let p = Person::new(id, name);
    match born {
        Some(d) => p.with_date_of_birth(d).expect("valid date of birth"),
        None => p,
    }
}

/// Valid [`Person`]s, with a date of birth (1940–2010) or without.
pub fn person() -> impl Strategy<Value = Person> {
    (person_id(), name(), option::of(member_birth_date()))
        .prop_map(|(id, name, born)| person_from(id, name, born))
}

/// Every [`Relationship`].
pub fn relationship() -> impl Strategy<Value = Relationship> {
    select(variants!(Relationship:
        Mother, Father, AdoptiveParent, PutativeFather, LegalGuardian, Grandparent, FullSibling,
        HalfSibling, StepSibling, AuntOrUncle, OtherRelative, FictiveKin, NonRelative,
        IndianCustodian,
    ))
}

/// Every [`FamilyKind`].
pub fn family_kind() -> impl Strategy<Value = FamilyKind> {
    select(variants!(FamilyKind:
        Birth, Relative, Kin, NonRelativeFoster, PreAdoptive, Adoptive, Guardian,
    ))
}

/// Every [`LicenseStatus`].
pub fn license_status() -> impl Strategy<Value = LicenseStatus> {
    select(variants!(LicenseStatus: Licensed, Approved, Provisional, Pending, Suspended, Revoked))
}

/// Valid [`FosterLicense`]s of any status, from a [`date`], without an end or expiring up to
/// three years later (possibly the same day).
pub fn foster_license() -> impl Strategy<Value = FosterLicense> {
    (license_status(), date(), option::of(0u32..=3 * 366)).prop_map(|(status, since, days)| {
        FosterLicense::new(status, since, days.map(|n| days_after(since, n)))
            .expect("valid license")
    })
}

/// A member's place in a family before it has a person: relationship, legal parent, caregiver.
type Role = (Relationship, bool, bool);

/// The most members [`roles`] gives a family.
const MAX_MEMBERS: usize = 4;

fn role(among: Vec<Relationship>, legal_parent: bool, caregiver: bool) -> BoxedStrategy<Role> {
    select(among)
        .prop_map(move |r| (r, legal_parent, caregiver))
        .boxed()
}

/// A role whose caregiver flag is drawn.
fn role_maybe_caring(among: Vec<Relationship>, legal_parent: bool) -> BoxedStrategy<Role> {
    (select(among), any::<bool>())
        .prop_map(move |(r, c)| (r, legal_parent, c))
        .boxed()
}

/// The roles of the members of a valid family of `kind`: one to [`MAX_MEMBERS`], in any order.
fn roles(kind: FamilyKind) -> BoxedStrategy<Vec<Role>> {
    use Relationship::*;
    let relatives = || {
        vec![
            Grandparent,
            FullSibling,
            HalfSibling,
            StepSibling,
            AuntOrUncle,
            OtherRelative,
        ]
    };
    let kin = || [relatives(), vec![FictiveKin]].concat();
    // The parents or carers every family of the kind has, and the other relations who may live
    // there without a role.
    let (core, others): (BoxedStrategy<Vec<Role>>, Vec<Relationship>) = match kind {
        // The legal parents' household: a mother, a father, or both (or a mother and a putative
        // father, who is no legal parent); each may or may not be caring for the child now.
        FamilyKind::Birth => {
            let mother = role_maybe_caring(vec![Mother], true);
            let father = role_maybe_caring(vec![Father], true);
            let putative = role_maybe_caring(vec![PutativeFather], false);
            let core = prop_oneof![
                (mother.clone(), father.clone()).prop_map(|(m, f)| vec![m, f]),
                mother.clone().prop_map(|m| vec![m]),
                father.prop_map(|f| vec![f]),
                (mother, putative).prop_map(|(m, p)| vec![m, p]),
            ];
            (core.boxed(), relatives())
        }
        // A relative caring for the child, perhaps with a partner of any tie.
        FamilyKind::Relative => (
            carers(
                role(relatives(), false, true),
                role_maybe_caring([kin(), vec![NonRelative]].concat(), false),
            ),
            kin(),
        ),
        // A relative or fictive kin caring for the child.
        FamilyKind::Kin => (
            carers(
                role(kin(), false, true),
                role_maybe_caring([kin(), vec![NonRelative]].concat(), false),
            ),
            kin(),
        ),
        FamilyKind::NonRelativeFoster => (
            carers(
                role(vec![NonRelative], false, true),
                role_maybe_caring(vec![NonRelative], false),
            ),
            vec![NonRelative],
        ),
        // Approved to adopt, not yet the child's parents.
        FamilyKind::PreAdoptive => {
            let who = [kin(), vec![NonRelative]].concat();
            (
                carers(
                    role(who.clone(), false, true),
                    role_maybe_caring(who, false),
                ),
                vec![NonRelative],
            )
        }
        FamilyKind::Adoptive => (
            carers(
                role(vec![AdoptiveParent], true, true),
                role_maybe_caring(vec![AdoptiveParent], true),
            ),
            vec![OtherRelative, NonRelative],
        ),
        // A guardian is a "parent" for SSA §475(2); the family may or may not record them as a
        // legal parent.
        FamilyKind::Guardian => {
            let guardian = (any::<bool>(), any::<bool>())
                .prop_map(|(legal, caring)| (LegalGuardian, legal, caring));
            (
                carers(
                    any::<bool>()
                        .prop_map(|legal| (LegalGuardian, legal, true))
                        .boxed(),
                    guardian.boxed(),
                ),
                vec![NonRelative],
            )
        }
    };
    let others = vec(role(others, false, false), 0..=2);
    (core, others)
        .prop_map(|(mut core, others)| {
            core.extend(others);
            core
        })
        .prop_shuffle()
        .boxed()
}

/// A caregiver and, sometimes, a partner.
fn carers(first: BoxedStrategy<Role>, partner: BoxedStrategy<Role>) -> BoxedStrategy<Vec<Role>> {
    (first, option::of(partner))
        .prop_map(|(first, partner)| std::iter::once(first).chain(partner).collect())
        .boxed()
}

/// The license a valid family of `kind` may hold: never for a birth family, always for a
/// non-relative foster family, sometimes otherwise.
fn license_for(kind: FamilyKind) -> BoxedStrategy<Option<FosterLicense>> {
    match kind {
        FamilyKind::Birth => Just(None).boxed(),
        FamilyKind::NonRelativeFoster => foster_license().prop_map(Some).boxed(),
        _ => option::weighted(0.6, foster_license()).boxed(),
    }
}

/// Everything of a family that depends on its kind.
type Shape = (FamilyKind, Vec<Role>, Option<FosterLicense>);

fn shape(kind: FamilyKind) -> impl Strategy<Value = Shape> {
    (Just(kind), roles(kind), license_for(kind))
}

/// Builds families of the given shapes. The people are drawn here, outside any `prop_flat_map`,
/// so that their (regex) strategies are built once: [`MAX_MEMBERS`] distinct ids, of which the
/// shape uses as many as it has roles.
fn families(shapes: impl Strategy<Value = Shape>) -> impl Strategy<Value = Family> {
    (
        family_id(),
        shapes,
        btree_set(person_id(), MAX_MEMBERS),
        vec((name(), option::of(member_birth_date())), MAX_MEMBERS),
        btree_set(child_id(), 0..=3),
    )
        .prop_map(|(id, (kind, roles, license), ids, people, siblings)| {
            let mut family = Family::builder(id, kind);
            for ((relationship, legal_parent, caregiver), (pid, (name, born))) in
                roles.into_iter().zip(ids.into_iter().zip(people))
            {
                let mut member = Member::new(person_from(pid, name, born), relationship);
                if legal_parent {
                    member = member.legal_parent();
                }
                if caregiver {
                    member = member.caregiver();
                }
                family = family.member(member);
            }
            if let Some(license) = license {
                family = family.license(license);
            }
            for sibling in siblings {
                family = family.sibling_in_care(sibling);
            }
            family.build().expect("strategy families are valid")
        })
}

/// Valid [`Family`]s of every [`FamilyKind`]: a birth family with its legal parents (a mother,
/// a father or both, sometimes a putative father), a relative or kin family cared for by a
/// relative or kin, a licensed non-relative foster family, pre-adoptive, adoptive and guardian
/// families with their carers; other members without a role, a license where the kind allows one
/// (always for a non-relative foster family), and up to three siblings in care.
pub fn family() -> impl Strategy<Value = Family> {
    families(family_kind().prop_flat_map(shape))
}

/// Valid [`Family`]s of one `kind`, as [`family`] builds them.
pub fn family_of_kind(kind: FamilyKind) -> impl Strategy<Value = Family> {
    families(shape(kind))
}

// ---------------------------------------------------------------------------------------------
// Placements

/// Every [`Setting`].
pub fn setting() -> impl Strategy<Value = Setting> {
    select(Setting::ALL.to_vec())
}

/// Every [`Location`], mostly in state.
pub fn location() -> impl Strategy<Value = Location> {
    let _exhaustive = |l: Location| match l {
        Location::InState | Location::OutOfState | Location::OutOfCountry => (),
    };
    prop_oneof![
        6 => Just(Location::InState),
        2 => Just(Location::OutOfState),
        1 => Just(Location::OutOfCountry),
    ]
}

/// Every [`SpecifiedSetting`].
pub fn specified_setting() -> impl Strategy<Value = SpecifiedSetting> {
    select(variants!(SpecifiedSetting:
        PrenatalPostpartumParenting, SexTraffickingVictims, FamilyBasedSubstanceAbuseTreatment,
    ))
}

/// Every [`EndReason`].
pub fn end_reason() -> impl Strategy<Value = EndReason> {
    select(variants!(EndReason: Replaced, Disrupted, Discharged, Died, LimitExceeded))
}

/// Valid [`NewPlacement`]s in every [`Setting`]: a caregiver family exactly for the family
/// settings, any location, and sometimes a specified-setting designation on congregate care.
pub fn new_placement() -> impl Strategy<Value = NewPlacement> {
    (
        placement_id(),
        setting(),
        family_id(),
        location(),
        option::of(specified_setting()),
    )
        .prop_map(|(id, setting, family, location, designation)| {
            let caregiver = setting.is_family_setting().then_some(family);
            let p = NewPlacement::new(id, setting, caregiver)
                .expect("a caregiver exactly for family settings")
                .in_location(location);
            match designation {
                Some(d) if setting.is_congregate_care() => {
                    p.specified_as(d).expect("congregate care may be specified")
                }
                _ => p,
            }
        })
}

/// Valid [`Placement`]s: a [`new_placement`] begun on a [`date`], open or ended (for any
/// [`EndReason`]) up to two years later, possibly the day it began.
pub fn placement() -> impl Strategy<Value = Placement> {
    (
        new_placement(),
        date(),
        option::of((0u32..=2 * 366, end_reason())),
    )
        .prop_map(|(what, start, end)| {
            let p = Placement::begin(what, start).expect("valid start");
            match end {
                Some((days, reason)) => p
                    .ended(days_after(start, days), reason)
                    .expect("the end is after the start"),
                None => p,
            }
        })
}

// ---------------------------------------------------------------------------------------------
// Plans

/// Every [`Goal`].
pub fn goal() -> impl Strategy<Value = Goal> {
    select(variants!(Goal:
        Reunification, Adoption, LegalGuardianship, FitAndWillingRelative, Appla,
    ))
}

/// Valid [`ApplaDocumentation`].
pub fn appla_documentation() -> impl Strategy<Value = ApplaDocumentation> {
    (note(), note()).prop_map(|(reason, efforts)| ApplaDocumentation::new(reason, efforts))
}

/// Valid [`Goals`]: any primary goal, sometimes a different concurrent goal, and APPLA
/// documentation exactly when a goal is APPLA.
pub fn goals() -> impl Strategy<Value = Goals> {
    (goal(), option::of(goal()), appla_documentation()).prop_map(|(primary, concurrent, doc)| {
        let concurrent = concurrent.filter(|&c| c != primary);
        let appla = (primary == Goal::Appla || concurrent == Some(Goal::Appla)).then_some(doc);
        Goals::new(primary, concurrent, appla).expect("valid goals")
    })
}

/// Valid [`PermanencyPlan`]s: [`goals`] established on a [`date`].
pub fn permanency_plan() -> impl Strategy<Value = PermanencyPlan> {
    (goals(), date()).prop_map(|(goals, established)| {
        PermanencyPlan::new(goals, established).expect("valid plan")
    })
}

// ---------------------------------------------------------------------------------------------
// Event facts

/// Every [`Manner`] of removal.
pub fn manner() -> impl Strategy<Value = Manner> {
    select(variants!(Manner: CourtOrder, Emergency, VoluntaryPlacementAgreement))
}

/// Sets of up to four removal [`Circumstance`]s, sometimes none.
pub fn circumstances() -> impl Strategy<Value = Circumstances> {
    vec(select(Circumstance::ALL), 0..=4).prop_map(|c| c.into_iter().collect())
}

/// [`Removal`]s of any manner and circumstances, naming no household (a household must be a
/// family of the case: see [`history`] for removals that name one).
pub fn removal() -> impl Strategy<Value = Removal> {
    (manner(), circumstances()).prop_map(|(m, c)| Removal::new(m).with_circumstances(c))
}

/// Every [`Candidacy`].
pub fn candidacy() -> impl Strategy<Value = Candidacy> {
    select(variants!(Candidacy:
        NotCandidate, FosterCareCandidate, PregnantOrParentingYouth,
    ))
}

/// Every [`TprException`].
pub fn tpr_exception() -> impl Strategy<Value = TprException> {
    select(variants!(TprException: CompellingReason, ServicesNotProvided))
}

/// Every [`QrtpAssessment`].
pub fn qrtp_assessment() -> impl Strategy<Value = QrtpAssessment> {
    select(variants!(QrtpAssessment: Appropriate, NotAppropriate))
}

// ---------------------------------------------------------------------------------------------
// Histories

/// What a step of a generated history asks for. The walk ([`Walk::step`]) reads it in the
/// case's current stage and makes the event that fits, or nothing when none does; every field
/// is a choice among the events that would be accepted then.
#[derive(Debug, Clone)]
enum Op {
    /// A removal (from intake, preservation, an exit, a closed case; during a trial home visit,
    /// one that has outlived its limit).
    Remove(Manner, Circumstances, bool),
    /// In-home services: opened, or a candidacy identified while open.
    Preserve(Candidacy),
    /// A placement begun, changed, or a return from a runaway: into home number `.0`.
    Place(u8, Location, Option<SpecifiedSetting>),
    /// Runaway (`true`) or whereabouts unknown.
    RunAway(bool),
    /// A permanency plan.
    Plan(u8, u8),
    /// A court finding.
    Finding(u8, u8),
    /// Hearings, reviews, case plans, notices, transition plans, TPR petitions and exceptions.
    Routine(u8, TprException),
    /// A QRTP record: the assessment, a court's approval or disapproval, a long-stay approval.
    Qrtp(u8, QrtpAssessment),
    /// A court extension of the visit in progress through this many days after the order.
    Extend(u16),
    /// A parent's rights ended: terminated, relinquished, or the parent died.
    EndRights(u8, u8),
    /// The next event toward a permanency: reunification, adoption or guardianship.
    Toward(u8),
    /// An adoptive placement disrupted.
    Disrupt(u8),
    /// A discharge, for a reason that fits.
    Discharge(u8),
    /// A new record of a family: a license renewed or granted.
    Record(u8),
    /// The case closed, or reopened.
    Close,
}

/// The placement settings a home number stands for, with their caregivers.
const HOMES: u8 = 16;

/// The kinds of step and their weights, simplest first: a shrunk history is made of the first
/// ones, and of zeros for every choice.
const OP_WEIGHTS: [u32; 15] = [16, 10, 14, 5, 12, 4, 5, 3, 3, 3, 3, 5, 2, 2, 1];

/// The step of kind number `kind` (an index into [`OP_WEIGHTS`]), its choices read from `b`.
fn make_op(kind: usize, b: [u8; 4]) -> Op {
    let spec = [
        SpecifiedSetting::PrenatalPostpartumParenting,
        SpecifiedSetting::SexTraffickingVictims,
        SpecifiedSetting::FamilyBasedSubstanceAbuseTreatment,
    ];
    let location = match b[1] % 10 {
        8 => Location::OutOfState,
        9 => Location::OutOfCountry,
        _ => Location::InState,
    };
    let exception = if b[1].is_multiple_of(2) {
        TprException::CompellingReason
    } else {
        TprException::ServicesNotProvided
    };
    match kind {
        0 => Op::Routine(b[0], exception),
        1 => Op::Finding(b[0], b[1]),
        2 => Op::Place(
            b[0],
            location,
            (b[2] % 5 == 4).then(|| spec[usize::from(b[3]) % spec.len()]),
        ),
        3 => Op::Plan(b[0], b[1]),
        4 => Op::Toward(b[0]),
        5 => Op::RunAway(b[0] % 4 != 3),
        6 => Op::Discharge(b[0]),
        7 => Op::EndRights(b[0], b[1]),
        8 => Op::Qrtp(
            b[0],
            if b[1] % 4 == 3 {
                QrtpAssessment::NotAppropriate
            } else {
                QrtpAssessment::Appropriate
            },
        ),
        9 => Op::Extend(u16::from_le_bytes([b[0], b[1]]) % 240 + 1),
        10 => Op::Record(b[0]),
        11 => {
            let manner = match b[0] % 8 {
                6 => Manner::Emergency,
                7 => Manner::VoluntaryPlacementAgreement,
                _ => Manner::CourtOrder,
            };
            let all = Circumstance::ALL;
            let picks = [b[2], b[3], b[2] ^ b[3], b[2].wrapping_add(b[3])];
            let circumstances = picks[..usize::from(b[1] % 5)]
                .iter()
                .map(|&i| all[usize::from(i) % all.len()])
                .collect();
            Op::Remove(manner, circumstances, b[0] >= 128)
        }
        12 => Op::Preserve(match b[0] % 3 {
            0 => Candidacy::FosterCareCandidate,
            1 => Candidacy::NotCandidate,
            _ => Candidacy::PregnantOrParentingYouth,
        }),
        13 => Op::Close,
        _ => Op::Disrupt(b[0]),
    }
}

/// One step's operation. A weighted index and four bytes of choices rather than a union of
/// strategies: a union's value tree forks the runner for every option it passes over, which
/// made drawing a history many times slower than walking it.
fn op() -> impl Strategy<Value = Op> {
    let total: u32 = OP_WEIGHTS.iter().sum();
    (0..total, any::<[u8; 4]>()).prop_map(|(mut w, b)| {
        let kind = OP_WEIGHTS
            .iter()
            .position(|&weight| {
                let here = w < weight;
                w = w.saturating_sub(weight);
                here
            })
            .expect("within the total weight");
        make_op(kind, b)
    })
}

/// Days between events: mostly weeks (1 to 60 days: 60%), sometimes the same day (15%), two to
/// seven months (20%), up to two and a half years (5%). Shrinks towards the same day.
fn gap() -> impl Strategy<Value = u16> {
    (0u16..20, any::<u16>()).prop_map(|(band, x)| match band {
        0..=2 => 0,
        3..=14 => 1 + x % 60,
        15..=18 => 60 + x % 141,
        _ => 200 + x % 701,
    })
}

/// The choices a history's cast is built from: ids, names and shapes, drawn once.
#[derive(Debug, Clone)]
struct CastSeed {
    families: Vec<FamilyId>,
    people: Vec<PersonId>,
    names: Vec<Name>,
    /// 0: mother and father; 1: mother and a putative father; 2: mother, and the father in a
    /// household of his own; 3: the father alone.
    parents: u8,
    relative_licensed: bool,
    /// Whether the kin family is known at opening (else recorded when first needed).
    kin_known: bool,
    /// Days before the start each foster license was granted, and how long it ran.
    licenses: [(u16, u16); 2],
}

const FAMILIES: usize = 8;
const PEOPLE: usize = 10;
/// Names drawn for the people of a cast (shared in turn: names need not be distinct, and
/// drawing them is the slowest part of drawing a cast).
const NAMES: usize = 3;

fn cast_seed() -> impl Strategy<Value = CastSeed> {
    (
        // Numbered ids: the id strategies' other formats are slow to draw, and a history's
        // ids are only keys.
        btree_set(0u32..1_000_000, FAMILIES),
        btree_set(0u32..1_000_000, PEOPLE),
        vec(name(), NAMES),
        0u8..4,
        any::<bool>(),
        prop::bool::weighted(0.7),
        [(0u16..=1500, 200u16..=1500), (0u16..=1500, 200u16..=1500)],
    )
        .prop_map(
            |(families, people, names, parents, relative_licensed, kin_known, licenses)| CastSeed {
                families: families
                    .into_iter()
                    .map(|n| FamilyId::new(format!("F-{n}")).expect("valid family id"))
                    .collect(),
                people: people
                    .into_iter()
                    .map(|n| PersonId::new(format!("P-{n}")).expect("valid person id"))
                    .collect(),
                names,
                parents,
                relative_licensed,
                kin_known,
                licenses,
            },
        )
}

/// The families of a generated case, by the part they play.
#[derive(Debug, Clone)]
struct Cast {
    birth: FamilyId,
    /// The father's own household, a second birth family.
    father_home: Option<FamilyId>,
    relative: FamilyId,
    kin: FamilyId,
    foster: FamilyId,
    pre_adoptive: FamilyId,
    adoptive: FamilyId,
    guardian: FamilyId,
    /// The kin family, while it is not yet recorded in the case.
    unknown_kin: Option<Family>,
}

fn days_before(date: NaiveDate, n: u16) -> NaiveDate {
    date.checked_sub_days(chrono::Days::new(u64::from(n)))
        .expect("within the calendar")
}

/// The opening families (and the cast naming them) for a case whose history starts on `start`.
fn build_cast(seed: CastSeed, start: NaiveDate) -> (Vec<Family>, Cast) {
    use Relationship::*;
    let f = |i: usize| seed.families[i].clone();
    let person = |i: usize| Person::new(seed.people[i].clone(), seed.names[i % NAMES].clone());
    let member = |i: usize, r: Relationship| Member::new(person(i), r);
    let build = |b: FamilyBuilder| b.build().expect("strategy families are valid");
    let license = |status, (back, len): (u16, u16), ends: bool| {
        let since = days_before(start, back);
        let expires = ends.then(|| days_after(since, u32::from(len)));
        FosterLicense::new(status, since, expires).expect("valid license")
    };

    let mother = member(0, Mother).legal_parent().caregiver();
    let father = member(1, Father).legal_parent();
    let birth = Family::builder(f(0), FamilyKind::Birth);
    let (birth, father_home) = match seed.parents {
        0 => (birth.member(mother).member(father.caregiver()), None),
        1 => (birth.member(mother).member(member(2, PutativeFather)), None),
        2 => (
            birth.member(mother),
            Some(Family::builder(f(1), FamilyKind::Birth).member(father)),
        ),
        _ => (birth.member(father.caregiver()), None),
    };
    let mut relative =
        Family::builder(f(2), FamilyKind::Relative).member(member(3, Grandparent).caregiver());
    if seed.relative_licensed {
        relative = relative.license(license(
            LicenseStatus::Approved,
            (seed.licenses[0].0, 0),
            false,
        ));
    }
    let kin =
        build(Family::builder(f(3), FamilyKind::Kin).member(member(4, FictiveKin).caregiver()));
    let foster = Family::builder(f(4), FamilyKind::NonRelativeFoster)
        .member(member(5, NonRelative).caregiver())
        .member(member(6, NonRelative))
        .license(license(LicenseStatus::Licensed, seed.licenses[0], true));
    let pre_adoptive = Family::builder(f(5), FamilyKind::PreAdoptive)
        .member(member(7, NonRelative).caregiver())
        .license(license(LicenseStatus::Licensed, seed.licenses[1], true));
    let adoptive = Family::builder(f(6), FamilyKind::Adoptive)
        .member(member(8, AdoptiveParent).legal_parent().caregiver());
    // A relative guardian, approved as a foster home long before: the home kinship guardianship
    // assistance needs.
    let guardian = Family::builder(f(7), FamilyKind::Guardian)
        .member(member(9, AuntOrUncle).caregiver())
        .license(license(
            LicenseStatus::Approved,
            (seed.licenses[1].0, 0),
            false,
        ));

    let mut families = vec![build(birth)];
    families.extend(father_home.map(build));
    families.extend([
        build(relative),
        build(foster),
        build(pre_adoptive),
        build(adoptive),
        build(guardian),
    ]);
    let unknown_kin = if seed.kin_known {
        families.push(kin);
        None
    } else {
        Some(kin)
    };
    let cast = Cast {
        birth: f(0),
        father_home: (seed.parents == 2).then(|| f(1)),
        relative: f(2),
        kin: f(3),
        foster: f(4),
        pre_adoptive: f(5),
        adoptive: f(6),
        guardian: f(7),
        unknown_kin,
    };
    (families, cast)
}

/// A trial home visit in progress: its start, the last day the walk keeps it to (within its
/// authorized period, with any extension), and the court's extension.
#[derive(Debug, Clone, Copy)]
struct Visit {
    start: NaiveDate,
    through: NaiveDate,
    until: Option<NaiveDate>,
}

/// Walks abstract steps through a case, making each one the event that fits the case now.
///
/// It reads the case it builds (through the public API: stage, placements, plan, parents'
/// rights, families) to choose, and applies every event it makes; an event the case refuses is a
/// bug here, and panics.
struct Walk {
    policy: Policy,
    case: Case,
    cast: Cast,
    date: NaiveDate,
    placements: u32,
    visit: Option<Visit>,
    /// The family of the open adoptive placement.
    adoptive_home: Option<FamilyId>,
}

/// The latest date a walk dates an event: far from [`date::LATEST`](crate::date::LATEST).
const LAST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2150, 1, 1) {
    Some(d) => d,
    None => panic!("a valid date"),
};

impl Walk {
    /// In an open preservation case: a new candidacy, a prevention plan or a service (chosen
    /// by the day, so that the three come in turn).
    fn preserve(&mut self, c: Candidacy) {
        use crate::supports::{
            EvidenceRating, Funding, PlanFor, PreventionPlan, PreventionStrategy, Recipient,
            Service, ServiceKind,
        };
        use chrono::Datelike as _;
        let n = self.date.ordinal();
        let what = match n % 3 {
            0 => EventData::CandidacyIdentified(c),
            1 => EventData::PreventionPlanRecorded(PreventionPlan::new(
                if c == Candidacy::PregnantOrParentingYouth {
                    PlanFor::PregnantOrParentingYouth
                } else {
                    PlanFor::Candidate
                },
                PreventionStrategy::RemainAtHome,
                [ServiceKind::InHomeParentSkills],
            )),
            _ => {
                let kinds = [
                    ServiceKind::InHomeParentSkills,
                    ServiceKind::MentalHealth,
                    ServiceKind::Housing,
                    ServiceKind::CashAssistance,
                ];
                let kind = kinds[(n as usize / 3) % kinds.len()];
                let funding = if c == Candidacy::NotCandidate {
                    Funding::State
                } else {
                    Funding::TitleIvePrevention
                };
                let mut s =
                    Service::new(kind, Recipient::Parent, funding).rated(EvidenceRating::Supported);
                if n.is_multiple_of(2) {
                    s = s.ending(days_after(self.date, n % 200));
                }
                EventData::ServiceProvided(s)
            }
        };
        self.emit(what);
    }

    fn emit(&mut self, what: EventData) {
        let event = Event::new(self.date, what).expect("walk dates are in range");
        if let Err(rejection) = self.case.apply(event, &self.policy) {
            panic!(
                "permanency::strategy::history built an event the case refused (a bug in the strategy): {rejection}"
            );
        }
    }

    /// An entry made in error and corrected: a review keyed with an id, then voided or amended;
    /// a court finding vacated; or the child's record corrected (to the same facts).
    fn correct(&mut self, k: u8) {
        let n = self.case.entries().len();
        let id = crate::EntryId::new(format!("E-{n}")).expect("entry ids are valid");
        let reason = Note::new("entered in error").expect("a valid note");
        let entry = |what| {
            Event::new(self.date, what)
                .expect("walk dates are in range")
                .with_entry_id(id.clone())
        };
        let correction = match k / 10 % 4 {
            0 => {
                self.emit_event(entry(EventData::PeriodicReview));
                EventData::Voided(crate::Correction::new(id.clone(), reason))
            }
            1 => {
                self.emit_event(entry(EventData::PeriodicReview));
                let with = Event::new(self.date, EventData::PermanencyHearing)
                    .expect("walk dates are in range");
                EventData::Amended {
                    entry: id.clone(),
                    reason,
                    with: Box::new(with),
                }
            }
            2 => {
                self.emit_event(entry(EventData::CourtFinding(Finding::FinalizeEfforts(
                    Determination::Made,
                ))));
                EventData::Vacated(crate::Correction::new(id.clone(), reason))
            }
            _ => EventData::ChildCorrected {
                child: Box::new(self.case.child().clone()),
                reason,
            },
        };
        self.emit(correction);
    }

    fn emit_event(&mut self, event: Event) {
        if let Err(rejection) = self.case.apply(event, &self.policy) {
            panic!(
                "permanency::strategy::history built an event the case refused (a bug in the strategy): {rejection}"
            );
        }
    }

    fn age(&self) -> u32 {
        self.case
            .child()
            .age_on(self.date, &self.policy)
            .unwrap_or(0)
    }

    fn stage(&self) -> StageKind {
        self.case.stage().kind()
    }

    fn on_runaway(&self) -> bool {
        self.case
            .current_placement()
            .is_some_and(|p| p.setting().is_runaway())
    }

    fn goal(&self) -> Option<Goal> {
        self.case.current_plan().map(|p| p.primary_goal())
    }

    /// The legal parents whose rights are intact.
    /// A relinquishment (when `relinquish` and the Act allows one on this date: not within 10
    /// days of an Indian child's birth, 25 U.S.C. 1913(a)) or a termination of `parent`'s rights.
    fn end_rights(&self, parent: PersonId, relinquish: bool) -> EventData {
        if relinquish && self.consent_valid() {
            EventData::ParentalRightsRelinquished { parent }
        } else {
            EventData::ParentalRightsTerminated { parent }
        }
    }

    /// Whether a consent given today is valid: the Act does not apply, or the child was born
    /// more than 10 days ago (25 U.S.C. 1913(a)).
    fn consent_valid(&self) -> bool {
        let born = *self.case.child().date_of_birth().expose();
        !self.case.indian_child_status_on(self.date).icwa_applies()
            || (self.date - born).num_days() > crate::rules::icwa::CONSENT_INVALID_DAYS
    }

    /// An ICWA record: the child's status, a court's findings (complete or not), a parent's
    /// consent to foster care, or its withdrawal.
    fn icwa(&mut self, k: u8) {
        use crate::icwa::{ConsentTo, ConsentWithdrawal, EvidenceStandard, IcwaConsent};
        let parent = self.intact().first().cloned();
        let standing = parent.as_ref().filter(|p| {
            let mut stands = false;
            for e in self.case.events() {
                match e.what() {
                    EventData::IcwaConsent(c)
                        if c.person == **p && c.to == ConsentTo::FosterCare =>
                    {
                        stands = true
                    }
                    EventData::IcwaConsentWithdrawn(w)
                        if w.person == **p && w.to == ConsentTo::FosterCare =>
                    {
                        stands = false
                    }
                    _ => {}
                }
            }
            stands
        });
        // The slot varies with the length of the history, so that each kind of record varies.
        let n = self.case.events().len();
        let what = match (
            (usize::from(k) / 10 + n) % 5,
            parent.clone(),
            standing.cloned(),
        ) {
            // The placement preferences: a home assessed, good cause found, a tribe's own order.
            (1, _, _) if n % 4 != 3 => {
                use crate::icwa::IcwaHome as H;
                let current = self.case.current_placement().map(|p| p.id().clone());
                match (n % 4, current) {
                    (0, Some(placement)) => {
                        let home = [H::ExtendedFamily, H::TribalFosterHome, H::Other][(n / 4) % 3];
                        if home != H::Other {
                            return self.emit(EventData::IcwaHomeAssessed { placement, home });
                        }
                        // A departure from the preferences, and the court's good cause for it.
                        self.emit(EventData::IcwaHomeAssessed {
                            placement: placement.clone(),
                            home,
                        });
                        EventData::IcwaGoodCause { placement }
                    }
                    (1, Some(placement)) => EventData::IcwaGoodCause { placement },
                    _ => EventData::IcwaTribalPreferences(crate::icwa::Preferences::tribal(
                        vec![H::TribalFosterHome, H::ExtendedFamily],
                        vec![H::TribeMember, H::ExtendedFamily],
                    )),
                }
            }
            (1, _, _) => EventData::IcwaFindings(crate::icwa::IcwaFindings::new(
                IcwaOrder::FosterCarePlacement,
                (n / 4).is_multiple_of(3),
                !(n / 4).is_multiple_of(5),
                if (n / 4).is_multiple_of(7) {
                    EvidenceStandard::Preponderance
                } else {
                    EvidenceStandard::ClearAndConvincing
                },
            )),
            // Now and then the proceeding is transferred to the tribe: an exit.
            (2, _, _) if n.is_multiple_of(4) => EventData::IcwaTransferredToTribe(
                crate::Tribe::new("Navajo Nation").expect("a valid tribe"),
            ),
            // Family time: a plan of the expected frequency, and contacts held or planned.
            (4, _, _) if n.is_multiple_of(3) => {
                use crate::connections::{Contact, ContactKind, ContactWith};
                let with = match parent.clone() {
                    Some(p) => ContactWith::Person(p),
                    None => ContactWith::Sibling(
                        crate::ChildId::new("SIB-1").expect("a valid child id"),
                    ),
                };
                if (n / 3).is_multiple_of(2) {
                    self.emit(EventData::FamilyTimePlanned {
                        with: with.clone(),
                        every_days: 7 + u32::try_from(n % 24).expect("under 24"),
                    });
                }
                let kind = [
                    ContactKind::InPerson,
                    ContactKind::Virtual,
                    ContactKind::Phone,
                ][(n / 6) % 3];
                EventData::FamilyTimeContact(if (n / 6).is_multiple_of(4) {
                    Contact::planned(with, kind)
                } else {
                    Contact::held(with, kind)
                })
            }
            // A relative identified, then notified or excepted (family or domestic violence).
            (2, _, _) if n % 4 == 2 => {
                let person = PersonId::new("P-REL-1").expect("a valid person id");
                let known = self.case.events().iter().any(
                    |e| matches!(e.what(), EventData::RelativeIdentified(r) if r.person == person),
                );
                if !known {
                    self.emit(EventData::RelativeIdentified(
                        crate::connections::Relative::new(
                            person.clone(),
                            crate::connections::RelativeKind::Grandparent,
                        ),
                    ));
                }
                if (n / 4).is_multiple_of(2) {
                    EventData::RelativeNoticeExcepted { person }
                } else {
                    EventData::RelativeNotified { person }
                }
            }
            // A sibling recorded, then placed together or apart (with or without the reason).
            (2, _, _) if n % 4 == 1 => {
                let id = crate::ChildId::new("SIB-1").expect("a valid child id");
                let known =
                    self.case.events().iter().any(
                        |e| matches!(e.what(), EventData::SiblingRecorded(s) if s.child == id),
                    );
                if !known {
                    self.emit(EventData::SiblingRecorded(
                        crate::connections::Sibling::in_care(id.clone()),
                    ));
                }
                match n % 3 {
                    // Contact with the sibling documented as contrary to safety (§471(a)(31)(B)).
                    _ if n % 8 == 5 => EventData::SiblingContactExcepted { sibling: id },
                    0 => EventData::SiblingsPlacedTogether { sibling: id },
                    k => EventData::SiblingsSeparated {
                        sibling: id,
                        reason: (k == 1).then_some(
                            crate::connections::SeparationReason::ContraryToSafetyOrWellBeing,
                        ),
                    },
                }
            }
            (2, _, _) => EventData::IcwaFindings(crate::icwa::IcwaFindings::complete(
                IcwaOrder::ParentalRightsTermination,
            )),
            (3 | 4, _, Some(p)) => {
                EventData::IcwaConsentWithdrawn(ConsentWithdrawal::new(p, ConsentTo::FosterCare))
            }
            (3, Some(p), None) if self.consent_valid() => {
                EventData::IcwaConsent(IcwaConsent::new(p, ConsentTo::FosterCare))
            }
            // A consent to foster care, withdrawn the same day (at any time, §1913(b)).
            (4, Some(p), None) if self.consent_valid() => {
                self.emit(EventData::IcwaConsent(IcwaConsent::new(
                    p.clone(),
                    ConsentTo::FosterCare,
                )));
                EventData::IcwaConsentWithdrawn(ConsentWithdrawal::new(p, ConsentTo::FosterCare))
            }
            // The notice of the proceeding received, or more time asked for (1 to 20 days).
            (0, _, _) if n % 3 == 1 => EventData::IcwaNoticeReceived(match (n / 3) % 3 {
                0 => crate::icwa::NoticeRecipient::Secretary,
                1 => crate::icwa::NoticeRecipient::Tribe(
                    crate::Tribe::new("Navajo Nation").expect("a valid tribe"),
                ),
                _ => match parent.clone() {
                    Some(p) => crate::icwa::NoticeRecipient::Person(p),
                    None => crate::icwa::NoticeRecipient::Secretary,
                },
            }),
            (0, _, _) if n % 3 == 2 => EventData::IcwaAdditionalTime {
                days: 1 + u32::try_from(n % 20).expect("under 20"),
            },
            _ => EventData::IcwaStatusDetermined(if n.is_multiple_of(2) {
                IndianChildStatus::ReasonToKnow
            } else {
                IndianChildStatus::NotIndianChild
            }),
        };
        self.emit(what);
    }

    fn intact(&self) -> Vec<PersonId> {
        self.case
            .legal_parents()
            .into_iter()
            .filter(|p| !p.rights.ended())
            .map(|p| p.person)
            .collect()
    }

    fn adopted(&self) -> bool {
        self.case
            .episodes()
            .last()
            .and_then(|e| e.exit())
            .is_some_and(|x| x.reason == ExitReason::Adopted)
    }

    fn fresh_id(&mut self) -> PlacementId {
        self.placements += 1;
        PlacementId::new(format!("PL-{}", self.placements)).expect("valid placement id")
    }

    fn placement(&mut self, setting: Setting, caregiver: Option<FamilyId>) -> NewPlacement {
        let id = self.fresh_id();
        NewPlacement::new(id, setting, caregiver).expect("a caregiver exactly for family settings")
    }

    /// Records `family` again with its license renewed for two years from today.
    fn renew(&mut self, family: &FamilyId) {
        let Some(f) = self.case.family(family) else {
            return;
        };
        let Some(l) = f.license() else { return };
        let end = l.expires().map_or(self.date, |e| e.max(self.date));
        let renewed = FosterLicense::new(l.status(), l.since(), Some(days_after(end, 730)))
            .expect("valid license");
        let record = rebuilt(f, Some(renewed));
        self.emit(EventData::FamilyRecorded(Box::new(record)));
    }

    /// Makes sure a placement with `family` today is accepted: the family recorded, its license
    /// in force.
    fn ready(&mut self, family: &FamilyId) {
        if *family == self.cast.kin
            && let Some(kin) = self.cast.unknown_kin.take()
        {
            self.emit(EventData::FamilyRecorded(Box::new(kin)));
        }
        let lapsed = self
            .case
            .family(family)
            .and_then(|f| f.license())
            .is_some_and(|l| !l.in_force_on(self.date));
        if lapsed {
            self.renew(family);
        }
    }

    /// An ordinary placement into home `k`, its family made ready first.
    fn home(&mut self, k: u8, location: Location, spec: Option<SpecifiedSetting>) -> NewPlacement {
        use Setting::*;
        let sub = k / HOMES;
        let c = self.cast.clone();
        let (setting, family) = match k % HOMES {
            0..=2 => (NonRelativeFosterHome, Some(c.foster)),
            3 => (TherapeuticFosterHome, Some(c.foster)),
            4 => (ShelterFosterHome, Some(c.foster)),
            5 | 6 => (RelativeFosterHome, Some(c.relative)),
            7 => (KinFosterHome, Some(c.kin)),
            8 => (KinFosterHome, Some(c.relative)),
            9 => (RelativeFosterHome, Some(c.guardian)),
            10 => (
                [
                    GroupHomeStaffOperated,
                    GroupHomeFamilyOperated,
                    GroupHomeShelter,
                ][usize::from(sub % 3)],
                None,
            ),
            11 => (
                [
                    ChildCareInstitution,
                    ChildCareInstitutionShelter,
                    ResidentialTreatmentCenter,
                ][usize::from(sub % 3)],
                None,
            ),
            12 => (Qrtp, None),
            13 if self.age() >= 16 => (SupervisedIndependentLiving, None),
            14 => (
                [
                    MedicalFacility,
                    PsychiatricHospital,
                    JuvenileJusticeFacility,
                ][usize::from(sub % 3)],
                None,
            ),
            15 => (NonRelativeFosterHome, Some(c.pre_adoptive)),
            _ => (NonRelativeFosterHome, Some(c.foster)),
        };
        if let Some(f) = &family {
            self.ready(f);
        }
        let p = self.placement(setting, family).in_location(location);
        match spec {
            Some(s) if setting.is_congregate_care() => {
                p.specified_as(s).expect("congregate care may be specified")
            }
            _ => p,
        }
    }

    /// Places the child in home `k` with the event the case's placement calls for: begun, changed,
    /// or a return from a runaway.
    fn place(&mut self, k: u8, location: Location, spec: Option<SpecifiedSetting>) {
        let open = self
            .case
            .current_placement()
            .map(|p| p.setting().is_runaway());
        let p = self.home(k, location, spec);
        self.emit(match open {
            None => EventData::PlacementBegun(p),
            Some(false) => EventData::PlacementChanged(p),
            Some(true) => EventData::ReturnedFromRunaway(p),
        });
    }

    /// The adoptive home, made ready: the pre-adoptive family (licensed) or the adoptive family.
    fn adoptive_placement(&mut self, k: u8) -> NewPlacement {
        let family = self.adoptive_home.clone().unwrap_or_else(|| {
            if k.is_multiple_of(3) {
                self.cast.adoptive.clone()
            } else {
                self.cast.pre_adoptive.clone()
            }
        });
        self.ready(&family);
        self.adoptive_home = Some(family.clone());
        self.placement(Setting::PreAdoptiveHome, Some(family))
    }

    fn set_goals(&mut self, primary: Goal, concurrent: u8) {
        let concurrent = match concurrent % 5 {
            0 => Some(Goal::Adoption),
            1 => Some(Goal::LegalGuardianship),
            2 => Some(Goal::FitAndWillingRelative),
            3 => Some(Goal::Reunification),
            _ => None,
        }
        .filter(|&c| c != primary);
        let goals = Goals::new(primary, concurrent, None).expect("valid goals");
        self.emit(EventData::PlanSet(goals));
    }

    fn appla(&mut self) {
        let doc = ApplaDocumentation::new(
            Note::new("the youth asked to stay with her caregiver").expect("valid note"),
            Note::new("relatives searched and none can care for the youth").expect("valid note"),
        );
        let goals = Goals::new(Goal::Appla, None, Some(doc)).expect("valid goals");
        self.emit(EventData::PlanSet(goals));
    }

    /// The first day of a stay in the guardian's licensed home, when the child is there now.
    fn with_guardian_since(&self) -> Option<NaiveDate> {
        let g = &self.cast.guardian;
        let ps = self.case.placements();
        let (last, before) = ps.split_last()?;
        if !last.is_open() || last.caregiver() != Some(g) {
            return None;
        }
        let mut start = last.start();
        for p in before.iter().rev() {
            if p.caregiver() == Some(g) && p.end().map(|e| e.date) == Some(start) {
                start = p.start();
            } else {
                break;
            }
        }
        let license = self.case.family(g)?.license()?;
        license
            .in_force_on(self.date)
            .then(|| start.max(license.since()))
    }

    /// Whether a discharge to the guardian with kinship guardianship assistance is due today.
    fn kinship_ready(&self) -> bool {
        self.with_guardian_since().is_some_and(|since| {
            let months = self.policy.kinship_guardianship_months();
            crate::date::months_after_with(since, months, self.policy.month_end()) < self.date
        })
    }

    fn discharge(&mut self, d: Discharge) {
        self.adoptive_home = None;
        self.visit = None;
        self.emit(EventData::Discharge(d));
    }

    /// Moves the date past the visit's authorized period.
    fn outlive_visit(&mut self, v: Visit) {
        let past = days_after(v.start, 190).max(v.until.map_or(v.start, |u| days_after(u, 2)));
        self.date = self.date.max(past);
    }

    fn step(&mut self, gap: u16, op: &Op) {
        self.date = days_after(self.date, u32::from(gap));
        if let Some(v) = self.visit {
            self.date = self.date.min(v.through);
        }
        use StageKind as S;
        let stage = self.stage();
        match (stage, op) {
            (S::Deceased, _) => {}
            (_, Op::Record(k)) => self.record(*k),
            (S::Intake | S::Preservation | S::Exited | S::Closed, Op::Remove(m, c, from)) => {
                if self.adopted() {
                    return;
                }
                let mut r = Removal::new(*m).with_circumstances(*c);
                if *from {
                    r = r.from_family(self.cast.birth.clone());
                }
                self.emit(EventData::Removal(r));
            }
            (S::Reunification, Op::Remove(m, c, _)) => {
                // The visit outlived its limit: the child comes back as a new removal.
                let v = self.visit.take().expect("a visit in progress");
                self.outlive_visit(v);
                let r = Removal::new(*m)
                    .with_circumstances(*c)
                    .from_family(self.cast.birth.clone());
                self.emit(EventData::Removal(r));
            }
            (S::Intake | S::Exited, Op::Preserve(c)) if !self.adopted() => {
                self.emit(EventData::OpenPreservation(*c));
            }
            (S::Preservation, Op::Preserve(c)) => self.preserve(*c),
            (S::Preservation | S::Exited, Op::Close) => self.emit(EventData::Close),
            (S::Closed, Op::Close) if !self.adopted() => self.emit(EventData::Reopen),
            (
                S::Preservation | S::FosterCare | S::Reunification | S::Adoption,
                Op::Finding(k, x),
            ) => {
                self.finding(*k, *x);
            }
            (S::Preservation | S::FosterCare | S::Reunification, Op::EndRights(k, how))
                if how % 4 == 3 =>
            {
                // A parent dies; the walk keeps another with rights intact (or none ended yet).
                let intact = self.intact();
                if intact.len() >= 2 {
                    let parent = intact[usize::from(*k) % intact.len()].clone();
                    self.emit(EventData::ParentDeceased { parent });
                }
            }
            (S::FosterCare, _) => self.in_care(op),
            (S::Reunification, _) => self.on_visit(op),
            (S::Adoption, _) => self.awaiting_adoption(op),
            _ => {}
        }
    }

    fn record(&mut self, k: u8) {
        if k % 16 == 15 {
            // A substantiated or indicated maltreatment report: in any stage.
            use crate::case::event::{Maltreatment, MaltreatmentFinding, Perpetrator};
            let finding = if (k / 16).is_multiple_of(2) {
                MaltreatmentFinding::Substantiated
            } else {
                MaltreatmentFinding::Indicated
            };
            let report = match (k / 32) % 3 {
                0 => Maltreatment::new(finding),
                1 => Maltreatment::new(finding).by(Perpetrator::Parent),
                _ => Maltreatment::new(finding).by(Perpetrator::FosterParent),
            };
            return self.emit(EventData::MaltreatmentReported(report));
        }
        let c = self.cast.clone();
        match k % 4 {
            0 => self.renew(&c.foster),
            1 => self.renew(&c.pre_adoptive),
            2 if self.cast.unknown_kin.is_some() => self.ready(&c.kin),
            _ => {
                // The relative home approved as a foster home, its approval revoked (a relative
                // home needs none), or approved again.
                let Some(f) = self.case.family(&c.relative) else {
                    return;
                };
                let license = match f.license() {
                    Some(l) if l.in_force_on(self.date) && (k / 4).is_multiple_of(3) => {
                        FosterLicense::new(LicenseStatus::Revoked, l.since(), l.expires())
                            .expect("valid license")
                    }
                    Some(l) if l.in_force_on(self.date) => *l,
                    _ => FosterLicense::new(LicenseStatus::Approved, self.date, None)
                        .expect("valid license"),
                };
                let record = rebuilt(f, Some(license));
                self.emit(EventData::FamilyRecorded(Box::new(record)));
            }
        }
    }

    fn finding(&mut self, k: u8, x: u8) {
        let parents = self.case.legal_parents();
        let qrtp = self
            .case
            .placements()
            .iter()
            .rev()
            .find(|p| p.setting() == Setting::Qrtp)
            .map(|p| p.id().clone());
        let finding = match k % 12 {
            0 | 1 => Finding::ContraryToWelfare,
            2 => Finding::PreventionEfforts(
                [
                    PreventionEfforts::Made,
                    PreventionEfforts::NotMade,
                    PreventionEfforts::NotRequired,
                ][usize::from(x % 3)],
            ),
            3 | 4 => Finding::AbuseOrNeglect,
            5 | 6 => Finding::FinalizeEfforts(if x.is_multiple_of(4) {
                Determination::NotMade
            } else {
                Determination::Made
            }),
            7 if !parents.is_empty() => Finding::ReunificationEffortsNotRequired {
                parent: parents[usize::from(x) % parents.len()].person.clone(),
                ground: [
                    AggravatedGround::AggravatedCircumstances,
                    AggravatedGround::FelonyAgainstChild,
                    AggravatedGround::SiblingRightsTerminated,
                ][usize::from(x % 3)],
            },
            8 => Finding::AbandonedInfant,
            9 => Finding::VoluntaryPlacementBestInterests,
            10 | 11 if qrtp.is_some() => {
                let placement = qrtp.expect("checked");
                if x.is_multiple_of(3) {
                    Finding::QrtpDisapproved { placement }
                } else {
                    Finding::QrtpApproved { placement }
                }
            }
            _ => Finding::ContraryToWelfare,
        };
        self.emit(EventData::CourtFinding(finding));
    }

    /// Foster care: placements, runaways, plans, court work, rights, and the ways out.
    fn in_care(&mut self, op: &Op) {
        let runaway = self.on_runaway();
        match op {
            Op::Place(k, l, s) => self.place(*k, *l, *s),
            Op::RunAway(r) if !runaway => {
                let setting = if *r {
                    Setting::Runaway
                } else {
                    Setting::WhereaboutsUnknown
                };
                let p = self.placement(setting, None);
                self.emit(EventData::RanAway(p.try_into().expect("a runaway setting")));
            }
            Op::Plan(k, c) => match k % 8 {
                0..=2 => self.set_goals(Goal::Reunification, *c),
                3 | 4 => self.set_goals(Goal::Adoption, *c),
                5 => self.set_goals(Goal::LegalGuardianship, *c),
                6 => self.set_goals(Goal::FitAndWillingRelative, *c),
                _ if self.age() >= self.policy.appla_min_age() => self.appla(),
                _ => self.set_goals(Goal::Reunification, *c),
            },
            Op::Routine(k, _) if k % 10 == 9 && (k / 10) % 5 == 0 => self.correct(*k),
            // respite: a few nights away from an open ordinary placement, back to it.
            Op::Routine(k, _)
                if k % 10 == 9
                    && (k / 10) % 5 == 1
                    && !runaway
                    && self.case.current_placement().is_some() =>
            {
                let nights = 1 + u64::from(k / 10) % u64::from(self.policy.respite_max_days());
                let returns = self.date + chrono::Days::new(nights);
                let id = self.fresh_id();
                self.emit(EventData::Respite(crate::case::event::Respite::new(
                    id, returns,
                )));
            }
            // icwa: the child's status, a court's findings, a consent and its withdrawal.
            Op::Routine(k, _)
                if (k % 10 == 9 && (k / 10) % 5 == 3) || (k % 10 == 7 && (k / 10) % 3 == 0) =>
            {
                self.icwa(*k)
            }
            Op::Routine(k, e) => self.emit(match k % 10 {
                0 | 1 => EventData::PeriodicReview,
                2 | 3 => EventData::PermanencyHearing,
                4 => EventData::CasePlanCompleted,
                5 => EventData::RelativesNotified,
                6 => match (k / 10) % 4 {
                    // supports: the records of a transition to adulthood
                    2 => EventData::CreditReportObtained,
                    3 if k % 80 < 40 => EventData::ExitDocumentsProvided,
                    3 => EventData::ExtendedCareCondition(crate::supports::YouthCondition::new(
                        crate::supports::QualifyingCondition::Working80Hours,
                    )),
                    _ if *k / 10 == 1 => {
                        EventData::CaseConference(crate::supports::Conference::new(
                            crate::supports::ConferenceKind::CasePlanning,
                            [
                                crate::supports::ParticipantRole::Child,
                                crate::supports::ParticipantRole::Caseworker,
                            ],
                        ))
                    }
                    _ if *k / 10 == 5 => EventData::ChildConsultedAtHearing,
                    _ if *k / 10 == 0 => EventData::TeamMemberChosen {
                        member: PersonId::new("P-CHOSEN").expect("a valid id"),
                    },
                    _ if *k / 10 == 4 => EventData::TeamMemberRejected {
                        member: PersonId::new("P-CHOSEN").expect("a valid id"),
                        reason: Note::new("good cause").expect("a valid note"),
                    },
                    _ if *k / 10 == 9
                        && self
                            .case
                            .placements()
                            .last()
                            .and_then(|p| p.caregiver())
                            .is_some() =>
                    {
                        EventData::CaregiverNotified {
                            family: self
                                .case
                                .placements()
                                .last()
                                .and_then(|p| p.caregiver())
                                .cloned()
                                .expect("a caregiver"),
                        }
                    }
                    1 if *k >= 128 => EventData::SchoolEnrolled({
                        let school = crate::supports::SchoolId::new(format!("S-{}", k % 3))
                            .expect("a valid id");
                        let en = crate::supports::Enrollment::new(school);
                        if k % 4 == 0 { en.with_records() } else { en }
                    }),
                    0 if *k >= 128 && self.case.placements().last().is_some() => {
                        EventData::SchoolStabilityConsidered {
                            placement: self
                                .case
                                .placements()
                                .last()
                                .map(|p| p.id().clone())
                                .expect("a placement"),
                        }
                    }
                    _ => EventData::TransitionPlanCompleted,
                },
                7 => EventData::TprPetitionFiled,
                8 => EventData::TprExceptionDocumented(*e),
                // The records the clocks read: visits, a missing child's reports and debrief,
                // an adoption assistance agreement.
                _ => match (k / 10) % 9 {
                    7 => EventData::KinshipConsultation,
                    8 => EventData::ReturnAndAdoptionRuledOut,
                    6 => EventData::ApplaReviewed(if k % 20 < 10 {
                        ApplaReview::complete()
                    } else {
                        ApplaReview::new().efforts()
                    }),
                    0 => EventData::CaseworkerVisited {
                        in_residence: k % 20 < 10,
                    },
                    1 => EventData::MissingChildReported(MissingReport::LawEnforcement),
                    2 => EventData::MissingChildReported(MissingReport::MissingChildrenCenter),
                    3 => EventData::AbsenceFactorsDetermined,
                    4 => EventData::TraffickingScreened,
                    _ => EventData::AdoptionAssistanceAgreementSigned,
                },
            }),
            Op::Qrtp(k, outcome) => {
                let qrtp = self
                    .case
                    .placements()
                    .iter()
                    .rev()
                    .find(|p| p.setting() == Setting::Qrtp)
                    .map(|p| p.id().clone());
                if let Some(placement) = qrtp {
                    self.emit(if k % 3 == 2 {
                        EventData::QrtpLongStayApproved { placement }
                    } else if k % 6 == 3 {
                        // the evidence for a review or hearing (SSA §475A(c)(4))
                        EventData::QrtpEvidenceSubmitted { placement }
                    } else if k % 6 == 1 {
                        // supports: the assessment as a record of who made it
                        EventData::IndividualAssessment(
                            crate::supports::Assessment::new(
                                crate::supports::AssessmentKind::Qrtp,
                                PersonId::new("P-QI").expect("a valid id"),
                                *outcome,
                            )
                            .for_placement(placement),
                        )
                    } else {
                        EventData::QrtpAssessed {
                            placement,
                            outcome: *outcome,
                        }
                    });
                } else {
                    // No QRTP yet: place the child in one.
                    self.place(12, Location::InState, None);
                }
            }
            Op::EndRights(k, how) => {
                let intact = self.intact();
                if !intact.is_empty() {
                    let parent = intact[usize::from(*k) % intact.len()].clone();
                    let ended = self.end_rights(parent, how % 4 == 1);
                    self.emit(ended);
                }
            }
            Op::Toward(k) => self.toward(*k),
            Op::Discharge(k) => self.leave_care(*k),
            _ => {}
        }
    }

    /// The next event toward permanency `k % 3`: reunification, adoption, guardianship.
    fn toward(&mut self, k: u8) {
        if self.on_runaway() {
            let home = if k % 3 == 2 { 9 } else { k };
            return self.place(home, Location::InState, None);
        }
        let intact = self.intact();
        match k % 3 {
            0 if !intact.is_empty() => {
                if self.goal().is_some_and(|g| g != Goal::Reunification) {
                    return self.set_goals(Goal::Reunification, k / 3);
                }
                // Home to the birth family that has a parent with rights intact.
                let homes: Vec<FamilyId> = std::iter::once(self.cast.birth.clone())
                    .chain(self.cast.father_home.clone())
                    .filter(|f| {
                        self.case.family(f).is_some_and(|f| {
                            f.legal_parents().any(|m| intact.contains(m.person().id()))
                        })
                    })
                    .collect();
                let Some(family) = homes.get(usize::from(k / 3) % homes.len().max(1)).cloned()
                else {
                    return;
                };
                let p = self.placement(Setting::TrialHomeVisit, Some(family));
                self.visit = Some(Visit {
                    start: self.date,
                    through: days_after(self.date, 180),
                    until: None,
                });
                self.emit(EventData::TrialHomeVisitBegun(
                    p.try_into().expect("a trial home visit setting"),
                ));
            }
            0 | 1 => {
                if self.goal() != Some(Goal::Adoption) {
                    return self.set_goals(Goal::Adoption, k / 3);
                }
                if let Some(parent) = intact.first().cloned() {
                    let ended = self.end_rights(parent, k.is_multiple_of(5));
                    return self.emit(ended);
                }
                let p = self.adoptive_placement(k / 3);
                self.emit(EventData::PlacedForAdoption(p));
            }
            _ => {
                if self.goal() != Some(Goal::LegalGuardianship) {
                    return self.set_goals(Goal::LegalGuardianship, k / 3);
                }
                let Some(since) = self.with_guardian_since() else {
                    return self.place(9, Location::InState, None);
                };
                if !self.kinship_ready() && (k / 3).is_multiple_of(2) {
                    // Months later, still in the guardian's home.
                    let months = self.policy.kinship_guardianship_months();
                    let due =
                        crate::date::months_after_with(since, months, self.policy.month_end());
                    self.date = self.date.max(days_after(due, 1));
                }
                if self.kinship_ready() {
                    let d = Discharge::Guardianship(
                        Guardianship::new(self.cast.guardian.clone()).with_kinship_assistance(),
                    );
                    self.discharge(d);
                }
            }
        }
    }

    /// A discharge from foster care (or from the adoptive home) for a reason that fits.
    fn leave_care(&mut self, k: u8) {
        let c = self.cast.clone();
        let d = match k % 6 {
            _ if self.age() >= self.policy.age_of_majority() && !k.is_multiple_of(3) => {
                Discharge::Emancipated
            }
            0 if !self.intact().is_empty() && self.stage() != StageKind::Adoption => {
                Discharge::reunified().to_family(c.birth)
            }
            1 => Discharge::to_relatives().to_family(c.relative),
            2 if self.kinship_ready() => {
                Discharge::Guardianship(Guardianship::new(c.guardian).with_kinship_assistance())
            }
            2 | 3 => Discharge::Guardianship(Guardianship::new(c.guardian)),
            4 if self.on_runaway() => Discharge::RunawayDischarge,
            4 => Discharge::TransferredToAnotherAgency,
            _ => return,
        };
        self.discharge(d);
    }

    /// A trial home visit: its extension, its end, or the discharge home.
    fn on_visit(&mut self, op: &Op) {
        let mut v = self.visit.expect("a visit in progress");
        match op {
            Op::Extend(days) => {
                let until = days_after(self.date, u32::from(*days) + 30);
                // The latest order stands, even one that shortens an earlier extension.
                v.until = Some(until);
                v.through = days_after(v.start, 180).max(until);
                self.visit = Some(v);
                self.emit(EventData::CourtFinding(Finding::VisitExtended { until }));
            }
            Op::Place(k, l, s) => {
                let p = self.home(*k, *l, *s);
                self.visit = None;
                self.emit(EventData::TrialHomeVisitEnded(p));
            }
            Op::Plan(_, c) => self.set_goals(Goal::Reunification, *c),
            Op::Routine(k, _) => self.emit(match k % 5 {
                0 | 1 => EventData::PeriodicReview,
                2 => EventData::PermanencyHearing,
                3 => EventData::CasePlanCompleted,
                _ => EventData::TransitionPlanCompleted,
            }),
            Op::Toward(k) | Op::Discharge(k) => {
                let to = self.cast.birth.clone();
                match k % 8 {
                    // The court extends the visit.
                    4 | 5 => self.on_visit(&Op::Extend(u16::from(k / 8) * 2)),
                    // The visit outlived its limit: that ended the episode in reunification, on
                    // the policy's date; the discharge records it late.
                    7 => {
                        self.outlive_visit(v);
                        self.discharge(Discharge::reunified());
                    }
                    6 => self
                        .discharge(Discharge::to_relatives().to_family(self.cast.relative.clone())),
                    _ => self.discharge(Discharge::reunified().to_family(to)),
                }
            }
            _ => {}
        }
    }

    /// Placed for adoption: the finalization, a runaway and its return, a disruption.
    fn awaiting_adoption(&mut self, op: &Op) {
        let runaway = self.on_runaway();
        match op {
            Op::Toward(k) | Op::Place(k, _, _) if runaway => {
                let p = self.adoptive_placement(*k);
                self.emit(EventData::ReturnedFromRunaway(p));
            }
            Op::Toward(_) => {
                self.adoptive_home = None;
                self.emit(EventData::AdoptionFinalized);
            }
            Op::RunAway(r) if !runaway => {
                let setting = if *r {
                    Setting::Runaway
                } else {
                    Setting::WhereaboutsUnknown
                };
                let p = self.placement(setting, None);
                self.emit(EventData::RanAway(p.try_into().expect("a runaway setting")));
            }
            Op::Disrupt(k) => {
                let p = self.home(*k, Location::InState, None);
                self.adoptive_home = None;
                self.emit(EventData::AdoptionDisrupted(p));
            }
            Op::Plan(_, c) => self.set_goals(Goal::Adoption, *c),
            Op::Routine(k, _) => self.emit(match k % 5 {
                0 | 1 => EventData::PeriodicReview,
                2 => EventData::PermanencyHearing,
                3 => EventData::CasePlanCompleted,
                _ => EventData::RelativesNotified,
            }),
            Op::Discharge(k) if k % 4 == 0 => self.leave_care(*k),
            _ => {}
        }
    }
}

/// `f` again, with `license`.
fn rebuilt(f: &Family, license: Option<FosterLicense>) -> Family {
    let mut b = Family::builder(f.id().clone(), f.kind());
    for m in f.members() {
        b = b.member(m.clone());
    }
    if let Some(l) = license {
        b = b.license(l);
    }
    for s in f.siblings_in_care() {
        b = b.sibling_in_care(s.clone());
    }
    b.build()
        .expect("a family rebuilt from a valid one is valid")
}

/// The abstract draw of a history: the child, the start, the cast, the steps, and whether the
/// child dies at the end.
type Draw = (
    Child,
    u32,
    CastSeed,
    Option<Op>,
    Vec<(u16, Op)>,
    Option<u16>,
);

fn draw(steps: SizeRange) -> impl Strategy<Value = Draw> {
    let born = date_in(ymd(1996, 1, 1)..=ymd(2030, 12, 31));
    let child = (child_id(), name(), born, sex(), indian_child_status()).prop_map(
        |(id, name, born, sex, status)| {
            Child::new(id, name, born, sex)
                .expect("valid child")
                .with_indian_child_status(status)
        },
    );
    // Days from birth to the first event: mostly a young child, sometimes a teenager.
    let start = prop_oneof![3 => 0u32..=12 * 365, 1 => 12 * 365u32..=17 * 365];
    let opening = prop_oneof![
        8 => (manner(), circumstances(), any::<bool>()).prop_map(|(m, c, f)| Some(Op::Remove(m, c, f))),
        2 => candidacy().prop_map(|c| Some(Op::Preserve(c))),
        1 => Just(None),
    ];
    (
        child,
        start,
        cast_seed(),
        opening,
        vec((gap(), op()), steps),
        option::weighted(0.05, 0u16..=400),
    )
}

/// Walks a draw under the federal policy: the case it builds.
fn walk((child, start, seed, opening, steps, death): Draw) -> Case {
    let policy = Policy::federal();
    let first = days_after(*child.date_of_birth().expose(), start);
    let (families, cast) = build_cast(seed, first);
    let case = Case::new(child, families).expect("distinct family ids");
    let mut w = Walk {
        policy,
        case,
        cast,
        date: first,
        placements: 0,
        visit: None,
        adoptive_home: None,
    };
    if let Some(op) = opening {
        w.step(0, &op);
    }
    for (gap, op) in &steps {
        if w.date >= LAST_DATE {
            break;
        }
        w.step(*gap, op);
    }
    if let Some(gap) = death
        && !matches!(w.stage(), StageKind::Intake | StageKind::Deceased)
    {
        w.date = days_after(w.date, u32::from(gap));
        if let Some(v) = w.visit {
            w.date = w.date.min(v.through);
        }
        w.emit(EventData::Death);
    }
    w.case
}

/// Valid whole histories: a [`child`], the families known when the case opens, and up to 60
/// steps of events, every one accepted by [`Case::apply`] under [`Policy::federal`] — so
/// [`CaseRecord::replay`] under the federal policy always succeeds.
///
/// The child is born 1996–2030 and the history starts on the day of birth up to 17 years later.
/// The families: a birth family (mother and father, mother and a putative father, the father
/// alone, or mother and father in households of their own), a relative home (sometimes approved
/// as a foster home), a kin home (sometimes recorded only when first needed), a licensed
/// non-relative foster family and a licensed pre-adoptive family (licenses that lapse and are
/// renewed by `family_recorded`), an adoptive family, and a relative guardian approved as a
/// foster home. Family and person ids are numbered (`F-…`, `P-…`); names come from [`name`],
/// the child from [`child_id`], [`name`], [`sex`] and [`indian_child_status`].
///
/// Most cases open with a removal, some with in-home services. The events then cover every
/// stage: placements in every ordinary setting (QRTPs with their assessments and court
/// findings), moves, runaways and returns, plans (APPLA from 16), every court finding, hearings
/// and reviews, TPR petitions and exceptions, rights terminated, relinquished or ended by a
/// parent's death, trial home visits (extended by the court, ended, or outliving their limit:
/// then a re-entry, or a late discharge), placements for adoption, disruptions and
/// finalizations, discharges for every reason a discharge may give (kinship guardianship
/// assistance after six months in the guardian's home, emancipation from 18), re-entries,
/// closing and reopening, corrections (a review voided or amended, a finding vacated, the
/// child's record corrected), and sometimes the child's death at the end. Dates never go
/// backwards: often the same day, mostly weeks apart, sometimes years.
///
/// ```
/// use permanency::{Case, Policy, strategy};
/// use proptest::test_runner::TestRunner;
///
/// TestRunner::default()
///     .run(&strategy::history(), |record| {
///         let events = record.events.len();
///         let case = record.replay(&Policy::federal()).expect("every history replays");
///         assert_eq!(case.entries().len(), events);
///         // Dates never go backwards.
///         assert!(case.events().windows(2).all(|w| w[0].date() <= w[1].date()));
///         Ok(())
///     })
///     .unwrap();
/// ```
pub fn history() -> impl Strategy<Value = CaseRecord> {
    history_with_steps(0..=60)
}

/// Valid histories as [`history`] builds them, from a number of steps in `steps` (a step makes
/// at most a few events, sometimes none; a step after the child's death makes none).
///
/// ```
/// use permanency::{Policy, strategy};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let long = strategy::history_with_steps(200..=300);
/// let record = long.new_tree(&mut runner).unwrap().current();
/// assert!(record.replay(&Policy::federal()).is_ok());
/// ```
pub fn history_with_steps(steps: impl Into<SizeRange>) -> impl Strategy<Value = CaseRecord> {
    draw(steps.into()).prop_map(|d| walk(d).record())
}

/// The [`Case`]s of [`history`]: each history applied, event by event, under
/// [`Policy::federal`] (equal to [`Case::replay`] of its record).
///
/// ```
/// use permanency::{Policy, strategy};
/// use proptest::test_runner::TestRunner;
///
/// TestRunner::default()
///     .run(&strategy::case(), |case| {
///         // At most one placement is open, and only the last.
///         let open = case.placements().iter().filter(|p| p.is_open()).count();
///         assert!(open <= 1);
///         assert_eq!(open == 1, case.current_placement().is_some());
///         // The clocks run on every case.
///         let as_of = case.events().last().map_or(chrono::NaiveDate::MAX, |e| e.date());
///         for o in case.obligations(as_of.min(permanency::date::LATEST), &Policy::federal()) {
///             assert!(o.counts_from() <= o.due());
///         }
///         Ok(())
///     })
///     .unwrap();
/// ```
pub fn case() -> impl Strategy<Value = Case> {
    case_with_steps(0..=60)
}

/// The [`Case`]s of [`history_with_steps`].
pub fn case_with_steps(steps: impl Into<SizeRange>) -> impl Strategy<Value = Case> {
    draw(steps.into()).prop_map(walk)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use std::collections::BTreeSet;

    /// Every family kind, every setting and goals with and without APPLA come out of a few
    /// hundred draws.
    #[test]
    fn strategies_cover_every_kind_and_setting() {
        let mut runner = TestRunner::deterministic();
        let (families, placements, goals) = (family(), new_placement(), goals());
        let mut kinds = BTreeSet::new();
        let mut settings = BTreeSet::new();
        let mut appla = (false, false);
        let mut non_ascii = false;
        for _ in 0..600 {
            let f = families.new_tree(&mut runner).unwrap().current();
            kinds.insert(f.kind().as_str());
            non_ascii |= f
                .members()
                .iter()
                .any(|m| !m.person().name().expose().as_str().is_ascii());
            settings.insert(
                placements
                    .new_tree(&mut runner)
                    .unwrap()
                    .current()
                    .setting(),
            );
            let g = goals.new_tree(&mut runner).unwrap().current();
            if g.includes(Goal::Appla) {
                appla.0 = true;
            } else {
                appla.1 = true;
            }
        }
        assert_eq!(kinds.len(), 7, "{kinds:?}");
        assert_eq!(settings.len(), Setting::ALL.len());
        assert_eq!(appla, (true, true));
        assert!(non_ascii);
    }
}
