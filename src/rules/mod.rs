//! The federal rules, one family per file, each rule a value: a [`RuleId`] and the function that
//! checks it, declared together (`pub(crate) const NAME: Rule = Rule::one(RuleId::.., f)`).
//!
//! A rule function sees the case's derived facts before the event, the event offered and the
//! policy, and returns what it finds wrong as objections; the engine stamps each with the
//! rule's id, so a row and its rule cannot disagree about which rule was broken. The transition
//! table in [`crate::case::transitions`] names which rules each row runs, in named sets shared by
//! the rows; [`Case::apply`](crate::Case::apply) runs them all and reports every [`Violation`] at
//! once in a [`Rejection`].
//!
//! Rules read the case only through its derived facts (`case::facts`), never through `Case`:
//! the lifecycle names the rules, the rules name no part of the lifecycle.

pub(crate) use crate::rule::Objection;
pub use crate::rule::{Rejection, RuleId, Subject, Violation};

use crate::case::event::Event;
use crate::case::facts::Facts;
use crate::policy::Policy;

pub(crate) mod adoption;
pub(crate) mod appla;
pub(crate) mod candidacy;
pub(crate) mod corrections;
pub(crate) mod discharge;
pub(crate) mod icwa;
pub(crate) mod lifecycle;
pub(crate) mod parents;
pub(crate) mod placement;
pub(crate) mod respite;
pub(crate) mod siblings;
pub(crate) mod trial_home_visit;

/// What a rule sees: the case's facts before the event, the event, the policy — and the
/// caregiver family of the placement the event begins, looked up once for every rule.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Check<'a> {
    pub(crate) case: &'a Facts,
    pub(crate) event: &'a Event,
    pub(crate) policy: &'a Policy,
    /// The latest record of the new placement's caregiver family, when the event begins a
    /// placement with one and the case knows the family.
    pub(crate) caregiver: Option<&'a crate::family::Family>,
}

impl<'a> Check<'a> {
    /// What a rule sees of `event` in the case `facts` describe.
    pub(crate) fn new(case: &'a Facts, event: &'a Event, policy: &'a Policy) -> Check<'a> {
        let caregiver = event
            .what()
            .new_placement()
            .and_then(|p| p.caregiver())
            .and_then(|f| case.family(f));
        Check {
            case,
            event,
            policy,
            caregiver,
        }
    }
}

/// How a rule checks: most find at most one thing wrong; a few (the placement events) may find
/// several.
#[derive(Clone, Copy)]
enum Checker {
    One(fn(&Check<'_>) -> Option<Objection>),
    Many(fn(&Check<'_>, &mut Vec<Objection>)),
}

/// A rule: its stable id and the one function that checks it.
#[derive(Clone, Copy)]
pub(crate) struct Rule {
    id: RuleId,
    /// The law the rule comes from ([`RuleId::law`]), read once when the rule is declared: a
    /// rule run for every event does not look it up again.
    law: Option<crate::law::Law>,
    check: Checker,
}

impl core::fmt::Debug for Rule {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("Rule").field(&self.id).finish()
    }
}

impl Rule {
    /// A rule that finds at most one thing wrong.
    pub(crate) const fn one(id: RuleId, check: fn(&Check<'_>) -> Option<Objection>) -> Rule {
        Rule {
            id,
            law: id.law(),
            check: Checker::One(check),
        }
    }

    /// A rule that may find several things wrong with one event.
    pub(crate) const fn many(id: RuleId, check: fn(&Check<'_>, &mut Vec<Objection>)) -> Rule {
        Rule {
            id,
            law: id.law(),
            check: Checker::Many(check),
        }
    }

    /// The rule's id.
    pub(crate) const fn id(&self) -> RuleId {
        self.id
    }

    /// Stamps what the rule found with its id: the refusal path, kept out of the accepted one.
    #[cold]
    #[inline(never)]
    fn found(&self, o: Objection, out: &mut Vec<Violation>) {
        out.push(o.against(self.id));
    }

    /// Runs the rule, adding a violation stamped with its id for everything it finds wrong.
    /// Inlined into the engine's loops, so that a rule run for every event is a direct call.
    #[inline(always)]
    pub(crate) fn run(&self, c: &Check<'_>, out: &mut Vec<Violation>) {
        // An event is held to the law in force on its date.
        if let Some(law) = self.law
            && !law.in_force(c.event.date(), c.policy)
        {
            return;
        }
        match self.check {
            Checker::One(f) => {
                if let Some(o) = f(c) {
                    self.found(o, out);
                }
            }
            Checker::Many(f) => {
                let mut found = Vec::new();
                f(c, &mut found);
                out.extend(found.into_iter().map(|o| o.against(self.id)));
            }
        }
    }
}

/// Every rule value of the crate's rule families, for the registry test (one id, one function).
#[cfg(test)]
pub(crate) fn registry() -> Vec<Rule> {
    let mut all = Vec::new();
    all.extend_from_slice(lifecycle::ALL);
    all.extend_from_slice(placement::ALL);
    all.extend_from_slice(appla::ALL);
    all.extend_from_slice(parents::ALL);
    all.extend_from_slice(adoption::ALL);
    all.extend_from_slice(trial_home_visit::ALL);
    all.extend_from_slice(discharge::ALL);
    all.extend_from_slice(candidacy::ALL);
    all.extend_from_slice(respite::ALL);
    all.extend_from_slice(icwa::ALL);
    all.extend_from_slice(siblings::ALL);
    all
}
