//! Family First candidacy (SSA §471(e)(2), §475(13)) while the child is in foster care.

use super::{Check, Objection, Rule, RuleId};
use crate::case::event::{Candidacy, EventData};

/// In foster care the only Family First candidacy is the pregnant or parenting foster youth's
/// (SSA §471(e)(2)(B)): a child already in care is not "a candidate for foster care", a child
/// at imminent risk of entering it (SSA §475(13)).
pub(crate) fn not_a_candidate_in_care(c: &Check<'_>) -> Option<Objection> {
    let candidate = match c.event.what() {
        EventData::CandidacyIdentified(c) => *c == Candidacy::FosterCareCandidate,
        EventData::PreventionPlanRecorded(p) => p.plan_for() == crate::supports::PlanFor::Candidate,
        _ => false,
    };
    if !candidate {
        return None;
    }
    Some(Objection::new(format!(
        "a child in foster care (stage {}) is not a candidate for foster care; in care only a pregnant or parenting youth is identified (pregnant_or_parenting_youth)",
        c.case.stage()
    )))
}

/// No foster-care candidacy for a child in care.
pub(crate) const IN_CARE: Rule = Rule::one(RuleId::CandidateInCare, not_a_candidate_in_care);

/// The rules of a candidacy identified while the child is in care.
pub(crate) const CANDIDACY_IN_CARE: &[Rule] = &[IN_CARE];

/// Every rule of this family.
#[cfg(test)]
pub(crate) const ALL: &[Rule] = CANDIDACY_IN_CARE;
