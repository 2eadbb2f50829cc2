//! One reading of a trial home visit's limit (45 CFR 1356.21(e)): for any set of court orders
//! extending (or shortening) a visit, the guard that refuses a late return, the fold that ends an
//! over-long visit's episode and the clock that reports the visit's due date all give the same
//! first day beyond the authorized period.
//!
//! The expected limit is computed here from the orders themselves: the latest order accepted
//! governs; the period is the visit start + 6 months, or the day after the governing order's
//! last day when that is later.

mod common;

use chrono::{Days, Months, NaiveDate};
use common::*;
use permanency::timeline::ObligationKind;
use permanency::*;
use proptest::prelude::*;

/// A visit begun on 2024-01-15 (after a removal on 2023-09-01) and the orders offered: each
/// `(days after the visit start it is made, days after its own date it runs to)`.
fn orders() -> impl Strategy<Value = Vec<(u64, u64)>> {
    proptest::collection::vec((0u64..400, 0u64..400), 0..6)
}

const START: (i32, u32, u32) = (2024, 1, 15);

fn start() -> NaiveDate {
    d(START.0, START.1, START.2)
}

/// The first day beyond, worked out from the accepted orders: 2024-01-15 + 6 months =
/// 2024-07-15 unless the latest order's last day + 1 is later.
fn expected_beyond(accepted: &[NaiveDate]) -> NaiveDate {
    let limit = start().checked_add_months(Months::new(6)).unwrap();
    match accepted.last() {
        Some(until) => limit.max(*until + Days::new(1)),
        None => limit,
    }
}

/// Builds the visiting case and applies each order in date order; returns the case and the
/// `until` of every order accepted. An order is offered on `max(previous order, start + days)`.
fn visiting_with(offers: &[(u64, u64)]) -> (Case, Vec<NaiveDate>) {
    let mut case = open_case();
    accept(&mut case, removal(d(2023, 9, 1)), &FEDERAL);
    accept(
        &mut case,
        begin(
            d(2023, 9, 1),
            "P-1",
            Setting::NonRelativeFosterHome,
            Some("F-FOSTER"),
        ),
        &FEDERAL,
    );
    accept(&mut case, visit(start(), "P-2"), &FEDERAL);
    let mut accepted = Vec::new();
    let mut on = start();
    let mut sorted = offers.to_vec();
    sorted.sort_unstable();
    for (after, runs) in sorted {
        on = on.max(start() + Days::new(after));
        let until = on + Days::new(runs);
        if case.apply(extended(on, until), &FEDERAL).is_ok() {
            accepted.push(until);
        }
    }
    (case, accepted)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn guard_fold_and_clock_read_the_same_limit(offers in orders(), late in 0u64..60) {
        let (case, accepted) = visiting_with(&offers);
        let beyond = expected_beyond(&accepted);
        let last_order = case.events().last().unwrap().date();
        prop_assert_eq!(case.visit_extended_until(), accepted.last().copied());

        // The guard: a return on `beyond` is in time, the day after is a new removal.
        let on_time = beyond.max(last_order);
        if on_time == beyond {
            prop_assert!(case.check(&visit_ended(beyond, "P-3"), &FEDERAL).is_ok());
        }
        let too_late = (beyond + Days::new(1 + late)).max(last_order);
        let refused = case.check(&visit_ended(too_late, "P-3"), &FEDERAL).unwrap_err();
        prop_assert_eq!(refused.rules().collect::<Vec<_>>(), [RuleId::VisitOutlivedLimit]);

        // The clock, as of the late date: due on `beyond`.
        let obligations = case.obligations(too_late, &FEDERAL);
        let limit = obligations
            .iter()
            .find(|o| o.kind() == ObligationKind::TrialHomeVisitLimit)
            .unwrap();
        prop_assert_eq!(limit.due(), beyond);

        // The fold: the removal that shows the visit outlived its limit ends the episode in
        // reunification on `beyond` (the federal policy's reading).
        let mut reentered = case.clone();
        reentered.apply(removal(too_late), &FEDERAL).unwrap();
        let first = &reentered.episodes()[0];
        prop_assert_eq!(
            first.exit(),
            Some(EpisodeExit::new(beyond, ExitReason::Reunified))
        );
        // And the clock agrees after the fold too.
        let after = reentered.obligations(too_late, &FEDERAL);
        let limit = after
            .iter()
            .find(|o| o.kind() == ObligationKind::TrialHomeVisitLimit)
            .unwrap();
        prop_assert_eq!(limit.due(), beyond);
    }
}

/// The case the issue reported: extended to 2024-12-31, then a later order through 2024-09-30.
/// The later order governs: the first day beyond is 2024-09-30 + 1 = 2024-10-01, for the guard
/// and the clock alike.
#[test]
fn a_later_order_that_shortens_the_visit_governs_everywhere() {
    let (mut case, _) = visiting_with(&[]);
    accept(
        &mut case,
        extended(d(2024, 7, 1), d(2024, 12, 31)),
        &FEDERAL,
    );
    accept(
        &mut case,
        extended(d(2024, 8, 15), d(2024, 9, 30)),
        &FEDERAL,
    );
    assert_eq!(case.visit_extended_until(), Some(d(2024, 9, 30)));
    let r = refuse(&mut case, visit_ended(d(2024, 11, 1), "P-3"), &FEDERAL);
    assert_eq!(
        message(&r, 0),
        "the trial home visit begun 2024-01-15 outlived its limit on 2024-10-01; a return on 2024-11-01 is a new removal: record a removal with new findings"
    );
    let obligations = case.obligations(d(2024, 11, 1), &FEDERAL);
    let limit = one(&obligations, ObligationKind::TrialHomeVisitLimit);
    assert_eq!(limit.due(), d(2024, 10, 1));
    assert_eq!(limit.status(), permanency::timeline::Status::Overdue);
}
