//! APPLA: another planned permanent living arrangement, the last-resort goal (SSA §475(5)(C)(i),
//! §475A(a)). Its documentation is required by the type
//! ([`Goals`](crate::Goals)); its age floor is checked here, on the date the plan is set.

use super::{Check, Objection, Rule, RuleId};
use crate::case::event::EventData;
use crate::plan::Goal;

/// APPLA only for a child who has attained 16 (the policy's APPLA age) on the date it is set.
/// The message gives the date and the age required, never the age found: the two together would give the birth date away.
pub(crate) fn age(c: &Check<'_>) -> Option<Objection> {
    let EventData::PlanSet(goals) = c.event.what() else {
        return None;
    };
    if !goals.includes(Goal::Appla) {
        return None;
    }
    let min = c.policy.appla_min_age();
    let age = c.case.child().age_on(c.event.date(), c.policy).unwrap_or(0);
    (age < min).then(|| {
        Objection::new(format!(
            "appla needs a child who has attained {min} on {}, found a younger child",
            c.event.date()
        ))
    })
}

/// APPLA only from 16.
pub(crate) const AGE: Rule = Rule::one(RuleId::ApplaAge, age);

/// Every rule of this family.
#[cfg(test)]
pub(crate) const ALL: &[Rule] = &[AGE];
