//! The federal clocks: every obligation a case owes, derived from its history as of a date.
//!
//! [`Case::obligations`] reads only the case's events dated on or before `as_of`, the policy and
//! `as_of` itself: the same three inputs always give the same list. Each [`Obligation`] carries
//! its kind, the date it counts from, the date it is due, its [`Status`], its [`RuleId`] and
//! citation, and the [`Consequence`] the law attaches once it is missed.
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
mod visits;

use chrono::NaiveDate;

use crate::case::event::{Event, EventData, Finding};
use crate::case::{Case, Episode};
use crate::policy::Policy;
use crate::rules::{RuleId, Subject};

macro_rules! obligation_kinds {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $rule:ident; )*) => {
        /// What an obligation is.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
        #[non_exhaustive]
        pub enum ObligationKind {
            $( $(#[$doc])* $variant, )*
        }

        impl ObligationKind {
            /// Every obligation kind.
            pub const ALL: &'static [ObligationKind] = &[$(ObligationKind::$variant),*];

            /// The snake_case name.
            pub fn as_str(self) -> &'static str {
                match self { $(ObligationKind::$variant => $name,)* }
            }

            /// The rule the obligation comes from.
            pub fn rule(self) -> RuleId {
                match self { $(ObligationKind::$variant => RuleId::$rule,)* }
            }

            /// Whether its dates are counted from the child's birthdays, and so reveal the date of
            /// birth: transition services (14), APPLA (16), the transition plan and the end of
            /// care (18 or the extended age), supervised independent living before 18.
            pub fn follows_birthdays(self) -> bool {
                matches!(
                    self,
                    ObligationKind::TransitionServices
                        | ObligationKind::ApplaEligibility
                        | ObligationKind::TransitionPlan
                        | ObligationKind::CareEndAge
                        | ObligationKind::IndependentLivingAge
                )
            }
        }
    };
}

obligation_kinds! {
    /// Contrary-to-the-welfare finding in the first order sanctioning removal.
    ContraryToWelfare = "contrary_to_welfare", ContraryToWelfare;
    /// Judicial finding of reasonable efforts to prevent removal (or that none were required).
    PreventRemovalEfforts = "prevent_removal_efforts", PreventRemovalEfforts;
    /// The case plan.
    CasePlan = "case_plan", CasePlan;
    /// Notice to adult relatives.
    RelativeNotice = "relative_notice", RelativeNotice;
    /// A periodic review.
    PeriodicReview = "periodic_review", PeriodicReview;
    /// A permanency hearing.
    PermanencyHearing = "permanency_hearing", PermanencyHearing;
    /// A judicial determination of reasonable efforts to finalize the permanency plan.
    FinalizeEfforts = "finalize_efforts", FinalizeEfforts;
    /// The permanency hearing due after reunification efforts were excused.
    NoReunificationHearing = "no_reunification_hearing", NoReunificationHearing;
    /// The TPR petition at 15 of the most recent 22 months in care.
    FifteenOfTwentyTwo = "fifteen_of_twenty_two", FifteenOfTwentyTwo;
    /// The TPR petition after an abandoned-infant determination.
    AbandonedInfantPetition = "abandoned_infant_petition", AbandonedInfantPetition;
    /// The TPR petition after a felony-ground determination.
    FelonyPetition = "felony_petition", FelonyPetition;
    /// The best-interest determination for a voluntary placement.
    VoluntaryPlacement = "voluntary_placement", VoluntaryPlacement;
    /// The end of a trial home visit within its authorized period.
    TrialHomeVisitLimit = "trial_home_visit_limit", TrialHomeVisitLimit;
    /// The QRTP assessment by a qualified individual.
    QrtpAssessment = "qrtp_assessment", QrtpAssessment;
    /// The court's QRTP approval or disapproval.
    QrtpCourtApproval = "qrtp_court_approval", QrtpCourtApproval;
    /// The move out of a QRTP found inappropriate.
    QrtpTransition = "qrtp_transition", QrtpTransition;
    /// The head of agency's approval of a long QRTP stay.
    QrtpLongStay = "qrtp_long_stay", QrtpLongStay;
    /// The two-week payment limit of a child-care institution that is not a specified setting.
    CongregateCareLimit = "congregate_care_limit", CongregateCareLimit;
    /// Supervised independent living is reimbursable only from age 18.
    IndependentLivingAge = "independent_living_age", CongregateCareLimit;
    /// The end of a Family First prevention period.
    PreventionPeriod = "prevention_period", PreventionPeriod;
    /// Transition services in the case plan from age 14.
    TransitionServices = "transition_services", TransitionServices;
    /// The date APPLA becomes available (age 16).
    ApplaEligibility = "appla_eligibility", ApplaEligibility;
    /// The transition plan in the 90 days before leaving care.
    TransitionPlan = "transition_plan", TransitionPlan;
    /// The end of foster care at majority or the extended-care age.
    CareEndAge = "care_end_age", CareEndAge;
    /// Eligibility for kinship guardianship assistance.
    KinshipGuardianshipEligibility = "kinship_guardianship_eligibility", KinshipGuardianshipEligibility;
}

/// Which exception waived an obligation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Waiver {
    /// A relative cares for the child (SSA §475(5)(E)(i), at the state's option).
    RelativeCare,
    /// A compelling reason is documented in the case plan (§475(5)(E)(ii)).
    CompellingReason,
    /// The state did not provide the services its case plan called for (§475(5)(E)(iii)).
    ServicesNotProvided,
}

/// Where an obligation stands as of the date asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Status {
    /// Met on this date, on or before the due date.
    Met(NaiveDate),
    /// Met on this date, after the due date.
    MetLate(NaiveDate),
    /// Due, not met, and the due date has passed.
    Overdue,
    /// Not met yet, and the due date has not passed.
    Upcoming,
    /// The condition that starts the clock has not happened yet; the due date is a projection.
    NotYetApplicable,
    /// An exception the law allows waived it.
    Waived(Waiver),
    /// A dated milestone (not a duty) that has been reached.
    Reached,
}

impl Status {
    /// Met, on time or late.
    pub fn is_met(self) -> bool {
        matches!(self, Status::Met(_) | Status::MetLate(_))
    }
}

/// What the law attaches to a missed obligation (title IV-E foster care maintenance payments).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Consequence {
    /// Ineligible for the whole removal episode (the stay).
    IneligibleForEpisode,
    /// No payment for the whole placement.
    IneligibleForPlacement,
    /// Ineligible from `from` (the first of the month after the due date) until the finding is
    /// made (`until`, the day it was made; `None` while it is not).
    IneligibleBetween {
        /// The first day without eligibility.
        from: NaiveDate,
        /// The day the finding was made, when it was.
        until: Option<NaiveDate>,
    },
    /// No federal payment from this date.
    NoPaymentFrom(NaiveDate),
    /// A return to care is a new removal: new contrary-to-the-welfare and reasonable-efforts
    /// findings are needed.
    NewRemovalRequired,
}

/// One obligation of a case, as of a date.
///
/// `Debug` redacts the dates of the obligations counted from the child's birthdays
/// ([`ObligationKind::follows_birthdays`]): a 16th birthday gives away the birth date. The
/// getters return them.
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Obligation {
    kind: ObligationKind,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    episode: Option<u32>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    subject: Option<Subject>,
    counts_from: NaiveDate,
    due: NaiveDate,
    status: Status,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    consequence: Option<Consequence>,
}

impl core::fmt::Debug for Obligation {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut d = f.debug_struct("Obligation");
        d.field("kind", &self.kind)
            .field("episode", &self.episode)
            .field("subject", &self.subject);
        if self.kind.follows_birthdays() {
            let hidden = crate::sensitive::Sensitive::new(());
            d.field("counts_from", &hidden)
                .field("due", &hidden)
                .field("status", &hidden)
                .field("consequence", &hidden);
        } else {
            d.field("counts_from", &self.counts_from)
                .field("due", &self.due)
                .field("status", &self.status)
                .field("consequence", &self.consequence);
        }
        d.finish()
    }
}

impl Obligation {
    pub(crate) fn new(
        kind: ObligationKind,
        episode: Option<u32>,
        counts_from: NaiveDate,
        due: NaiveDate,
        status: Status,
    ) -> Obligation {
        Obligation {
            kind,
            episode,
            subject: None,
            counts_from,
            due,
            status,
            consequence: None,
        }
    }

    pub(crate) fn about(mut self, subject: Subject) -> Obligation {
        self.subject = Some(subject);
        self
    }

    pub(crate) fn with_consequence(mut self, consequence: Option<Consequence>) -> Obligation {
        self.consequence = consequence;
        self
    }

    /// What it is.
    pub fn kind(&self) -> ObligationKind {
        self.kind
    }

    /// The removal episode (1, 2, ...) it belongs to, if any.
    pub fn episode(&self) -> Option<u32> {
        self.episode
    }

    /// The placement, person or family it is about, if any.
    pub fn subject(&self) -> Option<&Subject> {
        self.subject.as_ref()
    }

    /// The date the clock counts from (the removal, the DEFC, the last hearing, the birth...).
    pub fn counts_from(&self) -> NaiveDate {
        self.counts_from
    }

    /// The last day to meet it.
    pub fn due(&self) -> NaiveDate {
        self.due
    }

    /// Where it stands.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The rule.
    pub fn rule(&self) -> RuleId {
        self.kind.rule()
    }

    /// The rule's citation.
    pub fn citation(&self) -> &'static str {
        self.kind.rule().citation()
    }

    /// The consequence in effect, once missed.
    pub fn consequence(&self) -> Option<Consequence> {
        self.consequence
    }
}

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
        let episode = view.episodes().iter().find(|e| e.number() == episode)?;
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
        out.sort_by_key(|o| (o.due, o.kind));
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

/// Months of care counted in a set of stretches, as the 15-of-22 rule counts them.
#[derive(Debug, Clone, Copy, Default)]
struct Counted {
    days: u32,
    months: u32,
    leftover: u32,
}

impl core::ops::Add for Counted {
    type Output = Counted;
    fn add(self, o: Counted) -> Counted {
        Counted {
            days: self.days + o.days,
            months: self.months + o.months,
            leftover: self.leftover + o.leftover,
        }
    }
}

impl core::ops::Sub for Counted {
    type Output = Counted;
    fn sub(self, o: Counted) -> Counted {
        Counted {
            days: self.days - o.days,
            months: self.months - o.months,
            leftover: self.leftover - o.leftover,
        }
    }
}

/// What one stretch of care (already cut to the window) counts: its days, its whole calendar
/// months, and the days after the last whole month. A stretch's own leftover never completes a
/// month by itself (at most 29 days): 30 days into a 31-day month are not yet a month, so one
/// continuous stretch counts exactly in calendar months and N months are complete on the last
/// day of the Nth month.
fn count_one(p: crate::date::Period) -> Counted {
    if p.days() == 0 {
        return Counted::default();
    }
    let whole = crate::date::whole_months_between(p.start(), p.end());
    let whole_end = crate::date::months_after(p.start(), whole);
    let leftover = u32::try_from(crate::date::days_between(whole_end, p.end())).unwrap_or(0);
    Counted {
        days: p.days(),
        months: whole,
        leftover: leftover.min(29),
    }
}

/// Stretches of care in order, with the running totals of what each counts whole, so that the
/// count inside any window costs two binary searches and two stretches cut at its edges — never
/// a pass over every stretch.
struct Stretches<'a> {
    stretches: &'a [crate::date::Period],
    /// `prefix[i]`: what stretches `0..i` count whole.
    prefix: Vec<Counted>,
}

impl<'a> Stretches<'a> {
    fn new(stretches: &'a [crate::date::Period]) -> Stretches<'a> {
        debug_assert!(stretches.windows(2).all(|w| w[0].end() <= w[1].start()));
        let mut prefix = Vec::with_capacity(stretches.len() + 1);
        let mut total = Counted::default();
        prefix.push(total);
        for s in stretches {
            total = total + count_one(*s);
            prefix.push(total);
        }
        Stretches { stretches, prefix }
    }

    /// What the stretches count inside `window`.
    fn count(&self, window: crate::date::Period) -> Counted {
        let s = self.stretches;
        // The stretches that overlap the window: `i..j`.
        let i = s.partition_point(|x| x.end() <= window.start());
        let j = s.partition_point(|x| x.start() < window.end());
        if i >= j {
            return Counted::default();
        }
        let cut = |k: usize| count_one(s[k].intersection(&window));
        if j - i == 1 {
            return cut(i);
        }
        // The first and last are cut at the window's edges; those between count whole.
        cut(i) + (self.prefix[j - 1] - self.prefix[i + 1]) + cut(j - 1)
    }
}

/// How many more counted days are needed, at the least, before `c` can reach `n` months: a safe
/// distance to skip ahead (0 when reached).
fn shortfall(c: Counted, n: u32, counting: crate::policy::MonthCounting) -> u32 {
    use crate::policy::MonthCounting as M;
    match counting {
        M::ThirtyDays => (30 * n).saturating_sub(c.days),
        // n × 30.4375 days, rounded up: 15 months = 457 days.
        M::AverageMonth => (n * 304_375).div_ceil(10_000).saturating_sub(c.days),
        M::CalendarMonths => {
            let have = c.months + c.leftover / 30;
            match n.saturating_sub(have) {
                0 => 0,
                // Adding k days raises the count by at most 1 + k / 28 (the shortest month, and a
                // leftover that completes a month), so (deficit - 1) × 28 days cannot overshoot.
                deficit => ((deficit - 1) * 28).max(1),
            }
        }
    }
}

/// The first day `D` inside `stretches` on which the care counted through `D` — within the
/// `window` months ending on `D`, when there is a window — reaches `n` months under `counting`.
/// The one implementation of "N months in care", shared by the 15-of-22 clock and the QRTP
/// long-stay totals. Each step costs a logarithmic count (see [`Stretches`]), and steps skip
/// ahead by the least number of days that could reach the count, so the cost grows with the
/// number of stretches, not with their lengths in days.
pub(crate) fn first_day_reaching(
    stretches: &[crate::date::Period],
    n: u32,
    counting: crate::policy::MonthCounting,
    window: Option<u32>,
) -> Option<NaiveDate> {
    use crate::date::{Period, days_after, months_before};
    let first = stretches.first()?.start();
    let counted = Stretches::new(stretches);
    for s in stretches {
        let mut d = s.start();
        while d < s.end() {
            let end = days_after(d, 1);
            let start = window.map_or(first, |w| months_before(end, w));
            let c = counted.count(Period::new(start.min(end), end)?);
            match shortfall(c, n, counting) {
                0 => return Some(d),
                skip => d = days_after(d, skip),
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The windowed count with running totals equals the plain sum over every stretch, for
    /// windows that cut stretches, hold them whole, or miss them.
    #[test]
    fn windowed_count_equals_the_sum_over_every_stretch() {
        use crate::date::{Period, days_after};
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for _ in 0..200 {
            let mut stretches = Vec::new();
            let mut at = d(2018, 1, 1);
            for _ in 0..next(12) {
                let start = days_after(at, next(90) as u32);
                let end = days_after(start, 1 + next(400) as u32);
                stretches.push(Period::new(start, end).unwrap());
                at = end;
            }
            let counted = Stretches::new(&stretches);
            for _ in 0..20 {
                let ws = days_after(d(2017, 6, 1), next(3000) as u32);
                let window = Period::new(ws, days_after(ws, next(900) as u32)).unwrap();
                let plain = stretches
                    .iter()
                    .map(|s| count_one(s.intersection(&window)))
                    .fold(Counted::default(), |a, b| a + b);
                let fast = counted.count(window);
                assert_eq!(
                    (fast.days, fast.months, fast.leftover),
                    (plain.days, plain.months, plain.leftover),
                    "{stretches:?} in {window:?}"
                );
            }
        }
    }

    #[test]
    fn debug_hides_the_dates_that_follow_birthdays() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        // A 16th birthday on 2028-05-04 would give away a birth date of 2012-05-04.
        let appla = Obligation::new(
            ObligationKind::ApplaEligibility,
            Some(1),
            d(2028, 5, 4),
            d(2028, 5, 4),
            Status::Upcoming,
        );
        let shown = format!("{appla:?}");
        assert!(
            !shown.contains("2028") && !shown.contains("05-04"),
            "{shown}"
        );
        assert_eq!(appla.due(), d(2028, 5, 4));
        // Its consequence would show the 18th birthday too.
        let sil = Obligation::new(
            ObligationKind::IndependentLivingAge,
            Some(1),
            d(2025, 1, 6),
            d(2026, 7, 19),
            Status::Upcoming,
        )
        .with_consequence(Some(Consequence::IneligibleBetween {
            from: d(2025, 1, 6),
            until: Some(d(2026, 7, 19)),
        }));
        let shown = format!("{sil:?}");
        assert!(
            !shown.contains("2026") && !shown.contains("07-19"),
            "{shown}"
        );
        let plan = Obligation::new(
            ObligationKind::CasePlan,
            Some(1),
            d(2024, 1, 10),
            d(2024, 3, 10),
            Status::Upcoming,
        );
        assert!(format!("{plan:?}").contains("2024-03-10"));
    }
}
