//! The clocks of family connections: a separation of siblings in care has its documented reason
//! (SSA §471(a)(31)(A)).

use super::engine::{EpisodeView, View};
use super::types::{Obligation, ObligationKind, Waiver};
use crate::case::event::EventData;

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

/// Each adult relative identified in the episode (or before its removal), notified within 30
/// days of the removal (the policy's relative-notice days): removal 2024-01-10, due 2024-02-09.
/// Met by the relative's notice in the episode; waived for family or domestic violence; not owed
/// once the child left care before it was due.
pub(super) fn relative_notice_each(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let removal = ep.removal();
    let due = super::calendar::days_after(removal, ep.view.policy.relative_notice_days());
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
            .owed(ep.owes_on(due))
            .waived(excepted.then_some(Waiver::FamilyViolence))
            .about(crate::rules::Subject::Person(r.person.clone()))
            .push(out);
    }
}
