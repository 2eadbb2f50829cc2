//! Calendar arithmetic, exactly as [the manual](crate::manual#dates) defines it.
//!
//! Federal text says "within 60 days of", "no later than 12 months after", "by the end of the
//! fifteenth month" without defining how to count. This module fixes one reading of each phrase so
//! that every deadline the crate computes is reproducible:
//!
//! | phrase | function | example |
//! |---|---|---|
//! | within N days of E | [`days_after`] | 2023-01-10 + 60 days = 2023-03-11 |
//! | no later than N months after E | [`months_after`] (clamped to the month's end) | 2024-02-29 + 12 months = 2025-02-28 |
//! | by the end of the Nth month | [`end_of_nth_month`] | 2023-02-20, 15th month ends 2024-05-19 |
//! | the first N days of a placement | [`first_days`] | 2023-05-01, first 180 days end 2023-10-27 |
//! | beginning with the Nth week | [`week_start`] | 2024-01-08, third week starts 2024-01-22 |
//! | an N-day period that begins on D | [`day_period`] | 2024-04-20, 30 days run through 2024-05-19 |
//! | an N-month period that begins on D | [`month_period`] | 2024-02-10, 12 months run through 2025-02-09 |
//! | days in care | [`days_between`] (half-open) | 03-01 to 03-08 is 7 days |
//! | attained age N | [`attains_age`] | born 2008-09-30, 16 on 2024-09-30 |
//!
//! Two conventions are interpretations the law leaves open (the open readings of [the manual](crate::manual#open-readings)) and are
//! therefore [`Policy`](crate::Policy) switches: what "N months after" means when the day does not
//! exist in the target month ([`MonthEnd`]), and when a person born on 29 February has a
//! birthday in a common year ([`LeapDayBirthday`]).
//!
//! Every function is total: the crate only accepts dates from [`EARLIEST`] to [`LATEST`], so the
//! arithmetic never leaves chrono's range; were it to, results saturate at chrono's limits rather
//! than panic.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::error::Error;

/// The earliest date any entity or event accepts: 1900-01-01.
pub const EARLIEST: NaiveDate = ymd(1900, 1, 1);
/// The latest date any entity or event accepts: 2199-12-31.
pub const LATEST: NaiveDate = ymd(2199, 12, 31);

const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => panic!("invalid constant date"),
    }
}

/// Checks that `date` lies from [`EARLIEST`] to [`LATEST`].
///
/// # Errors
///
/// [`Error::DateOutOfRange`] naming `field` (and not the date, which may be a birth date).
pub fn check_range(field: &'static str, date: NaiveDate) -> Result<NaiveDate, Error> {
    if (EARLIEST..=LATEST).contains(&date) {
        Ok(date)
    } else {
        Err(Error::DateOutOfRange { field })
    }
}

/// What "N months after" gives when the target month is shorter than the start day.
/// An open reading, see [the manual](crate::manual#open-readings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum MonthEnd {
    /// Clamp to the last day of the target month: 2024-02-29 + 12 months = 2025-02-28. Never later
    /// than a literal reading; what `chrono` does. The federal default.
    #[default]
    Clamp,
    /// Roll over to the first day of the next month: 2024-02-29 + 12 months = 2025-03-01, as some
    /// state systems do.
    RollOver,
}

crate::codes::code_names! {
    MonthEnd, "month end": Clamp = "clamp", RollOver = "roll_over"
}

/// When a person born on 29 February attains an age in a common year. An open reading, see [the manual](crate::manual#open-readings):
/// a question of state law that the crate does not settle silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum LeapDayBirthday {
    /// On 28 February (the clamped date). The default.
    #[default]
    February28,
    /// On 1 March, as many states treat it.
    March1,
}

crate::codes::code_names! {
    LeapDayBirthday, "leap day birthday": February28 = "february28", March1 = "march1"
}

/// `date` plus `n` calendar days: "within N days of", "the date that is N days after".
///
/// ```
/// # use chrono::NaiveDate;
/// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// // removal 2023-01-10, 60 days -> 2023-03-11 (21 days left in January + 28 + 11)
/// assert_eq!(permanency::date::days_after(d(2023, 1, 10), 60), d(2023, 3, 11));
/// ```
pub fn days_after(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` minus `n` calendar days.
pub fn days_before(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MIN)
}

/// `date` plus `n` calendar months, clamped to the last day of a shorter month: "no later than N
/// months after". The same as [`months_after_with`] and [`MonthEnd::Clamp`].
///
/// ```
/// # use chrono::NaiveDate;
/// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// use permanency::date::months_after;
/// assert_eq!(months_after(d(2024, 2, 29), 12), d(2025, 2, 28));
/// assert_eq!(months_after(d(2023, 8, 31), 6), d(2024, 2, 29));
/// ```
pub fn months_after(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_months(Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` minus `n` calendar months, clamped to the last day of a shorter month: the start of a
/// look-back window ("the most recent 22 months").
///
/// ```
/// # use chrono::NaiveDate;
/// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// assert_eq!(permanency::date::months_before(d(2024, 12, 31), 22), d(2023, 2, 28));
/// ```
pub fn months_before(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(n))
        .unwrap_or(NaiveDate::MIN)
}

/// The first day of the month after the month of `date`: when a determination due on `date` and
/// not made costs title IV-E eligibility ("ineligible at the end of the month in which it was
/// due", 45 CFR 1356.21(b)(2)).
///
/// ```
/// # use chrono::NaiveDate;
/// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// assert_eq!(permanency::date::first_of_next_month(d(2024, 2, 10)), d(2024, 3, 1));
/// assert_eq!(permanency::date::first_of_next_month(d(2024, 12, 31)), d(2025, 1, 1));
/// ```
pub fn first_of_next_month(date: NaiveDate) -> NaiveDate {
    date.with_day(1)
        .and_then(|d| d.checked_add_months(Months::new(1)))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` plus `n` calendar months under the given [`MonthEnd`] convention.
pub fn months_after_with(date: NaiveDate, n: u32, month_end: MonthEnd) -> NaiveDate {
    let clamped = months_after(date, n);
    match month_end {
        MonthEnd::Clamp => clamped,
        // The day was clamped exactly when it differs from the start day.
        MonthEnd::RollOver if clamped.day() != date.day() && clamped != NaiveDate::MAX => {
            days_after(clamped, 1)
        }
        MonthEnd::RollOver => clamped,
    }
}

/// The last day of the Nth month counted from `date`: ([`months_after`]`(date, n)`) − 1 day.
/// "By the end of the Nth month" (45 CFR 1356.21(i)(1)(i)).
///
/// ```
/// # use chrono::NaiveDate;
/// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// // DEFC 2023-02-20: + 15 months = 2024-05-20, less one day
/// assert_eq!(permanency::date::end_of_nth_month(d(2023, 2, 20), 15), d(2024, 5, 19));
/// ```
pub fn end_of_nth_month(date: NaiveDate, n: u32) -> NaiveDate {
    days_before(months_after(date, n), 1)
}

/// A half-open run of days `[start, end)`: `start` is the first day in it, `end` the first day
/// after it. Always `start <= end`; an empty period has `start == end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Period {
    start: NaiveDate,
    end: NaiveDate,
}

impl Period {
    /// The period `[start, end)`, or `None` when `end` is before `start`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Option<Period> {
        (start <= end).then_some(Period { start, end })
    }

    /// The first day of the period.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The first day after the period.
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// The last day in the period, `None` when it is empty.
    pub fn last_day(&self) -> Option<NaiveDate> {
        (self.start < self.end).then(|| days_before(self.end, 1))
    }

    /// How many days the period holds.
    pub fn days(&self) -> u32 {
        u32::try_from(days_between(self.start, self.end)).unwrap_or(u32::MAX)
    }

    /// Whether `date` lies in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date < self.end
    }

    /// The days both periods share (possibly empty).
    pub fn intersection(&self, other: &Period) -> Period {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end).max(start);
        Period { start, end }
    }
}

/// The first `n` days of something that starts on `date`: `date ..= date + n − 1` (SSA §472(e),
/// "the first 180 days of the placement").
///
/// ```
/// # use chrono::NaiveDate;
/// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let p = permanency::date::first_days(d(2023, 5, 1), 180);
/// assert_eq!(p.last_day(), Some(d(2023, 10, 27)));
/// ```
pub fn first_days(date: NaiveDate, n: u32) -> Period {
    Period {
        start: date,
        end: days_after(date, n),
    }
}

/// "An N-day period that begins on `date`" (SSA §472(k)(3)(B)): the same days as [`first_days`].
pub fn day_period(date: NaiveDate, n: u32) -> Period {
    first_days(date, n)
}

/// "An N-month period that begins on `date`" (SSA §471(e)(1)): `date ..= months_after(date, n) − 1`.
///
/// ```
/// # use chrono::NaiveDate;
/// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// let p = permanency::date::month_period(d(2024, 2, 10), 12);
/// assert_eq!(p.last_day(), Some(d(2025, 2, 9)));
/// ```
pub fn month_period(date: NaiveDate, n: u32) -> Period {
    Period {
        start: date,
        end: months_after(date, n),
    }
}

/// The first day of the `week`th week of something that starts on `date` (week 1 starts on
/// `date`): "beginning with the third week" (SSA §472(k)(1)) is `week_start(date, 3)`,
/// `date + 14`. Week 0 is treated as week 1.
pub fn week_start(date: NaiveDate, week: u32) -> NaiveDate {
    days_after(date, week.saturating_sub(1).saturating_mul(7))
}

/// Days from `start` to `end`, half-open: the day of `start` counts, the day of `end` does not.
/// Negative when `end` is before `start`.
///
/// ```
/// # use chrono::NaiveDate;
/// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// assert_eq!(permanency::date::days_between(d(2023, 3, 1), d(2023, 3, 8)), 7);
/// ```
pub fn days_between(start: NaiveDate, end: NaiveDate) -> i64 {
    // By day numbers: the same count as `(end - start).num_days()`, with less work.
    i64::from(end.num_days_from_ce()) - i64::from(start.num_days_from_ce())
}

/// The date a person born on `birth` attains `years` of age: the birthday itself. Born on
/// 29 February, the birthday in a common year follows `leap_day`.
///
/// ```
/// # use chrono::NaiveDate;
/// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// use permanency::date::{attains_age, LeapDayBirthday};
/// assert_eq!(attains_age(d(2008, 9, 30), 16, LeapDayBirthday::February28), d(2024, 9, 30));
/// assert_eq!(attains_age(d(2008, 2, 29), 18, LeapDayBirthday::February28), d(2026, 2, 28));
/// assert_eq!(attains_age(d(2008, 2, 29), 18, LeapDayBirthday::March1), d(2026, 3, 1));
/// ```
pub fn attains_age(birth: NaiveDate, years: u32, leap_day: LeapDayBirthday) -> NaiveDate {
    let month_end = match leap_day {
        LeapDayBirthday::February28 => MonthEnd::Clamp,
        LeapDayBirthday::March1 => MonthEnd::RollOver,
    };
    months_after_with(birth, years.saturating_mul(12), month_end)
}

/// A person's age in whole years on `on`, or `None` before their birth.
///
/// ```
/// # use chrono::NaiveDate;
/// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// use permanency::date::{age_on, LeapDayBirthday::February28};
/// assert_eq!(age_on(d(2008, 9, 30), d(2024, 9, 29), February28), Some(15));
/// assert_eq!(age_on(d(2008, 9, 30), d(2024, 9, 30), February28), Some(16));
/// assert_eq!(age_on(d(2008, 9, 30), d(2008, 9, 29), February28), None);
/// ```
pub fn age_on(birth: NaiveDate, on: NaiveDate, leap_day: LeapDayBirthday) -> Option<u32> {
    if on < birth {
        return None;
    }
    // The calendar-year difference is the age or one more than it.
    let years = u32::try_from(on.year() - birth.year()).unwrap_or(0);
    // Born on any day but 29 February, the birthday falls on the same month and day every year:
    // comparing them is enough.
    if (birth.month(), birth.day()) != (2, 29) {
        let before_birthday = (on.month(), on.day()) < (birth.month(), birth.day());
        return Some(years - u32::from(before_birthday && years > 0));
    }
    if attains_age(birth, years, leap_day) <= on {
        Some(years)
    } else {
        Some(years.saturating_sub(1))
    }
}

/// Whole calendar months from `start` to `on` (clamped month arithmetic): the largest `m` with
/// `months_after(start, m) <= on`, or 0 when `on` is before `start`.
///
/// ```
/// # use chrono::NaiveDate;
/// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// use permanency::date::whole_months_between;
/// assert_eq!(whole_months_between(d(2023, 1, 15), d(2024, 1, 15)), 12);
/// assert_eq!(whole_months_between(d(2023, 1, 15), d(2024, 1, 14)), 11);
/// ```
pub fn whole_months_between(start: NaiveDate, on: NaiveDate) -> u32 {
    if on <= start {
        return 0;
    }
    // `months_after(start, guess)` falls in the month of `on`, on the start's day or, clamped,
    // on the month's last day: it is on or before `on` when the start's day is, or when `on`
    // is the last day of its month. Otherwise one month fewer, which falls in the month before.
    let guess = (on.year() - start.year()) * 12 + on.month() as i32 - start.month() as i32;
    let guess = u32::try_from(guess.max(0)).unwrap_or(0);
    let last_day = on.succ_opt().is_none_or(|next| next.day() == 1);
    if start.day() <= on.day() || last_day {
        guess
    } else {
        guess.saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use LeapDayBirthday::{February28, March1};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The definitions the quick ways of [`age_on`] and [`whole_months_between`] must agree
    /// with: the largest count whose anniversary is on or before the date.
    #[test]
    fn ages_and_whole_months_agree_with_their_definitions() {
        let days =
            |from: NaiveDate, n: i64| (0..n).map(move |i| from + chrono::Days::new(i as u64));
        // Every start in a leap year and the common year after, against dates up to five years
        // on (every 7th day, and every month end).
        for start in days(d(2023, 12, 25), 400) {
            for on in days(start, 5 * 366).filter(|o| {
                (*o - start).num_days() % 7 == 0 || o.succ_opt().is_some_and(|n| n.day() == 1)
            }) {
                let months = (0..=61)
                    .take_while(|&m| months_after(start, m) <= on)
                    .last();
                assert_eq!(
                    whole_months_between(start, on),
                    months.unwrap_or(0),
                    "{start} {on}"
                );
                for leap_day in [February28, March1] {
                    let years = (0..=6).take_while(|&y| attains_age(start, y, leap_day) <= on);
                    assert_eq!(age_on(start, on, leap_day), years.last(), "{start} {on}");
                }
            }
        }
    }

    #[test]
    fn days_after_crosses_months_and_leap_days() {
        // 2023-01-10 + 60: 21 days to Jan 31, 28 in Feb (common year) = 49, 11 more -> Mar 11.
        assert_eq!(days_after(d(2023, 1, 10), 60), d(2023, 3, 11));
        // 2024 is a leap year: 2024-01-10 + 60: 21 + 29 = 50, 10 more -> Mar 10.
        assert_eq!(days_after(d(2024, 1, 10), 60), d(2024, 3, 10));
        assert_eq!(days_after(d(2024, 2, 28), 1), d(2024, 2, 29));
        assert_eq!(days_after(d(2023, 12, 31), 1), d(2024, 1, 1));
        assert_eq!(days_before(d(2024, 3, 1), 1), d(2024, 2, 29));
        assert_eq!(days_after(NaiveDate::MAX, 5), NaiveDate::MAX);
    }

    #[test]
    fn months_after_clamps_to_month_end() {
        assert_eq!(months_after(d(2024, 2, 29), 12), d(2025, 2, 28));
        assert_eq!(months_after(d(2024, 2, 29), 48), d(2028, 2, 29));
        assert_eq!(months_after(d(2023, 8, 31), 6), d(2024, 2, 29));
        assert_eq!(months_after(d(2023, 8, 31), 1), d(2023, 9, 30));
        assert_eq!(months_after(d(2023, 1, 31), 1), d(2023, 2, 28));
        assert_eq!(months_after(d(2023, 1, 15), 0), d(2023, 1, 15));
        assert_eq!(months_after(d(2023, 11, 30), 3), d(2024, 2, 29));
    }

    #[test]
    fn months_after_can_roll_over_by_policy() {
        assert_eq!(
            months_after_with(d(2024, 2, 29), 12, MonthEnd::RollOver),
            d(2025, 3, 1)
        );
        // 2023-08-31 + 6 months: 2024-02-31 does not exist; rolled to the day after Feb 29.
        assert_eq!(
            months_after_with(d(2023, 8, 31), 6, MonthEnd::RollOver),
            d(2024, 3, 1)
        );
        // A day that exists is never moved.
        assert_eq!(
            months_after_with(d(2023, 8, 15), 6, MonthEnd::RollOver),
            d(2024, 2, 15)
        );
        assert_eq!(
            months_after_with(d(2023, 8, 31), 6, MonthEnd::Clamp),
            d(2024, 2, 29)
        );
    }

    #[test]
    fn end_of_nth_month_is_a_day_before_n_months_after() {
        assert_eq!(end_of_nth_month(d(2023, 2, 20), 15), d(2024, 5, 19));
        // DEFC 2023-03-01: 15 months -> 2024-06-01, less a day -> 2024-05-31.
        assert_eq!(end_of_nth_month(d(2023, 3, 1), 15), d(2024, 5, 31));
        // 2023-11-30 + 3 months clamps to 2024-02-29, so the 3rd month ends 2024-02-28.
        assert_eq!(end_of_nth_month(d(2023, 11, 30), 3), d(2024, 2, 28));
    }

    #[test]
    fn periods_of_days_weeks_and_months() {
        let p = first_days(d(2023, 5, 1), 180);
        // May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 = 153 days to Sep 30; 27 more -> Oct 27.
        assert_eq!(p.last_day(), Some(d(2023, 10, 27)));
        assert_eq!(p.days(), 180);
        assert!(p.contains(d(2023, 10, 27)) && !p.contains(d(2023, 10, 28)));
        // CCI placement 2024-01-08: week 3 starts on day 15 = 2024-01-22, so FFP runs through 01-21.
        assert_eq!(week_start(d(2024, 1, 8), 3), d(2024, 1, 22));
        assert_eq!(week_start(d(2024, 1, 8), 1), d(2024, 1, 8));
        // 30-day period from 2024-04-20: 11 days in April (20..30) + 19 in May -> May 19.
        assert_eq!(
            day_period(d(2024, 4, 20), 30).last_day(),
            Some(d(2024, 5, 19))
        );
        assert_eq!(
            month_period(d(2024, 2, 10), 12).last_day(),
            Some(d(2025, 2, 9))
        );
        // 12 months from a leap day: 2025-02-28 is the clamped anniversary, so the last day is 02-27.
        assert_eq!(
            month_period(d(2024, 2, 29), 12).last_day(),
            Some(d(2025, 2, 27))
        );
        assert_eq!(first_days(d(2024, 1, 1), 0).last_day(), None);
        assert_eq!(Period::new(d(2024, 1, 2), d(2024, 1, 1)), None);
    }

    #[test]
    fn half_open_day_counts() {
        assert_eq!(days_between(d(2023, 3, 1), d(2023, 3, 8)), 7);
        assert_eq!(days_between(d(2024, 2, 1), d(2024, 3, 1)), 29);
        assert_eq!(days_between(d(2023, 2, 1), d(2023, 3, 1)), 28);
        assert_eq!(days_between(d(2023, 3, 8), d(2023, 3, 1)), -7);
        let a = Period::new(d(2024, 1, 1), d(2024, 1, 11)).unwrap();
        let b = Period::new(d(2024, 1, 6), d(2024, 2, 1)).unwrap();
        assert_eq!(a.intersection(&b).days(), 5);
        let c = Period::new(d(2024, 3, 1), d(2024, 3, 2)).unwrap();
        assert_eq!(a.intersection(&c).days(), 0);
    }

    #[test]
    fn ages_and_birthdays() {
        assert_eq!(attains_age(d(2008, 9, 30), 16, February28), d(2024, 9, 30));
        // Leap-day birth: 2026 is a common year.
        assert_eq!(attains_age(d(2008, 2, 29), 18, February28), d(2026, 2, 28));
        assert_eq!(attains_age(d(2008, 2, 29), 18, March1), d(2026, 3, 1));
        // In a leap year the birthday exists under either convention.
        assert_eq!(attains_age(d(2008, 2, 29), 16, March1), d(2024, 2, 29));
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28), February28), Some(18));
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28), March1), Some(17));
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 3, 1), March1), Some(18));
        assert_eq!(
            age_on(d(2010, 12, 31), d(2011, 12, 30), February28),
            Some(0)
        );
        assert_eq!(
            age_on(d(2010, 12, 31), d(2011, 12, 31), February28),
            Some(1)
        );
        assert_eq!(age_on(d(2010, 6, 1), d(2010, 6, 1), February28), Some(0));
    }

    #[test]
    fn months_before_and_next_month() {
        // 22 months before 2024-12-31: 2023-02-31 does not exist, clamped to 2023-02-28.
        assert_eq!(months_before(d(2024, 12, 31), 22), d(2023, 2, 28));
        assert_eq!(months_before(d(2024, 3, 1), 22), d(2022, 5, 1));
        assert_eq!(first_of_next_month(d(2024, 1, 31)), d(2024, 2, 1));
        assert_eq!(first_of_next_month(d(2024, 2, 1)), d(2024, 3, 1));
    }

    #[test]
    fn whole_months() {
        assert_eq!(whole_months_between(d(2023, 1, 31), d(2023, 2, 28)), 1);
        assert_eq!(whole_months_between(d(2023, 1, 31), d(2023, 2, 27)), 0);
        assert_eq!(whole_months_between(d(2022, 1, 1), d(2023, 12, 31)), 23);
        assert_eq!(whole_months_between(d(2022, 1, 1), d(2024, 1, 1)), 24);
        assert_eq!(whole_months_between(d(2024, 1, 1), d(2023, 1, 1)), 0);
    }

    #[test]
    fn range_check() {
        assert!(check_range("removal date", d(1899, 12, 31)).is_err());
        assert_eq!(check_range("x", d(2199, 12, 31)), Ok(d(2199, 12, 31)));
        assert_eq!(
            check_range("date of birth", d(2300, 1, 1))
                .unwrap_err()
                .to_string(),
            "invalid date of birth: expected a date from 1900-01-01 to 2199-12-31, found one outside that range"
        );
    }
}
