//! The federal clocks: every obligation a case owes, derived from its history as of a date.
//!
//! [`Case::obligations`] reads only the case's events dated on or before `as_of`, the policy and
//! `as_of` itself: the same three inputs always give the same list. Each [`Obligation`] carries
//! its kind, the date it counts from, the date it is due, its [`Status`], its
//! [`RuleId`](crate::RuleId) and citation, and the [`Consequence`] the law attaches once it is
//! missed.
//!
//! Each kind of obligation is derived by exactly one clock, either for each removal episode or
//! once for the whole case; the list is then ordered by due date, and by kind on the same day.
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
//! | TPR petition at 15 of 22 months | end of the 15th month in care (again for a re-entry after a petition; explained by [`Case::tpr_count`]) | SSA §475(5)(E); 45 CFR 1356.21(i) |
//! | TPR petition, abandoned infant / felony ground | determination + 60 days | SSA §475(5)(E) |
//! | voluntary placement best interests | the 180th day of the placement | SSA §472(e) |
//! | trial home visit limit | back in care or discharged by visit start + 6 months, or the day after the court's date | 45 CFR 1356.21(e) |
//! | QRTP assessment / court approval | placement start + 30 / + 60 days | SSA §475A(c)(1)–(2) |
//! | QRTP transition after disapproval | out by the 31st day from the determination | SSA §472(k)(3)(B) |
//! | QRTP long stay approval | 12 consecutive / 18 total months (6 under age 13) | SSA §475A(c)(5) |
//! | congregate-care two weeks | out of a non-specified child-care institution by day 15 (paid through day 14) | SSA §472(k)(1) |
//! | Family First prevention period | closed (removal, closure or new candidacy) by candidacy + 12 months | SSA §471(e)(1) |
//! | transition services (14), APPLA eligibility (16), transition plan (90 days before 18), end of care (18 or extended age) | birthdays | SSA §475(1)(D), §475(5)(C)(i), §475(5)(H), §475(8) |
//! | kinship guardianship eligibility | 6 months in the relative's licensed home; at a discharge with assistance, every condition | SSA §473(d)(3)(A) |
//! | a removal after care ended (not a title IV-E child) | flagged on the removal | SSA §475(8) |
//! | a caseworker visit each full month in care; the majority in the residence | the month's last day | SSA §424(e)(2); §422(b)(17) |
//! | an out-of-state placement visited | every 6 months from the start and each visit | SSA §475(5)(A)(ii) |
//! | a missing child reported to law enforcement and NCMEC | the day after the child went missing | SSA §471(a)(35)(B) |
//! | on return: factors of the absence, sex-trafficking screening | the day of the return | SSA §471(a)(35)(A) |
//! | APPLA documentation at each permanency hearing (efforts, the child asked, compelling reasons, prudent parent) | the hearing day | SSA §475A(a)(1)–(3) |
//! | the adoption assistance agreement | the day before the final decree | 45 CFR 1356.40(b)(1) |
//! | a license in force for a foster family home | the placement's first day, or the day after a license lapses | SSA §472(c)(1); 45 CFR 1355.20 |

mod ages;
mod asfa;
pub(crate) mod calendar;
mod connections;
mod engine;
mod ffpsa;
mod icwa;
mod months;
mod payments;
mod report;
mod supports;
mod tpr;
mod types;
mod visits;
mod wellbeing;

pub use report::ObligationReport;
pub use tpr::{CountedStretch, ExcludedStretch, TprCount};
pub use types::{
    Consequence, KinshipCondition, Obligation, ObligationKind, ObligationRow, Status, Waiver,
};

use chrono::NaiveDate;

use crate::case::Case;
use crate::policy::Policy;
use engine::{CASE_CLOCKS, EPISODE_CLOCKS, EpisodeView, View, checked};

/// The order of an obligation: by due date, then kind, packed in one non-negative integer (the
/// year, the day of the year, the kind).
fn sort_key(o: &Obligation) -> u64 {
    use chrono::Datelike;
    const _: () = assert!(ObligationKind::ALL.len() <= 1 << 8, "a kind fits in 8 bits");
    let due = o.due();
    // Years run from -262144 to 262143 (chrono's range): shifted, they are not negative.
    let year = u64::from((due.year() + (1 << 18)).unsigned_abs());
    (year << 17) | (u64::from(due.ordinal()) << 8) | o.kind() as u64
}

/// Sorts `out` by due date and then kind, keeping the order they were derived in for the same
/// day and kind (a stable sort). The obligations themselves are not compared: each packed key
/// takes its obligation's position in its low bits (so keys are unique and their order is the
/// stable one), the keys alone are sorted, and the obligations are then moved once each to their
/// places, following the permutation's cycles. The lists are mostly in order: one pass over the
/// keys finds that, and nothing moves.
fn sort_by_due(out: &mut [Obligation]) {
    /// The bits of a key that hold the position (the packed sort key needs 36 of the other 44).
    const POSITION_BITS: u32 = 24;
    const INLINE: usize = 64;
    let n = out.len();
    if n < 2 {
        return;
    }
    if n >= 1 << POSITION_BITS {
        out.sort_by_key(sort_key);
        return;
    }
    let key = |(i, o): (usize, &Obligation)| (sort_key(o) << POSITION_BITS) | i as u64;
    let mut inline = [0u64; INLINE];
    let mut heap = Vec::new();
    let keys: &mut [u64] = if n <= INLINE {
        for (k, io) in inline.iter_mut().zip(out.iter().enumerate()) {
            *k = key(io);
        }
        &mut inline[..n]
    } else {
        heap.extend(out.iter().enumerate().map(key));
        &mut heap
    };
    if keys.is_sorted() {
        return;
    }
    // The keys are unique: the unstable sort gives the stable order.
    keys.sort_unstable();
    // `keys[i]` now names the position whose obligation goes to `i`. Each cycle of that
    // permutation is carried out by swaps along it; a position done is marked by naming itself.
    let mask = (1u64 << POSITION_BITS) - 1;
    let from = |k: u64| (k & mask) as usize;
    for start in 0..n {
        let mut at = start;
        loop {
            let src = from(keys[at]);
            keys[at] = at as u64;
            if src == start {
                break;
            }
            out.swap(at, src);
            at = src;
        }
    }
}

impl Case {
    /// The date the child is considered to have entered foster care (DEFC) in episode number
    /// `episode` (1 for the first removal), as known on `as_of`, or `None` when the case has no
    /// such episode by then: the earlier of the first judicial finding of abuse or neglect and
    /// the date 60 days after removal (SSA §475(5)(F); 45 CFR 1355.20), never before the removal;
    /// or the removal date when the policy's [`DefcRule`](crate::policy::DefcRule) says the agency
    /// uses it. A finding made before the removal (after the previous episode's exit, or the
    /// case's start) is the episode's and sets DEFC to the removal date; an abandoned-infant
    /// adjudication counts as a finding of neglect.
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
        // Room for what most cases owe (a few obligations per episode, and more for the reviews,
        // hearings and findings of a long one) in one allocation.
        let mut out = Vec::with_capacity(16 + view.events.len() / 2);
        for (i, episode) in view.episodes().iter().enumerate() {
            let ep = EpisodeView::new(&view, episode, i);
            for (kind, derive) in EPISODE_CLOCKS {
                checked(kind, &mut out, |out| derive(&ep, out));
            }
        }
        for (kind, derive) in CASE_CLOCKS {
            checked(kind, &mut out, |out| derive(&view, out));
        }
        // The law in force: nothing is owed under a law whose clock starts before it took effect,
        // or that was repealed by the day it would be due.
        out.retain(|o| {
            o.kind().law().is_none_or(|law| {
                law.effective(policy) <= o.counts_from()
                    && law.repealed().is_none_or(|until| o.due() < until)
            })
        });
        sort_by_due(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `sort_by_due` puts obligations in the order a stable sort by (due date, kind) does: many
    /// ties of date and of kind, lengths up to past the inline limit, each obligation told apart
    /// by its episode number (its position before the sort).
    #[test]
    fn sort_by_due_is_the_stable_sort_by_date_and_kind() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        let base = NaiveDate::from_ymd_opt(2023, 12, 25).unwrap();
        for round in 0..3_000 {
            let len = if round < 2_900 {
                next(34)
            } else {
                30 + next(50)
            };
            let (days, kinds) = (1 + next(20), 1 + next(6));
            let mut out: Vec<Obligation> = (0..len)
                .map(|i| {
                    let due = crate::date::days_after(base, next(days) as u32);
                    let kind = ObligationKind::ALL[next(kinds) as usize];
                    let episode = Some(u32::try_from(i).unwrap());
                    Obligation::new(kind, episode, base, due, Status::Upcoming)
                })
                .collect();
            let mut stable = out.clone();
            stable.sort_by_key(|o| (o.due(), o.kind()));
            sort_by_due(&mut out);
            assert_eq!(out, stable);
        }
    }
}
