//! The engine the clocks run on: a case as of a date ([`View`]) and one of its episodes
//! ([`EpisodeView`]), the two shapes every clock shares — met once ([`MetOnce`]) and recurring
//! ([`recurring`]) — and the table of the clocks ([`CLOCKS`]): one row per [`ObligationKind`]
//! per scope, naming the function that derives it — per episode, or once for the case (the ICWA
//! findings, notices and consents of a termination or relinquishment before any removal are the
//! kinds with both).

use std::cell::OnceCell;

use chrono::NaiveDate;

use super::types::{Consequence, Obligation, ObligationKind, Status, Waiver};
use super::{ages, asfa, connections, ffpsa, icwa, payments, supports, visits, wellbeing};
use crate::case::event::{Event, EventData, EventKind, Finding};
use crate::case::{Case, Episode};
use crate::policy::Policy;
use crate::rules::Subject;

/// A case as of a date: the events on or before it, and helpers every clock shares.
#[derive(Debug)]
pub(crate) struct View<'a> {
    pub(crate) case: &'a Case,
    pub(crate) as_of: NaiveDate,
    pub(crate) policy: &'a Policy,
    /// The events dated on or before `as_of`.
    pub(crate) events: &'a [Event],
    /// The birthday care ends on (majority, or the state's extended-care age), read once for
    /// the clocks that count from it.
    care_end: OnceCell<NaiveDate>,
    /// [`recurring_until`](View::recurring_until), read once.
    recurring_until: OnceCell<NaiveDate>,
    /// The birthday transition services begin on (14), read once for the clocks that count
    /// from it.
    transition_age: OnceCell<NaiveDate>,
    /// The DEFC of each of the first episodes, read once for the per-episode clocks and the
    /// 15-of-22 count.
    defc: [OnceCell<NaiveDate>; 4],
    /// The positions of the school enrollments among `events`, read once for the school clocks.
    enrollments: OnceCell<Vec<usize>>,
    /// The positions of the relatives identified among `events`, read once for the notices.
    relatives: OnceCell<Vec<usize>>,
    /// The kinds of `events`, read in one pass when the view is made: a clock whose events do
    /// not occur in the case skips its scan.
    pub(crate) kinds: Kinds,
}

/// The age at which title IV-E foster care ends at the latest: a state's extended care reaches
/// at most the 21st birthday (SSA §475(8)(B)(iii)).
const OLDEST_IN_CARE: u32 = 21;

/// Which [`EventKind`]s occur among some events: one bit per kind, set in one pass over them.
/// Clocks read it to skip a scan for events of a kind the history does not have (most cases
/// have no runaway, no family-time plan, no adoption assistance agreement): what a scan would
/// have found among no such events, they derive without it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Kinds(u128);

const _: () = assert!(
    EventKind::ALL.len() <= 128,
    "a kind fits in a bit of a u128"
);

impl Kinds {
    /// The kinds of `events`.
    pub(crate) fn of<'e>(events: impl IntoIterator<Item = &'e Event>) -> Kinds {
        Kinds(
            events
                .into_iter()
                .fold(0, |bits, e| bits | Kinds::bit(e.kind())),
        )
    }

    /// The bit of `kind`, read from a table (a shift of a `u128` by a variable count costs more).
    fn bit(kind: EventKind) -> u128 {
        const BITS: [u128; EventKind::ALL.len()] = {
            let mut bits = [0; EventKind::ALL.len()];
            let mut i = 0;
            while i < bits.len() {
                bits[i] = 1 << i;
                i += 1;
            }
            bits
        };
        BITS[kind as usize]
    }

    /// Whether an event of `kind` occurs.
    pub(crate) fn has(self, kind: EventKind) -> bool {
        self.0 & Kinds::bit(kind) != 0
    }

    /// The kinds of either.
    pub(crate) fn union(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }
}

impl<'a> View<'a> {
    pub(super) fn new(case: &'a Case, as_of: NaiveDate, policy: &'a Policy) -> View<'a> {
        let all = case.events();
        let n = all.partition_point(|e| e.date() <= as_of);
        let events = &all[..n];
        View {
            case,
            as_of,
            policy,
            events,
            care_end: OnceCell::new(),
            recurring_until: OnceCell::new(),
            transition_age: OnceCell::new(),
            defc: Default::default(),
            enrollments: OnceCell::new(),
            relatives: OnceCell::new(),
            kinds: Kinds::of(events),
        }
    }

    /// The episodes begun on or before `as_of`.
    pub(crate) fn episodes(&self) -> &'a [Episode] {
        let all = self.case.episodes();
        let n = all.partition_point(|e| e.removal_event() < self.events.len());
        &all[..n]
    }

    /// The exit of `episode` as `as_of` knows it: the exit the history records, if the event
    /// that ended it is dated on or before `as_of`; else, when the child is on a trial home visit
    /// that has outlived its authorized period by `as_of` (no return, discharge or court order
    /// by the first day beyond it), the day the visit ended the episode by the policy
    /// ([`OverlongVisitExit`](crate::policy::OverlongVisitExit); 45 CFR 1356.21(e)) — the
    /// history shows that exit only with the next event, but the law does not wait for it.
    pub(crate) fn exit_of(&self, episode: &Episode) -> Option<NaiveDate> {
        match episode.exit() {
            Some(x) if episode.exit_event().is_some_and(|i| i < self.events.len()) => Some(x.date),
            _ => self.overlong_visit_exit(episode),
        }
    }

    /// The day an over-long trial home visit under way in `episode` ended it, when it has
    /// outlived its period by `as_of` (see [`exit_of`](View::exit_of)).
    fn overlong_visit_exit(&self, episode: &Episode) -> Option<NaiveDate> {
        let facts = self.case.facts();
        let first = episode.first_placement();
        let placements = self.case.episode_placements(episode);
        // The episode's last placement begun by `as_of`, a visit not ended by then.
        let started = placements.partition_point(|p| p.start() <= self.as_of);
        let slot = first + started.checked_sub(1)?;
        let p = &placements[started - 1];
        // Ended by `as_of` otherwise than by outliving its period (which the history records
        // only with the event after it), the visit is over.
        let ended = p.end().is_some_and(|e| {
            e.reason != crate::placement::EndReason::LimitExceeded && e.date <= self.as_of
        });
        if !p.setting().is_trial_home_visit() || ended {
            return None;
        }
        let visits = facts.visits();
        let visit = visits.get(visits.partition_point(|v| v.placement() < slot))?;
        let known = self.events.len();
        (visit.placement() == slot && self.as_of > visit.first_day_beyond(known, self.policy))
            .then(|| visit.deemed_exit(known, self.policy))
    }

    /// How placement `p` ended, if the event that ended it is dated on or before `as_of`. A trial
    /// home visit that outlived its limit ends on an earlier date than the removal or discharge
    /// that shows it: its end is known once its episode's exit is ([`exit_of`](View::exit_of):
    /// with that event, or once `as_of` is past the visit's period) — and a visit still under
    /// way in the history that has outlived its period by `as_of` ended then too, on the same
    /// day, whether or not the event that will show it is in the history yet.
    pub(crate) fn end_of(
        &self,
        p: &crate::placement::Placement,
    ) -> Option<crate::placement::PlacementEnd> {
        let Some(end) = p.end() else {
            if !p.setting().is_trial_home_visit() || p.start() > self.as_of {
                return None;
            }
            let episodes = self.episodes();
            let n = episodes.partition_point(|e| e.removal_date() <= p.start());
            let episode = &episodes[n.checked_sub(1)?];
            return self.overlong_visit_exit(episode).map(|date| {
                crate::placement::PlacementEnd::new(
                    date,
                    crate::placement::EndReason::LimitExceeded,
                )
            });
        };
        let known = if end.reason == crate::placement::EndReason::LimitExceeded {
            // The episode the visit belongs to: the last removed on or before its start.
            let episodes = self.episodes();
            let n = episodes.partition_point(|e| e.removal_date() <= p.start());
            n.checked_sub(1)
                .is_some_and(|i| self.exit_of(&episodes[i]).is_some())
        } else {
            end.date <= self.as_of
        };
        known.then_some(end)
    }

    /// The placement the child was in on `on` (on or before `as_of`), as far as `as_of` knows.
    pub(crate) fn placement_on(&self, on: NaiveDate) -> Option<&'a crate::placement::Placement> {
        let placements = self.case.placements();
        let n = placements.partition_point(|p| p.start() <= on);
        placements[..n]
            .last()
            .filter(|p| self.end_of(p).is_none_or(|e| e.date > on))
    }

    /// Family `id` as recorded on `as_of`.
    pub(crate) fn family(&self, id: &crate::id::FamilyId) -> Option<&'a crate::family::Family> {
        self.case.family_on(id, self.as_of)
    }

    /// The date the child is considered to have entered foster care in `episode`, as known on
    /// `as_of` (see [`asfa::date_entered_foster_care`]).
    pub(crate) fn defc(&self, episode: &Episode) -> NaiveDate {
        let read = || asfa::date_entered_foster_care(self.case, episode, self.as_of, self.policy);
        // Episode `n` is the `n`th.
        match self.defc.get((episode.number() as usize).wrapping_sub(1)) {
            Some(cell) => *cell.get_or_init(read),
            None => read(),
        }
    }

    /// The positions of the school enrollments among the events, in order (read once).
    pub(crate) fn enrollments(&self) -> &[usize] {
        if !self.kinds.has(EventKind::SchoolEnrolled) {
            return &[];
        }
        self.enrollments.get_or_init(|| {
            self.events
                .iter()
                .enumerate()
                .filter(|(_, e)| matches!(e.what(), EventData::SchoolEnrolled(_)))
                .map(|(i, _)| i)
                .collect()
        })
    }

    /// The positions of the relatives identified among the events, in order (read once).
    pub(crate) fn relatives(&self) -> &[usize] {
        if !self.kinds.has(EventKind::RelativeIdentified) {
            return &[];
        }
        self.relatives.get_or_init(|| {
            self.events
                .iter()
                .enumerate()
                .filter(|(_, e)| matches!(e.what(), EventData::RelativeIdentified(_)))
                .map(|(i, _)| i)
                .collect()
        })
    }

    /// The birthday care ends on: majority, or the state's extended-care age.
    pub(crate) fn care_end(&self) -> NaiveDate {
        *self.care_end.get_or_init(|| {
            let policy = self.policy;
            self.case.child().attains_age(policy.care_end_age(), policy)
        })
    }

    /// The first day no recurring obligation of care counts into: the later of the birthday care
    /// ends on ([`care_end`](Self::care_end)) and the 21st, the oldest age title IV-E foster
    /// care reaches (SSA §475(8)(B)(iii)). A child still recorded in care after it owes the
    /// exit ([`ObligationKind::CareEndAge`]), not a monthly visit or a family-time period for
    /// every month to the date asked: so the obligations of any date, however far ahead, stay
    /// bounded by the child's years in care.
    pub(crate) fn recurring_until(&self) -> NaiveDate {
        *self.recurring_until.get_or_init(|| {
            let oldest = self.case.child().attains_age(OLDEST_IN_CARE, self.policy);
            self.care_end().max(oldest)
        })
    }

    /// The birthday transition services begin on: the policy's
    /// [`transition_services_age`](Policy::transition_services_age) (14).
    pub(crate) fn transition_age(&self) -> NaiveDate {
        *self.transition_age.get_or_init(|| {
            let policy = self.policy;
            self.case
                .child()
                .attains_age(policy.transition_services_age(), policy)
        })
    }

    /// `months_after` under the policy's month-end convention.
    pub(crate) fn months_after(&self, d: NaiveDate, n: u32) -> NaiveDate {
        super::calendar::months_after_with(d, n, self.policy.month_end())
    }

    /// Met on `on` against `due`.
    pub(crate) fn met(due: NaiveDate, on: NaiveDate) -> Status {
        if on <= due {
            Status::Met(on)
        } else {
            Status::MetLate(on)
        }
    }

    /// A milestone on `date`: reached once `as_of` is on or after it.
    pub(crate) fn milestone(&self, date: NaiveDate) -> Status {
        if self.as_of >= date {
            Status::Reached
        } else {
            Status::Upcoming
        }
    }

    /// An obligation met once, of `kind`, counted from `from` and due on `due` (see
    /// [`MetOnce`]).
    pub(crate) fn once(
        &self,
        kind: ObligationKind,
        episode: Option<u32>,
        from: NaiveDate,
        due: NaiveDate,
    ) -> MetOnce {
        MetOnce {
            kind,
            episode,
            from,
            due,
            as_of: self.as_of,
            met: None,
            owed: true,
            applies_from: None,
            waiver: None,
            lapsed: false,
            if_missed: None,
            subject: None,
        }
    }

    /// The number of the episode under way on `date` (the last one removed on or before it).
    pub(crate) fn episode_on(&self, date: NaiveDate) -> Option<u32> {
        let episodes = self.episodes();
        let n = episodes.partition_point(|e| e.removal_date() <= date);
        episodes[..n].last().map(Episode::number)
    }

    /// The first date whose court determinations belong to the episode under way on `on` (see
    /// [`findings_start`]): the date of the first event of its findings, at latest its removal;
    /// `on` itself before any episode.
    pub(crate) fn findings_from(&self, on: NaiveDate) -> NaiveDate {
        let episodes = self.episodes();
        let n = episodes.partition_point(|e| e.removal_date() <= on);
        let Some(index) = n.checked_sub(1) else {
            return on;
        };
        let start = findings_start(self.events, episodes, index);
        let removal = episodes[index].removal_date();
        self.events
            .get(start)
            .map_or(removal, |e| e.date().min(removal))
    }

    /// Not met: overdue once `as_of` is past `due`.
    pub(crate) fn unmet(&self, due: NaiveDate) -> Status {
        unmet(self.as_of, due)
    }
}

/// Not met as of `as_of`: overdue once it is past `due`, upcoming until then.
fn unmet(as_of: NaiveDate, due: NaiveDate) -> Status {
    if as_of > due {
        Status::Overdue
    } else {
        Status::Upcoming
    }
}

/// One episode within a [`View`]: its events and its end as of the date, and the inputs several
/// of its clocks share (DEFC, the QRTP records), each read once, when a clock first asks.
#[derive(Debug)]
pub(crate) struct EpisodeView<'a> {
    pub(crate) view: &'a View<'a>,
    pub(crate) episode: &'a Episode,
    /// The events of the episode (from its removal to the next removal), on or before `as_of`.
    pub(crate) events: &'a [Event],
    /// The events between the previous episode's exit (or the case's start) and this removal:
    /// the court findings among them (a pick-up order, an adjudication in an in-home case) are
    /// this episode's, as they sanction its removal (see [`EpisodeView::findings`]).
    pub(crate) before: &'a [Event],
    /// `before` and `events` together: the events whose court findings and determinations are
    /// the episode's.
    pub(crate) window: &'a [Event],
    /// The position in the view's events just past the episode's last event.
    pub(crate) end: usize,
    /// The first day out of care, when the episode ended on or before `as_of`.
    pub(crate) exit: Option<NaiveDate>,
    /// The kinds of `events` (see [`Kinds`]).
    pub(crate) kinds: Kinds,
    /// The kinds of `before` and `events` together.
    pub(crate) kinds_with_before: Kinds,
    first_hearing_due: OnceCell<NaiveDate>,
    expedited: OnceCell<Expedited>,
    settings: OnceCell<ffpsa::Settings>,
    qrtp: OnceCell<ffpsa::QrtpRecords<'a>>,
}

/// The index, among `events`, of the first event whose court findings belong to episode number
/// `index + 1` of `episodes`: the case's first event for the first episode; the event after the
/// previous episode's exit event; and after an over-long trial home visit, whose exit is shown
/// only by this removal (no exit event before it), the first event dated on or after the
/// visit's deemed exit — the child was out of care from then, and an order of those days (a
/// pick-up order) sanctions this removal.
pub(crate) fn findings_start(events: &[Event], episodes: &[Episode], index: usize) -> usize {
    let Some(episode) = episodes.get(index) else {
        return events.len();
    };
    let removal = episode.removal_event().min(events.len());
    let Some(prev) = index.checked_sub(1).and_then(|i| episodes.get(i)) else {
        return 0;
    };
    match (prev.exit_event(), prev.exit()) {
        (Some(x), _) if x < removal => x + 1,
        (_, Some(exit)) => events[..removal].partition_point(|e| e.date() < exit.date),
        _ => removal,
    }
}

impl<'a> EpisodeView<'a> {
    pub(super) fn new(view: &'a View<'a>, episode: &'a Episode, index: usize) -> EpisodeView<'a> {
        let end = view
            .episodes()
            .get(index + 1)
            .map_or(view.events.len(), |next| next.removal_event());
        let removal = episode.removal_event();
        let start = findings_start(view.events, view.episodes(), index);
        let events = &view.events[removal..end];
        let before = &view.events[start..removal];
        let kinds = Kinds::of(events);
        EpisodeView {
            view,
            episode,
            events,
            before,
            window: &view.events[start..end],
            end,
            exit: view.exit_of(episode),
            kinds,
            kinds_with_before: kinds.union(Kinds::of(before)),
            first_hearing_due: OnceCell::new(),
            expedited: OnceCell::new(),
            settings: OnceCell::new(),
            qrtp: OnceCell::new(),
        }
    }

    pub(crate) fn number(&self) -> Option<u32> {
        Some(self.episode.number())
    }

    pub(crate) fn removal(&self) -> NaiveDate {
        self.episode.removal_date()
    }

    /// The date the child is considered to have entered foster care in this episode, as known
    /// on `as_of` (see [`asfa::date_entered_foster_care`]).
    pub(crate) fn defc(&self) -> NaiveDate {
        self.view.defc(self.episode)
    }

    /// DEFC plus the permanency-hearing months: when the first permanency hearing and the first
    /// determination of reasonable efforts to finalize are due (computed once for both).
    pub(crate) fn first_hearing_due(&self) -> NaiveDate {
        let view = self.view;
        *self
            .first_hearing_due
            .get_or_init(|| view.months_after(self.defc(), view.policy.permanency_hearing_months()))
    }

    /// Where the episode's first findings that set off the expedited clocks are (see
    /// [`Expedited`]), read in one pass over its [`window`](EpisodeView::window): a
    /// determination in the order that sanctions the removal, made before it, starts its clocks
    /// as one made after.
    pub(crate) fn expedited(&self) -> Expedited {
        *self.expedited.get_or_init(|| {
            let none = self.window.len();
            let mut found = Expedited {
                excused: none,
                abandoned: none,
            };
            for (i, e) in self.window.iter().enumerate() {
                match e.what() {
                    EventData::CourtFinding(Finding::ReunificationEffortsNotRequired {
                        ..
                    }) if found.excused == none => {
                        found.excused = i;
                    }
                    EventData::CourtFinding(Finding::AbandonedInfant)
                        if found.abandoned == none =>
                    {
                        found.abandoned = i;
                    }
                    _ => {}
                }
            }
            found
        })
    }

    /// Which settings the episode's placements used (see [`ffpsa::Settings`]), read in one pass.
    pub(crate) fn settings(&self) -> ffpsa::Settings {
        *self.settings.get_or_init(|| ffpsa::Settings::read(self))
    }

    /// The episode's QRTP placements and their records, read in one pass over its placements
    /// and one over its events.
    pub(crate) fn qrtp_records(&self) -> &ffpsa::QrtpRecords<'a> {
        self.qrtp.get_or_init(|| ffpsa::QrtpRecords::read(self))
    }

    /// Whether the child is still in care on `date` in this episode (and `date` <= as_of).
    pub(crate) fn owes_on(&self, due: NaiveDate) -> bool {
        self.exit.is_none_or(|x| x > due)
    }

    /// An obligation of this episode met once (see [`MetOnce`]).
    pub(crate) fn once(&self, kind: ObligationKind, from: NaiveDate, due: NaiveDate) -> MetOnce {
        self.view.once(kind, self.number(), from, due)
    }

    /// The dates of the episode's findings that match (`pick` is inlined into the scan), those
    /// made before the removal first: a finding in the order that sanctions a removal (a pick-up
    /// order dated the day before, or the same day but recorded first) belongs to the episode it
    /// sanctions (45 CFR 1356.21(c): "the first court ruling that sanctions (even temporarily)
    /// the removal"), as do the findings after the previous episode's exit.
    pub(crate) fn findings(
        &self,
        pick: impl Fn(&Finding) -> bool + 'static,
    ) -> impl Iterator<Item = NaiveDate> + '_ {
        self.before
            .iter()
            .chain(self.events)
            .filter_map(move |e| match e.what() {
                EventData::CourtFinding(f) if pick(f) => Some(made_on(e)),
                _ => None,
            })
    }

    /// The dates of the findings that match made from the removal on (not before it).
    pub(crate) fn findings_in_care(
        &self,
        pick: impl Fn(&Finding) -> bool + 'static,
    ) -> impl Iterator<Item = NaiveDate> + '_ {
        self.events.iter().filter_map(move |e| match e.what() {
            EventData::CourtFinding(f) if pick(f) => Some(made_on(e)),
            _ => None,
        })
    }

    /// The dates of the episode's events that match (`pick` is inlined into the scan).
    pub(crate) fn dates(
        &self,
        pick: impl Fn(&EventData) -> bool + 'static,
    ) -> impl Iterator<Item = NaiveDate> + '_ {
        self.events
            .iter()
            .filter(move |e| pick(e.what()))
            .map(Event::date)
    }

    /// The dates of the episode's events that match, as [`dates`](EpisodeView::dates), for
    /// events of `kind` (the kind `pick` matches): when none occurs in the episode (see
    /// [`Kinds`]), the events are not read.
    pub(crate) fn dates_of(
        &self,
        kind: EventKind,
        pick: impl Fn(&EventData) -> bool + 'static,
    ) -> impl Iterator<Item = NaiveDate> + '_ {
        let events = if self.kinds.has(kind) {
            self.events
        } else {
            &[]
        };
        events
            .iter()
            .filter(move |e| pick(e.what()))
            .map(Event::date)
    }
}

/// The day a court finding counts as made: its date, or for an order entered *nunc pro tunc*
/// (issued after the date it takes effect) its issue date — 45 CFR 1356.21(d): a nunc pro tunc
/// order does not show a determination made when the order says.
fn made_on(e: &Event) -> NaiveDate {
    e.issued().map_or(e.date(), |issued| issued.max(e.date()))
}

/// The positions, in an episode's events, of its first finding that reunification efforts are
/// not required and of its first abandoned-infant finding (the events' length when there is
/// none): the three clocks these findings set off (the permanency hearing within 30 days, the
/// expedited TPR petitions) read the events from there. The findings are rare, so that most
/// episodes skip those clocks after one shared pass.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Expedited {
    pub(crate) excused: usize,
    pub(crate) abandoned: usize,
}

/// The first of `dates` on or after `from`: a binary search, as `dates` are in order (the
/// events' dates are: a case accepts no event dated before the last).
pub(crate) fn first_on_or_after(dates: &[NaiveDate], from: NaiveDate) -> Option<NaiveDate> {
    dates.get(dates.partition_point(|d| *d < from)).copied()
}

/// An obligation met once: the one reading every such clock shares. Built with
/// [`View::once`] (or [`EpisodeView::once`]), it stands:
///
/// - met on time or late, on the day it was [`met`](MetOnce::met);
/// - when not met: nothing at all if it stopped being [`owed`](MetOnce::owed) before it was due
///   (the child left care, or left the placement); not yet applicable before the day it
///   [`applies_from`](MetOnce::applies_from); [`waived`](MetOnce::waived) when an exception
///   applies; otherwise overdue once the due date has passed, upcoming before;
/// - overdue whatever the date when the history shows it [`lapsed`](MetOnce::lapsed).
///
/// The consequence given with [`if_missed`](MetOnce::if_missed) is attached when it was met late
/// or is overdue.
#[must_use]
pub(crate) struct MetOnce {
    kind: ObligationKind,
    episode: Option<u32>,
    from: NaiveDate,
    due: NaiveDate,
    as_of: NaiveDate,
    met: Option<NaiveDate>,
    owed: bool,
    applies_from: Option<NaiveDate>,
    waiver: Option<Waiver>,
    lapsed: bool,
    if_missed: Option<Consequence>,
    subject: Option<Subject>,
}

impl MetOnce {
    /// The day it was met, if it was.
    pub(crate) fn met(self, on: Option<NaiveDate>) -> MetOnce {
        MetOnce { met: on, ..self }
    }

    /// Whether, unmet, it is still owed on its due date (by default it is).
    pub(crate) fn owed(self, owed: bool) -> MetOnce {
        MetOnce { owed, ..self }
    }

    /// Unmet before `start`, it is not yet applicable: the due date is a projection.
    pub(crate) fn applies_from(self, start: NaiveDate) -> MetOnce {
        MetOnce {
            applies_from: Some(start),
            ..self
        }
    }

    /// The exception that waives it when unmet, if any.
    pub(crate) fn waived(self, waiver: Option<Waiver>) -> MetOnce {
        MetOnce { waiver, ..self }
    }

    /// Whether the history shows it missed whatever the date asked (a trial home visit that
    /// outlived its limit): overdue.
    pub(crate) fn lapsed(self, lapsed: bool) -> MetOnce {
        MetOnce { lapsed, ..self }
    }

    /// What missing it (late or overdue) costs.
    pub(crate) fn if_missed(self, consequence: Consequence) -> MetOnce {
        MetOnce {
            if_missed: Some(consequence),
            ..self
        }
    }

    /// The placement, person or family it is about.
    pub(crate) fn about(self, subject: Subject) -> MetOnce {
        MetOnce {
            subject: Some(subject),
            ..self
        }
    }

    /// The obligation, or `None` when nothing is owed.
    #[inline]
    pub(crate) fn obligation(self) -> Option<Obligation> {
        let status = match self.met {
            _ if self.lapsed => Status::Overdue,
            Some(on) => View::met(self.due, on),
            None if !self.owed => return None,
            None if self.applies_from.is_some_and(|s| self.as_of < s) => Status::NotYetApplicable,
            None => match self.waiver {
                Some(w) => Status::Waived(w),
                None => unmet(self.as_of, self.due),
            },
        };
        let missed = matches!(status, Status::MetLate(_) | Status::Overdue);
        let o = Obligation::new(self.kind, self.episode, self.from, self.due, status)
            .with_consequence(self.if_missed.filter(|_| missed));
        Some(match self.subject {
            Some(s) => o.about(s),
            None => o,
        })
    }

    /// Adds the obligation to `out`, when one is owed.
    #[inline]
    pub(crate) fn push(self, out: &mut Vec<Obligation>) {
        if let Some(o) = self.obligation() {
            out.push(o);
        }
    }
}

/// A recurring obligation: the first is due `first_due`; each one met resets the next to `every`
/// months after the date it was met (a late one does not move the schedule back, an early one
/// pulls it forward: this crate's reading of "at least every 6 months" and "not less frequently
/// than every 12 months" in SSA §475(5)(B)–(C)), or, on a fixed schedule, each is due `every`
/// months after the last due date and met by the first held since it (two held in one period
/// meet one). `held` gives the dates of the events that meet
/// it, in order. Stops at the first unmet one, or when the episode ends before the next is due.
pub(crate) struct Rhythm {
    /// What recurs.
    pub(crate) kind: ObligationKind,
    /// The date the first one counts from.
    pub(crate) start: NaiveDate,
    /// The first due date.
    pub(crate) first_due: NaiveDate,
    /// Months from one met to the next due.
    pub(crate) every: u32,
    /// Whether the next one counts from the date the last was met (else from `start`, on a fixed
    /// schedule of `every` months).
    pub(crate) from_held: bool,
}

pub(crate) fn recurring(
    ep: &EpisodeView<'_>,
    rhythm: Rhythm,
    held: impl Iterator<Item = NaiveDate>,
    out: &mut Vec<Obligation>,
    consequence: impl Fn(NaiveDate, Option<NaiveDate>) -> Option<Consequence>,
) {
    let Rhythm {
        kind,
        start,
        first_due,
        every,
        from_held,
    } = rhythm;
    let mut nth = 1;
    let view = ep.view;
    let mut from = start;
    let mut due = first_due;
    // `held` is the episode's own record: one held before `start` (a hearing before DEFC) still
    // meets the first obligation and sets the rhythm.
    let mut next = held.peekable();
    loop {
        match next.next() {
            Some(on) => {
                let status = View::met(due, on);
                out.push(
                    Obligation::new(kind, ep.number(), from, due, status)
                        .with_consequence(consequence(due, Some(on))),
                );
                nth += 1;
                // Several held on the same day meet one obligation; on a fixed schedule, so do
                // several held in the same period (by the same due date): each period needs its
                // own.
                let covered = if from_held { on } else { on.max(due) };
                while next.peek().is_some_and(|&x| x <= covered) {
                    next.next();
                }
                (from, due) = if from_held {
                    (on, view.months_after(on, every))
                } else {
                    (due, view.months_after(start, every.saturating_mul(nth)))
                };
            }
            // Not met, and the child left care before it was due: nothing is owed.
            None if !ep.owes_on(due) => return,
            None => {
                let status = view.unmet(due);
                let c = if status == Status::Overdue {
                    consequence(due, None)
                } else {
                    None
                };
                out.push(Obligation::new(kind, ep.number(), from, due, status).with_consequence(c));
                return;
            }
        }
    }
}

/// A clock derived for each episode.
pub(super) type EpisodeClock = fn(&EpisodeView<'_>, &mut Vec<Obligation>);
/// A clock derived once, from the whole case.
pub(super) type CaseClock = fn(&View<'_>, &mut Vec<Obligation>);

/// How a clock is derived.
#[derive(Clone, Copy)]
pub(super) enum Scope {
    /// For each episode begun by the date asked, in episode order.
    Episode(EpisodeClock),
    /// Once, from the whole case.
    Case(CaseClock),
}

/// One row of [`CLOCKS`]: an obligation kind and the function that derives it in one scope.
#[derive(Clone, Copy)]
pub(super) struct Clock {
    pub(super) kind: ObligationKind,
    pub(super) scope: Scope,
}

impl Clock {
    const fn episode(kind: ObligationKind, derive: EpisodeClock) -> Clock {
        Clock {
            kind,
            scope: Scope::Episode(derive),
        }
    }

    const fn case(kind: ObligationKind, derive: CaseClock) -> Clock {
        Clock {
            kind,
            scope: Scope::Case(derive),
        }
    }
}

/// Runs `derive`, the clock of `kind`, checking (in debug builds) that it adds only that kind.
#[inline(always)]
pub(super) fn checked(
    kind: ObligationKind,
    out: &mut Vec<Obligation>,
    derive: impl FnOnce(&mut Vec<Obligation>),
) {
    let before = out.len();
    derive(out);
    debug_assert!(
        out[before..].iter().all(|o| o.kind() == kind),
        "the {kind:?} clock derived another kind"
    );
}

/// How many rows of [`CLOCKS`] are derived per episode.
const fn episode_rows() -> usize {
    let (mut i, mut n) = (0, 0);
    while i < CLOCKS.len() {
        if let Scope::Episode(_) = CLOCKS[i].scope {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The rows of [`CLOCKS`] derived per episode, in order (read from the table when compiling, so
/// that deriving one does not test its scope).
pub(super) const EPISODE_CLOCKS: [(ObligationKind, EpisodeClock); episode_rows()] = {
    let mut rows = [(
        ObligationKind::ContraryToWelfare,
        asfa::contrary_to_welfare as EpisodeClock,
    ); episode_rows()];
    let (mut i, mut k) = (0, 0);
    while i < CLOCKS.len() {
        if let Scope::Episode(derive) = CLOCKS[i].scope {
            rows[k] = (CLOCKS[i].kind, derive);
            k += 1;
        }
        i += 1;
    }
    rows
};

/// The rows of [`CLOCKS`] derived once for the case, in order.
pub(super) const CASE_CLOCKS: [(ObligationKind, CaseClock); CLOCKS.len() - episode_rows()] = {
    let mut rows = [(
        ObligationKind::FifteenOfTwentyTwo,
        asfa::fifteen_of_twenty_two as CaseClock,
    ); CLOCKS.len() - episode_rows()];
    let (mut i, mut k) = (0, 0);
    while i < CLOCKS.len() {
        if let Scope::Case(derive) = CLOCKS[i].scope {
            rows[k] = (CLOCKS[i].kind, derive);
            k += 1;
        }
        i += 1;
    }
    rows
};

/// The clocks: one row per [`ObligationKind`], in the order they are derived — for each episode
/// the per-episode rows, then the per-case rows. The list is then sorted by due date and kind,
/// stably; as each kind has one clock, the order of the rows never changes the result (ties are
/// between obligations of one kind due the same day, in the order their clock derived them). The
/// rows run roughly in order of their due dates, which leaves the sort less to move.
pub(super) const CLOCKS: &[Clock] = {
    use ObligationKind as K;
    &[
        // ASFA, per episode: the findings at removal, relative notice (30 days), the case plan
        // (60 days), reviews, hearings, efforts to finalize, and what a finding excusing
        // reunification efforts sets off.
        Clock::episode(K::ContraryToWelfare, asfa::contrary_to_welfare),
        Clock::episode(K::RelativeNotice, asfa::relative_notice),
        Clock::episode(K::PreventRemovalEfforts, asfa::prevent_removal_efforts),
        Clock::episode(K::CasePlan, asfa::case_plan),
        Clock::episode(K::VoluntaryPlacement, asfa::voluntary_placement),
        Clock::episode(K::PeriodicReview, asfa::periodic_review),
        Clock::episode(K::PermanencyHearing, asfa::permanency_hearing),
        Clock::episode(K::FinalizeEfforts, asfa::finalize_efforts),
        Clock::episode(K::NoReunificationHearing, asfa::no_reunification_hearing),
        Clock::episode(K::AbandonedInfantPetition, asfa::abandoned_infant_petition),
        Clock::episode(K::FelonyPetition, asfa::felony_petition),
        // Trial home visits, per episode.
        Clock::episode(K::TrialHomeVisitLimit, visits::trial_home_visit_limit),
        // Family First, per placement of each episode.
        Clock::episode(K::QrtpAssessment, ffpsa::qrtp_assessment),
        Clock::episode(K::QrtpCourtApproval, ffpsa::qrtp_court_approval),
        Clock::episode(K::QrtpTransition, ffpsa::qrtp_transition),
        Clock::episode(K::QrtpOngoingEvidence, ffpsa::qrtp_ongoing_evidence),
        Clock::episode(K::CongregateCareLimit, ffpsa::congregate_care_limit),
        Clock::episode(K::IndependentLivingAge, ffpsa::independent_living_age),
        // Payment withheld for a placement the case accepts.
        Clock::episode(K::UnlicensedPlacement, payments::unlicensed_placement),
        // Visits and a child missing from care, per episode.
        Clock::episode(K::CaseworkerVisit, wellbeing::caseworker_visit),
        Clock::episode(
            K::CaseworkerVisitsInResidence,
            wellbeing::caseworker_visits_in_residence,
        ),
        Clock::episode(K::OutOfStateVisit, wellbeing::out_of_state_visit),
        Clock::episode(K::MissingChildReport, wellbeing::missing_child_report),
        Clock::episode(K::AbsenceDebrief, wellbeing::absence_debrief),
        Clock::episode(
            K::ApplaHearingDocumentation,
            wellbeing::appla_hearing_documentation,
        ),
        Clock::episode(
            K::ApplaReviewDocumentation,
            wellbeing::appla_review_documentation,
        ),
        // Transition to adulthood, per episode.
        Clock::episode(K::CreditReport, supports::credit_report),
        Clock::episode(K::ExtendedCareCondition, supports::extended_care_condition),
        Clock::episode(K::ExitDocuments, supports::exit_documents),
        // Educational stability, per episode.
        Clock::episode(
            K::SchoolStabilityConsidered,
            supports::school_stability_considered,
        ),
        Clock::episode(K::SchoolChangeReason, supports::school_change_reason),
        Clock::episode(K::SchoolEnrollment, supports::school_enrollment),
        // Who is heard: the youth's consultation, notice to caregivers, the child at hearings.
        Clock::episode(K::YouthConsultation, supports::youth_consultation),
        Clock::episode(K::HearingNotice, supports::hearing_notice),
        Clock::episode(K::ChildConsulted, supports::child_consulted),
        // icwa: what each ICWA foster-care placement and termination order rests on.
        Clock::episode(K::IcwaActiveEfforts, icwa::active_efforts),
        Clock::episode(K::IcwaExpertWitness, icwa::expert_witness),
        Clock::episode(K::IcwaEvidenceStandard, icwa::evidence_standard),
        Clock::episode(K::IcwaNoticeToParent, icwa::notice_to_parent),
        Clock::episode(K::IcwaNoticeToTribe, icwa::notice_to_tribe),
        Clock::episode(K::IcwaPlacementPreference, icwa::placement_preference),
        Clock::episode(K::IcwaEmergencyRemoval, icwa::emergency_removal),
        Clock::episode(K::IcwaValidConsent, icwa::valid_consent),
        Clock::episode(K::IcwaReturnOnWithdrawal, icwa::return_on_withdrawal),
        // relatives, each
        Clock::episode(K::RelativeNoticeEach, connections::relative_notice_each),
        Clock::episode(K::RelativeConsidered, connections::relative_considered),
        // family time, per period of the plan's frequency
        Clock::episode(K::FamilyTime, connections::family_time),
        // Across episodes.
        // icwa: a termination before any removal.
        Clock::case(K::IcwaActiveEfforts, icwa::active_efforts_before_care),
        Clock::case(K::IcwaExpertWitness, icwa::expert_witness_before_care),
        Clock::case(K::IcwaEvidenceStandard, icwa::evidence_standard_before_care),
        Clock::case(K::IcwaValidConsent, icwa::valid_consent_before_care),
        Clock::case(K::IcwaNoticeToParent, icwa::notice_to_parent_before_care),
        Clock::case(K::IcwaNoticeToTribe, icwa::notice_to_tribe_before_care),
        Clock::case(K::FifteenOfTwentyTwo, asfa::fifteen_of_twenty_two),
        Clock::case(K::PreventionPeriod, ffpsa::prevention_period),
        Clock::case(
            K::PreventionServiceSpecified,
            ffpsa::prevention_service_specified,
        ),
        Clock::case(
            K::PreventionServiceInPeriod,
            ffpsa::prevention_service_in_period,
        ),
        Clock::case(K::QrtpLongStay, ffpsa::qrtp_long_stay),
        // The ages of the child in the episode open on the date asked.
        Clock::case(K::TransitionServices, ages::transition_services),
        Clock::case(K::ApplaEligibility, ages::appla_eligibility),
        Clock::case(K::TransitionPlan, ages::transition_plan),
        Clock::case(K::CareEndAge, ages::care_end_age),
        Clock::case(
            K::KinshipGuardianshipEligibility,
            ages::kinship_guardianship_eligibility,
        ),
        Clock::case(K::AdultReentry, ages::adult_reentry),
        Clock::case(
            K::AdoptionAssistanceAgreement,
            wellbeing::adoption_assistance_agreement,
        ),
        // siblings
        Clock::case(K::SiblingSeparation, connections::sibling_separation),
        Clock::case(K::SiblingContact, connections::sibling_contact),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_obligation_kind_has_one_clock_per_scope() {
        // The kinds derived both per episode and for the case: the ICWA findings and notices,
        // whose terminations before any removal belong to no episode.
        let both = [
            ObligationKind::IcwaActiveEfforts,
            ObligationKind::IcwaExpertWitness,
            ObligationKind::IcwaEvidenceStandard,
            ObligationKind::IcwaValidConsent,
            ObligationKind::IcwaNoticeToParent,
            ObligationKind::IcwaNoticeToTribe,
        ];
        for kind in ObligationKind::ALL {
            let rows = |episode: bool| {
                CLOCKS
                    .iter()
                    .filter(|c| c.kind == *kind && matches!(c.scope, Scope::Episode(_)) == episode)
                    .count()
            };
            let (episode, case) = (rows(true), rows(false));
            let expected = if both.contains(kind) {
                (1, 1)
            } else {
                (episode.min(1), 1 - episode.min(1))
            };
            assert_eq!(
                (episode, case),
                expected,
                "{kind:?} has {episode} + {case} rows in CLOCKS"
            );
        }
        assert_eq!(CLOCKS.len(), ObligationKind::ALL.len() + both.len());
    }

    /// The per-episode and per-case tables hold the rows of `CLOCKS`, each in its order.
    #[test]
    fn the_split_tables_follow_the_clocks() {
        let episode: Vec<ObligationKind> = CLOCKS
            .iter()
            .filter(|c| matches!(c.scope, Scope::Episode(_)))
            .map(|c| c.kind)
            .collect();
        let case: Vec<ObligationKind> = CLOCKS
            .iter()
            .filter(|c| matches!(c.scope, Scope::Case(_)))
            .map(|c| c.kind)
            .collect();
        assert_eq!(EPISODE_CLOCKS.map(|(k, _)| k).to_vec(), episode);
        assert_eq!(CASE_CLOCKS.map(|(k, _)| k).to_vec(), case);
    }
}
