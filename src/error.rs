//! The error for values that cannot be built.
//!
//! Refused case events are not errors of this kind: they produce a
//! [`Rejection`](crate::Rejection) listing every violated rule.

use thiserror::Error as ThisError;

/// Why a value (an id, a name, a date, an entity, a policy) could not be built.
///
/// Messages are lowercase, say what was expected and what was found, and never contain a name,
/// a date of birth or free text that was given: only field names, ids, counts and non-identifying
/// dates.
#[derive(Debug, Clone, PartialEq, Eq, ThisError)]
#[non_exhaustive]
pub enum Error {
    /// A text value (id, name, note) was empty, too long or held a control character.
    #[error("invalid {field}: expected {expected}, found {found}")]
    Text {
        /// Which field, e.g. `"child id"`.
        field: &'static str,
        /// What the field accepts.
        expected: &'static str,
        /// What was wrong, without repeating the value.
        found: TextProblem,
    },
    /// A date outside the range the crate accepts ([`date::EARLIEST`](crate::date::EARLIEST) to
    /// [`date::LATEST`](crate::date::LATEST)). The date itself is not repeated: it may be a
    /// birth date.
    #[error(
        "invalid {field}: expected a date from 1900-01-01 to 2199-12-31, found one outside that range"
    )]
    DateOutOfRange {
        /// Which field.
        field: &'static str,
    },
    /// Two dates in the wrong order (for example a license that expires before it starts).
    #[error("invalid {field}: expected on or after {earliest}, found {found}")]
    DateOrder {
        /// Which field.
        field: &'static str,
        /// The earliest acceptable date.
        earliest: chrono::NaiveDate,
        /// The date given.
        found: chrono::NaiveDate,
    },
    /// A collection held the same id twice.
    #[error("duplicate {what}: {id} appears more than once")]
    Duplicate {
        /// What is duplicated, e.g. `"family member"`.
        what: &'static str,
        /// The repeated id.
        id: String,
    },
    /// A combination of facts that cannot be true together.
    #[error("{0}")]
    Inconsistent(Inconsistency),
    /// A policy date outside what the law allows.
    #[error("invalid policy {field}: expected {expected}, found {found}")]
    PolicyDate {
        /// Which policy value.
        field: &'static str,
        /// The accepted range.
        expected: &'static str,
        /// The date given.
        found: chrono::NaiveDate,
    },
    /// A policy value outside what the law or arithmetic allows.
    #[error("invalid policy {field}: expected {expected}, found {found}")]
    Policy {
        /// Which policy value.
        field: &'static str,
        /// The accepted range.
        expected: &'static str,
        /// The value given.
        found: u32,
    },
}

/// What was wrong with a text value. The value itself is never kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ThisError)]
#[non_exhaustive]
pub enum TextProblem {
    /// Nothing (or only white space) was given.
    #[error("an empty value")]
    Empty,
    /// More characters than allowed.
    #[error("{0} characters")]
    TooLong(usize),
    /// A control character (newline, tab, NUL...) at this character position.
    #[error("a control character at position {0}")]
    ControlCharacter(usize),
    /// Leading or trailing white space.
    #[error("leading or trailing white space")]
    Untrimmed,
    /// An invisible or direction-overriding format character (U+200B–U+200F, U+202A–U+202E,
    /// U+2066–U+2069, U+2028, U+2029, U+FEFF) at this character position: refused in ids and
    /// notes so that no message can be made to read as something else.
    #[error("an invisible or direction-overriding format character at position {0}")]
    FormatCharacter(usize),
}

/// Combinations of facts that an entity refuses, each with its own message.
#[derive(Debug, Clone, PartialEq, Eq, ThisError)]
#[non_exhaustive]
pub enum Inconsistency {
    /// A family with no member.
    #[error("family {family}: expected at least one member, found none")]
    EmptyFamily {
        /// The family.
        family: String,
    },
    /// A member marked as a legal parent whose relationship cannot make them one.
    #[error(
        "family {family}: member {person} is marked a legal parent, expected a mother, father, adoptive parent or legal guardian, found {relationship}"
    )]
    LegalParentRelationship {
        /// The family.
        family: String,
        /// The member.
        person: String,
        /// The member's relationship to the child, snake_case.
        relationship: &'static str,
    },
    /// A foster-home license on a family whose kind does not foster.
    #[error("family {family}: a {kind} family does not foster, found a foster-home license")]
    LicenseOnNonFosteringFamily {
        /// The family.
        family: String,
        /// The family kind, snake_case.
        kind: &'static str,
    },
    /// A caregiving family without any caregiver among its members.
    #[error("family {family}: expected at least one caregiver in a {kind} family, found none")]
    NoCaregiver {
        /// The family.
        family: String,
        /// The family kind, snake_case.
        kind: &'static str,
    },
    /// A relative or kin family whose caregivers are not relatives or kin.
    #[error("family {family}: expected a caregiver who is {expected}, found none")]
    CaregiverRelationship {
        /// The family.
        family: String,
        /// What the family kind requires, e.g. `"a relative"`.
        expected: &'static str,
    },
    /// A sibling listed twice.
    #[error("family {family}: sibling {sibling} is listed twice")]
    DuplicateSibling {
        /// The family.
        family: String,
        /// The repeated sibling.
        sibling: String,
    },
    /// A placement setting that needs a caregiver family without one, or the reverse.
    #[error("placement {placement}: a {setting} setting {expected}")]
    PlacementCaregiver {
        /// The placement.
        placement: String,
        /// The setting, snake_case.
        setting: &'static str,
        /// What the setting needs, e.g. `"needs a caregiver family, found none"`.
        expected: &'static str,
    },
    /// A specified-setting designation (Family First) on a setting that cannot carry it.
    #[error(
        "placement {placement}: a {setting} setting cannot be a {specialization} specified setting"
    )]
    PlacementSpecialization {
        /// The placement.
        placement: String,
        /// The setting, snake_case.
        setting: &'static str,
        /// The designation, snake_case.
        specialization: &'static str,
    },
    /// A permanency plan whose concurrent goal repeats its primary goal.
    #[error(
        "permanency plan: expected a concurrent goal different from the primary goal, found {goal} twice"
    )]
    ConcurrentGoalRepeatsPrimary {
        /// The repeated goal, snake_case.
        goal: &'static str,
    },
    /// A tribe recorded for a child whose status is not "Indian child".
    #[error(
        "indian child status: expected a tribe only with the indian_child status, found one with another status"
    )]
    TribeWithoutIndianChild,
    /// APPLA documentation missing for an APPLA goal, or given for a plan without one.
    #[error("permanency plan: {0}")]
    ApplaDocumentation(&'static str),
    /// An amendment whose replacement is itself a correction (a void, an amendment, a vacatur or
    /// a child correction): an amendment replaces an entry with a fact of the case. Refused when
    /// the event is made, so a correction never nests (a case refused it anyway).
    #[error("amendment: an amendment replaces an entry with a fact of the case, found a {kind}")]
    NestedCorrection {
        /// The replacement's kind, snake_case.
        kind: &'static str,
    },
    /// A discharge for a reason it cannot carry alone: adoption and death have their own events,
    /// a guardianship names its guardian.
    #[error("discharge: a discharge with the reason {reason} cannot be recorded; {needs}")]
    DischargeReason {
        /// The exit reason, snake_case.
        reason: &'static str,
        /// What to record instead.
        needs: &'static str,
    },
}
