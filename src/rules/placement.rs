//! Placement rules: one placement at a time, the right caregiver for each setting, and the
//! distinct events for runaways. A home's licence is not a placement rule: foster care includes
//! unlicensed homes (45 CFR 1355.20), and only payment depends on the licence (SSA §472(c)(1)).

use super::{Check, Objection, Rule, RuleId, Subject};
use crate::case::event::{EventData, EventKind, Finding};
use crate::family::FamilyKind;
use crate::id::PlacementId;
use crate::placement::Setting;

/// One placement at a time: `placement_begun` only when no placement is open. Foster care is
/// 24-hour care in one setting (45 CFR 1355.20).
pub(crate) fn none_open(c: &Check<'_>) -> Option<Objection> {
    let open = c.case.current_placement()?;
    Some(
        Objection::new(format!(
            "placement {} is still open; use placement_changed to move the child",
            open.id()
        ))
        .about(Subject::Placement(open.id().clone())),
    )
}

/// The placement an event begins must be an ordinary one: runaways and trial home visits have
/// their own events (CWPM 1.2B.7).
fn new_is_ordinary(c: &Check<'_>) -> Option<Objection> {
    let p = c.event.what().new_placement()?;
    let setting = p.setting();
    let hint = if setting.is_runaway() {
        "use ran_away"
    } else if setting.is_trial_home_visit() {
        "use trial_home_visit_begun"
    } else {
        return None;
    };
    Some(
        Objection::new(format!(
            "{} cannot begin a {} placement; {hint}",
            c.event.kind(),
            setting.as_str()
        ))
        .about(Subject::Placement(p.id().clone())),
    )
}

/// A move needs an open placement that is not a runaway (use `returned_from_runaway`). A trial
/// home visit cannot be open here: it has its own stage, whose table rows end it.
fn open_is_ordinary(c: &Check<'_>) -> Option<Objection> {
    let message = match c.case.current_placement() {
        None => format!(
            "{} needs an open placement, found none; use placement_begun",
            c.event.kind()
        ),
        Some(p) if p.setting().is_runaway() => format!(
            "placement {} is a runaway; use returned_from_runaway",
            p.id()
        ),
        Some(_) => return None,
    };
    Some(Objection::new(message))
}

/// `ran_away` not twice in a row (its payload is always a runaway setting).
fn runaway_setting(c: &Check<'_>) -> Option<Objection> {
    let open = c.case.current_placement()?;
    open.setting().is_runaway().then(|| {
        Objection::new(format!(
            "the child is already on runaway status (placement {})",
            open.id()
        ))
        .about(Subject::Placement(open.id().clone()))
    })
}

/// `returned_from_runaway` needs the child on runaway status.
fn open_is_runaway(c: &Check<'_>) -> Option<Objection> {
    match c.case.current_placement() {
        Some(p) if p.setting().is_runaway() => None,
        _ => Some(Objection::new(
            "returned_from_runaway needs the child on runaway status, found none",
        )),
    }
}

/// A family setting needs a caregiver family of a fitting kind (45 CFR 1355.44(e)): a relative
/// foster home a relative family; a kin home a relative or kin family; a pre-adoptive home any
/// family but the birth family (a pre-adoptive or adoptive family, or the foster parents or
/// relatives who adopt); a non-relative, therapeutic or shelter foster home any fostering
/// family; a trial home visit the birth family.
pub(crate) fn caregiver_kind(c: &Check<'_>) -> Option<Objection> {
    let p = c.event.what().new_placement()?;
    let family = c.caregiver?; // an unknown family is `families_known`'s
    let kind = family.kind();
    use FamilyKind as F;
    let (fits, expected) = match p.setting() {
        Setting::RelativeFosterHome => (
            kind == F::Relative || (kind.may_foster() && family.cared_for_by_relative()),
            "a relative family",
        ),
        Setting::KinFosterHome => (
            matches!(kind, F::Relative | F::Kin),
            "a relative or kin family",
        ),
        // the family that adopts: a pre-adoptive or adoptive family, or the foster parents or
        // relatives the child lives with
        Setting::PreAdoptiveHome => (kind.may_foster(), "a family other than the birth family"),
        Setting::TrialHomeVisit => (kind == F::Birth, "the birth family"),
        // A relative's home is a relative foster home (AFCARS 1993 code 2, E117), never a
        // non-relative one.
        Setting::NonRelativeFosterHome => (
            kind.may_foster() && kind != F::Relative,
            "a family that fosters and is not a relative family",
        ),
        _ => (kind.may_foster(), "a family that fosters"),
    };
    (!fits).then(|| {
        Objection::new(format!(
            "a {} placement needs {expected}, found family {} of kind {}",
            p.setting().as_str(),
            family.id(),
            kind.as_str()
        ))
        .about(Subject::Family(family.id().clone()))
        .about(Subject::Placement(p.id().clone()))
    })
}

fn qrtp(c: &Check<'_>, id: &PlacementId) -> Option<Objection> {
    match c.case.placement(id) {
        Some(p) if p.setting() == Setting::Qrtp => None,
        Some(p) => Some(
            Objection::new(format!(
                "placement {id} is a {}, not a qrtp",
                p.setting().as_str()
            ))
            .about(Subject::Placement(id.clone())),
        ),
        None => Some(
            Objection::new(format!("placement {id} is not in the case"))
                .about(Subject::Placement(id.clone())),
        ),
    }
}

/// A QRTP assessment, long-stay approval or evidence for a hearing names a QRTP placement of the
/// case (SSA §475A(c)).
fn qrtp_record(c: &Check<'_>) -> Option<Objection> {
    match c.event.what() {
        EventData::QrtpAssessed { placement, .. }
        | EventData::QrtpLongStayApproved { placement }
        | EventData::QrtpEvidenceSubmitted { placement } => qrtp(c, placement),
        EventData::IndividualAssessment(a) => a.qrtp_placement().and_then(|p| qrtp(c, p)),
        _ => None,
    }
}

/// A court's QRTP approval or disapproval names a QRTP placement of the case (SSA §475A(c)(2)).
fn qrtp_finding(c: &Check<'_>) -> Option<Objection> {
    match c.event.what() {
        EventData::CourtFinding(
            Finding::QrtpApproved { placement } | Finding::QrtpDisapproved { placement },
        ) => qrtp(c, placement),
        _ => None,
    }
}

/// Each placement event for its own kind of move (CWPM 1.2B.7): a placement begins or changes
/// into an ordinary setting from an ordinary one; a runaway has its own event, and the return
/// from it its own; a trial home visit or a placement for adoption may begin from runaway status
/// (the child found and taken home, or to the adoptive family, ends the runaway). The one
/// function of [`RuleId::PlacementEventMismatch`].
pub(crate) fn event_fits(c: &Check<'_>, out: &mut Vec<Objection>) {
    let mut check = |f: fn(&Check<'_>) -> Option<Objection>| out.extend(f(c));
    match c.event.kind() {
        EventKind::PlacementChanged => {
            check(open_is_ordinary);
            check(new_is_ordinary);
        }
        EventKind::ReturnedFromRunaway => {
            check(open_is_runaway);
            check(new_is_ordinary);
        }
        EventKind::RanAway => check(runaway_setting),
        // A child found may go home on a visit, or to an adoptive home, straight from runaway
        // status: the visit or the placement ends the runaway (its own event, the only true one).
        EventKind::TrialHomeVisitBegun | EventKind::PlacedForAdoption => {}
        _ => check(new_is_ordinary),
    }
}

/// A QRTP record (an assessment, a long-stay approval, the court's approval or disapproval)
/// names a QRTP placement of the case (SSA §475A(c)).
pub(crate) fn qrtp_named(c: &Check<'_>) -> Option<Objection> {
    qrtp_record(c).or_else(|| qrtp_finding(c))
}

/// One placement at a time.
pub(crate) const NONE_OPEN: Rule = Rule::one(RuleId::PlacementAlreadyOpen, none_open);
/// Each placement event for its own kind of move.
pub(crate) const EVENT_FITS: Rule = Rule::many(RuleId::PlacementEventMismatch, event_fits);
/// The right caregiver family for the setting.
pub(crate) const CAREGIVER_KIND: Rule = Rule::one(RuleId::CaregiverKind, caregiver_kind);
/// QRTP records name a QRTP.
pub(crate) const QRTP_NAMED: Rule = Rule::one(RuleId::QrtpPlacement, qrtp_named);

/// The rules of every event that moves the child into a new ordinary home.
///
/// No licence is checked: foster care is care in a foster family home "regardless of licensure"
/// (45 CFR 1355.20); the licence decides only title IV-E payment (SSA §472(c)(1)), which the
/// clocks report ([`RuleId::UnlicensedHome`]).
pub(crate) const NEW_HOME: &[Rule] = &[EVENT_FITS, CAREGIVER_KIND];
/// The rules of an event that moves the child onto runaway status, or into a visit or an
/// adoptive home, from wherever the child is.
pub(crate) const FROM_HERE: &[Rule] = &[EVENT_FITS];
/// The rules of a QRTP record.
pub(crate) const QRTP: &[Rule] = &[QRTP_NAMED];

/// Every rule of this family.
#[cfg(test)]
pub(crate) const ALL: &[Rule] = &[NONE_OPEN, EVENT_FITS, CAREGIVER_KIND, QRTP_NAMED];
