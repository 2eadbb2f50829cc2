//! The trial home visit limit (45 CFR 1356.21(e); CWPM 8.3C.5).

use super::engine::EpisodeView;
use super::types::{Consequence, Obligation, ObligationKind as K};
use crate::placement::EndReason;
use crate::rules::Subject;

/// Each visit of the episode must end by the last day of its authorized period (6 months, or
/// through the governing court order, the latest made by `as_of` — the same reading the guards
/// and the fold take). A visit that ran past it ended the episode, and a return is a new removal.
pub(super) fn trial_home_visit_limit(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let facts = view.case.facts();
    let first = ep.episode.first_placement();
    let placements = view.case.episode_placements(ep.episode);
    let visits = facts.visits();
    let from = visits.partition_point(|v| v.placement() < first);
    let to = visits.partition_point(|v| v.placement() < first + placements.len());
    let known = view.events.len();
    for v in &visits[from..to] {
        let p = &facts.placements()[v.placement()];
        if p.start() > view.as_of {
            break;
        }
        let end = view.end_of(p);
        // The visit may last through the day before `due`: the child must be back in care, or
        // discharged, on `due` at the latest.
        let due = v.first_day_beyond(known, view.policy);
        // A visit that outlived its limit was missed, whatever the date asked.
        let lapsed = end.is_some_and(|e| e.reason == EndReason::LimitExceeded);
        ep.once(K::TrialHomeVisitLimit, p.start(), due)
            .met(end.map(|e| e.date))
            .lapsed(lapsed)
            .if_missed(Consequence::NewRemovalRequired)
            .about(Subject::Placement(p.id().clone()))
            .push(out);
    }
}
