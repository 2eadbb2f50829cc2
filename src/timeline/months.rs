//! Months in care, as the 15-of-22 rule counts them (SSA §475(5)(E); 45 CFR 1356.21(i)): the one
//! implementation of "N months in care", shared by the 15-of-22 clock and the QRTP long-stay
//! totals (SSA §475A(c)(5)).

use chrono::NaiveDate;

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
}
