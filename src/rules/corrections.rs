//! Corrections of a case's record: what a void, an amendment, a vacatur or a corrected child
//! may name, and why one cannot apply. A correction changes the dated history rather than
//! happening in it, so it has no row in the transition table; the case applies what [`fix`]
//! returns and re-checks the whole history with the rules of the table.

use crate::case::event::{Event, EventData, Manner};
use crate::child::Child;
use crate::id::EntryId;
use crate::rules::RuleId;

/// Whether a court order is what `event` records: what a court may vacate.
fn is_court_order(event: &Event) -> bool {
    match event.what() {
        EventData::CourtFinding(_)
        | EventData::ParentalRightsTerminated { .. }
        | EventData::AdoptionFinalized
        | EventData::PermanencyHearing => true,
        EventData::Removal(r) => r.manner != Manner::VoluntaryPlacementAgreement,
        EventData::Discharge(d) => matches!(d, crate::case::event::Discharge::Guardianship(_)),
        _ => false,
    }
}

/// What a correction does to the dated history: the entry it sets aside, and the event that
/// takes its place (an amendment's), or the corrected child.
pub(crate) enum Fix {
    /// Set aside the entry at this position of the dated history; with an amendment, place
    /// this event at its date.
    Replace {
        position: usize,
        with: Option<Event>,
    },
    /// The child, as corrected.
    Child(Child),
}

/// The entry a correction names, if it names one.
pub(crate) fn named_entry(event: &Event) -> Option<&EntryId> {
    match event.what() {
        EventData::Voided(c) | EventData::Vacated(c) => Some(&c.entry),
        EventData::Amended { entry, .. } => Some(entry),
        _ => None,
    }
}

/// What correction `event` does, given the entry it names (`target`: its position and the
/// event, when the case holds it), or why it cannot apply.
pub(crate) fn fix(
    event: &Event,
    child: &Child,
    target: Option<(usize, &Event)>,
) -> Result<Fix, (RuleId, String)> {
    let kind = event.kind();
    let found = || {
        target.ok_or_else(|| {
            let id = named_entry(event).map_or("", EntryId::as_str);
            (
                RuleId::UnknownEntry,
                format!(
                    "the {kind} names entry {id}, which the case does not hold (never entered, or already set aside)"
                ),
            )
        })
    };
    match event.what() {
        EventData::Voided(_) => Ok(Fix::Replace {
            position: found()?.0,
            with: None,
        }),
        EventData::Vacated(c) => {
            let (position, order) = found()?;
            if !is_court_order(order) {
                return Err((
                    RuleId::CorrectionMismatch,
                    format!(
                        "entry {} is a {}, not a court order: void it instead",
                        c.entry,
                        order.kind()
                    ),
                ));
            }
            if event.date() < order.date() {
                return Err((
                    RuleId::CorrectionMismatch,
                    format!(
                        "a court cannot vacate on {} an order of {}",
                        event.date(),
                        order.date()
                    ),
                ));
            }
            Ok(Fix::Replace {
                position,
                with: None,
            })
        }
        EventData::Amended { entry, with, .. } => {
            let (position, _) = found()?;
            if with.kind().is_correction() {
                return Err((
                    RuleId::CorrectionMismatch,
                    format!(
                        "an amendment replaces entry {entry} with a fact of the case, not a {}",
                        with.kind()
                    ),
                ));
            }
            let mut with = (**with).clone();
            if with.entry_id().is_none() {
                with = with.with_entry_id(entry.clone());
            }
            Ok(Fix::Replace {
                position,
                with: Some(with),
            })
        }
        EventData::ChildCorrected { child: new, .. } => {
            if new.id() != child.id() {
                return Err((
                    RuleId::CorrectionMismatch,
                    format!(
                        "a correction of child {} cannot make the case child {}'s",
                        child.id(),
                        new.id()
                    ),
                ));
            }
            Ok(Fix::Child((**new).clone()))
        }
        _ => Err((
            RuleId::CorrectionMismatch,
            format!("a {kind} is not a correction"),
        )),
    }
}

/// Why an entry whose id an earlier entry already carries is refused (`duplicate_entry`).
pub(crate) fn duplicate_entry(id: &EntryId) -> (RuleId, String) {
    (
        RuleId::DuplicateEntry,
        format!("entry id {id} is already used by an earlier entry"),
    )
}
