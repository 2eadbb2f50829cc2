//! [`Goal`], [`Goals`] and [`PermanencyPlan`]: where the case is headed.

use chrono::NaiveDate;

use crate::date;
use crate::error::{Error, Inconsistency};
use crate::sensitive::Sensitive;
use crate::text::Note;

/// A permanency goal (SSA §475(5)(C)(i); 45 CFR 1355.20). In the default order of preference
/// : reunification, adoption, legal guardianship, placement with a fit and
/// willing relative, and — last, only from age 16 — APPLA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Goal {
    /// Return to a parent or legal guardian. The default goal.
    Reunification,
    /// Adoption, with a TPR petition.
    Adoption,
    /// Legal guardianship (SSA §475(7)).
    LegalGuardianship,
    /// Permanent placement with a fit and willing relative.
    FitAndWillingRelative,
    /// Another planned permanent living arrangement: only for a child who has attained 16, with
    /// the documentation of SSA §475A(a).
    Appla,
}

crate::codes::code_names! {
    Goal, "goal":
        Reunification = "reunification",
        Adoption = "adoption",
        LegalGuardianship = "legal_guardianship",
        FitAndWillingRelative = "fit_and_willing_relative",
        Appla = "appla",
}

/// What the agency documents for an APPLA goal (SSA §475A(a)). The texts are
/// [`Sensitive`]: case notes name people.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct ApplaDocumentation {
    compelling_reason: Sensitive<Note>,
    efforts: Sensitive<Note>,
}

impl ApplaDocumentation {
    /// The compelling reason why return home, adoption, guardianship and placement with a fit and
    /// willing relative are not in the child's best interests (§475A(a)(2)(B)), and the intensive,
    /// ongoing, unsuccessful efforts to achieve them, including searches for biological family
    /// (§475A(a)(1)).
    pub fn new(compelling_reason: Note, efforts: Note) -> ApplaDocumentation {
        ApplaDocumentation {
            compelling_reason: Sensitive::new(compelling_reason),
            efforts: Sensitive::new(efforts),
        }
    }

    /// The compelling reason.
    pub fn compelling_reason(&self) -> &Sensitive<Note> {
        &self.compelling_reason
    }

    /// The efforts made.
    pub fn efforts(&self) -> &Sensitive<Note> {
        &self.efforts
    }
}

/// The goals of a permanency plan, before it has a date: a primary goal, an optional concurrent
/// goal (concurrent planning, SSA §471(a)(15)(F)), and the APPLA documentation when either goal is
/// APPLA.
///
/// Always true: the concurrent goal differs from the primary; APPLA documentation is present
/// exactly when a goal is APPLA. The age-16 floor of APPLA is checked when a case sets the plan.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "GoalsRecord")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Goals {
    primary: Goal,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    concurrent: Option<Goal>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    appla: Option<ApplaDocumentation>,
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(transform = crate::schema::appla_documented))]
struct GoalsRecord {
    primary: Goal,
    #[serde(default)]
    concurrent: Option<Goal>,
    #[serde(default)]
    appla: Option<ApplaDocumentation>,
}

#[cfg(feature = "serde")]
impl TryFrom<GoalsRecord> for Goals {
    type Error = Error;
    fn try_from(r: GoalsRecord) -> Result<Self, Error> {
        Goals::new(r.primary, r.concurrent, r.appla)
    }
}

impl Goals {
    /// A primary goal alone. Not for APPLA, which needs its documentation: use [`Goals::new`].
    ///
    /// # Errors
    ///
    /// [`Error::Inconsistent`] for [`Goal::Appla`].
    pub fn primary(goal: Goal) -> Result<Goals, Error> {
        Goals::new(goal, None, None)
    }

    /// Goals with an optional concurrent goal and the APPLA documentation where needed.
    ///
    /// # Errors
    ///
    /// [`Error::Inconsistent`] when the concurrent goal repeats the primary, when a goal is APPLA
    /// without documentation, or when documentation is given without an APPLA goal.
    ///
    /// # Examples
    ///
    /// ```
    /// use permanency::{Goal, Goals};
    ///
    /// let g = Goals::new(Goal::Reunification, Some(Goal::Adoption), None)?;
    /// assert_eq!(g.concurrent_goal(), Some(Goal::Adoption));
    /// assert!(Goals::new(Goal::Adoption, Some(Goal::Adoption), None).is_err());
    /// # Ok::<(), permanency::Error>(())
    /// ```
    pub fn new(
        primary: Goal,
        concurrent: Option<Goal>,
        appla: Option<ApplaDocumentation>,
    ) -> Result<Goals, Error> {
        if concurrent == Some(primary) {
            return Err(Error::Inconsistent(
                Inconsistency::ConcurrentGoalRepeatsPrimary {
                    goal: primary.as_str(),
                },
            ));
        }
        let has_appla = primary == Goal::Appla || concurrent == Some(Goal::Appla);
        match (has_appla, appla.is_some()) {
            (true, false) => Err(Error::Inconsistent(Inconsistency::ApplaDocumentation(
                "expected the compelling reason and efforts documented for an appla goal, found none",
            ))),
            (false, true) => Err(Error::Inconsistent(Inconsistency::ApplaDocumentation(
                "expected no appla documentation without an appla goal, found some",
            ))),
            _ => Ok(Goals {
                primary,
                concurrent,
                appla,
            }),
        }
    }

    /// The primary goal.
    pub fn primary_goal(&self) -> Goal {
        self.primary
    }

    /// The concurrent goal, if any.
    pub fn concurrent_goal(&self) -> Option<Goal> {
        self.concurrent
    }

    /// Whether either goal is `goal`.
    pub fn includes(&self, goal: Goal) -> bool {
        self.primary == goal || self.concurrent == Some(goal)
    }

    /// The APPLA documentation, when a goal is APPLA.
    pub fn appla_documentation(&self) -> Option<&ApplaDocumentation> {
        self.appla.as_ref()
    }
}

/// A permanency plan: [`Goals`] and the date they were established.
///
/// Always true: the goals are valid and the date lies in 1900–2199.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "PlanRecord")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PermanencyPlan {
    #[cfg_attr(feature = "serde", serde(flatten))]
    goals: Goals,
    established: NaiveDate,
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(transform = crate::schema::appla_documented))]
struct PlanRecord {
    primary: Goal,
    #[serde(default)]
    concurrent: Option<Goal>,
    #[serde(default)]
    appla: Option<ApplaDocumentation>,
    established: NaiveDate,
}

#[cfg(feature = "serde")]
impl TryFrom<PlanRecord> for PermanencyPlan {
    type Error = Error;
    fn try_from(r: PlanRecord) -> Result<Self, Error> {
        PermanencyPlan::new(Goals::new(r.primary, r.concurrent, r.appla)?, r.established)
    }
}

impl PermanencyPlan {
    /// The plan `goals`, established on `established`.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] outside 1900–2199.
    pub fn new(goals: Goals, established: NaiveDate) -> Result<PermanencyPlan, Error> {
        date::check_range("plan date", established)?;
        Ok(PermanencyPlan { goals, established })
    }

    /// The goals.
    pub fn goals(&self) -> &Goals {
        &self.goals
    }

    /// The primary goal.
    pub fn primary_goal(&self) -> Goal {
        self.goals.primary
    }

    /// The concurrent goal, if any.
    pub fn concurrent_goal(&self) -> Option<Goal> {
        self.goals.concurrent
    }

    /// The date the plan was established.
    pub fn established(&self) -> NaiveDate {
        self.established
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> ApplaDocumentation {
        ApplaDocumentation::new(
            Note::new("Youth asked to remain with foster parents Jane Roe").unwrap(),
            Note::new("Searched for relatives; none able").unwrap(),
        )
    }

    #[test]
    fn appla_needs_documentation_and_only_appla_has_it() {
        assert_eq!(
            Goals::primary(Goal::Appla).unwrap_err().to_string(),
            "permanency plan: expected the compelling reason and efforts documented for an appla goal, found none"
        );
        assert_eq!(
            Goals::new(Goal::Adoption, None, Some(doc()))
                .unwrap_err()
                .to_string(),
            "permanency plan: expected no appla documentation without an appla goal, found some"
        );
        let g = Goals::new(Goal::LegalGuardianship, Some(Goal::Appla), Some(doc())).unwrap();
        assert!(g.includes(Goal::Appla));
        let dbg = format!("{g:?}");
        assert!(!dbg.contains("Jane Roe"), "{dbg}");
    }

    #[test]
    fn concurrent_goal_differs() {
        assert_eq!(
            Goals::new(Goal::Reunification, Some(Goal::Reunification), None)
                .unwrap_err()
                .to_string(),
            "permanency plan: expected a concurrent goal different from the primary goal, found reunification twice"
        );
        let d = NaiveDate::from_ymd_opt(2024, 1, 2).unwrap();
        let p = PermanencyPlan::new(
            Goals::new(Goal::Reunification, Some(Goal::Adoption), None).unwrap(),
            d,
        )
        .unwrap();
        assert_eq!(
            (p.primary_goal(), p.concurrent_goal(), p.established()),
            (Goal::Reunification, Some(Goal::Adoption), d)
        );
    }
}

/// One element of the documentation an APPLA goal owes at each permanency hearing (SSA §475A(a)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum ApplaElement {
    /// The intensive, ongoing and (as of the hearing) unsuccessful efforts to return the child
    /// home or place the child with a relative, a legal guardian or an adoptive parent
    /// (§475A(a)(1)).
    IntensiveEfforts,
    /// The court asked the child about the desired permanency outcome (§475A(a)(2)(A)).
    ChildAsked,
    /// The compelling reasons why each other goal is not in the child's best interests
    /// (§475A(a)(2)(B)).
    CompellingReasons,
    /// The steps ensuring the reasonable and prudent parent standard and age-appropriate
    /// activities (§475A(a)(3)).
    PrudentParent,
}

crate::codes::code_names! {
    ApplaElement, "APPLA element":
        IntensiveEfforts = "intensive_efforts",
        ChildAsked = "child_asked",
        CompellingReasons = "compelling_reasons",
        PrudentParent = "prudent_parent",
}

/// What a permanency hearing for a child whose goal is APPLA documented (SSA §475A(a)(1)–(3)):
/// recorded by [`EventData::ApplaReviewed`](crate::EventData::ApplaReviewed), dated the hearing
/// day. Built element by element; [`missing`](ApplaReview::missing) names what is not there.
///
/// ```
/// use permanency::{ApplaElement, ApplaReview};
///
/// let review = ApplaReview::new().efforts().child_asked();
/// assert_eq!(review.missing(), [ApplaElement::CompellingReasons, ApplaElement::PrudentParent]);
/// assert!(ApplaReview::complete().is_complete());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields, default)
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct ApplaReview {
    intensive_efforts: bool,
    child_asked: bool,
    compelling_reasons: bool,
    prudent_parent: bool,
}

impl ApplaReview {
    /// Nothing documented yet.
    pub fn new() -> ApplaReview {
        ApplaReview::default()
    }

    /// Every element documented.
    pub fn complete() -> ApplaReview {
        ApplaReview::new()
            .efforts()
            .child_asked()
            .compelling_reasons()
            .prudent_parent()
    }

    /// With the intensive, ongoing, unsuccessful efforts documented (§475A(a)(1)).
    #[must_use]
    pub fn efforts(mut self) -> ApplaReview {
        self.intensive_efforts = true;
        self
    }

    /// With the child asked about the desired outcome (§475A(a)(2)(A)).
    #[must_use]
    pub fn child_asked(mut self) -> ApplaReview {
        self.child_asked = true;
        self
    }

    /// With the compelling reasons against each other goal (§475A(a)(2)(B)).
    #[must_use]
    pub fn compelling_reasons(mut self) -> ApplaReview {
        self.compelling_reasons = true;
        self
    }

    /// With the reasonable-and-prudent-parent steps (§475A(a)(3)).
    #[must_use]
    pub fn prudent_parent(mut self) -> ApplaReview {
        self.prudent_parent = true;
        self
    }

    /// The elements not documented, in the statute's order.
    pub fn missing(&self) -> Vec<ApplaElement> {
        [
            (self.intensive_efforts, ApplaElement::IntensiveEfforts),
            (self.child_asked, ApplaElement::ChildAsked),
            (self.compelling_reasons, ApplaElement::CompellingReasons),
            (self.prudent_parent, ApplaElement::PrudentParent),
        ]
        .into_iter()
        .filter(|(done, _)| !done)
        .map(|(_, e)| e)
        .collect()
    }

    /// Whether the reasonable-and-prudent-parent steps are documented (§475A(a)(3)): what a
    /// periodic review under an APPLA goal must document (§475(5)(B)).
    pub fn documents_prudent_parent(&self) -> bool {
        self.prudent_parent
    }

    /// Whether every element is documented.
    pub fn is_complete(&self) -> bool {
        self.intensive_efforts && self.child_asked && self.compelling_reasons && self.prudent_parent
    }
}
