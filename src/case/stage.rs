//! [`Stage`]: where a child's case stands.

use core::fmt;

/// Why a removal episode ended (AFCARS 1993 element 58, 2020 E155).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum ExitReason {
    /// Reunified with parents or primary caretakers (code 1).
    Reunified,
    /// Living with other relatives (code 2).
    LivingWithOtherRelatives,
    /// Adopted (code 3).
    Adopted,
    /// Emancipated (code 4).
    Emancipated,
    /// Legal guardianship (code 5).
    Guardianship,
    /// Transferred to another agency (code 6).
    TransferredToAnotherAgency,
    /// The agency ended responsibility for a missing child (code 7).
    RunawayDischarge,
    /// Death of the child (code 8).
    Death,
}

impl ExitReason {
    /// The snake_case name, as on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            ExitReason::Reunified => "reunified",
            ExitReason::LivingWithOtherRelatives => "living_with_other_relatives",
            ExitReason::Adopted => "adopted",
            ExitReason::Emancipated => "emancipated",
            ExitReason::Guardianship => "guardianship",
            ExitReason::TransferredToAnotherAgency => "transferred_to_another_agency",
            ExitReason::RunawayDischarge => "runaway_discharge",
            ExitReason::Death => "death",
        }
    }

    /// Whether the CFSR counts this exit as permanency: reunification, living with relatives,
    /// guardianship or adoption .
    pub fn is_permanency(self) -> bool {
        matches!(
            self,
            ExitReason::Reunified
                | ExitReason::LivingWithOtherRelatives
                | ExitReason::Guardianship
                | ExitReason::Adopted
        )
    }

    /// The AFCARS 1993 DISREASN code.
    pub fn afcars_1993_code(self) -> u8 {
        match self {
            ExitReason::Reunified => 1,
            ExitReason::LivingWithOtherRelatives => 2,
            ExitReason::Adopted => 3,
            ExitReason::Emancipated => 4,
            ExitReason::Guardianship => 5,
            ExitReason::TransferredToAnotherAgency => 6,
            ExitReason::RunawayDischarge => 7,
            ExitReason::Death => 8,
        }
    }
}

/// How a closed case ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Outcome {
    /// In-home (preservation) services completed without a removal.
    PreservationCompleted,
    /// Closed after a foster-care episode ended for this reason.
    Exited(ExitReason),
}

/// Where a child's case stands. Derived from the case's history; names are part of the API and
/// the wire format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Stage {
    /// Opened, nothing decided yet: the stage of a case with no event.
    Intake,
    /// The child lives at home and the family receives in-home or prevention services.
    Preservation,
    /// Removed: the agency has placement and care responsibility; the child is in a placement or
    /// on runaway status.
    FosterCare,
    /// Home with the parents on a trial home visit while the agency keeps custody.
    Reunification,
    /// Every legal parent's rights ended; living in the adoptive home awaiting finalization.
    Adoption,
    /// The removal episode ended for this reason. A removal now is a re-entry.
    Exited(ExitReason),
    /// The case is closed.
    Closed(Outcome),
    /// The child died. Nothing may follow.
    Deceased,
}

/// A [`Stage`] without its reason: what the transition table matches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum StageKind {
    /// [`Stage::Intake`].
    Intake,
    /// [`Stage::Preservation`].
    Preservation,
    /// [`Stage::FosterCare`].
    FosterCare,
    /// [`Stage::Reunification`].
    Reunification,
    /// [`Stage::Adoption`].
    Adoption,
    /// [`Stage::Exited`].
    Exited,
    /// [`Stage::Closed`].
    Closed,
    /// [`Stage::Deceased`].
    Deceased,
}

impl StageKind {
    /// Every stage kind, in lifecycle order.
    pub const ALL: [StageKind; 8] = [
        StageKind::Intake,
        StageKind::Preservation,
        StageKind::FosterCare,
        StageKind::Reunification,
        StageKind::Adoption,
        StageKind::Exited,
        StageKind::Closed,
        StageKind::Deceased,
    ];

    /// The name used in the diagram and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            StageKind::Intake => "Intake",
            StageKind::Preservation => "Preservation",
            StageKind::FosterCare => "FosterCare",
            StageKind::Reunification => "Reunification",
            StageKind::Adoption => "Adoption",
            StageKind::Exited => "Exited",
            StageKind::Closed => "Closed",
            StageKind::Deceased => "Deceased",
        }
    }
}

impl Stage {
    /// The stage without its reason.
    pub fn kind(&self) -> StageKind {
        match self {
            Stage::Intake => StageKind::Intake,
            Stage::Preservation => StageKind::Preservation,
            Stage::FosterCare => StageKind::FosterCare,
            Stage::Reunification => StageKind::Reunification,
            Stage::Adoption => StageKind::Adoption,
            Stage::Exited(_) => StageKind::Exited,
            Stage::Closed(_) => StageKind::Closed,
            Stage::Deceased => StageKind::Deceased,
        }
    }

    /// Whether the child is in the agency's care: foster care, a trial home visit, or awaiting
    /// adoption finalization.
    pub fn in_care(&self) -> bool {
        matches!(
            self,
            Stage::FosterCare | Stage::Reunification | Stage::Adoption
        )
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stage::Exited(r) => write!(f, "Exited({})", r.as_str()),
            Stage::Closed(Outcome::PreservationCompleted) => {
                f.write_str("Closed(preservation_completed)")
            }
            Stage::Closed(Outcome::Exited(r)) => write!(f, "Closed({})", r.as_str()),
            other => f.write_str(other.kind().as_str()),
        }
    }
}
