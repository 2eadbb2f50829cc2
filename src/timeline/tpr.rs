//! The explanation of the 15-of-22 count ([`TprCount`]): what a worker shows a court to say how
//! the filing date was reached.

use chrono::NaiveDate;

use super::asfa::reckon_tpr;
use super::calendar::Day;
use super::engine::View;
use super::months::count;
use crate::case::Case;
use crate::date::Period;
use crate::placement::Setting;
use crate::policy::{MonthCounting, Policy};

/// One stretch of foster care the 15-of-22 count counted, cut to the 22-month window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CountedStretch {
    /// The removal episode (1, 2, ...).
    pub episode: Option<u32>,
    /// The days counted: from `period.start()` to the day before `period.end()`.
    pub period: Period,
}

/// A stretch inside an episode that the count left out: a trial home visit, a runaway (45 CFR
/// 1356.21(i)(1)(i)(C)), or detention where the policy excludes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExcludedStretch {
    /// The removal episode (1, 2, ...).
    pub episode: Option<u32>,
    /// The days left out: from `period.start()` to the day before `period.end()`.
    pub period: Period,
    /// The setting that was not counted.
    pub setting: Setting,
}

/// How the 15-of-22 filing date was reached (SSA §475(5)(E); 45 CFR 1356.21(i)(1)(i)): the
/// window of the most recent 22 months ending on the due date, the stretches of care counted in
/// it, the stretches left out, and the months they add up to.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TprCount {
    /// The end of the 15th month counted: the last day to file.
    pub due: NaiveDate,
    /// The window: the 22 months ending on `due` (`window.end()` is the day after `due`).
    pub window: Period,
    /// The stretches counted, in order, cut to the window.
    pub counted: Vec<CountedStretch>,
    /// The stretches left out inside the window.
    pub excluded: Vec<ExcludedStretch>,
    /// Days in care counted.
    pub days: u32,
    /// Whole calendar months counted, stretch by stretch.
    pub whole_months: u32,
    /// Days after each stretch's last whole month, summed (each 30 make a month under
    /// [`MonthCounting::CalendarMonths`]).
    pub leftover_days: u32,
    /// The months the policy's counting makes of them.
    pub months: u32,
    /// Whether the count runs past the date asked: projected with the current placement
    /// continuing.
    pub projected: bool,
}

impl Case {
    /// The conditions of title IV-E kinship guardianship assistance (SSA §473(d)(3)(A)) that the
    /// latest discharge to guardianship with kinship assistance, on or before `as_of`, did not
    /// meet — empty when it met them all; `None` when there is no such discharge. The
    /// [`KinshipGuardianshipEligibility`](super::ObligationKind::KinshipGuardianshipEligibility)
    /// obligation of that discharge is overdue exactly when the list is not empty.
    pub fn kinship_guardianship_gaps(
        &self,
        as_of: NaiveDate,
        policy: &Policy,
    ) -> Option<Vec<super::KinshipCondition>> {
        let view = View::new(self, as_of, policy);
        view.episodes().iter().enumerate().rev().find_map(|(i, e)| {
            let at = e.exit_event().filter(|x| *x < view.events.len())?;
            let crate::EventData::Discharge(d) = view.events[at].what() else {
                return None;
            };
            let g = d
                .guardianship()
                .filter(|g| g.assistance() == crate::GuardianshipAssistance::Kinship)?;
            Some(super::ages::kinship_gaps(
                &view,
                i,
                g.guardian(),
                view.events[at].date(),
            ))
        })
    }

    /// How the 15-of-22 TPR petition now owed (the one [`Case::obligations`] reports as
    /// [`FifteenOfTwentyTwo`](super::ObligationKind::FifteenOfTwentyTwo)) was dated, as known on
    /// `as_of`; `None` when none is owed.
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
    /// case.apply(Event::new(d(2023, 1, 10), EventData::CourtFinding(Finding::AbuseOrNeglect))?, &policy)?;
    /// // In care from DEFC 2023-01-10: 15 months complete on 2024-04-10 - 1 day = 2024-04-09.
    /// let count = case.tpr_count(d(2023, 6, 1), &policy).unwrap();
    /// assert_eq!(count.due, d(2024, 4, 9));
    /// // The window: the 22 months ending 2024-04-09, from 2022-06-10.
    /// assert_eq!((count.window.start(), count.window.end()), (d(2022, 6, 10), d(2024, 4, 10)));
    /// assert_eq!(count.counted.len(), 1);
    /// assert_eq!(count.counted[0].period.start(), d(2023, 1, 10));
    /// assert_eq!((count.whole_months, count.leftover_days, count.months), (15, 0, 15));
    /// assert!(count.projected);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tpr_count(&self, as_of: NaiveDate, policy: &Policy) -> Option<TprCount> {
        let view = View::new(self, as_of, policy);
        let mut excluded = Vec::new();
        let (care, round) = reckon_tpr(&view, Some(&mut excluded), |_| {})?;
        let due = round.reached.day;
        let to = Day::from_date(crate::date::days_after(due, 1));
        let from = to.months_shifted_with(
            -policy.tpr_window_months().cast_signed(),
            policy.month_end(),
        );
        let window = Period::new(from.date(), to.date())?;
        let stretches = &care.stretches()[round.offset..];
        let counted = stretches
            .iter()
            .filter_map(|s| Period::new(s.start(), s.end()))
            .map(|p| p.intersection(&window))
            .filter(|p| p.days() > 0)
            .map(|period| CountedStretch {
                episode: view.episode_on(period.start()),
                period,
            })
            .collect();
        let excluded = excluded
            .into_iter()
            .map(|(p, setting)| (p.intersection(&window), setting))
            .filter(|(p, _)| p.days() > 0 && p.start() >= round.reached.from)
            .map(|(period, setting)| ExcludedStretch {
                episode: view.episode_on(period.start()),
                period,
                setting,
            })
            .collect();
        let c = count(stretches, from, to, care.month_end());
        let months = match policy.tpr_month_counting() {
            MonthCounting::CalendarMonths => c.months() + c.leftover() / 30,
            MonthCounting::ThirtyDays => c.days() / 30,
            MonthCounting::AverageMonth => c.days() * 10_000 / 304_375,
        };
        Some(TprCount {
            due,
            window,
            counted,
            excluded,
            days: c.days(),
            whole_months: c.months(),
            leftover_days: c.leftover(),
            months,
            projected: due > as_of,
        })
    }
}
