//! JSON Schemas of the wire format (feature `schemars`): what the crate reads, and what it
//! writes.
//!
//! Every type that serde reads or writes implements [`schemars::JsonSchema`], and the functions
//! here give the whole schema (JSON Schema draft 2020-12) of the documents other systems
//! exchange with the crate:
//!
//! - **input** — [`case`], [`event`] and the entities ([`child`], [`family`], [`placement`],
//!   ...): what deserializes. Unknown fields are refused (`additionalProperties: false`), and the
//!   0.1 forms that still load are there too, marked `deprecated` (a discharge as a
//!   `{"reason", "to", "assistance"}` record, `licence`, a trial home visit or a runaway as a
//!   placement).
//! - **output** — [`rejection`], [`obligation`], [`episode`], [`parent_status`], [`stage`]: what
//!   the crate writes for a refused event and for the derived views and the clocks.
//!
//! [`input`] and [`output`] give the schema of any other type.
//!
//! A schema checks the shape of a document: field names, tags, code lists, the length and the
//! characters of ids, names and notes, dates as `YYYY-MM-DD` (`format: date`). What needs more
//! than one value — dates in 1900–2199, a concurrent goal that differs from the primary, a family
//! whose members fit its kind, an event the case's history allows — the crate checks when it
//! reads the document, and refuses with its reason.
//!
//! The crate ships the schemas of a case, an event, a rejection and an obligation as files,
//! `schema/*.schema.json` (a test keeps them equal to these functions).
//!
//! # Examples
//!
//! ```
//! use permanency::schema;
//!
//! let case = schema::case();
//! assert_eq!(case.get("title").and_then(|t| t.as_str()), Some("Case"));
//! // Every type a case holds is a definition that the schema refers to.
//! let defs = case.get("$defs").and_then(|d| d.as_object()).unwrap();
//! assert!(defs.contains_key("Event") && defs.contains_key("Discharge"));
//!
//! // Checked with any JSON Schema validator, e.g. the `jsonschema` crate:
//! let validator = jsonschema::validator_for(schema::event().as_value())?;
//! let event = serde_json::json!({"date": "2024-03-01", "what": {"court_finding": "abuse_or_neglect"}});
//! assert!(validator.is_valid(&event));
//! let typo = serde_json::json!({"date": "2024-03-01", "what": {"court_fnding": "abuse_or_neglect"}});
//! assert!(!validator.is_valid(&typo));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};

use crate::case::event::Event;
use crate::case::stage::Stage;
use crate::case::{Case, Episode, ParentStatus};
use crate::child::Child;
use crate::family::{Family, Person};
use crate::placement::{NewPlacement, Placement};
use crate::plan::{Goals, PermanencyPlan};
use crate::rule::{Rejection, Violation};
use crate::timeline::Obligation;

mod wire;

pub(crate) use wire::{TEXT_PATTERN, appla_documented, licence_alias};

/// Draft 2020-12, every type a definition of its own (in `$defs`), and the documentation of
/// each as plain text in its `description`.
fn settings() -> SchemaSettings {
    SchemaSettings::draft2020_12().with_transform(RecursiveTransform(wire::plain_description))
}

/// The schema of what deserializes into `T`: the documents the crate reads.
pub fn input<T: JsonSchema>() -> Schema {
    settings()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<T>()
}

/// The schema of what `T` serializes to: the documents the crate writes.
pub fn output<T: JsonSchema>() -> Schema {
    settings()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>()
}

/// A [`Case`] (or a [`CaseRecord`](crate::CaseRecord)) as it is read: the child, the families
/// known at opening, and the events.
pub fn case() -> Schema {
    input::<Case>()
}

/// An [`Event`] as it is read: its date and what happened.
pub fn event() -> Schema {
    input::<Event>()
}

/// A [`Child`] as it is read.
pub fn child() -> Schema {
    input::<Child>()
}

/// A [`Person`] as it is read.
pub fn person() -> Schema {
    input::<Person>()
}

/// A [`Family`] as it is read.
pub fn family() -> Schema {
    input::<Family>()
}

/// A [`NewPlacement`] as it is read.
pub fn new_placement() -> Schema {
    input::<NewPlacement>()
}

/// A [`Placement`] as it is read.
pub fn placement() -> Schema {
    input::<Placement>()
}

/// [`Goals`] as they are read.
pub fn goals() -> Schema {
    input::<Goals>()
}

/// A [`PermanencyPlan`] as it is read.
pub fn permanency_plan() -> Schema {
    input::<PermanencyPlan>()
}

/// A [`Rejection`] as the crate writes it: the refused event's kind, the stage, every
/// violation and the event kinds allowed.
pub fn rejection() -> Schema {
    output::<Rejection>()
}

/// A [`Violation`] as the crate writes it.
pub fn violation() -> Schema {
    output::<Violation>()
}

/// An [`Obligation`] as the crate writes it (one of [`Case::obligations`]).
pub fn obligation() -> Schema {
    output::<Obligation>()
}

/// An [`Episode`] as the crate writes it (one of [`Case::episodes`]).
pub fn episode() -> Schema {
    output::<Episode>()
}

/// A [`ParentStatus`] as the crate writes it (one of [`Case::legal_parents`]).
pub fn parent_status() -> Schema {
    output::<ParentStatus>()
}

/// A [`Stage`] as the crate writes it.
pub fn stage() -> Schema {
    output::<Stage>()
}
