//! Siblings and relatives (SSA §471(a)(29), (31)): a relative is identified before a notice
//! names them; a sibling is recorded in the child's case before an arrangement
//! names it. Whether siblings are placed together is never refused: a separation without its
//! documented reason is reported by the clocks.

use super::{Check, Objection, Rule, RuleId};
use crate::case::event::EventData;

/// A sibling arrangement names a sibling the case records, not the child.
pub(crate) fn sibling_known(c: &Check<'_>) -> Option<Objection> {
    let sibling = match c.event.what() {
        EventData::SiblingsPlacedTogether { sibling }
        | EventData::SiblingsSeparated { sibling, .. }
        | EventData::SiblingContactExcepted { sibling } => sibling,
        EventData::SiblingRecorded(s) => {
            return (s.child == *c.case.child().id())
                .then(|| Objection::new(format!("child {} is not its own sibling", s.child)));
        }
        _ => return None,
    };
    let known = c.case.is_sibling(sibling);
    (!known).then(|| {
        Objection::new(format!(
            "child {sibling} is not recorded as a sibling in the case (sibling_recorded)"
        ))
    })
}

/// A sibling named is recorded.
pub(crate) const SIBLING_KNOWN: Rule = Rule::one(RuleId::SiblingUnknown, sibling_known);
/// The rules of a sibling record or arrangement.
pub(crate) const SIBLINGS: &[Rule] = &[SIBLING_KNOWN];

/// A relative's notice or exception names a relative the case identified.
pub(crate) fn relative_known(c: &Check<'_>) -> Option<Objection> {
    let person = match c.event.what() {
        EventData::RelativeNotified { person } | EventData::RelativeNoticeExcepted { person } => {
            person
        }
        _ => return None,
    };
    let known = c.case.is_relative(person);
    (!known).then(|| {
        Objection::new(format!(
            "person {person} is not identified as a relative in the case (relative_identified)"
        ))
        .about(crate::rules::Subject::Person(person.clone()))
    })
}

/// A relative named is identified.
pub(crate) const RELATIVE_KNOWN: Rule = Rule::one(RuleId::RelativeUnknown, relative_known);
/// The rules of a relative's notice or exception.
pub(crate) const RELATIVES: &[Rule] = &[RELATIVE_KNOWN];

/// Every rule of this family.
#[cfg(test)]
pub(crate) const ALL: &[Rule] = &[SIBLING_KNOWN, RELATIVE_KNOWN];
