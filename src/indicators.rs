//! The CFSR Round 4 statewide data indicators over a caseload, with the audit trail a federal
//! reviewer asks for.
//!
//! States are judged on these figures (the Child and Family Services Reviews, 45 CFR 1355.31–37;
//! the indicators of 79 FR 61241, 2014-10-10, as revised for Round 4). Each is computed here from
//! the cases' own histories — the episodes, exits, placements and maltreatment reports the
//! [`Case`] derives — over a [`ReportPeriod`] of 12 months:
//!
//! | indicator | denominator | numerator | rate |
//! |---|---|---|---|
//! | [`Indicator::PermanencyEntries`] (P1) | children entering care in the period | discharged to permanency within 12 months of entering | % |
//! | [`Indicator::Permanency12To23Months`] (P2) | children in care on the first day, 12–23 months | discharged to permanency by the period's last day | % |
//! | [`Indicator::Permanency24Months`] (P3) | children in care on the first day, 24 months or more | discharged to permanency by the period's last day | % |
//! | [`Indicator::Reentry`] (P4) | children entering care and discharged within 12 months to reunification, relatives or guardianship | re-entered within 12 months of that discharge | % |
//! | [`Indicator::PlacementStability`] (P5) | days in care of the children entering care | placement moves | per 1,000 days |
//! | [`Indicator::MaltreatmentInCare`] | days in care of every child in care in the period | victimizations in care | per 100,000 days |
//! | [`Indicator::Recurrence`] | victims of a report in the period | victims of another report within 12 months | % |
//!
//! The rules, each as the Children's Bureau defines it:
//!
//! - **Permanency** is a discharge to reunification, living with other relatives, guardianship or
//!   adoption ([`ExitReason::is_permanency`]); emancipation, transfer, runaway and death are not.
//! - **Under 18 only**: a child entering at 18 or more is not in P1, P4 or P5; a child 18 or more
//!   on the first day is not in P2 or P3; an exit on or after the 18th birthday is never
//!   permanency in P1–P3 and takes the child out of P4's denominator; P5 and maltreatment in care
//!   drop the days (and moves, and reports) from the 18th birthday. The birthday follows the
//!   policy's [`LeapDayBirthday`](crate::date::LeapDayBirthday).
//! - **Stays under 8 days** (exit − entry < 8 days) are excluded from P1, P4, P5 and maltreatment
//!   in care.
//! - **Only the first entry in the period** is followed by P1 and P4; P5 adds up the days and
//!   moves of every entry in the period.
//! - **"Within 12 months"** is the crate's date convention (the manual's *Dates*): on or before
//!   the date 12 calendar months later, clamped at a month's end or rolled over to the next
//!   month's first day as the policy's [`MonthEnd`](crate::date::MonthEnd) says (2024-02-29 + 12
//!   months is 2025-02-28, or 2025-03-01); the whole months in care of P2 and P3 read the same.
//! - **The trial home visit adjustment** applies to P1 only ([`CfsrTrialHomeVisit`]).
//! - **Moves** are counted the AFCARS way ([`Case::move_placements`]): the first placement is not
//!   a move; trial home visits, runaways and respite are not settings; a license change of the
//!   same family is not a move; a move between two facilities is.
//! - **Days in care** are `[entry, min(exit, period end + 1 day, 18th birthday))`, cumulative
//!   across episodes ([`CfsrDayCount`]); a calendar day is counted once, so under
//!   [`CfsrDayCount::ExitDayIncluded`] the exit day of a stay followed by a re-entry that same day
//!   is the new stay's first day, not a day of both. P5 leaves out the days with no placement
//!   information: an episode's days count from its first placement (a removal recorded days
//!   before the child's first placement adds only the days from the placement).
//! - **Maltreatment in care** counts the victimizations — distinct report dates of the child's
//!   [`EventData::MaltreatmentReported`] events, substantiated or indicated, any perpetrator
//!   (Round 4) — dated in the period while the child was in care, except in the first 7 days of
//!   a removal.
//! - **Recurrence** follows each victim's first report in the period for 12 months. The federal
//!   figure reads every victim in the state's NCANDS file, including children who never entered
//!   care; here it reads the reports the caseload holds, so it equals the federal figure only
//!   when the caseload holds every victim's case (preservation and investigation-only cases
//!   too).
//!
//! The open readings are [`Policy`] switches, honoured here: [`CfsrMonthsInCare`] (P2, P3),
//! [`CfsrDayCount`] (P5, maltreatment in care), [`CfsrTrialHomeVisit`] (P1),
//! [`CfsrShortReentry`] (P4), [`CfsrFirstEntry`] (P1, P4: whether a short first stay is the
//! entry followed; P5 starts its row from the same entry, its days from every stay) and
//! [`Policy::cfsr_same_report_days`] (recurrence).
//!
//! The follow-up is read from the histories as given: P1 and P4 need the cases' events through
//! 12 (P4: 24) months after the period, and a case whose history ends sooner is read as still in
//! care. The Children's Bureau also risk-adjusts a state's figure (age mix, entry rate) before
//! comparing it with national performance; that model is not reproduced — the observed figures
//! here are its inputs.
//!
//! # The audit trail
//!
//! Every case given yields one [`AuditRow`] per indicator, in or out: whether the child is in
//! the denominator and, if not, the typed reason ([`Denominator`]); whether in the numerator and
//! why ([`Numerator`]); the episode read, its dates and exit, and for the rates the days and the
//! moves or victimizations the child contributed. The figures are the sums of the rows, so an
//! analyst can explain each one; [`Report::tally_by`] groups them by age group or by any key the
//! caller supplies (a county, a region).
//!
//! ```
//! use permanency::indicators::{self, Indicator, ReportPeriod};
//! use permanency::Policy;
//! # let cases: Vec<permanency::Case> = Vec::new();
//! let period = ReportPeriod::federal_fiscal_year(2024)?; // 2023-10-01 to 2024-09-30
//! let p1 = indicators::compute(Indicator::PermanencyEntries, &cases, period, &Policy::federal());
//! let figure = format!("{} of {} ({:?}%)", p1.numerator(), p1.denominator(), p1.rate());
//! assert_eq!(figure, "0 of 0 (None%)");
//! for row in p1.rows().iter().filter(|r| !r.in_denominator()) {
//!     let _why = format!("{} out: {}", row.child, row.denominator);
//! }
//! # Ok::<(), permanency::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use crate::Case;
use crate::case::event::EventData;
use crate::case::facts::Episode;
use crate::case::stage::ExitReason;
use crate::date;
use crate::error::Error;
use crate::id::ChildId;
use crate::policy::{
    CfsrDayCount, CfsrFirstEntry, CfsrMonthsInCare, CfsrShortReentry, CfsrTrialHomeVisit, Policy,
};
use crate::sensitive::Sensitive;

/// The CFSR permanency indicators are limited to children under 18 (79 FR 22604: "no consistent
/// construct for permanency for older youth").
const CFSR_AGE: u32 = 18;

/// Stays of fewer than this many days are excluded (79 FR 61241).
const SHORT_STAY_DAYS: i64 = 8;

/// Reports in the first days of a removal are taken as maltreatment before care (79 FR 22604).
const FIRST_DAYS_OF_REMOVAL: u32 = 7;

macro_rules! indicators_list {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, short $short:literal, per $per:literal, lower_better $lower:literal; )*) => {
        /// A CFSR statewide data indicator.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(rename_all = "snake_case"))]
        #[non_exhaustive]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        pub enum Indicator {
            $( $(#[$doc])* $variant, )*
        }

        impl Indicator {
            /// Every indicator, permanency first.
            pub const ALL: &'static [Indicator] = &[$(Indicator::$variant),*];

            /// The snake_case name, as on the wire.
            pub const fn as_str(self) -> &'static str {
                match self { $(Indicator::$variant => $name,)* }
            }

            /// The short name the Children's Bureau's reports use (`P1` … `P5`, `MIC`, `RM`).
            pub const fn short_name(self) -> &'static str {
                match self { $(Indicator::$variant => $short,)* }
            }

            /// What the rate is per: 100 (a percentage), 1,000 or 100,000 days.
            pub const fn per(self) -> u32 {
                match self { $(Indicator::$variant => $per,)* }
            }

            /// Whether a lower rate is better (re-entry, moves, maltreatment).
            pub const fn lower_is_better(self) -> bool {
                match self { $(Indicator::$variant => $lower,)* }
            }
        }

        crate::codes::code_names! { @display Indicator }
        crate::codes::code_names! { @from_str Indicator, "indicator": $($variant = $name),* }
    };
}

indicators_list! {
    /// P1: permanency in 12 months for children entering foster care.
    PermanencyEntries = "permanency_in_12_months_entries", short "P1", per 100, lower_better false;
    /// P2: permanency in 12 months for children in care 12 to 23 months.
    Permanency12To23Months = "permanency_in_12_months_12_to_23_months", short "P2", per 100, lower_better false;
    /// P3: permanency in 12 months for children in care 24 months or more.
    Permanency24Months = "permanency_in_12_months_24_months_or_more", short "P3", per 100, lower_better false;
    /// P4: re-entry to foster care within 12 months of a discharge.
    Reentry = "reentry_in_12_months", short "P4", per 100, lower_better true;
    /// P5: placement moves per 1,000 days in care.
    PlacementStability = "placement_stability", short "P5", per 1000, lower_better true;
    /// Maltreatment in foster care: victimizations per 100,000 days in care.
    MaltreatmentInCare = "maltreatment_in_care", short "MIC", per 100000, lower_better true;
    /// Recurrence of maltreatment within 12 months.
    Recurrence = "recurrence_of_maltreatment", short "RM", per 100, lower_better true;
}

impl Indicator {
    /// Whether the figure is a rate over days (P5, maltreatment in care) rather than a share of
    /// children.
    pub const fn is_per_day(self) -> bool {
        matches!(
            self,
            Indicator::PlacementStability | Indicator::MaltreatmentInCare
        )
    }

    /// The five permanency indicators, P1 to P5.
    pub const PERMANENCY: &'static [Indicator] = &[
        Indicator::PermanencyEntries,
        Indicator::Permanency12To23Months,
        Indicator::Permanency24Months,
        Indicator::Reentry,
        Indicator::PlacementStability,
    ];
}

/// The 12-month period an indicator is computed over: its first and last day (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct ReportPeriod {
    first_day: NaiveDate,
    last_day: NaiveDate,
}

impl ReportPeriod {
    /// The 12 months that begin on `first_day`: through the day before the same date a year
    /// later (2023-04-01 → 2024-03-31). A period that begins on a leap day ends as the federal
    /// [`MonthEnd::Clamp`](crate::date::MonthEnd::Clamp) reads "12 months after" (2024-02-29 →
    /// 2025-02-27); [`twelve_months_from_with`](Self::twelve_months_from_with) takes the
    /// policy's reading.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] for a date outside 1900–2199.
    pub fn twelve_months_from(first_day: NaiveDate) -> Result<ReportPeriod, Error> {
        ReportPeriod::twelve_months_from_with(first_day, date::MonthEnd::Clamp)
    }

    /// The 12 months that begin on `first_day`, "12 months after" read as `month_end` says
    /// (pass [`Policy::month_end`](crate::Policy::month_end) so the period and the indicators'
    /// own 12-month windows agree): the same as [`twelve_months_from`](Self::twelve_months_from)
    /// for any day a year later has, and for a leap day 2024-02-29 → 2025-02-27 under
    /// [`MonthEnd::Clamp`](crate::date::MonthEnd::Clamp), 2024-02-29 → 2025-02-28 under
    /// [`MonthEnd::RollOver`](crate::date::MonthEnd::RollOver).
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] for a date outside 1900–2199.
    pub fn twelve_months_from_with(
        first_day: NaiveDate,
        month_end: date::MonthEnd,
    ) -> Result<ReportPeriod, Error> {
        let first_day = date::check_range("first_day", first_day)?;
        let last_day = date::days_before(date::months_after_with(first_day, 12, month_end), 1);
        date::check_range("last_day", last_day)?;
        Ok(ReportPeriod {
            first_day,
            last_day,
        })
    }

    /// Federal fiscal year `year`: October 1 of the year before through September 30.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] for a year outside 1901–2199.
    pub fn federal_fiscal_year(year: i32) -> Result<ReportPeriod, Error> {
        let first = NaiveDate::from_ymd_opt(year.saturating_sub(1), 10, 1)
            .ok_or(Error::DateOutOfRange { field: "year" })?;
        ReportPeriod::twelve_months_from(first)
    }

    /// The first day.
    pub fn first_day(&self) -> NaiveDate {
        self.first_day
    }

    /// The last day (inclusive).
    pub fn last_day(&self) -> NaiveDate {
        self.last_day
    }

    /// The day after the last: the period is `[first_day, end)`.
    pub fn end(&self) -> NaiveDate {
        date::days_after(self.last_day, 1)
    }

    /// Whether `date` falls in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.first_day <= date && date <= self.last_day
    }
}

/// The age groups the Children's Bureau reports the indicators by: age at entry (P1, P4, P5), on
/// the first day (P2, P3), at the first day in care in the period (maltreatment in care), at the
/// first report (recurrence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum AgeGroup {
    /// Under 1.
    Under1,
    /// 1 to 5.
    From1To5,
    /// 6 to 10.
    From6To10,
    /// 11 to 16.
    From11To16,
    /// 17.
    Age17,
    /// 18 or older: excluded, reported so the exclusion can be seen.
    From18,
}

crate::codes::code_names! {
    AgeGroup, "age group":
        Under1 = "under_1",
        From1To5 = "1_to_5",
        From6To10 = "6_to_10",
        From11To16 = "11_to_16",
        Age17 = "17",
        From18 = "18_or_older",
}

impl AgeGroup {
    /// The group of a child `years` old.
    pub const fn of_age(years: u32) -> AgeGroup {
        match years {
            0 => AgeGroup::Under1,
            1..=5 => AgeGroup::From1To5,
            6..=10 => AgeGroup::From6To10,
            11..=16 => AgeGroup::From11To16,
            17 => AgeGroup::Age17,
            _ => AgeGroup::From18,
        }
    }
}

/// Whether a child is in an indicator's denominator and, if not, why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Denominator {
    /// In the denominator.
    Included,
    /// P1, P4, P5: no entry into care in the period.
    NoEntryInPeriod,
    /// P2, P3: not in care on the first day of the period.
    NotInCareOnFirstDay,
    /// P2: in care on the first day for fewer than 12 or for 24 or more months; P3: for fewer
    /// than 24 (the months are in the row's `months_in_care`).
    MonthsInCareOutOfRange,
    /// Maltreatment in care: not in care on any day of the period.
    NotInCareInPeriod,
    /// Recurrence: no substantiated or indicated report in the period.
    NoReportInPeriod,
    /// P1, P4, P5: entered care at 18 or older.
    EnteredAt18OrOlder,
    /// P2, P3: 18 or older on the first day.
    EighteenOnFirstDay,
    /// Maltreatment in care: 18 or older on every day in care in the period.
    EighteenInPeriod,
    /// Recurrence: 18 or older at the first report in the period.
    VictimAt18OrOlder,
    /// P1, P4, P5, maltreatment in care: in care fewer than 8 days (the length of stay is in the
    /// row).
    StayUnder8Days,
    /// P4: discharged on or after the 18th birthday.
    ExitedAt18OrOlder,
    /// P4: not discharged within 12 months of entering.
    NotDischargedWithin12Months,
    /// P4: discharged within 12 months, but not to reunification, relatives or guardianship
    /// (adoption is excluded: re-entries after adoption cannot be identified reliably); the
    /// reason is in the row.
    DischargeNotFollowed,
}

crate::codes::code_names! {
    Denominator, "denominator reason":
        Included = "included",
        NoEntryInPeriod = "no_entry_in_period",
        NotInCareOnFirstDay = "not_in_care_on_first_day",
        MonthsInCareOutOfRange = "months_in_care_out_of_range",
        NotInCareInPeriod = "not_in_care_in_period",
        NoReportInPeriod = "no_report_in_period",
        EnteredAt18OrOlder = "entered_at_18_or_older",
        EighteenOnFirstDay = "eighteen_on_first_day",
        EighteenInPeriod = "eighteen_in_period",
        VictimAt18OrOlder = "victim_at_18_or_older",
        StayUnder8Days = "stay_under_8_days",
        ExitedAt18OrOlder = "exited_at_18_or_older",
        NotDischargedWithin12Months = "not_discharged_within_12_months",
        DischargeNotFollowed = "discharge_not_followed",
}

/// Whether a child in the denominator is in the numerator, and why or why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Numerator {
    /// Not in the denominator.
    NotInDenominator,
    /// P1–P3: discharged to permanency in time and before the 18th birthday.
    Permanency,
    /// P1: discharged to reunification from a trial home visit, in time only once the visit is
    /// adjusted for ([`CfsrTrialHomeVisit`]).
    PermanencyAfterTrialHomeVisitAdjustment,
    /// P1–P3: discharged in time, but not to permanency (the reason is in the row).
    ExitNotPermanency,
    /// P1–P3: discharged in time, on or after the 18th birthday: never permanency here.
    ExitedAt18OrOlder,
    /// P1–P3: still in care at the end of the time allowed (12 months after entry; the period's
    /// last day), whatever came later.
    StillInCare,
    /// P4: re-entered care within 12 months of the discharge (the date is in the row).
    Reentered,
    /// P4: no re-entry within 12 months.
    NoReentry,
    /// P5, maltreatment in care: the days and the moves or victimizations are in the row.
    Counted,
    /// Recurrence: another report within 12 months (the date is in the row).
    Recurred,
    /// Recurrence: no other report within 12 months.
    NoRecurrence,
}

crate::codes::code_names! {
    Numerator, "numerator reason":
        NotInDenominator = "not_in_denominator",
        Permanency = "permanency",
        PermanencyAfterTrialHomeVisitAdjustment = "permanency_after_trial_home_visit_adjustment",
        ExitNotPermanency = "exit_not_permanency",
        ExitedAt18OrOlder = "exited_at_18_or_older",
        StillInCare = "still_in_care",
        Reentered = "reentered",
        NoReentry = "no_reentry",
        Counted = "counted",
        Recurred = "recurred",
        NoRecurrence = "no_recurrence",
}

/// One child's line in an indicator: in or out of the denominator and why, in or out of the
/// numerator and why, and what the child contributed. Flat, for a table: see
/// [`Report::rows`].
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct AuditRow<'a> {
    /// The indicator.
    pub indicator: Indicator,
    /// The child.
    pub child: &'a ChildId,
    /// The episode read ([`Episode::number`]): the first entry in the period (P1, P4, P5), the
    /// episode open on the first day (P2, P3), the first in care in the period (maltreatment in
    /// care); none for recurrence or when there is none.
    pub episode: Option<u32>,
    /// Its removal date; for recurrence, the date of the first report in the period.
    pub start: Option<NaiveDate>,
    /// The age group at `start` (P2, P3: on the first day; maltreatment in care: on the first
    /// day in care in the period).
    pub age_group: Option<AgeGroup>,
    /// P2, P3: whole calendar months in care on the first day. Under
    /// [`CfsrMonthsInCare::Days`] the child is placed by days instead (12 months = 365 days), so
    /// a child near a boundary may show 23 months and be in P3.
    pub months_in_care: Option<u32>,
    /// The episode's exit date (the first day out of care), when it has one.
    pub exit_date: Option<NaiveDate>,
    /// The episode's exit reason, when it has one.
    pub exit_reason: Option<ExitReason>,
    /// The length of stay in days, `exit − removal`, when the episode has ended.
    pub length_of_stay: Option<u32>,
    /// P1: the days of a final trial home visit beyond 30, taken off the length of stay
    /// ([`CfsrTrialHomeVisit::DaysBeyond30`]).
    pub trial_home_visit_days_beyond_30: Option<u32>,
    /// Whether the child is in the denominator, and if not why.
    pub denominator: Denominator,
    /// Whether the child is in the numerator, and why.
    pub numerator: Numerator,
    /// P4: the re-entry date; recurrence: the date of the next report.
    pub event_date: Option<NaiveDate>,
    /// P5, maltreatment in care: the days in care the child contributed.
    pub days: u32,
    /// P5, maltreatment in care: whether the days end at the 18th birthday (the child turned
    /// 18 in care in the period). The days then give the birth date away with `start`: `Debug`
    /// redacts them, and the [`tables`](crate::tables) leave them out unless asked for birth
    /// dates.
    pub days_end_at_18: bool,
    /// P5: the moves the child contributed; maltreatment in care: the victimizations.
    pub count: u32,
}

impl fmt::Debug for AuditRow<'_> {
    /// Every field, the days redacted when they end at the 18th birthday (they would give the
    /// birth date away).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redacted = Sensitive::new(());
        let days: &dyn fmt::Debug = if self.days_end_at_18 {
            &redacted
        } else {
            &self.days
        };
        f.debug_struct("AuditRow")
            .field("indicator", &self.indicator)
            .field("child", &self.child)
            .field("episode", &self.episode)
            .field("start", &self.start)
            .field("age_group", &self.age_group)
            .field("months_in_care", &self.months_in_care)
            .field("exit_date", &self.exit_date)
            .field("exit_reason", &self.exit_reason)
            .field("length_of_stay", &self.length_of_stay)
            .field(
                "trial_home_visit_days_beyond_30",
                &self.trial_home_visit_days_beyond_30,
            )
            .field("denominator", &self.denominator)
            .field("numerator", &self.numerator)
            .field("event_date", &self.event_date)
            .field("days", days)
            .field("days_end_at_18", &self.days_end_at_18)
            .field("count", &self.count)
            .finish()
    }
}

impl AuditRow<'_> {
    /// Whether the child is in the denominator.
    pub fn in_denominator(&self) -> bool {
        self.denominator == Denominator::Included
    }

    /// Whether the child counts in the numerator (P1–P4, recurrence), or contributed a move or
    /// a victimization (P5, maltreatment in care).
    pub fn in_numerator(&self) -> bool {
        match self.numerator {
            Numerator::Permanency
            | Numerator::PermanencyAfterTrialHomeVisitAdjustment
            | Numerator::Reentered
            | Numerator::Recurred => true,
            Numerator::Counted => self.count > 0,
            _ => false,
        }
    }

    /// What the row adds to the numerator: 1 or 0 for a share of children; the moves or
    /// victimizations for a rate over days.
    pub fn numerator_units(&self) -> u64 {
        if self.indicator.is_per_day() {
            u64::from(self.count)
        } else {
            u64::from(self.in_numerator())
        }
    }

    /// What the row adds to the denominator: 1 or 0 for a share of children; the days for a
    /// rate over days.
    pub fn denominator_units(&self) -> u64 {
        match (self.in_denominator(), self.indicator.is_per_day()) {
            (false, _) => 0,
            (true, true) => u64::from(self.days),
            (true, false) => 1,
        }
    }

    fn new(indicator: Indicator, child: &ChildId) -> AuditRow<'_> {
        AuditRow {
            indicator,
            child,
            episode: None,
            start: None,
            age_group: None,
            months_in_care: None,
            exit_date: None,
            exit_reason: None,
            length_of_stay: None,
            trial_home_visit_days_beyond_30: None,
            denominator: Denominator::Included,
            numerator: Numerator::NotInDenominator,
            event_date: None,
            days: 0,
            days_end_at_18: false,
            count: 0,
        }
    }

    fn of_episode(mut self, e: &Episode) -> Self {
        self.episode = Some(e.number());
        self.start = Some(e.removal_date());
        if let Some(x) = e.exit() {
            self.exit_date = Some(x.date);
            self.exit_reason = Some(x.reason);
            self.length_of_stay = u32::try_from(date::days_between(e.removal_date(), x.date)).ok();
        }
        self
    }

    fn out(mut self, why: Denominator) -> Self {
        self.denominator = why;
        self.numerator = Numerator::NotInDenominator;
        self
    }
}

/// A numerator, a denominator and their rate.
///
/// Days in care cut at a child's 18th birthday ([`AuditRow::days_end_at_18`]) put that
/// birthday in the days of a tally of one child (the days from the entry): so when any row's
/// days are cut there, the tally's `Debug` prints `[redacted]` for the denominator and the rate
/// (the fields and the accessors keep them).
#[derive(Clone, Copy, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Tally {
    /// Children in the denominator.
    pub children: u64,
    /// The numerator: children, or moves or victimizations.
    pub numerator: u64,
    /// The denominator: children, or days.
    pub denominator: u64,
    /// `numerator / denominator × per`, or `None` over an empty denominator.
    pub rate: Option<f64>,
    /// Whether a row's days end at the child's 18th birthday.
    #[cfg_attr(feature = "serde", serde(skip))]
    days_end_at_18: bool,
}

/// Equal figures: the redaction of `Debug` is not compared.
impl PartialEq for Tally {
    fn eq(&self, other: &Tally) -> bool {
        (self.children, self.numerator, self.denominator, self.rate)
            == (
                other.children,
                other.numerator,
                other.denominator,
                other.rate,
            )
    }
}

impl fmt::Debug for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Tally");
        d.field("children", &self.children)
            .field("numerator", &self.numerator);
        if self.days_end_at_18 {
            let hidden = crate::sensitive::Sensitive::new(());
            d.field("denominator", &hidden).field("rate", &hidden);
        } else {
            d.field("denominator", &self.denominator)
                .field("rate", &self.rate);
        }
        d.finish()
    }
}

impl Tally {
    fn add(&mut self, row: &AuditRow<'_>) {
        self.children += u64::from(row.in_denominator());
        self.numerator += row.numerator_units();
        self.denominator += row.denominator_units();
        self.days_end_at_18 |= row.days_end_at_18 && row.in_denominator();
    }

    fn finish(mut self, indicator: Indicator) -> Tally {
        self.rate = (self.denominator > 0)
            .then(|| self.numerator as f64 / self.denominator as f64 * f64::from(indicator.per()));
        self
    }
}

/// One indicator over a caseload and a period: the figures and every child's row.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Report<'a> {
    indicator: Indicator,
    period: ReportPeriod,
    tally: Tally,
    rows: Vec<AuditRow<'a>>,
}

impl<'a> Report<'a> {
    /// The indicator.
    pub fn indicator(&self) -> Indicator {
        self.indicator
    }

    /// The period.
    pub fn period(&self) -> ReportPeriod {
        self.period
    }

    /// The numerator: children (P1–P4, recurrence), moves (P5) or victimizations.
    pub fn numerator(&self) -> u64 {
        self.tally.numerator
    }

    /// The denominator: children, or days in care (P5, maltreatment in care).
    pub fn denominator(&self) -> u64 {
        self.tally.denominator
    }

    /// The children in the denominator.
    pub fn children(&self) -> u64 {
        self.tally.children
    }

    /// `numerator / denominator × per` ([`Indicator::per`]): a percentage, or moves per 1,000
    /// days, or victimizations per 100,000 days; `None` when the denominator is 0.
    pub fn rate(&self) -> Option<f64> {
        self.tally.rate
    }

    /// The figures together.
    pub fn tally(&self) -> Tally {
        self.tally
    }

    /// One row per case given, in the order given: the audit trail.
    pub fn rows(&self) -> &[AuditRow<'a>] {
        &self.rows
    }

    /// The figures by a key of each row: the age group, or any key the caller supplies — a
    /// county read from a map of child ids, say. Rows outside the denominator are grouped too
    /// (their tally adds nothing), so every key seen appears.
    ///
    /// ```
    /// # use permanency::indicators::{self, Indicator, ReportPeriod};
    /// # let cases: Vec<permanency::Case> = Vec::new();
    /// # let period = ReportPeriod::federal_fiscal_year(2024)?;
    /// # let p1 = indicators::compute(Indicator::PermanencyEntries, &cases, period, &permanency::Policy::federal());
    /// let by_age = p1.tally_by(|row| row.age_group);
    /// # let county_of = std::collections::HashMap::<permanency::ChildId, &str>::new();
    /// let by_county = p1.tally_by(|row| county_of.get(row.child).copied());
    /// # Ok::<(), permanency::Error>(())
    /// ```
    pub fn tally_by<K: Ord>(&self, mut key: impl FnMut(&AuditRow<'a>) -> K) -> BTreeMap<K, Tally> {
        let mut out: BTreeMap<K, Tally> = BTreeMap::new();
        for row in &self.rows {
            out.entry(key(row)).or_default().add(row);
        }
        for t in out.values_mut() {
            *t = t.finish(self.indicator);
        }
        out
    }

    /// The figures by age group ([`AuditRow::age_group`]); rows without one are left out.
    pub fn by_age_group(&self) -> BTreeMap<AgeGroup, Tally> {
        let mut all = self.tally_by(|row| row.age_group);
        all.remove(&None);
        all.into_iter()
            .filter_map(|(k, v)| k.map(|k| (k, v)))
            .collect()
    }
}

/// One indicator over `cases` and `period`.
pub fn compute<'a>(
    indicator: Indicator,
    cases: impl IntoIterator<Item = &'a Case>,
    period: ReportPeriod,
    policy: &Policy,
) -> Report<'a> {
    compute_all(&[indicator], cases, period, policy)
        .pop()
        .expect("one report per indicator asked")
}

/// Several indicators over `cases` and `period`, in one pass over the cases: the reports in the
/// order asked. [`Indicator::PERMANENCY`] asks for the five permanency indicators;
/// [`Indicator::ALL`] for the seven.
pub fn compute_all<'a>(
    indicators: &[Indicator],
    cases: impl IntoIterator<Item = &'a Case>,
    period: ReportPeriod,
    policy: &Policy,
) -> Vec<Report<'a>> {
    let cases = cases.into_iter();
    // Room for one row per case, as far as the iterator says and the allocator allows (a hint
    // too large to honour only costs the regrowth).
    let expected = cases.size_hint().0;
    let mut rows: Vec<Vec<AuditRow<'a>>> = indicators
        .iter()
        .map(|_| {
            let mut v = Vec::new();
            let _ = v.try_reserve(expected);
            v
        })
        .collect();
    // Each row is added to its tally as it is made, while it is still in cache: at a national
    // scale the rows are hundreds of megabytes, and a second pass would read them all again.
    let mut tallies = vec![Tally::default(); indicators.len()];
    // The cases go by blocks of `BLOCK`. A case's episodes and placements are each a heap block
    // of their own, and at a national scale nearly every first read of one misses the cache:
    // reads made back to back, for a block's cases, wait for memory together instead of one
    // after another. So the block's episodes are found first, in a loop of a few instructions
    // a case; then its views are made; then each indicator's rows for the block.
    let mut located: Vec<Located<'a>> = Vec::with_capacity(BLOCK);
    let mut block: Vec<View<'a, '_>> = Vec::with_capacity(BLOCK);
    let mut cases = cases.peekable();
    while cases.peek().is_some() {
        located.extend(
            cases
                .by_ref()
                .take(BLOCK)
                .map(|case| View::locate(case, period, policy)),
        );
        block.clear();
        block.extend(located.drain(..).map(|l| View::new(l, period, policy)));
        for ((out, tally), &indicator) in rows.iter_mut().zip(&mut tallies).zip(indicators) {
            for view in &block {
                let row = view.row(indicator);
                tally.add(&row);
                out.push(row);
            }
        }
    }
    indicators
        .iter()
        .zip(rows)
        .zip(tallies)
        .map(|((&indicator, rows), tally)| Report {
            indicator,
            period,
            tally: tally.finish(indicator),
            rows,
        })
        .collect()
}

/// The cases [`compute_all`] reads together (see there).
const BLOCK: usize = 64;

/// `date` plus `n` calendar months, at a short month's end as the policy says
/// ([`date::months_after_with`], by the crate's quicker month arithmetic: the indicators add
/// months to every child's dates).
fn months_after(d: NaiveDate, n: u32, policy: &Policy) -> NaiveDate {
    crate::timeline::calendar::months_after_with(d, n, policy.month_end())
}

/// Whole calendar months from `start` to `on` under the policy's month end: the largest `m`
/// with `start + m months <= on`. Rolling over puts a date a day to three days after its clamped
/// twin, and only where the clamped one is a short month's last day, so it loses at most the
/// last month.
fn whole_months_between(start: NaiveDate, on: NaiveDate, policy: &Policy) -> u32 {
    let m = date::whole_months_between(start, on);
    if m > 0 && months_after(start, m, policy) > on {
        m - 1
    } else {
        m
    }
}

/// A case and the episodes the indicators read ([`View::locate`]).
struct Located<'a> {
    case: &'a Case,
    entry: Option<&'a Episode>,
    on_first_day: Option<&'a Episode>,
}

/// One case as the indicators read it.
struct View<'a, 'p> {
    case: &'a Case,
    period: ReportPeriod,
    policy: &'p Policy,
    /// The 18th birthday.
    adult: NaiveDate,
    /// The first episode that began in the period (P1, P4, P5 read it).
    entry: Option<&'a Episode>,
    /// The episode open on the period's first day, and its whole months in care then (P2, P3).
    on_first_day: Option<(&'a Episode, u32)>,
    /// The age group at the first entry in the period (P1, P4, P5), read once for the three.
    entry_age_group: Option<AgeGroup>,
    /// The age group on the period's first day (P2, P3), read once for the two.
    first_day_age_group: Option<AgeGroup>,
}

impl<'a, 'p> View<'a, 'p> {
    /// The episodes of `case` the indicators read: the first that began in the period, and the
    /// one open on its first day.
    fn locate(case: &'a Case, period: ReportPeriod, policy: &Policy) -> Located<'a> {
        let first = period.first_day();
        let episodes = case.episodes();
        let mut entries = episodes
            .iter()
            .filter(|e| period.contains(e.removal_date()));
        let entry = match policy.cfsr_first_entry() {
            CfsrFirstEntry::AnyStay => entries.next(),
            // The first stay of 8 days or more; when every stay in the period was short, the
            // first (it is out as a short stay).
            CfsrFirstEntry::EightDaysOrMore => {
                let first_entry = entries.next();
                first_entry
                    .filter(|e| !Self::short(e))
                    .or_else(|| entries.find(|e| !Self::short(e)))
                    .or(first_entry)
            }
        };
        if let Some(e) = entry {
            // The value is not needed here, the read is: it puts the load of the episode's
            // first placement (P5 reads it) in flight with the rest of the block's misses.
            std::hint::black_box(case.episode_placements(e).first().map(|p| p.start()));
        }
        Located {
            case,
            entry,
            on_first_day: episodes
                .iter()
                .find(|e| e.removal_date() <= first && e.exit().is_none_or(|x| x.date > first)),
        }
    }

    fn new(located: Located<'a>, period: ReportPeriod, policy: &'p Policy) -> Self {
        let Located {
            case,
            entry,
            on_first_day,
        } = located;
        let first = period.first_day();
        let on_first_day =
            on_first_day.map(|e| (e, whole_months_between(e.removal_date(), first, policy)));
        let age_group = |on: NaiveDate| case.child().age_on(on, policy).map(AgeGroup::of_age);
        View {
            case,
            period,
            policy,
            adult: case.child().attains_age(CFSR_AGE, policy),
            entry,
            on_first_day,
            entry_age_group: entry.and_then(|e| age_group(e.removal_date())),
            first_day_age_group: on_first_day.and_then(|_| age_group(first)),
        }
    }

    fn row(&self, indicator: Indicator) -> AuditRow<'a> {
        match indicator {
            Indicator::PermanencyEntries => self.p1(),
            Indicator::Permanency12To23Months => self.in_care_on_first_day(12, Some(24), indicator),
            Indicator::Permanency24Months => self.in_care_on_first_day(24, None, indicator),
            Indicator::Reentry => self.p4(),
            Indicator::PlacementStability => self.p5(),
            Indicator::MaltreatmentInCare => self.maltreatment_in_care(),
            Indicator::Recurrence => self.recurrence(),
        }
    }

    fn age_group(&self, on: NaiveDate) -> Option<AgeGroup> {
        self.case
            .child()
            .age_on(on, self.policy)
            .map(AgeGroup::of_age)
    }

    /// The first episode that began in the period.
    fn first_entry(&self) -> Option<&'a Episode> {
        self.entry
    }

    /// Whether the episode lasted fewer than 8 days.
    fn short(e: &Episode) -> bool {
        e.exit()
            .is_some_and(|x| date::days_between(e.removal_date(), x.date) < SHORT_STAY_DAYS)
    }

    /// The common screen of P1, P4 and P5 for the first entry in the period.
    fn entry_row(&self, indicator: Indicator) -> Result<(AuditRow<'a>, &'a Episode), AuditRow<'a>> {
        let row = AuditRow::new(indicator, self.case.child().id());
        let Some(e) = self.first_entry() else {
            return Err(row.out(Denominator::NoEntryInPeriod));
        };
        let mut row = row.of_episode(e);
        row.age_group = self.entry_age_group;
        if e.removal_date() >= self.adult {
            return Err(row.out(Denominator::EnteredAt18OrOlder));
        }
        if Self::short(e) {
            return Err(row.out(Denominator::StayUnder8Days));
        }
        Ok((row, e))
    }

    /// How a discharge by `by` (inclusive) reads for P1–P3.
    fn permanency(&self, e: &Episode, by: NaiveDate) -> Numerator {
        match e.exit() {
            Some(x) if x.date <= by => {
                if x.date >= self.adult {
                    Numerator::ExitedAt18OrOlder
                } else if x.reason.is_permanency() {
                    Numerator::Permanency
                } else {
                    Numerator::ExitNotPermanency
                }
            }
            _ => Numerator::StillInCare,
        }
    }

    fn p1(&self) -> AuditRow<'a> {
        let (mut row, e) = match self.entry_row(Indicator::PermanencyEntries) {
            Ok(x) => x,
            Err(row) => return row,
        };
        let by = months_after(e.removal_date(), 12, self.policy);
        row.numerator = self.permanency(e, by);
        // The trial home visit adjustment: a reunification from a visit, later than 12 months.
        if let Some(x) = e
            .exit()
            .filter(|x| x.reason == ExitReason::Reunified && x.date > by && x.date < self.adult)
            && let Some(visit) = self
                .case
                .episode_placements(e)
                .last()
                .filter(|p| p.setting().is_trial_home_visit())
        {
            let visit_days = date::days_between(visit.start(), x.date);
            let in_time = match self.policy.cfsr_trial_home_visit() {
                CfsrTrialHomeVisit::DaysBeyond30 => {
                    let beyond = (visit_days - 30).max(0);
                    row.trial_home_visit_days_beyond_30 = u32::try_from(beyond).ok();
                    date::days_before(x.date, u32::try_from(beyond).unwrap_or(u32::MAX)) <= by
                }
                CfsrTrialHomeVisit::StartedWithin11Months => {
                    visit_days >= 30
                        && visit.start() <= months_after(e.removal_date(), 11, self.policy)
                }
            };
            if in_time {
                row.numerator = Numerator::PermanencyAfterTrialHomeVisitAdjustment;
            }
        }
        row
    }

    fn in_care_on_first_day(
        &self,
        from_months: u32,
        below_months: Option<u32>,
        indicator: Indicator,
    ) -> AuditRow<'a> {
        let first = self.period.first_day();
        let row = AuditRow::new(indicator, self.case.child().id());
        let Some((e, m)) = self.on_first_day else {
            return row.out(Denominator::NotInCareOnFirstDay);
        };
        let mut row = row.of_episode(e);
        row.age_group = self.first_day_age_group;
        let removal = e.removal_date();
        let (months, at_least, below) = match self.policy.cfsr_months_in_care() {
            CfsrMonthsInCare::CalendarMonths => {
                (m, m >= from_months, below_months.is_none_or(|b| m < b))
            }
            CfsrMonthsInCare::Days => {
                let days = date::days_between(removal, first);
                let years = |months: u32| i64::from(months / 12) * 365;
                (
                    m,
                    days >= years(from_months),
                    below_months.is_none_or(|b| days < years(b)),
                )
            }
        };
        row.months_in_care = Some(months);
        if !(at_least && below) {
            return row.out(Denominator::MonthsInCareOutOfRange);
        }
        if first >= self.adult {
            return row.out(Denominator::EighteenOnFirstDay);
        }
        row.numerator = self.permanency(e, self.period.last_day());
        row
    }

    fn p4(&self) -> AuditRow<'a> {
        let (mut row, e) = match self.entry_row(Indicator::Reentry) {
            Ok(x) => x,
            Err(row) => return row,
        };
        let Some(x) = e
            .exit()
            .filter(|x| x.date <= months_after(e.removal_date(), 12, self.policy))
        else {
            return row.out(Denominator::NotDischargedWithin12Months);
        };
        if x.date >= self.adult {
            return row.out(Denominator::ExitedAt18OrOlder);
        }
        if !matches!(
            x.reason,
            ExitReason::Reunified | ExitReason::LivingWithOtherRelatives | ExitReason::Guardianship
        ) {
            return row.out(Denominator::DischargeNotFollowed);
        }
        let by = months_after(x.date, 12, self.policy);
        let reentry = self.case.episodes()[e.number() as usize..]
            .iter()
            .take_while(|next| next.removal_date() <= by)
            .find(|next| {
                self.policy.cfsr_short_reentry() == CfsrShortReentry::Counts || !Self::short(next)
            });
        match reentry {
            Some(next) => {
                row.numerator = Numerator::Reentered;
                row.event_date = Some(next.removal_date());
            }
            None => row.numerator = Numerator::NoReentry,
        }
        row
    }

    /// The end of the days counted in an episode: `[start, end)`, cut at the period's end and
    /// the 18th birthday; and whether the exit day is added ([`CfsrDayCount`]).
    fn counted_days(&self, e: &Episode, from: NaiveDate) -> (NaiveDate, u32) {
        let cut = self.period.end().min(self.adult);
        let end = e.exit().map_or(cut, |x| x.date.min(cut));
        let mut days = u32::try_from(date::days_between(from, end).max(0)).unwrap_or(0);
        if self.exit_day_counted(e) && e.exit().is_some_and(|x| x.date >= from) {
            days += 1;
        }
        (end, days)
    }

    /// Whether the policy counts the exit day of `e` as a day in care
    /// ([`CfsrDayCount::ExitDayIncluded`]): when the stay ends in the period before the 18th
    /// birthday, and the child did not re-enter that same day (the day is then the next stay's
    /// first, and a day is counted once).
    fn exit_day_counted(&self, e: &Episode) -> bool {
        let cut = self.period.end().min(self.adult);
        self.policy.cfsr_day_count() == CfsrDayCount::ExitDayIncluded
            && e.exit().is_some_and(|x| {
                x.date < cut
                    && self
                        .case
                        .episodes()
                        .get(e.number() as usize)
                        .is_none_or(|next| next.removal_date() != x.date)
            })
    }

    fn p5(&self) -> AuditRow<'a> {
        let row = AuditRow::new(Indicator::PlacementStability, self.case.child().id());
        let Some(first) = self.first_entry() else {
            return row.out(Denominator::NoEntryInPeriod);
        };
        let mut row = row.of_episode(first);
        row.age_group = self.entry_age_group;
        // Every entry in the period counts, each screened on its own; the child is out only
        // when none qualifies, for the first entry's reason.
        let mut counted = false;
        for e in self.case.episodes()[first.number() as usize - 1..]
            .iter()
            .take_while(|e| self.period.contains(e.removal_date()))
        {
            if e.removal_date() >= self.adult || Self::short(e) {
                continue;
            }
            counted = true;
            // Days with no placement information are not counted: from the first placement.
            let Some(placed) = self.case.episode_placements(e).first().map(|p| p.start()) else {
                continue;
            };
            let (end, days) = self.counted_days(e, placed.max(e.removal_date()));
            row.days += days;
            row.days_end_at_18 |= end == self.adult;
            let moves = self
                .case
                .move_placements(e)
                .filter(|p| p.start() < end)
                .count();
            row.count += u32::try_from(moves).unwrap_or(u32::MAX);
        }
        if !counted {
            let why = if first.removal_date() >= self.adult {
                Denominator::EnteredAt18OrOlder
            } else {
                Denominator::StayUnder8Days
            };
            return row.out(why);
        }
        row.numerator = Numerator::Counted;
        row
    }

    /// The distinct dates of the child's maltreatment reports, in order.
    fn report_dates(&self) -> Vec<NaiveDate> {
        let mut dates: Vec<NaiveDate> = self
            .case
            .events()
            .iter()
            .filter(|e| matches!(e.what(), EventData::MaltreatmentReported(_)))
            .map(|e| e.date())
            .collect();
        dates.dedup();
        dates
    }

    fn maltreatment_in_care(&self) -> AuditRow<'a> {
        let first_day = self.period.first_day();
        let end = self.period.end();
        let row = AuditRow::new(Indicator::MaltreatmentInCare, self.case.child().id());
        let in_period: Vec<&Episode> = self
            .case
            .episodes()
            .iter()
            .filter(|e| e.removal_date() < end && e.exit().is_none_or(|x| x.date > first_day))
            .collect();
        let Some(&first) = in_period.first() else {
            return row.out(Denominator::NotInCareInPeriod);
        };
        let mut row = row.of_episode(first);
        let start = first.removal_date().max(first_day);
        row.age_group = self.age_group(start);
        let counted: Vec<&&Episode> = in_period.iter().filter(|e| !Self::short(e)).collect();
        if counted.is_empty() {
            return row.out(Denominator::StayUnder8Days);
        }
        if counted
            .iter()
            .all(|e| e.removal_date().max(first_day) >= self.adult)
        {
            return row.out(Denominator::EighteenInPeriod);
        }
        row.numerator = Numerator::Counted;
        let reports = self.report_dates();
        for e in counted {
            let from = e.removal_date().max(first_day);
            if from >= self.adult {
                continue;
            }
            let (until, days) = self.counted_days(e, from);
            row.days += days;
            row.days_end_at_18 |= until == self.adult;
            let settled = date::days_after(e.removal_date(), FIRST_DAYS_OF_REMOVAL);
            // The exit day is in care when the policy counts it as a day in care.
            let exit_day_counted = self.exit_day_counted(e);
            let n = reports
                .iter()
                .filter(|&&d| {
                    d >= from && (d < until || (exit_day_counted && d == until)) && d >= settled
                })
                .count();
            row.count += u32::try_from(n).unwrap_or(u32::MAX);
        }
        row
    }

    fn recurrence(&self) -> AuditRow<'a> {
        let mut row = AuditRow::new(Indicator::Recurrence, self.case.child().id());
        let reports = self.report_dates();
        let Some(i) = reports.iter().position(|&d| self.period.contains(d)) else {
            return row.out(Denominator::NoReportInPeriod);
        };
        let index = reports[i];
        row.start = Some(index);
        row.age_group = self.age_group(index);
        if index >= self.adult {
            return row.out(Denominator::VictimAt18OrOlder);
        }
        let same = date::days_after(index, self.policy.cfsr_same_report_days());
        let by = months_after(index, 12, self.policy);
        match reports[i + 1..].iter().find(|&&d| d > same && d <= by) {
            Some(&d) => {
                row.numerator = Numerator::Recurred;
                row.event_date = Some(d);
            }
            None => row.numerator = Numerator::NoRecurrence,
        }
        row
    }
}
