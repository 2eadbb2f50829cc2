//! Discharge from foster care: the exit reasons, emancipation, guardianship and kinship
//! guardianship assistance (SSA §473(d), §475(7), §475(8)).

use chrono::NaiveDate;

use super::{Check, Objection, Rule, RuleId, Subject};
use crate::case::event::{Discharge, EventData, Guardianship};
use crate::case::facts::Facts;
use crate::date;
use crate::family::{Family, FamilyKind};
use crate::id::FamilyId;
use crate::policy::KinshipClock;
use crate::timeline::calendar;

fn discharge<'a>(c: &Check<'a>) -> Option<&'a Discharge> {
    match c.event.what() {
        EventData::Discharge(d) => Some(d),
        _ => None,
    }
}

/// Emancipation not before the age of majority the policy sets (SSA §475(8): 18), unless a court
/// emancipated the minor ([`Discharge::EmancipatedByCourtOrder`], at any age: "or is otherwise
/// emancipated"; no federal rule sets a floor).
pub(crate) fn emancipation_age(c: &Check<'_>) -> Option<Objection> {
    let d = discharge(c)?;
    if !matches!(d, Discharge::Emancipated) {
        return None;
    }
    let majority = c.policy.age_of_majority();
    let age = c.case.child().age_on(c.event.date(), c.policy).unwrap_or(0);
    (age < majority).then(|| {
        Objection::new(format!(
            "emancipation needs a youth who has attained {majority} on {}, found a younger youth; a minor emancipated by a court is emancipated_by_court_order",
            c.event.date()
        ))
    })
}

/// The guardianship a discharge records and the guardian's family, when the case knows it (an
/// unknown family is `families_known`'s).
fn guardianship<'a>(c: &Check<'a>) -> Option<(&'a Guardianship, &'a Family)> {
    let g = discharge(c)?.guardianship()?;
    Some((g, c.case.family(g.guardian())?))
}

/// A discharge to guardianship is to a caretaker's household (SSA §475(7): a judicially
/// created relationship between the child and a caretaker): a guardian family, or the relative,
/// kin, foster, pre-adoptive or adoptive household that becomes the guardian, as recorded. Not
/// the birth family, nor a household holding a legal parent of the child whose rights are
/// intact: going to a parent is a return home, not a guardianship. The payload always names the
/// guardian.
pub(crate) fn guardianship_family(c: &Check<'_>) -> Option<Objection> {
    let (_, f) = guardianship(c)?;
    // A legal parent of the child, rights intact, among the household's members (a parent may
    // live in a relative's household): going there is a return to the parent.
    let parent = f.members().iter().find(|m| {
        let p = m.person().id();
        c.case.is_legal_parent(p) && !c.case.parental_rights(p).ended()
    });
    if f.kind() == FamilyKind::Birth {
        return Some(
            Objection::new(format!(
                "a discharge to guardianship needs a caretaker's household (a guardian, relative, kin, foster, pre-adoptive or adoptive family), found family {} of kind {}; a return to the legal parents is reunified",
                f.id(),
                f.kind().as_str()
            ))
            .about(Subject::Family(f.id().clone())),
        );
    }
    parent.map(|m| {
        Objection::new(format!(
            "a discharge to guardianship needs a caretaker's household, found family {} holding person {}, a legal parent of the child with rights intact; a return to a parent is reunified",
            f.id(),
            m.person().id()
        ))
        .about(Subject::Family(f.id().clone()))
        .about(Subject::Person(m.person().id().clone()))
    })
}

/// The first day of the child's stay in `family`'s home that reaches `on`: the uninterrupted
/// run of placements with that caregiver ending in the one in progress on `on` (a runaway, a
/// move elsewhere or a gap between two placements ends a run; a respite keeps the placement and
/// so the run). `None` when the child is not in that home on `on`.
fn stay_start(case: &Facts, family: &FamilyId, on: NaiveDate) -> Option<NaiveDate> {
    let placements = case.placements();
    let last = placements.iter().rposition(|p| {
        p.caregiver() == Some(family) && p.start() <= on && p.end().is_none_or(|e| e.date >= on)
    })?;
    let mut start = placements[last].start();
    for p in placements[..last].iter().rev() {
        let contiguous = p.end().is_some_and(|e| e.date == start);
        if p.caregiver() == Some(family) && contiguous {
            start = p.start();
        } else {
            break;
        }
    }
    Some(start)
}

/// The days `family`'s home held a foster license in force, as maximal runs `(first, last)`
/// (`last` `None`: no end recorded), in date order.
///
/// Each day is judged by the family's record in effect that day: a later `family_recorded`
/// replaces an earlier record from its date — except that a record whose license begins after
/// its date (a renewal recorded ahead of the day it takes over) leaves the earlier record the
/// days before that license begins, so a renewal keyed on 04-20 for a license from 05-01 does
/// not cut short the one in force to 04-30. Licenses that touch (one's last day `D`, the next in
/// force from `D + 1` or earlier) make one run. Linear in the number of records.
pub(crate) fn licensed_runs(case: &Facts, family: &FamilyId) -> Runs {
    // One record (most families): its license in force is the one run, with no list built.
    if let Some((recorded, f)) = case.only_record(family) {
        return match f
            .license()
            .filter(|l| l.status().in_force())
            .map(|l| {
                (
                    recorded.map_or(l.since(), |r| r.max(l.since())),
                    l.expires(),
                )
            })
            .filter(|&(first, last)| last.is_none_or(|x| x >= first))
        {
            Some(run) => Runs::One(run),
            None => Runs::Many(Vec::new()),
        };
    }
    let records = case.family_records(family);
    // Record `i` governs `[its first day, the earliest first day of any later record)`: walked
    // from the last record back, keeping that earliest day (`None`: no later record). Its first
    // day is its event's date, or its license's first day when that is later; the record at
    // opening governs from before any event.
    let mut governed: Vec<(NaiveDate, Option<NaiveDate>, &Family)> =
        Vec::with_capacity(records.len());
    let mut earliest_later: Option<NaiveDate> = None;
    for &(recorded, f) in records.iter().rev() {
        let from = recorded.map_or(NaiveDate::MIN, |r| {
            f.license().map_or(r, |l| l.since().max(r))
        });
        if earliest_later.is_none_or(|l| from < l) {
            governed.push((from, earliest_later, f));
            earliest_later = Some(from);
        }
    }
    let mut runs: Vec<(NaiveDate, Option<NaiveDate>)> = Vec::new();
    for (from, until, f) in governed.into_iter().rev() {
        let Some(license) = f.license().filter(|l| l.status().in_force()) else {
            continue;
        };
        let first = from.max(license.since());
        // The last day governed: the day before the next record takes over.
        let governed_last = until.map(|u| date::days_before(u, 1));
        let last = match (governed_last, license.expires()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if last.is_some_and(|l| l < first) {
            continue;
        }
        match runs.last_mut() {
            // Touching or overlapping the run before: the same run.
            Some((_, prev)) if prev.is_none_or(|p| first <= date::days_after(p, 1)) => {
                *prev = match (*prev, last) {
                    (Some(p), Some(l)) => Some(p.max(l)),
                    _ => None,
                };
            }
            _ => runs.push((first, last)),
        }
    }
    Runs::Many(runs)
}

/// A run of days a home held a license in force: its first day, its last (`None`: no end).
pub(crate) type Run = (NaiveDate, Option<NaiveDate>);

/// The runs of [`licensed_runs`], in date order: one held inline (the common case of a family
/// with one record), or a list.
#[derive(Debug)]
pub(crate) enum Runs {
    One(Run),
    Many(Vec<Run>),
}

impl std::ops::Deref for Runs {
    type Target = [Run];

    fn deref(&self) -> &[Run] {
        match self {
            Runs::One(run) => std::slice::from_ref(run),
            Runs::Many(runs) => runs,
        }
    }
}

/// The start of the kinship-guardianship clock for a child in `family`'s home on `on`: SSA
/// §473(d)(3)(A)(i)(II) asks that the child was "eligible for foster care maintenance payments
/// while residing for at least 6 consecutive months in the home of the prospective relative
/// guardian", that is 6 consecutive months (the policy's number, counted with its month end) in
/// that home while it held a license in force every day (§472(c)(1)).
///
/// The stay is the uninterrupted run of placements with the family ending in the one in progress
/// on `on`; each of its days is judged by the family's record in effect that day
/// ([`licensed_runs`]). The answer, when there is one:
///
/// - the first day of the earliest window of 6 months inside the stay, licensed every day and
///   complete by `on` (`start + 6 months <= on`): the months are served, whatever came after — a
///   license that expired, or the home recorded as the guardian's household without one,
///   costs maintenance payments for those days (§472(c)), not the assistance;
/// - else, when the home is licensed on `on`, the first day of that licensed run inside the
///   stay: the clock in progress (a renewal without a lapse continues it; a lapse restarts it
///   from the next license).
///
/// `None` when the child is not in that home on `on`, or neither holds. Under
/// [`KinshipClock::AllMonthsInHome`] every month of the stay counts once the home has held a
/// license in force on some day of it up to `on`: the answer is the stay's first day.
pub(crate) fn licensed_stay_start(
    case: &Facts,
    family: &FamilyId,
    on: NaiveDate,
    policy: &crate::Policy,
) -> Option<NaiveDate> {
    let stay = stay_start(case, family, on)?;
    // The licensed runs that meet the stay `[stay, on]`, each clipped to it.
    let runs = licensed_runs(case, family);
    let mut clipped = runs
        .iter()
        .filter(|&&(first, last)| first <= on && last.is_none_or(|l| l >= stay))
        .map(|&(first, last)| (first.max(stay), last));
    match policy.kinship_clock() {
        KinshipClock::AllMonthsInHome => clipped.next().map(|_| stay),
        KinshipClock::LicensedMonths => {
            let mut in_progress = None;
            for (first, last) in clipped {
                // The months from the run's first day are the earliest it can complete: a later
                // start in the same run completes no earlier.
                let six = calendar::months_after_with(
                    first,
                    policy.kinship_guardianship_months(),
                    policy.month_end(),
                );
                // Served: the window `[first, six)` is licensed and over by `on`.
                if six <= on && last.is_none_or(|l| date::days_before(six, 1) <= l) {
                    return Some(first);
                }
                if last.is_none_or(|l| l >= on) {
                    in_progress = Some(first);
                }
            }
            in_progress
        }
    }
}

/// Emancipation only at majority.
pub(crate) const EMANCIPATION: Rule = Rule::one(RuleId::EmancipationAge, emancipation_age);
/// Guardianship names the guardian.
pub(crate) const GUARDIAN: Rule = Rule::one(RuleId::GuardianshipFamily, guardianship_family);

/// The rules of a discharge (after, during a visit, the visit's limit).
///
/// Kinship guardianship assistance is not checked here: the guardianship is lawful whatever the
/// assistance, and assistance for a non-relative guardian or before the six months in the
/// licensed home only withholds title IV-E payment (DOMAIN §8.3, items 3, 8 and 9): the clocks
/// report it ([`RuleId::KinshipGuardianRelative`], [`RuleId::KinshipGuardianSixMonths`]).
pub(crate) const EXIT: &[Rule] = &[EMANCIPATION, GUARDIAN];

/// Every rule of this family.
#[cfg(test)]
pub(crate) const ALL: &[Rule] = EXIT;
