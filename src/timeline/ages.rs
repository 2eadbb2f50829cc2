//! Age milestones of a child in care (SSA §475(1)(D), §475(5)(C), §475(5)(H), §475(8),
//! §473(d); `DOMAIN.md` §3.4, §6), and the kinship guardianship eligibility clock.
//!
//! These are read for the episode open on the date asked: they are about the child now in care.

use super::{Obligation, ObligationKind as K, Status, View};
use crate::case::event::EventData;
use crate::date;
use crate::rules::{Subject, discharge::licensed_stay_start};

pub(super) fn obligations(view: &View<'_>, out: &mut Vec<Obligation>) {
    let Some(episode) = view.episodes().last().filter(|e| view.exit_of(e).is_none()) else {
        return;
    };
    let n = Some(episode.number());
    let removal = episode.removal_date();
    let policy = view.policy;
    let child = view.case.child();
    let as_of = view.as_of;
    let in_episode = &view.events[episode.removal_event()..];

    // 14: transition services enter the case plan (SSA §475(1)(D), §475(5)(C)(iv)). Read as: the
    // first case plan on or after the 14th birthday (or the removal, if later), due by the later
    // of the periodic review after the birthday (birthday + 6 months) and the initial case plan's
    // due date (removal + 60 days).
    let fourteen = child.attains_age(policy.transition_services_age(), policy);
    let from = fourteen.max(removal);
    let due = date::months_after_with(fourteen, policy.review_months(), policy.month_end())
        .max(date::days_after(removal, policy.case_plan_days()));
    let plan = in_episode
        .iter()
        .find(|e| matches!(e.what(), EventData::CasePlanCompleted) && e.date() >= from)
        .map(|e| e.date());
    let status = match plan {
        Some(on) => View::met(due, on),
        None if as_of < from => Status::NotYetApplicable,
        None => view.unmet(due),
    };
    out.push(Obligation::new(K::TransitionServices, n, from, due, status));

    // 16: APPLA becomes available (SSA §475(5)(C)(i)). A milestone, not a duty.
    let sixteen = child.attains_age(policy.appla_min_age(), policy);
    let status = if as_of >= sixteen {
        Status::Reached
    } else {
        Status::Upcoming
    };
    out.push(Obligation::new(
        K::ApplaEligibility,
        n,
        sixteen,
        sixteen,
        status,
    ));

    // The transition plan, during the 90 days immediately before care ends at majority (or the
    // state's extended-care age) (SSA §475(5)(H)); a plan made before that window does not count.
    let care_end = child.attains_age(policy.care_end_age(), policy);
    let window = date::days_before(care_end, policy.transition_plan_days());
    let due = date::days_before(care_end, 1);
    let plan = in_episode
        .iter()
        .find(|e| matches!(e.what(), EventData::TransitionPlanCompleted) && e.date() >= window)
        .map(|e| e.date());
    let status = match plan {
        Some(on) => View::met(due, on),
        None if as_of < window => Status::NotYetApplicable,
        None => view.unmet(due),
    };
    out.push(Obligation::new(K::TransitionPlan, n, window, due, status));

    // Care ends at majority, or the extended-care age (SSA §475(8)): the youth should be
    // discharged by the day before that birthday.
    let status = view.unmet(due);
    out.push(Obligation::new(K::CareEndAge, n, due, due, status));

    // Kinship guardianship assistance: 6 consecutive months in the relative's licensed home
    // (SSA §473(d)(3)(A)(i)(II)). A milestone: eligible from the due date.
    let placed_with = view
        .placement_on(as_of)
        .and_then(|p| p.caregiver())
        .and_then(|f| view.family(f))
        .filter(|f| f.cared_for_by_relative());
    if let Some(family) = placed_with
        && let Some(start) = licensed_stay_start(view.case.facts(), family, as_of, policy)
    {
        let due = date::months_after_with(
            start,
            policy.kinship_guardianship_months(),
            policy.month_end(),
        );
        let status = if as_of >= due {
            Status::Reached
        } else {
            Status::Upcoming
        };
        out.push(
            Obligation::new(K::KinshipGuardianshipEligibility, n, start, due, status)
                .about(Subject::Family(family.id().clone())),
        );
    }
}
