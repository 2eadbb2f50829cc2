//! THE transition table: one row per allowed `(stage, event kind) -> stage`, naming its guards.
//!
//! Everything else about the lifecycle is derived from [`TABLE`]: what is allowed next
//! ([`Case::allowed_now`](crate::Case::allowed_now)), the "not allowed from here" refusal, and the
//! Mermaid diagram ([`lifecycle_diagram`]). `DOMAIN.md` §8 and `DESIGN.md` "The lifecycle".

use std::fmt::Write as _;

use super::event::EventKind as K;
use super::stage::StageKind as S;
use crate::rules::{
    Guard, RuleId, adoption, appla, discharge, parents, placement, trial_home_visit as visit,
};

/// Where a row leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum To {
    /// The stage does not change: a recorded fact, a placement change.
    Same,
    /// [`Stage::Preservation`](crate::Stage::Preservation).
    Preservation,
    /// [`Stage::FosterCare`](crate::Stage::FosterCare).
    FosterCare,
    /// [`Stage::Reunification`](crate::Stage::Reunification).
    Reunification,
    /// [`Stage::Adoption`](crate::Stage::Adoption).
    Adoption,
    /// [`Stage::Exited`](crate::Stage::Exited), with the reason the event gives.
    Exited,
    /// [`Stage::Closed`](crate::Stage::Closed), with the outcome of the stage it closes.
    Closed,
    /// [`Stage::Deceased`](crate::Stage::Deceased).
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
            To::Exited => S::Exited,
            To::Closed => S::Closed,
            To::Deceased => S::Deceased,
        }
    }
}

/// A named guard: the rule it enforces and the function that checks it.
pub(crate) type Named = (RuleId, Guard);

/// One allowed transition.
#[derive(Debug, Clone, Copy)]
pub struct Transition {
    from: S,
    event: K,
    to: To,
    guards: &'static [Named],
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

    /// The rules this row checks (beyond the ones every event passes, [`always_rules`]), in order.
    pub fn rules(&self) -> impl Iterator<Item = RuleId> + '_ {
        self.guards.iter().map(|(id, _)| *id)
    }

    pub(crate) fn guards(&self) -> &'static [Named] {
        self.guards
    }
}

const fn row(from: S, event: K, to: To, guards: &'static [Named]) -> Transition {
    Transition {
        from,
        event,
        to,
        guards,
    }
}

/// Checked for every event, whatever the stage: dates in order and not before birth, families
/// known, placement ids unused.
pub(crate) const ALWAYS: &[Named] = &[
    (RuleId::EventOutOfOrder, crate::rules::lifecycle::in_order),
    (
        RuleId::EventBeforeBirth,
        crate::rules::lifecycle::not_before_birth,
    ),
    (
        RuleId::UnknownFamily,
        crate::rules::lifecycle::families_known,
    ),
    (
        RuleId::DuplicatePlacement,
        crate::rules::lifecycle::placement_id_unused,
    ),
];

/// The rules every event is checked against, whatever its row: dates in order and not before
/// birth, families known, placement ids unused.
pub fn always_rules() -> impl Iterator<Item = RuleId> {
    ALWAYS.iter().map(|(id, _)| *id)
}

// Guard lists shared by several rows.
const NONE: &[Named] = &[];
const BEGIN: &[Named] = &[
    (RuleId::PlacementAlreadyOpen, placement::none_open),
    (RuleId::PlacementEventMismatch, placement::new_is_ordinary),
    (RuleId::CaregiverKind, placement::caregiver_kind),
    (RuleId::UnlicensedHome, placement::licensed_home),
];
const CHANGE: &[Named] = &[
    (RuleId::PlacementEventMismatch, placement::open_is_ordinary),
    (RuleId::PlacementEventMismatch, placement::new_is_ordinary),
    (RuleId::CaregiverKind, placement::caregiver_kind),
    (RuleId::UnlicensedHome, placement::licensed_home),
];
const RUN: &[Named] = &[(RuleId::PlacementEventMismatch, placement::runaway_setting)];
const RETURN: &[Named] = &[
    (RuleId::PlacementEventMismatch, placement::open_is_runaway),
    (RuleId::PlacementEventMismatch, placement::new_is_ordinary),
    (RuleId::CaregiverKind, placement::caregiver_kind),
    (RuleId::UnlicensedHome, placement::licensed_home),
];
const PLAN: &[Named] = &[(RuleId::ApplaAge, appla::age)];
const FINDING: &[Named] = &[
    (RuleId::VisitExtension, visit::extension),
    (RuleId::QrtpPlacement, placement::qrtp_finding),
    (RuleId::NotALegalParent, parents::legal_parent),
];
const QRTP: &[Named] = &[(RuleId::QrtpPlacement, placement::qrtp_record)];
const RIGHTS: &[Named] = &[
    (RuleId::NotALegalParent, parents::legal_parent),
    (RuleId::ParentalRightsAlreadyEnded, parents::rights_intact),
];
const VISIT: &[Named] = &[
    (
        RuleId::VisitGoalNotReunification,
        visit::goal_is_reunification,
    ),
    (RuleId::VisitNotWithParents, visit::with_parents),
    (RuleId::PlacementEventMismatch, placement::not_on_runaway),
];
const VISIT_RETURN: &[Named] = &[
    (RuleId::VisitOutlivedLimit, visit::within_limit),
    (RuleId::PlacementEventMismatch, placement::new_is_ordinary),
    (RuleId::CaregiverKind, placement::caregiver_kind),
    (RuleId::UnlicensedHome, placement::licensed_home),
];
const VISIT_REENTRY: &[Named] = &[(RuleId::VisitWithinLimit, visit::outlived_limit)];
const ADOPTIVE_PLACEMENT: &[Named] = &[
    (RuleId::ParentalRightsIntact, adoption::rights_ended),
    (RuleId::GoalNotAdoption, adoption::goal_is_adoption),
    (RuleId::NotAnAdoptiveHome, adoption::adoptive_home),
    (RuleId::PlacementEventMismatch, placement::not_on_runaway),
    (RuleId::UnlicensedHome, placement::licensed_home),
];
const DISRUPTION: &[Named] = &[
    (RuleId::PlacementEventMismatch, placement::new_is_ordinary),
    (RuleId::CaregiverKind, placement::caregiver_kind),
    (RuleId::UnlicensedHome, placement::licensed_home),
];
const FINALIZE: &[Named] = &[
    (RuleId::ParentalRightsIntact, adoption::rights_ended),
    (RuleId::GoalNotAdoption, adoption::goal_is_adoption),
    (RuleId::NotAnAdoptiveHome, adoption::adoptive_home),
];
const VISIT_DISCHARGE: &[Named] = &[
    (RuleId::DischargeReason, discharge::reason_allowed),
    (RuleId::VisitOutlivedLimit, visit::discharge_after_limit),
    (RuleId::EmancipationAge, discharge::emancipation_age),
    (RuleId::GuardianshipFamily, discharge::guardianship_family),
    (RuleId::KinshipGuardianRelative, discharge::kinship_relative),
    (
        RuleId::KinshipGuardianSixMonths,
        discharge::kinship_six_months,
    ),
];
const RECORD_AFTER_TPR: &[Named] = &[(RuleId::ParentalRightsIntact, adoption::no_parent_restored)];
const DISCHARGE: &[Named] = &[
    (RuleId::DischargeReason, discharge::reason_allowed),
    (RuleId::EmancipationAge, discharge::emancipation_age),
    (RuleId::GuardianshipFamily, discharge::guardianship_family),
    (RuleId::KinshipGuardianRelative, discharge::kinship_relative),
    (
        RuleId::KinshipGuardianSixMonths,
        discharge::kinship_six_months,
    ),
];

/// The lifecycle. One row per allowed `(stage, event kind)`; a test keeps the pairs unique.
#[rustfmt::skip]
pub const TABLE: &[Transition] = &[
    // from              event                         to                 guards
    row(S::Intake,       K::FamilyRecorded,            To::Same,          NONE),
    row(S::Intake,       K::OpenPreservation,          To::Preservation,  NONE),
    row(S::Intake,       K::Removal,                   To::FosterCare,    NONE),

    row(S::Preservation, K::FamilyRecorded,            To::Same,          NONE),
    row(S::Preservation, K::CandidacyIdentified,       To::Same,          NONE),
    row(S::Preservation, K::CourtFinding,              To::Same,          FINDING),
    row(S::Preservation, K::ParentDeceased,            To::Same,          RIGHTS),
    row(S::Preservation, K::Removal,                   To::FosterCare,    NONE),
    row(S::Preservation, K::Close,                     To::Closed,        NONE),
    row(S::Preservation, K::Death,                     To::Deceased,      NONE),

    row(S::FosterCare,   K::FamilyRecorded,            To::Same,          NONE),
    row(S::FosterCare,   K::PlacementBegun,            To::Same,          BEGIN),
    row(S::FosterCare,   K::PlacementChanged,          To::Same,          CHANGE),
    row(S::FosterCare,   K::RanAway,                   To::Same,          RUN),
    row(S::FosterCare,   K::ReturnedFromRunaway,       To::Same,          RETURN),
    row(S::FosterCare,   K::PlanSet,                   To::Same,          PLAN),
    row(S::FosterCare,   K::CourtFinding,              To::Same,          FINDING),
    row(S::FosterCare,   K::PermanencyHearing,         To::Same,          NONE),
    row(S::FosterCare,   K::PeriodicReview,            To::Same,          NONE),
    row(S::FosterCare,   K::CasePlanCompleted,         To::Same,          NONE),
    row(S::FosterCare,   K::RelativesNotified,         To::Same,          NONE),
    row(S::FosterCare,   K::TransitionPlanCompleted,   To::Same,          NONE),
    row(S::FosterCare,   K::QrtpAssessed,              To::Same,          QRTP),
    row(S::FosterCare,   K::QrtpLongStayApproved,      To::Same,          QRTP),
    row(S::FosterCare,   K::TprPetitionFiled,          To::Same,          NONE),
    row(S::FosterCare,   K::TprExceptionDocumented,    To::Same,          NONE),
    row(S::FosterCare,   K::ParentalRightsTerminated,  To::Same,          RIGHTS),
    row(S::FosterCare,   K::ParentalRightsRelinquished,To::Same,          RIGHTS),
    row(S::FosterCare,   K::ParentDeceased,            To::Same,          RIGHTS),
    row(S::FosterCare,   K::TrialHomeVisitBegun,       To::Reunification, VISIT),
    row(S::FosterCare,   K::PlacedForAdoption,         To::Adoption,      ADOPTIVE_PLACEMENT),
    row(S::FosterCare,   K::Discharge,                 To::Exited,        DISCHARGE),
    row(S::FosterCare,   K::Death,                     To::Deceased,      NONE),

    row(S::Reunification,K::FamilyRecorded,            To::Same,          NONE),
    row(S::Reunification,K::PlanSet,                   To::Same,          PLAN),
    row(S::Reunification,K::CourtFinding,              To::Same,          FINDING),
    row(S::Reunification,K::PermanencyHearing,         To::Same,          NONE),
    row(S::Reunification,K::PeriodicReview,            To::Same,          NONE),
    row(S::Reunification,K::CasePlanCompleted,         To::Same,          NONE),
    row(S::Reunification,K::RelativesNotified,         To::Same,          NONE),
    row(S::Reunification,K::TransitionPlanCompleted,   To::Same,          NONE),
    row(S::Reunification,K::ParentDeceased,            To::Same,          RIGHTS),
    row(S::Reunification,K::TrialHomeVisitEnded,       To::FosterCare,    VISIT_RETURN),
    row(S::Reunification,K::Removal,                   To::FosterCare,    VISIT_REENTRY),
    row(S::Reunification,K::Discharge,                 To::Exited,        VISIT_DISCHARGE),
    row(S::Reunification,K::Death,                     To::Deceased,      NONE),

    row(S::Adoption,     K::FamilyRecorded,            To::Same,          RECORD_AFTER_TPR),
    row(S::Adoption,     K::PlanSet,                   To::Same,          PLAN),
    row(S::Adoption,     K::CourtFinding,              To::Same,          FINDING),
    row(S::Adoption,     K::PermanencyHearing,         To::Same,          NONE),
    row(S::Adoption,     K::PeriodicReview,            To::Same,          NONE),
    row(S::Adoption,     K::CasePlanCompleted,         To::Same,          NONE),
    row(S::Adoption,     K::TransitionPlanCompleted,   To::Same,          NONE),
    row(S::Adoption,     K::RelativesNotified,         To::Same,          NONE),
    row(S::Adoption,     K::RanAway,                   To::Same,          RUN),
    row(S::Adoption,     K::ReturnedFromRunaway,       To::Same,          RETURN),
    row(S::Adoption,     K::AdoptionDisrupted,         To::FosterCare,    DISRUPTION),
    row(S::Adoption,     K::Discharge,                 To::Exited,        DISCHARGE),
    row(S::Adoption,     K::AdoptionFinalized,         To::Exited,        FINALIZE),
    row(S::Adoption,     K::Death,                     To::Deceased,      NONE),

    row(S::Exited,       K::FamilyRecorded,            To::Same,          RECORD_AFTER_TPR),
    row(S::Exited,       K::Removal,                   To::FosterCare,    NONE),
    row(S::Exited,       K::OpenPreservation,          To::Preservation,  NONE),
    row(S::Exited,       K::Close,                     To::Closed,        NONE),
    row(S::Exited,       K::Death,                     To::Deceased,      NONE),

    row(S::Closed,       K::FamilyRecorded,            To::Same,          RECORD_AFTER_TPR),
    row(S::Closed,       K::Reopen,                    To::Preservation,  NONE),
    row(S::Closed,       K::Removal,                   To::FosterCare,    NONE),
    row(S::Closed,       K::Death,                     To::Deceased,      NONE),
];

/// The row for `(from, event)`, if the table allows it.
pub fn find(from: S, event: K) -> Option<&'static Transition> {
    TABLE.iter().find(|t| t.from == from && t.event == event)
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
    for s in S::ALL {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

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
            assert!(reached.contains(&s), "{s:?} unreachable");
        }
    }

    #[test]
    fn every_event_kind_has_a_row_and_nothing_follows_death() {
        for k in K::ALL {
            assert!(TABLE.iter().any(|t| t.event == *k), "{k:?} has no row");
        }
        assert_eq!(allowed_from(S::Deceased).count(), 0);
        // Every stage but Deceased can record the child's death.
        for s in S::ALL
            .into_iter()
            .filter(|s| !matches!(s, S::Deceased | S::Intake))
        {
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
    fn diagram_equals_the_checked_in_copy() {
        let checked_in = include_str!("../../docs/lifecycle.mmd");
        assert_eq!(
            lifecycle_diagram(),
            checked_in,
            "regenerate docs/lifecycle.mmd with `cargo run --example diagram > docs/lifecycle.mmd`"
        );
    }
}
