//! The clocks of family connections: a separation of siblings in care has its documented reason
//! (SSA §471(a)(31)(A)).

use std::collections::{HashMap, HashSet};

use super::engine::{EpisodeView, View};
use super::types::{Obligation, ObligationKind, Waiver};
use crate::case::event::{EventData, EventKind};

/// The separations from a sibling in care on their day (the sibling's latest record dated on or
/// before it says in care), in order: the event's position, the sibling, the reason. A sibling
/// recorded entering care while the latest arrangement recorded with it is a separation (and
/// no arrangement of that day says otherwise) is separated in care from that day: the position
/// is the sibling's record, the reason the separation's (SSA §471(a)(31)(A) asks the effort
/// for "siblings removed from their home", whenever each was). One pass: a day's sibling
/// records are read before its separations.
fn separations_in_care(
    events: &[crate::Event],
) -> Vec<(
    usize,
    &crate::ChildId,
    Option<crate::connections::SeparationReason>,
)> {
    use crate::connections::SeparationReason;
    let mut in_care: HashMap<&crate::ChildId, bool> = HashMap::new();
    // The latest arrangement with each sibling: `Some(reason)` a separation, `None` together.
    let mut arranged: HashMap<&crate::ChildId, Option<Option<SeparationReason>>> = HashMap::new();
    let mut out = Vec::new();
    let mut entered: Vec<(usize, &crate::ChildId)> = Vec::new();
    let mut day_start = 0;
    while day_start < events.len() {
        let date = events[day_start].date();
        let day_end = day_start + events[day_start..].partition_point(|e| e.date() == date);
        let day = &events[day_start..day_end];
        entered.clear();
        for (k, e) in day.iter().enumerate() {
            if let EventData::SiblingRecorded(s) = e.what() {
                let was = in_care.insert(&s.child, s.in_care).unwrap_or(false);
                if s.in_care && !was {
                    entered.push((day_start + k, &s.child));
                }
            }
        }
        let mut sorted = true;
        for (k, e) in day.iter().enumerate() {
            match e.what() {
                EventData::SiblingsSeparated { sibling, reason } => {
                    entered.retain(|(_, s)| *s != sibling);
                    arranged.insert(sibling, Some(*reason));
                    if in_care.get(sibling).copied().unwrap_or(false) {
                        out.push((day_start + k, sibling, *reason));
                    }
                }
                EventData::SiblingsPlacedTogether { sibling } => {
                    entered.retain(|(_, s)| *s != sibling);
                    arranged.insert(sibling, None);
                }
                _ => {}
            }
        }
        for &(at, sibling) in &entered {
            if let Some(&Some(reason)) = arranged.get(sibling) {
                out.push((at, sibling, reason));
                sorted = false;
            }
        }
        if !sorted {
            // A sibling's record may come before a separation of the same day.
            let from = out.partition_point(|(at, _, _)| *at < day_start);
            out[from..].sort_by_key(|(at, _, _)| *at);
        }
        day_start = day_end;
    }
    out
}

/// Each separation of the child from a sibling in care (as recorded that day): due the day of
/// the separation; met that day when its reason is documented, met late the day a later record
/// of the separation documents it, overdue otherwise. The placement stands: the duty is one of
/// reasonable efforts. Linear in the history: each separation without its reason waits for the
/// next arrangement recorded for its sibling.
pub(super) fn sibling_separation(view: &View<'_>, out: &mut Vec<Obligation>) {
    if !view.kinds.has(EventKind::SiblingsSeparated) {
        return;
    }
    let events = view.events;
    let separations = separations_in_care(events);
    // For each separation, the day its reason was documented (or `None`: never).
    let mut documented: Vec<Option<chrono::NaiveDate>> = vec![None; separations.len()];
    let mut waiting: HashMap<&crate::ChildId, usize> = HashMap::new();
    let mut next = separations.iter().enumerate().peekable();
    for (i, e) in events.iter().enumerate() {
        let arrangement = match e.what() {
            EventData::SiblingsSeparated { sibling, reason } => Some((sibling, *reason)),
            EventData::SiblingsPlacedTogether { sibling } => Some((sibling, None)),
            _ => None,
        };
        // The next arrangement of a sibling settles the separation waiting for its reason.
        if let Some((sibling, reason)) = arrangement
            && let Some(k) = waiting.remove(sibling)
        {
            documented[k] = reason.map(|_| e.date());
        }
        // The separation at this position (a separation, or a sibling entering care
        // separated), its reason documented already or waiting for the next arrangement.
        if let Some(&(k, &(at, sibling, reason))) = next.peek()
            && at == i
        {
            next.next();
            match reason {
                Some(_) => documented[k] = Some(e.date()),
                None => {
                    waiting.insert(sibling, k);
                }
            }
        }
    }
    for (k, &(at, _, _)) in separations.iter().enumerate() {
        let date = events[at].date();
        let once = view.once(ObligationKind::SiblingSeparation, None, date, date);
        match documented[k] {
            Some(on) => once.met(Some(on)),
            None => once.lapsed(true),
        }
        .push(out);
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

/// What the notices to each relative say of the episode's notice to the relatives as a whole:
/// every relative identified by the end of the episode (as [`relative_notice_each`] counts
/// them) notified, the latest on the date given, or excepted for family or domestic violence;
/// `None` while no relative is identified, or one is neither notified nor excepted.
pub(super) fn every_relative_notified(ep: &EpisodeView<'_>) -> Option<EveryRelative> {
    let relatives = ep.view.relatives();
    let known = relatives.partition_point(|&i| i < ep.end);
    if known == 0 {
        return None;
    }
    let (notified, excepted) = notices(ep);
    let mut latest: Option<chrono::NaiveDate> = None;
    for &i in &relatives[..known] {
        let EventData::RelativeIdentified(r) = ep.view.events[i].what() else {
            continue;
        };
        match notified.get(&r.person) {
            Some(&on) => latest = latest.max(Some(on)),
            None if excepted.contains(&r.person) => {}
            None => return None,
        }
    }
    Some(match latest {
        Some(on) => EveryRelative::NotifiedBy(on),
        None => EveryRelative::AllExcepted,
    })
}

/// The notices to each relative, taken together ([`every_relative_notified`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum EveryRelative {
    /// Every relative not excepted notified, the last on this date.
    NotifiedBy(chrono::NaiveDate),
    /// Every relative excepted for family or domestic violence.
    AllExcepted,
}

/// The first notice to each relative in the episode, and the relatives excepted, in one pass.
fn notices<'a>(
    ep: &EpisodeView<'a>,
) -> (
    HashMap<&'a crate::PersonId, chrono::NaiveDate>,
    HashSet<&'a crate::PersonId>,
) {
    let mut notified: HashMap<&crate::PersonId, chrono::NaiveDate> = HashMap::new();
    let mut excepted: HashSet<&crate::PersonId> = HashSet::new();
    for x in ep.events {
        match x.what() {
            EventData::RelativeNotified { person } => {
                notified.entry(person).or_insert(x.date());
            }
            EventData::RelativeNoticeExcepted { person } => {
                excepted.insert(person);
            }
            _ => {}
        }
    }
    (notified, excepted)
}

/// Each adult relative identified by the end of the episode — in it, before its removal, or in
/// an earlier episode: every removal owes its own notice (SSA §471(a)(29): "within 30 days
/// after the removal of a child") — notified within 30 days of the removal (the policy's
/// relative-notice days): removal 2024-01-10, due 2024-02-09. Met by the relative's notice in
/// the episode; waived for family or domestic violence. A child who left care before it was due
/// is still owed it, unless the policy's
/// [`RelativeNoticeAfterExit`](crate::policy::RelativeNoticeAfterExit) ends it at the exit.
pub(super) fn relative_notice_each(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let relatives = ep.view.relatives();
    let known = relatives.partition_point(|&i| i < ep.end);
    if known == 0 {
        return;
    }
    let removal = ep.removal();
    let due = super::calendar::days_after(removal, ep.view.policy.relative_notice_days());
    let owed = relative_notice_owed(ep, due);
    // The first notice and any exception of each relative, in one pass over the episode.
    let (notified, excepted) = notices(ep);
    let mut seen: HashSet<&crate::PersonId> = HashSet::new();
    for &i in &relatives[..known] {
        let EventData::RelativeIdentified(r) = ep.view.events[i].what() else {
            continue;
        };
        if !seen.insert(&r.person) {
            continue;
        }
        ep.once(ObligationKind::RelativeNoticeEach, removal, due)
            .met(notified.get(&r.person).copied())
            .owed(owed)
            .waived(
                excepted
                    .contains(&r.person)
                    .then_some(Waiver::FamilyViolence),
            )
            .about(crate::rules::Subject::Person(r.person.clone()))
            .push(out);
    }
}

/// Family time: for each plan of the episode (the events before its removal included), one
/// obligation per period of `every_days` days from the plan's date — counted from the period's
/// first day, due its last — met by the first contact held with that person in the period.
/// Periods run until the next plan for the same person, the exit, or the period holding the
/// date asked (upcoming while not met), and never past the birthday care ends on at the latest
/// (the 21st, or the policy's later care-end age). Plan 2024-03-01 every 7 days: 2024-03-01 ..= 2024-03-07,
/// 2024-03-08 ..= 2024-03-14, ...
pub(super) fn family_time(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if !ep.kinds_with_before.has(EventKind::FamilyTimePlanned) {
        return;
    }
    use crate::connections::ContactWith;
    let records: Vec<&crate::Event> = ep.before.iter().chain(ep.events).collect();
    let as_of = ep.view.as_of;
    let until = ep.view.recurring_until();
    // In one pass each: the contacts held with each person, by date, and for each plan the
    // date of the next plan for the same person (linear in the history, however many plans).
    let mut held: HashMap<&ContactWith, Vec<chrono::NaiveDate>> = HashMap::new();
    for x in &records {
        if let EventData::FamilyTimeContact(c) = x.what()
            && c.held
        {
            held.entry(&c.with).or_default().push(x.date());
        }
    }
    let mut next_plan: Vec<Option<chrono::NaiveDate>> = vec![None; records.len()];
    let mut later: HashMap<&ContactWith, chrono::NaiveDate> = HashMap::new();
    for (i, x) in records.iter().enumerate().rev() {
        if let EventData::FamilyTimePlanned { with, .. } = x.what() {
            next_plan[i] = later.insert(with, x.date());
        }
    }
    for (i, e) in records.iter().enumerate() {
        let EventData::FamilyTimePlanned { with, every_days } = e.what() else {
            continue;
        };
        if *every_days == 0 {
            continue;
        }
        // Until the next plan for the same person, or the exit, and at the latest the birthday
        // care ends on (see `View::recurring_until`).
        let end = match (next_plan[i], ep.exit) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b).unwrap_or(until),
        }
        .min(until);
        let held = held.get(with).map_or(&[][..], Vec::as_slice);
        let mut start = e.date().max(ep.removal());
        while start <= as_of && start < end {
            let next = super::calendar::days_after(start, *every_days);
            let last = super::calendar::days_after(start, every_days - 1);
            let first = held.partition_point(|d| *d < start);
            let met = held.get(first).copied().filter(|d| *d < next);
            let once = ep
                .once(ObligationKind::FamilyTime, start, last)
                .met(met)
                .owed(end > last);
            let once = match with {
                ContactWith::Person(p) => once.about(crate::rules::Subject::Person(p.clone())),
                ContactWith::Sibling(_) => once,
            };
            once.push(out);
            start = next;
        }
    }
}

/// A record that settles the contact a separation owes: a family-time plan with the sibling
/// (its frequency in days, 0 for none), or the documented exception.
#[derive(Clone, Copy)]
enum ContactRecord {
    Plan(u32),
    Excepted,
}

impl ContactRecord {
    /// Whether it provides for contact, or excuses it.
    fn settles(self) -> bool {
        !matches!(self, ContactRecord::Plan(0))
    }
}

/// Each separation from a sibling in care (as recorded that day) needs planned contact with
/// the sibling (SSA §471(a)(31)(B)): due the day of the separation; met by a family-time plan
/// with the sibling in force that day (the latest before it, with a frequency), met late by the
/// first such plan after it, overdue without one. The state's documentation that contact would
/// be contrary to the safety or well-being of any of the siblings
/// ([`EventData::SiblingContactExcepted`]), the latest record that day or the first after,
/// waives it. Linear in the history (the records of each sibling are searched by date).
pub(super) fn sibling_contact(view: &View<'_>, out: &mut Vec<Obligation>) {
    use crate::connections::ContactWith;
    if !view.kinds.has(EventKind::SiblingsSeparated) {
        return;
    }
    let events = view.events;
    // Each sibling's plans and exceptions, by date, with the position of the next record
    // that settles the contact (at or after each one).
    let mut records: HashMap<&crate::ChildId, Vec<(chrono::NaiveDate, ContactRecord)>> =
        HashMap::new();
    for e in events {
        let (sibling, record) = match e.what() {
            EventData::FamilyTimePlanned {
                with: ContactWith::Sibling(s),
                every_days,
            } => (s, ContactRecord::Plan(*every_days)),
            EventData::SiblingContactExcepted { sibling } => (sibling, ContactRecord::Excepted),
            _ => continue,
        };
        records.entry(sibling).or_default().push((e.date(), record));
    }
    let settling: HashMap<&crate::ChildId, Vec<usize>> = records
        .iter()
        .map(|(&id, list)| {
            let mut next = vec![list.len(); list.len() + 1];
            for j in (0..list.len()).rev() {
                next[j] = if list[j].1.settles() { j } else { next[j + 1] };
            }
            (id, next)
        })
        .collect();
    for (at, sibling, _) in separations_in_care(events) {
        let date = events[at].date();
        let list = records.get(sibling).map_or(&[][..], Vec::as_slice);
        let split = list.partition_point(|(on, _)| *on <= date);
        let decided = match list[..split].last() {
            Some(&(_, r)) if r.settles() => Some((date, r)),
            _ => settling
                .get(sibling)
                .and_then(|next| list.get(next[split]))
                .copied(),
        };
        let once = view.once(ObligationKind::SiblingContact, None, date, date);
        match decided {
            Some((_, ContactRecord::Excepted)) => {
                once.waived(Some(Waiver::ContraryToSafetyOrWellBeing))
            }
            Some((on, ContactRecord::Plan(_))) => once.met(Some(on)),
            None => once,
        }
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
