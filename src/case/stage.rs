//! [`Stage`]: where a child's case stands.
//!
//! The two code lists here, [`ExitReason`] and [`StageKind`], are each declared once, one row per
//! variant, by the `exit_reasons!` and `stage_kinds!` macros below: the enum, `ALL`, the names,
//! the codes, `Display` and `FromStr` are generated from the rows. Adding a variant is one row.

use core::fmt;
use core::str::FromStr;

use crate::codes::ParseCodeError;

/// A name that is not one of the names of [`ExitReason`] or [`StageKind`]: the crate's one
/// error for code lists, under the name it had first. Its message says which list and which
/// names it accepts, and never repeats the text that was given.
pub type ParseStageError = ParseCodeError;

/// Declares [`ExitReason`]: one row per reason,
/// `Variant = "wire_name", code N, code_2020 M, permanency B;` with the AFCARS 1993 DISREASN
/// code, the AFCARS 2020 E155 code and whether the CFSR counts the exit as permanency.
macro_rules! exit_reasons {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $name:literal, code $code:literal, code_2020 $code_2020:literal, permanency $permanency:literal;
    )*) => {
        /// Why a removal episode ended (AFCARS 1993 element 58, 2020 E155).
        ///
        /// The snake_case name ([`ExitReason::as_str`]) is the wire name and what `Display`
        /// prints and `FromStr` reads.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        pub enum ExitReason {
            $(
                $(#[$doc])*
                #[doc = ""]
                #[doc = concat!("Wire name `", $name, "`, AFCARS 1993 DISREASN code ", $code, ", 2020 E155 code ", $code_2020, ".")]
                #[cfg_attr(feature = "serde", serde(rename = $name))]
                $variant,
            )*
        }

        impl ExitReason {
            /// Every exit reason, in code order.
            pub const ALL: &'static [ExitReason] = &[$(ExitReason::$variant),*];

            /// The snake_case name, as on the wire.
            pub const fn as_str(self) -> &'static str {
                match self { $(ExitReason::$variant => $name,)* }
            }

            /// Whether the CFSR counts this exit as permanency: reunification, living with
            /// relatives, guardianship or adoption.
            pub const fn is_permanency(self) -> bool {
                match self { $(ExitReason::$variant => $permanency,)* }
            }

            /// The AFCARS 1993 DISREASN code (Appendix A element 58): 1 to 8; 0, "not
            /// applicable", is no exit (see [`afcars::ExitReason1993`](crate::afcars::ExitReason1993)).
            pub const fn afcars_1993_code(self) -> u8 {
                match self { $(ExitReason::$variant => $code,)* }
            }

            /// The AFCARS 2020 exit reason code (45 CFR 1355.44(g)(3), element E155) as the AXE
            /// and CJAMS implementations number it: 1 to 8; 9, "not applicable", is no exit (see
            /// [`afcars::ExitReason2020`](crate::afcars::ExitReason2020)). Verify against the
            /// current ACF XML schema.
            pub const fn afcars_2020_code(self) -> u8 {
                match self { $(ExitReason::$variant => $code_2020,)* }
            }
        }

        impl FromStr for ExitReason {
            type Err = ParseCodeError;

            /// Reads the wire name ([`ExitReason::as_str`]).
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($name => Ok(ExitReason::$variant),)*
                    _ => Err(ParseCodeError::new("exit reason", &[$($name),*])),
                }
            }
        }
    };
}

/// The one list of exit reasons, handed to macro `$m`: [`ExitReason`] is declared from it here,
/// and the AFCARS code lists [`ExitReason1993`](crate::afcars::ExitReason1993) and
/// [`ExitReason2020`](crate::afcars::ExitReason2020) in [`afcars`](crate::afcars).
macro_rules! exit_reason_rows {
    ($m:ident) => {
        $m! {
            /// Reunified with parents or primary caretakers.
            Reunified = "reunified", code 1, code_2020 1, permanency true;
            /// Living with other relatives.
            LivingWithOtherRelatives = "living_with_other_relatives", code 2, code_2020 2, permanency true;
            /// Adopted.
            Adopted = "adopted", code 3, code_2020 3, permanency true;
            /// Emancipated.
            Emancipated = "emancipated", code 4, code_2020 4, permanency false;
            /// Legal guardianship.
            Guardianship = "guardianship", code 5, code_2020 5, permanency true;
            /// Transferred to another agency.
            TransferredToAnotherAgency = "transferred_to_another_agency", code 6, code_2020 8, permanency false;
            /// The agency ended responsibility for a missing child.
            RunawayDischarge = "runaway_discharge", code 7, code_2020 6, permanency false;
            /// Death of the child.
            Death = "death", code 8, code_2020 7, permanency false;
        }
    };
}
pub(crate) use exit_reason_rows;

exit_reason_rows!(exit_reasons);

impl fmt::Display for ExitReason {
    /// The wire name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a closed case ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Outcome {
    /// In-home (preservation) services completed without a removal.
    PreservationCompleted,
    /// Closed after a foster-care episode ended for this reason.
    Exited(ExitReason),
}

/// Where a child's case stands. Derived from the case's history; names are part of the API and
/// the wire format.
///
/// `Display` prints the stage as it is written on the wire ([`StageKind::wire_name`], e.g.
/// `foster_care`), with the reason for an exited or closed case, e.g. `exited(reunified)`;
/// messages quote it. Stages order as the lifecycle declares them (intake first, deceased last),
/// for sorting a caseload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
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

/// Declares [`StageKind`]: one row per stage kind, `Variant = "wire_name",`. The name used in
/// the diagram and in messages is the variant's own (CamelCase).
macro_rules! stage_kinds {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, )*) => {
        /// A [`Stage`] without its reason: what the transition table matches on.
        ///
        /// Two names: [`StageKind::as_str`] (`FosterCare`), used in the lifecycle diagram and in
        /// messages and printed by `Display`, and [`StageKind::wire_name`] (`foster_care`), the
        /// serde name. `FromStr` reads either.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        pub enum StageKind {
            $(
                $(#[$doc])*
                #[cfg_attr(feature = "serde", serde(rename = $name))]
                $variant,
            )*
        }

        impl StageKind {
            /// Every stage kind, in lifecycle order.
            pub const ALL: &'static [StageKind] = &[$(StageKind::$variant),*];

            /// The name used in the diagram and in messages (CamelCase, e.g. `FosterCare`).
            pub const fn as_str(self) -> &'static str {
                match self { $(StageKind::$variant => stringify!($variant),)* }
            }

            /// The snake_case name, as on the wire (e.g. `foster_care`).
            pub const fn wire_name(self) -> &'static str {
                match self { $(StageKind::$variant => $name,)* }
            }
        }

        impl FromStr for StageKind {
            type Err = ParseCodeError;

            /// Reads the name [`StageKind::as_str`] gives (`FosterCare`) or the wire name
            /// (`foster_care`).
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $(stringify!($variant) | $name => Ok(StageKind::$variant),)*
                    _ => Err(ParseCodeError::new(
                        "stage kind",
                        &[$(stringify!($variant),)* $($name),*],
                    )),
                }
            }
        }
    };
}

stage_kinds! {
    /// [`Stage::Intake`].
    Intake = "intake",
    /// [`Stage::Preservation`].
    Preservation = "preservation",
    /// [`Stage::FosterCare`].
    FosterCare = "foster_care",
    /// [`Stage::Reunification`].
    Reunification = "reunification",
    /// [`Stage::Adoption`].
    Adoption = "adoption",
    /// [`Stage::Exited`].
    Exited = "exited",
    /// [`Stage::Closed`].
    Closed = "closed",
    /// [`Stage::Deceased`].
    Deceased = "deceased",
}

impl fmt::Display for StageKind {
    /// The name used in the diagram and in messages ([`StageKind::as_str`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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

/// A stage prints as it is written on the wire: its kind's snake_case name, with the exit
/// reason or the closing outcome after it (`foster_care`, `exited(reunified)`,
/// `closed(preservation_completed)`).
impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stage::Exited(r) => write!(f, "exited({r})"),
            Stage::Closed(Outcome::PreservationCompleted) => {
                f.write_str("closed(preservation_completed)")
            }
            Stage::Closed(Outcome::Exited(r)) => write!(f, "closed({r})"),
            other => f.write_str(other.kind().wire_name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The snake_case spelling of a CamelCase name: what `rename_all = "snake_case"` gave.
    fn snake_case(camel: &str) -> String {
        let mut out = String::new();
        for (i, c) in camel.chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
            }
        }
        out
    }

    /// Every exit reason, by an exhaustive match: a new variant fails to compile here until it
    /// is added, and the test fails until `ALL` lists it.
    fn listed_exit_reason(r: ExitReason) -> bool {
        match r {
            ExitReason::Reunified
            | ExitReason::LivingWithOtherRelatives
            | ExitReason::Adopted
            | ExitReason::Emancipated
            | ExitReason::Guardianship
            | ExitReason::TransferredToAnotherAgency
            | ExitReason::RunawayDischarge
            | ExitReason::Death => ExitReason::ALL.contains(&r),
        }
    }

    fn listed_stage_kind(k: StageKind) -> bool {
        match k {
            StageKind::Intake
            | StageKind::Preservation
            | StageKind::FosterCare
            | StageKind::Reunification
            | StageKind::Adoption
            | StageKind::Exited
            | StageKind::Closed
            | StageKind::Deceased => StageKind::ALL.contains(&k),
        }
    }

    #[test]
    fn all_lists_every_variant_once() {
        let reasons = [
            ExitReason::Reunified,
            ExitReason::LivingWithOtherRelatives,
            ExitReason::Adopted,
            ExitReason::Emancipated,
            ExitReason::Guardianship,
            ExitReason::TransferredToAnotherAgency,
            ExitReason::RunawayDischarge,
            ExitReason::Death,
        ];
        for r in reasons {
            assert!(listed_exit_reason(r), "{r:?} missing from ExitReason::ALL");
        }
        assert_eq!(ExitReason::ALL, reasons);
        let kinds = [
            StageKind::Intake,
            StageKind::Preservation,
            StageKind::FosterCare,
            StageKind::Reunification,
            StageKind::Adoption,
            StageKind::Exited,
            StageKind::Closed,
            StageKind::Deceased,
        ];
        for k in kinds {
            assert!(listed_stage_kind(k), "{k:?} missing from StageKind::ALL");
        }
        // Lifecycle order, which the diagram follows.
        assert_eq!(StageKind::ALL, kinds);
    }

    #[test]
    fn exit_reasons_round_trip_and_their_names_and_codes_are_unique() {
        let (mut names, mut codes) = (HashSet::new(), HashSet::new());
        for &r in ExitReason::ALL {
            assert_eq!(r.as_str().parse::<ExitReason>(), Ok(r));
            assert_eq!(r.to_string(), r.as_str());
            assert_eq!(r.as_str(), snake_case(&format!("{r:?}")));
            assert!(names.insert(r.as_str()), "{r:?}: name repeated");
            assert!(codes.insert(r.afcars_1993_code()), "{r:?}: code repeated");
        }
        // The codes are 1 to 8, in declaration (and so `Ord`) order.
        let codes: Vec<u8> = ExitReason::ALL
            .iter()
            .map(|r| r.afcars_1993_code())
            .collect();
        assert_eq!(codes, (1..=8).collect::<Vec<u8>>());
        assert!(ExitReason::ALL.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn exit_reasons_keep_their_meaning() {
        let permanency: Vec<ExitReason> = ExitReason::ALL
            .iter()
            .copied()
            .filter(|r| r.is_permanency())
            .collect();
        assert_eq!(
            permanency,
            [
                ExitReason::Reunified,
                ExitReason::LivingWithOtherRelatives,
                ExitReason::Adopted,
                ExitReason::Guardianship,
            ]
        );
        assert_eq!(ExitReason::RunawayDischarge.afcars_1993_code(), 7);
        assert_eq!(ExitReason::Death.as_str(), "death");
    }

    #[test]
    fn stage_kinds_round_trip_and_their_names_are_unique() {
        let (mut names, mut wire) = (HashSet::new(), HashSet::new());
        for &k in StageKind::ALL {
            assert_eq!(k.as_str().parse::<StageKind>(), Ok(k));
            assert_eq!(k.wire_name().parse::<StageKind>(), Ok(k));
            assert_eq!(k.to_string(), k.as_str());
            assert_eq!(k.as_str(), format!("{k:?}"));
            assert_eq!(k.wire_name(), snake_case(k.as_str()));
            assert!(names.insert(k.as_str()), "{k:?}: name repeated");
            assert!(wire.insert(k.wire_name()), "{k:?}: wire name repeated");
        }
        // `FromStr` reads both: no name is another kind's wire name.
        assert!(names.is_disjoint(&wire));
    }

    #[test]
    fn unknown_names_are_refused_without_being_repeated() {
        let e = "Jane Doe".parse::<ExitReason>().unwrap_err();
        assert_eq!(e.what(), "exit reason");
        let message = e.to_string();
        assert!(!message.contains("Jane"), "{message}");
        assert_eq!(
            message,
            "unknown exit reason, expected one of reunified, living_with_other_relatives, \
             adopted, emancipated, guardianship, transferred_to_another_agency, \
             runaway_discharge, death"
        );
        // Names are exact: no case folding, no trimming.
        assert!("Reunified".parse::<ExitReason>().is_err());
        assert!(" reunified".parse::<ExitReason>().is_err());
        assert!("FOSTER_CARE".parse::<StageKind>().is_err());
        let e = "Jane Doe".parse::<StageKind>().unwrap_err();
        assert_eq!(e.what(), "stage kind");
        assert_eq!(e.expected().len(), 2 * StageKind::ALL.len());
        assert!(!e.to_string().contains("Jane"));
        let _: &dyn std::error::Error = &e;
    }

    #[test]
    fn stages_display_as_their_wire_names() {
        assert_eq!(Stage::Intake.to_string(), "intake");
        assert_eq!(Stage::FosterCare.to_string(), "foster_care");
        assert_eq!(
            Stage::Exited(ExitReason::Reunified).to_string(),
            "exited(reunified)"
        );
        assert_eq!(
            Stage::Closed(Outcome::PreservationCompleted).to_string(),
            "closed(preservation_completed)"
        );
        assert_eq!(
            Stage::Closed(Outcome::Exited(ExitReason::LivingWithOtherRelatives)).to_string(),
            "closed(living_with_other_relatives)"
        );
        // Each kind displays as it serializes.
        for k in StageKind::ALL {
            assert_eq!(k.wire_name(), snake_case(k.as_str()));
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn the_wire_names_are_the_rows() {
        for &r in ExitReason::ALL {
            let json = serde_json::to_value(r).unwrap();
            assert_eq!(json, serde_json::json!(r.as_str()));
            assert_eq!(serde_json::from_value::<ExitReason>(json).unwrap(), r);
        }
        for &k in StageKind::ALL {
            let json = serde_json::to_value(k).unwrap();
            assert_eq!(json, serde_json::json!(k.wire_name()));
            assert_eq!(serde_json::from_value::<StageKind>(json).unwrap(), k);
        }
        // A stage still carries its reason under the snake_case names.
        assert_eq!(
            serde_json::to_value(Stage::Exited(ExitReason::Adopted)).unwrap(),
            serde_json::json!({"exited": "adopted"})
        );
        assert_eq!(
            serde_json::to_value(Stage::FosterCare).unwrap(),
            serde_json::json!("foster_care")
        );
    }
}
