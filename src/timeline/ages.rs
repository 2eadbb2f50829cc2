//! Age milestones of a child in care (SSA §475(1)(D), §475(5)(C), §475(5)(H), §475(8)), and the
//! kinship guardianship eligibility clock (SSA §473(d)).
//!
//! These are read for the episode open on the date asked: they are about the child now in care.

use chrono::NaiveDate;

use super::calendar;
use super::engine::View;
use super::types::{Obligation, ObligationKind as K};
use crate::case::Episode;
use crate::case::event::{Event, EventData};
use crate::date;
use crate::rules::{Subject, discharge::licensed_stay_start};

/// The episode open on the date asked, and its events from the removal on.
fn open_episode<'a>(view: &View<'a>) -> Option<(&'a Episode, &'a [Event])> {
    let episode = view
        .episodes()
        .last()
        .filter(|e| view.exit_of(e).is_none())?;
    Some((episode, &view.events[episode.removal_event()..]))
}

/// The date of the first of `events` that `pick` selects, on or after `from`.
fn first_from(
    events: &[Event],
    pick: impl Fn(&EventData) -> bool,
    from: NaiveDate,
) -> Option<NaiveDate> {
    events
        .iter()
        .find(|e| pick(e.what()) && e.date() >= from)
        .map(Event::date)
}

/// 14: transition services enter the case plan (SSA §475(1)(D), §475(5)(C)(iv)). Read as: the
/// first case plan on or after the 14th birthday (or the removal, if later), due by the later of
/// the periodic review after the birthday (birthday + 6 months) and the initial case plan's due
/// date (removal + 60 days).
pub(super) fn transition_services(view: &View<'_>, out: &mut Vec<Obligation>) {
    let Some((episode, events)) = open_episode(view) else {
        return;
    };
    let policy = view.policy;
    let removal = episode.removal_date();
    let fourteen = view
        .case
        .child()
        .attains_age(policy.transition_services_age(), policy);
    let from = fourteen.max(removal);
    let due = calendar::months_after_with(fourteen, policy.review_months(), policy.month_end())
        .max(calendar::days_after(removal, policy.case_plan_days()));
    let plan = first_from(events, |e| matches!(e, EventData::CasePlanCompleted), from);
    view.once(K::TransitionServices, Some(episode.number()), from, due)
        .met(plan)
        .applies_from(from)
        .push(out);
}

/// 16: APPLA becomes available (SSA §475(5)(C)(i)). A milestone, not a duty.
pub(super) fn appla_eligibility(view: &View<'_>, out: &mut Vec<Obligation>) {
    let Some((episode, _)) = open_episode(view) else {
        return;
    };
    let policy = view.policy;
    let sixteen = view
        .case
        .child()
        .attains_age(policy.appla_min_age(), policy);
    out.push(Obligation::new(
        K::ApplaEligibility,
        Some(episode.number()),
        sixteen,
        sixteen,
        view.milestone(sixteen),
    ));
}

/// The transition plan, during the 90 days immediately before care ends at majority (or the
/// state's extended-care age) (SSA §475(5)(H)); a plan made before that window does not count.
pub(super) fn transition_plan(view: &View<'_>, out: &mut Vec<Obligation>) {
    let Some((episode, events)) = open_episode(view) else {
        return;
    };
    let care_end = view.care_end();
    let window = date::days_before(care_end, view.policy.transition_plan_days());
    let due = date::days_before(care_end, 1);
    let plan = first_from(
        events,
        |e| matches!(e, EventData::TransitionPlanCompleted),
        window,
    );
    view.once(K::TransitionPlan, Some(episode.number()), window, due)
        .met(plan)
        .applies_from(window)
        .push(out);
}

/// Care ends at majority, or the extended-care age (SSA §475(8)): the youth should be discharged
/// by the day before that birthday.
pub(super) fn care_end_age(view: &View<'_>, out: &mut Vec<Obligation>) {
    let Some((episode, _)) = open_episode(view) else {
        return;
    };
    let due = date::days_before(view.care_end(), 1);
    view.once(K::CareEndAge, Some(episode.number()), due, due)
        .push(out);
}

/// Kinship guardianship assistance: 6 consecutive months in the relative's licensed home (SSA
/// §473(d)(3)(A)(i)(II)). A milestone: eligible from the due date.
pub(super) fn kinship_guardianship_eligibility(view: &View<'_>, out: &mut Vec<Obligation>) {
    let Some((episode, _)) = open_episode(view) else {
        return;
    };
    let policy = view.policy;
    let as_of = view.as_of;
    let placed_with = view
        .placement_on(as_of)
        .and_then(|p| p.caregiver())
        .and_then(|f| view.family(f))
        .filter(|f| f.cared_for_by_relative());
    if let Some(family) = placed_with
        && let Some(start) = licensed_stay_start(view.case.facts(), family, as_of, policy)
    {
        let due = calendar::months_after_with(
            start,
            policy.kinship_guardianship_months(),
            policy.month_end(),
        );
        out.push(
            Obligation::new(
                K::KinshipGuardianshipEligibility,
                Some(episode.number()),
                start,
                due,
                view.milestone(due),
            )
            .about(Subject::Family(family.id().clone())),
        );
    }
}
