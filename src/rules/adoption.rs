//! Adoption: placement for adoption (legal-risk before every right ended) and finalization.

use super::{Check, Objection, Rule, RuleId, Subject};
use crate::case::event::EventData;
use crate::case::stage::ExitReason;
use crate::family::FamilyKind;
use crate::id::PersonId;
use crate::placement::Setting;

/// Every legal parent's rights are terminated or relinquished, or the parent has died, before the
/// adoption is finalized (state adoption law; DOMAIN §8.3 item 2). Lists every parent whose rights
/// are intact. For a family record after the adoption, see `no_parent_restored`.
///
/// The legal parents are those of [`Facts::legal_parents`](crate::case::facts::Facts): the birth
/// families' until a first adoption, then the adoptive family's. A legal parent who is a member
/// of the adopting family (a step-parent adoption: the parent married to the adopting
/// step-parent) keeps their rights and need not have them ended. A putative father is not a
/// legal parent: his intact rights do not block the adoption (state law settles his claim —
/// notice, a registry, consent found unnecessary — outside the federal rules), though his TPR
/// may be recorded.
///
/// At least one legal parent must be recorded: an adoption cannot rest on rights the case never
/// shows ending. (Parents whose identity is unknown are recorded too, and their rights ended by
/// the court like any other's.)
pub(crate) fn rights_ended(c: &Check<'_>) -> Option<Objection> {
    if let EventData::FamilyRecorded(_) = c.event.what() {
        return no_parent_restored(c);
    }
    let mut parents = c.case.legal_parents().peekable();
    if parents.peek().is_none() {
        return Some(Objection::new(format!(
            "{} needs every legal parent's rights ended, found no legal parent recorded; record the birth family's legal parents and how their rights ended",
            c.event.kind()
        )));
    }
    let adopting = c
        .case
        .current_placement()
        .and_then(|p| p.caregiver())
        .and_then(|f| c.case.family(f));
    let intact = parents
        .filter(|p| !p.rights.ended())
        .filter(|p| adopting.is_none_or(|f| f.member(&p.person).is_none()))
        .map(|p| p.person);
    intact_parents(
        || {
            format!(
                "{} needs every legal parent's rights ended, found intact",
                c.event.kind()
            )
        },
        None,
        intact,
    )
}

/// The violation naming every parent whose rights are intact, after `what`, about `family` (if
/// given) and then each parent; `None` when there is none.
fn intact_parents(
    what: impl FnOnce() -> String,
    family: Option<Subject>,
    intact: impl Iterator<Item = PersonId>,
) -> Option<Objection> {
    let intact: Vec<PersonId> = intact.collect();
    if intact.is_empty() {
        return None;
    }
    let ids: Vec<&str> = intact.iter().map(PersonId::as_str).collect();
    // Formatted only now, when the rule is broken.
    let message = format!("{}: {}", what(), ids.join(", "));
    let v = Objection::new(message);
    let v = family.into_iter().fold(v, Objection::about);
    Some(
        intact
            .into_iter()
            .fold(v, |v, p| v.about(Subject::Person(p))),
    )
}

/// The home is a pre-adoptive home: the placement offered (for `placed_for_adoption`) or the
/// placement in progress (for `adoption_finalized`), with a family other than the birth family.
/// A pre-adoptive or adoptive family, and as often the child's own foster parents or relatives,
/// who adopt in the home the child already lives in: the family keeps its kind (a relative
/// adoption stays one), and no new record of it is needed.
pub(crate) fn adoptive_home(c: &Check<'_>) -> Option<Objection> {
    let (setting, caregiver, placement) = match c.event.what() {
        EventData::PlacedForAdoption(p) => (p.setting(), p.caregiver(), p.id()),
        _ => match c.case.current_placement() {
            Some(p) => (p.setting(), p.caregiver(), p.id()),
            None => {
                return Some(Objection::new(format!(
                    "{} needs the child in an adoptive home, found no placement",
                    c.event.kind()
                )));
            }
        },
    };
    let family = caregiver.and_then(|f| c.case.family(f));
    let kind = family.map(|f| f.kind());
    let fits = setting == Setting::PreAdoptiveHome && kind.is_some_and(FamilyKind::may_foster);
    (!fits).then(|| {
        let mut v = Objection::new(format!(
                "{} needs a pre_adoptive_home with a family other than the birth family, found a {} with {}",
                c.event.kind(),
                setting.as_str(),
                match (family, kind) {
                    (Some(f), Some(k)) => format!("family {} of kind {}", f.id(), k.as_str()),
                    _ => "no caregiver family".to_owned(),
                }
            ),
        )
        .about(Subject::Placement(placement.clone()));
        if let Some(f) = family {
            v = v.about(Subject::Family(f.id().clone()));
        }
        v
    })
}

/// For a `family_recorded` event: once the adoption is finalized, a new record of a family other
/// than the one that adopted cannot bring in a parent whose rights are intact: that would make the adoption stand on
/// rights that never ended. Record the person without the legal-parent role. Before the
/// finalization (in foster care, or placed for adoption, at legal risk or not) a newly found
/// parent may be recorded: the finalization waits for their rights to end.
fn no_parent_restored(c: &Check<'_>) -> Option<Objection> {
    let EventData::FamilyRecorded(family) = c.event.what() else {
        return None;
    };
    let adopted = c
        .case
        .episodes()
        .last()
        .and_then(|e| e.exit())
        .is_some_and(|x| x.reason == ExitReason::Adopted);
    // The family that adopted names the legal parents after the adoption.
    if !adopted || c.case.adopted_by().is_some_and(|a| a.id() == family.id()) {
        return None;
    }
    let intact = family
        .parents_before_adoption()
        .filter(|m| !c.case.parental_rights(m.person().id()).ended())
        .map(|m| m.person().id().clone());
    let what = || {
        format!(
            "family {} would add legal parents whose rights are intact after every parent's rights ended for the adoption",
            family.id()
        )
    };
    intact_parents(what, Some(Subject::Family(family.id().clone())), intact)
}

/// No adoption finalized while a legal parent's rights are intact, nor a parent restored after
/// it.
pub(crate) const RIGHTS_ENDED: Rule = Rule::one(RuleId::ParentalRightsIntact, rights_ended);
/// An adoptive home.
pub(crate) const ADOPTIVE_HOME: Rule = Rule::one(RuleId::NotAnAdoptiveHome, adoptive_home);

/// The rules of a placement for adoption. Not the parents' rights: a placement before every
/// right ended is a legal-risk placement, lawful under concurrent planning (SSA
/// §471(a)(15)(F)), and recorded as one ([`Case::legal_risk_placements`](crate::Case::legal_risk_placements)).
/// Nor the plan's goal: federal law makes only APPLA's age and the finalization's ended rights
/// hard rules of the plan; a court that places a child for adoption, or finalizes it, while the
/// recorded plan still names another goal has done so, and the plan is the case plan's business
/// (45 CFR 1356.21(g)).
pub(crate) const PLACEMENT: &[Rule] = &[ADOPTIVE_HOME];
/// The rules of a finalization: every right ended, the adoptive home.
pub(crate) const ADOPTION: &[Rule] = &[RIGHTS_ENDED, ADOPTIVE_HOME];
/// A family record once the rights ended for an adoption.
pub(crate) const RECORD_AFTER_TPR: &[Rule] = &[RIGHTS_ENDED];

/// Every rule of this family.
#[cfg(test)]
pub(crate) const ALL: &[Rule] = ADOPTION;
