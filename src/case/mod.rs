//! [`Case`]: a child's case as the ordered list of its accepted events, and everything derived
//! from it.
//!
//! [`Case::apply`] is the only code that changes a case. It finds the event's row in
//! [`transitions::TABLE`], runs every guard the row names (and the checks that apply to every
//! event), and commits only when none is violated. Otherwise it returns a [`Rejection`] listing
//! every violation, and the case is exactly as it was.

pub mod event;
pub mod stage;
pub mod transitions;

use chrono::NaiveDate;

use crate::child::Child;
use crate::date;
use crate::error::Error;
use crate::family::{Family, FamilyKind};
use crate::id::{FamilyId, PersonId, PlacementId};
use crate::placement::{EndReason, Placement};
use crate::plan::PermanencyPlan;
use crate::policy::{OverlongVisitExit, Policy};
use crate::rules::{Check, Rejection, RuleId, Violation};

use event::{Event, EventData, EventKind, Manner};
use stage::{ExitReason, Outcome, Stage};
use transitions::To;

/// One removal episode: from a removal to the exit that ends it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Episode {
    number: u32,
    removal_date: NaiveDate,
    manner: Manner,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    removed_from: Option<FamilyId>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
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
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EpisodeExit {
    /// The exit date: the first day out of care (half-open: the episode is `[removal, exit)`).
    pub date: NaiveDate,
    /// The exit reason.
    pub reason: ExitReason,
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

    /// The index in [`Case::events`] of the removal that began the episode.
    pub fn removal_event(&self) -> usize {
        self.first_event
    }

    /// The index in [`Case::events`] of the event that ended the episode: the discharge, the
    /// finalization or the death — or, for a trial home visit that outlived its limit, the later
    /// removal that showed it. The exit date may be earlier than that event's.
    pub fn exit_event(&self) -> Option<usize> {
        self.exit_event
    }
}

/// A legal parent's rights, as the case's history has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
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
}

/// A legal parent of the child and the state of their rights.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ParentStatus {
    /// The parent.
    pub person: PersonId,
    /// The birth family they belong to.
    pub family: FamilyId,
    /// Their rights.
    pub rights: ParentalRights,
}

/// The state derived from the history: kept in step by [`Case::apply`], never edited otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    stage: Stage,
    families: Vec<Family>,
    placements: Vec<Placement>,
    plans: Vec<PermanencyPlan>,
    episodes: Vec<Episode>,
    rights_ended: Vec<(PersonId, ParentalRights)>,
    visit_extended_until: Option<NaiveDate>,
}

/// A child's case: the child, the families known when it opened, and the ordered list of dated
/// events that were accepted. Stage, placements, plans, episodes and parents' rights are derived
/// from that list.
///
/// Always true of a `Case`: every event in it was accepted by [`Case::apply`] in order — dates
/// never go backwards, at most one placement is open, at most one episode is open, no adoption
/// happened while a legal parent's rights were intact.
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
    child: Child,
    families: Vec<Family>,
    events: Vec<Event>,
    state: State,
}

impl PartialEq for Case {
    /// Two cases are equal when their child, opening families and histories are: the rest is
    /// derived.
    fn eq(&self, other: &Case) -> bool {
        self.child == other.child && self.families == other.families && self.events == other.events
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

/// A refused event of a lenient replay: its position, the event, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The position of the event in the history given.
    pub index: usize,
    /// The event.
    pub event: Event,
    /// Why it was refused.
    pub rejection: Rejection,
}

/// The result of [`Case::replay_lenient`]: the case built from the accepted events, and every
/// refused event with its violations.
#[derive(Debug, Clone)]
pub struct LenientReplay {
    /// The case built from every event that was accepted.
    pub case: Case,
    /// Every refused event, in history order.
    pub refused: Vec<Refused>,
}

impl Case {
    /// Opens a case for `child` with the families known at opening. The case starts in
    /// [`Stage::Intake`] with no event.
    ///
    /// # Errors
    ///
    /// [`Error::Duplicate`] if two families share an id.
    pub fn new(child: Child, families: Vec<Family>) -> Result<Case, Error> {
        for (i, f) in families.iter().enumerate() {
            if families[..i].iter().any(|o| o.id() == f.id()) {
                return Err(Error::Duplicate {
                    what: "family",
                    id: f.id().as_str().to_owned(),
                });
            }
        }
        Ok(Case {
            state: State {
                stage: Stage::Intake,
                families: families.clone(),
                placements: Vec::new(),
                plans: Vec::new(),
                episodes: Vec::new(),
                rights_ended: Vec::new(),
                visit_extended_until: None,
            },
            child,
            families,
            events: Vec::new(),
        })
    }

    /// Replays a history, stopping at the first refused event.
    ///
    /// # Errors
    ///
    /// [`ReplayError::Open`] for families with the same id; [`ReplayError::Refused`] naming the
    /// first refused event and every reason.
    pub fn replay(
        child: Child,
        families: Vec<Family>,
        events: impl IntoIterator<Item = Event>,
        policy: &Policy,
    ) -> Result<Case, ReplayError> {
        let mut case = Case::new(child, families)?;
        let events = events.into_iter();
        case.events.reserve(events.size_hint().0);
        for (index, event) in events.enumerate() {
            case.apply(event, policy)
                .map_err(|rejection| ReplayError::Refused { index, rejection })?;
        }
        Ok(case)
    }

    /// Replays a legacy history, continuing past refused events: the case is built from what was
    /// accepted, and every refused event comes back with its violations, so that one run shows
    /// every problem of a record.
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
        let mut case = Case::new(child, families)?;
        let mut refused = Vec::new();
        for (index, event) in events.into_iter().enumerate() {
            if let Err(rejection) = case.check(&event, policy) {
                refused.push(Refused {
                    index,
                    event,
                    rejection,
                });
            } else {
                case.commit(event, policy);
            }
        }
        Ok(LenientReplay { case, refused })
    }

    /// Whether `event` would be accepted now, without changing the case.
    ///
    /// # Errors
    ///
    /// The [`Rejection`] [`apply`](Case::apply) would return.
    pub fn check(&self, event: &Event, policy: &Policy) -> Result<(), Rejection> {
        let check = Check {
            case: self,
            event,
            policy,
        };
        let mut violations = Vec::new();
        for (_, guard) in transitions::ALWAYS {
            violations.extend(guard(&check));
        }
        match transitions::find(self.state.stage.kind(), event.kind()) {
            Some(row) => {
                for (_, guard) in row.guards() {
                    violations.extend(guard(&check));
                }
            }
            None if self.state.stage == Stage::Deceased => {
                let died = self.events.last().map(Event::date);
                violations.push(Violation::new(
                    RuleId::ChildDeceased,
                    match died {
                        Some(d) => format!("the child died on {d}; no event may follow"),
                        None => "the child died; no event may follow".to_owned(),
                    },
                ));
            }
            None => {
                let allowed: Vec<&str> = self.allowed_now().map(EventKind::as_str).collect();
                violations.push(Violation::new(
                    RuleId::TransitionNotAllowed,
                    format!(
                        "{} is not allowed in stage {}; allowed: {}",
                        event.kind(),
                        self.state.stage,
                        allowed.join(", ")
                    ),
                ));
            }
        }
        if violations.is_empty() {
            Ok(())
        } else {
            Err(Rejection::new(
                event.kind(),
                self.state.stage,
                violations,
                self.allowed_now().collect(),
            ))
        }
    }

    /// Applies `event`: checks it against the transition table and every guard its row names,
    /// and commits it only when no rule is violated.
    ///
    /// # Errors
    ///
    /// A [`Rejection`] listing every violated rule. The case is then exactly as before.
    pub fn apply(&mut self, event: Event, policy: &Policy) -> Result<(), Rejection> {
        self.check(&event, policy)?;
        self.commit(event, policy);
        Ok(())
    }

    /// Folds an accepted event into the derived state and appends it to the history.
    fn commit(&mut self, event: Event, policy: &Policy) {
        let row = transitions::find(self.state.stage.kind(), event.kind())
            .expect("commit follows a successful check, which found the row");
        let date = event.date();
        let index = self.events.len();
        let s = &mut self.state;
        let before = s.stage;
        // The placement in progress ends whenever the event begins another or ends the episode.
        match event.what() {
            EventData::FamilyRecorded(f) => {
                match s.families.iter_mut().find(|o| o.id() == f.id()) {
                    Some(old) => *old = (**f).clone(),
                    None => s.families.push((**f).clone()),
                }
            }
            EventData::Removal(r) => {
                // A removal during a visit comes only after the visit outlived its limit (the
                // table's guard): the episode ended in reunification on the policy's date
                // (45 CFR 1356.21(e), DOMAIN.md §2.7 [I]); this is a re-entry.
                if let Some((start, beyond)) = Self::visit_limit(s, policy) {
                    let exit = Self::overlong_visit_exit(start, beyond, policy);
                    close_open_placement(s, exit, EndReason::LimitExceeded);
                    close_episode(s, exit, ExitReason::Reunified, index);
                }
                s.episodes.push(Episode {
                    number: s.episodes.len() as u32 + 1,
                    removal_date: date,
                    manner: r.manner,
                    removed_from: r.from.clone(),
                    exit: None,
                    first_placement: s.placements.len(),
                    first_event: index,
                    exit_event: None,
                });
                s.visit_extended_until = None;
            }
            EventData::PlanSet(goals) => {
                if let Ok(plan) = PermanencyPlan::new(goals.clone(), date) {
                    s.plans.push(plan);
                }
            }
            EventData::CourtFinding(event::Finding::VisitExtended { until }) => {
                s.visit_extended_until = Some(*until);
            }
            EventData::ParentalRightsTerminated { parent } => {
                s.rights_ended
                    .push((parent.clone(), ParentalRights::Terminated(date)));
            }
            EventData::ParentalRightsRelinquished { parent } => {
                s.rights_ended
                    .push((parent.clone(), ParentalRights::Relinquished(date)));
            }
            EventData::ParentDeceased { parent } => {
                s.rights_ended
                    .push((parent.clone(), ParentalRights::Deceased(date)));
            }
            EventData::AdoptionFinalized => {
                close_open_placement(s, date, EndReason::Discharged);
                close_episode(s, date, ExitReason::Adopted, index);
            }
            EventData::Discharge(d) => {
                match Self::visit_limit(s, policy) {
                    // A visit that outlived its limit ended the episode on the policy's date.
                    Some((start, beyond)) if date > beyond => {
                        let exit = Self::overlong_visit_exit(start, beyond, policy);
                        close_open_placement(s, exit, EndReason::LimitExceeded);
                        close_episode(s, exit, d.reason, index);
                    }
                    _ => {
                        close_open_placement(s, date, EndReason::Discharged);
                        close_episode(s, date, d.reason, index);
                    }
                }
            }
            EventData::Death => {
                close_open_placement(s, date, EndReason::Died);
                close_episode(s, date, ExitReason::Death, index);
            }
            _ => {}
        }
        if let Some(np) = event.what().new_placement() {
            let reason = if event.kind() == EventKind::AdoptionDisrupted {
                EndReason::Disrupted
            } else {
                EndReason::Replaced
            };
            close_open_placement(s, date, reason);
            if let Ok(p) = Placement::begin(np.clone(), date) {
                s.placements.push(p);
            }
            if event.kind() == EventKind::TrialHomeVisitBegun {
                s.visit_extended_until = None;
            }
        }
        s.stage = match row.to() {
            To::Same => before,
            To::Preservation => Stage::Preservation,
            To::FosterCare => Stage::FosterCare,
            To::Reunification => Stage::Reunification,
            To::Adoption => Stage::Adoption,
            To::Exited => Stage::Exited(match event.what() {
                EventData::Discharge(d) => d.reason,
                _ => ExitReason::Adopted,
            }),
            To::Closed => Stage::Closed(match before {
                Stage::Exited(r) => Outcome::Exited(r),
                _ => Outcome::PreservationCompleted,
            }),
            To::Deceased => Stage::Deceased,
        };
        self.events.push(event);
    }

    /// The trial home visit in progress: its start and the first day beyond its authorized
    /// period.
    fn visit_limit(s: &State, policy: &Policy) -> Option<(NaiveDate, NaiveDate)> {
        let visit = s
            .placements
            .last()
            .filter(|p| p.is_open() && p.setting().is_trial_home_visit())?;
        let start = visit.start();
        let beyond =
            crate::rules::trial_home_visit::first_day_beyond(start, s.visit_extended_until, policy);
        Some((start, beyond))
    }

    /// The day an over-long visit ended the episode, by the policy.
    fn overlong_visit_exit(start: NaiveDate, beyond: NaiveDate, policy: &Policy) -> NaiveDate {
        match policy.overlong_visit_exit() {
            OverlongVisitExit::FirstDayBeyondLimit => beyond,
            OverlongVisitExit::VisitStart => start,
        }
    }

    /// The child.
    pub fn child(&self) -> &Child {
        &self.child
    }

    /// The families known when the case opened (as given to [`Case::new`]).
    pub fn opening_families(&self) -> &[Family] {
        &self.families
    }

    /// Every family of the case, in its latest record.
    pub fn families(&self) -> &[Family] {
        &self.state.families
    }

    /// The latest record of family `id`.
    pub fn family(&self, id: &FamilyId) -> Option<&Family> {
        self.state.families.iter().find(|f| f.id() == id)
    }

    /// Family `id` as recorded on `date`: its last `family_recorded` event dated on or before
    /// `date`, else its record at opening.
    pub fn family_on(&self, id: &FamilyId, date: NaiveDate) -> Option<&Family> {
        self.events
            .iter()
            .rev()
            .filter(|e| e.date() <= date)
            .find_map(|e| match e.what() {
                EventData::FamilyRecorded(f) if f.id() == id => Some(&**f),
                _ => None,
            })
            .or_else(|| self.families.iter().find(|f| f.id() == id))
    }

    /// The accepted events, in order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The current stage.
    pub fn stage(&self) -> Stage {
        self.state.stage
    }

    /// The event kinds the transition table allows now (each still subject to its guards).
    pub fn allowed_now(&self) -> impl Iterator<Item = EventKind> {
        transitions::allowed_from(self.state.stage.kind())
    }

    /// Every placement, in order, across all episodes.
    pub fn placements(&self) -> &[Placement] {
        &self.state.placements
    }

    /// The placement in progress, if any.
    pub fn current_placement(&self) -> Option<&Placement> {
        self.state.placements.last().filter(|p| p.is_open())
    }

    /// The placement with this id.
    pub fn placement(&self, id: &PlacementId) -> Option<&Placement> {
        self.state.placements.iter().find(|p| p.id() == id)
    }

    /// Every permanency plan, in order.
    pub fn plans(&self) -> &[PermanencyPlan] {
        &self.state.plans
    }

    /// The plan in force.
    pub fn current_plan(&self) -> Option<&PermanencyPlan> {
        self.state.plans.last()
    }

    /// Every removal episode, in order.
    pub fn episodes(&self) -> &[Episode] {
        &self.state.episodes
    }

    /// The open episode, if the child is in care.
    pub fn current_episode(&self) -> Option<&Episode> {
        self.state.episodes.last().filter(|e| e.exit.is_none())
    }

    /// The placements of `episode`.
    pub fn episode_placements(&self, episode: &Episode) -> &[Placement] {
        let end = self
            .state
            .episodes
            .iter()
            .find(|e| e.number == episode.number + 1)
            .map_or(self.state.placements.len(), |next| next.first_placement);
        &self.state.placements[episode.first_placement.min(end)..end]
    }

    /// The placement moves of `episode`, counted the AFCARS way (CWPM 1.2B.7; `DOMAIN.md` §2.7,
    /// §9.5): the first placement is not a move; trial home visits and runaways are not settings;
    /// a change of the same family's licence (the same caregiver family) is not a move; a return
    /// after a runaway or a visit to the same family, or to the same kind of non-family setting,
    /// is not a move.
    pub fn placement_moves(&self, episode: &Episode) -> u32 {
        let mut moves = 0;
        let mut last: Option<&Placement> = None;
        for p in self
            .episode_placements(episode)
            .iter()
            .filter(|p| p.setting().counts_as_placement_setting())
        {
            if let Some(prev) = last {
                let same_home = match (prev.caregiver(), p.caregiver()) {
                    (Some(a), Some(b)) => a == b,
                    (None, None) => {
                        // Contiguous institution stays are moves; after an interruption, a return
                        // to the same kind of setting is not.
                        prev.end().map(|e| e.date) != Some(p.start())
                            && prev.setting() == p.setting()
                    }
                    _ => false,
                };
                if !same_home {
                    moves += 1;
                }
            }
            last = Some(p);
        }
        moves
    }

    /// Every legal parent of the child (the legal-parent members of the birth families) and the
    /// state of their rights. Members of adoptive or pre-adoptive families are not counted: they
    /// become legal parents only when the adoption is finalized (see [`FamilyKind::Birth`]).
    pub fn legal_parents(&self) -> Vec<ParentStatus> {
        self.state
            .families
            .iter()
            .filter(|f| f.kind() == FamilyKind::Birth)
            .flat_map(|f| {
                f.legal_parents().map(|m| ParentStatus {
                    person: m.person().id().clone(),
                    family: f.id().clone(),
                    rights: self.parental_rights(m.person().id()),
                })
            })
            .collect()
    }

    /// The rights of `person` as the history has them: [`ParentalRights::Intact`] until an event
    /// ends them.
    pub fn parental_rights(&self, person: &PersonId) -> ParentalRights {
        self.state
            .rights_ended
            .iter()
            .find(|(p, _)| p == person)
            .map_or(ParentalRights::Intact, |(_, r)| *r)
    }

    /// The court's extension of the trial home visit in progress, if any.
    pub fn visit_extended_until(&self) -> Option<NaiveDate> {
        self.state.visit_extended_until
    }

    /// The child's case record: child, opening families and events, as serialized.
    pub fn record(&self) -> CaseRecord {
        CaseRecord {
            child: self.child.clone(),
            families: self.families.clone(),
            events: self.events.clone(),
        }
    }
}

fn close_open_placement(s: &mut State, date: NaiveDate, reason: EndReason) {
    if let Some(p) = s.placements.last_mut().filter(|p| p.is_open())
        && let Ok(ended) = p.clone().ended(date.max(p.start()), reason)
    {
        *p = ended;
    }
}

fn close_episode(s: &mut State, date: NaiveDate, reason: ExitReason, event: usize) {
    if let Some(e) = s.episodes.last_mut().filter(|e| e.exit.is_none()) {
        e.exit = Some(EpisodeExit {
            date: date.max(e.removal_date),
            reason,
        });
        e.exit_event = Some(event);
    }
}

/// A case as it travels: the child, the families known at opening, and the events. Building a
/// [`Case`] from it replays the events, so an invalid history cannot be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct CaseRecord {
    /// The child.
    pub child: Child,
    /// The families known when the case opened.
    #[cfg_attr(feature = "serde", serde(default))]
    pub families: Vec<Family>,
    /// The history.
    #[cfg_attr(feature = "serde", serde(default))]
    pub events: Vec<Event>,
}

impl CaseRecord {
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
        let mut st = s.serialize_struct("Case", 3)?;
        st.serialize_field("child", &self.child)?;
        st.serialize_field("families", &self.families)?;
        st.serialize_field("events", &self.events)?;
        st.end()
    }
}

/// Deserializes a [`CaseRecord`] and replays it under [`Policy::federal`]. For another policy,
/// deserialize a [`CaseRecord`] and call [`CaseRecord::replay`].
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Case {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let record = CaseRecord::deserialize(d)?;
        record
            .replay(&Policy::federal())
            .map_err(serde::de::Error::custom)
    }
}
