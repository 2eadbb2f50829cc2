//! Age milestones of a child in care (SSA §475(1)(D), §475(5)(C), §475(5)(H), §475(8)), and the
//! kinship guardianship eligibility clock (SSA §473(d)).
//!
//! These are read for the episode open on the date asked: they are about the child now in care.

use chrono::NaiveDate;

use super::calendar;
use super::engine::View;
use super::types::{Consequence, KinshipCondition, Obligation, ObligationKind as K, Status};
use crate::case::Episode;
use crate::case::event::{Event, EventData, GuardianshipAssistance, Manner};
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
    let fourteen = view.transition_age();
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
/// Owed in the episode the youth is in care in on the last day of the window (the day before
/// the birthday), and it stays owed once the youth leaves care — emancipated on the birthday
/// without a plan, it was missed; an episode that ended before that day owes none. Before any
/// such day, in the open episode.
pub(super) fn transition_plan(view: &View<'_>, out: &mut Vec<Obligation>) {
    let care_end = view.care_end();
    let window = date::days_before(care_end, view.policy.transition_plan_days());
    let due = date::days_before(care_end, 1);
    let in_care_on_due = view
        .episodes()
        .iter()
        .rev()
        .find(|e| e.removal_date() <= due && view.exit_of(e).is_none_or(|exit| exit > due));
    let (episode, events) = match in_care_on_due {
        Some(e) => {
            let end = e
                .exit_event()
                .map_or(view.events.len(), |x| (x + 1).min(view.events.len()));
            (e, &view.events[e.removal_event().min(end)..end])
        }
        None => match open_episode(view) {
            Some(open) => open,
            None => return,
        },
    };
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

/// Care ends at majority, or the extended-care age (SSA §475(8)): the youth is in care through
/// the day before that birthday, so the exit — dated the first day out of care — is due on the
/// birthday itself (an exit dated the birthday is on time, one dated the day after is late).
pub(super) fn care_end_age(view: &View<'_>, out: &mut Vec<Obligation>) {
    let Some((episode, _)) = open_episode(view) else {
        return;
    };
    let due = view.care_end();
    view.once(K::CareEndAge, Some(episode.number()), due, due)
        .push(out);
}

/// Kinship guardianship assistance (SSA §473(d)(3)(A)). While the child is with a relative: a
/// milestone, eligible once 6 consecutive months in the relative's home while it held a license in
/// force every day are served (§473(d)(3)(A)(i)(II); counted from
/// [`licensed_stay_start`]: a renewal without a lapse continues the months, a lapse restarts
/// them, and months served stay served when the license ends later). At each discharge to guardianship with kinship assistance: due the
/// discharge day, met on it when every condition holds ([`kinship_gaps`]), else overdue with
/// [`Consequence::NoKinshipGuardianshipAssistance`].
pub(super) fn kinship_guardianship_eligibility(view: &View<'_>, out: &mut Vec<Obligation>) {
    for (i, episode) in view.episodes().iter().enumerate() {
        let Some(at) = episode.exit_event().filter(|x| *x < view.events.len()) else {
            continue;
        };
        let EventData::Discharge(d) = view.events[at].what() else {
            continue;
        };
        let Some(g) = d
            .guardianship()
            .filter(|g| g.assistance() == GuardianshipAssistance::Kinship)
        else {
            continue;
        };
        let on = view.events[at].date();
        let gaps = kinship_gaps(view, i, g.guardian(), on);
        let (status, consequence) = if gaps.is_empty() {
            (Status::Met(on), None)
        } else {
            (
                Status::Overdue,
                Some(Consequence::NoKinshipGuardianshipAssistance),
            )
        };
        out.push(
            Obligation::new(
                K::KinshipGuardianshipEligibility,
                Some(episode.number()),
                episode.removal_date(),
                on,
                status,
            )
            .with_consequence(consequence)
            .about(Subject::Family(g.guardian().clone())),
        );
    }
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
        && let Some(start) = licensed_stay_start(view.case.facts(), family.id(), as_of, policy)
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

/// SSA §475(8): a youth who is 18 or older (the age of majority) is a title IV-E "child" only
/// where the state extends care (§475(8)(B)) and up to its extended-care age. A removal on or
/// after the birthday care ends on is accepted — state-funded care is lawful — and flagged: a
/// milestone reached on the removal, counted from that birthday, with the episode ineligible for
/// title IV-E foster care maintenance payments.
pub(super) fn adult_reentry(view: &View<'_>, out: &mut Vec<Obligation>) {
    let care_end = view.care_end();
    for episode in view.episodes() {
        let removal = episode.removal_date();
        if removal >= care_end {
            out.push(
                Obligation::new(
                    K::AdultReentry,
                    Some(episode.number()),
                    care_end,
                    removal,
                    super::types::Status::Reached,
                )
                .with_consequence(Some(super::types::Consequence::IneligibleForEpisode)),
            );
        }
    }
}

/// The conditions of kinship guardianship assistance (SSA §473(d)(3)(A)) not met for a discharge
/// to `guardian` on `on`, ending episode `index` of the view.
pub(super) fn kinship_gaps(
    view: &View<'_>,
    index: usize,
    guardian: &crate::id::FamilyId,
    on: NaiveDate,
) -> Vec<KinshipCondition> {
    let policy = view.policy;
    let episode = &view.episodes()[index];
    let ep = super::engine::EpisodeView::new(view, episode, index);
    let mut gaps = Vec::new();
    // (d)(1): assistance is for relatives who assumed guardianship.
    let relative = view
        .case
        .family_on(guardian, on)
        .is_some_and(|f| f.kind() == crate::FamilyKind::Relative || f.cared_for_by_relative());
    if !relative {
        gaps.push(KinshipCondition::RelativeGuardian);
    }
    // (i)(I): a voluntary placement agreement, or the contrary-to-the-welfare finding in time.
    let eligible = episode.manner() == Manner::VoluntaryPlacementAgreement || {
        let mut ctw = Vec::new();
        super::asfa::contrary_to_welfare(&ep, &mut ctw);
        ctw.first()
            .is_some_and(|o| matches!(o.status(), Status::Met(_)))
    };
    if !eligible {
        gaps.push(KinshipCondition::EligibleRemoval);
    }
    // (i)(II): "eligible for foster care maintenance payments while residing for at least 6
    // consecutive months in the home": a window of 6 months of the stay ending at the discharge,
    // the home licensed every day of it (each day by its record), as the policy counts them.
    let six = view
        .case
        .family_on(guardian, on)
        .and_then(|f| licensed_stay_start(view.case.facts(), f.id(), on, policy))
        .is_some_and(|start| {
            calendar::months_after_with(
                start,
                policy.kinship_guardianship_months(),
                policy.month_end(),
            ) <= on
        });
    if !six {
        gaps.push(KinshipCondition::SixMonthsInHome);
    }
    let recorded =
        |pick: fn(&EventData) -> bool| ep.events.iter().any(|e| e.date() <= on && pick(e.what()));
    // (ii): return home and adoption ruled out.
    if !recorded(|e| matches!(e, EventData::ReturnAndAdoptionRuledOut)) {
        gaps.push(KinshipCondition::ReturnAndAdoptionRuledOut);
    }
    // (iv): a youth of 14 or older consulted.
    let fourteen = view.case.child().attains_age(14, policy);
    if on >= fourteen && !recorded(|e| matches!(e, EventData::KinshipConsultation)) {
        gaps.push(KinshipCondition::YouthConsulted);
    }
    gaps
}
