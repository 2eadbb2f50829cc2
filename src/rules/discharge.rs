//! Discharge from foster care: the exit reasons, emancipation, guardianship and kinship
//! guardianship assistance (SSA §473(d), §475(7), §475(8)).

use chrono::NaiveDate;

use super::{Check, Objection, Rule, RuleId, Subject};
use crate::case::event::{Discharge, EventData, Guardianship};
use crate::family::{Family, FamilyKind};
use crate::policy::KinshipClock;

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

/// A discharge to guardianship is to a family of kind guardian (SSA §475(7): a judicially
/// created relationship with a caretaker). The payload always names the guardian.
pub(crate) fn guardianship_family(c: &Check<'_>) -> Option<Objection> {
    let (_, f) = guardianship(c)?;
    (f.kind() != FamilyKind::Guardian).then(|| {
        Objection::new(format!(
            "a discharge to guardianship needs a guardian family, found family {} of kind {}",
            f.id(),
            f.kind().as_str()
        ))
        .about(Subject::Family(f.id().clone()))
    })
}

/// The first day from which the child has lived, without a break up to `on`, in `family`'s home
/// while it held a license in force: the start of the kinship-guardianship clock. `None` when the
/// child is not in that home on `on` or the license is not in force then.
///
/// Under [`KinshipClock::AllMonthsInHome`] the months before the license count too, once the home
/// is licensed on `on`. Read by the kinship-guardianship obligation of the clocks (SSA
/// §473(d)(3)(A)(i)(II)).
pub(crate) fn licensed_stay_start(
    case: &crate::case::facts::Facts,
    family: &Family,
    on: NaiveDate,
    policy: &crate::Policy,
) -> Option<NaiveDate> {
    let license = family.license().filter(|l| l.in_force_on(on))?;
    let placements = case.placements();
    let last = placements.iter().rposition(|p| {
        p.caregiver() == Some(family.id())
            && p.start() <= on
            && p.end().is_none_or(|e| e.date >= on)
    })?;
    let mut start = placements[last].start();
    for p in placements[..last].iter().rev() {
        let contiguous = p.end().is_some_and(|e| e.date == start);
        if p.caregiver() == Some(family.id()) && contiguous {
            start = p.start();
        } else {
            break;
        }
    }
    Some(match policy.kinship_clock() {
        KinshipClock::LicensedMonths => start.max(license.since()),
        KinshipClock::AllMonthsInHome => start,
    })
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
