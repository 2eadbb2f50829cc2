//! Checks every event must pass whatever the stage: the integrity of the history itself.

use super::{Check, Objection, Rule, RuleId, Subject};
use crate::case::event::EventData;
use crate::id::FamilyId;

/// No event precedes the child's birth. The message does not repeat the birth date.
pub(crate) fn not_before_birth(c: &Check<'_>) -> Option<Objection> {
    (c.event.date() < *c.case.child().date_of_birth().expose()).then(|| before_birth(c))
}

/// The refusal of an event dated before the child's birth: the refusal path, kept out of the
/// accepted one (which every event takes).
#[cold]
#[inline(never)]
fn before_birth(c: &Check<'_>) -> Objection {
    Objection::new(format!(
        "{} on {} precedes the child's birth",
        c.event.kind(),
        c.event.date()
    ))
}

/// The families an event names (a placement's caregiver, the household removed from, the family
/// discharged to) must be recorded in the case, or recorded by this very event.
///
/// An event names at most one family (the kinds that name one are disjoint), read in one match:
/// most events name none and cost one jump.
pub(crate) fn families_known(c: &Check<'_>) -> Option<Objection> {
    let named = match c.event.what() {
        EventData::Removal(r) => r.from.as_ref(),
        EventData::Discharge(d) => d.to(),
        EventData::Respite(r) => r.caregiver(),
        EventData::CaregiverNotified { family } => Some(family),
        // The caregiver was looked up once for every rule: named and found, it is known.
        _ if c.caregiver.is_some() => None,
        what => what.new_placement().and_then(|p| p.caregiver()),
    }?;
    match c.case.family(named) {
        Some(_) => None,
        None => Some(unknown_family(named)),
    }
}

/// The refusal of an event naming a family the case does not know.
#[cold]
#[inline(never)]
fn unknown_family(id: &FamilyId) -> Objection {
    Objection::new(format!(
        "family {id} is not recorded in the case; record it with family_recorded first"
    ))
    .about(Subject::Family(id.clone()))
}

/// A new placement's id (or a respite stay's) must not have been used before in the case by a
/// placement.
pub(crate) fn placement_id_unused(c: &Check<'_>) -> Option<Objection> {
    let id = match c.event.what() {
        EventData::Respite(r) => r.id(),
        what => what.new_placement()?.id(),
    };
    c.case.placement(id).map(|_| placement_used(id))
}

/// The refusal of a placement id used before.
#[cold]
#[inline(never)]
fn placement_used(id: &crate::id::PlacementId) -> Objection {
    Objection::new(format!(
        "placement {id} already exists in the case; each placement needs its own id"
    ))
    .about(Subject::Placement(id.clone()))
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
