//! Months in care, as the 15-of-22 rule counts them (SSA §475(5)(E); 45 CFR 1356.21(i)): the one
//! implementation of "N months in care", shared by the 15-of-22 clock and the QRTP long-stay
//! totals (SSA §475A(c)(5)).
//!
//! The counting runs on integer day numbers and calendar (year, month, day) triples: each stretch
//! of care is converted once, when it is [pushed](Care::push), and only the answer is turned back
//! into a [`NaiveDate`]. A whole month of a stretch ends on the monthly anniversary of its start
//! under the policy's [`MonthEnd`]: clamped to a shorter month's last day (the crate's
//! [`months_after`](crate::date::months_after)), or rolled over to the next month's first day;
//! the look-back window starts on the same reading of "N months before".

use chrono::NaiveDate;

use super::calendar::{Day, days_in_month};
use crate::date::{MonthEnd, Period};
use crate::policy::MonthCounting;

/// Months of care counted in a set of stretches, as the 15-of-22 rule counts them.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Counted {
    days: u32,
    months: u32,
    leftover: u32,
}

impl Counted {
    /// Days in care.
    pub(crate) fn days(self) -> u32 {
        self.days
    }

    /// Whole calendar months, stretch by stretch.
    pub(crate) fn months(self) -> u32 {
        self.months
    }

    /// The days after each stretch's last whole month, summed.
    pub(crate) fn leftover(self) -> u32 {
        self.leftover
    }
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

/// What one stretch of care `[start, end)` (already cut to the window) counts: its days, its
/// whole calendar months, and the days after the last whole month. A stretch's own leftover never
/// completes a month by itself (at most 29 days): 30 days into a 31-day month are not yet a
/// month, so one continuous stretch counts exactly in calendar months and N months are complete
/// on the last day of the Nth month.
#[inline]
fn count_one(start: Day, end: Day, month_end: MonthEnd) -> Counted {
    if end.n <= start.n {
        return Counted::default();
    }
    // The whole months: the calendar months between, less one when the `guess`th anniversary of
    // `start` (clamped, or rolled over to the next month's first day) is after `end`.
    let guess = (end.y - start.y) * 12 + end.m.cast_signed() - start.m.cast_signed();
    let guess = guess.unsigned_abs();
    let roll = month_end == MonthEnd::RollOver;
    let end_days = days_in_month(end.y, end.m);
    let on = start.d.min(end_days);
    let (months, leftover) = if on <= end.d && !(roll && start.d > end_days) {
        (guess, end.d - on)
    } else {
        // The last whole month ends in the month before `end`'s (`guess >= 1`: the same month
        // would have `on = start.d < end.d`), or, rolled over from it, on the first of `end`'s.
        let (y, m) = end.month_shifted(-1);
        let days = days_in_month(y, m);
        let leftover = if roll && start.d > days {
            end.d - 1
        } else {
            days - start.d.min(days) + end.d
        };
        (guess - 1, leftover)
    };
    Counted {
        days: (end.n - start.n).unsigned_abs(),
        months,
        leftover: leftover.min(29),
    }
}

/// One stretch of care, what it counts whole and what the stretches before it count whole.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Stretch {
    start: Day,
    end: Day,
    whole: Counted,
    /// What the stretches before this one (in its [`Care`]) count whole.
    before: Counted,
}

/// Stretches of care in order, each converted once, with the running totals of what they count
/// whole, so that the count inside any window costs a binary search and two stretches cut at its
/// edges — never a pass over every stretch. The first few are held inline: most cases have no
/// more, and need no allocation.
#[derive(Debug, Default)]
pub(crate) struct Care {
    /// What "N months after" gives in a shorter month, for the whole months of each stretch.
    month_end: MonthEnd,
    len: usize,
    inline: [Stretch; Care::INLINE],
    /// Every stretch, once there are more than fit inline.
    spilled: Vec<Stretch>,
}

impl Stretch {
    /// Its first day.
    pub(crate) fn start(&self) -> NaiveDate {
        self.start.date()
    }

    /// The first day after it.
    pub(crate) fn end(&self) -> NaiveDate {
        self.end.date()
    }
}

impl Care {
    const INLINE: usize = 8;

    /// No stretches yet, counted under `month_end`.
    pub(crate) fn new(month_end: MonthEnd) -> Care {
        Care {
            month_end,
            ..Care::default()
        }
    }

    /// The month-end convention the stretches are counted under.
    pub(crate) fn month_end(&self) -> MonthEnd {
        self.month_end
    }

    /// Adds `p`, which starts no earlier than the last stretch ends.
    pub(crate) fn push(&mut self, p: Period) {
        let before = self
            .stretches()
            .last()
            .map_or_else(Counted::default, |s| s.before + s.whole);
        let (start, end) = (Day::from_date(p.start()), Day::from_date(p.end()));
        let stretch = Stretch {
            start,
            end,
            whole: count_one(start, end, self.month_end),
            before,
        };
        debug_assert!(
            self.stretches()
                .last()
                .is_none_or(|s| s.end.n <= stretch.start.n)
        );
        if self.len < Care::INLINE {
            self.inline[self.len] = stretch;
        } else {
            if self.spilled.is_empty() {
                self.spilled.extend_from_slice(&self.inline);
            }
            self.spilled.push(stretch);
        }
        self.len += 1;
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The stretches, in order.
    pub(crate) fn stretches(&self) -> &[Stretch] {
        if self.len <= Care::INLINE {
            &self.inline[..self.len]
        } else {
            &self.spilled
        }
    }
}

/// What the stretches count inside the window `[from, to)` (`from <= to`): what
/// [`first_day_reaching`] counts, one window at a time.
pub(crate) fn count(stretches: &[Stretch], from: Day, to: Day, month_end: MonthEnd) -> Counted {
    // The stretches that overlap the window: `i..j`.
    let i = stretches.partition_point(|x| x.end.n <= from.n);
    let j = stretches.partition_point(|x| x.start.n < to.n);
    if i >= j {
        return Counted::default();
    }
    let cut = |k: usize| {
        let s = &stretches[k];
        let start = if s.start.n < from.n { from } else { s.start };
        let end = if s.end.n > to.n { to } else { s.end };
        count_one(start, end, month_end)
    };
    if j - i == 1 {
        return cut(i);
    }
    // The first and last are cut at the window's edges; those between count whole.
    cut(i) + (stretches[j - 1].before - stretches[i + 1].before) + cut(j - 1)
}

/// The day `first_day_reaching` found, and the first day of care counted toward it: the start of
/// the first stretch inside the window that ends on it (cut at the window's start).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reached {
    pub(crate) day: NaiveDate,
    pub(crate) from: NaiveDate,
}

/// The first day `D` inside `stretches` on which the care counted through `D` — within the
/// `window` months ending on `D`, when there is a window — reaches `n` months under `counting`.
/// The one implementation of "N months in care", shared by the 15-of-22 clock and the QRTP
/// long-stay totals.
///
/// Each step counts the window ending on a candidate day (a binary search and two cut stretches)
/// and, when the count falls short, moves to the first day on which it would reach `n` were the
/// window's start to stay where it is. Moving the start later only ever drops care (and never
/// raises the count: a whole month dropped frees at most 29 leftover days), so no day before that
/// one can reach `n`, and a step never overshoots the true first day. When the window ending on
/// that day has dropped nothing, the count there is the one foreseen and the search ends without
/// counting again. The cost grows with the number of stretches and of the windows that drop care,
/// not with the stretches' lengths.
pub(crate) fn first_day_reaching(
    stretches: &[Stretch],
    n: u32,
    counting: MonthCounting,
    window: Option<u32>,
    month_end: MonthEnd,
) -> Option<Reached> {
    let first = stretches.first()?.start;
    // The window that ends the day before `to` starts on `window_start(to)`.
    let window = window.map(u32::cast_signed);
    let window_start = |to: Day| window.map_or(first, |w| to.months_shifted_with(-w, month_end));
    // The days the day-counting readings need: n × 30, or n × 30.4375 rounded up (15 months =
    // 457 days).
    let days_needed = match counting {
        MonthCounting::ThirtyDays => 30 * n,
        MonthCounting::AverageMonth => (n * 304_375).div_ceil(10_000),
        MonthCounting::CalendarMonths => 0,
    };
    let reaches = |c: Counted| match counting {
        MonthCounting::ThirtyDays | MonthCounting::AverageMonth => c.days >= days_needed,
        MonthCounting::CalendarMonths => c.months + c.leftover / 30 >= n,
    };
    for (k, s) in stretches.iter().enumerate() {
        // No window counts more than every stretch through this one, whole: skip a stretch that
        // cannot reach the count even so (or holds no day).
        if s.end.n <= s.start.n || !reaches(s.before + s.whole) {
            continue;
        }
        // The candidate day is the one before `to`, inside stretch `k`: the stretches the window
        // overlaps are `i..=k`.
        let mut to = s.start.days_later(1);
        let mut from = window_start(to);
        loop {
            let i = stretches[..=k].partition_point(|x| x.end.n <= from.n);
            // The count, split into the stretches before `k` (from the first day counted, in
            // stretch `i`) and stretch `k` from `start` to `to`.
            let si = &stretches[i];
            let first_counted = si.start.max(from);
            let (earlier, start) = if i < k {
                let whole = s.before - stretches[i + 1].before;
                (count_one(first_counted, si.end, month_end) + whole, s.start)
            } else {
                (Counted::default(), first_counted)
            };
            let total = earlier + count_one(start, to, month_end);
            // Were the window's start to stay, the first end on which the count reaches `n`.
            let next = match counting {
                MonthCounting::ThirtyDays | MonthCounting::AverageMonth => {
                    // At most one more day counts per day.
                    match days_needed.checked_sub(total.days) {
                        None | Some(0) => None,
                        Some(short) => Some(Day::from_n(to.n + short.cast_signed())),
                    }
                }
                MonthCounting::CalendarMonths => {
                    (!reaches(total)).then(|| next_calendar_candidate(earlier, start, n, month_end))
                }
            };
            let Some(next) = next else {
                return Some(Reached {
                    day: to.day_before().date(),
                    from: first_counted.date(),
                });
            };
            debug_assert!(next.n > to.n, "a step must move forward");
            if next.n > s.end.n {
                // Not inside this stretch.
                break;
            }
            to = next;
            from = window_start(to);
            if from.n <= first_counted.n {
                // The window still holds every day counted: the count is the one foreseen.
                return Some(Reached {
                    day: to.day_before().date(),
                    from: first_counted.date(),
                });
            }
        }
    }
    None
}

/// Under calendar months, the first window end `E` on which care counted as `earlier` plus the
/// stretch `[start, E)` reaches `n` months: either `start` plus the missing whole months, or one
/// month fewer and enough leftover days to complete a month with the leftover of `earlier`. The
/// count as `E` moves later never drops, so the earlier of the two is the first.
fn next_calendar_candidate(earlier: Counted, start: Day, n: u32, month_end: MonthEnd) -> Day {
    // earlier + [start, E) counts `earlier.months + m + (earlier.leftover + l) / 30` for the
    // stretch's `m` whole months and `l` leftover days (`l <= 29`); with `q, r` the quotient and
    // remainder of `earlier.leftover` by 30, that is `earlier.months + q + m + [l >= 30 - r]`.
    let (q, r) = (earlier.leftover / 30, earlier.leftover % 30);
    // `t >= 1`: the count fell short.
    let t = n.saturating_sub(earlier.months + q).max(1).cast_signed();
    let whole = start.months_shifted_with(t, month_end);
    if r == 0 {
        return whole;
    }
    // One month fewer and 30 - r leftover days (at most 29, so the cap does not bite).
    let partial = start
        .months_shifted_with(t - 1, month_end)
        .days_later(30 - r);
    if partial.n < whole.n { partial } else { whole }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{self, MonthEnd};
    use chrono::Datelike;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            let x = &mut self.0;
            *x ^= *x << 13;
            *x ^= *x >> 7;
            *x ^= *x << 17;
            *x % n
        }
    }

    fn care(stretches: &[Period], month_end: MonthEnd) -> Care {
        let mut care = Care::new(month_end);
        for s in stretches {
            care.push(*s);
        }
        care
    }

    /// `n` months after `date` under `month_end`, and `n` months before.
    fn shift(date: NaiveDate, n: i32, month_end: MonthEnd) -> NaiveDate {
        match (n >= 0, month_end) {
            (true, _) => date::months_after_with(date, n.unsigned_abs(), month_end),
            (false, MonthEnd::Clamp) => date::months_before(date, n.unsigned_abs()),
            (false, MonthEnd::RollOver) => {
                let back = date::months_before(date, n.unsigned_abs());
                if back.day() < date.day() {
                    // The target month is shorter: the first of the month after it.
                    date::first_of_next_month(back)
                } else {
                    back
                }
            }
        }
    }

    /// The reference: `count_one` on dates, with the crate's calendar functions — the most
    /// months `m` whose anniversary (`start` + `m` months under `month_end`) is not after the end.
    fn count_dates(p: Period, month_end: MonthEnd) -> (u32, u32, u32) {
        if p.days() == 0 {
            return (0, 0, 0);
        }
        let mut whole = 0;
        while shift(p.start(), whole + 1, month_end) <= p.end() {
            whole += 1;
        }
        let whole_end = shift(p.start(), whole, month_end);
        let leftover = u32::try_from(date::days_between(whole_end, p.end())).unwrap_or(0);
        (p.days(), whole.unsigned_abs(), leftover.min(29))
    }

    /// `count_one` on day numbers equals the reading with the crate's calendar functions.
    #[test]
    fn count_one_agrees_with_the_calendar_functions() {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        for _ in 0..200_000 {
            let start = date::days_after(d(1999, 1, 1), rng.below(3_000) as u32);
            let end = date::days_after(start, rng.below(800) as u32);
            let p = Period::new(start, end).unwrap();
            for me in [MonthEnd::Clamp, MonthEnd::RollOver] {
                let c = count_one(Day::from_date(start), Day::from_date(end), me);
                assert_eq!(
                    (c.days, c.months, c.leftover),
                    count_dates(p, me),
                    "{p:?} {me:?}"
                );
            }
        }
    }

    /// Random stretches: gaps of a few days to months, lengths of days to years, often starting
    /// or ending at a month's end, some projected with each month-end convention.
    fn random_stretches(rng: &mut Rng, shape: usize) -> Vec<Period> {
        let mut stretches = Vec::new();
        let mut at = date::days_after(d(2018, 1, 1), rng.below(60) as u32);
        let gap = [3, 40, 200][shape % 3];
        let len = [40, 120, 500][(shape / 3) % 3];
        for _ in 0..1 + rng.below(12) {
            let mut start = date::days_after(at, rng.below(gap) as u32);
            if rng.below(4) == 0 {
                // The last day of its month.
                start = date::days_before(date::first_of_next_month(start), 1);
            }
            let end = match rng.below(4) {
                0 => {
                    let month_end = [MonthEnd::Clamp, MonthEnd::RollOver][rng.below(2) as usize];
                    date::months_after_with(start, 1 + rng.below(16) as u32, month_end)
                }
                _ => date::days_after(start, 1 + rng.below(len) as u32),
            };
            stretches.push(Period::new(start, end).unwrap());
            at = end;
        }
        stretches
    }

    /// `first_day_reaching` equals a day-by-day search that counts every window from scratch with
    /// the crate's calendar functions, for every counting, windows from none to wider than the
    /// count, and stretches shaped by both month-end conventions.
    #[test]
    fn first_day_reaching_equals_the_day_by_day_search() {
        use crate::policy::MonthCounting as M;
        let mut rng = Rng(0x1234_5678_9ABC_DEF1);
        let mut found = 0;
        for shape in 0..1_500 {
            let stretches = random_stretches(&mut rng, shape);
            let n = 1 + rng.below(15) as u32;
            let window = match rng.below(4) {
                0 => None,
                1 => Some(n),
                2 => Some(22),
                _ => Some(n + rng.below(30) as u32),
            };
            let me = [MonthEnd::Clamp, MonthEnd::RollOver][shape % 2];
            let care = care(&stretches, me);
            for counting in [M::CalendarMonths, M::ThirtyDays, M::AverageMonth] {
                let fast = first_day_reaching(care.stretches(), n, counting, window, me);
                let first = stretches[0].start();
                let mut naive = None;
                'search: for s in &stretches {
                    let mut day = s.start();
                    while day < s.end() {
                        let end = date::days_after(day, 1);
                        let start = window.map_or(first, |w| shift(end, -w.cast_signed(), me));
                        let window = Period::new(start, end).unwrap();
                        let (days, months, leftover) = stretches
                            .iter()
                            .map(|s| count_dates(s.intersection(&window), me))
                            .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
                        let reached = match counting {
                            M::CalendarMonths => months + leftover / 30 >= n,
                            M::ThirtyDays => days >= 30 * n,
                            M::AverageMonth => days >= (n * 304_375).div_ceil(10_000),
                        };
                        if reached {
                            let from = stretches
                                .iter()
                                .find(|s| s.end() > start)
                                .map_or(start, |s| s.start().max(start));
                            naive = Some(Reached { day, from });
                            break 'search;
                        }
                        day = date::days_after(day, 1);
                    }
                }
                found += usize::from(naive.is_some());
                assert_eq!(
                    fast, naive,
                    "{counting:?} {me:?}, {n} of {window:?} in {stretches:?}"
                );
            }
        }
        // Most searches reach the count.
        assert!(found > 2_200, "{found}");
    }

    /// The windowed count with running totals equals the plain sum over every stretch, for
    /// windows that cut stretches, hold them whole, or miss them.
    #[test]
    fn windowed_count_equals_the_sum_over_every_stretch() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..200 {
            let mut stretches = Vec::new();
            let mut at = d(2018, 1, 1);
            for _ in 0..1 + rng.below(12) {
                let start = date::days_after(at, rng.below(90) as u32);
                let end = date::days_after(start, 1 + rng.below(400) as u32);
                stretches.push(Period::new(start, end).unwrap());
                at = end;
            }
            let me = [MonthEnd::Clamp, MonthEnd::RollOver][rng.below(2) as usize];
            let care = care(&stretches, me);
            for _ in 0..20 {
                let ws = date::days_after(d(2017, 6, 1), rng.below(3000) as u32);
                let we = date::days_after(ws, rng.below(900) as u32).min(at);
                let window = Period::new(ws.min(we), we).unwrap();
                let plain = stretches
                    .iter()
                    .map(|s| count_dates(s.intersection(&window), me))
                    .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
                let fast = count(
                    care.stretches(),
                    Day::from_date(window.start()),
                    Day::from_date(window.end()),
                    me,
                );
                assert_eq!(
                    (fast.days, fast.months, fast.leftover),
                    plain,
                    "{stretches:?} in {window:?}"
                );
            }
        }
    }
}
