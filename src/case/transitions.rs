//! THE transition table: one row per allowed `(stage, event kind)`, saying where it leads (and
//! how the exit reason or the closed outcome is chosen), which rules it runs, and what it does to
//! the derived facts.
//!
//! Everything else about the lifecycle is derived from [`TABLE`]: what is allowed next
//! ([`Case::allowed_now`](crate::Case::allowed_now)), the "not allowed from here" refusal (a rule
//! like the others), the stage an accepted event leads to ([`Transition::target`]),
//! and the Mermaid diagram ([`lifecycle_diagram`]). The fold (`Facts::fold`) records the event's
//! facts and runs the row's [`Effect`]; it holds no lifecycle logic of its own.

use std::fmt::Write as _;

use super::event::{EventData, EventKind as K};
pub use super::facts::Effect;
use super::facts::Facts;
use super::stage::{ExitReason, Outcome, Stage, StageKind as S};
use crate::placement::EndReason;
use crate::rules::{
    Check, Objection, Rule, RuleId, adoption, appla, candidacy, discharge, icwa, lifecycle,
    parents, placement, respite, siblings, trial_home_visit as visit,
};

/// How a row that ends the episode chooses the exit reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ExitBy {
    /// The reason the discharge gives.
    Discharge,
    /// Always this reason (adoption for a finalization).
    Fixed(ExitReason),
}

/// Where a row leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum To {
    /// The stage does not change: a recorded fact, a placement change.
    Same,
    /// [`Stage::Preservation`].
    Preservation,
    /// [`Stage::FosterCare`].
    FosterCare,
    /// [`Stage::Reunification`].
    Reunification,
    /// [`Stage::Adoption`].
    Adoption,
    /// [`Stage::Exited`], with the reason chosen as given.
    Exited(ExitBy),
    /// [`Stage::Closed`], with the outcome of the stage it closes: the exit's reason after an
    /// exit, else a completed preservation case.
    Closed,
    /// [`Stage::Deceased`].
    Deceased,
}

impl To {
    /// The stage kind reached from `from`.
    pub fn stage_kind(self, from: S) -> S {
        match self {
            To::Same => from,
            To::Preservation => S::Preservation,
            To::FosterCare => S::FosterCare,
            To::Reunification => S::Reunification,
            To::Adoption => S::Adoption,
            To::Exited(_) => S::Exited,
            To::Closed => S::Closed,
            To::Deceased => S::Deceased,
        }
    }

    /// The stage reached from `from` by an event stating `what`: the one resolver of exit reasons
    /// and closed outcomes.
    pub fn resolve(self, from: Stage, what: &EventData) -> Stage {
        match self {
            To::Same => from,
            To::Preservation => Stage::Preservation,
            To::FosterCare => Stage::FosterCare,
            To::Reunification => Stage::Reunification,
            To::Adoption => Stage::Adoption,
            To::Exited(ExitBy::Fixed(reason)) => Stage::Exited(reason),
            To::Exited(ExitBy::Discharge) => match what {
                EventData::Discharge(d) => Stage::Exited(d.reason()),
                // A discharge row always carries a discharge; anything else keeps the stage.
                _ => from,
            },
            To::Closed => Stage::Closed(match from {
                Stage::Exited(r) => Outcome::Exited(r),
                _ => Outcome::PreservationCompleted,
            }),
            To::Deceased => Stage::Deceased,
        }
    }
}

/// A named set of rules, shared by the rows that run it.
pub(crate) type Rules = &'static [Rule];

/// One allowed transition.
#[derive(Debug, Clone, Copy)]
pub struct Transition {
    from: S,
    event: K,
    to: To,
    rules: &'static [Rules],
    effect: Effect,
}

impl Transition {
    /// The stage the row applies in.
    pub fn from(&self) -> S {
        self.from
    }

    /// The event kind.
    pub fn event(&self) -> K {
        self.event
    }

    /// Where it leads.
    pub fn to(&self) -> To {
        self.to
    }

    /// What it does to the derived facts.
    pub fn effect(&self) -> Effect {
        self.effect
    }

    /// The stage an event stating `what`, accepted in stage `from` by this row, leads to.
    pub fn target(&self, from: Stage, what: &EventData) -> Stage {
        self.to.resolve(from, what)
    }

    /// The rules this row checks (beyond the ones every event passes, [`always_rules`]), in order.
    pub fn rules(&self) -> impl Iterator<Item = RuleId> + '_ {
        self.rule_values().map(Rule::id)
    }

    pub(crate) fn rule_values(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        self.rules.iter().flat_map(|set| set.iter())
    }
}

const fn row(from: S, event: K, to: To, rules: &'static [Rules], effect: Effect) -> Transition {
    Transition {
        from,
        event,
        to,
        rules,
        effect,
    }
}

/// The rules every event is checked against, whatever its row: dates in order and not before
/// birth, families known, placement ids unused.
pub fn always_rules() -> impl Iterator<Item = RuleId> {
    lifecycle::ALWAYS.iter().map(Rule::id)
}

/// Nothing may follow the child's death (AFCARS exit reason 8).
fn child_deceased(c: &Check<'_>) -> Option<Objection> {
    (c.case.stage() == Stage::Deceased).then(|| {
        Objection::new(match c.case.last_date() {
            Some(d) => format!("the child died on {d}; no event may follow"),
            None => "the child died; no event may follow".to_owned(),
        })
    })
}

/// The event has a row from the current stage (checked only when it has none).
fn transition_allowed(c: &Check<'_>) -> Option<Objection> {
    let stage = c.case.stage();
    (stage != Stage::Deceased).then(|| {
        let allowed: Vec<&str> = allowed_from(stage.kind()).map(K::as_str).collect();
        Objection::new(format!(
            "{} is not allowed in stage {}; allowed: {}",
            c.event.kind(),
            stage,
            allowed.join(", ")
        ))
    })
}

/// Nothing after death.
pub(crate) const CHILD_DECEASED: Rule = Rule::one(RuleId::ChildDeceased, child_deceased);
/// Only what the table allows.
pub(crate) const TRANSITION_ALLOWED: Rule =
    Rule::one(RuleId::TransitionNotAllowed, transition_allowed);
/// The rules of an event that has no row from the current stage: the lifecycle's own refusals.
pub(crate) const NO_ROW: &[Rule] = &[CHILD_DECEASED, TRANSITION_ALLOWED];

// Rule sets, each named once and shared by the rows that run it.
const NONE: &[Rules] = &[];
const BEGIN: &[Rules] = &[&[placement::NONE_OPEN], placement::NEW_HOME];
const MOVE: &[Rules] = &[placement::NEW_HOME];
const RUN: &[Rules] = &[placement::FROM_HERE];
const PLAN: &[Rules] = &[&[appla::AGE]];
const CANDIDACY_IN_CARE: &[Rules] = &[candidacy::CANDIDACY_IN_CARE];
const RESPITE: &[Rules] = &[respite::RESPITE];
const FINDING: &[Rules] = &[&[
    visit::EXTENSION,
    placement::QRTP_NAMED,
    parents::LEGAL_PARENT,
]];
const QRTP: &[Rules] = &[placement::QRTP];
const RIGHTS: &[Rules] = &[parents::RIGHTS];
const RELINQUISH: &[Rules] = &[parents::RIGHTS, icwa::CONSENT];
const CONSENT: &[Rules] = &[icwa::CONSENT];
const ICWA_STATUS: &[Rules] = &[icwa::STATUS];
const WITHDRAWAL: &[Rules] = &[icwa::WITHDRAWAL];
const EXTENSION: &[Rules] = &[icwa::EXTENSION];
const ABOUT_PLACEMENT: &[Rules] = &[icwa::ABOUT_PLACEMENT];
const SIBLINGS: &[Rules] = &[siblings::SIBLINGS];
const RELATIVES: &[Rules] = &[siblings::RELATIVES];
const VISIT: &[Rules] = &[visit::BEGIN, placement::FROM_HERE];
const VISIT_RETURN: &[Rules] = &[&[visit::OUTLIVED], placement::NEW_HOME];
const VISIT_RUN: &[Rules] = &[&[visit::OUTLIVED], placement::FROM_HERE];
const VISIT_ADOPTIVE: &[Rules] = &[
    &[visit::OUTLIVED],
    adoption::PLACEMENT,
    placement::FROM_HERE,
];
const VISIT_REENTRY: &[Rules] = &[&[visit::REENTRY]];
const ADOPTIVE_PLACEMENT: &[Rules] = &[adoption::PLACEMENT, placement::FROM_HERE];
const FINALIZE: &[Rules] = &[adoption::ADOPTION];
const RECORD_AFTER_TPR: &[Rules] = &[adoption::RECORD_AFTER_TPR];
const DISCHARGE: &[Rules] = &[discharge::EXIT];
const VISIT_DISCHARGE: &[Rules] = &[&[visit::OUTLIVED], discharge::EXIT];

use Effect::{Discharge as Discharged, EndEpisode, OpenEpisode, Place, Record};
const REPLACE: Effect = Place(EndReason::Replaced);
const ADOPTED: To = To::Exited(ExitBy::Fixed(ExitReason::Adopted));
const DISCHARGED: To = To::Exited(ExitBy::Discharge);
const TO_TRIBE: To = To::Exited(ExitBy::Fixed(ExitReason::TransferredToAnotherAgency));

/// The lifecycle. One row per allowed `(stage, event kind)`; a test keeps the pairs unique.
#[rustfmt::skip]
pub const TABLE: &[Transition] = &[
    // from              event                         to                 rules               effect
    row(S::Intake,       K::FamilyRecorded,            To::Same,          NONE,               Record),
    row(S::Intake,       K::OpenPreservation,          To::Preservation,  NONE,               Record),
    row(S::Intake,       K::Removal,                   To::FosterCare,    NONE,               OpenEpisode),
    row(S::Intake,       K::CourtFinding,              To::Same,          FINDING,            Record),
    // a parent's rights can end, and a parent die, before any removal or between episodes
    row(S::Intake,       K::ParentDeceased,            To::Same,          RIGHTS,             Record),
    row(S::Intake,       K::ParentalRightsRelinquished,To::Same,          RELINQUISH,         Record),
    row(S::Intake,       K::ParentalRightsTerminated,  To::Same,          RIGHTS,             Record),
    row(S::Intake,       K::Death,                     To::Deceased,      NONE,               EndEpisode(EndReason::Died)),

    row(S::Preservation, K::FamilyRecorded,            To::Same,          NONE,               Record),
    row(S::Preservation, K::CandidacyIdentified,       To::Same,          NONE,               Record),
    row(S::Preservation, K::CourtFinding,              To::Same,          FINDING,            Record),
    row(S::Preservation, K::ParentDeceased,            To::Same,          RIGHTS,             Record),
    row(S::Preservation, K::ParentalRightsRelinquished,To::Same,          RELINQUISH,         Record),
    row(S::Preservation, K::ParentalRightsTerminated,  To::Same,          RIGHTS,             Record),
    row(S::Preservation, K::TprPetitionFiled,          To::Same,          NONE,               Record),
    row(S::Preservation, K::Removal,                   To::FosterCare,    NONE,               OpenEpisode),
    row(S::Preservation, K::Close,                     To::Closed,        NONE,               Record),
    row(S::Preservation, K::Death,                     To::Deceased,      NONE,               EndEpisode(EndReason::Died)),

    row(S::FosterCare,   K::FamilyRecorded,            To::Same,          NONE,               Record),
    row(S::FosterCare,   K::CandidacyIdentified,       To::Same,          CANDIDACY_IN_CARE,  Record),
    row(S::FosterCare,   K::PlacementBegun,            To::Same,          BEGIN,              REPLACE),
    row(S::FosterCare,   K::PlacementChanged,          To::Same,          MOVE,               REPLACE),
    row(S::FosterCare,   K::RanAway,                   To::Same,          RUN,                REPLACE),
    row(S::FosterCare,   K::ReturnedFromRunaway,       To::Same,          MOVE,               REPLACE),
    row(S::FosterCare,   K::PlanSet,                   To::Same,          PLAN,               Record),
    row(S::FosterCare,   K::CourtFinding,              To::Same,          FINDING,            Record),
    row(S::FosterCare,   K::PermanencyHearing,         To::Same,          NONE,               Record),
    row(S::FosterCare,   K::PeriodicReview,            To::Same,          NONE,               Record),
    row(S::FosterCare,   K::CasePlanCompleted,         To::Same,          NONE,               Record),
    row(S::FosterCare,   K::RelativesNotified,         To::Same,          NONE,               Record),
    row(S::FosterCare,   K::TransitionPlanCompleted,   To::Same,          NONE,               Record),
    row(S::FosterCare,   K::QrtpAssessed,              To::Same,          QRTP,               Record),
    row(S::FosterCare,   K::QrtpLongStayApproved,      To::Same,          QRTP,               Record),
    row(S::FosterCare,   K::QrtpEvidenceSubmitted,     To::Same,          QRTP,               Record),
    row(S::FosterCare,   K::TprPetitionFiled,          To::Same,          NONE,               Record),
    row(S::FosterCare,   K::TprExceptionDocumented,    To::Same,          NONE,               Record),
    row(S::FosterCare,   K::ParentalRightsTerminated,  To::Same,          RIGHTS,             Record),
    row(S::FosterCare,   K::ParentalRightsRelinquished,To::Same,          RELINQUISH,         Record),
    row(S::FosterCare,   K::ParentDeceased,            To::Same,          RIGHTS,             Record),
    row(S::FosterCare,   K::TrialHomeVisitBegun,       To::Reunification, VISIT,              REPLACE),
    row(S::FosterCare,   K::PlacedForAdoption,         To::Adoption,      ADOPTIVE_PLACEMENT, REPLACE),
    // the decree for a child in a pre-adoptive home that a legacy record entered as a move
    // (its rules ask the pre-adoptive home and every right ended, as from adoption)
    row(S::FosterCare,   K::AdoptionFinalized,         ADOPTED,           FINALIZE,           EndEpisode(EndReason::Discharged)),
    row(S::FosterCare,   K::Discharge,                 DISCHARGED,        DISCHARGE,          Discharged),
    row(S::FosterCare,   K::Death,                     To::Deceased,      NONE,               EndEpisode(EndReason::Died)),
    // respite: a stay away that keeps the placement (CWPM 1.2B.7)
    row(S::FosterCare,   K::Respite,                   To::Same,          RESPITE,            Record),

    row(S::Reunification,K::FamilyRecorded,            To::Same,          NONE,               Record),
    row(S::Reunification,K::CandidacyIdentified,       To::Same,          CANDIDACY_IN_CARE,  Record),
    row(S::Reunification,K::PlanSet,                   To::Same,          PLAN,               Record),
    row(S::Reunification,K::CourtFinding,              To::Same,          FINDING,            Record),
    row(S::Reunification,K::PermanencyHearing,         To::Same,          NONE,               Record),
    row(S::Reunification,K::PeriodicReview,            To::Same,          NONE,               Record),
    row(S::Reunification,K::CasePlanCompleted,         To::Same,          NONE,               Record),
    row(S::Reunification,K::RelativesNotified,         To::Same,          NONE,               Record),
    row(S::Reunification,K::TransitionPlanCompleted,   To::Same,          NONE,               Record),
    row(S::Reunification,K::ParentDeceased,            To::Same,          RIGHTS,             Record),
    // the other parent's rights during a visit with one
    row(S::Reunification,K::TprPetitionFiled,          To::Same,          NONE,               Record),
    row(S::Reunification,K::ParentalRightsTerminated,  To::Same,          RIGHTS,             Record),
    row(S::Reunification,K::TprExceptionDocumented,    To::Same,          NONE,               Record),
    row(S::Reunification,K::ParentalRightsRelinquished,To::Same,          RELINQUISH,         Record),
    row(S::Reunification,K::TrialHomeVisitEnded,       To::FosterCare,    VISIT_RETURN,       REPLACE),
    row(S::Reunification,K::RanAway,                   To::FosterCare,    VISIT_RUN,          REPLACE),
    // a visit that fails, the child going straight to an adoptive home (at legal risk or not)
    row(S::Reunification,K::PlacedForAdoption,         To::Adoption,      VISIT_ADOPTIVE,     REPLACE),
    row(S::Reunification,K::Removal,                   To::FosterCare,    VISIT_REENTRY,      OpenEpisode),
    row(S::Reunification,K::Discharge,                 DISCHARGED,        VISIT_DISCHARGE,    Discharged),
    row(S::Reunification,K::Death,                     To::Deceased,      NONE,               EndEpisode(EndReason::Died)),

    row(S::Adoption,     K::FamilyRecorded,            To::Same,          RECORD_AFTER_TPR,   Record),
    row(S::Adoption,     K::CandidacyIdentified,       To::Same,          CANDIDACY_IN_CARE,  Record),
    row(S::Adoption,     K::PlanSet,                   To::Same,          PLAN,               Record),
    row(S::Adoption,     K::CourtFinding,              To::Same,          FINDING,            Record),
    row(S::Adoption,     K::PermanencyHearing,         To::Same,          NONE,               Record),
    row(S::Adoption,     K::PeriodicReview,            To::Same,          NONE,               Record),
    row(S::Adoption,     K::CasePlanCompleted,         To::Same,          NONE,               Record),
    row(S::Adoption,     K::TransitionPlanCompleted,   To::Same,          NONE,               Record),
    row(S::Adoption,     K::RelativesNotified,         To::Same,          NONE,               Record),
    row(S::Adoption,     K::TprPetitionFiled,          To::Same,          NONE,               Record),
    row(S::Adoption,     K::ParentalRightsTerminated,  To::Same,          RIGHTS,             Record),
    row(S::Adoption,     K::ParentalRightsRelinquished,To::Same,          RELINQUISH,         Record),
    row(S::Adoption,     K::ParentDeceased,            To::Same,          RIGHTS,             Record),
    row(S::Adoption,     K::RanAway,                   To::Same,          RUN,                REPLACE),
    row(S::Adoption,     K::ReturnedFromRunaway,       To::Same,          MOVE,               REPLACE),
    row(S::Adoption,     K::AdoptionDisrupted,         To::FosterCare,    MOVE,               Place(EndReason::Disrupted)),
    // a legal-risk placement that ends with a visit home, or a move to another adoptive family
    row(S::Adoption,     K::TrialHomeVisitBegun,       To::Reunification, VISIT,              REPLACE),
    row(S::Adoption,     K::PlacedForAdoption,         To::Same,          ADOPTIVE_PLACEMENT, REPLACE),
    row(S::Adoption,     K::Discharge,                 DISCHARGED,        DISCHARGE,          Discharged),
    row(S::Adoption,     K::AdoptionFinalized,         ADOPTED,           FINALIZE,           EndEpisode(EndReason::Discharged)),
    row(S::Adoption,     K::Death,                     To::Deceased,      NONE,               EndEpisode(EndReason::Died)),
    // respite
    row(S::Adoption,     K::Respite,                   To::Same,          RESPITE,            Record),

    row(S::Exited,       K::FamilyRecorded,            To::Same,          RECORD_AFTER_TPR,   Record),
    row(S::Exited,       K::Removal,                   To::FosterCare,    NONE,               OpenEpisode),
    row(S::Exited,       K::CourtFinding,              To::Same,          FINDING,            Record),
    row(S::Exited,       K::ParentDeceased,            To::Same,          RIGHTS,             Record),
    row(S::Exited,       K::ParentalRightsTerminated,  To::Same,          RIGHTS,             Record),
    row(S::Exited,       K::ParentalRightsRelinquished,To::Same,          RELINQUISH,         Record),
    row(S::Exited,       K::OpenPreservation,          To::Preservation,  NONE,               Record),
    row(S::Exited,       K::Close,                     To::Closed,        NONE,               Record),
    row(S::Exited,       K::Death,                     To::Deceased,      NONE,               EndEpisode(EndReason::Died)),

    row(S::Closed,       K::FamilyRecorded,            To::Same,          RECORD_AFTER_TPR,   Record),
    row(S::Closed,       K::Reopen,                    To::Preservation,  NONE,               Record),
    row(S::Closed,       K::CourtFinding,              To::Same,          FINDING,            Record),
    row(S::Closed,       K::ParentDeceased,            To::Same,          RIGHTS,             Record),
    row(S::Closed,       K::ParentalRightsTerminated,  To::Same,          RIGHTS,             Record),
    row(S::Closed,       K::ParentalRightsRelinquished,To::Same,          RELINQUISH,         Record),
    row(S::Closed,       K::Removal,                   To::FosterCare,    NONE,               OpenEpisode),
    row(S::Closed,       K::Death,                     To::Deceased,      NONE,               EndEpisode(EndReason::Died)),

    // clocks: records the clocks read, in the stages where they happen
    row(S::FosterCare,   K::CaseworkerVisited,         To::Same,          NONE,               Record),
    row(S::FosterCare,   K::MissingChildReported,      To::Same,          NONE,               Record),
    row(S::FosterCare,   K::AbsenceFactorsDetermined,  To::Same,          NONE,               Record),
    row(S::FosterCare,   K::TraffickingScreened,       To::Same,          NONE,               Record),
    row(S::FosterCare,   K::AdoptionAssistanceAgreementSigned, To::Same,  NONE,               Record),
    row(S::Reunification,K::CaseworkerVisited,         To::Same,          NONE,               Record),
    row(S::Adoption,     K::CaseworkerVisited,         To::Same,          NONE,               Record),
    row(S::Adoption,     K::MissingChildReported,      To::Same,          NONE,               Record),
    row(S::Adoption,     K::AbsenceFactorsDetermined,  To::Same,          NONE,               Record),
    row(S::Adoption,     K::TraffickingScreened,       To::Same,          NONE,               Record),
    row(S::Adoption,     K::AdoptionAssistanceAgreementSigned, To::Same,  NONE,               Record),
    row(S::Exited,       K::AbsenceFactorsDetermined,  To::Same,          NONE,               Record),
    row(S::Exited,       K::TraffickingScreened,       To::Same,          NONE,               Record),
    row(S::Exited,       K::AdoptionAssistanceAgreementSigned, To::Same,  NONE,               Record),
    row(S::FosterCare,   K::ApplaReviewed,             To::Same,          NONE,               Record),
    row(S::Reunification,K::ApplaReviewed,             To::Same,          NONE,               Record),
    row(S::Adoption,     K::ApplaReviewed,             To::Same,          NONE,               Record),
    row(S::FosterCare,   K::KinshipConsultation,       To::Same,          NONE,               Record),
    row(S::FosterCare,   K::ReturnAndAdoptionRuledOut, To::Same,          NONE,               Record),
    // supports: a prevention plan (in care, only a pregnant or parenting youth's) and services
    row(S::Preservation, K::PreventionPlanRecorded,    To::Same,          NONE,               Record),
    row(S::FosterCare,   K::PreventionPlanRecorded,    To::Same,          CANDIDACY_IN_CARE,  Record),
    row(S::Reunification,K::PreventionPlanRecorded,    To::Same,          CANDIDACY_IN_CARE,  Record),
    row(S::Adoption,     K::PreventionPlanRecorded,    To::Same,          CANDIDACY_IN_CARE,  Record),
    row(S::Preservation, K::ServiceProvided,           To::Same,          NONE,               Record),
    row(S::FosterCare,   K::ServiceProvided,           To::Same,          NONE,               Record),
    row(S::Reunification,K::ServiceProvided,           To::Same,          NONE,               Record),
    row(S::Adoption,     K::ServiceProvided,           To::Same,          NONE,               Record),
    row(S::Exited,       K::ServiceProvided,           To::Same,          NONE,               Record),
    // supports: transition to adulthood
    row(S::FosterCare,   K::ExtendedCareCondition,     To::Same,          NONE,               Record),
    row(S::Reunification,K::ExtendedCareCondition,     To::Same,          NONE,               Record),
    row(S::Adoption,     K::ExtendedCareCondition,     To::Same,          NONE,               Record),
    row(S::FosterCare,   K::ExitDocumentsProvided,     To::Same,          NONE,               Record),
    row(S::Reunification,K::ExitDocumentsProvided,     To::Same,          NONE,               Record),
    row(S::Adoption,     K::ExitDocumentsProvided,     To::Same,          NONE,               Record),
    row(S::Exited,       K::ExitDocumentsProvided,     To::Same,          NONE,               Record),
    row(S::FosterCare,   K::CreditReportObtained,      To::Same,          NONE,               Record),
    row(S::Reunification,K::CreditReportObtained,      To::Same,          NONE,               Record),
    row(S::Adoption,     K::CreditReportObtained,      To::Same,          NONE,               Record),
    // supports: educational stability
    row(S::Preservation, K::SchoolEnrolled,            To::Same,          NONE,               Record),
    row(S::FosterCare,   K::SchoolEnrolled,            To::Same,          NONE,               Record),
    row(S::Reunification,K::SchoolEnrolled,            To::Same,          NONE,               Record),
    row(S::Adoption,     K::SchoolEnrolled,            To::Same,          NONE,               Record),
    row(S::FosterCare,   K::SchoolStabilityConsidered, To::Same,          NONE,               Record),
    row(S::Reunification,K::SchoolStabilityConsidered, To::Same,          NONE,               Record),
    row(S::Adoption,     K::SchoolStabilityConsidered, To::Same,          NONE,               Record),
    // supports: the case planning team, conferences, who is heard
    row(S::Preservation, K::CaseConference,            To::Same,          NONE,               Record),
    row(S::FosterCare,   K::CaseConference,            To::Same,          NONE,               Record),
    row(S::Reunification,K::CaseConference,            To::Same,          NONE,               Record),
    row(S::Adoption,     K::CaseConference,            To::Same,          NONE,               Record),
    row(S::FosterCare,   K::TeamMemberChosen,          To::Same,          NONE,               Record),
    row(S::Reunification,K::TeamMemberChosen,          To::Same,          NONE,               Record),
    row(S::Adoption,     K::TeamMemberChosen,          To::Same,          NONE,               Record),
    row(S::FosterCare,   K::TeamMemberRejected,        To::Same,          NONE,               Record),
    row(S::Reunification,K::TeamMemberRejected,        To::Same,          NONE,               Record),
    row(S::Adoption,     K::TeamMemberRejected,        To::Same,          NONE,               Record),
    row(S::FosterCare,   K::CaregiverNotified,         To::Same,          NONE,               Record),
    row(S::Reunification,K::CaregiverNotified,         To::Same,          NONE,               Record),
    row(S::Adoption,     K::CaregiverNotified,         To::Same,          NONE,               Record),
    row(S::FosterCare,   K::ChildConsultedAtHearing,   To::Same,          NONE,               Record),
    row(S::Reunification,K::ChildConsultedAtHearing,   To::Same,          NONE,               Record),
    row(S::Adoption,     K::ChildConsultedAtHearing,   To::Same,          NONE,               Record),
    // supports: individualized assessments (a QRTP one names a QRTP of the case)
    row(S::Preservation, K::IndividualAssessment,      To::Same,          NONE,               Record),
    row(S::FosterCare,   K::IndividualAssessment,      To::Same,          QRTP,               Record),
    row(S::Reunification,K::IndividualAssessment,      To::Same,          QRTP,               Record),
    row(S::Adoption,     K::IndividualAssessment,      To::Same,          QRTP,               Record),
    // a record about a QRTP stay of the day the child moved on to a visit or an adoptive home
    row(S::Reunification,K::QrtpAssessed,              To::Same,          QRTP,               Record),
    row(S::Reunification,K::QrtpLongStayApproved,      To::Same,          QRTP,               Record),
    row(S::Reunification,K::QrtpEvidenceSubmitted,     To::Same,          QRTP,               Record),
    row(S::Adoption,     K::QrtpAssessed,              To::Same,          QRTP,               Record),
    row(S::Adoption,     K::QrtpLongStayApproved,      To::Same,          QRTP,               Record),
    row(S::Adoption,     K::QrtpEvidenceSubmitted,     To::Same,          QRTP,               Record),
    // icwa: the child's status, a court's ICWA findings, a consent and its withdrawal, the
    // notice of a proceeding, a request for more time, a transfer to the tribe's jurisdiction,
    // the placement preferences
    row(S::Intake,       K::IcwaStatusDetermined,      To::Same,          ICWA_STATUS,        Record),
    row(S::Preservation, K::IcwaStatusDetermined,      To::Same,          ICWA_STATUS,        Record),
    row(S::FosterCare,   K::IcwaStatusDetermined,      To::Same,          ICWA_STATUS,        Record),
    row(S::Reunification,K::IcwaStatusDetermined,      To::Same,          ICWA_STATUS,        Record),
    row(S::Adoption,     K::IcwaStatusDetermined,      To::Same,          ICWA_STATUS,        Record),
    row(S::Exited,       K::IcwaStatusDetermined,      To::Same,          ICWA_STATUS,        Record),
    row(S::Closed,       K::IcwaStatusDetermined,      To::Same,          ICWA_STATUS,        Record),
    row(S::Intake,       K::IcwaFindings,              To::Same,          NONE,               Record),
    row(S::Preservation, K::IcwaFindings,              To::Same,          NONE,               Record),
    row(S::FosterCare,   K::IcwaFindings,              To::Same,          NONE,               Record),
    row(S::Reunification,K::IcwaFindings,              To::Same,          NONE,               Record),
    row(S::Adoption,     K::IcwaFindings,              To::Same,          NONE,               Record),
    row(S::Exited,       K::IcwaFindings,              To::Same,          NONE,               Record),
    row(S::Intake,       K::IcwaConsent,               To::Same,          CONSENT,            Record),
    row(S::Preservation, K::IcwaConsent,               To::Same,          CONSENT,            Record),
    row(S::FosterCare,   K::IcwaConsent,               To::Same,          CONSENT,            Record),
    row(S::Reunification,K::IcwaConsent,               To::Same,          CONSENT,            Record),
    row(S::Adoption,     K::IcwaConsent,               To::Same,          CONSENT,            Record),
    row(S::Exited,       K::IcwaConsent,               To::Same,          CONSENT,            Record),
    row(S::Closed,       K::IcwaConsent,               To::Same,          CONSENT,            Record),
    row(S::Intake,       K::IcwaConsentWithdrawn,      To::Same,          WITHDRAWAL,         Record),
    row(S::Preservation, K::IcwaConsentWithdrawn,      To::Same,          WITHDRAWAL,         Record),
    row(S::FosterCare,   K::IcwaConsentWithdrawn,      To::Same,          WITHDRAWAL,         Record),
    row(S::Reunification,K::IcwaConsentWithdrawn,      To::Same,          WITHDRAWAL,         Record),
    row(S::Adoption,     K::IcwaConsentWithdrawn,      To::Same,          WITHDRAWAL,         Record),
    row(S::Exited,       K::IcwaConsentWithdrawn,      To::Same,          WITHDRAWAL,         Record),
    row(S::Closed,       K::IcwaConsentWithdrawn,      To::Same,          WITHDRAWAL,         Record),
    row(S::Intake,       K::IcwaNoticeReceived,        To::Same,          NONE,               Record),
    row(S::Preservation, K::IcwaNoticeReceived,        To::Same,          NONE,               Record),
    row(S::FosterCare,   K::IcwaNoticeReceived,        To::Same,          NONE,               Record),
    row(S::Reunification,K::IcwaNoticeReceived,        To::Same,          NONE,               Record),
    row(S::Adoption,     K::IcwaNoticeReceived,        To::Same,          NONE,               Record),
    row(S::Intake,       K::IcwaAdditionalTime,        To::Same,          EXTENSION,          Record),
    row(S::Preservation, K::IcwaAdditionalTime,        To::Same,          EXTENSION,          Record),
    row(S::FosterCare,   K::IcwaAdditionalTime,        To::Same,          EXTENSION,          Record),
    row(S::Reunification,K::IcwaAdditionalTime,        To::Same,          EXTENSION,          Record),
    row(S::Adoption,     K::IcwaAdditionalTime,        To::Same,          EXTENSION,          Record),
    row(S::FosterCare,   K::IcwaTransferredToTribe,    TO_TRIBE,          NONE,               Discharged),
    row(S::Adoption,     K::IcwaTransferredToTribe,    TO_TRIBE,          NONE,               Discharged),
    row(S::FosterCare,   K::IcwaHomeAssessed,          To::Same,          ABOUT_PLACEMENT,    Record),
    row(S::Reunification,K::IcwaHomeAssessed,          To::Same,          ABOUT_PLACEMENT,    Record),
    row(S::Adoption,     K::IcwaHomeAssessed,          To::Same,          ABOUT_PLACEMENT,    Record),
    row(S::Exited,       K::IcwaHomeAssessed,          To::Same,          ABOUT_PLACEMENT,    Record),
    row(S::FosterCare,   K::IcwaGoodCause,             To::Same,          ABOUT_PLACEMENT,    Record),
    row(S::Reunification,K::IcwaGoodCause,             To::Same,          ABOUT_PLACEMENT,    Record),
    row(S::Adoption,     K::IcwaGoodCause,             To::Same,          ABOUT_PLACEMENT,    Record),
    row(S::Exited,       K::IcwaGoodCause,             To::Same,          ABOUT_PLACEMENT,    Record),
    row(S::Intake,       K::IcwaTribalPreferences,     To::Same,          NONE,               Record),
    row(S::Preservation, K::IcwaTribalPreferences,     To::Same,          NONE,               Record),
    row(S::FosterCare,   K::IcwaTribalPreferences,     To::Same,          NONE,               Record),
    row(S::Reunification,K::IcwaTribalPreferences,     To::Same,          NONE,               Record),
    row(S::Adoption,     K::IcwaTribalPreferences,     To::Same,          NONE,               Record),
    row(S::Exited,       K::IcwaTribalPreferences,     To::Same,          NONE,               Record),
    row(S::Closed,       K::IcwaTribalPreferences,     To::Same,          NONE,               Record),
    // siblings
    row(S::Intake,       K::SiblingRecorded,           To::Same,          SIBLINGS,           Record),
    row(S::Preservation, K::SiblingRecorded,           To::Same,          SIBLINGS,           Record),
    row(S::FosterCare,   K::SiblingRecorded,           To::Same,          SIBLINGS,           Record),
    row(S::Reunification,K::SiblingRecorded,           To::Same,          SIBLINGS,           Record),
    row(S::Adoption,     K::SiblingRecorded,           To::Same,          SIBLINGS,           Record),
    row(S::Exited,       K::SiblingRecorded,           To::Same,          SIBLINGS,           Record),
    row(S::Closed,       K::SiblingRecorded,           To::Same,          SIBLINGS,           Record),
    row(S::FosterCare,   K::SiblingsPlacedTogether,    To::Same,          SIBLINGS,           Record),
    row(S::Adoption,     K::SiblingsPlacedTogether,    To::Same,          SIBLINGS,           Record),
    row(S::FosterCare,   K::SiblingsSeparated,         To::Same,          SIBLINGS,           Record),
    row(S::Adoption,     K::SiblingsSeparated,         To::Same,          SIBLINGS,           Record),
    row(S::FosterCare,   K::SiblingContactExcepted,    To::Same,          SIBLINGS,           Record),
    row(S::Reunification,K::SiblingContactExcepted,    To::Same,          SIBLINGS,           Record),
    row(S::Adoption,     K::SiblingContactExcepted,    To::Same,          SIBLINGS,           Record),
    // relatives
    // A relative search may begin before the removal (the episode it serves reads it).
    row(S::Intake,       K::RelativeIdentified,        To::Same,          NONE,               Record),
    row(S::Preservation, K::RelativeIdentified,        To::Same,          NONE,               Record),
    row(S::FosterCare,   K::RelativeIdentified,        To::Same,          NONE,               Record),
    row(S::Reunification,K::RelativeIdentified,        To::Same,          NONE,               Record),
    row(S::Adoption,     K::RelativeIdentified,        To::Same,          NONE,               Record),
    row(S::FosterCare,   K::RelativeNotified,          To::Same,          RELATIVES,          Record),
    row(S::Reunification,K::RelativeNotified,          To::Same,          RELATIVES,          Record),
    row(S::Adoption,     K::RelativeNotified,          To::Same,          RELATIVES,          Record),
    row(S::FosterCare,   K::RelativeNoticeExcepted,    To::Same,          RELATIVES,          Record),
    row(S::Reunification,K::RelativeNoticeExcepted,    To::Same,          RELATIVES,          Record),
    row(S::Adoption,     K::RelativeNoticeExcepted,    To::Same,          RELATIVES,          Record),
    // the notice is owed 30 days after the removal, whether or not the child is still in care
    row(S::Exited,       K::RelativesNotified,         To::Same,          NONE,               Record),
    row(S::Exited,       K::RelativeNotified,          To::Same,          RELATIVES,          Record),
    row(S::Exited,       K::RelativeNoticeExcepted,    To::Same,          RELATIVES,          Record),
    row(S::Preservation, K::RelativesNotified,         To::Same,          NONE,               Record),
    row(S::Preservation, K::RelativeNotified,          To::Same,          RELATIVES,          Record),
    row(S::Preservation, K::RelativeNoticeExcepted,    To::Same,          RELATIVES,          Record),
    row(S::Closed,       K::RelativesNotified,         To::Same,          NONE,               Record),
    row(S::Closed,       K::RelativeNotified,          To::Same,          RELATIVES,          Record),
    row(S::Closed,       K::RelativeNoticeExcepted,    To::Same,          RELATIVES,          Record),
    // family time
    row(S::FosterCare,   K::FamilyTimePlanned,         To::Same,          NONE,               Record),
    row(S::Reunification,K::FamilyTimePlanned,         To::Same,          NONE,               Record),
    row(S::Adoption,     K::FamilyTimePlanned,         To::Same,          NONE,               Record),
    row(S::FosterCare,   K::FamilyTimeContact,         To::Same,          NONE,               Record),
    row(S::Reunification,K::FamilyTimeContact,         To::Same,          NONE,               Record),
    row(S::Adoption,     K::FamilyTimeContact,         To::Same,          NONE,               Record),
    // maltreatment reports (the safety indicators): in every stage but after death
    row(S::Intake,       K::MaltreatmentReported,      To::Same,          NONE,               Record),
    row(S::Preservation, K::MaltreatmentReported,      To::Same,          NONE,               Record),
    row(S::FosterCare,   K::MaltreatmentReported,      To::Same,          NONE,               Record),
    row(S::Reunification,K::MaltreatmentReported,      To::Same,          NONE,               Record),
    row(S::Adoption,     K::MaltreatmentReported,      To::Same,          NONE,               Record),
    row(S::Exited,       K::MaltreatmentReported,      To::Same,          NONE,               Record),
    row(S::Closed,       K::MaltreatmentReported,      To::Same,          NONE,               Record),
];

/// The row index of every `(stage, event kind)`, built from [`TABLE`] at compile time: the
/// lookup the engine does for every event is one array read, not a table search (nor a check
/// that a lazily built index is ready).
const INDEX: [Option<u16>; S::ALL.len() * K::ALL.len()] = {
    assert!(TABLE.len() <= u16::MAX as usize, "row numbers fit in a u16");
    let mut index = [None; S::ALL.len() * K::ALL.len()];
    let mut i = 0;
    while i < TABLE.len() {
        index[slot(TABLE[i].from, TABLE[i].event)] = Some(i as u16);
        i += 1;
    }
    index
};

const fn slot(from: S, event: K) -> usize {
    from as usize * K::ALL.len() + event as usize
}

/// Checks `event` in the case `facts` describe: the rules every event passes, then the rules of
/// its row — or, when the table has no row, the lifecycle's own refusals. Every violation is
/// stamped with the id of the rule that found it.
pub(crate) fn check(c: &Check<'_>) -> (Option<&'static Transition>, Vec<crate::rules::Violation>) {
    let mut violations = Vec::new();
    for rule in lifecycle::ALWAYS {
        rule.run(c, &mut violations);
    }
    let row = find(c.case.stage().kind(), c.event.kind());
    match row {
        Some(row) => row.rule_values().for_each(|r| r.run(c, &mut violations)),
        None => NO_ROW.iter().for_each(|r| r.run(c, &mut violations)),
    }
    (row, violations)
}

/// An event the rules accepted: its row, and the case's own id of the caregiver family the
/// check looked up (so the fold shares that id's allocation without a second lookup).
#[derive(Debug)]
pub(crate) struct Accepted {
    pub(crate) row: &'static Transition,
    pub(crate) caregiver: Option<crate::FamilyId>,
}

/// Folds an accepted event: the stage its row resolves, and the row's effect.
pub(crate) fn commit(
    facts: &mut Facts,
    accepted: Accepted,
    event: crate::Event,
    order: (u32, u32),
    policy: &crate::Policy,
) {
    let next = accepted.row.target(facts.stage(), event.what());
    facts.fold(
        event,
        order,
        accepted.row.effect,
        next,
        accepted.caregiver,
        policy,
    );
}

/// The row for `(from, event)`, if the table allows it.
pub fn find(from: S, event: K) -> Option<&'static Transition> {
    INDEX[slot(from, event)].map(|i| &TABLE[usize::from(i)])
}

/// The event kinds allowed from `from`, in table order.
pub fn allowed_from(from: S) -> impl Iterator<Item = K> {
    TABLE
        .iter()
        .filter(move |t| t.from == from)
        .map(|t| t.event)
}

/// The transition table as a Mermaid state diagram: one arrow per stage-changing row; the events
/// that keep the stage are listed in a note beside it. The checked-in copy is
/// `docs/lifecycle.mmd`; a test keeps the two equal.
pub fn lifecycle_diagram() -> String {
    let mut out = String::from("stateDiagram-v2\n    [*] --> Intake\n");
    for t in TABLE.iter().filter(|t| t.to != To::Same) {
        let _ = writeln!(
            out,
            "    {} --> {}: {}",
            t.from.as_str(),
            t.to.stage_kind(t.from).as_str(),
            t.event.as_str()
        );
    }
    for s in S::ALL.iter().copied() {
        let same: Vec<&str> = TABLE
            .iter()
            .filter(|t| t.from == s && t.to == To::Same)
            .map(|t| t.event.as_str())
            .collect();
        if !same.is_empty() {
            let _ = writeln!(
                out,
                "    note right of {}: stays on {}",
                s.as_str(),
                same.join(", ")
            );
        }
    }
    out.push_str("    Deceased --> [*]\n");
    out
}

/// The transition table as an SVG picture, for the docs (docs.rs renders SVG, not Mermaid): one
/// box per stage, one arrow per pair of stages a row joins, labelled with the event kinds that
/// make the move. The checked-in copy is `docs/lifecycle.svg`; a test keeps the two equal.
pub fn lifecycle_svg() -> String {
    // Where each stage stands (x, y of its box's centre).
    fn at(s: S) -> (i32, i32) {
        match s {
            S::Intake => (110, 250),
            S::Preservation => (380, 90),
            S::FosterCare => (380, 330),
            S::Reunification => (700, 200),
            S::Adoption => (700, 460),
            S::Exited => (1030, 330),
            S::Closed => (1030, 90),
            S::Deceased => (1030, 560),
        }
    }
    let mut edges: Vec<((S, S), Vec<&'static str>)> = Vec::new();
    for t in TABLE.iter().filter(|t| t.to != To::Same) {
        let key = (t.from, t.to.stage_kind(t.from));
        match edges.iter_mut().find(|(k, _)| *k == key) {
            Some((_, labels)) => {
                if !labels.contains(&t.event.as_str()) {
                    labels.push(t.event.as_str());
                }
            }
            None => edges.push((key, vec![t.event.as_str()])),
        }
    }
    let mut out = String::from(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1160 640\" width=\"100%\" \
         font-family=\"sans-serif\" font-size=\"12\" role=\"img\" \
         aria-label=\"The lifecycle of a case, generated from the transition table\">\n\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" \
         markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">\
         <path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n",
    );
    for ((from, to), labels) in &edges {
        let ((x1, y1), (x2, y2)) = (at(*from), at(*to));
        // Bend each arrow to its right, so that the two directions between a pair stay apart.
        let (dx, dy) = (x2 - x1, y2 - y1);
        let len = f64::from(dx * dx + dy * dy).sqrt().max(1.0);
        let bend = 40.0;
        let cx = f64::from(x1 + x2) / 2.0 - f64::from(dy) / len * bend;
        let cy = f64::from(y1 + y2) / 2.0 + f64::from(dx) / len * bend;
        // Start and end at the boxes' edges (boxes are 150 × 44).
        let clip = |x: i32, y: i32, tx: f64, ty: f64| {
            let (vx, vy) = (tx - f64::from(x), ty - f64::from(y));
            let scale = (75.0 / vx.abs().max(1e-9)).min(22.0 / vy.abs().max(1e-9));
            (f64::from(x) + vx * scale, f64::from(y) + vy * scale)
        };
        let (sx, sy) = clip(x1, y1, cx, cy);
        let (ex, ey) = clip(x2, y2, cx, cy);
        let _ = writeln!(
            out,
            "<path d=\"M {sx:.0} {sy:.0} Q {cx:.0} {cy:.0} {ex:.0} {ey:.0}\" fill=\"none\" \
             stroke=\"#555\" marker-end=\"url(#arrow)\"/>"
        );
        // The label at the curve's middle: (start + 2 × control + end) / 4.
        let (lx, ly) = ((sx + 2.0 * cx + ex) / 4.0, (sy + 2.0 * cy + ey) / 4.0);
        for (i, label) in labels.iter().enumerate() {
            let y = ly + 14.0 * i as f64 - 7.0 * (labels.len() as f64 - 1.0);
            let _ = writeln!(
                out,
                "<text x=\"{lx:.0}\" y=\"{y:.0}\" text-anchor=\"middle\" fill=\"#224\" \
                 stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">{label}</text>"
            );
        }
    }
    for s in S::ALL {
        let (x, y) = at(*s);
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"150\" height=\"44\" rx=\"8\" fill=\"#eef3fb\" \
             stroke=\"#335\"/><text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" \
             font-weight=\"bold\">{}</text>",
            x - 75,
            y - 22,
            y + 4,
            s.as_str()
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn one_id_one_rule_and_every_row_names_registered_rules() {
        let mut registry = crate::rules::registry();
        registry.extend_from_slice(NO_ROW);
        let mut ids = HashSet::new();
        for r in &registry {
            assert!(ids.insert(r.id()), "two rule functions for {:?}", r.id());
        }
        for t in TABLE {
            for r in t.rule_values() {
                assert!(ids.contains(&r.id()), "{:?} is not registered", r.id());
            }
        }
        for id in always_rules() {
            assert!(ids.contains(&id));
        }
    }

    #[test]
    fn the_index_finds_every_row_and_nothing_else() {
        for s in S::ALL.iter().copied() {
            for k in K::ALL {
                let scanned = TABLE.iter().find(|t| t.from == s && t.event == *k);
                assert_eq!(
                    find(s, *k).map(|t| (t.from, t.event)),
                    scanned.map(|t| (t.from, t.event))
                );
            }
        }
    }

    #[test]
    fn one_row_per_stage_and_event() {
        let mut seen = HashSet::new();
        for t in TABLE {
            assert!(
                seen.insert((t.from, t.event)),
                "duplicate row {:?} {:?}",
                t.from,
                t.event
            );
        }
    }

    #[test]
    fn every_stage_is_reachable_from_intake() {
        let mut reached = HashSet::from([S::Intake]);
        loop {
            let before = reached.len();
            for t in TABLE {
                if reached.contains(&t.from) {
                    reached.insert(t.to.stage_kind(t.from));
                }
            }
            if reached.len() == before {
                break;
            }
        }
        for s in S::ALL {
            assert!(reached.contains(s), "{s:?} unreachable");
        }
    }

    #[test]
    fn every_event_kind_has_a_row_and_nothing_follows_death() {
        // Corrections change the dated history; they are not lifecycle events.
        for k in K::ALL.iter().filter(|k| !k.is_correction()) {
            assert!(TABLE.iter().any(|t| t.event == *k), "{k:?} has no row");
        }
        for k in K::ALL.iter().filter(|k| k.is_correction()) {
            assert!(TABLE.iter().all(|t| t.event != *k), "{k:?} has a row");
        }
        assert_eq!(allowed_from(S::Deceased).count(), 0);
        // Every stage but Deceased can record the child's death.
        for s in S::ALL.iter().copied().filter(|s| *s != S::Deceased) {
            assert!(find(s, K::Death).is_some(), "{s:?}");
        }
    }

    #[test]
    fn removal_is_a_re_entry_only_after_an_exit() {
        // A removal is allowed from intake, preservation, an exit, a closed case — and from a
        // trial home visit only through the over-long-visit guard.
        let from: Vec<S> = TABLE
            .iter()
            .filter(|t| t.event == K::Removal)
            .map(|t| t.from)
            .collect();
        assert_eq!(
            from,
            [
                S::Intake,
                S::Preservation,
                S::Reunification,
                S::Exited,
                S::Closed
            ]
        );
        assert!(
            find(S::Reunification, K::Removal)
                .unwrap()
                .rules()
                .eq([RuleId::VisitWithinLimit])
        );
        assert!(find(S::FosterCare, K::Removal).is_none());
        assert!(find(S::Adoption, K::Removal).is_none());
    }

    #[test]
    fn readme_shows_the_same_diagram() {
        let readme = include_str!("../../README.md");
        assert!(
            readme.contains(&format!("```mermaid\n{}```", lifecycle_diagram())),
            "README.md's mermaid block differs from lifecycle_diagram()"
        );
    }

    #[test]
    fn svg_equals_the_checked_in_copy_and_draws_every_move() {
        let svg = lifecycle_svg();
        assert_eq!(
            svg,
            include_str!("../../docs/lifecycle.svg"),
            "regenerate docs/lifecycle.svg with `cargo run --example diagram -- --svg > docs/lifecycle.svg`"
        );
        for t in TABLE.iter().filter(|t| t.to != To::Same) {
            assert!(
                svg.contains(&format!(">{}</text>", t.event.as_str())),
                "{:?}",
                t.event
            );
        }
        for s in S::ALL {
            assert!(svg.contains(&format!(">{}</text>", s.as_str())));
        }
    }

    #[test]
    fn diagram_equals_the_checked_in_copy() {
        let checked_in = include_str!("../../docs/lifecycle.mmd");
        assert_eq!(
            lifecycle_diagram(),
            checked_in,
            "regenerate docs/lifecycle.mmd with `cargo run --example diagram > docs/lifecycle.mmd`"
        );
    }
}
