//! The federal clocks: every obligation a case owes, derived from its history as of a date.
//!
//! [`Case::obligations`] reads only the case's events dated on or before `as_of`, the policy and
//! `as_of` itself: the same three inputs always give the same list. Each [`Obligation`] carries
//! its kind, the date it counts from, the date it is due, its [`Status`], its
//! [`RuleId`](crate::RuleId) and citation, and the [`Consequence`] the law attaches once it is
//! missed.
//!
//! | obligation | due | source |
//! |---|---|---|
//! | contrary-to-the-welfare finding | the first order sanctioning removal (the removal date of a court-ordered removal) | SSA §472(a)(2)(A)(ii); 45 CFR 1356.21(c) |
//! | reasonable efforts to prevent removal | removal + 60 days | SSA §471(a)(15)(B)(i); 45 CFR 1356.21(b)(1) |
//! | case plan | removal + 60 days | 45 CFR 1356.21(g)(2) |
//! | relative notice | removal + 30 days | SSA §471(a)(29) |
//! | periodic review | every 6 months from removal (or DEFC) and from each review held | SSA §475(5)(B) |
//! | permanency hearing | DEFC + 12 months, then 12 months after each one held | SSA §475(5)(C)(i) |
//! | reasonable efforts to finalize | DEFC + 12 months, then 12 months after each one made | 45 CFR 1356.21(b)(2) |
//! | permanency hearing after reunification efforts are excused | finding + 30 days | SSA §471(a)(15)(E)(i) |
//! | TPR petition at 15 of 22 months | end of the 15th month in care | SSA §475(5)(E); 45 CFR 1356.21(i) |
//! | TPR petition, abandoned infant / felony ground | determination + 60 days | SSA §475(5)(E) |
//! | voluntary placement best interests | the 180th day of the placement | SSA §472(e) |
//! | trial home visit limit | back in care or discharged by visit start + 6 months, or the day after the court's date | 45 CFR 1356.21(e) |
//! | QRTP assessment / court approval | placement start + 30 / + 60 days | SSA §475A(c)(1)–(2) |
//! | QRTP transition after disapproval | out by the 31st day from the determination | SSA §472(k)(3)(B) |
//! | QRTP long stay approval | 12 consecutive / 18 total months (6 under age 13) | SSA §475A(c)(5) |
//! | congregate-care two weeks | out of a non-specified child-care institution by day 15 (paid through day 14) | SSA §472(k)(1) |
//! | Family First prevention period | closed (removal, closure or new candidacy) by candidacy + 12 months | SSA §471(e)(1) |
//! | transition services (14), APPLA eligibility (16), transition plan (90 days before 18), end of care (18 or extended age) | birthdays | SSA §475(1)(D), §475(5)(C)(i), §475(5)(H), §475(8) |
//! | kinship guardianship eligibility | 6 months in the relative's licensed home | SSA §473(d)(3)(A)(i)(II) |

mod ages;
mod asfa;
mod ffpsa;
mod months;
mod types;
mod visits;

pub use types::{Consequence, Obligation, ObligationKind, Status, Waiver};

use chrono::NaiveDate;

use crate::case::event::{Event, EventData, Finding};
use crate::case::{Case, Episode};
use crate::policy::Policy;
use months::first_day_reaching;

impl Case {
    /// The date the child is considered to have entered foster care (DEFC) in episode number
    /// `episode` (1 for the first removal), as known on `as_of`, or `None` when the case has no
    /// such episode by then: the earlier of the first judicial finding of abuse or neglect and
    /// the date 60 days after removal (SSA §475(5)(F); 45 CFR 1355.20), never before the removal;
    /// or the removal date when the policy's [`DefcRule`](crate::policy::DefcRule) says the agency
    /// uses it. For the first episode, a finding made before the removal sets DEFC to the removal
    /// date.
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
    /// case.apply(Event::new(d(2023, 1, 10), EventData::Removal(Removal::new(Manner::CourtOrder)))?, &policy)?;
    /// // No adjudication yet: removal + 60 days.
    /// assert_eq!(case.date_entered_foster_care(1, d(2023, 2, 1), &policy), Some(d(2023, 3, 11)));
    /// case.apply(Event::new(d(2023, 2, 15), EventData::CourtFinding(Finding::AbuseOrNeglect))?, &policy)?;
    /// assert_eq!(case.date_entered_foster_care(1, d(2023, 4, 1), &policy), Some(d(2023, 2, 15)));
    /// assert_eq!(case.date_entered_foster_care(2, d(2023, 4, 1), &policy), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn date_entered_foster_care(
        &self,
        episode: u32,
        as_of: NaiveDate,
        policy: &Policy,
    ) -> Option<NaiveDate> {
        let view = View::new(self, as_of, policy);
        // Episode `n` is the `n`th: its index is `n - 1`.
        let index = usize::try_from(episode.checked_sub(1)?).ok()?;
        let episode = view.episodes().get(index)?;
        Some(asfa::date_entered_foster_care(self, episode, as_of, policy))
    }

    /// Every obligation the case owes as of `as_of`, under `policy`, ordered by due date.
    ///
    /// Only events dated on or before `as_of` are read: asking about a past date gives the
    /// answer that date would have given.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use permanency::*;
    /// use permanency::timeline::{ObligationKind, Status};
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let policy = Policy::federal();
    /// let child = Child::new(ChildId::new("C-1")?, Name::new("Sam")?, d(2016, 5, 4), Sex::Male)?;
    /// let mut case = Case::new(child, vec![])?;
    /// case.apply(Event::new(d(2023, 1, 10), EventData::Removal(Removal::new(Manner::CourtOrder)))?, &policy)?;
    /// case.apply(Event::new(d(2023, 1, 10), EventData::CourtFinding(Finding::ContraryToWelfare))?, &policy)?;
    ///
    /// let due = case.obligations(d(2023, 2, 1), &policy);
    /// let efforts = due.iter().find(|o| o.kind() == ObligationKind::PreventRemovalEfforts).unwrap();
    /// // 2023-01-10 + 60 days = 2023-03-11
    /// assert_eq!((efforts.due(), efforts.status()), (d(2023, 3, 11), Status::Upcoming));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn obligations(&self, as_of: NaiveDate, policy: &Policy) -> Vec<Obligation> {
        let view = View::new(self, as_of, policy);
        let mut out = Vec::new();
        for (i, episode) in view.episodes().iter().enumerate() {
            let ep = EpisodeView::new(&view, episode, i);
            asfa::episode_obligations(&ep, &mut out);
            visits::obligations(&ep, &mut out);
            ffpsa::placement_obligations(&ep, &mut out);
        }
        asfa::fifteen_of_twenty_two(&view, &mut out);
        ffpsa::prevention(&view, &mut out);
        ffpsa::qrtp_long_stays(&view, &mut out);
        ages::obligations(&view, &mut out);
        out.sort_by_key(|o| (o.due(), o.kind()));
        out
    }
}

/// A case as of a date: the events on or before it, and helpers every clock shares.
#[derive(Debug, Clone, Copy)]
pub(crate) struct View<'a> {
    pub(crate) case: &'a Case,
    pub(crate) as_of: NaiveDate,
    pub(crate) policy: &'a Policy,
    /// The events dated on or before `as_of`.
    pub(crate) events: &'a [Event],
}

impl<'a> View<'a> {
    fn new(case: &'a Case, as_of: NaiveDate, policy: &'a Policy) -> View<'a> {
        let all = case.events();
        let n = all.partition_point(|e| e.date() <= as_of);
        View {
            case,
            as_of,
            policy,
            events: &all[..n],
        }
    }

    /// The episodes begun on or before `as_of`.
    pub(crate) fn episodes(&self) -> &'a [Episode] {
        let all = self.case.episodes();
        let n = all.partition_point(|e| e.removal_event() < self.events.len());
        &all[..n]
    }

    /// The exit of `episode`, if the event that ended it is dated on or before `as_of`. (An
    /// over-long trial home visit ends the episode on an earlier date than the event that shows
    /// it; until that event, the episode is open as far as the date asked knows.)
    pub(crate) fn exit_of(&self, episode: &Episode) -> Option<NaiveDate> {
        episode
            .exit()
            .filter(|_| episode.exit_event().is_some_and(|i| i < self.events.len()))
            .map(|e| e.date)
    }

    /// How placement `p` ended, if the event that ended it is dated on or before `as_of`. A trial
    /// home visit that outlived its limit ends on an earlier date than the removal or discharge
    /// that shows it: until that event, the visit is still under way as far as `as_of` knows.
    pub(crate) fn end_of(
        &self,
        p: &crate::placement::Placement,
    ) -> Option<crate::placement::PlacementEnd> {
        let end = p.end()?;
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

    /// `months_after` under the policy's month-end convention.
    pub(crate) fn months_after(&self, d: NaiveDate, n: u32) -> NaiveDate {
        crate::date::months_after_with(d, n, self.policy.month_end())
    }

    /// Met on `on` against `due`.
    pub(crate) fn met(due: NaiveDate, on: NaiveDate) -> Status {
        if on <= due {
            Status::Met(on)
        } else {
            Status::MetLate(on)
        }
    }

    /// An obligation met once: met (on time or late) when `met` is given; otherwise overdue or
    /// upcoming while it is still `owed`, and no obligation at all when it stopped being owed
    /// before it was due (the child left care, or the placement ended).
    pub(crate) fn met_once(
        &self,
        kind: ObligationKind,
        episode: Option<u32>,
        (from, due): (NaiveDate, NaiveDate),
        met: Option<NaiveDate>,
        owed: bool,
    ) -> Option<Obligation> {
        let status = match met {
            Some(on) => View::met(due, on),
            None if !owed => return None,
            None => self.unmet(due),
        };
        Some(Obligation::new(kind, episode, from, due, status))
    }

    /// The number of the episode under way on `date` (the last one removed on or before it).
    pub(crate) fn episode_on(&self, date: NaiveDate) -> Option<u32> {
        let episodes = self.episodes();
        let n = episodes.partition_point(|e| e.removal_date() <= date);
        episodes[..n].last().map(Episode::number)
    }

    /// Not met: overdue once `as_of` is past `due`.
    pub(crate) fn unmet(&self, due: NaiveDate) -> Status {
        if self.as_of > due {
            Status::Overdue
        } else {
            Status::Upcoming
        }
    }
}

/// One episode within a [`View`]: its events and its end as of the date.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EpisodeView<'a> {
    pub(crate) view: &'a View<'a>,
    pub(crate) episode: &'a Episode,
    /// The events of the episode (from its removal to the next removal), on or before `as_of`.
    pub(crate) events: &'a [Event],
    /// The first day out of care, when the episode ended on or before `as_of`.
    pub(crate) exit: Option<NaiveDate>,
}

impl<'a> EpisodeView<'a> {
    fn new(view: &'a View<'a>, episode: &'a Episode, index: usize) -> EpisodeView<'a> {
        let end = view
            .episodes()
            .get(index + 1)
            .map_or(view.events.len(), |next| next.removal_event());
        EpisodeView {
            view,
            episode,
            events: &view.events[episode.removal_event()..end],
            exit: view.exit_of(episode),
        }
    }

    pub(crate) fn number(&self) -> Option<u32> {
        Some(self.episode.number())
    }

    pub(crate) fn removal(&self) -> NaiveDate {
        self.episode.removal_date()
    }

    /// Whether the child is still in care on `date` in this episode (and `date` <= as_of).
    pub(crate) fn owes_on(&self, due: NaiveDate) -> bool {
        self.exit.is_none_or(|x| x > due)
    }

    /// The dates of the episode's findings that match.
    pub(crate) fn findings(
        &self,
        pick: fn(&Finding) -> bool,
    ) -> impl Iterator<Item = NaiveDate> + '_ {
        self.events.iter().filter_map(move |e| match e.what() {
            EventData::CourtFinding(f) if pick(f) => Some(e.date()),
            _ => None,
        })
    }

    /// The dates of the episode's events that match.
    pub(crate) fn dates(
        &self,
        pick: fn(&EventData) -> bool,
    ) -> impl Iterator<Item = NaiveDate> + '_ {
        self.events
            .iter()
            .filter(move |e| pick(e.what()))
            .map(Event::date)
    }
}

/// A recurring obligation: the first is due `first_due`; each one met resets the next to `every`
/// months after the date it was met (a late one does not move the schedule back, an early one
/// pulls it forward: `DOMAIN.md` §2.1 \[I\]). `held` lists the dates of the events that meet it, in
/// order. Stops at the first unmet one, or when the episode ends before the next is due.
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
    held: &[NaiveDate],
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
    let mut next = held.iter().copied().peekable();
    loop {
        match next.next() {
            Some(on) => {
                let status = View::met(due, on);
                out.push(
                    Obligation::new(kind, ep.number(), from, due, status)
                        .with_consequence(consequence(due, Some(on))),
                );
                nth += 1;
                (from, due) = if from_held {
                    (on, view.months_after(on, every))
                } else {
                    (due, view.months_after(start, every.saturating_mul(nth)))
                };
                // Several held on the same day meet one obligation.
                while next.peek() == Some(&on) {
                    next.next();
                }
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
