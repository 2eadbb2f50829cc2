//! Discharge from foster care: the exit reasons, emancipation, guardianship and kinship
//! guardianship assistance (SSA §473(d), §475(7), §475(8)).

use chrono::NaiveDate;

use super::{Check, Objection, Rule, RuleId, Subject};
use crate::case::event::{Discharge, EventData, Guardianship, GuardianshipAssistance};
use crate::case::stage::ExitReason;
use crate::date;
use crate::family::{Family, FamilyKind};
use crate::policy::KinshipClock;

fn discharge<'a>(c: &Check<'a>) -> Option<&'a Discharge> {
    match c.event.what() {
        EventData::Discharge(d) => Some(d),
        _ => None,
    }
}

/// Emancipation not before the age of majority the policy sets (SSA §475(8): 18).
pub(crate) fn emancipation_age(c: &Check<'_>) -> Option<Objection> {
    let d = discharge(c)?;
    if d.reason() != ExitReason::Emancipated {
        return None;
    }
    let majority = c.policy.age_of_majority();
    let age = c.case.child().age_on(c.event.date(), c.policy).unwrap_or(0);
    (age < majority).then(|| {
        Objection::new(format!(
            "emancipation needs a youth who has attained {majority} on {}, found a younger youth",
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

/// Kinship guardianship assistance only for a relative guardian (SSA §473(d)(1): "relatives ...
/// who have assumed legal guardianship"). Only a guardianship can carry assistance.
pub(crate) fn kinship_relative(c: &Check<'_>) -> Option<Objection> {
    let (g, f) = guardianship(c)?;
    if g.assistance() != GuardianshipAssistance::Kinship {
        return None;
    }
    (!f.cared_for_by_relative()).then(|| {
        Objection::new(format!(
            "kinship guardianship assistance needs a relative guardian, found no relative caregiver in family {}",
            f.id()
        ))
        .about(Subject::Family(f.id().clone()))
    })
}

/// The first day from which the child has lived, without a break up to `on`, in `family`'s home
/// while it held a license in force: the start of the kinship-guardianship clock. `None` when the
/// child is not in that home on `on` or the license is not in force then.
///
/// Under [`KinshipClock::AllMonthsInHome`] the months before the license count too, once the home
/// is licensed on `on`. Shared by the guard below and the kinship-guardianship obligation of the
/// clocks.
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

/// Kinship guardianship assistance only after 6 consecutive months (the policy's number) in the
/// relative's licensed home (SSA §473(d)(3)(A)(i)(II): eligible for foster care maintenance
/// payments while residing there; an open reading, see [the manual](crate::manual#open-readings): counted while the home is licensed).
pub(crate) fn kinship_six_months(c: &Check<'_>) -> Option<Objection> {
    let (g, f) = guardianship(c)?;
    if g.assistance() != GuardianshipAssistance::Kinship {
        return None;
    }
    let months = c.policy.kinship_guardianship_months();
    let on = c.event.date();
    let start = licensed_stay_start(c.case, f, on, c.policy);
    let due = start.map(|s| date::months_after_with(s, months, c.policy.month_end()));
    match due {
        Some(due) if due <= on => None,
        _ => Some(
            Objection::new(match (start, due) {
                    (Some(s), Some(due)) => format!(
                        "kinship guardianship assistance needs {months} consecutive months in family {}'s licensed home, found {s} to {on} (the months are complete on {due})",
                        f.id()
                    ),
                    _ => format!(
                        "kinship guardianship assistance needs {months} consecutive months in family {}'s licensed home, found the child not placed there under a license in force on {on}",
                        f.id()
                    ),
                },
            )
            .about(Subject::Family(f.id().clone())),
        ),
    }
}

/// Emancipation only at majority.
pub(crate) const EMANCIPATION: Rule = Rule::one(RuleId::EmancipationAge, emancipation_age);
/// Guardianship names the guardian.
pub(crate) const GUARDIAN: Rule = Rule::one(RuleId::GuardianshipFamily, guardianship_family);
/// KinGAP only for a relative.
pub(crate) const KIN_RELATIVE: Rule = Rule::one(RuleId::KinshipGuardianRelative, kinship_relative);
/// KinGAP only after 6 months in the licensed home.
pub(crate) const KIN_SIX_MONTHS: Rule =
    Rule::one(RuleId::KinshipGuardianSixMonths, kinship_six_months);

/// The rules of a discharge (after, during a visit, the visit's limit).
pub(crate) const EXIT: &[Rule] = &[EMANCIPATION, GUARDIAN, KIN_RELATIVE, KIN_SIX_MONTHS];

/// Every rule of this family.
#[cfg(test)]
pub(crate) const ALL: &[Rule] = &[EMANCIPATION, GUARDIAN, KIN_RELATIVE, KIN_SIX_MONTHS];
