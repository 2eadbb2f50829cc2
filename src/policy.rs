//! [`Policy`]: every number the law sets, and every reading it leaves open, in one value.

use crate::date::{LeapDayBirthday, MonthEnd};
use crate::error::Error;

/// Which date starts a removal episode's clocks that run from "the date the child is considered to
/// have entered foster care" (DEFC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
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
pub enum HearingRhythm {
    /// 12 months after the last hearing actually held: an early hearing pulls the next one
    /// forward, a late one does not move the schedule back. The common, conservative reading.
    #[default]
    FromLastHeld,
    /// A fixed schedule: 12, 24, 36... months after DEFC, whenever the hearings were held.
    FromDefc,
}

crate::codes::code_names! {
    HearingRhythm, "hearing rhythm": FromLastHeld = "from_last_held", FromDefc = "from_defc"
}

/// Whether days in a juvenile-justice facility count toward 15 of 22 while the agency keeps
/// placement and care responsibility. An open reading, see [the manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
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
pub enum KinshipClock {
    /// Only months while the home held a license in force (payments need a licensed home,
    /// SSA §472(c)(1)). The default.
    #[default]
    LicensedMonths,
    /// Every month in the home, once it is licensed (states that approve retroactively).
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

// The switches serialize as their wire names (snake_case), like every other code list.
crate::codes::code_names! {
    @serde DefcRule, ReviewAnchor, EpisodeStart, MonthCounting, OverlongVisitExit, HearingRhythm,
    DetentionTime, KinshipClock, PreventionRenewal, RelativeCareException,
}

/// Every number federal law sets for a case, and every reading it leaves open.
///
/// [`Policy::federal`] holds the federal values with the common reading of each open point
/// (the open readings of [the manual](crate::manual#open-readings)). A state tightens or chooses through the `with_*` methods,
/// each of which refuses values the law or the arithmetic cannot accept.
///
/// Always true of a `Policy`: every count is at least 1, the 15-of-22 count fits in its window,
/// ages are ordered (transition 14 ≤ APPLA 16 ≤ majority 18 ≤ extended care ≤ 21).
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
pub struct Policy {
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
    independent_living_min_age: u32,
    prevention_months: u32,
    kinship_guardianship_months: u32,
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
            independent_living_min_age: 18,
            prevention_months: 12,
            kinship_guardianship_months: 6,
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

    /// Sets both numbers of the 15-of-22 rule (Ohio: 12 of 22; Kentucky: 15 of 48).
    ///
    /// # Errors
    ///
    /// [`Error::Policy`] unless `1 <= months <= 15` and `months <= window <= 120`.
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
}
