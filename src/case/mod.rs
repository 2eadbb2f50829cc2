//! [`Case`]: a child's case as the ordered list of its accepted events, and everything derived
//! from it.
//!
//! [`Case::apply`] is the only code that changes a case. It finds the event's row in
//! [`transitions::TABLE`], runs every guard the row names (and the checks that apply to every
//! event), and commits only when none is violated. Otherwise it returns a [`Rejection`] listing
//! every violation, and the case is exactly as it was.

pub mod event;
pub(crate) mod facts;
mod history;
mod index;
pub mod stage;
pub mod transitions;

use chrono::NaiveDate;

use crate::child::Child;
use crate::error::Error;
use crate::family::Family;
use crate::id::{FamilyId, PersonId, PlacementId};
use crate::placement::Placement;
use crate::plan::PermanencyPlan;
use crate::policy::Policy;
use crate::rules::Rejection;

use event::{Event, EventKind};
use facts::Facts;
pub use facts::{Episode, EpisodeExit, ParentStatus, ParentalRights};
use stage::{ExitReason, Stage};

/// A child's case: the child, the families known when it opened, and the ordered list of dated
/// events that were accepted. Stage, placements, plans, episodes and parents' rights are derived
/// from that list.
///
/// Always true of a `Case`: its dated history ([`Case::events`]) is in order — by date, then
/// [within a day](EventKind::day_rank), then the order of entry — and every event of it is
/// accepted at its place; at most one placement is open, at most one episode is open, no
/// adoption happened while a legal parent's rights were intact. Events may be entered in any
/// order: one dated earlier is placed at its date (see the
/// [manual](crate::manual#the-order-of-a-history)). [`Case::entries`] keeps the order of entry.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use permanency::*;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let policy = Policy::federal();
/// let child = Child::new(ChildId::new("C-1")?, Name::new("Sam")?, d(2016, 5, 4), Sex::Male)?;
/// let mut case = Case::new(child, vec![])?;
/// case.apply(Event::new(d(2024, 1, 10), EventData::Removal(Removal::new(Manner::CourtOrder)))?, &policy)?;
/// assert_eq!(case.stage(), Stage::FosterCare);
///
/// // APPLA for an eight-year-old is refused, and the case is unchanged.
/// let doc = ApplaDocumentation::new(Note::new("reason")?, Note::new("efforts")?);
/// let appla = Goals::new(Goal::Appla, None, Some(doc))?;
/// let refused = case.apply(Event::new(d(2024, 2, 1), EventData::PlanSet(appla))?, &policy).unwrap_err();
/// assert_eq!(refused.rules().collect::<Vec<_>>(), [RuleId::ApplaAge]);
/// assert_eq!(case.events().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Case {
    facts: Facts,
    log: history::Log,
}

impl PartialEq for Case {
    /// Two cases are equal when their child, opening families and histories are: the rest is
    /// derived.
    fn eq(&self, other: &Case) -> bool {
        self.child() == other.child()
            && self.opening_families() == other.opening_families()
            && self.events() == other.events()
    }
}

impl Eq for Case {}

/// A history that could not be replayed strictly.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReplayError {
    /// The case could not be opened (families with the same id).
    #[error("cannot open the case: {0}")]
    Open(#[from] Error),
    /// The event at `index` was refused; the events before it were accepted.
    #[error("event {index} refused: {rejection}")]
    Refused {
        /// The position of the refused event in the history.
        index: usize,
        /// Why.
        rejection: Rejection,
    },
}

/// A batch of entries refused by [`Case::apply_all`]: the case is then exactly as it was. On
/// the wire (feature `serde`): `{"entry": 0, "rejection": {..}}`, `entry` null for an entry the
/// case held already.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[error("{}: {rejection}", match .entry {
    Some(i) => format!("entry {i} of the batch refused"),
    None => "the batch would leave an earlier entry refused".to_owned(),
})]
#[non_exhaustive]
pub struct BatchRejection {
    /// The position in the batch of the refused entry; `None` when the entry refused is one
    /// the case held already (the batch would have left it refused: its rejection names it).
    pub entry: Option<usize>,
    /// Why.
    pub rejection: Rejection,
}

/// A refused event of a lenient replay: its position, the event, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Refused {
    /// The position of the event in the history given.
    pub index: usize,
    /// The event.
    pub event: Event,
    /// Why it was refused.
    pub rejection: Rejection,
    /// When the event was refused only because an earlier event was (it would have been
    /// accepted had that one been), the position of that earlier event: the one finding both
    /// come from. Events refused only for preceding the child's birth follow the first such
    /// refusal (one wrong birth date is one finding). `None` for a refusal of its own.
    pub cause: Option<usize>,
}

/// The result of [`Case::replay_lenient`]: the case built from the accepted events, and every
/// refused event with its violations.
///
/// It serializes (and reads back) as `{"case": .., "refused": [{"index", "event", "rejection"}]}`:
/// a legacy load's report, to store or to show.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LenientReplay {
    /// The case built from every event that was accepted.
    pub case: Case,
    /// Every refused event, in history order.
    pub refused: Vec<Refused>,
}

/// One violation of a refused event of a lenient replay, as a flat row for a table (CSV,
/// Arrow): which event, which rule, why. Ids only, never a name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct RefusalRow {
    /// The position of the refused event in the history given.
    pub index: usize,
    /// The event's date.
    pub date: NaiveDate,
    /// The event's kind.
    pub kind: EventKind,
    /// The stage the case was in.
    pub stage: crate::case::stage::StageKind,
    /// The rule broken.
    pub rule: crate::RuleId,
    /// The rule's citation.
    pub citation: std::borrow::Cow<'static, str>,
    /// What is wrong.
    pub message: String,
    /// The ids involved, `kind:id` separated by spaces (`person:P-1 placement:PL-2`).
    pub subjects: String,
    /// The position of the earlier refused event this refusal follows from, if it only
    /// follows from one ([`Refused::cause`]).
    pub caused_by: Option<usize>,
}

impl LenientReplay {
    /// Every violation of every refused event, one row each, in history order: the report of a
    /// legacy load as a table.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use permanency::*;
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let child = Child::new(ChildId::new("C-1")?, Name::new("Sam")?, d(2016, 5, 4), Sex::Male)?;
    /// let history = vec![
    ///     Event::new(d(2024, 1, 10), EventData::Removal(Removal::new(Manner::CourtOrder)))?,
    ///     // A review dated before the removal: no review happens in intake. Refused; the
    ///     // rest goes on.
    ///     Event::new(d(2023, 12, 1), EventData::PeriodicReview)?,
    ///     Event::new(d(2024, 7, 1), EventData::PeriodicReview)?,
    /// ];
    /// let report = Case::replay_lenient(child, vec![], history, &Policy::federal())?;
    /// assert_eq!(report.case.events().len(), 2);
    /// let rows = report.rows();
    /// assert_eq!(rows.len(), 1);
    /// assert_eq!((rows[0].index, rows[0].rule), (1, RuleId::TransitionNotAllowed));
    /// assert_eq!(rows[0].caused_by, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rows(&self) -> Vec<RefusalRow> {
        let mut rows = Vec::new();
        for r in &self.refused {
            for v in r.rejection.violations() {
                let subjects: Vec<String> = v
                    .subjects()
                    .iter()
                    .map(|s| match s {
                        crate::Subject::Person(p) => format!("person:{p}"),
                        crate::Subject::Family(f) => format!("family:{f}"),
                        crate::Subject::Placement(p) => format!("placement:{p}"),
                    })
                    .collect();
                rows.push(RefusalRow {
                    index: r.index,
                    date: r.event.date(),
                    kind: r.event.kind(),
                    stage: r.rejection.stage().kind(),
                    rule: v.rule(),
                    citation: std::borrow::Cow::Borrowed(v.citation()),
                    message: v.message().to_owned(),
                    subjects: subjects.join(" "),
                    caused_by: r.cause,
                });
            }
        }
        rows
    }

    /// The refusals of their own: one per wrong entry of the history, without the refusals that
    /// only follow from them ([`Refused::cause`]).
    pub fn findings(&self) -> impl Iterator<Item = &Refused> {
        self.refused.iter().filter(|r| r.cause.is_none())
    }
}

/// What accepting an entry does: fold it at the end of the dated history, or replace the
/// derived facts with a history rebuilt around it.
enum Planned {
    Append(transitions::Accepted, u32),
    Rebuilt {
        facts: Box<Facts>,
        /// The entry a correction set aside, with its entry number.
        set_aside: Option<(u32, Event)>,
        /// The child before a child correction.
        child_before: Option<Child>,
    },
}

impl Case {
    /// Opens a case for `child` with the families known at opening. The case starts in
    /// [`Stage::Intake`] with no event.
    ///
    /// # Errors
    ///
    /// [`Error::Duplicate`] if two families share an id.
    pub fn new(child: Child, families: Vec<Family>) -> Result<Case, Error> {
        Ok(Case {
            facts: Facts::open(child, families)?,
            log: history::Log::default(),
        })
    }

    /// Replays a history, given in the order of entry, stopping at the first refused event.
    ///
    /// The history is read whole (the iterator must end), put in date order (by date, then
    /// [the order within a day](EventKind::day_rank), then the order given), with its
    /// corrections applied, and then
    /// checked event by event: a legacy export in any order loads in O(n log n). The case is
    /// the one [`apply`](Case::apply) builds from the same entries whenever every entry is
    /// accepted.
    ///
    /// # Errors
    ///
    /// [`ReplayError::Open`] for families with the same id; [`ReplayError::Refused`] naming the
    /// first refused event of the dated history (by its position in the history given) and
    /// every reason.
    pub fn replay(
        child: Child,
        families: Vec<Family>,
        events: impl IntoIterator<Item = Event>,
        policy: &Policy,
    ) -> Result<Case, ReplayError> {
        let loaded = history::load(child, families, events, policy, false)?;
        Ok(Case {
            facts: loaded.facts,
            log: loaded.log,
        })
    }

    /// Replays a legacy history, continuing past refused events: the case is built from what was
    /// accepted, and every refused event comes back with its violations, so that one run shows
    /// every problem of a record. The history is put in date order first, as by
    /// [`replay`](Case::replay).
    ///
    /// A refusal that only follows from an earlier one — an event that would have been accepted
    /// had the earlier been — is marked with that earlier event ([`Refused::cause`]): one wrong
    /// row is one finding ([`LenientReplay::findings`]).
    ///
    /// # Errors
    ///
    /// [`Error::Duplicate`] if two families share an id.
    pub fn replay_lenient(
        child: Child,
        families: Vec<Family>,
        events: impl IntoIterator<Item = Event>,
        policy: &Policy,
    ) -> Result<LenientReplay, Error> {
        match history::load(child, families, events, policy, true) {
            Ok(loaded) => Ok(LenientReplay {
                case: Case {
                    facts: loaded.facts,
                    log: loaded.log,
                },
                refused: loaded.refused,
            }),
            Err(ReplayError::Open(e)) => Err(e),
            Err(ReplayError::Refused { .. }) => {
                unreachable!("a lenient load reports refusals instead of stopping")
            }
        }
    }

    /// Whether `event` would be accepted now, without changing the case.
    ///
    /// # Errors
    ///
    /// The [`Rejection`] [`apply`](Case::apply) would return.
    pub fn check(&self, event: &Event, policy: &Policy) -> Result<(), Rejection> {
        self.plan(event, policy).map(|_| ())
    }

    /// How `event` would be accepted, or why not.
    fn plan(&self, event: &Event, policy: &Policy) -> Result<Planned, Rejection> {
        let facts = &self.facts;
        let kind = event.kind();
        if let Some(id) = event.entry_id()
            && self.log.ids.get(id).is_some()
        {
            let (rule, message) = crate::rules::corrections::duplicate_entry(id);
            return Err(history::refuse(facts, kind, rule, message));
        }
        let events = facts.events();
        let dated = || -> Vec<history::Dated> {
            facts
                .order()
                .iter()
                .zip(events)
                .map(|((seq, segment), e)| (*seq, *segment, e.clone()))
                .collect()
        };
        if kind.is_correction() {
            let target = history::named_entry(event)
                .and_then(|id| events.iter().position(|e| e.entry_id() == Some(id)))
                .map(|p| (p, &events[p]));
            let fix = history::fix(event, facts.child(), target)
                .map_err(|(rule, message)| history::refuse(facts, kind, rule, message))?;
            let mut history = dated();
            let mut child = facts.child().clone();
            let mut set_aside = None;
            let mut child_before = None;
            match fix {
                history::Fix::Replace { position, with } => {
                    let (seq, _, old) = history.remove(position);
                    set_aside = Some((seq, old));
                    if let Some(with) = with {
                        let segment = facts.segment_for(&with);
                        let at = history::position(&history, &with, segment);
                        history.insert(at, (self.log.next, segment, with));
                    }
                }
                history::Fix::Child(new) => child_before = Some(std::mem::replace(&mut child, new)),
            }
            let rebuilt = history::rebuild(child, facts.opening().to_vec(), history, policy)
                .map_err(|broken| history::later_refused(facts, kind, &broken))?;
            return Ok(Planned::Rebuilt {
                facts: Box::new(rebuilt),
                set_aside,
                child_before,
            });
        }
        let segment = facts.segment_for(event);
        let key = event.order_key(segment);
        let last = events.len().checked_sub(1);
        if last.is_none_or(|i| events[i].order_key(facts.order()[i].1) <= key) {
            return match history::check_in(facts, event, policy) {
                Ok(accepted) => Ok(Planned::Append(accepted, segment)),
                // A move refused after another move of its day may have happened before it
                // (a `placement_changed` keyed after the `ran_away` from the new home): the
                // day is read again as a replay reads it, and the refusal stands if that
                // fails too.
                Err(rejection) if history::may_reorder_with(facts, event, segment) => {
                    let mut history = dated();
                    history.push((self.log.next, segment, event.clone()));
                    history::rebuild(
                        facts.child().clone(),
                        facts.opening().to_vec(),
                        history,
                        policy,
                    )
                    .map(|rebuilt| Planned::Rebuilt {
                        facts: Box::new(rebuilt),
                        set_aside: None,
                        child_before: None,
                    })
                    .map_err(|_| rejection)
                }
                Err(rejection) => Err(rejection),
            };
        }
        // Entered late: placed at its date, and every later event checked again.
        let mut history = dated();
        let at = history::position(&history, event, segment);
        history.insert(at, (self.log.next, segment, event.clone()));
        match history::rebuild(
            facts.child().clone(),
            facts.opening().to_vec(),
            history,
            policy,
        ) {
            Ok(rebuilt) => Ok(Planned::Rebuilt {
                facts: Box::new(rebuilt),
                set_aside: None,
                child_before: None,
            }),
            Err(broken) if broken.position == at => Err(broken.rejection),
            Err(broken) => Err(history::later_refused(facts, kind, &broken)),
        }
    }

    /// Applies `event`: checks it against the transition table and every rule its row names,
    /// and commits it only when no rule is violated.
    ///
    /// An event dated before events already in the case (entered late), or one that the
    /// [order within a day](EventKind::day_rank) puts before an event of its day, is placed at
    /// its date, and every later event is checked again. A correction ([`EventData::Voided`](event::EventData::Voided),
    /// [`EventData::Amended`](event::EventData::Amended), [`EventData::Vacated`](event::EventData::Vacated),
    /// [`EventData::ChildCorrected`](event::EventData::ChildCorrected)) changes
    /// the dated history the same way. Either is refused when a later event would then be
    /// refused ([`RuleId::LaterEventRefused`](crate::RuleId::LaterEventRefused), naming it).
    ///
    /// # Errors
    ///
    /// A [`Rejection`] listing every violated rule. The case is then exactly as before.
    pub fn apply(&mut self, event: Event, policy: &Policy) -> Result<(), Rejection> {
        let planned = self.plan(&event, policy)?;
        let seq = self.log.next;
        self.log.next = seq.saturating_add(1);
        if let Some(id) = event.entry_id() {
            self.log.ids.insert(id.clone(), ());
        }
        match planned {
            Planned::Append(accepted, segment) => {
                transitions::commit(&mut self.facts, accepted, event, (seq, segment), policy);
            }
            Planned::Rebuilt {
                facts,
                set_aside,
                child_before,
            } => {
                self.facts = *facts;
                if let Some(child) = child_before
                    && self.log.opened_child.is_none()
                {
                    self.log.opened_child = Some(child);
                }
                let mut aside = |entry: (u32, Event)| {
                    let at = self.log.aside.partition_point(|(s, _)| *s < entry.0);
                    // An amendment's replacement stays recorded in the amendment itself.
                    if self.log.aside.get(at).is_none_or(|(s, _)| *s != entry.0) {
                        self.log.aside.insert(at, entry);
                    }
                };
                if let Some(old) = set_aside {
                    aside(old);
                }
                if event.kind().is_correction() {
                    aside((seq, event));
                }
            }
        }
        Ok(())
    }

    /// Applies several entries as one: all are accepted, or none is. The entries go after the
    /// case's own in the order of entry, and the whole history is read again as
    /// [`replay`](Case::replay) reads one, so entries that are only possible together — a
    /// runaway and the return from it keyed late, before a later move already in the case —
    /// go in at once, where [`apply`](Case::apply), one at a time, would refuse the first. The
    /// case is then the one `replay` builds from [`entries`](Case::entries). Costs one
    /// O(n log n) replay of the history.
    ///
    /// # Errors
    ///
    /// A [`BatchRejection`]: the entry refused and every reason. The case is then exactly as
    /// before.
    pub fn apply_all(
        &mut self,
        events: impl IntoIterator<Item = Event>,
        policy: &Policy,
    ) -> Result<(), BatchRejection> {
        let held = self.entries();
        let before = held.len();
        let entries: Vec<Event> = held.into_iter().cloned().chain(events).collect();
        match history::load(
            self.opened_child().clone(),
            self.opening_families().to_vec(),
            entries,
            policy,
            false,
        ) {
            Ok(loaded) => {
                self.facts = loaded.facts;
                self.log = loaded.log;
                Ok(())
            }
            Err(ReplayError::Refused { index, rejection }) => Err(BatchRejection {
                entry: index.checked_sub(before),
                rejection,
            }),
            Err(ReplayError::Open(_)) => {
                unreachable!("a case's opening families were checked when it opened")
            }
        }
    }

    /// Every entry of the case in the order it was made, for the audit trail: the dated
    /// history's events, the corrections, and the entries they voided, amended or vacated
    /// (an amendment's replacement is inside it). [`events`](Case::events) is the dated
    /// history.
    pub fn entries(&self) -> Vec<&Event> {
        let aside = &self.log.aside;
        let mut all: Vec<(u32, &Event)> = aside.iter().map(|(s, e)| (*s, e)).collect();
        for ((s, _), e) in self.facts.order().iter().zip(self.facts.events()) {
            if aside.binary_search_by_key(s, |(x, _)| *x).is_err() {
                all.push((*s, e));
            }
        }
        all.sort_by_key(|(s, _)| *s);
        all.into_iter().map(|(_, e)| e).collect()
    }

    /// The derived facts, for the clocks.
    pub(crate) fn facts(&self) -> &Facts {
        &self.facts
    }

    /// The child.
    pub fn child(&self) -> &Child {
        self.facts.child()
    }

    /// The families known when the case opened (as given to [`Case::new`]).
    pub fn opening_families(&self) -> &[Family] {
        self.facts.opening()
    }

    /// Every family of the case, in its latest record, in the order they entered the case.
    pub fn families(&self) -> Vec<&Family> {
        self.facts.families().collect()
    }

    /// The latest record of family `id`.
    pub fn family(&self, id: &FamilyId) -> Option<&Family> {
        self.facts.family(id)
    }

    /// Family `id` as recorded on `date`: its last `family_recorded` event dated on or before
    /// `date`, else its record at opening.
    pub fn family_on(&self, id: &FamilyId, date: NaiveDate) -> Option<&Family> {
        self.facts.family_on(id, date)
    }

    /// The dated history: the accepted events in effect, by date, then [the order within a
    /// day](EventKind::day_rank), then the order of entry (except that the moves of one day
    /// keyed in an order that cannot have happened are read in one that can: see the
    /// [manual](crate::manual#the-order-of-a-history)). Corrections, and what they set
    /// aside, are in [`entries`](Case::entries).
    pub fn events(&self) -> &[Event] {
        self.facts.events()
    }

    /// The current stage.
    pub fn stage(&self) -> Stage {
        self.facts.stage()
    }

    /// The event kinds the transition table allows now (each still subject to its guards).
    pub fn allowed_now(&self) -> impl Iterator<Item = EventKind> {
        transitions::allowed_from(self.facts.stage().kind())
    }

    /// Every placement, in order, across all episodes.
    pub fn placements(&self) -> &[Placement] {
        self.facts.placements()
    }

    /// The placement in progress, if any.
    pub fn current_placement(&self) -> Option<&Placement> {
        self.facts.current_placement()
    }

    /// The placement with this id.
    pub fn placement(&self, id: &PlacementId) -> Option<&Placement> {
        self.facts.placement(id)
    }

    /// Every permanency plan, in order.
    pub fn plans(&self) -> &[PermanencyPlan] {
        self.facts.plans()
    }

    /// The plan in force.
    pub fn current_plan(&self) -> Option<&PermanencyPlan> {
        self.facts.current_plan()
    }

    /// Every removal episode, in order.
    pub fn episodes(&self) -> &[Episode] {
        self.facts.episodes()
    }

    /// The open episode, if the child is in care.
    pub fn current_episode(&self) -> Option<&Episode> {
        self.facts.episodes().last().filter(|e| e.exit().is_none())
    }

    /// The placements of `episode`.
    pub fn episode_placements(&self, episode: &Episode) -> &[Placement] {
        self.facts.episode_placements(episode)
    }

    /// The events of `episode`: from its removal to the next removal, or the end of the history.
    /// An episode of another case names no events of this one it cannot find: at most those at
    /// its positions, and none past the end of the history.
    pub fn episode_events(&self, episode: &Episode) -> &[Event] {
        self.facts
            .events()
            .get(self.facts.episode_events(episode))
            .unwrap_or(&[])
    }

    /// The placement moves of `episode`, counted the AFCARS way (CWPM 1.2B.7): the first
    /// placement is not a move; trial home visits and runaways are not settings; a change of the
    /// same family's license (the same caregiver family) is not a move; a return after a runaway
    /// or a visit to the same family or the same facility is not a move, and a change between two
    /// facilities is one. Where a non-family setting names no facility (no
    /// [`Placement::provider`]: a legacy record), a return to the same kind of setting after an
    /// interruption is taken as the same setting, and contiguous stays as a move.
    pub fn placement_moves(&self, episode: &Episode) -> u32 {
        u32::try_from(self.move_placements(episode).count()).unwrap_or(u32::MAX)
    }

    /// The placements of `episode` that are placement moves, in order: the ones
    /// [`placement_moves`](Case::placement_moves) counts, each the stay the child moved to (its
    /// [`start`](Placement::start) is the date of the move). The CFSR placement-stability
    /// indicator reads their dates.
    pub fn move_placements<'a>(
        &'a self,
        episode: &Episode,
    ) -> impl Iterator<Item = &'a Placement> + 'a {
        self.episode_placements(episode)
            .iter()
            .zip(self.placement_move_flags(episode))
            .filter_map(|(p, moved)| moved.then_some(p))
    }

    /// For each placement of `episode` ([`episode_placements`](Case::episode_placements)), in
    /// order, whether it is a placement move, by the rule of
    /// [`placement_moves`](Case::placement_moves) (which counts these flags): `false` for the
    /// first setting, for a trial home visit or a runaway (not settings), and for a return to
    /// the same family or facility.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use permanency::*;
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let policy = Policy::federal();
    /// let child = Child::new(ChildId::new("C-1")?, Name::new("Sam")?, d(2016, 5, 4), Sex::Male)?;
    /// let mut case = Case::new(child, vec![])?;
    /// let on = |date, what| Event::new(date, what);
    /// let group = |id| NewPlacement::new(PlacementId::new(id)?, Setting::GroupHomeStaffOperated, None);
    /// case.apply(on(d(2024, 1, 10), EventData::Removal(Removal::new(Manner::CourtOrder)))?, &policy)?;
    /// case.apply(on(d(2024, 1, 10), EventData::PlacementBegun(group("PL-1")?))?, &policy)?;
    /// case.apply(on(d(2024, 3, 1), EventData::PlacementChanged(group("PL-2")?))?, &policy)?;
    /// let episode = &case.episodes()[0];
    /// // The first placement is not a move; the change to another group home is one.
    /// assert_eq!(case.placement_move_flags(episode).collect::<Vec<_>>(), [false, true]);
    /// assert_eq!(case.placement_moves(episode), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn placement_move_flags<'a>(
        &'a self,
        episode: &Episode,
    ) -> impl Iterator<Item = bool> + 'a {
        let mut last: Option<&'a Placement> = None;
        self.episode_placements(episode).iter().map(move |p| {
            if !p.setting().counts_as_placement_setting() {
                return false;
            }
            let moved = last.is_some_and(|prev| !prev.same_setting_as(p));
            last = Some(p);
            moved
        })
    }

    /// Every legal parent of the child now, and the state of their rights ("biological or
    /// adoptive parents", SSA §475(2)): the legal-parent members of the birth families' latest
    /// records, and a mother or father marked a legal parent in any other household (a parent
    /// living with a relative), until an adoption is finalized; from then on the legal-parent
    /// members of the
    /// latest record of the family that adopted (record its adoptive parents with
    /// [`Member::legal_parent`](crate::Member::legal_parent)). Members of a pre-adoptive family
    /// are not counted before the finalization. A putative father is never listed (he is not a
    /// legal parent), though his rights may be ended and read with
    /// [`parental_rights`](Case::parental_rights).
    ///
    /// After an adoption, a second adoption needs the adoptive parents' rights ended, and a
    /// TPR may name them. In a step-parent adoption the legal parent who is a member of the
    /// adopting family keeps their rights.
    pub fn legal_parents(&self) -> Vec<ParentStatus> {
        self.facts.legal_parents().collect()
    }

    /// The legal-risk placements, in order: placements for adoption made before every legal
    /// parent's rights had ended (concurrent planning, SSA §471(a)(15)(F)). They are accepted;
    /// the adoption is finalized only once every right has ended.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use permanency::*;
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let child = Child::new(ChildId::new("C-1")?, Name::new("Sam")?, d(2016, 5, 4), Sex::Male)?;
    /// let mother = Person::new(PersonId::new("P-1")?, Name::new("Ann")?);
    /// let birth = Family::builder(FamilyId::new("F-1")?, FamilyKind::Birth)
    ///     .member(Member::new(mother, Relationship::Mother).legal_parent())
    ///     .build()?;
    /// let carer = Person::new(PersonId::new("P-2")?, Name::new("Fay")?);
    /// let adoptive = Family::builder(FamilyId::new("F-2")?, FamilyKind::PreAdoptive)
    ///     .member(Member::new(carer, Relationship::NonRelative).caregiver())
    ///     .build()?;
    /// let mut case = Case::new(child, vec![birth, adoptive])?;
    /// let federal = Policy::federal();
    /// let on = |date, what| Event::new(date, what);
    /// case.apply(on(d(2024, 1, 10), EventData::Removal(Removal::new(Manner::CourtOrder)))?, &federal)?;
    /// case.apply(on(d(2024, 2, 1), EventData::PlanSet(Goals::primary(Goal::Adoption)?))?, &federal)?;
    /// // The mother's rights are intact: a legal-risk placement.
    /// let home = NewPlacement::new(PlacementId::new("PL-1")?, Setting::PreAdoptiveHome, Some(FamilyId::new("F-2")?))?;
    /// case.apply(on(d(2024, 3, 1), EventData::PlacedForAdoption(home))?, &federal)?;
    /// assert_eq!(case.legal_risk_placements().len(), 1);
    /// assert!(case.is_legal_risk(&PlacementId::new("PL-1")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn legal_risk_placements(&self) -> Vec<&Placement> {
        let placements = self.facts.placements();
        self.facts
            .legal_risk()
            .iter()
            .filter_map(|i| placements.get(*i))
            .collect()
    }

    /// The respite stays of the case, in order, each with its first day: stays away from the
    /// placement in progress that return to it (CWPM 1.2B.7). They are not placements, and
    /// [`placement_moves`](Case::placement_moves) never counts them.
    pub fn respites(&self) -> impl Iterator<Item = (NaiveDate, &event::Respite)> + '_ {
        self.facts.events().iter().filter_map(|e| match e.what() {
            event::EventData::Respite(r) => Some((e.date(), r)),
            _ => None,
        })
    }

    /// The child's ICWA status on `date`: the status of the last
    /// [`EventData::IcwaStatusDetermined`](event::EventData::IcwaStatusDetermined) dated on or
    /// before it, else the child's record ([`Child::indian_child_status`]). From a date with the
    /// status "Indian child" or "reason to know" ([`IndianChildStatus::icwa_applies`]) the Act's
    /// rules apply (25 U.S.C. 1903(4); 25 CFR 23.107(b)).
    ///
    /// [`IndianChildStatus::icwa_applies`]: crate::IndianChildStatus::icwa_applies
    pub fn indian_child_status_on(&self, date: NaiveDate) -> &crate::IndianChildStatus {
        self.facts.indian_child_status_on(date)
    }

    /// The child's siblings as of `date`: each sibling id's latest record dated on or before it,
    /// with the latest arrangement recorded (placed together or apart, and the reason), in the
    /// order they were first recorded (SSA §471(a)(31)).
    pub fn siblings_on(&self, date: NaiveDate) -> Vec<crate::connections::SiblingOn> {
        use crate::connections::SiblingOn;
        let mut out: Vec<SiblingOn> = Vec::new();
        // Each sibling's place in `out`: one lookup per record, however many siblings.
        let mut at: std::collections::HashMap<&crate::ChildId, usize> =
            std::collections::HashMap::new();
        for e in self.facts.events().iter().take_while(|e| e.date() <= date) {
            match e.what() {
                event::EventData::SiblingRecorded(s) => match at.get(&s.child) {
                    Some(&i) => out[i].sibling = s.clone(),
                    None => {
                        at.insert(&s.child, out.len());
                        out.push(SiblingOn {
                            sibling: s.clone(),
                            together: None,
                            reason: None,
                        });
                    }
                },
                event::EventData::SiblingsPlacedTogether { sibling } => {
                    if let Some(&i) = at.get(sibling) {
                        (out[i].together, out[i].reason) = (Some(true), None);
                    }
                }
                event::EventData::SiblingsSeparated { sibling, reason } => {
                    if let Some(&i) = at.get(sibling) {
                        (out[i].together, out[i].reason) = (Some(false), *reason);
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Whether the child is placed with all, some or none of the siblings in care on `date`, as
    /// the case records it (a sibling in care with no arrangement recorded counts as apart). To
    /// derive it from the siblings' own cases, see
    /// [`connections::placed_with_siblings`](crate::connections::placed_with_siblings).
    pub fn placed_with_siblings_on(&self, date: NaiveDate) -> crate::connections::SiblingsPlaced {
        let siblings = self.siblings_on(date);
        let in_care: Vec<_> = siblings.iter().filter(|s| s.sibling.in_care).collect();
        let together = in_care.iter().filter(|s| s.together == Some(true)).count();
        crate::connections::placed(in_care.len(), together)
    }

    /// The transfers of the proceeding to a tribe's jurisdiction (25 U.S.C. 1911(b)), in order,
    /// each with its date: the exits of the episodes they ended (transferred to another agency).
    pub fn tribal_transfers(&self) -> impl Iterator<Item = (NaiveDate, &crate::Tribe)> + '_ {
        self.facts.events().iter().filter_map(|e| match e.what() {
            event::EventData::IcwaTransferredToTribe(t) => Some((e.date(), t)),
            _ => None,
        })
    }

    /// Whether placement `id` is a legal-risk placement (see
    /// [`legal_risk_placements`](Case::legal_risk_placements)).
    pub fn is_legal_risk(&self, id: &PlacementId) -> bool {
        self.facts
            .placements()
            .iter()
            .position(|p| p.id() == id)
            .is_some_and(|i| self.facts.is_legal_risk(i))
    }

    /// The legal parents as of `date`, each with their rights on that date: the parents of
    /// [`legal_parents`](Case::legal_parents), as recorded on `date`, until an adoption finalized on or
    /// before it, then those of the family that adopted (SSA §475(2): "biological or
    /// adoptive"). The clocks read this, so that a later record or adoption does not change
    /// what was owed on `date`.
    pub fn legal_parents_on(&self, date: NaiveDate) -> Vec<ParentStatus> {
        let adopter = self
            .episodes()
            .iter()
            .rev()
            .filter(|e| {
                e.exit()
                    .is_some_and(|x| x.reason == ExitReason::Adopted && x.date <= date)
            })
            .find_map(|e| {
                self.episode_placements(e)
                    .last()
                    .and_then(|p| p.caregiver().cloned())
            });
        let mut out = Vec::new();
        for f in self.facts.families_on(date) {
            if adopter.as_ref().is_some_and(|a| f.id() != a) {
                continue;
            }
            let parents = f.members().iter().filter(|m| match &adopter {
                Some(_) => m.is_legal_parent(),
                None => f.is_parent_before_adoption(m),
            });
            for m in parents {
                let person = m.person().id();
                let rights = self.parental_rights(person).on(date);
                out.push(ParentStatus::new(person.clone(), f.id().clone(), rights));
            }
        }
        out
    }

    /// The rights of `person` as the history has them: [`ParentalRights::Intact`] until an event
    /// ends them.
    pub fn parental_rights(&self, person: &PersonId) -> ParentalRights {
        self.facts.parental_rights(person)
    }

    /// The last day a court authorized for the latest trial home visit of the current episode,
    /// if a court extended it: the order that governs is the latest one made (a later order
    /// replaces an earlier one, whether it ends the visit sooner or later). The guards, the fold
    /// and the clocks read the same order.
    pub fn visit_extended_until(&self) -> Option<NaiveDate> {
        let known = self.facts.events().len();
        self.facts
            .last_visit_of_episode()
            .and_then(|v| v.governing_order(known))
    }

    /// The child's case record: child, opening families and events, as serialized. Name the
    /// policy the case was accepted under with [`CaseRecord::under`], so that loading it
    /// replays under that policy.
    pub fn record(&self) -> CaseRecord {
        CaseRecord::new(
            self.opened_child().clone(),
            self.opening_families().to_vec(),
            self.entries().into_iter().cloned().collect(),
        )
    }

    /// The child as the case opened: [`child`](Case::child) unless a correction changed it.
    pub fn opened_child(&self) -> &Child {
        self.log.opened_child.as_ref().unwrap_or(self.child())
    }
}

/// The version of the wire format a case is written in: `"format": 2` in every serialized
/// [`Case`] and [`CaseRecord`]. A record without it is read as the 0.1 format (whose changed
/// payloads still load); one from a later version is refused.
pub const WIRE_FORMAT: u32 = 2;

/// A case as it travels: the child, the families known at opening, the events, and the policy
/// it was accepted under (when it was not the federal one). Building a [`Case`] from it replays
/// the events, so an invalid history cannot be loaded.
///
/// On the wire: `{"format": 2, "policy": {..}, "child": {..}, "families": [..], "events": [..]}`,
/// `policy` left out for the federal policy (see the [manual](crate::manual#the-wire-format)).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "CaseRecordWire", into = "CaseRecordWire")
)]
#[non_exhaustive]
pub struct CaseRecord {
    /// The child.
    pub child: Child,
    /// The families known when the case opened.
    pub families: Vec<Family>,
    /// The history.
    pub events: Vec<Event>,
    /// The policy the history was accepted under; `None` for the federal policy.
    pub policy: Option<Policy>,
}

#[cfg(feature = "serde")]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseRecordWire {
    #[serde(default)]
    format: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    policy: Option<Policy>,
    child: Child,
    #[serde(default)]
    families: Vec<Family>,
    #[serde(default)]
    events: Vec<Event>,
}

#[cfg(feature = "serde")]
impl TryFrom<CaseRecordWire> for CaseRecord {
    type Error = String;
    fn try_from(w: CaseRecordWire) -> Result<CaseRecord, String> {
        match w.format {
            Some(f) if f > WIRE_FORMAT => Err(format!(
                "unsupported case format: expected {WIRE_FORMAT} or earlier, found {f} (written by a newer permanency)"
            )),
            _ => Ok(CaseRecord {
                child: w.child,
                families: w.families,
                events: w.events,
                policy: w.policy,
            }),
        }
    }
}

#[cfg(feature = "serde")]
impl From<CaseRecord> for CaseRecordWire {
    fn from(r: CaseRecord) -> CaseRecordWire {
        CaseRecordWire {
            format: Some(WIRE_FORMAT),
            policy: r.policy,
            child: r.child,
            families: r.families,
            events: r.events,
        }
    }
}

impl CaseRecord {
    /// A record of `child`, the `families` known when the case opened, and `events`.
    pub fn new(child: Child, families: Vec<Family>, events: Vec<Event>) -> CaseRecord {
        CaseRecord {
            child,
            families,
            events,
            policy: None,
        }
    }

    /// The same record, accepted under `policy` (kept as `None` for the federal policy).
    #[must_use]
    pub fn under(mut self, policy: &Policy) -> CaseRecord {
        self.policy = (*policy != Policy::federal()).then(|| policy.clone());
        self
    }

    /// Replays the record under the policy it names, or the federal policy.
    ///
    /// # Errors
    ///
    /// As [`Case::replay`].
    pub fn replay_as_recorded(self) -> Result<Case, ReplayError> {
        let policy = self.policy.clone().unwrap_or_else(Policy::federal);
        self.replay(&policy)
    }

    /// Replays the record under `policy`.
    ///
    /// # Errors
    ///
    /// As [`Case::replay`].
    pub fn replay(self, policy: &Policy) -> Result<Case, ReplayError> {
        Case::replay(self.child, self.families, self.events, policy)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Case {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Case", 4)?;
        st.serialize_field("format", &WIRE_FORMAT)?;
        st.serialize_field("child", self.opened_child())?;
        st.serialize_field("families", self.opening_families())?;
        st.serialize_field("events", &self.entries())?;
        st.end()
    }
}

/// Deserializes a [`CaseRecord`] and replays it under the policy it names (a case valid under a
/// state's shorter limits loads under them), or [`Policy::federal`]. For another policy,
/// deserialize a [`CaseRecord`] and call [`CaseRecord::replay`].
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Case {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let record = CaseRecord::deserialize(d)?;
        record
            .replay_as_recorded()
            .map_err(serde::de::Error::custom)
    }
}
