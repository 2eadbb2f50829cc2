//! The clocks of family connections: a separation of siblings in care has its documented reason
//! (SSA §471(a)(31)(A)).

use super::engine::{EpisodeView, View};
use super::types::{Obligation, ObligationKind, Waiver};
use crate::case::event::{EventData, EventKind};

/// Each separation of the child from a sibling in care (as recorded that day): due the day of
/// the separation; met that day when its reason is documented, met late the day a later record
/// of the separation documents it, overdue otherwise. The placement stands: the duty is one of
/// reasonable efforts.
pub(super) fn sibling_separation(view: &View<'_>, out: &mut Vec<Obligation>) {
    let events = view.events;
    for (i, e) in events.iter().enumerate() {
        let EventData::SiblingsSeparated { sibling, reason } = e.what() else {
            continue;
        };
        let date = e.date();
        let in_care = view
            .case
            .siblings_on(date)
            .iter()
            .any(|s| s.sibling.child == *sibling && s.sibling.in_care);
        if !in_care {
            continue;
        }
        let once = view.once(ObligationKind::SiblingSeparation, None, date, date);
        let once = if reason.is_some() {
            once.met(Some(date))
        } else {
            // The next arrangement recorded for the sibling.
            let next = events[i + 1..].iter().find_map(|x| match x.what() {
                EventData::SiblingsSeparated { sibling: s, reason } if s == sibling => {
                    Some(reason.map(|_| x.date()))
                }
                EventData::SiblingsPlacedTogether { sibling: s } if s == sibling => Some(None),
                _ => None,
            });
            match next {
                Some(Some(on)) => once.met(Some(on)),
                _ => once.lapsed(true),
            }
        };
        once.push(out);
    }
}

/// Whether the relative notice due `due` is owed: always (SSA §471(a)(29) sets no condition on
/// the child's still being in care), or, under [`RelativeNoticeAfterExit::EndsAtExit`], only
/// while the child was in care on the due date.
///
/// [`RelativeNoticeAfterExit::EndsAtExit`]: crate::policy::RelativeNoticeAfterExit::EndsAtExit
pub(super) fn relative_notice_owed(ep: &EpisodeView<'_>, due: chrono::NaiveDate) -> bool {
    match ep.view.policy.relative_notice_after_exit() {
        crate::policy::RelativeNoticeAfterExit::Owed => true,
        crate::policy::RelativeNoticeAfterExit::EndsAtExit => ep.owes_on(due),
    }
}

/// Each adult relative identified in the episode (or before its removal), notified within 30
/// days of the removal (the policy's relative-notice days): removal 2024-01-10, due 2024-02-09.
/// Met by the relative's notice in the episode; waived for family or domestic violence. A child
/// who left care before it was due is still owed it, unless the policy's
/// [`RelativeNoticeAfterExit`](crate::policy::RelativeNoticeAfterExit) ends it at the exit.
pub(super) fn relative_notice_each(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if !ep.kinds_with_before.has(EventKind::RelativeIdentified) {
        return;
    }
    let removal = ep.removal();
    let due = super::calendar::days_after(removal, ep.view.policy.relative_notice_days());
    let owed = relative_notice_owed(ep, due);
    let mut seen: Vec<&crate::PersonId> = Vec::new();
    for e in ep.before.iter().chain(ep.events) {
        let EventData::RelativeIdentified(r) = e.what() else {
            continue;
        };
        if seen.contains(&&r.person) {
            continue;
        }
        seen.push(&r.person);
        let notified = ep
            .events
            .iter()
            .find(|x| matches!(x.what(), EventData::RelativeNotified { person } if *person == r.person))
            .map(crate::Event::date);
        let excepted = ep.events.iter().any(|x| {
            matches!(x.what(), EventData::RelativeNoticeExcepted { person } if *person == r.person)
        });
        ep.once(ObligationKind::RelativeNoticeEach, removal, due)
            .met(notified)
            .owed(owed)
            .waived(excepted.then_some(Waiver::FamilyViolence))
            .about(crate::rules::Subject::Person(r.person.clone()))
            .push(out);
    }
}

/// Family time: for each plan of the episode (the events before its removal included), one
/// obligation per period of `every_days` days from the plan's date — counted from the period's
/// first day, due its last — met by the first contact held with that person in the period.
/// Periods run until the next plan for the same person, the exit, or the period holding the
/// date asked (upcoming while not met). Plan 2024-03-01 every 7 days: 2024-03-01 ..= 2024-03-07,
/// 2024-03-08 ..= 2024-03-14, ...
pub(super) fn family_time(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if !ep.kinds_with_before.has(EventKind::FamilyTimePlanned) {
        return;
    }
    let records: Vec<&crate::Event> = ep.before.iter().chain(ep.events).collect();
    let as_of = ep.view.as_of;
    for (i, e) in records.iter().enumerate() {
        let EventData::FamilyTimePlanned { with, every_days } = e.what() else {
            continue;
        };
        if *every_days == 0 {
            continue;
        }
        // Until the next plan for the same person, or the exit.
        let until = records[i + 1..]
            .iter()
            .find(|x| matches!(x.what(), EventData::FamilyTimePlanned { with: w, .. } if w == with))
            .map(|x| x.date());
        let end = match (until, ep.exit) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let held: Vec<chrono::NaiveDate> = records
            .iter()
            .filter(|x| matches!(x.what(), EventData::FamilyTimeContact(c) if c.held && c.with == *with))
            .map(|x| x.date())
            .collect();
        let mut start = e.date().max(ep.removal());
        while start <= as_of && end.is_none_or(|end| start < end) {
            let next = super::calendar::days_after(start, *every_days);
            let last = super::calendar::days_after(start, every_days - 1);
            let met = held.iter().copied().find(|d| *d >= start && *d < next);
            let once = ep
                .once(ObligationKind::FamilyTime, start, last)
                .met(met)
                .owed(end.is_none_or(|end| end > last));
            let once = match with {
                crate::connections::ContactWith::Person(p) => {
                    once.about(crate::rules::Subject::Person(p.clone()))
                }
                crate::connections::ContactWith::Sibling(_) => once,
            };
            once.push(out);
            start = next;
        }
    }
}

/// Each separation from a sibling in care (as recorded that day) needs planned contact with
/// the sibling (SSA §471(a)(31)(B)): due the day of the separation; met by a family-time plan
/// with the sibling in force that day (the latest before it, with a frequency), met late by the
/// first such plan after it, overdue without one.
pub(super) fn sibling_contact(view: &View<'_>, out: &mut Vec<Obligation>) {
    use crate::connections::ContactWith;
    let events = view.events;
    for e in events {
        let EventData::SiblingsSeparated { sibling, .. } = e.what() else {
            continue;
        };
        let date = e.date();
        let in_care = view
            .case
            .siblings_on(date)
            .iter()
            .any(|s| s.sibling.child == *sibling && s.sibling.in_care);
        if !in_care {
            continue;
        }
        let plans = events.iter().filter_map(|x| match x.what() {
            EventData::FamilyTimePlanned {
                with: ContactWith::Sibling(s),
                every_days,
            } if s == sibling => Some((x.date(), *every_days)),
            _ => None,
        });
        let mut before: Option<(chrono::NaiveDate, u32)> = None;
        let mut after: Option<chrono::NaiveDate> = None;
        for (on, every) in plans {
            if on <= date {
                before = Some((on, every));
            } else if every > 0 && after.is_none() {
                after = Some(on);
            }
        }
        let met = match before {
            Some((_, every)) if every > 0 => Some(date),
            _ => after,
        };
        view.once(ObligationKind::SiblingContact, None, date, date)
            .met(met)
            .push(out);
    }
}

/// SSA §471(a)(19): the state considers giving preference to an adult relative over a
/// non-related caregiver. For the episode's first placement with a caregiver who is not a
/// relative (a non-relative family, or a facility), a relative identified, notified or excepted
/// in the episode (or before its removal) on or before the placement's start meets it; one only
/// after is late; none is overdue. The placement stands: the duty is to consider.
pub(super) fn relative_considered(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let first = view
        .case
        .episode_placements(ep.episode)
        .iter()
        .filter(|p| p.start() <= view.as_of && p.setting().counts_as_placement_setting())
        .find(|p| {
            !p.caregiver()
                .and_then(|f| view.case.family_on(f, p.start()))
                .is_some_and(crate::Family::cared_for_by_relative)
        });
    let Some(p) = first else {
        return;
    };
    let start = p.start();
    let considered = ep
        .before
        .iter()
        .chain(ep.events)
        .filter(|e| {
            matches!(
                e.what(),
                EventData::RelativeIdentified(_)
                    | EventData::RelativeNotified { .. }
                    | EventData::RelativeNoticeExcepted { .. }
                    | EventData::RelativesNotified
            )
        })
        .map(crate::Event::date)
        .min();
    view.once(
        ObligationKind::RelativeConsidered,
        ep.number(),
        start,
        start,
    )
    .met(considered)
    .about(crate::Subject::Placement(p.id().clone()))
    .push(out);
}
