//! [`Policy`]: every number the law sets, and every reading it leaves open, in one value.

use core::fmt;
use std::borrow::Cow;

use chrono::NaiveDate;

use crate::date::{LeapDayBirthday, MonthEnd};
use crate::error::Error;

/// Which date starts a removal episode's clocks that run from "the date the child is considered to
/// have entered foster care" (DEFC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum DefcRule {
    /// The earlier of the first judicial finding of abuse or neglect and the date 60 days (by
    /// default) after removal. SSA §475(5)(F), 45 CFR 1355.20. The federal default.
    #[default]
    EarlierOfFindingOrRemovalPlusDays,
    /// The removal date: the earlier date an agency may choose (45 CFR 1355.20).
    RemovalDate,
}

crate::codes::code_names! {
    DefcRule, "DEFC rule":
        EarlierOfFindingOrRemovalPlusDays = "earlier_of_finding_or_removal_plus_days",
        RemovalDate = "removal_date",
}

/// From which date the 6-monthly periodic review is counted. An open reading, see [the manual](crate::manual#open-readings): the
/// federal text fixes no anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum ReviewAnchor {
    /// The removal date, then each review held (most state systems; the earlier, safer choice).
    #[default]
    Removal,
    /// The DEFC, then each review held.
    Defc,
}

crate::codes::code_names! {
    ReviewAnchor, "review anchor": Removal = "removal", Defc = "defc"
}

/// Which date starts the 15-of-22 count of the second and later episodes. An open reading, see [the manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum EpisodeStart {
    /// That episode's own DEFC (the common reading).
    #[default]
    Defc,
    /// That episode's removal date (some states).
    Removal,
}

crate::codes::code_names! {
    EpisodeStart, "episode start": Defc = "defc", Removal = "removal"
}

/// How partial months add up toward "15 months in foster care". An open reading, see [the manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum MonthCounting {
    /// Whole calendar months per stretch of care, plus the leftover days of every stretch summed,
    /// each 30 leftover days counting as one more month. The common reading. One stretch's own
    /// leftover counts at most 29 days, so that a single continuous stretch counts exactly in
    /// calendar months (15 months complete on the last day of the 15th month, even when the last
    /// month has 31 days).
    #[default]
    CalendarMonths,
    /// Every month is 30 days: 15 months are 450 days.
    ThirtyDays,
    /// Every month is 30.4375 days (365.25 / 12): 15 months are 457 days (rounded up from
    /// 456.5625).
    AverageMonth,
}

crate::codes::code_names! {
    MonthCounting, "month counting":
        CalendarMonths = "calendar_months",
        ThirtyDays = "thirty_days",
        AverageMonth = "average_month",
}

/// When a trial home visit that outlives its limit ends the removal episode for reporting.
/// An open reading, see [the manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum OverlongVisitExit {
    /// The first day beyond the limit (visit start + 6 months, or the day after the court's
    /// extension). The default.
    #[default]
    FirstDayBeyondLimit,
    /// Back-dated to the first day of the visit.
    VisitStart,
}

crate::codes::code_names! {
    OverlongVisitExit, "overlong visit exit":
        FirstDayBeyondLimit = "first_day_beyond_limit",
        VisitStart = "visit_start",
}

/// From which date the next permanency hearing is counted. An open reading, see [the manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum HearingRhythm {
    /// 12 months after the last hearing actually held: an early hearing pulls the next one
    /// forward, a late one does not move the schedule back. The common, conservative reading.
    #[default]
    FromLastHeld,
    /// A fixed schedule: 12, 24, 36... months after DEFC, whenever the hearings were held; each
    /// due date needs a hearing of its own, held since the one before (two hearings in one
    /// 12-month period meet one due date).
    FromDefc,
}

crate::codes::code_names! {
    HearingRhythm, "hearing rhythm": FromLastHeld = "from_last_held", FromDefc = "from_defc"
}

/// Whether days in a juvenile-justice facility count toward 15 of 22 while the agency keeps
/// placement and care responsibility. An open reading, see [the manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum DetentionTime {
    /// They count: the child is still in foster care. The default.
    #[default]
    Counted,
    /// They do not count (some states).
    Excluded,
}

crate::codes::code_names! {
    DetentionTime, "detention time": Counted = "counted", Excluded = "excluded"
}

/// Which months in a relative's home count toward kinship guardianship assistance.
/// An open reading, see [the manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum KinshipClock {
    /// Only months while the home held a license in force (payments need a licensed home,
    /// SSA §472(c)(1)): 6 consecutive months of the stay licensed every day, each day judged by
    /// the family's record in effect that day (SSA §473(d)(3)(A)(i)(II)). The default.
    #[default]
    LicensedMonths,
    /// Every month of the stay in the home, once the home has been licensed during it (states
    /// that approve retroactively).
    AllMonthsInHome,
}

crate::codes::code_names! {
    KinshipClock, "kinship clock":
        LicensedMonths = "licensed_months",
        AllMonthsInHome = "all_months_in_home",
}

/// Whether a new prevention plan opens a new Family First prevention period.1
/// \[I\].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum PreventionRenewal {
    /// Each new candidacy identification opens a new 12-month period (ACF's reading). The
    /// default.
    #[default]
    EachCandidacy,
    /// Only the case's first candidacy opens a period.
    FirstOnly,
}

crate::codes::code_names! {
    PreventionRenewal, "prevention renewal":
        EachCandidacy = "each_candidacy",
        FirstOnly = "first_only",
}

/// Whether the state uses the optional relative-care exception to the 15-of-22 filing
/// requirement (SSA §475(5)(E)(i): "at the option of the State").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum RelativeCareException {
    /// The exception applies when a relative cares for the child. The default.
    #[default]
    Used,
    /// The state does not use it.
    NotUsed,
}

crate::codes::code_names! {
    RelativeCareException, "relative care exception": Used = "used", NotUsed = "not_used"
}

/// Whether a TPR petition filed in an earlier episode relieves a later re-entry of its own
/// 15-of-22 filing. 45 CFR 1356.21(i)(1)(i)(D) says the requirement applies "only once" when the
/// agency did not file because an exception applied; it says nothing of a petition actually
/// filed. An open reading, see [the manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum TprRefiling {
    /// A re-entry owes its own filing when its 22-month window reaches 15 months (the text of
    /// (D) speaks only of an exception): only a petition filed in the episode under way on the
    /// due date meets it, not one of an earlier episode that ended in the child's return home.
    /// The default.
    #[default]
    EachReentry,
    /// One petition, ever, meets the requirement.
    Once,
}

crate::codes::code_names! {
    TprRefiling, "TPR refiling": EachReentry = "each_reentry", Once = "once"
}

/// When the relative-care exception to the 15-of-22 filing is judged. An open reading, see [the
/// manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum RelativeCareReview {
    /// Once, on the due date (the end of the 15th month): relative care then waives the filing
    /// for good (45 CFR 1356.21(i)(1)(i)(D): "only once"). The default.
    #[default]
    AtDueDate,
    /// Again when the relative placement ends: once the child leaves the relative's care (still
    /// in foster care), the exception no longer holds and the filing is owed (overdue).
    WhileInRelativeCare,
}

crate::codes::code_names! {
    RelativeCareReview, "relative care review":
        AtDueDate = "at_due_date",
        WhileInRelativeCare = "while_in_relative_care",
}

/// Whether the 15-of-22 clock keeps running for a youth of 18 or older in extended foster care.
/// SSA §475(5)(E) speaks of "a child" in foster care, and §475(8)(B) makes a youth in extended care
/// a "child" for title IV-E, so the federal text keeps it running; states commonly document a
/// compelling reason instead, and some stop the clock. An open reading, see [the
/// manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum TprAfterMajority {
    /// The clock runs in extended care as before 18 (the federal text). The default.
    #[default]
    Runs,
    /// No 15-of-22 petition falls due on or after the age of majority.
    Stops,
}

crate::codes::code_names! {
    TprAfterMajority, "TPR after majority": Runs = "runs", Stops = "stops"
}

/// How the CFSR permanency indicators for children in care on the first day of the period (P2:
/// 12–23 months, P3: 24 months or more) count the months in care on that day. The federal
/// definition speaks of months without saying how they are counted. An open reading, see [the
/// manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum CfsrMonthsInCare {
    /// Whole calendar months from the entry to the first day: an entry exactly 12 months
    /// earlier is 12 months; 23 months and 30 days is 23. The default.
    #[default]
    CalendarMonths,
    /// Days: 12 months are 365 days, 24 months 730 days.
    Days,
}

crate::codes::code_names! {
    CfsrMonthsInCare, "CFSR months in care": CalendarMonths = "calendar_months", Days = "days"
}

/// How the CFSR placement-stability (P5) and maltreatment-in-care indicators count the days a
/// child was in care in the period. The Children's Bureau's syntax may differ from the half-open
/// count by a day per stay. An open reading, see [the manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum CfsrDayCount {
    /// `[entry, min(exit, period end + 1 day, 18th birthday))`: the exit day is not a day in
    /// care. The default.
    #[default]
    HalfOpen,
    /// The same, and the exit day counts too when the stay ends in the period before the 18th
    /// birthday (one day more per stay that ends), unless the child re-entered care that same
    /// day: the day is then the new stay's first, and no day is counted twice.
    ExitDayIncluded,
}

crate::codes::code_names! {
    CfsrDayCount, "CFSR day count": HalfOpen = "half_open", ExitDayIncluded = "exit_day_included"
}

/// How the CFSR permanency-in-12-months indicator for entries (P1, and only P1) adjusts for a
/// reunification from a trial home visit. An open reading, see [the
/// manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum CfsrTrialHomeVisit {
    /// The days of the trial home visit beyond 30 are taken off the length of stay before it
    /// is tested against 12 months (the Capacity Building Center's statement). The default.
    #[default]
    DaysBeyond30,
    /// A reunification counts as within 12 months when the last placement was a trial home
    /// visit of at least 30 days that began within 11 months of the entry (UC Berkeley CCWIP's
    /// operational form).
    StartedWithin11Months,
}

crate::codes::code_names! {
    CfsrTrialHomeVisit, "CFSR trial home visit":
        DaysBeyond30 = "days_beyond_30",
        StartedWithin11Months = "started_within_11_months",
}

/// Whether a re-entry into care of fewer than 8 days counts as a re-entry for the CFSR re-entry
/// indicator (P4). The federal exclusion of stays under 8 days is stated for the entries the
/// indicator follows; whether it also drops a short re-entry is not confirmed. An open reading,
/// see [the manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum CfsrShortReentry {
    /// Any re-entry counts. The default.
    #[default]
    Counts,
    /// A re-entry that ended within 8 days does not count; a later one within the 12 months
    /// may.
    Excluded,
}

crate::codes::code_names! {
    CfsrShortReentry, "CFSR short re-entry": Counts = "counts", Excluded = "excluded"
}

/// Which entry the CFSR entry-cohort indicators (P1, P4) follow when a child entered care more
/// than once in the period and the first stay lasted fewer than 8 days (P5's row starts from
/// the same entry — its episode, start and age group — while its days count every stay). The federal definitions
/// evaluate "only the first entry" and exclude "stays of fewer than 8 days" without saying which
/// rule comes first. An open reading, see [the manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum CfsrFirstEntry {
    /// The first entry in the period, whatever its length: when it lasted fewer than 8 days the
    /// child is out of the denominator (`stay_under_8_days`), whatever came after. The default.
    #[default]
    AnyStay,
    /// Stays of fewer than 8 days are set aside first: the child's first entry in the period
    /// that lasted 8 days or more is followed, and only a child all of whose entries in the
    /// period were short is out (`stay_under_8_days`).
    EightDaysOrMore,
}

crate::codes::code_names! {
    CfsrFirstEntry, "CFSR first entry": AnyStay = "any_stay", EightDaysOrMore = "eight_days_or_more"
}

/// Whether the notice to a child's adult relatives (SSA §471(a)(29)) is still owed when the child
/// has left care before it was due. The statute asks it "within 30 days after the removal", with
/// no condition on the child's still being in care; many states stop the search once the child
/// is home. An open reading, see [the manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum RelativeNoticeAfterExit {
    /// Owed for every removal, due 30 days after it, whether or not the child is still in care
    /// (the text of §471(a)(29)). The default.
    #[default]
    Owed,
    /// Not owed once the child has left care before it was due.
    EndsAtExit,
}

crate::codes::code_names! {
    RelativeNoticeAfterExit, "relative notice after exit": Owed = "owed", EndsAtExit = "ends_at_exit"
}

// The switches serialize as their wire names (snake_case), like every other code list.
crate::codes::code_names! {
    @serde DefcRule, ReviewAnchor, EpisodeStart, MonthCounting, OverlongVisitExit, HearingRhythm,
    DetentionTime, KinshipClock, PreventionRenewal, RelativeCareException, TprRefiling,
    RelativeCareReview, TprAfterMajority, CfsrMonthsInCare, CfsrDayCount, CfsrTrialHomeVisit,
    CfsrShortReentry, CfsrFirstEntry, RelativeNoticeAfterExit,
}

/// The earliest date a state may give the congregate-care limit (the federal date), and the
/// latest (a delay of up to two years, P.L. 115-123 §50746).
const CONGREGATE_CARE_FROM: (NaiveDate, NaiveDate) = (
    match NaiveDate::from_ymd_opt(2019, 10, 1) {
        Some(d) => d,
        None => panic!("a valid date"),
    },
    match NaiveDate::from_ymd_opt(2021, 10, 1) {
        Some(d) => d,
        None => panic!("a valid date"),
    },
);

/// Every number federal law sets for a case, and every reading it leaves open.
///
/// [`Policy::federal`] holds the federal values with the common reading of each open point
/// (the open readings of [the manual](crate::manual#open-readings)). A state tightens or chooses through the `with_*` methods,
/// each of which refuses values the law or the arithmetic cannot accept.
///
/// Always true of a `Policy`: every count is at least 1, the 15-of-22 count fits in its window,
/// ages are ordered (transition 14 ≤ APPLA 16 ≤ majority 18 ≤ extended care ≤ 21).
///
/// A policy has a [`name`](Policy::name) (`federal`, or what a state calls its rules) and a
/// [`fingerprint`](Policy::fingerprint) that identifies it on every machine, to record which
/// rules a deadline was computed under.
///
/// # As configuration
///
/// With feature `serde` a policy is a flat object: its name and every number and switch, each
/// under its getter's name, the switches by their wire names (`"thirty_days"`), an absent
/// extended-care age as `null`. A field left out takes the federal value; an unknown field is
/// refused; every value goes through its `with_*` setter, with the setter's error, so a file
/// cannot hold a policy the setters would refuse.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use permanency::Policy;
/// use permanency::policy::MonthCounting;
///
/// let ohio: Policy = serde_json::from_str(
///     r#"{"name": "ohio", "tpr_months": 12, "tpr_month_counting": "thirty_days"}"#,
/// )?;
/// let expected = Policy::federal()
///     .with_name("ohio")?
///     .with_tpr_clock(12, 22)?
///     .with_tpr_month_counting(MonthCounting::ThirtyDays);
/// assert_eq!(ohio, expected);
///
/// let err = serde_json::from_str::<Policy>(r#"{"review_months": 7}"#).unwrap_err();
/// assert!(err.to_string().starts_with("invalid policy review_months: expected from 1 to 6, found 7"));
/// assert!(serde_json::from_str::<Policy>(r#"{"review_month": 6}"#).is_err());
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Examples
///
/// ```
/// use permanency::Policy;
///
/// // Ohio files at 12 of the most recent 22 months; Kentucky counts 15 of the last 48.
/// let ohio = Policy::federal().with_tpr_clock(12, 22)?;
/// let kentucky = Policy::federal().with_tpr_clock(15, 48)?;
/// assert_eq!((ohio.tpr_months(), kentucky.tpr_window_months()), (12, 48));
/// assert!(Policy::federal().with_tpr_clock(23, 22).is_err());
/// # Ok::<(), permanency::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "PolicyRecord", into = "PolicyRecord")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Policy {
    name: Cow<'static, str>,
    month_end: MonthEnd,
    leap_day_birthday: LeapDayBirthday,
    age_of_majority: u32,
    extended_care_age: Option<u32>,
    appla_min_age: u32,
    transition_services_age: u32,
    transition_plan_days: u32,
    defc_rule: DefcRule,
    defc_days_after_removal: u32,
    prevent_removal_efforts_days: u32,
    case_plan_days: u32,
    relative_notice_days: u32,
    review_months: u32,
    review_anchor: ReviewAnchor,
    permanency_hearing_months: u32,
    no_reunification_hearing_days: u32,
    tpr_months: u32,
    tpr_window_months: u32,
    tpr_episode_start: EpisodeStart,
    tpr_month_counting: MonthCounting,
    relative_care_exception: RelativeCareException,
    expedited_tpr_days: u32,
    voluntary_best_interest_days: u32,
    visit_limit_months: u32,
    overlong_visit_exit: OverlongVisitExit,
    hearing_rhythm: HearingRhythm,
    detention_time: DetentionTime,
    kinship_clock: KinshipClock,
    prevention_renewal: PreventionRenewal,
    qrtp_assessment_days: u32,
    qrtp_court_days: u32,
    qrtp_transition_days: u32,
    qrtp_consecutive_months: u32,
    qrtp_total_months: u32,
    qrtp_young_child_age: u32,
    qrtp_young_child_months: u32,
    congregate_care_days: u32,
    congregate_care_from: NaiveDate,
    independent_living_min_age: u32,
    prevention_months: u32,
    kinship_guardianship_months: u32,
    respite_max_days: u32,
    concrete_support_days: u32,
    tpr_refiling: TprRefiling,
    relative_care_review: RelativeCareReview,
    tpr_after_majority: TprAfterMajority,
    cfsr_months_in_care: CfsrMonthsInCare,
    cfsr_day_count: CfsrDayCount,
    cfsr_trial_home_visit: CfsrTrialHomeVisit,
    cfsr_short_reentry: CfsrShortReentry,
    cfsr_first_entry: CfsrFirstEntry,
    relative_notice_after_exit: RelativeNoticeAfterExit,
    cfsr_same_report_days: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy::federal()
    }
}

/// Getter and range-checked `with_` setter for each plain count.
macro_rules! counts {
    ($( $(#[$doc:meta])* $field:ident, $with:ident, $min:literal ..= $max:literal; )*) => {
        $(
            $(#[$doc])*
            pub fn $field(&self) -> u32 {
                self.$field
            }
        )*
        $(
            #[doc = concat!("Sets [`", stringify!($field), "`](Policy::", stringify!($field), ").")]
            ///
            /// # Errors
            ///
            #[doc = concat!("[`Error::Policy`] unless the value is from ", stringify!($min), " to ", stringify!($max), ".")]
            #[must_use = "a setter returns the changed policy and leaves the original unchanged"]
            pub fn $with(mut self, value: u32) -> Result<Self, Error> {
                if !($min..=$max).contains(&value) {
                    return Err(Error::Policy {
                        field: stringify!($field),
                        expected: concat!("from ", stringify!($min), " to ", stringify!($max)),
                        found: value,
                    });
                }
                self.$field = value;
                self.check_ages()
            }
        )*
    };
}

/// Getter and infallible `with_` setter for each switch.
macro_rules! switches {
    ($( $(#[$doc:meta])* $field:ident: $ty:ty, $with:ident; )*) => {
        $(
            $(#[$doc])*
            pub fn $field(&self) -> $ty {
                self.$field
            }

            #[doc = concat!("Sets [`", stringify!($field), "`](Policy::", stringify!($field), ").")]
            #[must_use = "a setter returns the changed policy and leaves the original unchanged"]
            pub fn $with(mut self, value: $ty) -> Self {
                self.$field = value;
                self
            }
        )*
    };
}

impl Policy {
    /// The federal rules with the common reading of every open point.
    pub const fn federal() -> Policy {
        Policy {
            name: Cow::Borrowed(FEDERAL_NAME),
            month_end: MonthEnd::Clamp,
            leap_day_birthday: LeapDayBirthday::February28,
            age_of_majority: 18,
            extended_care_age: None,
            appla_min_age: 16,
            transition_services_age: 14,
            transition_plan_days: 90,
            defc_rule: DefcRule::EarlierOfFindingOrRemovalPlusDays,
            defc_days_after_removal: 60,
            prevent_removal_efforts_days: 60,
            case_plan_days: 60,
            relative_notice_days: 30,
            review_months: 6,
            review_anchor: ReviewAnchor::Removal,
            permanency_hearing_months: 12,
            no_reunification_hearing_days: 30,
            tpr_months: 15,
            tpr_window_months: 22,
            tpr_episode_start: EpisodeStart::Defc,
            tpr_month_counting: MonthCounting::CalendarMonths,
            relative_care_exception: RelativeCareException::Used,
            expedited_tpr_days: 60,
            voluntary_best_interest_days: 180,
            visit_limit_months: 6,
            overlong_visit_exit: OverlongVisitExit::FirstDayBeyondLimit,
            hearing_rhythm: HearingRhythm::FromLastHeld,
            detention_time: DetentionTime::Counted,
            kinship_clock: KinshipClock::LicensedMonths,
            prevention_renewal: PreventionRenewal::EachCandidacy,
            qrtp_assessment_days: 30,
            qrtp_court_days: 60,
            qrtp_transition_days: 30,
            qrtp_consecutive_months: 12,
            qrtp_total_months: 18,
            qrtp_young_child_age: 13,
            qrtp_young_child_months: 6,
            congregate_care_days: 14,
            congregate_care_from: CONGREGATE_CARE_FROM.0,
            independent_living_min_age: 18,
            prevention_months: 12,
            kinship_guardianship_months: 6,
            respite_max_days: 14,
            concrete_support_days: 90,
            tpr_refiling: TprRefiling::EachReentry,
            relative_care_review: RelativeCareReview::AtDueDate,
            tpr_after_majority: TprAfterMajority::Runs,
            cfsr_months_in_care: CfsrMonthsInCare::CalendarMonths,
            cfsr_day_count: CfsrDayCount::HalfOpen,
            cfsr_trial_home_visit: CfsrTrialHomeVisit::DaysBeyond30,
            cfsr_short_reentry: CfsrShortReentry::Counts,
            cfsr_first_entry: CfsrFirstEntry::AnyStay,
            relative_notice_after_exit: RelativeNoticeAfterExit::Owed,
            cfsr_same_report_days: 0,
        }
    }

    counts! {
        /// Age of majority: a youth may be emancipated from this age (SSA §475(8)(A): 18; a state
        /// may only raise it).
        age_of_majority, with_age_of_majority, 18..=21;
        /// APPLA may be the plan only for a child who has attained this age (SSA §475(5)(C)(i),
        /// §475A(a): 16).
        appla_min_age, with_appla_min_age, 16..=21;
        /// Transition services enter the case plan at this age (SSA §475(1)(D), §475(5)(C)(iv): 14).
        transition_services_age, with_transition_services_age, 14..=21;
        /// The transition plan is made in this many days before leaving care at majority
        /// (SSA §475(5)(H): 90).
        transition_plan_days, with_transition_plan_days, 1..=365;
        /// DEFC is at the latest this many days after removal (SSA §475(5)(F)(ii): 60).
        defc_days_after_removal, with_defc_days_after_removal, 1..=60;
        /// Reasonable efforts to prevent removal are found within this many days of removal
        /// (SSA §471(a)(15)(B)(i), 45 CFR 1356.21(b)(1): 60).
        prevent_removal_efforts_days, with_prevent_removal_efforts_days, 1..=60;
        /// The case plan is made within this many days of removal (45 CFR 1356.21(g)(2): 60).
        case_plan_days, with_case_plan_days, 1..=60;
        /// Adult relatives are notified within this many days of removal (SSA §471(a)(29): 30).
        relative_notice_days, with_relative_notice_days, 1..=30;
        /// A periodic review is held at least every this many months (SSA §475(5)(B): 6).
        review_months, with_review_months, 1..=6;
        /// A permanency hearing is held within this many months of DEFC and of the last one
        /// (SSA §475(5)(C)(i): 12). The same rhythm governs reasonable efforts to finalize
        /// (45 CFR 1356.21(b)(2)).
        permanency_hearing_months, with_permanency_hearing_months, 1..=12;
        /// A permanency hearing is held within this many days of a finding that reasonable
        /// efforts to reunify are not required (SSA §471(a)(15)(E)(i): 30).
        no_reunification_hearing_days, with_no_reunification_hearing_days, 1..=30;
        /// The TPR petition for an abandoned infant or after a felony finding is filed within this
        /// many days of the determination (SSA §475(5)(E): 60).
        expedited_tpr_days, with_expedited_tpr_days, 1..=60;
        /// A voluntary placement needs a judicial best-interest determination within its first this
        /// many days (SSA §472(e): 180).
        voluntary_best_interest_days, with_voluntary_best_interest_days, 1..=180;
        /// A trial home visit may last this many months unless a court extends it
        /// (45 CFR 1356.21(e): 6).
        visit_limit_months, with_visit_limit_months, 1..=6;
        /// The QRTP assessment is due within this many days of the placement's start
        /// (SSA §475A(c)(1): 30).
        qrtp_assessment_days, with_qrtp_assessment_days, 1..=30;
        /// The court approves or disapproves a QRTP placement within this many days of its start
        /// (SSA §475A(c)(2): 60).
        qrtp_court_days, with_qrtp_court_days, 1..=60;
        /// Payment continues at most this many days after a QRTP is found inappropriate
        /// (SSA §472(k)(3)(B): 30).
        qrtp_transition_days, with_qrtp_transition_days, 1..=30;
        /// A QRTP stay longer than this many consecutive months needs the agency head's approval
        /// (SSA §475A(c)(5): 12).
        qrtp_consecutive_months, with_qrtp_consecutive_months, 1..=12;
        /// A QRTP stay longer than this many months in total needs the agency head's approval
        /// (SSA §475A(c)(5): 18).
        qrtp_total_months, with_qrtp_total_months, 1..=18;
        /// Below this age the shorter QRTP long-stay limit applies (SSA §475A(c)(5): 13).
        qrtp_young_child_age, with_qrtp_young_child_age, 1..=13;
        /// The QRTP long-stay limit, consecutive or not, for a child under the age above
        /// (SSA §475A(c)(5): 6).
        qrtp_young_child_months, with_qrtp_young_child_months, 1..=6;
        /// Days of payment for a child-care institution that is not a specified setting: "two
        /// weeks", lost from the third week (SSA §472(k)(1): 14).
        congregate_care_days, with_congregate_care_days, 1..=14;
        /// Supervised independent living is a specified setting only from this age
        /// (SSA §472(k)(2)(C), §472(c)(2): 18).
        independent_living_min_age, with_independent_living_min_age, 18..=21;
        /// A prevention period lasts this many months from candidacy (SSA §471(e)(1): 12).
        prevention_months, with_prevention_months, 1..=12;
        /// Kinship guardianship assistance needs this many consecutive months in the relative's
        /// licensed home (SSA §473(d)(3)(A)(i)(II): 6).
        kinship_guardianship_months, with_kinship_guardianship_months, 6..=24;
        /// The longest respite stay, in nights away from the placement: a longer stay is a
        /// placement change, not respite. A state choice (no federal number; CWPM 1.2B.7 only
        /// excludes respite from placement settings): 14, as Washington DCYF ("respite over 14
        /// days is considered a placement change"), Tennessee DCS (approval beyond 14 days) and
        /// Kentucky (extended respite up to 14 days) set it.
        respite_max_days, with_respite_max_days, 1..=30;
        /// The days before a removal in which a concrete or economic support (housing help, cash,
        /// child care, transportation, utilities) counts as received, for the measure of
        /// poverty-related removals without one ([`Case::removal_supports`](crate::Case::removal_supports)).
        /// An analyst's choice, not a federal number: 90.
        concrete_support_days, with_concrete_support_days, 1..=730;
        /// Reports of maltreatment of a child within this many days after the report a CFSR
        /// recurrence is counted from are read as the same incident, not a recurrence (0, the
        /// default, counts any later report date; some state and federal syntax uses 14; an open
        /// reading, see [the manual](crate::manual#open-readings)).
        cfsr_same_report_days, with_cfsr_same_report_days, 0..=30;
    }

    switches! {
        /// What "N months after" gives in a shorter month (an open reading, see [the manual](crate::manual#open-readings)).
        month_end: MonthEnd, with_month_end;
        /// When a 29 February birthday falls in a common year (an open reading, see [the manual](crate::manual#open-readings)).
        leap_day_birthday: LeapDayBirthday, with_leap_day_birthday;
        /// How DEFC is chosen (SSA §475(5)(F); 45 CFR 1355.20).
        defc_rule: DefcRule, with_defc_rule;
        /// What the first periodic review counts from (an open reading, see [the manual](crate::manual#open-readings)).
        review_anchor: ReviewAnchor, with_review_anchor;
        /// Start of later episodes in the 15-of-22 count (an open reading, see [the manual](crate::manual#open-readings)).
        tpr_episode_start: EpisodeStart, with_tpr_episode_start;
        /// How partial months add up in the 15-of-22 count (an open reading, see [the manual](crate::manual#open-readings)).
        tpr_month_counting: MonthCounting, with_tpr_month_counting;
        /// Whether relative care excuses the 15-of-22 filing (SSA §475(5)(E)(i)).
        relative_care_exception: RelativeCareException, with_relative_care_exception;
        /// When an over-long trial home visit ends the episode (an open reading, see [the manual](crate::manual#open-readings)).
        overlong_visit_exit: OverlongVisitExit, with_overlong_visit_exit;
        /// What the next permanency hearing counts from (an open reading, see [the manual](crate::manual#open-readings)).
        hearing_rhythm: HearingRhythm, with_hearing_rhythm;
        /// Whether juvenile-justice days count toward 15 of 22 (an open reading, see [the manual](crate::manual#open-readings)).
        detention_time: DetentionTime, with_detention_time;
        /// Which months count toward kinship guardianship assistance (an open reading, see [the manual](crate::manual#open-readings)).
        kinship_clock: KinshipClock, with_kinship_clock;
        /// Whether a new candidacy opens a new prevention period (an open reading, see [the manual](crate::manual#open-readings)).
        prevention_renewal: PreventionRenewal, with_prevention_renewal;
        /// Whether a petition filed in an earlier episode relieves a re-entry of its own 15-of-22
        /// filing (an open reading, see [the manual](crate::manual#open-readings)).
        tpr_refiling: TprRefiling, with_tpr_refiling;
        /// When the relative-care exception to 15 of 22 is judged (an open reading, see [the manual](crate::manual#open-readings)).
        relative_care_review: RelativeCareReview, with_relative_care_review;
        /// Whether the 15-of-22 clock runs in extended care (an open reading, see [the manual](crate::manual#open-readings)).
        tpr_after_majority: TprAfterMajority, with_tpr_after_majority;
        /// How the CFSR permanency indicators for children already in care (P2, P3) count the months in care on the period's first day (an open reading, see [the manual](crate::manual#open-readings)).
        cfsr_months_in_care: CfsrMonthsInCare, with_cfsr_months_in_care;
        /// How the CFSR placement-stability and maltreatment-in-care indicators count days in care (an open reading, see [the manual](crate::manual#open-readings)).
        cfsr_day_count: CfsrDayCount, with_cfsr_day_count;
        /// How the CFSR permanency-in-12-months indicator for entries (P1) adjusts for a trial home visit (an open reading, see [the manual](crate::manual#open-readings)).
        cfsr_trial_home_visit: CfsrTrialHomeVisit, with_cfsr_trial_home_visit;
        /// Whether a re-entry of fewer than 8 days counts for the CFSR re-entry indicator (P4) (an open reading, see [the manual](crate::manual#open-readings)).
        cfsr_short_reentry: CfsrShortReentry, with_cfsr_short_reentry;
        /// Whether a stay of fewer than 8 days can be the first entry in the period the CFSR entry indicators (P1, P4) read (an open reading, see [the manual](crate::manual#open-readings)).
        cfsr_first_entry: CfsrFirstEntry, with_cfsr_first_entry;
        /// Whether the relative notice is still owed after the child leaves care before it is due.
        relative_notice_after_exit: RelativeNoticeAfterExit, with_relative_notice_after_exit;
    }

    /// The age up to which the state extends foster care (SSA §475(8)(B): 19, 20 or 21), or
    /// `None` when care ends at the age of majority (the federal default).
    pub fn extended_care_age(&self) -> Option<u32> {
        self.extended_care_age
    }

    /// Sets [`extended_care_age`](Policy::extended_care_age).
    ///
    /// # Errors
    ///
    /// [`Error::Policy`] unless the age is from 19 to 21 and above the age of majority.
    #[must_use = "a setter returns the changed policy and leaves the original unchanged"]
    pub fn with_extended_care_age(mut self, age: Option<u32>) -> Result<Self, Error> {
        if let Some(a) = age
            && !(19..=21).contains(&a)
        {
            return Err(Error::Policy {
                field: "extended_care_age",
                expected: "from 19 to 21",
                found: a,
            });
        }
        self.extended_care_age = age;
        self.check_ages()
    }

    /// The 15-of-22 rule: file for TPR when the child has been in care `tpr_months` of the most
    /// recent `tpr_window_months` (SSA §475(5)(E): 15 of 22).
    pub fn tpr_months(&self) -> u32 {
        self.tpr_months
    }

    /// The look-back window of the 15-of-22 rule, in months.
    pub fn tpr_window_months(&self) -> u32 {
        self.tpr_window_months
    }

    /// The date the congregate-care payment limit and the QRTP requirements took effect in the
    /// state (SSA §472(k), §475A(c)): 2019-10-01, or the state's delayed date, up to
    /// 2021-10-01 (P.L. 115-123 §50746). A placement before it is not held to them (see
    /// [`law`](crate::law)).
    pub fn congregate_care_from(&self) -> NaiveDate {
        self.congregate_care_from
    }

    /// Sets [`congregate_care_from`](Policy::congregate_care_from).
    ///
    /// # Errors
    ///
    /// [`Error::PolicyDate`] unless the date is from 2019-10-01 to 2021-10-01.
    #[must_use = "a setter returns the changed policy and leaves the original unchanged"]
    pub fn with_congregate_care_from(mut self, from: NaiveDate) -> Result<Self, Error> {
        let (earliest, latest) = CONGREGATE_CARE_FROM;
        if !(earliest..=latest).contains(&from) {
            return Err(Error::PolicyDate {
                field: "congregate_care_from",
                expected: "from 2019-10-01 to 2021-10-01",
                found: from,
            });
        }
        self.congregate_care_from = from;
        Ok(self)
    }

    /// Sets both numbers of the 15-of-22 rule (Ohio: 12 of 22; Kentucky: 15 of 48).
    ///
    /// # Errors
    ///
    /// [`Error::Policy`] unless `1 <= months <= 15` and `months <= window <= 120`.
    #[must_use = "a setter returns the changed policy and leaves the original unchanged"]
    pub fn with_tpr_clock(mut self, months: u32, window: u32) -> Result<Self, Error> {
        if !(1..=15).contains(&months) {
            return Err(Error::Policy {
                field: "tpr_months",
                expected: "from 1 to 15",
                found: months,
            });
        }
        if !(months..=120).contains(&window) {
            return Err(Error::Policy {
                field: "tpr_window_months",
                expected: "from tpr_months to 120",
                found: window,
            });
        }
        self.tpr_months = months;
        self.tpr_window_months = window;
        Ok(self)
    }

    /// The age at which foster care ends: the extended-care age when the state has one, else the
    /// age of majority.
    pub fn care_end_age(&self) -> u32 {
        self.extended_care_age.unwrap_or(self.age_of_majority)
    }

    fn check_ages(self) -> Result<Self, Error> {
        let order = [
            (
                "transition_services_age",
                self.transition_services_age,
                self.appla_min_age,
            ),
            ("appla_min_age", self.appla_min_age, self.age_of_majority),
        ];
        for (field, lower, upper) in order {
            if lower > upper {
                return Err(Error::Policy {
                    field,
                    expected: "no more than the next age in transition 14 <= APPLA 16 <= majority 18",
                    found: lower,
                });
            }
        }
        if let Some(ext) = self.extended_care_age
            && ext <= self.age_of_majority
        {
            return Err(Error::Policy {
                field: "extended_care_age",
                expected: "above the age of majority",
                found: ext,
            });
        }
        Ok(self)
    }
}

/// The name of [`Policy::federal`].
const FEDERAL_NAME: &str = "federal";

impl Policy {
    /// The policy's name: `federal` for [`Policy::federal`], or the name a state gave it with
    /// [`with_name`](Policy::with_name).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Names the policy (a state, a version of its rules): 1 to 64 characters, no control
    /// characters, no surrounding white space, like an id.
    ///
    /// # Errors
    ///
    /// [`Error::Text`] for any other name. The message does not repeat it.
    #[must_use = "a setter returns the changed policy and leaves the original unchanged"]
    pub fn with_name(mut self, name: &str) -> Result<Self, Error> {
        crate::text::check(
            name,
            "policy name",
            "1 to 64 characters without control characters or surrounding white space",
            64,
            crate::text::Rules::Line,
        )?;
        self.name = if name == FEDERAL_NAME {
            Cow::Borrowed(FEDERAL_NAME)
        } else {
            Cow::Owned(name.to_owned())
        };
        Ok(self)
    }

    /// A stable 64-bit fingerprint of every field of the policy, its name included: equal
    /// policies have equal fingerprints, on every machine, run and Rust version. Print it as
    /// `format!("{:016x}", p.fingerprint())` to record which policy a result was computed under.
    ///
    /// It is the 64-bit FNV-1a hash (offset basis `0xcbf29ce484222325`, prime
    /// `0x100000001b3`) of the policy's canonical text in UTF-8: the line
    /// `permanency-policy-v1`, then one line `field=value` per field, in the order below, each
    /// line ending in `\n` (the last one too). Numbers are in decimal, an absent extended-care
    /// age is `none`, switches are their wire names. The canonical text of
    /// [`Policy::federal`], whose fingerprint is `7deb2b2abe358c92`:
    ///
    /// ```text
    /// permanency-policy-v1
    /// name=federal
    /// month_end=clamp
    /// leap_day_birthday=february28
    /// age_of_majority=18
    /// extended_care_age=none
    /// appla_min_age=16
    /// transition_services_age=14
    /// transition_plan_days=90
    /// defc_rule=earlier_of_finding_or_removal_plus_days
    /// defc_days_after_removal=60
    /// prevent_removal_efforts_days=60
    /// case_plan_days=60
    /// relative_notice_days=30
    /// review_months=6
    /// review_anchor=removal
    /// permanency_hearing_months=12
    /// no_reunification_hearing_days=30
    /// tpr_months=15
    /// tpr_window_months=22
    /// tpr_episode_start=defc
    /// tpr_month_counting=calendar_months
    /// relative_care_exception=used
    /// expedited_tpr_days=60
    /// voluntary_best_interest_days=180
    /// visit_limit_months=6
    /// overlong_visit_exit=first_day_beyond_limit
    /// hearing_rhythm=from_last_held
    /// detention_time=counted
    /// kinship_clock=licensed_months
    /// prevention_renewal=each_candidacy
    /// qrtp_assessment_days=30
    /// qrtp_court_days=60
    /// qrtp_transition_days=30
    /// qrtp_consecutive_months=12
    /// qrtp_total_months=18
    /// qrtp_young_child_age=13
    /// qrtp_young_child_months=6
    /// congregate_care_days=14
    /// congregate_care_from=2019-10-01
    /// independent_living_min_age=18
    /// prevention_months=12
    /// kinship_guardianship_months=6
    /// respite_max_days=14
    /// concrete_support_days=90
    /// tpr_refiling=each_reentry
    /// relative_care_review=at_due_date
    /// tpr_after_majority=runs
    /// cfsr_months_in_care=calendar_months
    /// cfsr_day_count=half_open
    /// cfsr_trial_home_visit=days_beyond_30
    /// cfsr_short_reentry=counts
    /// cfsr_first_entry=any_stay
    /// relative_notice_after_exit=owed
    /// cfsr_same_report_days=0
    /// ```
    ///
    /// A field added to `Policy` adds a line, and so changes every fingerprint; the changelog
    /// will say when.
    ///
    /// It does not go through `std::hash`: `Policy`'s `Hash` is for hash maps, whose hashers
    /// are seeded at random, and `DefaultHasher`'s output may change between Rust versions.
    ///
    /// ```
    /// use permanency::Policy;
    ///
    /// let ohio = Policy::federal().with_name("ohio")?.with_tpr_clock(12, 22)?;
    /// assert_eq!(ohio.fingerprint(), ohio.clone().fingerprint());
    /// assert_ne!(ohio.fingerprint(), Policy::federal().fingerprint());
    /// # Ok::<(), permanency::Error>(())
    /// ```
    pub fn fingerprint(&self) -> u64 {
        let mut hash = Fnv1a(FNV_OFFSET_BASIS);
        let written = self.write_canonical(&mut hash);
        debug_assert!(written.is_ok(), "hashing never fails");
        hash.0
    }

    /// Writes the canonical text [`fingerprint`](Policy::fingerprint) hashes.
    fn write_canonical(&self, out: &mut impl fmt::Write) -> fmt::Result {
        // Every field, by a pattern the compiler checks is complete.
        let Policy {
            name,
            month_end,
            leap_day_birthday,
            age_of_majority,
            extended_care_age,
            appla_min_age,
            transition_services_age,
            transition_plan_days,
            defc_rule,
            defc_days_after_removal,
            prevent_removal_efforts_days,
            case_plan_days,
            relative_notice_days,
            review_months,
            review_anchor,
            permanency_hearing_months,
            no_reunification_hearing_days,
            tpr_months,
            tpr_window_months,
            tpr_episode_start,
            tpr_month_counting,
            relative_care_exception,
            expedited_tpr_days,
            voluntary_best_interest_days,
            visit_limit_months,
            overlong_visit_exit,
            hearing_rhythm,
            detention_time,
            kinship_clock,
            prevention_renewal,
            qrtp_assessment_days,
            qrtp_court_days,
            qrtp_transition_days,
            qrtp_consecutive_months,
            qrtp_total_months,
            qrtp_young_child_age,
            qrtp_young_child_months,
            congregate_care_days,
            congregate_care_from,
            independent_living_min_age,
            prevention_months,
            kinship_guardianship_months,
            respite_max_days,
            concrete_support_days,
            tpr_refiling,
            relative_care_review,
            tpr_after_majority,
            cfsr_months_in_care,
            cfsr_day_count,
            cfsr_trial_home_visit,
            cfsr_short_reentry,
            cfsr_first_entry,
            relative_notice_after_exit,
            cfsr_same_report_days,
        } = self;
        out.write_str("permanency-policy-v1\n")?;
        writeln!(out, "name={name}")?;
        writeln!(out, "month_end={month_end}")?;
        writeln!(out, "leap_day_birthday={leap_day_birthday}")?;
        writeln!(out, "age_of_majority={age_of_majority}")?;
        writeln!(out, "extended_care_age={}", OrNone(*extended_care_age))?;
        writeln!(out, "appla_min_age={appla_min_age}")?;
        writeln!(out, "transition_services_age={transition_services_age}")?;
        writeln!(out, "transition_plan_days={transition_plan_days}")?;
        writeln!(out, "defc_rule={defc_rule}")?;
        writeln!(out, "defc_days_after_removal={defc_days_after_removal}")?;
        writeln!(
            out,
            "prevent_removal_efforts_days={prevent_removal_efforts_days}"
        )?;
        writeln!(out, "case_plan_days={case_plan_days}")?;
        writeln!(out, "relative_notice_days={relative_notice_days}")?;
        writeln!(out, "review_months={review_months}")?;
        writeln!(out, "review_anchor={review_anchor}")?;
        writeln!(out, "permanency_hearing_months={permanency_hearing_months}")?;
        writeln!(
            out,
            "no_reunification_hearing_days={no_reunification_hearing_days}"
        )?;
        writeln!(out, "tpr_months={tpr_months}")?;
        writeln!(out, "tpr_window_months={tpr_window_months}")?;
        writeln!(out, "tpr_episode_start={tpr_episode_start}")?;
        writeln!(out, "tpr_month_counting={tpr_month_counting}")?;
        writeln!(out, "relative_care_exception={relative_care_exception}")?;
        writeln!(out, "expedited_tpr_days={expedited_tpr_days}")?;
        writeln!(
            out,
            "voluntary_best_interest_days={voluntary_best_interest_days}"
        )?;
        writeln!(out, "visit_limit_months={visit_limit_months}")?;
        writeln!(out, "overlong_visit_exit={overlong_visit_exit}")?;
        writeln!(out, "hearing_rhythm={hearing_rhythm}")?;
        writeln!(out, "detention_time={detention_time}")?;
        writeln!(out, "kinship_clock={kinship_clock}")?;
        writeln!(out, "prevention_renewal={prevention_renewal}")?;
        writeln!(out, "qrtp_assessment_days={qrtp_assessment_days}")?;
        writeln!(out, "qrtp_court_days={qrtp_court_days}")?;
        writeln!(out, "qrtp_transition_days={qrtp_transition_days}")?;
        writeln!(out, "qrtp_consecutive_months={qrtp_consecutive_months}")?;
        writeln!(out, "qrtp_total_months={qrtp_total_months}")?;
        writeln!(out, "qrtp_young_child_age={qrtp_young_child_age}")?;
        writeln!(out, "qrtp_young_child_months={qrtp_young_child_months}")?;
        writeln!(out, "congregate_care_days={congregate_care_days}")?;
        writeln!(out, "congregate_care_from={congregate_care_from}")?;
        writeln!(
            out,
            "independent_living_min_age={independent_living_min_age}"
        )?;
        writeln!(out, "prevention_months={prevention_months}")?;
        writeln!(
            out,
            "kinship_guardianship_months={kinship_guardianship_months}"
        )?;
        writeln!(out, "respite_max_days={respite_max_days}")?;
        writeln!(out, "concrete_support_days={concrete_support_days}")?;
        writeln!(out, "tpr_refiling={tpr_refiling}")?;
        writeln!(out, "relative_care_review={relative_care_review}")?;
        writeln!(out, "tpr_after_majority={tpr_after_majority}")?;
        writeln!(out, "cfsr_months_in_care={cfsr_months_in_care}")?;
        writeln!(out, "cfsr_day_count={cfsr_day_count}")?;
        writeln!(out, "cfsr_trial_home_visit={cfsr_trial_home_visit}")?;
        writeln!(out, "cfsr_short_reentry={cfsr_short_reentry}")?;
        writeln!(out, "cfsr_first_entry={cfsr_first_entry}")?;
        writeln!(
            out,
            "relative_notice_after_exit={relative_notice_after_exit}"
        )?;
        writeln!(out, "cfsr_same_report_days={cfsr_same_report_days}")?;
        Ok(())
    }
}

/// An extended-care age, or `none`.
struct OrNone(Option<u32>);

impl fmt::Display for OrNone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(n) => write!(f, "{n}"),
            None => f.write_str("none"),
        }
    }
}

const FNV_OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The 64-bit FNV-1a hash of the text written to it.
struct Fnv1a(u64);

impl fmt::Write for Fnv1a {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for &byte in s.as_bytes() {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
        }
        Ok(())
    }
}

/// The wire form of [`Policy`]: every field, flat, each defaulting to the federal value, read
/// back through the same `with_*` setters.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
struct PolicyRecord {
    name: String,
    month_end: MonthEnd,
    leap_day_birthday: LeapDayBirthday,
    age_of_majority: u32,
    extended_care_age: Option<u32>,
    appla_min_age: u32,
    transition_services_age: u32,
    transition_plan_days: u32,
    defc_rule: DefcRule,
    defc_days_after_removal: u32,
    prevent_removal_efforts_days: u32,
    case_plan_days: u32,
    relative_notice_days: u32,
    review_months: u32,
    review_anchor: ReviewAnchor,
    permanency_hearing_months: u32,
    no_reunification_hearing_days: u32,
    tpr_months: u32,
    tpr_window_months: u32,
    tpr_episode_start: EpisodeStart,
    tpr_month_counting: MonthCounting,
    relative_care_exception: RelativeCareException,
    expedited_tpr_days: u32,
    voluntary_best_interest_days: u32,
    visit_limit_months: u32,
    overlong_visit_exit: OverlongVisitExit,
    hearing_rhythm: HearingRhythm,
    detention_time: DetentionTime,
    kinship_clock: KinshipClock,
    prevention_renewal: PreventionRenewal,
    qrtp_assessment_days: u32,
    qrtp_court_days: u32,
    qrtp_transition_days: u32,
    qrtp_consecutive_months: u32,
    qrtp_total_months: u32,
    qrtp_young_child_age: u32,
    qrtp_young_child_months: u32,
    congregate_care_days: u32,
    congregate_care_from: NaiveDate,
    independent_living_min_age: u32,
    prevention_months: u32,
    kinship_guardianship_months: u32,
    respite_max_days: u32,
    concrete_support_days: u32,
    tpr_refiling: TprRefiling,
    relative_care_review: RelativeCareReview,
    tpr_after_majority: TprAfterMajority,
    cfsr_months_in_care: CfsrMonthsInCare,
    cfsr_day_count: CfsrDayCount,
    cfsr_trial_home_visit: CfsrTrialHomeVisit,
    cfsr_short_reentry: CfsrShortReentry,
    cfsr_first_entry: CfsrFirstEntry,
    relative_notice_after_exit: RelativeNoticeAfterExit,
    cfsr_same_report_days: u32,
}

#[cfg(feature = "serde")]
impl Default for PolicyRecord {
    fn default() -> Self {
        PolicyRecord::from(Policy::federal())
    }
}

#[cfg(feature = "serde")]
impl From<Policy> for PolicyRecord {
    fn from(p: Policy) -> Self {
        let Policy {
            name,
            month_end,
            leap_day_birthday,
            age_of_majority,
            extended_care_age,
            appla_min_age,
            transition_services_age,
            transition_plan_days,
            defc_rule,
            defc_days_after_removal,
            prevent_removal_efforts_days,
            case_plan_days,
            relative_notice_days,
            review_months,
            review_anchor,
            permanency_hearing_months,
            no_reunification_hearing_days,
            tpr_months,
            tpr_window_months,
            tpr_episode_start,
            tpr_month_counting,
            relative_care_exception,
            expedited_tpr_days,
            voluntary_best_interest_days,
            visit_limit_months,
            overlong_visit_exit,
            hearing_rhythm,
            detention_time,
            kinship_clock,
            prevention_renewal,
            qrtp_assessment_days,
            qrtp_court_days,
            qrtp_transition_days,
            qrtp_consecutive_months,
            qrtp_total_months,
            qrtp_young_child_age,
            qrtp_young_child_months,
            congregate_care_days,
            congregate_care_from,
            independent_living_min_age,
            prevention_months,
            kinship_guardianship_months,
            respite_max_days,
            concrete_support_days,
            tpr_refiling,
            relative_care_review,
            tpr_after_majority,
            cfsr_months_in_care,
            cfsr_day_count,
            cfsr_trial_home_visit,
            cfsr_short_reentry,
            cfsr_first_entry,
            relative_notice_after_exit,
            cfsr_same_report_days,
        } = p;
        PolicyRecord {
            name: name.into_owned(),
            month_end,
            leap_day_birthday,
            age_of_majority,
            extended_care_age,
            appla_min_age,
            transition_services_age,
            transition_plan_days,
            defc_rule,
            defc_days_after_removal,
            prevent_removal_efforts_days,
            case_plan_days,
            relative_notice_days,
            review_months,
            review_anchor,
            permanency_hearing_months,
            no_reunification_hearing_days,
            tpr_months,
            tpr_window_months,
            tpr_episode_start,
            tpr_month_counting,
            relative_care_exception,
            expedited_tpr_days,
            voluntary_best_interest_days,
            visit_limit_months,
            overlong_visit_exit,
            hearing_rhythm,
            detention_time,
            kinship_clock,
            prevention_renewal,
            qrtp_assessment_days,
            qrtp_court_days,
            qrtp_transition_days,
            qrtp_consecutive_months,
            qrtp_total_months,
            qrtp_young_child_age,
            qrtp_young_child_months,
            congregate_care_days,
            congregate_care_from,
            independent_living_min_age,
            prevention_months,
            kinship_guardianship_months,
            respite_max_days,
            concrete_support_days,
            tpr_refiling,
            relative_care_review,
            tpr_after_majority,
            cfsr_months_in_care,
            cfsr_day_count,
            cfsr_trial_home_visit,
            cfsr_short_reentry,
            cfsr_first_entry,
            relative_notice_after_exit,
            cfsr_same_report_days,
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<PolicyRecord> for Policy {
    type Error = Error;

    /// Starts from [`Policy::federal`] and applies every field through its setter: the ages from
    /// the top (majority, extended care, APPLA, transition services), so that any set of ages
    /// the setters accept together is accepted here in one piece.
    fn try_from(r: PolicyRecord) -> Result<Self, Error> {
        let PolicyRecord {
            name,
            month_end,
            leap_day_birthday,
            age_of_majority,
            extended_care_age,
            appla_min_age,
            transition_services_age,
            transition_plan_days,
            defc_rule,
            defc_days_after_removal,
            prevent_removal_efforts_days,
            case_plan_days,
            relative_notice_days,
            review_months,
            review_anchor,
            permanency_hearing_months,
            no_reunification_hearing_days,
            tpr_months,
            tpr_window_months,
            tpr_episode_start,
            tpr_month_counting,
            relative_care_exception,
            expedited_tpr_days,
            voluntary_best_interest_days,
            visit_limit_months,
            overlong_visit_exit,
            hearing_rhythm,
            detention_time,
            kinship_clock,
            prevention_renewal,
            qrtp_assessment_days,
            qrtp_court_days,
            qrtp_transition_days,
            qrtp_consecutive_months,
            qrtp_total_months,
            qrtp_young_child_age,
            qrtp_young_child_months,
            congregate_care_days,
            congregate_care_from,
            independent_living_min_age,
            prevention_months,
            kinship_guardianship_months,
            respite_max_days,
            concrete_support_days,
            tpr_refiling,
            relative_care_review,
            tpr_after_majority,
            cfsr_months_in_care,
            cfsr_day_count,
            cfsr_trial_home_visit,
            cfsr_short_reentry,
            cfsr_first_entry,
            relative_notice_after_exit,
            cfsr_same_report_days,
        } = r;
        Ok(Policy::federal()
            .with_name(&name)?
            .with_age_of_majority(age_of_majority)?
            .with_extended_care_age(extended_care_age)?
            .with_appla_min_age(appla_min_age)?
            .with_transition_services_age(transition_services_age)?
            .with_transition_plan_days(transition_plan_days)?
            .with_defc_days_after_removal(defc_days_after_removal)?
            .with_prevent_removal_efforts_days(prevent_removal_efforts_days)?
            .with_case_plan_days(case_plan_days)?
            .with_relative_notice_days(relative_notice_days)?
            .with_review_months(review_months)?
            .with_permanency_hearing_months(permanency_hearing_months)?
            .with_no_reunification_hearing_days(no_reunification_hearing_days)?
            .with_expedited_tpr_days(expedited_tpr_days)?
            .with_voluntary_best_interest_days(voluntary_best_interest_days)?
            .with_visit_limit_months(visit_limit_months)?
            .with_qrtp_assessment_days(qrtp_assessment_days)?
            .with_qrtp_court_days(qrtp_court_days)?
            .with_qrtp_transition_days(qrtp_transition_days)?
            .with_qrtp_consecutive_months(qrtp_consecutive_months)?
            .with_qrtp_total_months(qrtp_total_months)?
            .with_qrtp_young_child_age(qrtp_young_child_age)?
            .with_qrtp_young_child_months(qrtp_young_child_months)?
            .with_congregate_care_days(congregate_care_days)?
            .with_congregate_care_from(congregate_care_from)?
            .with_independent_living_min_age(independent_living_min_age)?
            .with_prevention_months(prevention_months)?
            .with_kinship_guardianship_months(kinship_guardianship_months)?
            .with_respite_max_days(respite_max_days)?
            .with_concrete_support_days(concrete_support_days)?
            .with_cfsr_same_report_days(cfsr_same_report_days)?
            .with_tpr_clock(tpr_months, tpr_window_months)?
            .with_month_end(month_end)
            .with_leap_day_birthday(leap_day_birthday)
            .with_defc_rule(defc_rule)
            .with_review_anchor(review_anchor)
            .with_tpr_episode_start(tpr_episode_start)
            .with_tpr_month_counting(tpr_month_counting)
            .with_relative_care_exception(relative_care_exception)
            .with_overlong_visit_exit(overlong_visit_exit)
            .with_hearing_rhythm(hearing_rhythm)
            .with_detention_time(detention_time)
            .with_kinship_clock(kinship_clock)
            .with_prevention_renewal(prevention_renewal)
            .with_tpr_refiling(tpr_refiling)
            .with_relative_care_review(relative_care_review)
            .with_tpr_after_majority(tpr_after_majority)
            .with_cfsr_months_in_care(cfsr_months_in_care)
            .with_cfsr_day_count(cfsr_day_count)
            .with_cfsr_trial_home_visit(cfsr_trial_home_visit)
            .with_cfsr_short_reentry(cfsr_short_reentry)
            .with_cfsr_first_entry(cfsr_first_entry)
            .with_relative_notice_after_exit(relative_notice_after_exit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn federal_numbers() {
        let p = Policy::federal();
        assert_eq!(p, Policy::default());
        assert_eq!((p.tpr_months(), p.tpr_window_months()), (15, 22));
        assert_eq!(p.visit_limit_months(), 6);
        assert_eq!(p.appla_min_age(), 16);
        assert_eq!(p.care_end_age(), 18);
        assert_eq!(p.congregate_care_days(), 14);
    }

    #[test]
    fn setters_refuse_what_the_law_does_not_allow() {
        assert_eq!(
            Policy::federal()
                .with_appla_min_age(15)
                .unwrap_err()
                .to_string(),
            "invalid policy appla_min_age: expected from 16 to 21, found 15"
        );
        assert!(Policy::federal().with_visit_limit_months(7).is_err());
        assert!(Policy::federal().with_tpr_clock(15, 14).is_err());
        let p = Policy::federal().with_extended_care_age(Some(21)).unwrap();
        assert_eq!(p.care_end_age(), 21);
        assert!(Policy::federal().with_extended_care_age(Some(18)).is_err());
        // Majority 19 with APPLA at 16 is fine; APPLA at 20 above majority 19 is not.
        let p = Policy::federal().with_age_of_majority(19).unwrap();
        assert!(p.clone().with_appla_min_age(20).is_err());
        assert!(p.with_extended_care_age(Some(19)).is_err());
    }
    /// The canonical text of the federal policy, written out from [`Policy::federal`] by hand.
    const FEDERAL_CANONICAL: &str = "\
permanency-policy-v1
name=federal
month_end=clamp
leap_day_birthday=february28
age_of_majority=18
extended_care_age=none
appla_min_age=16
transition_services_age=14
transition_plan_days=90
defc_rule=earlier_of_finding_or_removal_plus_days
defc_days_after_removal=60
prevent_removal_efforts_days=60
case_plan_days=60
relative_notice_days=30
review_months=6
review_anchor=removal
permanency_hearing_months=12
no_reunification_hearing_days=30
tpr_months=15
tpr_window_months=22
tpr_episode_start=defc
tpr_month_counting=calendar_months
relative_care_exception=used
expedited_tpr_days=60
voluntary_best_interest_days=180
visit_limit_months=6
overlong_visit_exit=first_day_beyond_limit
hearing_rhythm=from_last_held
detention_time=counted
kinship_clock=licensed_months
prevention_renewal=each_candidacy
qrtp_assessment_days=30
qrtp_court_days=60
qrtp_transition_days=30
qrtp_consecutive_months=12
qrtp_total_months=18
qrtp_young_child_age=13
qrtp_young_child_months=6
congregate_care_days=14
congregate_care_from=2019-10-01
independent_living_min_age=18
prevention_months=12
kinship_guardianship_months=6
respite_max_days=14
concrete_support_days=90
tpr_refiling=each_reentry
relative_care_review=at_due_date
tpr_after_majority=runs
cfsr_months_in_care=calendar_months
cfsr_day_count=half_open
cfsr_trial_home_visit=days_beyond_30
cfsr_short_reentry=counts
cfsr_first_entry=any_stay
relative_notice_after_exit=owed
cfsr_same_report_days=0
";

    pub(super) fn state() -> Policy {
        Policy::federal()
            .with_name("Ohio 2024 (ORC 2151.413)")
            .unwrap()
            .with_age_of_majority(19)
            .unwrap()
            .with_extended_care_age(Some(21))
            .unwrap()
            .with_appla_min_age(17)
            .unwrap()
            .with_transition_services_age(15)
            .unwrap()
            .with_tpr_clock(12, 22)
            .unwrap()
            .with_review_months(3)
            .unwrap()
            .with_kinship_guardianship_months(12)
            .unwrap()
            .with_month_end(MonthEnd::RollOver)
            .with_leap_day_birthday(LeapDayBirthday::March1)
            .with_defc_rule(DefcRule::RemovalDate)
            .with_review_anchor(ReviewAnchor::Defc)
            .with_tpr_episode_start(EpisodeStart::Removal)
            .with_tpr_month_counting(MonthCounting::AverageMonth)
            .with_relative_care_exception(RelativeCareException::NotUsed)
            .with_overlong_visit_exit(OverlongVisitExit::VisitStart)
            .with_hearing_rhythm(HearingRhythm::FromDefc)
            .with_detention_time(DetentionTime::Excluded)
            .with_kinship_clock(KinshipClock::AllMonthsInHome)
            .with_prevention_renewal(PreventionRenewal::FirstOnly)
            .with_tpr_refiling(TprRefiling::Once)
            .with_relative_care_review(RelativeCareReview::WhileInRelativeCare)
            .with_tpr_after_majority(TprAfterMajority::Stops)
    }

    #[test]
    fn names_are_checked_like_ids() {
        assert_eq!(Policy::federal().name(), "federal");
        assert_eq!(state().name(), "Ohio 2024 (ORC 2151.413)");
        let err = Policy::federal().with_name("Ohio\tbis").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid policy name: expected 1 to 64 characters without control characters or \
             surrounding white space, found a control character at position 4"
        );
        assert!(Policy::federal().with_name("").is_err());
        assert!(Policy::federal().with_name(" ohio").is_err());
        assert!(Policy::federal().with_name(&"x".repeat(65)).is_err());
        assert!(Policy::federal().with_name(&"x".repeat(64)).is_ok());
        // Naming a policy changes nothing else, but it is part of the policy.
        let named = Policy::federal().with_name("ohio").unwrap();
        assert_ne!(named, Policy::federal());
        assert_eq!(named.with_name("federal").unwrap(), Policy::federal());
    }

    #[test]
    fn the_canonical_text_lists_every_field() {
        let mut text = String::new();
        Policy::federal().write_canonical(&mut text).unwrap();
        assert_eq!(text, FEDERAL_CANONICAL);
        // One line per field, in the order of the struct, plus the version line.
        assert_eq!(text.lines().count(), 1 + 54);
        let mut text = String::new();
        state().write_canonical(&mut text).unwrap();
        assert!(text.contains("\nname=Ohio 2024 (ORC 2151.413)\n"), "{text}");
        assert!(text.contains("\nextended_care_age=21\n"), "{text}");
        assert!(
            text.contains("\ntpr_month_counting=average_month\n"),
            "{text}"
        );
    }

    #[test]
    fn the_fingerprint_is_fnv1a_of_the_canonical_text() {
        fn fnv(s: &str) -> u64 {
            let mut h = Fnv1a(FNV_OFFSET_BASIS);
            fmt::Write::write_str(&mut h, s).unwrap();
            h.0
        }
        // The published FNV-1a 64-bit test vectors.
        assert_eq!(fnv(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv("foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(Policy::federal().fingerprint(), fnv(FEDERAL_CANONICAL));
        // Computed from FEDERAL_CANONICAL by a separate implementation (Python), not by this
        // crate: a change of encoding or of a federal value shows here.
        assert_eq!(Policy::federal().fingerprint(), 0x7deb_2b2a_be35_8c92);
    }

    #[test]
    fn equal_policies_share_a_fingerprint_and_different_ones_do_not() {
        assert_eq!(
            Policy::federal().fingerprint(),
            Policy::default().fingerprint()
        );
        assert_eq!(state().fingerprint(), state().clone().fingerprint());
        // The same policy reached through the setters in another order.
        let other_order = Policy::federal()
            .with_prevention_renewal(PreventionRenewal::FirstOnly)
            .with_tpr_clock(12, 22)
            .unwrap();
        let usual_order = Policy::federal()
            .with_tpr_clock(12, 22)
            .unwrap()
            .with_prevention_renewal(PreventionRenewal::FirstOnly);
        assert_eq!(other_order.fingerprint(), usual_order.fingerprint());
        // Any one change changes it.
        let federal = Policy::federal().fingerprint();
        let changed = [
            Policy::federal().with_name("ohio").unwrap(),
            Policy::federal().with_review_months(5).unwrap(),
            Policy::federal().with_extended_care_age(Some(21)).unwrap(),
            Policy::federal().with_tpr_clock(15, 23).unwrap(),
            Policy::federal().with_detention_time(DetentionTime::Excluded),
            Policy::federal().with_leap_day_birthday(LeapDayBirthday::March1),
            state(),
        ];
        let mut seen = std::collections::HashSet::from([federal]);
        for p in &changed {
            assert!(seen.insert(p.fingerprint()), "{p:?}");
        }
    }

    #[test]
    fn every_with_setter_is_must_use() {
        // Checked by reading the source: a `with_` setter without `#[must_use]` would let
        // `policy.with_review_months(3);` silently do nothing.
        let source = include_str!("policy.rs");
        let lines: Vec<&str> = source.lines().collect();
        let mut setters = 0;
        for (i, line) in lines.iter().enumerate() {
            let line = line.trim_start();
            if line.starts_with("pub fn with_") || line.starts_with("pub fn $with(") {
                setters += 1;
                assert!(
                    lines[i - 1].trim_start().starts_with("#[must_use"),
                    "line {}: {line}",
                    i + 1
                );
            }
        }
        // name, extended care age, the 15-of-22 clock, the congregate-care date, and the two
        // macros.
        assert_eq!(setters, 6);
    }
}

#[cfg(all(test, feature = "serde"))]
mod serde_tests {
    use super::*;

    /// [`Policy::federal`] as JSON, written by hand: every field, under its getter's name.
    const FEDERAL_JSON: &str = r#"{
  "name": "federal",
  "month_end": "clamp",
  "leap_day_birthday": "february28",
  "age_of_majority": 18,
  "extended_care_age": null,
  "appla_min_age": 16,
  "transition_services_age": 14,
  "transition_plan_days": 90,
  "defc_rule": "earlier_of_finding_or_removal_plus_days",
  "defc_days_after_removal": 60,
  "prevent_removal_efforts_days": 60,
  "case_plan_days": 60,
  "relative_notice_days": 30,
  "review_months": 6,
  "review_anchor": "removal",
  "permanency_hearing_months": 12,
  "no_reunification_hearing_days": 30,
  "tpr_months": 15,
  "tpr_window_months": 22,
  "tpr_episode_start": "defc",
  "tpr_month_counting": "calendar_months",
  "relative_care_exception": "used",
  "expedited_tpr_days": 60,
  "voluntary_best_interest_days": 180,
  "visit_limit_months": 6,
  "overlong_visit_exit": "first_day_beyond_limit",
  "hearing_rhythm": "from_last_held",
  "detention_time": "counted",
  "kinship_clock": "licensed_months",
  "prevention_renewal": "each_candidacy",
  "qrtp_assessment_days": 30,
  "qrtp_court_days": 60,
  "qrtp_transition_days": 30,
  "qrtp_consecutive_months": 12,
  "qrtp_total_months": 18,
  "qrtp_young_child_age": 13,
  "qrtp_young_child_months": 6,
  "congregate_care_days": 14,
  "congregate_care_from": "2019-10-01",
  "independent_living_min_age": 18,
  "prevention_months": 12,
  "kinship_guardianship_months": 6,
  "respite_max_days": 14,
  "concrete_support_days": 90,
  "tpr_refiling": "each_reentry",
  "relative_care_review": "at_due_date",
  "tpr_after_majority": "runs",
  "cfsr_months_in_care": "calendar_months",
  "cfsr_day_count": "half_open",
  "cfsr_trial_home_visit": "days_beyond_30",
  "cfsr_short_reentry": "counts",
  "cfsr_first_entry": "any_stay",
  "relative_notice_after_exit": "owed",
  "cfsr_same_report_days": 0
}"#;

    fn state() -> Policy {
        super::tests::state()
    }

    fn from_json(json: &str) -> Result<Policy, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn the_federal_policy_is_this_json() {
        assert_eq!(
            serde_json::to_string_pretty(&Policy::federal()).unwrap(),
            FEDERAL_JSON
        );
        assert_eq!(from_json(FEDERAL_JSON).unwrap(), Policy::federal());
        // The name and the 53 values: one field per getter.
        let value: serde_json::Value = serde_json::from_str(FEDERAL_JSON).unwrap();
        assert_eq!(value.as_object().unwrap().len(), 54);
    }

    #[test]
    fn policies_round_trip() {
        for p in [Policy::federal(), state()] {
            let json = serde_json::to_string(&p).unwrap();
            let back = from_json(&json).unwrap();
            assert_eq!(back, p);
            assert_eq!(back.fingerprint(), p.fingerprint());
        }
        let json = serde_json::to_value(state()).unwrap();
        assert_eq!(json["name"], "Ohio 2024 (ORC 2151.413)");
        assert_eq!(json["extended_care_age"], 21);
        assert_eq!(json["tpr_months"], 12);
        assert_eq!(json["month_end"], "roll_over");
        assert_eq!(json["tpr_month_counting"], "average_month");
        assert_eq!(json["relative_care_exception"], "not_used");
    }

    #[test]
    fn a_field_left_out_is_the_federal_value() {
        assert_eq!(from_json("{}").unwrap(), Policy::federal());
        let p = from_json(r#"{"name": "ohio", "tpr_months": 12, "hearing_rhythm": "from_defc"}"#)
            .unwrap();
        assert_eq!(
            p,
            Policy::federal()
                .with_name("ohio")
                .unwrap()
                .with_tpr_clock(12, 22)
                .unwrap()
                .with_hearing_rhythm(HearingRhythm::FromDefc)
        );
        // Without a name it is still named federal, whatever else it changes.
        assert_eq!(
            from_json(r#"{"review_months": 3}"#).unwrap().name(),
            "federal"
        );
        // Ages set together are accepted in one piece, whatever the order of the fields.
        let p = from_json(
            r#"{"transition_services_age": 19, "appla_min_age": 20, "extended_care_age": 21, "age_of_majority": 20}"#,
        )
        .unwrap();
        assert_eq!((p.transition_services_age(), p.care_end_age()), (19, 21));
    }

    #[test]
    fn an_invalid_value_is_refused_with_the_setters_error() {
        let message = |json: &str| from_json(json).unwrap_err().to_string();
        let setter = |e: Error| e.to_string();
        assert!(message(r#"{"appla_min_age": 15}"#).starts_with(&setter(
            Policy::federal().with_appla_min_age(15).unwrap_err()
        )),);
        assert!(
            message(r#"{"tpr_months": 15, "tpr_window_months": 14}"#).starts_with(&setter(
                Policy::federal().with_tpr_clock(15, 14).unwrap_err()
            )),
        );
        assert!(
            message(r#"{"extended_care_age": 18}"#).starts_with(&setter(
                Policy::federal()
                    .with_extended_care_age(Some(18))
                    .unwrap_err()
            )),
        );
        assert!(
            message(r#"{"appla_min_age": 19}"#)
                .starts_with("invalid policy appla_min_age: expected no more than the next age")
        );
        assert!(message(r#"{"name": ""}"#).starts_with("invalid policy name"));
        // The name is not repeated.
        assert!(!message(r#"{"name": "Secret\u0007"}"#).contains("Secret"));
        assert!(message(r#"{"review_months": -1}"#).contains("invalid value"));
        assert!(message(r#"{"defc_rule": "later"}"#).starts_with("unknown variant `later`"));
    }

    #[test]
    fn an_unknown_field_is_refused() {
        let e = from_json(r#"{"review_month": 6}"#).unwrap_err().to_string();
        assert!(
            e.starts_with("unknown field `review_month`, expected one of `name`, "),
            "{e}"
        );
    }

    #[test]
    fn the_fingerprint_does_not_depend_on_the_order_of_the_fields() {
        let forward =
            from_json(r#"{"name": "ohio", "tpr_months": 12, "review_anchor": "defc"}"#).unwrap();
        let backward =
            from_json(r#"{"review_anchor": "defc", "tpr_months": 12, "name": "ohio"}"#).unwrap();
        assert_eq!(forward, backward);
        assert_eq!(forward.fingerprint(), backward.fingerprint());
        // The whole federal object, its fields reversed.
        let fields: Vec<&str> = FEDERAL_JSON
            .lines()
            .filter(|l| l.starts_with("  "))
            .map(|l| l.trim().trim_end_matches(','))
            .rev()
            .collect();
        let json = format!("{{{}}}", fields.join(", "));
        assert!(
            json.starts_with(r#"{"cfsr_same_report_days": 0, "#),
            "{json}"
        );
        let p = from_json(&json).unwrap();
        assert_eq!(p.fingerprint(), Policy::federal().fingerprint());
    }
}
