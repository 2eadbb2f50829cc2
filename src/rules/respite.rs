//! Respite: a short stay away from the placement in progress, back to the same home (CWPM
//! 1.2B.7: respite is not a placement setting, and AFCARS and the CFSR do not count it).

use super::{Check, Objection, Rule, RuleId, Subject};
use crate::case::event::{EventData, Respite};

fn respite<'a>(c: &Check<'a>) -> Option<&'a Respite> {
    match c.event.what() {
        EventData::Respite(r) => Some(r),
        _ => None,
    }
}

/// Respite needs an open ordinary placement to return to: not none, not a runaway.
pub(crate) fn open_placement(c: &Check<'_>) -> Option<Objection> {
    let r = respite(c)?;
    let message = match c.case.current_placement() {
        None => "respite needs an open placement the child returns to, found none".to_owned(),
        Some(p) if p.setting().is_runaway() => format!(
            "respite needs an open placement the child returns to, found placement {} on runaway status",
            p.id()
        ),
        Some(_) => return None,
    };
    Some(Objection::new(message).about(Subject::Placement(r.id().clone())))
}

/// A respite lasts at most the policy's number of nights
/// ([`Policy::respite_max_days`](crate::Policy::respite_max_days), 14 by default); a longer stay
/// is a placement change.
pub(crate) fn within_limit(c: &Check<'_>) -> Option<Objection> {
    let r = respite(c)?;
    let start = c.event.date();
    let nights = r.nights(start);
    let max = c.policy.respite_max_days();
    (nights > max).then(|| {
        Objection::new(format!(
            "respite lasts at most {max} nights, found {nights} ({start} to the return on {}); record a stay this long as a placement change (placement_changed)",
            r.returns()
        ))
        .about(Subject::Placement(r.id().clone()))
    })
}

/// Respite returns to an open placement.
pub(crate) const OPEN_PLACEMENT: Rule = Rule::one(RuleId::RespiteNeedsPlacement, open_placement);
/// Respite no longer than the policy allows.
pub(crate) const WITHIN_LIMIT: Rule = Rule::one(RuleId::RespiteTooLong, within_limit);

/// The rules of a respite stay.
pub(crate) const RESPITE: &[Rule] = &[OPEN_PLACEMENT, WITHIN_LIMIT];

/// Every rule of this family.
#[cfg(test)]
pub(crate) const ALL: &[Rule] = RESPITE;
