//! The trial home visit limit (45 CFR 1356.21(e); `DOMAIN.md` §2.7).

use super::{Consequence, EpisodeView, Obligation, ObligationKind as K, Status, View};
use crate::case::event::{EventData, Finding};
use crate::placement::EndReason;
use crate::rules::{Subject, trial_home_visit::first_day_beyond};

/// Each visit of the episode must end by the last day of its authorized period (6 months, or
/// through the court's extension). A visit that ran past it ended the episode, and a return is a
/// new removal.
pub(super) fn obligations(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    for p in view.case.episode_placements(ep.episode) {
        if !p.setting().is_trial_home_visit() || p.start() > view.as_of {
            continue;
        }
        let end = view.end_of(p);
        let last_seen = end.map_or(view.as_of, |e| e.date);
        let extended = ep
            .events
            .iter()
            .filter(|e| e.date() >= p.start() && e.date() <= last_seen)
            .filter_map(|e| match e.what() {
                EventData::CourtFinding(Finding::VisitExtended { until }) => Some(*until),
                _ => None,
            })
            .max();
        // The visit may last through the day before `beyond`: the child must be back in care, or
        // discharged, on `beyond` at the latest.
        let due = first_day_beyond(p.start(), extended, view.policy);
        let status = match end {
            Some(e) if e.reason == EndReason::LimitExceeded => Status::Overdue,
            Some(e) => View::met(due, e.date),
            None => view.unmet(due),
        };
        let missed = matches!(status, Status::Overdue | Status::MetLate(_));
        out.push(
            Obligation::new(K::TrialHomeVisitLimit, ep.number(), p.start(), due, status)
                .about(Subject::Placement(p.id().clone()))
                .with_consequence(missed.then_some(Consequence::NewRemovalRequired)),
        );
    }
}
