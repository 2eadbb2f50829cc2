//! Trial home visits (45 CFR 1356.21(e); CWPM 8.3C.5; `DOMAIN.md` §2.7): only toward
//! reunification, in the parents' home, at most 6 months unless a court extends the visit; a
//! return after the limit is a new removal.

use chrono::NaiveDate;

use super::{Check, RuleId, Subject, Violation};
use crate::case::event::{EventData, Finding};
use crate::date;
use crate::family::FamilyKind;
use crate::placement::Setting;
use crate::plan::Goal;
use crate::policy::Policy;

/// The first day beyond a visit's authorized period: `start` + the policy's limit (6 months), or
/// the day after the court's extension when that is later. The visit may last through the day
/// before. This is the one place the limit is computed; the guards, the episode fold and the
/// clocks all call it.
///
/// Visit from 2024-01-15: the first day beyond is 2024-07-15 (6 months later); a return on
/// 2024-07-15 means the child spent 2024-01-15 ..= 2024-07-14 home, within the limit.
pub(crate) fn first_day_beyond(
    start: NaiveDate,
    extended_until: Option<NaiveDate>,
    policy: &Policy,
) -> NaiveDate {
    let limit = date::months_after_with(start, policy.visit_limit_months(), policy.month_end());
    match extended_until {
        Some(until) => limit.max(date::days_after(until, 1)),
        None => limit,
    }
}

/// The visit in progress, from the open trial-home-visit placement: its start and the first day
/// beyond its authorized period (with the court's extension, if any).
fn visit(c: &Check<'_>) -> Option<(NaiveDate, NaiveDate)> {
    let start = c
        .case
        .current_placement()
        .filter(|p| p.setting().is_trial_home_visit())
        .map(|p| p.start())?;
    Some((
        start,
        first_day_beyond(start, c.case.visit_extended_until(), c.policy),
    ))
}

/// A trial home visit only toward reunification: the plan's primary goal is reunification (or no
/// plan is set yet, when reunification is the default goal, `DOMAIN.md` §3.1).
pub(crate) fn goal_is_reunification(c: &Check<'_>) -> Option<Violation> {
    let goal = c.case.current_plan().map(|p| p.primary_goal());
    match goal {
        None | Some(Goal::Reunification) => None,
        Some(g) => Some(Violation::new(
            RuleId::VisitGoalNotReunification,
            format!(
                "a trial home visit needs reunification as the primary goal, found {}",
                g.as_str()
            ),
        )),
    }
}

/// The visit is a trial-home-visit setting in the birth family's home.
pub(crate) fn with_parents(c: &Check<'_>) -> Option<Violation> {
    let p = c.event.what().new_placement()?;
    let family = p.caregiver().and_then(|f| c.case.family(f));
    let ok = p.setting() == Setting::TrialHomeVisit
        && family.is_some_and(|f| f.kind() == FamilyKind::Birth);
    (!ok).then(|| {
        Violation::new(
            RuleId::VisitNotWithParents,
            format!(
                "a trial home visit needs a trial_home_visit setting with the birth family, found a {} with {}",
                p.setting().as_str(),
                family.map_or("no caregiver family".to_owned(), |f| format!(
                    "family {} of kind {}",
                    f.id(),
                    f.kind().as_str()
                ))
            ),
        )
        .about(Subject::Placement(p.id().clone()))
    })
}

/// A return to foster care ends the visit as the same episode only within the authorized period.
/// After it, the return is a new removal (record a `removal`, with new findings).
pub(crate) fn within_limit(c: &Check<'_>) -> Option<Violation> {
    let (start, beyond) = visit(c)?;
    (c.event.date() > beyond).then(|| {
        Violation::new(
            RuleId::VisitOutlivedLimit,
            format!(
                "the trial home visit begun {start} outlived its limit on {beyond}; a return on {} is a new removal: record a removal with new findings",
                c.event.date()
            ),
        )
    })
}

/// A removal during a visit is a re-entry only once the visit has outlived its limit; within the
/// limit the child returns with `trial_home_visit_ended`.
pub(crate) fn outlived_limit(c: &Check<'_>) -> Option<Violation> {
    let (start, beyond) = visit(c)?;
    (c.event.date() <= beyond).then(|| {
        Violation::new(
            RuleId::VisitWithinLimit,
            format!(
                "the trial home visit begun {start} is authorized through {} (the child may be back in care on {beyond}); use trial_home_visit_ended to return the child to care",
                date::days_before(beyond, 1)
            ),
        )
    })
}

/// A court extension needs a visit under way, an end date on or after the visit's start and the
/// order's date, and an order made before the visit outlived its authorized period: a visit past
/// its limit already ended the episode (45 CFR 1356.21(e); CWPM 8.3C.5), and a later order cannot
/// revive it.
pub(crate) fn extension(c: &Check<'_>) -> Option<Violation> {
    let EventData::CourtFinding(Finding::VisitExtended { until }) = c.event.what() else {
        return None;
    };
    let ordered = c.event.date();
    let Some((start, beyond)) = visit(c) else {
        return Some(Violation::new(
            RuleId::VisitExtension,
            format!(
                "a visit extension needs a trial home visit under way, found stage {}",
                c.case.stage()
            ),
        ));
    };
    // Symmetric with a return: on `beyond` itself the child may still come back in time.
    if ordered > beyond {
        return Some(Violation::new(
            RuleId::VisitExtension,
            format!(
                "the trial home visit begun {start} outlived its limit on {beyond}; an extension ordered {ordered} cannot revive it"
            ),
        ));
    }
    (*until < start.max(ordered)).then(|| {
        Violation::new(
            RuleId::VisitExtension,
            format!(
                "a visit extension needs an end on or after {}, found {until}",
                start.max(ordered)
            ),
        )
    })
}

/// A visit that outlived its limit ended the episode in reunification on the policy's date
/// (45 CFR 1356.21(e); `DOMAIN.md` §2.7): a later discharge can only record that reunification.
pub(crate) fn discharge_after_limit(c: &Check<'_>) -> Option<Violation> {
    let EventData::Discharge(d) = c.event.what() else {
        return None;
    };
    let (start, beyond) = visit(c)?;
    let late = c.event.date() > beyond && d.reason != crate::case::stage::ExitReason::Reunified;
    late.then(|| {
        Violation::new(
            RuleId::VisitOutlivedLimit,
            format!(
                "the trial home visit begun {start} outlived its limit on {beyond}, which ended the episode in reunification; a discharge on {} can only give the reason reunified, found {}",
                c.event.date(),
                d.reason.as_str()
            ),
        )
    })
}
