//! Checks every event must pass whatever the stage: the integrity of the history itself.

use super::{Check, Objection, Rule, RuleId, Subject};
use crate::case::event::EventData;
use crate::id::FamilyId;

/// No event precedes the child's birth. The message does not repeat the birth date.
pub(crate) fn not_before_birth(c: &Check<'_>) -> Option<Objection> {
    (c.event.date() < *c.case.child().date_of_birth().expose()).then(|| {
        Objection::new(format!(
            "{} on {} precedes the child's birth",
            c.event.kind(),
            c.event.date()
        ))
    })
}

/// The families an event names (a placement's caregiver, the household removed from, the family
/// discharged to) must be recorded in the case, or recorded by this very event.
pub(crate) fn families_known(c: &Check<'_>) -> Option<Objection> {
    let what = c.event.what();
    // The caregiver was looked up once for every rule: named and found, it is known.
    let caregiver = what
        .new_placement()
        .and_then(|p| p.caregiver())
        .filter(|_| c.caregiver.is_none());
    let named: [Option<&FamilyId>; 4] = [
        caregiver,
        match what {
            EventData::Removal(r) => r.from.as_ref(),
            _ => None,
        },
        match what {
            EventData::Discharge(d) => d.to(),
            _ => None,
        },
        match what {
            EventData::Respite(r) => r.caregiver(),
            EventData::CaregiverNotified { family } => Some(family),
            _ => None,
        },
    ];
    let is_unknown = |id: &&FamilyId| c.case.family(id).is_none();
    // The common case costs no allocation: every family named is known.
    if !named.iter().flatten().any(is_unknown) {
        return None;
    }
    let unknown: Vec<&FamilyId> = named.into_iter().flatten().filter(is_unknown).collect();
    let first = unknown.first()?;
    let mut v = Objection::new(format!(
        "family {first} is not recorded in the case; record it with family_recorded first"
    ));
    for id in unknown {
        v = v.about(Subject::Family(id.clone()));
    }
    Some(v)
}

/// A new placement's id (or a respite stay's) must not have been used before in the case by a
/// placement.
pub(crate) fn placement_id_unused(c: &Check<'_>) -> Option<Objection> {
    let id = match c.event.what() {
        EventData::Respite(r) => r.id(),
        what => what.new_placement()?.id(),
    };
    c.case.placement(id).map(|_| {
        Objection::new(format!(
            "placement {id} already exists in the case; each placement needs its own id"
        ))
        .about(Subject::Placement(id.clone()))
    })
}

/// No event precedes the child's birth.
pub(crate) const NOT_BEFORE_BIRTH: Rule = Rule::one(RuleId::EventBeforeBirth, not_before_birth);
/// Every family named is recorded.
pub(crate) const FAMILIES_KNOWN: Rule = Rule::one(RuleId::UnknownFamily, families_known);
/// One id per placement.
pub(crate) const PLACEMENT_ID_UNUSED: Rule =
    Rule::one(RuleId::DuplicatePlacement, placement_id_unused);

/// Checked for every event, whatever its row: the integrity of the history.
pub(crate) const ALWAYS: &[Rule] = &[NOT_BEFORE_BIRTH, FAMILIES_KNOWN, PLACEMENT_ID_UNUSED];

/// Every rule of this family.
#[cfg(test)]
pub(crate) const ALL: &[Rule] = ALWAYS;
