//! Child-welfare permanency planning, typed and checked against US federal law.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]

pub mod date;
mod error;
mod id;
pub mod policy;
mod sensitive;
mod text;

mod child;
mod family;
mod placement;
mod plan;

pub use child::{Child, IndianChildStatus, Sex, Tribe};
pub use error::{Error, Inconsistency, TextProblem};
pub use family::{
    Family, FamilyBuilder, FamilyKind, FosterLicence, LicenceStatus, Member, Person, Relationship,
};
pub use id::{ChildId, FamilyId, PersonId, PlacementId};
pub use placement::{
    EndReason, Location, NewPlacement, Placement, PlacementEnd, Setting, SpecifiedSetting,
};
pub use plan::{ApplaDocumentation, Goal, Goals, PermanencyPlan};
pub use policy::Policy;
pub use sensitive::{REDACTED, Sensitive};
pub use text::{Name, Note};

#[cfg(feature = "proptest")]
pub mod strategy;

pub mod case;
pub mod rules;
pub mod timeline;

pub use case::event::{
    AggravatedGround, Candidacy, Circumstance, Circumstances, Determination, Discharge, Event,
    EventData, EventKind, Finding, GuardianshipAssistance, Manner, PreventionEfforts,
    QrtpAssessment, Removal, TprException,
};
pub use case::stage::{ExitReason, Outcome, Stage, StageKind};
pub use case::{
    Case, CaseRecord, Episode, EpisodeExit, LenientReplay, ParentStatus, ParentalRights, Refused,
    ReplayError,
};
pub use rules::{Rejection, RuleId, Subject, Violation};
pub use timeline::{Obligation, ObligationKind};
