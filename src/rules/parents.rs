//! Parents: who is a legal parent, and whose rights can still end.

use super::{Check, RuleId, Subject, Violation};

/// The person an event names as a parent (a TPR, a relinquishment, a parent's death, a finding
/// excusing reunification efforts for that parent) is a legal parent of the child: a legal-parent
/// member of a birth family (SSA §475(2)).
pub(crate) fn legal_parent(c: &Check<'_>) -> Option<Violation> {
    let person = c.event.what().parent()?;
    let is_parent = c.case.legal_parents().iter().any(|p| &p.person == person);
    (!is_parent).then(|| {
        Violation::new(
            RuleId::NotALegalParent,
            format!("person {person} is not a legal parent in any birth family of the case"),
        )
        .about(Subject::Person(person.clone()))
    })
}

/// A parent's rights end once: a second termination, relinquishment or death is refused.
pub(crate) fn rights_intact(c: &Check<'_>) -> Option<Violation> {
    let person = c.event.what().parent()?;
    let rights = c.case.parental_rights(person);
    rights.ended().then(|| {
        Violation::new(
            RuleId::ParentalRightsAlreadyEnded,
            format!("the rights of person {person} already ended: {rights}"),
        )
        .about(Subject::Person(person.clone()))
    })
}
