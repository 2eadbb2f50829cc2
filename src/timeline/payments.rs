//! Where the law withholds title IV-E payment for something the case accepts: a foster family
//! home without a license in force (SSA §472(c)(1); 45 CFR 1355.20).

use chrono::NaiveDate;

use super::engine::EpisodeView;
use super::types::{Consequence, Obligation, ObligationKind as K, Status};
use crate::date;
use crate::family::FamilyKind;
use crate::id::FamilyId;
use crate::placement::{Placement, Setting};
use crate::rules::Subject;
use crate::rules::discharge::{Runs, licensed_runs};

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
/// care ("regardless of licensure", 1355.20), but those days are not paid. One obligation per
/// stretch of the placement's days not covered by a license in force, due on the first of them —
/// the day a license must be in force — and met on the day a license is in force again:
///
/// - not licensed on its first day: due that day; licensed later, met late, ineligible from the
///   start until that day; never licensed, overdue, ineligible for the whole placement;
/// - licensed, the license lapsing during the placement: due the day after its last day; a new
///   license in force by then meets it (a timely renewal, nothing to report); one from later is
///   late, ineligible between; none by the date asked, overdue, ineligible from the first
///   unpaid day with no end. Each lapse is its own obligation: licensed, lapsed, relicensed and
///   lapsed again is two.
///
/// Each day is judged by the family's record in effect that day ([`licensed_runs`]: a renewal
/// recorded ahead of the day its license begins leaves the license it follows in force until
/// then), not by the records on the placement's first and last days alone. Only days up to the
/// date asked are read: a license that will lapse later, or a record dated later, owes nothing
/// yet. An adoptive family's pre-adoptive placement needs no foster license (its kind read on
/// the placement's first day). Linear in the family records and the placements: each
/// caregiver's runs are built once.
pub(super) fn unlicensed_placement(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let as_of = view.as_of;
    let facts = view.case.facts();
    // Each caregiver's licensed runs, built once for the episode (a family with one record has
    // at most one run, read again for each placement at no cost).
    let mut runs_of: Vec<(&FamilyId, Runs)> = Vec::new();
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
        // An adoptive family's pre-adoptive placement needs no foster license.
        if view
            .case
            .family_on(caregiver, start)
            .is_some_and(|f| f.kind() == FamilyKind::Adoptive)
        {
            continue;
        }
        let single;
        let runs: &[_] = match runs_of.iter().position(|(id, _)| *id == caregiver) {
            Some(slot) => &runs_of[slot].1,
            None => match licensed_runs(facts, caregiver) {
                one @ Runs::One(_) => {
                    single = one;
                    &single
                }
                many => {
                    runs_of.push((caregiver, many));
                    &runs_of[runs_of.len() - 1].1
                }
            },
        };
        // The runs that end on or after the first day (in date order, apart).
        let from = runs.partition_point(|&(_, l)| l.is_some_and(|l| l < start));
        // The first day of `[start, last]` not yet known to be covered; `None`: all covered.
        let mut uncovered = Some(start);
        for &(first, run_last) in &runs[from..] {
            let Some(due) = uncovered else { break };
            if first > last {
                break;
            }
            if first > due {
                // Unpaid from `due` to the day before this run: relicensed on its first day.
                out.push(stretch(ep, p, due, Some(first)));
            }
            uncovered = run_last
                .filter(|l| *l < last)
                .map(|l| date::days_after(l, 1));
        }
        // Not relicensed by the last day known.
        if let Some(due) = uncovered {
            out.push(stretch(ep, p, due, None));
        }
    }
}

/// The obligation for the days of placement `p` without a license from `due`: relicensed on
/// `relicensed` (later than `due`), or not by the last day known.
fn stretch(
    ep: &EpisodeView<'_>,
    p: &Placement,
    due: NaiveDate,
    relicensed: Option<NaiveDate>,
) -> Obligation {
    let start = p.start();
    let (status, consequence) = match relicensed {
        Some(on) => (
            Status::MetLate(on),
            Consequence::IneligibleBetween {
                from: due,
                until: Some(on),
            },
        ),
        None if due == start => (Status::Overdue, Consequence::IneligibleForPlacement),
        None => (
            Status::Overdue,
            Consequence::IneligibleBetween {
                from: due,
                until: None,
            },
        ),
    };
    Obligation::new(K::UnlicensedPlacement, ep.number(), start, due, status)
        .with_consequence(Some(consequence))
        .about(Subject::Placement(p.id().clone()))
}
