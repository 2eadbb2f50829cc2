//! The order of a case's history, and its corrections.
//!
//! A case keeps two orders of its events. The **dated history** (what the rules, the fold and
//! the clocks read) is sorted by date, then by the canonical rank of the kind within a day
//! ([`EventKind::day_rank`]), then by the order of entry. The **order of entry** is the audit
//! trail: every entry as it was made, corrections and what they replaced included.
//!
//! An event that sorts after every event of the case is checked and folded at the end: the
//! usual path, in constant time. One that sorts earlier (entered late, or entered before an
//! event of its day that the canonical order puts first) is placed at its date and every later
//! event is checked again: the derived facts are rebuilt from the opening, in one pass. A
//! correction rebuilds them the same way. Either is refused when the rebuilt history would
//! refuse any event, naming it, and the case is left as it was.
//!
//! A replay sorts its history first, so a history in any order costs O(n log n), never the
//! rebuild per late event an entry-by-entry load would.

use crate::child::Child;
use crate::family::Family;
use crate::id::EntryId;
use crate::policy::Policy;
use crate::rules::{Check, Rejection, RuleId, Violation};

use super::event::{Event, EventKind};
use super::facts::Facts;
use super::index::IdIndex;
use super::transitions;
pub(crate) use crate::rules::corrections::{Fix, fix, named_entry};

/// What the dated history does not show: the number of entries made, the entries the history
/// holds no longer (corrections, and what they voided, amended or vacated), the entry ids in
/// use, and the child as the case opened when a correction changed it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Log {
    /// The number the next entry gets (entries are numbered from 0 in the order of entry).
    pub(crate) next: u32,
    /// Entries set aside, by entry number: every correction, and every entry a correction
    /// replaced.
    pub(crate) aside: Vec<(u32, Event)>,
    /// Every entry id given so far.
    pub(crate) ids: IdIndex<EntryId, ()>,
    /// The child as the case opened, once a correction changed the child.
    pub(crate) opened_child: Option<Child>,
}

/// One event of a dated history with its place: its entry number, the segment of its day it
/// falls in, the event.
pub(crate) type Dated = (u32, u32, Event);

/// Sorts a dated history: by date, segment of the day, rank within the day, then entry number.
pub(crate) fn sort(history: &mut [Dated]) {
    history.sort_by_key(|(seq, segment, e)| (e.order_key(*segment), *seq));
}

/// Whether a day (its events) may need reading again: it holds both an opening (a removal,
/// `open_preservation`, `reopen`) and an exit or a close ([`reread_reentry`]), or two moves of
/// the child ([`reorder_moves`]). Most days do not, and most histories have no such day: they
/// are folded without looking at their days.
fn may_reread<'a>(day: impl Iterator<Item = &'a Event>) -> bool {
    let (mut opening, mut exit, mut movers) = (false, false, 0u8);
    for e in day {
        let kind = e.kind();
        opening |= kind.opens_day_segment();
        exit |= super::facts::closes_day_segment(kind);
        movers = movers.saturating_add(u8::from(kind.moves_child()));
    }
    (opening && exit) || movers > 1
}

/// Whether a dated history holds a day [`may_reread`].
fn has_day_to_reread(history: &[Dated]) -> bool {
    history
        .chunk_by(|a, b| a.2.date() == b.2.date())
        .any(|day| day.len() > 1 && may_reread(day.iter().map(|(_, _, e)| e)))
}

/// Reads one day again (`day`: its events in dated order, the case's facts those of the day
/// before) only when it cannot be read as it is: when [`step`] refuses one of its events in
/// that order. A removal, an exit and a close of one day out of care (removed, discharged to a
/// relative, the services closed) read as they are; only a day that cannot is put in the order
/// of [`reread_reentry`], then [`reorder_moves`].
fn reread_day(facts: &Facts, day: &mut [Dated]) {
    // In the day's own order first (a rebuild hands out the order a reading before chose, from
    // other facts maybe): what the day is read as depends on its events and the facts before
    // it, never on the path that folds it.
    sort(day);
    if reads_as_keyed(facts, day) || join_stay(facts, day) {
        return;
    }
    reread_reentry(facts, day);
    reorder_moves(facts, day);
}

/// Reads one day, begun out of care, that lists an exit before its removal (a legacy export
/// sorted by date and action name puts "discharge" before "removal"): the exit, with no stay
/// to end, can only end the stay the removal begins that day. The removal's segment joins the
/// exit's, where the order within a day puts the removal first — when the day then reads as
/// it is ([`reads_as_keyed`]); otherwise the day is left to [`reread_reentry`]. Whether it
/// joined them.
fn join_stay(facts: &Facts, day: &mut [Dated]) -> bool {
    let stage = facts.stage();
    let Some(&(_, first, _)) = day.first() else {
        return false;
    };
    let stranded = day.iter().any(|(_, s, e)| {
        *s == first
            && super::facts::closes_day_segment(e.kind())
            && e.kind() != EventKind::Close
            && transitions::find(stage.kind(), e.kind()).is_none()
    });
    let removal_next = day
        .iter()
        .any(|(_, s, e)| *s == first + 1 && e.kind() == EventKind::Removal);
    if stage.in_care() || !stranded || !removal_next {
        return false;
    }
    let mut joined = day.to_vec();
    for (_, segment, _) in &mut joined {
        if *segment > first {
            *segment -= 1;
        }
    }
    sort(&mut joined);
    if !reads_as_keyed(facts, &joined) {
        return false;
    }
    day.clone_from_slice(&joined);
    true
}

/// Whether [`step`] accepts every event of `day`, in its order, from the case's facts.
fn reads_as_keyed(facts: &Facts, day: &[Dated]) -> bool {
    day.iter()
        .try_fold(start_of(facts), |s, (_, _, e)| step(s, e))
        .is_some()
}

/// The stage and the open setting of the case's facts, for [`step`].
fn start_of(facts: &Facts) -> (super::stage::StageKind, Open) {
    let open = match facts.current_placement() {
        None => Open::None,
        Some(p) if p.setting().is_runaway() => Open::Runaway,
        Some(_) => Open::Home,
    };
    (facts.stage().kind(), open)
}

/// Where the child is, as far as the order of a day's moves needs to know: no setting open, an
/// ordinary setting (a home, a facility, a visit), runaway status, or not known (after an event
/// that opens or ends an episode, which the model does not follow; anything is then possible).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    Home,
    Runaway,
    Unknown,
}

/// The stage and the open setting after `event`, or `None` when the table or the placement
/// rules certainly refuse it there: no row from the stage; a `placement_begun` while a setting
/// is open ([`RuleId::PlacementAlreadyOpen`]); a `placement_changed` with no ordinary setting
/// open, a `returned_from_runaway` not on runaway status, a `ran_away` already on it
/// ([`RuleId::PlacementEventMismatch`]). A model of those rules only: an order it accepts is
/// still checked by every rule when folded.
fn step(
    (stage, open): (super::stage::StageKind, Open),
    event: &Event,
) -> Option<(super::stage::StageKind, Open)> {
    use super::facts::Effect;
    use EventKind as K;
    let kind = event.kind();
    let row = transitions::find(stage, kind)?;
    let fits = open == Open::Unknown
        || match kind {
            K::PlacementBegun => open == Open::None,
            K::PlacementChanged => open == Open::Home,
            K::ReturnedFromRunaway => open == Open::Runaway,
            K::RanAway => open != Open::Runaway,
            _ => true,
        };
    if !fits {
        return None;
    }
    let open = match row.effect() {
        Effect::Record => open,
        Effect::Place(_) => match event.what().new_placement() {
            Some(p) if p.setting().is_runaway() => Open::Runaway,
            Some(_) => Open::Home,
            None => Open::Unknown,
        },
        Effect::OpenEpisode | Effect::EndEpisode(_) | Effect::Discharge => Open::Unknown,
    };
    Some((row.to().stage_kind(stage), open))
}

/// Whether `event`, a move refused at the end of a case's history in `segment` of its day,
/// shares that segment with another move, which it may have preceded ([`reorder_moves`]).
pub(crate) fn may_reorder_with(facts: &Facts, event: &Event, segment: u32) -> bool {
    event.kind().moves_child()
        && facts
            .order()
            .iter()
            .zip(facts.events())
            .rev()
            .take_while(|(_, e)| e.date() == event.date())
            .any(|((_, s), e)| *s == segment && e.kind().moves_child())
}

/// The most moves of one day [`reorder_moves`] puts in order, and the most steps of the model
/// it takes to find the order: a hostile day costs no more than a bounded search.
const MOST_MOVES: usize = 8;
const MOST_STEPS: u32 = 2_000;

/// Puts the moves of one day (`day`: its events in dated order, the case's facts those of the
/// day before) in the order they can have happened in, when the order they were keyed in cannot
/// be: a `ran_away` keyed before the `placement_changed` the child ran from, a return from
/// runaway keyed before the running away, the end of a trial home visit keyed after the move
/// that followed it. The order chosen is the first, taking the moves as keyed, in which
/// [`step`] accepts every event of the day; each move stays in its segment of the day and
/// every other event in its place. When the order keyed can be, or no order can, or the day
/// is past the search's bounds, the day is left as it is (and its refusal, if any, stands).
/// The choice depends only on the facts before the day and the day's events in dated order,
/// so every path that folds the day (an entry, a replay, a rebuild) reads it the same.
fn reorder_moves(facts: &Facts, day: &mut [Dated]) {
    let movers: Vec<usize> = (0..day.len())
        .filter(|&i| day[i].2.kind().moves_child())
        .collect();
    if movers.len() < 2 || movers.len() > MOST_MOVES {
        return;
    }
    if reads_as_keyed(facts, day) {
        return;
    }
    let start = start_of(facts);
    struct Search<'a> {
        day: &'a [Dated],
        movers: &'a [usize],
        used: Vec<bool>,
        order: Vec<usize>,
        steps: u32,
    }
    impl Search<'_> {
        /// Whether positions `at..` can be filled from `state`, filling `order`. The events
        /// between two moves are stepped through in a loop: the recursion is as deep as the
        /// day's moves (at most [`MOST_MOVES`]), however long the day.
        fn fill(&mut self, mut at: usize, mut state: (super::stage::StageKind, Open)) -> bool {
            let pushed = self.order.len();
            while let Some((_, _, here)) = self.day.get(at)
                && !here.kind().moves_child()
            {
                let next = if self.steps == 0 {
                    None
                } else {
                    self.steps -= 1;
                    step(state, here)
                };
                let Some(next) = next else {
                    self.order.truncate(pushed);
                    return false;
                };
                state = next;
                self.order.push(at);
                at += 1;
            }
            let Some(&(_, segment, _)) = self.day.get(at) else {
                return true;
            };
            let candidates: Vec<usize> = self
                .movers
                .iter()
                .copied()
                .filter(|&j| !self.used[j] && self.day[j].1 == segment)
                .collect();
            for j in candidates {
                if self.steps == 0 {
                    return false;
                }
                self.steps -= 1;
                let Some(next) = step(state, &self.day[j].2) else {
                    continue;
                };
                self.used[j] = true;
                self.order.push(j);
                if self.fill(at + 1, next) {
                    return true;
                }
                self.order.pop();
                self.used[j] = false;
            }
            self.order.truncate(pushed);
            false
        }
    }
    let mut search = Search {
        day,
        movers: &movers,
        used: vec![false; day.len()],
        order: Vec::with_capacity(day.len()),
        steps: MOST_STEPS,
    };
    if search.fill(0, start) {
        let order = search.order;
        let read: Vec<Dated> = order.iter().map(|&j| day[j].clone()).collect();
        for (slot, dated) in day.iter_mut().zip(read) {
            *slot = dated;
        }
    }
}

/// Reads one day again (`day`: its events in dated order, the case's facts those of the day
/// before) when its first segment holds both an exit or a close the stage allows and an opening
/// (a removal, `open_preservation`, `reopen`) listed before it that cannot be read first: one
/// the stage has no row for (a removal in foster care, a reopening of an open case), or one
/// after which the exit or close has none (a removal from in-home services, then the close of
/// those services). The day can only have ended the one stretch and begun the other: the
/// opening goes to the segment after the exit, with, for a removal, the placements begun and
/// the findings of its order (contrary to the welfare, prevention efforts) entered after it;
/// later segments move up one. A placement begun in the first segment while the ending stay's
/// placement is open, or when no stay was open, goes to the stay after the day's removal.
/// [`Case::apply`](super::Case::apply) never builds such a day (it refuses the opening, or the
/// close), so a history it built reads the same whatever the path. Any other day is left as it
/// is.
fn reread_reentry(facts: &Facts, day: &mut [Dated]) {
    /// What begins the new stay besides the removal: a placement, the findings of the order
    /// sanctioning the removal (45 CFR 1356.21(b)(1), (c)).
    fn begins(e: &Event) -> bool {
        use super::event::{EventData, Finding};
        matches!(
            e.what(),
            EventData::PlacementBegun(_)
                | EventData::CourtFinding(
                    Finding::ContraryToWelfare | Finding::PreventionEfforts(_)
                )
        )
    }
    let stage = facts.stage().kind();
    let Some(&(_, first, _)) = day.first() else {
        return;
    };
    let Some(exit) = day
        .iter()
        .find(|(_, s, e)| {
            *s == first
                && super::facts::closes_day_segment(e.kind())
                && transitions::find(stage, e.kind()).is_some()
        })
        .map(|(_, _, e)| e.kind())
    else {
        return;
    };
    // The first opening of the segment that cannot be read before the exit.
    let opening = day
        .iter()
        .find(|(_, s, e)| *s == first && e.kind().opens_day_segment())
        .filter(|(_, _, e)| match transitions::find(stage, e.kind()) {
            None => true,
            Some(row) => transitions::find(row.to().stage_kind(stage), exit).is_none(),
        })
        .map(|(seq, _, e)| (*seq, e.kind()));
    if let Some((opening, kind)) = opening {
        let removal = kind == EventKind::Removal;
        for (seq, segment, e) in day.iter_mut() {
            if *segment > first {
                *segment += 1;
            } else if *seq == opening || (removal && *seq > opening && begins(e)) {
                *segment = first + 1;
            }
        }
    }
    // A placement begun in the first segment while the stay that ends that day still has its
    // placement open cannot belong to that stay (one setting at a time; a move is a
    // `placement_changed`), nor to a day begun out of care: it is the first placement of the
    // stay the day's removal begins, listed before it.
    let reentry = day
        .iter()
        .filter(|(_, s, e)| *s > first && e.kind() == EventKind::Removal)
        .map(|(_, s, _)| *s)
        .min();
    if let Some(reentry) = reentry
        && (facts.current_placement().is_some() || !facts.stage().in_care())
    {
        for (_, segment, e) in day.iter_mut() {
            if *segment == first && e.kind() == EventKind::PlacementBegun {
                *segment = reentry;
            }
        }
    }
    sort(day);
}

/// The room a history's derived facts take, counted from its entries before any is folded: the
/// lists of the facts then grow once each, not entry by entry.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Room {
    /// Entries.
    pub(crate) events: usize,
    /// Placements begun.
    pub(crate) placements: usize,
    /// Removals (the episodes).
    pub(crate) removals: usize,
    /// Permanency plans set.
    pub(crate) plans: usize,
}

/// The [`Room`] the entries of `events` take.
pub(crate) fn room_of<'a>(events: impl Iterator<Item = &'a Event>) -> Room {
    events.fold(Room::default(), |mut room, e| {
        room.events += 1;
        match e.what() {
            super::event::EventData::Removal(_) => room.removals += 1,
            super::event::EventData::PlanSet(_) => room.plans += 1,
            what if what.new_placement().is_some() => room.placements += 1,
            _ => {}
        }
        room
    })
}

/// Whether a dated history is in order already: each event's key computed once.
fn is_sorted(history: &[Dated]) -> bool {
    let mut keys = history
        .iter()
        .map(|(seq, segment, e)| (e.order_key(*segment), *seq));
    let Some(mut previous) = keys.next() else {
        return true;
    };
    keys.all(|key| {
        let in_order = previous <= key;
        previous = key;
        in_order
    })
}

/// Checks `event` against the facts of a case: the rules every event passes and its row's.
pub(crate) fn check_in(
    facts: &Facts,
    event: &Event,
    policy: &Policy,
) -> Result<transitions::Accepted, Rejection> {
    let check = Check::new(facts, event, policy);
    match transitions::check(&check) {
        (Some(row), violations) if violations.is_empty() => Ok(transitions::Accepted {
            row,
            caregiver: check.caregiver.map(|f| f.id().clone()),
        }),
        (_, violations) => Err(Rejection::new(
            event.kind(),
            facts.stage(),
            violations,
            transitions::allowed_from(facts.stage().kind()).collect(),
        )),
    }
}

/// Folds `event` whatever its rules say, when its stage has a row for it: the "had it been
/// accepted" case a lenient replay compares later refusals against.
fn force(facts: &mut Facts, event: Event, order: (u32, u32), policy: &Policy) {
    if let Some(row) = transitions::find(facts.stage().kind(), event.kind()) {
        let caregiver = event
            .what()
            .new_placement()
            .and_then(|p| p.caregiver())
            .and_then(|f| facts.family(f))
            .map(|f| f.id().clone());
        transitions::commit(
            facts,
            transitions::Accepted { row, caregiver },
            event,
            order,
            policy,
        );
    }
}

/// A history that was rebuilt, or the event of it that was refused.
pub(crate) struct Broken {
    /// The position of the refused event in the dated history given.
    pub(crate) position: usize,
    /// The refused event's kind and date, and its entry id.
    pub(crate) kind: EventKind,
    pub(crate) date: chrono::NaiveDate,
    pub(crate) entry: Option<EntryId>,
    /// Why.
    pub(crate) rejection: Rejection,
}

/// Folds a dated history (already in order) from the opening: the facts, or the first event
/// refused.
pub(crate) fn rebuild(
    child: Child,
    opening: Vec<Family>,
    history: Vec<Dated>,
    policy: &Policy,
) -> Result<Facts, Broken> {
    // The opening was valid when the case opened: its families are unique.
    let mut facts = match Facts::open(child, opening) {
        Ok(f) => f,
        Err(_) => unreachable!("a case's opening families were checked when it opened"),
    };
    facts.reserve(room_of(history.iter().map(|(_, _, e)| e)));
    let mut days = Days::new(history);
    // The position in the dated history folded (a day read again keeps its place).
    let mut folded = 0;
    while let Some((seq, segment, event)) = days.next(&facts) {
        let position = folded;
        folded += 1;
        match check_in(&facts, &event, policy) {
            Ok(accepted) => {
                transitions::commit(&mut facts, accepted, event, (seq, segment), policy);
            }
            Err(rejection) => {
                return Err(Broken {
                    position,
                    kind: event.kind(),
                    date: event.date(),
                    entry: event.entry_id().cloned(),
                    rejection,
                });
            }
        }
    }
    Ok(facts)
}

/// The refusal of an entry (`kind`, in the case's current stage) because the history it makes
/// would refuse a later event: one violation naming that event, with its reasons.
pub(crate) fn later_refused(facts: &Facts, kind: EventKind, broken: &Broken) -> Rejection {
    let reasons: Vec<String> = broken
        .rejection
        .violations()
        .iter()
        .map(|v| format!("{}: {}", v.rule(), v.message()))
        .collect();
    let entry = broken
        .entry
        .as_ref()
        .map(|e| format!(" (entry {e})"))
        .unwrap_or_default();
    let mut objection = crate::rule::Objection::new(format!(
        "the {kind} would leave the later {} of {}{entry} refused: {}",
        broken.kind,
        broken.date,
        reasons.join("; ")
    ));
    for v in broken.rejection.violations() {
        for s in v.subjects() {
            objection = objection.about(s.clone());
        }
    }
    Rejection::new(
        kind,
        facts.stage(),
        vec![objection.against(RuleId::LaterEventRefused)],
        transitions::allowed_from(facts.stage().kind()).collect(),
    )
}

/// One refusal of an entry itself (not of a later event).
pub(crate) fn refuse(facts: &Facts, kind: EventKind, rule: RuleId, message: String) -> Rejection {
    Rejection::new(
        kind,
        facts.stage(),
        vec![crate::rule::Objection::new(message).against(rule)],
        transitions::allowed_from(facts.stage().kind()).collect(),
    )
}

/// The position at which `event`, entered now in `segment` of its day, goes in a dated
/// history: after every event that sorts before it or with it (the new entry is the latest).
pub(crate) fn position(history: &[Dated], event: &Event, segment: u32) -> usize {
    let key = event.order_key(segment);
    history.partition_point(|(_, s, e)| e.order_key(*s) <= key)
}

/// A history loaded: the facts, the log, and the entries refused (for a lenient load).
pub(crate) struct Loaded {
    pub(crate) facts: Facts,
    pub(crate) log: Log,
    pub(crate) refused: Vec<super::Refused>,
}

/// Loads a history given in the order of entry: resolves its corrections, sorts it into the
/// dated history, and folds it. Strict (`lenient == false`) stops at the first refusal, with
/// the entry's position in the history given; lenient goes on, marking each refusal that only
/// follows from an earlier one.
pub(crate) fn load(
    child: Child,
    opening: Vec<Family>,
    entries: impl IntoIterator<Item = Event>,
    policy: &Policy,
    lenient: bool,
) -> Result<Loaded, super::ReplayError> {
    if !lenient {
        // Gathered first, then counted and folded. A `Vec` given is kept as it is, not copied;
        // a size hint is trusted only while small (an iterator may claim any length).
        let entries = entries.into_iter();
        let entries: Vec<Event> = if entries.size_hint().0 <= 1 << 16 {
            entries.collect()
        } else {
            let mut gathered = Vec::new();
            for e in entries {
                gathered.push(e);
            }
            gathered
        };
        let room = room_of(entries.iter());
        return load_numbered(
            child,
            opening,
            entries.into_iter().enumerate(),
            room,
            policy,
            false,
        );
    }
    // A day's segments are read in the order of entry before any entry is checked (the dated
    // history is sorted by them): an exit or a close that is then refused would still have put
    // the day's later removal or opening in a next segment, after an exit that never was. So
    // when a lenient load refuses one, it loads again without the refused entries (their
    // numbers kept), as a strict replay of what it kept would, until no refused entry ends a
    // segment. A refused exit is rare: the passes are few, and bounded.
    const PASSES: usize = 8;
    let entries: Vec<Event> = entries.into_iter().collect();
    let numbered = |out: &[usize]| {
        entries
            .iter()
            .enumerate()
            .filter(|(i, _)| out.binary_search(i).is_err())
            .map(|(i, e)| (i, e.clone()))
            .collect::<Vec<_>>()
    };
    let room = Room::default();
    let mut loaded = load_numbered(
        child.clone(),
        opening.clone(),
        numbered(&[]),
        room,
        policy,
        true,
    )?;
    let mut refused: Vec<super::Refused> = Vec::new();
    for _ in 0..PASSES {
        let again = loaded
            .refused
            .iter()
            .any(|r| super::facts::closes_day_segment(r.event.kind()));
        refused.append(&mut loaded.refused);
        if !again {
            break;
        }
        let mut out: Vec<usize> = refused.iter().map(|r| r.index).collect();
        out.sort_unstable();
        loaded = load_numbered(
            child.clone(),
            opening.clone(),
            numbered(&out),
            room,
            policy,
            true,
        )?;
    }
    refused.append(&mut loaded.refused);
    refused.sort_by_key(|r| r.index);
    loaded.refused = refused;
    loaded.log.next = u32::try_from(entries.len()).unwrap_or(u32::MAX);
    Ok(loaded)
}

/// A dated history handed out event by event for folding, each day read again first
/// ([`reread_reentry`]) against the facts folded so far, when the history has a day that may
/// need it. Otherwise the events go out as they are, with nothing gathered.
struct Days {
    events: std::iter::Peekable<std::vec::IntoIter<Dated>>,
    /// The rest of the day being handed out, read again.
    day: std::collections::VecDeque<Dated>,
    reread: bool,
}

impl Days {
    fn new(history: Vec<Dated>) -> Days {
        Days {
            reread: has_day_to_reread(&history),
            events: history.into_iter().peekable(),
            day: std::collections::VecDeque::new(),
        }
    }

    /// The next event, `facts` being those of every event handed out before it.
    fn next(&mut self, facts: &Facts) -> Option<Dated> {
        if let Some(next) = self.day.pop_front() {
            return Some(next);
        }
        let first = self.events.next()?;
        if !self.reread {
            return Some(first);
        }
        let date = first.2.date();
        let mut day = vec![first];
        while let Some(next) = self.events.next_if(|(_, _, e)| e.date() == date) {
            day.push(next);
        }
        if day.len() > 1 && may_reread(day.iter().map(|(_, _, e)| e)) {
            reread_day(facts, &mut day);
        }
        self.day.extend(day);
        self.day.pop_front()
    }
}

/// Folds the entries of a strict load's latest day, in dated order, while each is accepted:
/// `false` at the first refused, which stays in `day` with the entries after it.
fn fold_day(facts: &mut Facts, day: &mut Vec<Dated>, policy: &Policy) -> bool {
    // `day` is one day: an opening and an exit among its (few) entries, or two moves.
    if day.len() > 1 && may_reread(day.iter().map(|(_, _, e)| e)) {
        reread_day(facts, day);
    }
    let mut entries = day.drain(..);
    while let Some((seq, segment, event)) = entries.next() {
        match check_in(facts, &event, policy) {
            Ok(accepted) => transitions::commit(facts, accepted, event, (seq, segment), policy),
            Err(_) => {
                let rest: Vec<Dated> = std::iter::once((seq, segment, event))
                    .chain(entries)
                    .collect();
                *day = rest;
                return false;
            }
        }
    }
    true
}

/// Takes a strict load's folded events back out (`Facts::unfold`), followed by its latest
/// day's entries not folded yet: the dated history read so far, with the position of each
/// entry id in it.
fn unfold(
    facts: &mut Facts,
    day: &mut Vec<Dated>,
    live: &mut std::collections::HashMap<EntryId, usize>,
) -> Vec<Dated> {
    let mut history = facts.unfold();
    history.append(day);
    for (at, (_, _, e)) in history.iter().enumerate() {
        if let Some(id) = e.entry_id() {
            live.insert(id.clone(), at);
        }
    }
    history
}

/// [`load`], one pass, over entries numbered by their place in the history given; a strict load
/// is given the [`Room`] they take.
fn load_numbered(
    child: Child,
    opening: Vec<Family>,
    entries: impl IntoIterator<Item = (usize, Event)>,
    room: Room,
    policy: &Policy,
    lenient: bool,
) -> Result<Loaded, super::ReplayError> {
    // Opened first: the families are checked once, before any entry is read.
    let mut facts = Facts::open(child, opening)?;
    let entries = entries.into_iter();
    // A strict load folds the entries as it reads them while every entry so far is a plain
    // event (no correction, no entry id given twice), no day's entry comes after a later day's,
    // and every entry is accepted: then the history read so far is exactly what the facts and
    // `day` hold, and the sort and the second pass below have nothing to do. The first entry
    // that breaks this takes the folded events back out as the dated history and reopens the
    // case (`unfold`): the load goes on as a lenient one does, and its result, refusals
    // included, is the one it would have been had it never folded early.
    let mut folding = !lenient;
    // While folding: the entries of the latest day read, in dated order. A day's entries may
    // come in any order (most histories list a day's court finding before its placement), so
    // they are folded, in their canonical order, once a later day begins.
    let mut day: Vec<Dated> = Vec::new();
    let mut history: Vec<Dated> = Vec::new();
    if folding {
        facts.reserve(room);
        day.reserve(room.events.min(8));
    } else {
        history.reserve(entries.size_hint().0.min(1 << 12));
    }
    // The positions in `history` of amendments' replacements.
    let mut replacements: Vec<usize> = Vec::new();
    // Each day's latest segment, and whether it holds an exit or a close (in the order of
    // entry, as `Facts::segment_for` reads a case): the day of the latest entry at hand, and
    // the other days only where they differ from (0, false).
    let mut days: std::collections::HashMap<chrono::NaiveDate, (u32, bool)> =
        std::collections::HashMap::new();
    let mut today: Option<(chrono::NaiveDate, (u32, bool))> = None;
    // The latest date `days` holds: a later day is not in it (a history in order never looks).
    let mut latest_kept: Option<chrono::NaiveDate> = None;
    let mut segment_of = |event: &Event| {
        let date = event.date();
        let day = match &mut today {
            Some((d, state)) if *d == date => state,
            _ => {
                if let Some((d, state)) = today.take()
                    && state != (0, false)
                {
                    days.insert(d, state);
                    latest_kept = latest_kept.max(Some(d));
                }
                let state = if latest_kept.is_none_or(|kept| date > kept) {
                    (0, false)
                } else {
                    days.remove(&date).unwrap_or((0, false))
                };
                &mut today.insert((date, state)).1
            }
        };
        if day.1 && event.kind().opens_day_segment() {
            *day = (day.0 + 1, false);
        }
        day.1 |= super::facts::closes_day_segment(event.kind());
        day.0
    };
    let mut log = Log::default();
    // The position in `history` of the entry holding each live entry id.
    let mut live: std::collections::HashMap<EntryId, usize> = std::collections::HashMap::new();
    // The child as corrected so far: `None` while no correction changed it (the facts' own).
    let mut corrected: Option<Child> = None;
    let mut refused = Vec::new();
    let refuse_entry = |facts: &Facts,
                        refused: &mut Vec<super::Refused>,
                        index: usize,
                        event: Event,
                        rule: RuleId,
                        message: String| {
        let rejection = refuse(facts, event.kind(), rule, message);
        if lenient {
            refused.push(super::Refused {
                index,
                event,
                rejection,
                cause: None,
            });
            Ok(())
        } else {
            Err(super::ReplayError::Refused { index, rejection })
        }
    };
    // The number of entries read, and the positions in `history` set aside by a correction.
    let mut count = 0usize;
    let mut set_aside: Vec<usize> = Vec::new();
    for (index, event) in entries {
        count = index + 1;
        let seq = u32::try_from(index).unwrap_or(u32::MAX);
        let duplicate = event.entry_id().is_some_and(|id| log.ids.get(id).is_some());
        if folding && (duplicate || event.kind().is_correction()) {
            folding = false;
            history = unfold(&mut facts, &mut day, &mut live);
        }
        if duplicate && let Some(id) = event.entry_id() {
            let (rule, message) = crate::rules::corrections::duplicate_entry(id);
            refuse_entry(&facts, &mut refused, index, event, rule, message)?;
            continue;
        }
        if event.kind().is_correction() {
            // The dated history is not sorted yet: a correction finds its entry by position.
            let target = named_entry(&event)
                .and_then(|id| live.get(id))
                .map(|&at| (at, &history[at].2));
            let child = corrected.as_ref().unwrap_or(facts.child());
            let fixed = fix(&event, child, target);
            match fixed {
                Err((rule, message)) => {
                    refuse_entry(&facts, &mut refused, index, event, rule, message)?;
                    continue;
                }
                Ok(Fix::Replace { position, with }) => {
                    let (old_seq, _, old) = &history[position];
                    if let Some(id) = old.entry_id() {
                        live.remove(id);
                    }
                    // An amendment's replacement stays recorded in the amendment itself.
                    if !replacements.contains(&position) {
                        log.aside.push((*old_seq, old.clone()));
                    }
                    set_aside.push(position);
                    if let Some(with) = with {
                        if let Some(id) = with.entry_id() {
                            live.insert(id.clone(), history.len());
                        }
                        let segment = segment_of(&with);
                        replacements.push(history.len());
                        history.push((seq, segment, with));
                    }
                }
                Ok(Fix::Child(new)) => {
                    if log.opened_child.is_none() {
                        log.opened_child = Some(facts.child().clone());
                    }
                    corrected = Some(new);
                }
            }
            if let Some(id) = event.entry_id() {
                log.ids.insert(id.clone(), ());
            }
            log.aside.push((seq, event));
            continue;
        }
        if let Some(id) = event.entry_id() {
            log.ids.insert(id.clone(), ());
        }
        let segment = segment_of(&event);
        if folding {
            let date = event.date();
            match day.first().map(|(_, _, e)| e.date()) {
                Some(d) if d == date => {
                    // After every entry of the day that sorts before it or with it.
                    let key = event.order_key(segment);
                    let at = day.partition_point(|(_, s, e)| e.order_key(*s) <= key);
                    day.insert(at, (seq, segment, event));
                    continue;
                }
                Some(d) if d > date => {}
                _ if fold_day(&mut facts, &mut day, policy) => {
                    day.push((seq, segment, event));
                    continue;
                }
                _ => {}
            }
            folding = false;
            history = unfold(&mut facts, &mut day, &mut live);
        }
        // The position of the entry in the dated history as read.
        if let Some(id) = event.entry_id() {
            live.insert(id.clone(), history.len());
        }
        history.push((seq, segment, event));
    }
    if folding && !fold_day(&mut facts, &mut day, policy) {
        history = unfold(&mut facts, &mut day, &mut live);
    }
    log.next = u32::try_from(count).unwrap_or(u32::MAX);
    log.aside.sort_by_key(|(seq, _)| *seq);
    if !set_aside.is_empty() {
        set_aside.sort_unstable();
        let mut at = 0;
        history.retain(|_| {
            let keep = set_aside.binary_search(&at).is_err();
            at += 1;
            keep
        });
    }
    // Most histories come sorted: then the sort is one pass of comparisons.
    if !is_sorted(&history) {
        sort(&mut history);
    }
    if let Some(child) = corrected {
        facts.correct_child(child);
    }
    facts.reserve(room_of(history.iter().map(|(_, _, e)| e)));
    // For a lenient load: the case as it would be had every refused event been accepted, and
    // the latest refusals that follow from nothing earlier.
    let mut shadow: Option<Facts> = None;
    let mut root: Option<usize> = None;
    let mut birth_root: Option<usize> = None;
    let mut days = Days::new(history);
    while let Some((seq, segment, event)) = days.next(&facts) {
        let order = (seq, segment);
        match check_in(&facts, &event, policy) {
            Ok(accepted) => {
                if let Some(sh) = shadow.as_mut() {
                    force(sh, event.clone(), order, policy);
                }
                transitions::commit(&mut facts, accepted, event, order, policy);
            }
            Err(rejection) => {
                let index = seq as usize;
                if !lenient {
                    return Err(super::ReplayError::Refused { index, rejection });
                }
                let sh = shadow.get_or_insert_with(|| facts.clone());
                let own = match check_in(sh, &event, policy) {
                    Ok(_) => Vec::new(),
                    Err(r) => r.violations().to_vec(),
                };
                let only_birth = |vs: &[Violation]| {
                    !vs.is_empty() && vs.iter().all(|v| v.rule() == RuleId::EventBeforeBirth)
                };
                let cause = if own.is_empty() {
                    root
                } else if only_birth(&own) {
                    birth_root
                } else {
                    None
                };
                if cause.is_none() {
                    root = Some(index);
                    if only_birth(&own) {
                        birth_root = Some(index);
                    }
                }
                force(sh, event.clone(), order, policy);
                refused.push(super::Refused {
                    index,
                    event,
                    rejection,
                    cause,
                });
            }
        }
    }
    refused.sort_by_key(|r| r.index);
    Ok(Loaded {
        facts,
        log,
        refused,
    })
}
