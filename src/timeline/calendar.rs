//! Calendar arithmetic on integers, for the clocks' inner loops: a day as its number and its
//! (year, month, day) ([`Day`]), and the few date functions the clocks call most
//! ([`months_after_with`], [`days_after`], [`first_of_next_month`]) giving exactly the dates
//! [`crate::date`] gives, with less work. Only a result becomes a [`NaiveDate`].

use chrono::{Datelike, NaiveDate};

use crate::date::MonthEnd;

/// A day as the counting reads it: its number (days from the Common Era, as
/// [`NaiveDate::num_days_from_ce`] counts them) and its calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Day {
    pub(super) n: i32,
    pub(super) y: i32,
    pub(super) m: u32,
    pub(super) d: u32,
}

/// The calendar repeats every 400 years (146,097 days): counted from this many 400-year eras
/// before year 0, every year chrono holds is positive, and the arithmetic below is unsigned.
const ERAS: u32 = 656;
const YEAR_OFFSET: i32 = 400 * ERAS.cast_signed();
const DAY_OFFSET: i32 = 146_097 * ERAS.cast_signed();

/// The days before each month of a common year.
const BEFORE: [u32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/// Whether year `y` (counted from the offset's year 0) is a leap year of the proleptic Gregorian
/// calendar: divisible by 4, and not by 100 unless by 400 (given 4, 100 is 25 and 400 is 16).
fn leap_offset(y: u32) -> bool {
    y.is_multiple_of(4) && (!y.is_multiple_of(25) || y.is_multiple_of(16))
}

/// Whether `y` is a leap year of the proleptic Gregorian calendar.
fn is_leap(y: i32) -> bool {
    leap_offset((y + YEAR_OFFSET).unsigned_abs())
}

/// The number of days in month `m0` (0–11) of a year, leap or not.
#[inline]
fn days_in_month0(m0: u32, leap: bool) -> u32 {
    if m0 == 1 {
        28 + u32::from(leap)
    } else {
        // 31 for January, March, May, July, August, October, December.
        let m = m0 + 1;
        30 + ((m ^ (m >> 3)) & 1)
    }
}

/// The number of days in month `m` (1–12) of year `y`.
#[inline]
pub(super) fn days_in_month(y: i32, m: u32) -> u32 {
    days_in_month0(m - 1, m == 2 && is_leap(y))
}

impl Day {
    /// Day number `n` (days from the Common Era: 0001-01-01 is day 1).
    pub(super) fn from_n(n: i32) -> Day {
        // Days from 1 March of year 0 (less the offset): a year that begins in March ends with
        // its leap day.
        let z = (n + 305 + DAY_OFFSET).unsigned_abs();
        let (era, doe) = (z / 146_097, z % 146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
        let mp = (5 * doy + 2) / 153; // [0, 11], March first
        let d = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
        let m = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
        let y = (era * 400 + yoe + u32::from(m <= 2)).cast_signed() - YEAR_OFFSET;
        Day { n, y, m, d }
    }

    /// The day `y`-`m`-`d` (a valid date).
    pub(super) fn from_ymd(y: i32, m: u32, d: u32) -> Day {
        // As `from_n`, counted from 1 March.
        let ym = (y + YEAR_OFFSET).unsigned_abs() - u32::from(m <= 2);
        let (era, yoe) = (ym / 400, ym % 400);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day {
            n: (era * 146_097 + doe).cast_signed() - 305 - DAY_OFFSET,
            y,
            m,
            d,
        }
    }

    pub(super) fn from_date(date: NaiveDate) -> Day {
        Day {
            n: date.num_days_from_ce(),
            y: date.year(),
            m: date.month(),
            d: date.day(),
        }
    }

    pub(super) fn date(self) -> NaiveDate {
        let ordinal =
            BEFORE[self.m as usize - 1] + self.d + u32::from(self.m > 2 && is_leap(self.y));
        NaiveDate::from_yo_opt(self.y, ordinal).unwrap_or(NaiveDate::MAX)
    }

    /// The day before.
    pub(super) fn day_before(self) -> Day {
        let (y, m, d) = match (self.m, self.d) {
            (1, 1) => (self.y - 1, 12, 31),
            (m, 1) => (self.y, m - 1, days_in_month(self.y, m - 1)),
            (m, d) => (self.y, m, d - 1),
        };
        Day {
            n: self.n - 1,
            y,
            m,
            d,
        }
    }

    /// The later of the two days.
    pub(super) fn max(self, other: Day) -> Day {
        if other.n > self.n { other } else { self }
    }

    /// The month `k` months from this one (negative: before), as (year, month).
    pub(super) fn month_shifted(self, k: i32) -> (i32, u32) {
        let t = ((self.y + YEAR_OFFSET) * 12 + self.m.cast_signed() - 1 + k).unsigned_abs();
        ((t / 12).cast_signed() - YEAR_OFFSET, t % 12 + 1)
    }

    /// `k` months later (earlier when negative), clamped to the last day of a shorter month:
    /// [`months_after`](crate::date::months_after) and
    /// [`months_before`](crate::date::months_before).
    #[cfg(test)]
    pub(super) fn months_shifted(self, k: i32) -> Day {
        let (y, m) = self.month_shifted(k);
        Day::from_ymd(y, m, self.d.min(days_in_month(y, m)))
    }

    /// `k` months later (earlier when negative) under `month_end`: clamped as
    /// [`months_shifted`](Day::months_shifted), or rolled over to the first of the next month
    /// when the target month is shorter ([`MonthEnd::RollOver`]).
    pub(super) fn months_shifted_with(self, k: i32, month_end: MonthEnd) -> Day {
        let (y, m) = self.month_shifted(k);
        let days = days_in_month(y, m);
        match month_end {
            MonthEnd::RollOver if self.d > days => {
                let (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                Day::from_ymd(y, m, 1)
            }
            _ => Day::from_ymd(y, m, self.d.min(days)),
        }
    }

    /// `k` days later.
    pub(super) fn days_later(self, k: u32) -> Day {
        let (mut y, mut m, mut d) = (self.y, self.m, self.d + k);
        loop {
            let days = days_in_month(y, m);
            if d <= days {
                break;
            }
            d -= days;
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        Day {
            n: self.n + k.cast_signed(),
            y,
            m,
            d,
        }
    }
}

/// [`crate::date::months_after_with`]: the same dates, with less work (chrono's month arithmetic
/// builds a table of the month lengths on every call). Saturates at [`NaiveDate::MAX`] as it
/// does.
pub(crate) fn months_after_with(date: NaiveDate, n: u32, month_end: MonthEnd) -> NaiveDate {
    if n > 1 << 20 {
        return crate::date::months_after_with(date, n, month_end);
    }
    let day = date.day();
    // Months from the offset's year 0: never negative, and the same leap years.
    let t = (date.year() + YEAR_OFFSET).unsigned_abs() * 12 + date.month0() + n;
    let (year, m0) = (t / 12, t % 12);
    let leap = leap_offset(year);
    let last = days_in_month0(m0, leap);
    let ordinal = BEFORE[m0 as usize] + day.min(last) + u32::from(leap && m0 > 1);
    let year = year.cast_signed() - YEAR_OFFSET;
    // In the same year, the date's own year needs no new flags.
    let clamped = if year == date.year() {
        date.with_ordinal(ordinal)
    } else {
        NaiveDate::from_yo_opt(year, ordinal)
    };
    let Some(clamped) = clamped else {
        return NaiveDate::MAX;
    };
    match month_end {
        // Clamped: roll over to the next day, the first of the next month.
        MonthEnd::RollOver if day > last => clamped.succ_opt().unwrap_or(NaiveDate::MAX),
        _ => clamped,
    }
}

/// [`crate::date::first_of_next_month`], with less work.
pub(crate) fn first_of_next_month(date: NaiveDate) -> NaiveDate {
    let (year, m0) = (date.year(), date.month0());
    let next = if m0 == 11 {
        NaiveDate::from_yo_opt(year + 1, 1)
    } else {
        let leap = leap_offset((year + YEAR_OFFSET).unsigned_abs());
        NaiveDate::from_yo_opt(
            year,
            BEFORE[m0 as usize + 1] + 1 + u32::from(leap && m0 >= 1),
        )
    };
    next.unwrap_or(NaiveDate::MAX)
}

/// The first day of the month after `date`'s and the last day of `date`'s month: the same as
/// [`first_of_next_month`] and the day before it, with ordinal arithmetic within the year (the
/// monthly clocks walk month by month).
pub(crate) fn next_month_and_last_day(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let (year, month) = (date.year(), date.month());
    if month < 12 {
        let last = date.ordinal() - date.day() + days_in_month(year, month);
        if let (Some(last_day), Some(next)) = (date.with_ordinal(last), date.with_ordinal(last + 1))
        {
            return (next, last_day);
        }
    }
    let next = first_of_next_month(date);
    (next, crate::date::days_before(next, 1))
}

/// [`crate::date::days_after`], with less work when the day falls in the same year.
pub(crate) fn days_after(date: NaiveDate, n: u32) -> NaiveDate {
    match date.ordinal().checked_add(n) {
        // Every ordinal up to 365 exists in every year.
        Some(ordinal) if ordinal <= 365 => date
            .with_ordinal(ordinal)
            .unwrap_or_else(|| crate::date::days_after(date, n)),
        _ => crate::date::days_after(date, n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// `next_month_and_last_day` gives the first of the next month and the day before it, on
    /// every day from 1896 to 2204 and at the ends of chrono's range.
    #[test]
    fn next_month_and_last_day_agree_with_first_of_next_month() {
        let mut at = d(1896, 1, 1);
        let mut days = vec![NaiveDate::MIN, NaiveDate::MAX];
        days.extend((1..400).map(|k| date::days_before(NaiveDate::MAX, k)));
        while at < d(2204, 12, 31) {
            days.push(at);
            at = date::days_after(at, 1);
        }
        for date in days {
            let next = first_of_next_month(date);
            assert_eq!(
                next_month_and_last_day(date),
                (next, date::days_before(next, 1)),
                "{date}"
            );
        }
    }

    /// Day numbers, calendar dates and month shifts agree with chrono and `crate::date` on every
    /// day from 1896 to 2204 (the crate's range with room for projections), and around the
    /// Common Era's start.
    #[test]
    fn days_agree_with_chrono() {
        let mut at = d(1896, 1, 1);
        let mut days = vec![];
        while at < d(2204, 12, 31) {
            days.push(at);
            at = date::days_after(at, 1);
        }
        days.extend((-800..800).map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()));
        days.extend([NaiveDate::MIN, NaiveDate::MAX]);
        days.extend((1..60).map(|k| date::days_before(NaiveDate::MAX, k)));
        for date in days {
            let day = Day::from_date(date);
            assert_eq!(
                (day.y, day.m, day.d),
                (date.year(), date.month(), date.day()),
                "{date}"
            );
            assert_eq!(Day::from_n(day.n), day, "{date}");
            assert_eq!(Day::from_ymd(day.y, day.m, day.d), day, "{date}");
            assert_eq!(day.date(), date);
            for k in [1, 17, 29, 30] {
                if let Some(later) = date.checked_add_days(chrono::Days::new(k)) {
                    assert_eq!(
                        day.days_later(k as u32),
                        Day::from_date(later),
                        "{date} + {k}"
                    );
                }
            }
            if (1800..3000).contains(&date.year()) && (date.day() >= 27 || date.day() == 1) {
                for k in [1, 2, 6, 12, 15, 22, 48, 120] {
                    assert_eq!(
                        day.months_shifted(k).date(),
                        date::months_after(date, k as u32)
                    );
                    assert_eq!(
                        day.months_shifted(-k).date(),
                        date::months_before(date, k as u32)
                    );
                }
            }
        }
    }

    /// `months_after_with`, `days_after` and `first_of_next_month` give the dates the
    /// functions of `crate::date` give (under both month-end conventions), on the month-end days
    /// and the first from 1896 to 2204, and at chrono's limits.
    #[test]
    fn the_date_functions_agree_with_the_date_module() {
        let mut at = d(1896, 1, 1);
        let mut days = vec![
            NaiveDate::MIN,
            NaiveDate::MAX,
            date::days_before(NaiveDate::MAX, 45),
        ];
        while at < d(2204, 12, 31) {
            if at.day() >= 27 || at.day() == 1 {
                days.push(at);
            }
            at = date::days_after(at, 1);
        }
        let months = [
            0,
            1,
            2,
            3,
            6,
            11,
            12,
            13,
            15,
            18,
            22,
            48,
            120,
            1_000,
            u32::MAX,
        ];
        let days_later = [0, 1, 14, 30, 60, 180, 300, 365, 366, 1_000, u32::MAX];
        for date in days {
            assert_eq!(
                first_of_next_month(date),
                date::first_of_next_month(date),
                "{date}"
            );
            for n in days_later {
                assert_eq!(
                    days_after(date, n),
                    date::days_after(date, n),
                    "{date} + {n} days"
                );
            }
            for n in months {
                for month_end in [MonthEnd::Clamp, MonthEnd::RollOver] {
                    assert_eq!(
                        months_after_with(date, n, month_end),
                        date::months_after_with(date, n, month_end),
                        "{date} + {n} {month_end:?}"
                    );
                }
            }
        }
    }
}
