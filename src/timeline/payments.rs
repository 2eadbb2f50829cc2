//! Where the law withholds title IV-E payment for something the case accepts: a foster family
//! home without a license in force (SSA §472(c)(1); 45 CFR 1355.20).

use chrono::NaiveDate;

use super::engine::EpisodeView;
use super::types::{Consequence, Obligation, ObligationKind as K, Status};
use crate::date;
use crate::family::{FamilyKind, FosterLicense};
use crate::placement::Setting;
use crate::rules::Subject;

/// The settings that need a foster-home license in force to be paid (the settings the placement
/// guard reads: a foster family home that is not a relative's; a pre-adoptive home fostering the
/// child before the adoption).
fn needs_license(setting: Setting) -> bool {
    matches!(
        setting,
        Setting::NonRelativeFosterHome
            | Setting::TherapeuticFosterHome
            | Setting::ShelterFosterHome
            | Setting::PreAdoptiveHome
    )
}

/// SSA §472(c)(1), 45 CFR 1355.20: title IV-E pays foster care maintenance only in a foster family
/// home licensed or approved by the state; a child placed in an unlicensed home is still in foster
/// care ("regardless of licensure", 1355.20), but those days are not paid. One obligation per such
/// placement with days not covered by a license in force, due on the first of them — the day a
/// license must be in force — and met on the day a license came into force:
///
/// - not licensed on its first day: due that day; licensed later, met late, ineligible from the
///   start until that day; never licensed, overdue, ineligible for the whole placement;
/// - licensed at the start, the license lapsing during the placement: due the day after its last
///   day; a new license in force by then meets it; one from later is late, ineligible between.
///
/// The license read for the start is the family's record on that day; the one that may cover the
/// rest, its record on the last day of the placement known. Only days up to the date asked are
/// read: a license that will lapse later owes nothing yet.
pub(super) fn unlicensed_placement(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let as_of = view.as_of;
    for p in view.case.episode_placements(ep.episode) {
        let start = p.start();
        if start > as_of || !needs_license(p.setting()) {
            continue;
        }
        let Some(caregiver) = p.caregiver() else {
            continue;
        };
        let end = view.end_of(p).map(|e| e.date);
        // The last day in the placement known on `as_of`.
        let last = end.map_or(as_of, |e| date::days_before(e, 1).min(as_of));
        if last < start {
            continue;
        }
        let family_on = |d: NaiveDate| view.case.family_on(caregiver, d);
        // The family's record on the first day, read once for its kind and its license.
        let family_at_start = family_on(start);
        // An adoptive family's pre-adoptive placement needs no foster license.
        if family_at_start.is_some_and(|f| f.kind() == FamilyKind::Adoptive) {
            continue;
        }
        let license_of = |f: Option<&crate::family::Family>| f.and_then(|f| f.license()).copied();
        let at_start = license_of(family_at_start);
        let latest = license_of(family_on(last));
        let in_force = |l: Option<FosterLicense>, d: NaiveDate| l.is_some_and(|l| l.in_force_on(d));
        let due = if in_force(at_start, start) {
            // Covered from the start: owed again only if the license lapses inside the placement.
            match at_start.and_then(|l| l.expires()) {
                Some(x) if x < last => date::days_after(x, 1),
                _ => continue,
            }
        } else {
            start
        };
        if end.is_some_and(|e| e <= due) {
            continue;
        }
        // A license in force from `due` or later, by the last day known.
        let relicensed = latest
            .filter(|l| l.status().in_force() && l.expires().is_none_or(|x| x >= due))
            .map(|l| l.since().max(due))
            .filter(|s| *s <= last);
        let (status, consequence) = match relicensed {
            Some(on) if on <= due => (Status::Met(on), None),
            Some(on) => (
                Status::MetLate(on),
                Some(Consequence::IneligibleBetween {
                    from: due,
                    until: Some(on),
                }),
            ),
            None if due == start => (Status::Overdue, Some(Consequence::IneligibleForPlacement)),
            None => (
                Status::Overdue,
                Some(Consequence::IneligibleBetween {
                    from: due,
                    until: None,
                }),
            ),
        };
        // A license renewed in time (in force the day after the last one ended) needs no line.
        if due != start && status == Status::Met(due) {
            continue;
        }
        out.push(
            Obligation::new(K::UnlicensedPlacement, ep.number(), start, due, status)
                .with_consequence(consequence)
                .about(Subject::Placement(p.id().clone())),
        );
    }
}
