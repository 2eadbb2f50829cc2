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
//! The strategies read no clock and no environment: a proptest run with a fixed seed yields the
//! same values every time. Dates default to 1990–2060 ([`date`]); [`date_in`] gives other
//! ranges. Names are mostly ASCII and sometimes Latin-1, Polish, Cyrillic, Greek or CJK, with
//! hyphens and apostrophes; ids are ASCII agency keys.

use std::ops::RangeInclusive;

use chrono::NaiveDate;
use proptest::collection::{btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::date::days_after;
use crate::{
    ApplaDocumentation, Child, ChildId, EndReason, Family, FamilyId, FamilyKind, FosterLicence,
    Goal, Goals, IndianChildStatus, LicenceStatus, Location, Member, Name, NewPlacement, Note,
    PermanencyPlan, Person, PersonId, Placement, PlacementId, Relationship, Setting, Sex,
    SpecifiedSetting, Tribe,
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

/// Every [`IndianChildStatus`], an Indian child with or without a known tribe.
pub fn indian_child_status() -> impl Strategy<Value = IndianChildStatus> {
    let _exhaustive = |s: IndianChildStatus| match s {
        IndianChildStatus::IndianChild { .. }
        | IndianChildStatus::NotIndianChild
        | IndianChildStatus::ReasonToKnow
        | IndianChildStatus::Unknown => (),
    };
    prop_oneof![
        3 => Just(IndianChildStatus::Unknown),
        3 => Just(IndianChildStatus::NotIndianChild),
        1 => Just(IndianChildStatus::ReasonToKnow),
        1 => option::of(tribe()).prop_map(|tribe| IndianChildStatus::IndianChild { tribe }),
    ]
}

/// Valid [`Child`]ren, born on a [`date`], of any sex and ICWA status.
pub fn child() -> impl Strategy<Value = Child> {
    (child_id(), name(), date(), sex(), indian_child_status()).prop_map(
        |(id, name, born, sex, status)| {
            Child::new(id, name, born, sex)
                .expect("valid child")
                .with_indian_child_status(status)
        },
    )
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
    ))
}

/// Every [`FamilyKind`].
pub fn family_kind() -> impl Strategy<Value = FamilyKind> {
    select(variants!(FamilyKind:
        Birth, Relative, Kin, NonRelativeFoster, PreAdoptive, Adoptive, Guardian,
    ))
}

/// Every [`LicenceStatus`].
pub fn licence_status() -> impl Strategy<Value = LicenceStatus> {
    select(variants!(LicenceStatus: Licensed, Approved, Provisional, Pending, Suspended, Revoked))
}

/// Valid [`FosterLicence`]s of any status, from a [`date`], without an end or expiring up to
/// three years later (possibly the same day).
pub fn foster_licence() -> impl Strategy<Value = FosterLicence> {
    (licence_status(), date(), option::of(0u32..=3 * 366)).prop_map(|(status, since, days)| {
        FosterLicence::new(status, since, days.map(|n| days_after(since, n)))
            .expect("valid licence")
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

/// The licence a valid family of `kind` may hold: never for a birth family, always for a
/// non-relative foster family, sometimes otherwise.
fn licence_for(kind: FamilyKind) -> BoxedStrategy<Option<FosterLicence>> {
    match kind {
        FamilyKind::Birth => Just(None).boxed(),
        FamilyKind::NonRelativeFoster => foster_licence().prop_map(Some).boxed(),
        _ => option::weighted(0.6, foster_licence()).boxed(),
    }
}

/// Everything of a family that depends on its kind.
type Shape = (FamilyKind, Vec<Role>, Option<FosterLicence>);

fn shape(kind: FamilyKind) -> impl Strategy<Value = Shape> {
    (Just(kind), roles(kind), licence_for(kind))
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
        .prop_map(|(id, (kind, roles, licence), ids, people, siblings)| {
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
            if let Some(licence) = licence {
                family = family.licence(licence);
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
/// families with their carers; other members without a role, a licence where the kind allows one
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
