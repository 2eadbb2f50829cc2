//! One meaning of "due" across the clock families: the last date the event that meets an
//! obligation may be dated and still be on time. Each test shows the event dated on the due date
//! met, and the same event a day later late (or the obligation overdue).
//!
//! The conventions of `DOMAIN.md` §0.3: "N days after E" = E + N calendar days; "N months after
//! E" = E + N calendar months, clamped.

mod common;

use common::*;
use permanency::timeline::{Consequence, ObligationKind as K, Status};
use permanency::*;

#[test]
fn a_hearing_within_12_months_is_met_on_the_anniversary_and_late_the_day_after() {
    // DEFC 2023-01-10 (adjudicated that day): due 2023-01-10 + 12 months = 2024-01-10.
    let held = |on| {
        case_of(vec![
            removal(d(2023, 1, 10)),
            abuse(d(2023, 1, 10)),
            hearing(on),
        ])
    };
    let obs = held(d(2024, 1, 10)).obligations(d(2024, 2, 1), &FEDERAL);
    let first = all(&obs, K::PermanencyHearing)[0];
    assert_eq!(
        (first.due(), first.status()),
        (d(2024, 1, 10), Status::Met(d(2024, 1, 10)))
    );
    let obs = held(d(2024, 1, 11)).obligations(d(2024, 2, 1), &FEDERAL);
    let first = all(&obs, K::PermanencyHearing)[0];
    assert_eq!(
        (first.due(), first.status()),
        (d(2024, 1, 10), Status::MetLate(d(2024, 1, 11)))
    );
}

#[test]
fn a_move_out_of_a_two_week_institution_is_due_the_first_unpaid_day() {
    // Placed 2024-01-08 in a child-care institution: paid Jan 8 ..= Jan 21, out by 2024-01-22
    // (the move is dated the first day in the next placement).
    let moved = |on| {
        case_of(vec![
            removal(d(2024, 1, 8)),
            begin(d(2024, 1, 8), "C-1", Setting::ChildCareInstitution, None),
            to_foster(on, "P-2"),
        ])
    };
    let obs = moved(d(2024, 1, 22)).obligations(d(2024, 2, 1), &FEDERAL);
    let o = one(&obs, K::CongregateCareLimit);
    assert_eq!(
        (o.due(), o.status(), o.consequence()),
        (d(2024, 1, 22), Status::Met(d(2024, 1, 22)), None)
    );
    let obs = moved(d(2024, 1, 23)).obligations(d(2024, 2, 1), &FEDERAL);
    let o = one(&obs, K::CongregateCareLimit);
    assert_eq!(
        (o.due(), o.status(), o.consequence()),
        (
            d(2024, 1, 22),
            Status::MetLate(d(2024, 1, 23)),
            Some(Consequence::NoPaymentFrom(d(2024, 1, 22)))
        )
    );
}

#[test]
fn the_end_of_care_is_due_on_the_birthday_an_exit_is_dated_the_first_day_out() {
    // The teen is 18 on 2025-09-30: the exit may be dated that day; unrecorded, the obligation
    // is upcoming that day and overdue the next.
    let case = build(teen(), &FEDERAL, vec![removal(d(2023, 1, 10))]);
    let o = case.obligations(d(2025, 9, 30), &FEDERAL);
    let o = one(&o, K::CareEndAge);
    assert_eq!((o.due(), o.status()), (d(2025, 9, 30), Status::Upcoming));
    let o = case.obligations(d(2025, 10, 1), &FEDERAL);
    assert_eq!(one(&o, K::CareEndAge).status(), Status::Overdue);
    // Emancipated on the birthday: out of care on time, nothing owed.
    let out = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2023, 1, 10)),
            discharge(d(2025, 9, 30), ExitReason::Emancipated),
        ],
    );
    none_of(&out.obligations(d(2025, 10, 1), &FEDERAL), K::CareEndAge);
}
