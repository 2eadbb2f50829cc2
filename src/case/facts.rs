//! The facts of a case derived from its history, each computed once, in one place: the stage,
//! the families by id (with every record of each, by date), placements by id, plans, episodes
//! with their events, legal parents and their rights, and trial home visits with the court
//! orders that extend them.
//!
//! Guards ([`crate::rules`]), the fold ([`Facts::fold`]) and the clocks ([`crate::timeline`]) all
//! read these facts here; none recomputes them. Every lookup is by index or hash: no fact costs
//! more to read as the history grows.

use chrono::NaiveDate;

use crate::child::Child;
use crate::date;
use crate::family::{Family, Relationship};
use crate::id::{FamilyId, PersonId, PlacementId};
use crate::placement::{EndReason, Placement};
use crate::plan::PermanencyPlan;
use crate::policy::{OverlongVisitExit, Policy};

use super::event::{Event, EventData, Finding, Manner};
use super::index::IdIndex;
use super::stage::{ExitReason, Stage};

/// One removal episode: from a removal to the exit that ends it.
///
/// An episode read back from JSON (a stored report) knows its dates, manner and exit, not its
/// place in a history: its [`removal_event`](Episode::removal_event) reads 0 and its
/// [`exit_event`](Episode::exit_event) `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Episode {
    number: u32,
    removal_date: NaiveDate,
    manner: Manner,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    removed_from: Option<FamilyId>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    exit: Option<EpisodeExit>,
    #[cfg_attr(feature = "serde", serde(skip))]
    first_placement: usize,
    #[cfg_attr(feature = "serde", serde(skip))]
    first_event: usize,
    #[cfg_attr(feature = "serde", serde(skip))]
    exit_event: Option<usize>,
}

/// How and when a removal episode ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct EpisodeExit {
    /// The exit date: the first day out of care (half-open: the episode is `[removal, exit)`).
    pub date: NaiveDate,
    /// The exit reason.
    pub reason: ExitReason,
}

impl EpisodeExit {
    /// An exit on `date` (the first day out of care) for `reason`.
    pub fn new(date: NaiveDate, reason: ExitReason) -> EpisodeExit {
        EpisodeExit { date, reason }
    }
}

impl Episode {
    /// 1 for the first removal, 2 for the first re-entry, ...
    pub fn number(&self) -> u32 {
        self.number
    }

    /// Whether this episode is a re-entry into care.
    pub fn is_reentry(&self) -> bool {
        self.number > 1
    }

    /// The removal date.
    pub fn removal_date(&self) -> NaiveDate {
        self.removal_date
    }

    /// Court order or voluntary placement agreement.
    pub fn manner(&self) -> Manner {
        self.manner
    }

    /// The household the child was removed from, when recorded.
    pub fn removed_from(&self) -> Option<&FamilyId> {
        self.removed_from.as_ref()
    }

    /// The exit, once the episode has ended.
    pub fn exit(&self) -> Option<EpisodeExit> {
        self.exit
    }

    /// The days in care, `[removal, exit)`, running to `as_of` (exclusive) while open.
    pub fn period(&self, as_of: NaiveDate) -> date::Period {
        let end = self.exit.map_or(as_of, |e| e.date).max(self.removal_date);
        date::Period::new(self.removal_date, end).unwrap_or(date::first_days(self.removal_date, 0))
    }

    /// The index in [`Case::events`](crate::Case::events) of the removal that began the episode.
    pub fn removal_event(&self) -> usize {
        self.first_event
    }

    /// The index in [`Case::events`](crate::Case::events) of the event that ended the episode:
    /// the discharge, the finalization or the death — or, for a trial home visit that outlived
    /// its limit, the later removal that showed it. The exit date may be earlier than that
    /// event's.
    pub fn exit_event(&self) -> Option<usize> {
        self.exit_event
    }

    /// The index of the episode's first placement in [`Case::placements`](crate::Case::placements).
    pub(crate) fn first_placement(&self) -> usize {
        self.first_placement
    }
}

/// A legal parent's rights, as the case's history has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum ParentalRights {
    /// The rights are intact.
    Intact,
    /// Terminated by a court on this date.
    Terminated(NaiveDate),
    /// Relinquished on this date.
    Relinquished(NaiveDate),
    /// The parent died on this date.
    Deceased(NaiveDate),
}

impl core::fmt::Display for ParentalRights {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ParentalRights::Intact => f.write_str("intact"),
            ParentalRights::Terminated(d) => write!(f, "terminated on {d}"),
            ParentalRights::Relinquished(d) => write!(f, "relinquished on {d}"),
            ParentalRights::Deceased(d) => write!(f, "deceased on {d}"),
        }
    }
}

impl ParentalRights {
    /// Whether the rights have ended (terminated, relinquished, or the parent died).
    pub fn ended(self) -> bool {
        self != ParentalRights::Intact
    }

    /// The rights as they stood on `date`: intact until the day they ended.
    pub fn on(self, date: NaiveDate) -> ParentalRights {
        match self {
            ParentalRights::Terminated(d)
            | ParentalRights::Relinquished(d)
            | ParentalRights::Deceased(d)
                if d > date =>
            {
                ParentalRights::Intact
            }
            r => r,
        }
    }
}

/// A legal parent of the child and the state of their rights.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct ParentStatus {
    /// The parent.
    pub person: PersonId,
    /// The family whose record makes them a legal parent: a birth family, or after an adoption
    /// the family that adopted.
    pub family: FamilyId,
    /// Their rights.
    pub rights: ParentalRights,
}

impl ParentStatus {
    /// `person`, a legal parent in `family`, with `rights`.
    pub fn new(person: PersonId, family: FamilyId, rights: ParentalRights) -> ParentStatus {
        ParentStatus {
            person,
            family,
            rights,
        }
    }
}

/// One trial home visit: its placement, its start, and every court order that extended (or
/// shortened) it, in the order the history has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Visit {
    placement: usize,
    start: NaiveDate,
    /// `(event index, last day of the visit the order authorizes)`, by event index.
    orders: Vec<(usize, NaiveDate)>,
}

impl Visit {
    /// The visit's start.
    pub(crate) fn start(&self) -> NaiveDate {
        self.start
    }

    /// The index of the visit's placement in the case's placements.
    pub(crate) fn placement(&self) -> usize {
        self.placement
    }

    /// The court order that governs the visit as far as the first `known` events of the history
    /// show: the latest of them. A later order replaces an earlier one — a court may shorten a
    /// visit as well as extend it (45 CFR 1356.21(e); CWPM 8.3C.5) — so the last order made is
    /// the one in force, whatever its date. This is the one reading of "the court's period"; the
    /// guards, the fold and the clocks all take it from here. `None`: no order, the policy's
    /// limit applies.
    pub(crate) fn governing_order(&self, known: usize) -> Option<NaiveDate> {
        let n = self.orders.partition_point(|(event, _)| *event < known);
        self.orders[..n].last().map(|(_, until)| *until)
    }

    /// The first day beyond the visit's authorized period as far as the first `known` events
    /// show: the start + the policy's limit (6 months), or the day after the governing order's
    /// last day when that is later. A court may authorize a longer visit, never a shorter one
    /// than the limit that brings the federal consequence. The visit may last through the day
    /// before.
    ///
    /// Visit from 2024-01-15: the first day beyond is 2024-07-15 (6 months later); a return on
    /// 2024-07-15 means the child spent 2024-01-15 ..= 2024-07-14 home, within the limit.
    pub(crate) fn first_day_beyond(&self, known: usize, policy: &Policy) -> NaiveDate {
        let limit =
            date::months_after_with(self.start, policy.visit_limit_months(), policy.month_end());
        match self.governing_order(known) {
            Some(until) => limit.max(date::days_after(until, 1)),
            None => limit,
        }
    }

    /// The day an over-long visit ended the episode, by the policy (`OverlongVisitExit`): the
    /// first day beyond its period, or the visit's start.
    pub(crate) fn deemed_exit(&self, known: usize, policy: &Policy) -> NaiveDate {
        match policy.overlong_visit_exit() {
            OverlongVisitExit::FirstDayBeyondLimit => self.first_day_beyond(known, policy),
            OverlongVisitExit::VisitStart => self.start,
        }
    }
}

/// Where the latest record of a family is: the families given at opening, or a
/// `family_recorded` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Record {
    Opening(usize),
    Event(usize),
}

/// One family of the case: where its latest record is, and every `family_recorded` event of it.
#[derive(Debug, Clone)]
struct Slot {
    latest: Record,
    records: Vec<usize>,
}

/// Whether an event of this kind ends what a same-day removal after it re-enters: an exit or a
/// close.
pub(crate) fn closes_day_segment(kind: super::event::EventKind) -> bool {
    use super::event::EventKind as K;
    matches!(
        kind,
        K::Discharge | K::AdoptionFinalized | K::Close | K::IcwaTransferredToTribe
    )
}

/// Counts `person` in (`add`) or out of `index`.
fn count(index: &mut IdIndex<PersonId, u32>, person: &PersonId, add: bool) {
    match (add, index.get_mut(person)) {
        (true, Some(n)) => *n += 1,
        (true, None) => {
            index.insert(person.clone(), 1);
        }
        (false, Some(n)) if *n > 1 => *n -= 1,
        (false, Some(_)) => {
            index.remove(person);
        }
        (false, None) => {}
    }
}

/// Pushes onto a list that usually holds one or two entries, without the four a first push
/// reserves: episodes, plans, visits and their orders are held for the life of the case.
fn push_few<T>(v: &mut Vec<T>, x: T) {
    if v.capacity() == 0 {
        v.reserve_exact(1);
    }
    v.push(x);
}

/// What a transition does to the derived facts beyond recording the event's own facts (a family
/// record, a plan, a court order, a parent's rights). Each row of the transition table names
/// one; the fold of the derived facts is the only code that carries them out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Effect {
    /// Nothing beyond the event's own facts.
    Record,
    /// Opens a new removal episode. During a trial home visit (which the table allows only once
    /// the visit outlived its limit) the open episode first ends in reunification on the date
    /// the policy gives (45 CFR 1356.21(e)): the removal is a re-entry.
    OpenEpisode,
    /// Ends the open placement for this reason and begins the event's placement (a trial home
    /// visit placement also begins a visit).
    Place(EndReason),
    /// Ends the open placement for this reason and the episode with the exit reason of the stage
    /// the row leads to (death for [`Stage::Deceased`]) — except that a trial home visit that
    /// outlived its limit before the event (a death during the visit) ended the episode in
    /// reunification on the date the policy gives, and its placement for
    /// [`EndReason::LimitExceeded`], as [`Effect::Discharge`] does.
    EndEpisode(EndReason),
    /// Like `EndEpisode(Discharged)`, except that a trial home visit that outlived its limit
    /// before the discharge ended the episode on the date the policy gives, and its placement for
    /// [`EndReason::LimitExceeded`].
    Discharge,
}

/// Everything known of a case: the child, the opening families, the accepted history, and the
/// facts derived from it. Changed only by [`Facts::fold`].
#[derive(Debug, Clone)]
pub(crate) struct Facts {
    child: Child,
    opening: Vec<Family>,
    events: Vec<Event>,
    /// For each event of `events`, its entry number (the order of entry, for the audit trail)
    /// and the segment of its day it falls in (see [`segment_for`](Facts::segment_for): almost
    /// always 0). One list for the two: one allocation, one push per event.
    order: Vec<(u32, u32)>,
    /// The last day of the history: its date, its latest segment, and whether that segment
    /// holds an exit or a close.
    day: Option<(NaiveDate, u32, bool)>,
    stage: Stage,
    /// Each family, by slot: where its latest record is, and the `family_recorded` events that
    /// recorded it, by date.
    slots: Vec<Slot>,
    family_slot: IdIndex<FamilyId, usize>,
    placements: Vec<Placement>,
    placement_slot: IdIndex<PlacementId, usize>,
    plans: Vec<PermanencyPlan>,
    episodes: Vec<Episode>,
    rights: IdIndex<PersonId, ParentalRights>,
    /// For each parent of the families' latest records (before any adoption), in how many of
    /// those records they are one (a person may be a legal parent in two birth-family records).
    legal_count: IdIndex<PersonId, u32>,
    /// For each putative (alleged) father of the families' latest records, in how many of those
    /// records he is one.
    putative_count: IdIndex<PersonId, u32>,
    /// The slot of the family that adopted the child in the latest finalized adoption: from then
    /// on its legal-parent members are the child's legal parents (SSA §475(2)).
    adopted_by: Option<usize>,
    /// The indexes in `placements` of the placements for adoption made while a legal parent's
    /// rights were intact (legal-risk placements), in order.
    legal_risk: Vec<usize>,
    visits: Vec<Visit>,
    /// Court orders authorizing a trial home visit's period made in foster care before the
    /// visit began (at the hearing that authorizes it): they govern the episode's next visit.
    /// `(event index, last day)`, by event index; cleared when the episode ends.
    waiting_orders: Vec<(usize, NaiveDate)>,
    /// Whether an `icwa_status_determined` event of the history found that ICWA applies: with
    /// the child's record, whether it may apply on any date ([`Facts::icwa_may_apply`]).
    icwa_determined: bool,
    /// The siblings recorded and the relatives identified so far: a notice or an arrangement
    /// naming one is checked in constant time, however long the history.
    connections: Connections,
}

/// The siblings recorded and the relatives identified in a history (see [`Facts::is_sibling`],
/// [`Facts::is_relative`]).
#[derive(Debug, Clone, Default)]
struct Connections {
    siblings: IdIndex<crate::ChildId, ()>,
    relatives: IdIndex<PersonId, ()>,
}

impl Facts {
    /// The facts of a case with no event yet.
    ///
    /// # Errors
    ///
    /// [`Error::Duplicate`](crate::Error::Duplicate) if two families share an id.
    pub(crate) fn open(child: Child, opening: Vec<Family>) -> Result<Facts, crate::Error> {
        let mut facts = Facts {
            child,
            opening: Vec::new(),
            events: Vec::new(),
            order: Vec::new(),
            day: None,
            stage: Stage::Intake,
            slots: Vec::with_capacity(opening.len()),
            // Room for the opening families: no regrowth while they are read.
            family_slot: IdIndex::with_capacity(opening.len()),
            placements: Vec::new(),
            placement_slot: IdIndex::default(),
            plans: Vec::new(),
            episodes: Vec::new(),
            rights: IdIndex::default(),
            legal_count: IdIndex::default(),
            putative_count: IdIndex::default(),
            adopted_by: None,
            legal_risk: Vec::new(),
            visits: Vec::new(),
            waiting_orders: Vec::new(),
            icwa_determined: false,
            connections: Connections::default(),
        };
        for (i, f) in opening.iter().enumerate() {
            if facts.family_slot.insert(f.id().clone(), i).is_some() {
                return Err(crate::Error::Duplicate {
                    what: "family",
                    id: f.id().as_str().to_owned(),
                });
            }
            facts.slots.push(Slot {
                latest: Record::Opening(i),
                records: Vec::new(),
            });
        }
        facts.opening = opening;
        for slot in 0..facts.opening.len() {
            facts.count_legal_parents(slot, true);
        }
        Ok(facts)
    }

    /// Takes the events folded so far back out, as the dated history they were folded from
    /// (entry number, segment, event), and leaves the facts as the case opened: for a load that
    /// folded its entries as it read them until one had to be sorted, corrected or refused.
    pub(crate) fn unfold(&mut self) -> Vec<super::history::Dated> {
        let order = std::mem::take(&mut self.order);
        let events = std::mem::take(&mut self.events);
        let opening = std::mem::take(&mut self.opening);
        // The opening was valid when the case opened: its families are unique.
        *self = match Facts::open(self.child.clone(), opening) {
            Ok(f) => f,
            Err(_) => unreachable!("a case's opening families were checked when it opened"),
        };
        order
            .into_iter()
            .zip(events)
            .map(|((seq, segment), event)| (seq, segment, event))
            .collect()
    }

    /// The child, corrected before any event is folded (a replay's child correction).
    pub(crate) fn correct_child(&mut self, child: Child) {
        debug_assert!(self.events.is_empty(), "corrected before the first event");
        self.child = child;
    }

    /// Room for the events of `room` more: the history's lists grow once, not event by event.
    pub(crate) fn reserve(&mut self, room: super::history::Room) {
        self.events.reserve(room.events);
        self.order.reserve(room.events);
        self.placements.reserve_exact(room.placements);
        self.placement_slot.reserve(room.placements);
        self.episodes.reserve_exact(room.removals);
        self.plans.reserve_exact(room.plans);
    }

    /// The entry number and the segment of its day of each event of the dated history.
    pub(crate) fn order(&self) -> &[(u32, u32)] {
        &self.order
    }

    /// The segment of its day an event entered now falls in. A day's events are ordered by
    /// their kind's rank ([`EventKind::day_rank`](super::event::EventKind::day_rank)) within a
    /// segment; a removal entered after an exit or a close of the same day is a re-entry that
    /// day, and opens the next segment: it, and the events of the day entered after it, follow
    /// the exit.
    pub(crate) fn segment_for(&self, event: &Event) -> u32 {
        let date = event.date();
        let (top, boundary) = match self.day {
            None => return 0,
            Some((last, ..)) if last < date => return 0,
            Some((last, top, boundary)) if last == date => (top, boundary),
            Some(_) => {
                // An earlier day: read its events (an entry this late rebuilds the history).
                let a = self.events.partition_point(|e| e.date() < date);
                let b = self.events.partition_point(|e| e.date() <= date);
                if a == b {
                    return 0;
                }
                let top = self.order[b - 1].1;
                let boundary = (a..b)
                    .rev()
                    .take_while(|&i| self.order[i].1 == top)
                    .any(|i| closes_day_segment(self.events[i].kind()));
                (top, boundary)
            }
        };
        if boundary && event.kind().opens_day_segment() {
            top + 1
        } else {
            top
        }
    }

    pub(crate) fn child(&self) -> &Child {
        &self.child
    }

    /// The child's ICWA status on `date`: the last `icwa_status_determined` dated on or before
    /// it, else the child's record.
    pub(crate) fn indian_child_status_on(&self, date: NaiveDate) -> &crate::IndianChildStatus {
        let n = self.events.partition_point(|e| e.date() <= date);
        self.events[..n]
            .iter()
            .rev()
            .find_map(|e| match e.what() {
                EventData::IcwaStatusDetermined(s) => Some(s),
                _ => None,
            })
            .unwrap_or(self.child.indian_child_status())
    }

    /// Whether ICWA may apply on some date: the child's record says it does, or an
    /// `icwa_status_determined` event found it does. When not, [`indian_child_status_on`]
    /// never answers that it applies, and the ICWA clocks owe nothing (read without walking the
    /// history).
    ///
    /// [`indian_child_status_on`]: Facts::indian_child_status_on
    pub(crate) fn icwa_may_apply(&self) -> bool {
        self.icwa_determined || self.child.indian_child_status().icwa_applies()
    }

    pub(crate) fn opening(&self) -> &[Family] {
        &self.opening
    }

    pub(crate) fn events(&self) -> &[Event] {
        &self.events
    }

    /// The date of the last accepted event.
    pub(crate) fn last_date(&self) -> Option<NaiveDate> {
        self.events.last().map(Event::date)
    }

    pub(crate) fn stage(&self) -> Stage {
        self.stage
    }

    fn resolve(&self, r: Record) -> &Family {
        match r {
            Record::Opening(i) => &self.opening[i],
            Record::Event(i) => match self.events[i].what() {
                EventData::FamilyRecorded(f) => f,
                _ => unreachable!("family records point at family_recorded events"),
            },
        }
    }

    /// Every family, in its latest record, in the order they entered the case.
    pub(crate) fn families(&self) -> impl Iterator<Item = &Family> + '_ {
        self.slots.iter().map(|s| self.resolve(s.latest))
    }

    /// The latest record of family `id`.
    pub(crate) fn family(&self, id: &FamilyId) -> Option<&Family> {
        let slot = *self.family_slot.get(id)?;
        Some(self.resolve(self.slots[slot].latest))
    }

    /// Family `id` as recorded on `date`: its last `family_recorded` event dated on or before
    /// `date`, else its record at opening.
    pub(crate) fn family_on(&self, id: &FamilyId, date: NaiveDate) -> Option<&Family> {
        let slot = *self.family_slot.get(id)?;
        self.family_on_slot(slot, date)
    }

    /// Every family known on `date`, as recorded on that day, in the order they entered the
    /// case: [`family_on`](Facts::family_on) of each family, read by slot without looking
    /// its id up again.
    pub(crate) fn families_on(&self, date: NaiveDate) -> impl Iterator<Item = &Family> + '_ {
        (0..self.slots.len()).filter_map(move |slot| self.family_on_slot(slot, date))
    }

    /// Every record of family `id` in the order it was made, each with the date it takes
    /// effect: `None` for the record at opening (in effect before any event), else the date of
    /// its `family_recorded` event. Empty for a family the case does not know. Read by the
    /// kinship-guardianship clock and the unlicensed-placement clock, which judge each day of a
    /// stay by the record in effect that day.
    pub(crate) fn family_records(&self, id: &FamilyId) -> Vec<(Option<NaiveDate>, &Family)> {
        let Some(&slot) = self.family_slot.get(id) else {
            return Vec::new();
        };
        let events = &self.slots[slot].records;
        let mut out = Vec::with_capacity(events.len() + 1);
        // A family that entered the case after it opened has no record at opening.
        if let Some(f) = self.opening.get(slot) {
            out.push((None, f));
        }
        out.extend(
            events
                .iter()
                .map(|&i| (Some(self.events[i].date()), self.resolve(Record::Event(i)))),
        );
        out
    }

    /// The one record of family `id`, with the date it takes effect as in
    /// [`family_records`](Self::family_records), when it has exactly one (most families): read
    /// without building the list.
    pub(crate) fn only_record(&self, id: &FamilyId) -> Option<(Option<NaiveDate>, &Family)> {
        let &slot = self.family_slot.get(id)?;
        match (self.opening.get(slot), self.slots[slot].records.as_slice()) {
            (Some(f), []) => Some((None, f)),
            (None, &[i]) => Some((Some(self.events[i].date()), self.resolve(Record::Event(i)))),
            _ => None,
        }
    }

    /// The family at `slot` as recorded on `date`.
    fn family_on_slot(&self, slot: usize, date: NaiveDate) -> Option<&Family> {
        let records = &self.slots[slot].records;
        let n = records.partition_point(|i| self.events[*i].date() <= date);
        match n {
            // A family that entered the case after it opened is unknown before its first record.
            0 => self.opening.get(slot),
            n => Some(self.resolve(Record::Event(records[n - 1]))),
        }
    }

    pub(crate) fn placements(&self) -> &[Placement] {
        &self.placements
    }

    /// The placement in progress, if any.
    pub(crate) fn current_placement(&self) -> Option<&Placement> {
        self.placements.last().filter(|p| p.is_open())
    }

    /// The placement with this id.
    pub(crate) fn placement(&self, id: &PlacementId) -> Option<&Placement> {
        self.placement_slot.get(id).map(|i| &self.placements[*i])
    }

    pub(crate) fn plans(&self) -> &[PermanencyPlan] {
        &self.plans
    }

    pub(crate) fn current_plan(&self) -> Option<&PermanencyPlan> {
        self.plans.last()
    }

    pub(crate) fn episodes(&self) -> &[Episode] {
        &self.episodes
    }

    /// The placements of `episode`.
    pub(crate) fn episode_placements(&self, episode: &Episode) -> &[Placement] {
        let end = self
            .episodes
            .get(episode.number as usize)
            .map_or(self.placements.len(), |next| next.first_placement);
        &self.placements[episode.first_placement.min(end)..end]
    }

    /// The index range in [`events`](Facts::events) of the events of `episode`: from its removal
    /// to the next removal (or the end of the history).
    pub(crate) fn episode_events(&self, episode: &Episode) -> core::ops::Range<usize> {
        let end = self
            .episodes
            .get(episode.number as usize)
            .map_or(self.events.len(), |next| next.first_event);
        episode.first_event..end
    }

    /// The rights of `person`: intact until an event ends them.
    pub(crate) fn parental_rights(&self, person: &PersonId) -> ParentalRights {
        self.rights
            .get(person)
            .copied()
            .unwrap_or(ParentalRights::Intact)
    }

    /// Whether `person` is a legal parent of the child now: one of a family's latest record's
    /// [`parents_before_adoption`](Family::parents_before_adoption) until the first finalized
    /// adoption, then a legal-parent member of
    /// the latest record of the family that adopted (SSA §475(2): "biological or adoptive"). An
    /// index read, or one family's members after an adoption.
    pub(crate) fn is_legal_parent(&self, person: &PersonId) -> bool {
        match self.adopted_by {
            Some(slot) => self
                .resolve(self.slots[slot].latest)
                .member(person)
                .is_some_and(|m| m.is_legal_parent()),
            None => self.legal_count.get(person).is_some(),
        }
    }

    /// Whether `person` is a putative (alleged) father in a family's latest record, before any
    /// adoption: a father whose rights a court may end although paternity is not established
    /// (AFCARS 1993 TPRDADDT: "legal or putative father").
    pub(crate) fn is_putative_father(&self, person: &PersonId) -> bool {
        self.adopted_by.is_none() && self.putative_count.get(person).is_some()
    }

    /// The family that adopted the child in the latest finalized adoption, if any.
    pub(crate) fn adopted_by(&self) -> Option<&Family> {
        self.adopted_by
            .map(|slot| self.resolve(self.slots[slot].latest))
    }

    /// The legal parents, in family and member order, each with the state of their rights: the
    /// [`parents_before_adoption`](Family::parents_before_adoption) of the families' latest
    /// records until the first finalized adoption, then those of the family that adopted. A walk over the families: read only by
    /// the adoption rules and the public accessor; "is this person a legal parent" is
    /// [`is_legal_parent`](Facts::is_legal_parent).
    pub(crate) fn legal_parents(&self) -> impl Iterator<Item = ParentStatus> + '_ {
        let adoptive = self.adopted_by();
        self.families()
            .filter(move |f| adoptive.is_none_or(|a| f.id() == a.id()))
            .flat_map(move |f| {
                f.members()
                    .iter()
                    .filter(move |m| match adoptive {
                        Some(_) => m.is_legal_parent(),
                        None => f.is_parent_before_adoption(m),
                    })
                    .map(move |m| ParentStatus {
                        person: m.person().id().clone(),
                        family: f.id().clone(),
                        rights: self.parental_rights(m.person().id()),
                    })
            })
    }

    /// Whether the placement at `index` of [`placements`](Facts::placements) is a legal-risk
    /// placement: a placement for adoption made while a legal parent's rights were intact (or
    /// none was recorded).
    pub(crate) fn is_legal_risk(&self, index: usize) -> bool {
        self.legal_risk.binary_search(&index).is_ok()
    }

    /// The indexes of the legal-risk placements, in order.
    pub(crate) fn legal_risk(&self) -> &[usize] {
        &self.legal_risk
    }

    /// The latest trial home visit of the open (or last) episode, ended or not.
    pub(crate) fn last_visit_of_episode(&self) -> Option<&Visit> {
        let first = self.episodes.last()?.first_placement;
        self.visits.last().filter(|v| v.placement >= first)
    }

    /// The trial home visit in progress: the visit whose placement is open.
    pub(crate) fn visit_in_progress(&self) -> Option<&Visit> {
        let v = self.visits.last()?;
        (v.placement + 1 == self.placements.len() && self.placements[v.placement].is_open())
            .then_some(v)
    }

    /// Whether the case's latest trial home visit ended on `date`: a court order of that day was
    /// made while it was under way (the court's findings follow the day's moves), as the
    /// extension rule's `ended_today` reads it.
    fn visit_ended_on(&self, date: NaiveDate) -> bool {
        self.visits.last().is_some_and(|v| {
            self.placements[v.placement]
                .end()
                .is_some_and(|e| e.date == date)
        })
    }

    /// Whether the history so far records `child` as a sibling of the child.
    pub(crate) fn is_sibling(&self, child: &crate::ChildId) -> bool {
        self.connections.siblings.get(child).is_some()
    }

    /// Whether the history so far identifies `person` as a relative of the child.
    pub(crate) fn is_relative(&self, person: &PersonId) -> bool {
        self.connections.relatives.get(person).is_some()
    }

    pub(crate) fn visits(&self) -> &[Visit] {
        &self.visits
    }

    /// Folds an accepted event into the facts and appends it to the history: records the
    /// event's own facts, runs the row's `effect`, and moves to `next`, the stage the row
    /// resolved. The only code that changes a case.
    pub(crate) fn fold(
        &mut self,
        event: Event,
        (seq, segment): (u32, u32),
        effect: Effect,
        next: Stage,
        caregiver: Option<FamilyId>,
        policy: &Policy,
    ) {
        let index = self.events.len();
        let date = event.date();
        let closes = closes_day_segment(event.kind());
        self.day = match self.day {
            Some((d, top, boundary)) if d == date && segment == top => {
                Some((d, top, boundary || closes))
            }
            _ => Some((date, segment, closes)),
        };
        self.events.push(event);
        self.order.push((seq, segment));
        self.record(index);
        match effect {
            Effect::Record => {}
            Effect::OpenEpisode => {
                // A removal during a visit is allowed only once the visit outlived its limit
                // (the row's guard): the episode ended in reunification on the policy's date.
                if let Some(v) = self.visit_in_progress() {
                    let exit = v.deemed_exit(index, policy);
                    self.end_placement(exit, EndReason::LimitExceeded);
                    self.end_episode(exit, ExitReason::Reunified, index);
                }
                let removal = match self.events[index].what() {
                    EventData::Removal(r) => r,
                    _ => unreachable!("OpenEpisode rows are removal rows"),
                };
                let number = self.episodes.len() as u32 + 1;
                push_few(
                    &mut self.episodes,
                    Episode {
                        number,
                        removal_date: date,
                        manner: removal.manner,
                        removed_from: removal.from.clone(),
                        exit: None,
                        first_placement: self.placements.len(),
                        first_event: index,
                        exit_event: None,
                    },
                );
            }
            Effect::Place(reason) => {
                self.end_placement(date, reason);
                // The caregiver's id is the family's: keep one allocation of it per case.
                if let Some(shared) = caregiver
                    && let Some(np) = self.events[index].what_mut().new_placement_mut()
                {
                    np.share_caregiver(shared);
                }
                if let Some(np) = self.events[index].what().new_placement()
                    && let Ok(p) = Placement::begin(np.clone(), date)
                {
                    let slot = self.placements.len();
                    self.placement_slot.insert(p.id().clone(), slot);
                    if p.setting().is_trial_home_visit() {
                        push_few(
                            &mut self.visits,
                            Visit {
                                placement: slot,
                                start: date,
                                orders: std::mem::take(&mut self.waiting_orders),
                            },
                        );
                    }
                    self.placements.push(p);
                }
            }
            Effect::EndEpisode(reason) => {
                let exit = match next {
                    Stage::Exited(r) => r,
                    _ => ExitReason::Death,
                };
                match self.visit_in_progress() {
                    // A visit that outlived its limit before the event (a death during it)
                    // already ended the episode in reunification on the policy's date (45 CFR
                    // 1356.21(e)); the event comes after that exit.
                    Some(v) if date > v.first_day_beyond(index, policy) => {
                        let deemed = v.deemed_exit(index, policy);
                        self.end_placement(deemed, EndReason::LimitExceeded);
                        self.end_episode(deemed, ExitReason::Reunified, index);
                    }
                    _ => {
                        self.end_placement(date, reason);
                        self.end_episode(date, exit, index);
                    }
                }
            }
            Effect::Discharge => {
                let Stage::Exited(exit) = next else {
                    unreachable!("discharge rows lead to an exit")
                };
                match self.visit_in_progress() {
                    Some(v) if date > v.first_day_beyond(index, policy) => {
                        let deemed = v.deemed_exit(index, policy);
                        self.end_placement(deemed, EndReason::LimitExceeded);
                        self.end_episode(deemed, exit, index);
                    }
                    _ => {
                        self.end_placement(date, EndReason::Discharged);
                        self.end_episode(date, exit, index);
                    }
                }
            }
        }
        self.stage = next;
    }

    /// Records the facts the event at `index` states, whatever its row: a family's record, a
    /// plan, a court order extending a visit, a parent's rights ending.
    fn record(&mut self, index: usize) {
        let event = &self.events[index];
        let date = event.date();
        match event.what() {
            EventData::FamilyRecorded(f) => {
                let id = f.id().clone();
                let slot = match self.family_slot.get(&id).copied() {
                    Some(slot) => {
                        // The record it replaces no longer names its legal parents.
                        self.count_legal_parents(slot, false);
                        slot
                    }
                    None => {
                        let slot = self.slots.len();
                        self.family_slot.insert(id, slot);
                        self.slots.push(Slot {
                            latest: Record::Event(index),
                            records: Vec::new(),
                        });
                        slot
                    }
                };
                self.slots[slot].latest = Record::Event(index);
                push_few(&mut self.slots[slot].records, index);
                self.count_legal_parents(slot, true);
            }
            EventData::IcwaStatusDetermined(status) => {
                self.icwa_determined |= status.icwa_applies();
            }
            EventData::SiblingRecorded(s) => {
                self.connections.siblings.insert(s.child.clone(), ());
            }
            EventData::RelativeIdentified(r) => {
                self.connections.relatives.insert(r.person.clone(), ());
            }
            EventData::PlanSet(goals) => {
                if let Ok(plan) = PermanencyPlan::new(goals.clone(), date) {
                    push_few(&mut self.plans, plan);
                }
            }
            EventData::CourtFinding(Finding::VisitExtended { until }) => {
                let until = *until;
                if self.visit_in_progress().is_some()
                    && let Some(v) = self.visits.last_mut()
                {
                    push_few(&mut v.orders, (index, until));
                } else if self.stage == Stage::FosterCare && !self.visit_ended_on(date) {
                    push_few(&mut self.waiting_orders, (index, until));
                }
            }
            // A court's order on rights the parent relinquished: they ended with the
            // relinquishment, and keep its date (what was owed before the order stays owed).
            EventData::ParentalRightsTerminated { parent }
                if !matches!(
                    self.rights.get(parent),
                    Some(ParentalRights::Relinquished(_))
                ) =>
            {
                self.rights
                    .insert(parent.clone(), ParentalRights::Terminated(date));
            }
            EventData::ParentalRightsRelinquished { parent } => {
                self.rights
                    .insert(parent.clone(), ParentalRights::Relinquished(date));
            }
            // A parent whose rights ended keeps that ending: the death is in the history.
            EventData::ParentDeceased { parent } if !self.parental_rights(parent).ended() => {
                self.rights
                    .insert(parent.clone(), ParentalRights::Deceased(date));
            }
            // A consent to a termination or an adoption withdrawn before the final decree
            // (25 U.S.C. 1913(c)): the relinquishment it gave no longer ends the rights.
            EventData::IcwaConsentWithdrawn(w)
                if w.to.ends_at_decree()
                    && matches!(
                        self.rights.get(&w.person),
                        Some(ParentalRights::Relinquished(_))
                    ) =>
            {
                self.rights.remove(&w.person);
            }
            EventData::PlacedForAdoption(home) => {
                // The placement this event begins takes the next index (the effect runs after).
                // At legal risk: no legal parent recorded, or one whose rights are intact and who
                // is not of the adopting family (a step-parent adoption keeps that parent's).
                let risk = {
                    let adopting = home.caregiver().and_then(|f| self.family(f));
                    let mut parents = self.legal_parents().peekable();
                    parents.peek().is_none()
                        || parents.any(|p| {
                            !p.rights.ended()
                                && adopting.is_none_or(|f| f.member(&p.person).is_none())
                        })
                };
                if risk {
                    push_few(&mut self.legal_risk, self.placements.len());
                }
            }
            EventData::AdoptionFinalized => {
                // The family of the adoptive placement in progress adopted the child.
                if let Some(slot) = self
                    .current_placement()
                    .and_then(|p| p.caregiver())
                    .and_then(|f| self.family_slot.get(f).copied())
                {
                    self.adopted_by = Some(slot);
                }
            }
            _ => {}
        }
    }

    /// Counts the parents (before any adoption: [`Family::parents_before_adoption`]) and the
    /// putative fathers (of any family) of the family at `slot` in (`add`) or out of their
    /// indexes.
    fn count_legal_parents(&mut self, slot: usize, add: bool) {
        let family = match self.slots[slot].latest {
            Record::Opening(i) => &self.opening[i],
            Record::Event(i) => match self.events[i].what() {
                EventData::FamilyRecorded(f) => &**f,
                _ => return,
            },
        };
        for m in family.members() {
            let index = if family.is_parent_before_adoption(m) {
                &mut self.legal_count
            } else if m.relationship() == Relationship::PutativeFather {
                &mut self.putative_count
            } else {
                continue;
            };
            count(index, m.person().id(), add);
        }
    }

    fn end_placement(&mut self, date: NaiveDate, reason: EndReason) {
        if let Some(p) = self.placements.last_mut().filter(|p| p.is_open()) {
            let on = date.max(p.start());
            p.end_at(on, reason);
        }
    }

    fn end_episode(&mut self, date: NaiveDate, reason: ExitReason, event: usize) {
        self.waiting_orders.clear();
        if let Some(e) = self.episodes.last_mut().filter(|e| e.exit.is_none()) {
            e.exit = Some(EpisodeExit {
                date: date.max(e.removal_date),
                reason,
            });
            e.exit_event = Some(event);
        }
    }
}
