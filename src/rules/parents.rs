//! Parents: who is a legal parent, and whose rights can still end.

use super::{Check, Objection, Rule, RuleId, Subject};
use crate::case::event::EventData;
use crate::case::facts::ParentalRights;

/// The person an event names as a parent (a TPR, a relinquishment, a parent's death, a finding
/// excusing reunification efforts for that parent) is a parent of the child: a legal parent now
/// (a legal-parent member of a birth family, or after an adoption of the family that adopted;
/// SSA §475(2)), or a putative (alleged) father, whose rights a court may end too (AFCARS 1993
/// TPRDADDT: "legal or putative father").
pub(crate) fn legal_parent(c: &Check<'_>) -> Option<Objection> {
    let person = c.event.what().parent()?;
    let is_parent = c.case.is_legal_parent(person) || c.case.is_putative_father(person);
    (!is_parent).then(|| {
        Objection::new(format!(
            "person {person} is not a legal parent or a putative father of the child in the case"
        ))
        .about(Subject::Person(person.clone()))
    })
}

/// A parent's rights end once: a termination or a relinquishment of rights already ended is
/// refused — except a court's termination of rights the parent relinquished, which many states
/// enter on the relinquishment: recorded once, the rights keep the date they ended (the
/// relinquishment's). A parent dies once: a second death is refused, but a parent whose rights
/// ended can still die, and the death is recorded (the rights keep the date and the way they
/// ended, which AFCARS reports: 45 CFR 1355.44(c)).
pub(crate) fn rights_intact(c: &Check<'_>) -> Option<Objection> {
    let person = c.event.what().parent()?;
    if let EventData::ParentDeceased { .. } = c.event.what() {
        // Deaths are few: the history is read only for one.
        let died = c.case.events().iter().find(
            |e| matches!(e.what(), EventData::ParentDeceased { parent } if parent == person),
        )?;
        return Some(
            Objection::new(format!("person {person} already died, on {}", died.date()))
                .about(Subject::Person(person.clone())),
        );
    }
    let rights = c.case.parental_rights(person);
    if !rights.ended() {
        return None;
    }
    if let (EventData::ParentalRightsTerminated { .. }, ParentalRights::Relinquished(_)) =
        (c.event.what(), rights)
    {
        // The court's order on the relinquishment, once. Orders are few: the history is read
        // only for one.
        let ordered = c.case.events().iter().find(|e| {
            matches!(e.what(), EventData::ParentalRightsTerminated { parent } if parent == person)
        });
        return ordered.map(|o| {
            Objection::new(format!(
                "the rights of person {person} already ended: {rights}, and a court terminated them on {}",
                o.date()
            ))
            .about(Subject::Person(person.clone()))
        });
    }
    Some(
        Objection::new(format!(
            "the rights of person {person} already ended: {rights}"
        ))
        .about(Subject::Person(person.clone())),
    )
}

/// The person named is a legal parent.
pub(crate) const LEGAL_PARENT: Rule = Rule::one(RuleId::NotALegalParent, legal_parent);
/// A parent's rights end once.
pub(crate) const RIGHTS_INTACT: Rule = Rule::one(RuleId::ParentalRightsAlreadyEnded, rights_intact);

/// The rules of an event that ends a parent's rights.
pub(crate) const RIGHTS: &[Rule] = &[LEGAL_PARENT, RIGHTS_INTACT];

/// Every rule of this family.
#[cfg(test)]
pub(crate) const ALL: &[Rule] = RIGHTS;
