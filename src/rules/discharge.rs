//! Discharge from foster care: the exit reasons, emancipation, guardianship and kinship
//! guardianship assistance (SSA §473(d), §475(7), §475(8)).

use chrono::NaiveDate;

use super::{Check, Objection, Rule, RuleId, Subject};
use crate::case::event::{Discharge, EventData, GuardianshipAssistance};
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

/// Adoption ends through `adoption_finalized` (with its guards) and death through `death`; a
/// discharge cannot claim either.
pub(crate) fn reason_allowed(c: &Check<'_>) -> Option<Objection> {
    let d = discharge(c)?;
    let hint = match d.reason {
        ExitReason::Adopted => "record adoption_finalized",
        ExitReason::Death => "record death",
        _ => return None,
    };
    Some(Objection::new(format!(
        "a discharge cannot give the reason {}; {hint}",
        d.reason.as_str()
    )))
}

/// Emancipation not before the age of majority the policy sets (SSA §475(8): 18).
pub(crate) fn emancipation_age(c: &Check<'_>) -> Option<Objection> {
    let d = discharge(c)?;
    if d.reason != ExitReason::Emancipated {
        return None;
    }
    let majority = c.policy.age_of_majority();
    let age = c.case.child().age_on(c.event.date(), c.policy).unwrap_or(0);
    (age < majority).then(|| {
        Objection::new(format!(
            "emancipation needs a youth who has attained {majority} on {}, found age {age}",
            c.event.date()
        ))
    })
}

fn guardian<'a>(c: &Check<'a>, d: &Discharge) -> Option<&'a Family> {
    d.to.as_ref().and_then(|id| c.case.family(id))
}

/// A discharge to guardianship names the guardian's family, of kind guardian (SSA §475(7): a
/// judicially created relationship with a caretaker).
pub(crate) fn guardianship_family(c: &Check<'_>) -> Option<Objection> {
    let d = discharge(c)?;
    if d.reason != ExitReason::Guardianship {
        return None;
    }
    match guardian(c, d) {
        Some(f) if f.kind() == FamilyKind::Guardian => None,
        Some(f) => Some(
            Objection::new(format!(
                "a discharge to guardianship needs a guardian family, found family {} of kind {}",
                f.id(),
                f.kind().as_str()
            ))
            .about(Subject::Family(f.id().clone())),
        ),
        None => Some(Objection::new(
            "a discharge to guardianship needs the guardian's family, found none",
        )),
    }
}

/// Kinship guardianship assistance only with a discharge to guardianship by a relative
/// (SSA §473(d)(1): "relatives ... who have assumed legal guardianship").
pub(crate) fn kinship_relative(c: &Check<'_>) -> Option<Objection> {
    let d = discharge(c)?;
    if d.assistance != GuardianshipAssistance::Kinship {
        return None;
    }
    if d.reason != ExitReason::Guardianship {
        return Some(Objection::new(format!(
            "kinship guardianship assistance needs a discharge to guardianship, found {}",
            d.reason.as_str()
        )));
    }
    let f = guardian(c, d)?; // a missing guardian is `guardianship_family`'s
    (!f.cared_for_by_relative()).then(|| {
        Objection::new(format!(
                "kinship guardianship assistance needs a relative guardian, found no relative caregiver in family {}",
                f.id()
            ),
        )
        .about(Subject::Family(f.id().clone()))
    })
}

/// The first day from which the child has lived, without a break up to `on`, in `family`'s home
/// while it held a licence in force: the start of the kinship-guardianship clock. `None` when the
/// child is not in that home on `on` or the licence is not in force then.
///
/// Under [`KinshipClock::AllMonthsInHome`] the months before the licence count too, once the home
/// is licensed on `on`. Shared by the guard below and the kinship-guardianship obligation of the
/// clocks.
pub(crate) fn licensed_stay_start(
    case: &crate::case::facts::Facts,
    family: &Family,
    on: NaiveDate,
    policy: &crate::Policy,
) -> Option<NaiveDate> {
    let licence = family.licence().filter(|l| l.in_force_on(on))?;
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
        KinshipClock::LicensedMonths => start.max(licence.since()),
        KinshipClock::AllMonthsInHome => start,
    })
}

/// Kinship guardianship assistance only after 6 consecutive months (the policy's number) in the
/// relative's licensed home (SSA §473(d)(3)(A)(i)(II): eligible for foster care maintenance
/// payments while residing there; an open reading, see [the manual](crate::manual#open-readings): counted while the home is licensed).
pub(crate) fn kinship_six_months(c: &Check<'_>) -> Option<Objection> {
    let d = discharge(c)?;
    if d.assistance != GuardianshipAssistance::Kinship || d.reason != ExitReason::Guardianship {
        return None;
    }
    let f = guardian(c, d)?;
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
                        "kinship guardianship assistance needs {months} consecutive months in family {}'s licensed home, found the child not placed there under a licence in force on {on}",
                        f.id()
                    ),
                },
            )
            .about(Subject::Family(f.id().clone())),
        ),
    }
}

/// No discharge for adoption or death.
pub(crate) const REASON: Rule = Rule::one(RuleId::DischargeReason, reason_allowed);
/// Emancipation only at majority.
pub(crate) const EMANCIPATION: Rule = Rule::one(RuleId::EmancipationAge, emancipation_age);
/// Guardianship names the guardian.
pub(crate) const GUARDIAN: Rule = Rule::one(RuleId::GuardianshipFamily, guardianship_family);
/// KinGAP only for a relative.
pub(crate) const KIN_RELATIVE: Rule = Rule::one(RuleId::KinshipGuardianRelative, kinship_relative);
/// KinGAP only after 6 months in the licensed home.
pub(crate) const KIN_SIX_MONTHS: Rule =
    Rule::one(RuleId::KinshipGuardianSixMonths, kinship_six_months);

/// The rules of a discharge, after its reason and (during a visit) the visit's limit.
pub(crate) const EXIT: &[Rule] = &[EMANCIPATION, GUARDIAN, KIN_RELATIVE, KIN_SIX_MONTHS];

/// Every rule of this family.
#[cfg(test)]
pub(crate) const ALL: &[Rule] = &[REASON, EMANCIPATION, GUARDIAN, KIN_RELATIVE, KIN_SIX_MONTHS];
