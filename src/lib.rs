//! Child-welfare permanency planning as a typed, pure library: a child's case is the validated
//! history of its events, checked against US federal law, with the deadlines that law sets.
//!
//! ```
//! use chrono::NaiveDate;
//! use permanency::*;
//! use permanency::timeline::Status;
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! let policy = Policy::federal();
//! let mom = Person::new(PersonId::new("P-1")?, Name::new("Rosa")?);
//! let birth = Family::builder(FamilyId::new("F-1")?, FamilyKind::Birth)
//!     .member(Member::new(mom, Relationship::Mother).legal_parent())
//!     .build()?;
//! let foster = Family::builder(FamilyId::new("F-2")?, FamilyKind::PreAdoptive)
//!     .member(Member::new(Person::new(PersonId::new("P-2")?, Name::new("Dee")?), Relationship::NonRelative).caregiver())
//!     .license(FosterLicense::new(LicenseStatus::Licensed, d(2020, 1, 1), None)?)
//!     .build()?;
//! let child = Child::new(ChildId::new("C-1")?, Name::new("Maya")?, d(2019, 3, 14), Sex::Female)?;
//! let mut case = Case::new(child, vec![birth, foster])?;
//!
//! let event = |date, what| Event::new(date, what);
//! let home = |id| NewPlacement::new(PlacementId::new(id)?, Setting::PreAdoptiveHome, Some(FamilyId::new("F-2")?));
//! case.apply(event(d(2023, 1, 10), EventData::Removal(Removal::new(Manner::CourtOrder)))?, &policy)?;
//! case.apply(event(d(2023, 1, 10), EventData::CourtFinding(Finding::ContraryToWelfare))?, &policy)?;
//! case.apply(event(d(2023, 1, 10), EventData::PlacementBegun(NewPlacement::new(
//!     PlacementId::new("PL-1")?, Setting::NonRelativeFosterHome, Some(FamilyId::new("F-2")?))?))?, &policy)?;
//!
//! // Placed for adoption while the mother's rights are intact: a legal-risk placement, lawful
//! // under concurrent planning, accepted and recorded as one.
//! case.apply(event(d(2023, 6, 1), EventData::PlanSet(Goals::primary(Goal::Adoption)?))?, &policy)?;
//! case.apply(event(d(2023, 6, 1), EventData::PlacedForAdoption(home("PL-2")?))?, &policy)?;
//! assert_eq!(case.stage(), Stage::Adoption);
//! assert!(case.is_legal_risk(&PlacementId::new("PL-2")?));
//!
//! // Finalized while her rights are intact: refused, with every reason and the ids involved,
//! // and the case is unchanged.
//! let refused = case.apply(event(d(2023, 12, 1), EventData::AdoptionFinalized)?, &policy).unwrap_err();
//! assert_eq!(refused.rules().collect::<Vec<_>>(), [RuleId::ParentalRightsIntact]);
//! assert_eq!(case.stage(), Stage::Adoption);
//!
//! case.apply(event(d(2023, 9, 1), EventData::ParentalRightsTerminated { parent: PersonId::new("P-1")? })?, &policy)?;
//! // The clocks, as of any date: removal 2023-01-10 + 60 days = 2023-03-11.
//! let efforts = case.obligations(d(2023, 4, 1), &policy).into_iter()
//!     .find(|o| o.kind() == ObligationKind::PreventRemovalEfforts).unwrap();
//! assert_eq!((efforts.due(), efforts.status()), (d(2023, 3, 11), Status::Overdue));
//!
//! case.apply(event(d(2024, 3, 5), EventData::AdoptionFinalized)?, &policy)?;
//! assert_eq!(case.stage(), Stage::Exited(ExitReason::Adopted));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Concepts
//!
//! - **Entities** ([`Child`], [`Family`], [`Placement`], [`PermanencyPlan`]) validate in their
//!   constructors and on deserialization: a value you hold is valid. Names and birth dates are
//!   [`Sensitive`]: `Debug` and `Display` print `[redacted]` (read them with `expose()`), and no
//!   error or violation carries them. A case note ([`Note`]) prints `[redacted]` too (read it
//!   with `as_str()`).
//! - **A [`Case`] is its history.** [`Case::apply`] is the only way to change one. It looks the
//!   event up in the one transition table ([`case::transitions::TABLE`]), runs every rule the row
//!   names, and commits only when none objects; otherwise a [`Rejection`] lists every
//!   [`Violation`] with its stable [`RuleId`], a plain message, the citation and the ids involved.
//!   The row also says where the event leads and what it does to the derived facts
//!   ([`case::transitions::Effect`]).
//!   Stage, placements (with AFCARS move counts), plans, episodes and parents' rights are derived.
//!   [`Case::replay`] and [`Case::replay_lenient`] load legacy histories. Events may be
//!   entered in any order: a case is its dated history, an event entered late is placed at its
//!   date, and corrections (void, amend, vacate, a corrected birth date) keep the audit trail
//!   ([`Case::entries`]; see the [manual](manual#the-order-of-a-history)).
//! - **The clocks.** [`Case::obligations`] derives every federal obligation as of a date: due
//!   date, status, rule, citation and the title IV-E consequence of missing it ([`timeline`]).
//! - **[`Policy`]** holds every number the law sets, and every reading it leaves open, with the
//!   federal values by default; a state tightens them.
//! - **Pure.** No I/O, no clock: every date is an argument.
//!
//! # Refuse what cannot be; flag what the law penalizes
//!
//! A case refuses only what cannot have happened or what the law forbids outright — an
//! adoption while a legal parent's rights are intact, a return within an episode after a trial
//! home visit outlived its limit. Where the law attaches a consequence instead (title IV-E
//! payment withheld, a deadline missed, a finding owed), the event is accepted and the
//! consequence is reported in the obligations, with its citation. A refusal must never force a
//! worker to record a false fact to get a true one in.
//!
//! # How the crate is built
//!
//! Each layer uses only the layers above it; there is no module cycle.
//!
//! | layer | modules | what it owns |
//! |---|---|---|
//! | values | `id`, `sensitive`, `text`, [`date`], [`policy`], `rule` ([`RuleId`], [`Subject`], [`Violation`], [`Rejection`]), `error` | ids, redaction, calendar arithmetic, the numbers of the law, the vocabulary of refusals |
//! | entities | `child`, `family`, `placement`, `plan` | one noun per file, each with its invariants |
//! | events | [`case::event`], [`case::stage`] | what can happen, and where a case can stand |
//! | facts | `case::facts` | every fact derived from a history, computed once and indexed: families by id with their records by date, placements by id, episodes with their events, legal parents and rights, trial home visits with the court orders that govern them |
//! | rules | [`rules`] | each federal rule a value (its [`RuleId`] and one function) reading the facts, never [`Case`] |
//! | lifecycle | [`case::transitions`] (the table), [`Case`] | what may happen next and what each transition does to the facts |
//! | timeline | [`timeline`] | obligations derived from the facts as of a date |
//! | reports | [`afcars`] | the AFCARS codes of the crate's types, both ways (its code lists are values the entities read), and the AFCARS facts of an episode as of a date |
//!
//! # The lifecycle
//!
//! Drawn from the transition table by [`case::transitions::lifecycle_svg`] (the events that keep
//! the stage — placements, findings, hearings — are left out; a test keeps this picture equal to
//! the table):
//!
#![doc = include_str!("../docs/lifecycle.svg")]
//!
//! The same as Mermaid ([`case::transitions::lifecycle_diagram`]), with the events that keep the
//! stage:
//!
//! ```text
#![doc = include_str!("../docs/lifecycle.mmd")]
//! ```
//!
//! # Features
//!
//! - `serde` (default): JSON (or any serde format) for every entity, event and case, validated
//!   on the way in; a [`Case`] deserializes by replaying its events.
//! - `proptest`: [`strategy`] exports proptest strategies that build only valid values, for your
//!   own property tests.
//! - `json` (implies `serde`): [`json`] reads any type from JSON with errors a form can use —
//!   the field's path, a machine-readable kind, a message that never repeats a value given.
//! - `schemars` (implies `serde`): every serialized type implements `schemars::JsonSchema`, and
//!   [`schema`] gives the JSON Schema of the wire format: a case, an event, the entities, and
//!   the rejections and obligations the crate writes.
//!
//! The wire format and policy profiles are described in the [`manual`].
//!
//! # Glossary
//!
//! | term | meaning |
//! |---|---|
//! | AFCARS | Adoption and Foster Care Analysis and Reporting System: the federal case-level data states report (45 CFR 1355.40–1355.47) |
//! | APPLA | another planned permanent living arrangement: the last-resort permanency goal, only from age 16 (SSA §475(5)(C)(i), §475A(a)) |
//! | ASFA | Adoption and Safe Families Act of 1997: the permanency clocks |
//! | CFSR | Child and Family Services Reviews: the federal outcome indicators |
//! | DEFC | the date a child is considered to have entered foster care: the earlier of the first abuse/neglect adjudication and removal + 60 days (SSA §475(5)(F)) |
//! | FFPSA | Family First Prevention Services Act of 2018: prevention services, congregate-care limits, QRTPs |
//! | ICWA | Indian Child Welfare Act (25 U.S.C. 1901–1963) |
//! | KinGAP | kinship guardianship assistance (SSA §473(d)) |
//! | QRTP | qualified residential treatment program (SSA §472(k)(4)) |
//! | THV | trial home visit: home with the parents while the agency keeps custody (45 CFR 1356.21(e)) |
//! | TPR | termination of parental rights |
//! | VPA | voluntary placement agreement (SSA §472(e)) |
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![warn(missing_debug_implementations, unreachable_pub)]

/// The `chrono` this crate builds on: every date in its API is a [`chrono::NaiveDate`].
pub use chrono;

mod codes;
pub mod connections;
pub mod date;
mod error;
pub mod icwa;
mod id;
pub mod indicators;
#[cfg(feature = "json")]
#[cfg_attr(docsrs, doc(cfg(feature = "json")))]
pub mod json;
pub mod law;
pub mod manual;
pub mod policy;
mod rule;
mod sensitive;
mod text;

mod child;
mod family;
mod placement;
mod plan;
pub mod supports;

pub use child::{Child, IndianChildStatus, Sex, Tribe};
pub use codes::ParseCodeError;
pub use error::{Error, Inconsistency, TextProblem};
pub use family::{
    Family, FamilyBuilder, FamilyKind, FosterLicense, LicenseStatus, Member, Person, Relationship,
};
#[allow(deprecated)]
pub use family::{FosterLicence, LicenceStatus};
pub use icwa::{
    ConsentTo, ConsentWithdrawal, EvidenceStandard, IcwaConsent, IcwaFindings, IcwaHome, IcwaOrder,
    NoticeRecipient, PreferenceKind, Preferences,
};
pub use id::{ChildId, EntryId, FacilityId, FamilyId, PersonId, PlacementId};
pub use placement::{
    EndReason, Location, NewPlacement, Placement, PlacementEnd, Provider, Setting, SpecifiedSetting,
};
pub use plan::{ApplaDocumentation, ApplaElement, ApplaReview, Goal, Goals, PermanencyPlan};
pub use policy::Policy;
pub use sensitive::{REDACTED, Sensitive};
pub use text::{Name, Note};

#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategy;

#[cfg(feature = "schemars")]
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
pub mod schema;

pub mod afcars;
pub mod case;
pub mod rules;
pub mod tables;
pub mod timeline;

pub use case::event::{
    AggravatedGround, Candidacy, Circumstance, Circumstances, Correction, Determination, Discharge,
    Event, EventData, EventKind, Finding, Guardianship, GuardianshipAssistance, HomeVisit,
    Maltreatment, MaltreatmentFinding, Manner, MissingReport, Perpetrator, PreventionEfforts,
    QrtpAssessment, Removal, Respite, Runaway, TprException, Whereabouts,
};
pub use case::stage::{ExitReason, Outcome, Stage, StageKind};
pub use case::{
    BatchRejection, Case, CaseRecord, Episode, EpisodeExit, LenientReplay, ParentStatus,
    ParentalRights, RefusalRow, Refused, ReplayError, WIRE_FORMAT,
};
pub use rules::{Rejection, RuleId, Subject, Violation};
pub use timeline::{Obligation, ObligationKind};

/// The README's examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
