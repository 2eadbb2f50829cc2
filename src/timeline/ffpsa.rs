//! Family First clocks: QRTP assessment, court approval, transition and long stays; the two-week
//! congregate-care payment limit; supervised independent living before 18; the prevention period
//! (SSA §471(e), §472(k), §475A(c); `DOMAIN.md` §5).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Consequence, EpisodeView, Obligation, ObligationKind as K, Status, View};
use crate::case::event::{Candidacy, Event, EventData, Finding, QrtpAssessment};
use crate::date::{self, Period};
use crate::id::PlacementId;
use crate::placement::{Placement, Setting};
use crate::policy::PreventionRenewal;
use crate::rules::Subject;

/// The day `p` ended, if it ended on or before `as_of`.
fn ended(view: &View<'_>, p: &Placement) -> Option<NaiveDate> {
    view.end_of(p).map(|e| e.date)
}

/// Whether the child was still in `p` on `due` (as far as `as_of` shows).
fn still_in(view: &View<'_>, p: &Placement, due: NaiveDate) -> bool {
    ended(view, p).is_none_or(|e| e > due)
}

/// A placement that may be paid through `last_paid`: the child must be out of it by the next
/// day, the due date, else no payment from then. Met on the day the child left.
fn must_leave_by(
    view: &View<'_>,
    ep: &EpisodeView<'_>,
    kind: K,
    p: &Placement,
    from: NaiveDate,
    last_paid: NaiveDate,
) -> Obligation {
    let due = date::days_after(last_paid, 1);
    let status = match ended(view, p) {
        Some(e) => View::met(due, e),
        None => view.unmet(due),
    };
    let missed = matches!(status, Status::Overdue | Status::MetLate(_));
    Obligation::new(kind, ep.number(), from, due, status)
        .about(Subject::Placement(p.id().clone()))
        .with_consequence(missed.then_some(Consequence::NoPaymentFrom(due)))
}
/// What the history says of one QRTP placement: the first assessment, the first court
/// decision, and the first determination that it is not appropriate or is disapproved.
#[derive(Debug, Clone, Copy, Default)]
struct QrtpRecords {
    assessed: Option<(NaiveDate, QrtpAssessment)>,
    decided: Option<NaiveDate>,
    negative: Option<NaiveDate>,
}

enum QrtpRecord {
    Assessed(QrtpAssessment),
    Decided { approved: bool },
}

/// The obligations each placement of the episode brings.
pub(super) fn placement_obligations(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let policy = view.policy;
    let placements = view.case.episode_placements(ep.episode);
    // The QRTP records of the episode, read in one pass: the first assessment, the first court
    // decision and the first negative determination of each QRTP placement.
    let mut records: HashMap<&PlacementId, QrtpRecords> = HashMap::new();
    if placements.iter().any(|p| p.setting() == Setting::Qrtp) {
        for e in ep.events {
            let (placement, kind) = match e.what() {
                EventData::QrtpAssessed { placement, outcome } => {
                    (placement, QrtpRecord::Assessed(*outcome))
                }
                EventData::CourtFinding(Finding::QrtpApproved { placement }) => {
                    (placement, QrtpRecord::Decided { approved: true })
                }
                EventData::CourtFinding(Finding::QrtpDisapproved { placement }) => {
                    (placement, QrtpRecord::Decided { approved: false })
                }
                _ => continue,
            };
            let r = records.entry(placement).or_default();
            let on = e.date();
            match kind {
                QrtpRecord::Assessed(outcome) => {
                    r.assessed.get_or_insert((on, outcome));
                    if outcome == QrtpAssessment::NotAppropriate {
                        r.negative.get_or_insert(on);
                    }
                }
                QrtpRecord::Decided { approved } => {
                    r.decided.get_or_insert(on);
                    if !approved {
                        r.negative.get_or_insert(on);
                    }
                }
            }
        }
    }
    for p in placements {
        let start = p.start();
        if start > view.as_of {
            continue;
        }
        let setting = p.setting();
        if setting == Setting::Qrtp {
            let record = records.get(p.id()).copied().unwrap_or_default();
            // SSA §475A(c)(1), §472(k)(3)(A): assessment within 30 days, else no payment for
            // the whole placement.
            let due = date::days_after(start, policy.qrtp_assessment_days());
            let assessed = record.assessed;
            if let Some(o) = single(
                view,
                p,
                K::QrtpAssessment,
                ep,
                start,
                due,
                assessed.map(|a| a.0),
            ) {
                let missed = matches!(o.status(), Status::Overdue | Status::MetLate(_));
                out.push(o.with_consequence(missed.then_some(Consequence::IneligibleForPlacement)));
            }
            // SSA §475A(c)(2): the court approves or disapproves within 60 days.
            let due = date::days_after(start, policy.qrtp_court_days());
            let decided = record.decided;
            out.extend(single(
                view,
                p,
                K::QrtpCourtApproval,
                ep,
                start,
                due,
                decided,
            ));
            // SSA §472(k)(3)(B): found inappropriate or disapproved: payment at most for the 30-day
            // period that begins on that determination.
            let negative = record.negative;
            if let Some(on) = negative {
                let period = date::day_period(on, policy.qrtp_transition_days());
                let due = period.last_day().unwrap_or(on);
                out.push(must_leave_by(view, ep, K::QrtpTransition, p, on, due));
            }
        } else if setting.is_congregate_care() && p.what().specified_setting().is_none() {
            // SSA §472(k)(1): no payment from the third week in a child-care institution that is
            // not a specified setting.
            // Two weeks: the first 14 days; the third week starts on `date::week_start(start, 3)`.
            let due = date::first_days(start, policy.congregate_care_days())
                .last_day()
                .unwrap_or(start);
            out.push(must_leave_by(
                view,
                ep,
                K::CongregateCareLimit,
                p,
                start,
                due,
            ));
        } else if setting == Setting::SupervisedIndependentLiving {
            // SSA §472(c)(2), §472(k)(2)(C): supervised independent living is a reimbursable
            // (and specified) setting only from age 18.
            let adult = view
                .case
                .child()
                .attains_age(policy.independent_living_min_age(), policy);
            if adult > start {
                // Not payable from the start until the 18th birthday, or until the child left.
                let until = ended(view, p).map_or(adult, |e| e.min(adult));
                let status = if view.as_of >= adult {
                    Status::Reached
                } else {
                    Status::Upcoming
                };
                out.push(
                    Obligation::new(K::IndependentLivingAge, ep.number(), start, adult, status)
                        .about(Subject::Placement(p.id().clone()))
                        .with_consequence(Some(Consequence::IneligibleBetween {
                            from: start,
                            until: Some(until),
                        })),
                );
            }
        }
    }
}

/// An obligation of placement `p`, met once: skipped when the child left before it was due.
fn single(
    view: &View<'_>,
    p: &Placement,
    kind: K,
    ep: &EpisodeView<'_>,
    from: NaiveDate,
    due: NaiveDate,
    met: Option<NaiveDate>,
) -> Option<Obligation> {
    view.met_once(kind, ep.number(), (from, due), met, still_in(view, p, due))
        .map(|o| o.about(Subject::Placement(p.id().clone())))
}

/// Head-of-agency approval for long QRTP stays (SSA §475A(c)(5)): more than 12 consecutive or 18
/// total months, or for a child under 13 more than 6 months in all. Due on the last day of the
/// limit; met by an approval on or before it. Projected while the child is in a QRTP.
pub(super) fn qrtp_long_stays(view: &View<'_>, out: &mut Vec<Obligation>) {
    let policy = view.policy;
    let stays: Vec<&Placement> = view
        .case
        .placements()
        .iter()
        .filter(|p| p.setting() == Setting::Qrtp && p.start() <= view.as_of)
        .collect();
    let Some(first) = stays.first() else {
        return;
    };
    let in_qrtp_now = stays.last().is_some_and(|p| ended(view, p).is_none());
    // Project far enough for the longest limit.
    let horizon = if in_qrtp_now {
        date::days_after(
            date::months_after(view.as_of, policy.qrtp_total_months()),
            1,
        )
    } else {
        view.as_of
    };
    // Consecutive QRTP stays merge into one stretch.
    let mut stretches: Vec<Period> = Vec::new();
    for p in &stays {
        let end = ended(view, p).unwrap_or(horizon);
        match stretches.last_mut() {
            Some(last) if last.end() == p.start() => {
                *last = Period::new(last.start(), end).unwrap_or(*last)
            }
            _ => stretches.extend(Period::new(p.start(), end)),
        }
    }
    let young = view
        .case
        .child()
        .age_on(first.start(), policy)
        .is_some_and(|a| a < policy.qrtp_young_child_age());
    let counting = crate::policy::MonthCounting::CalendarMonths;
    let due = if young {
        super::first_day_reaching(&stretches, policy.qrtp_young_child_months(), counting, None)
    } else {
        let total =
            super::first_day_reaching(&stretches, policy.qrtp_total_months(), counting, None);
        let consecutive = stretches
            .iter()
            .filter_map(|s| {
                super::first_day_reaching(&[*s], policy.qrtp_consecutive_months(), counting, None)
            })
            .min();
        total.into_iter().chain(consecutive).min()
    };
    let Some(due) = due else {
        return;
    };
    let Some(stay) = stays.iter().rev().find(|p| p.start() <= due) else {
        return;
    };
    let approved = view
        .events
        .iter()
        .find(|e| {
            matches!(e.what(), EventData::QrtpLongStayApproved { .. }) && e.date() >= first.start()
        })
        .map(|e| e.date());
    let status = match approved {
        Some(on) => View::met(due, on),
        None => view.unmet(due),
    };
    let episode = view.episode_on(stay.start());
    out.push(
        Obligation::new(K::QrtpLongStay, episode, first.start(), due, status)
            .about(Subject::Placement(stay.id().clone())),
    );
}

/// Family First prevention periods (SSA §471(e)(1), (3); `DOMAIN.md` §5.1 \[I\]): each candidacy
/// identified opens a 12-month period; it closes early on a removal, a case closure or a new
/// candidacy. Services claimed past it have no federal match.
pub(super) fn prevention(view: &View<'_>, out: &mut Vec<Obligation>) {
    let policy = view.policy;
    let renew = policy.prevention_renewal() == PreventionRenewal::EachCandidacy;
    let candidacy = |e: &Event| match e.what() {
        EventData::OpenPreservation(c) | EventData::CandidacyIdentified(c) => {
            *c != Candidacy::NotCandidate
        }
        _ => false,
    };
    for (i, e) in view.events.iter().enumerate().filter(|(_, e)| candidacy(e)) {
        let start = e.date();
        // Services are claimable through the period's last day; by the next day (the due date)
        // the period must have closed: a removal, a closure, or (when the policy renews) a new
        // candidacy.
        let due = view.months_after(start, policy.prevention_months());
        let closed = view.events[i + 1..]
            .iter()
            .find(|x| {
                matches!(
                    x.what(),
                    EventData::Removal(_) | EventData::Close | EventData::Death
                ) || (renew && candidacy(x))
            })
            .map(Event::date);
        let status = match closed {
            Some(on) => View::met(due, on),
            None => view.unmet(due),
        };
        let missed = matches!(status, Status::Overdue | Status::MetLate(_));
        out.push(
            Obligation::new(K::PreventionPeriod, None, start, due, status)
                .with_consequence(missed.then_some(Consequence::NoPaymentFrom(due))),
        );
        if !renew {
            return;
        }
    }
}
