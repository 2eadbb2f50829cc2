//! Scenario tests for the Family First clocks of `Case::obligations` (`src/timeline/ffpsa.rs`):
//! QRTP assessment, court approval, transition and long stays; the two-week congregate-care
//! payment limit; supervised independent living before 18; the prevention period.
//!
//! Each expected date is worked out by hand beside it with the conventions of `DOMAIN.md` §0.3:
//!
//! - "N days after E" = E + N calendar days;
//! - "N months after E" = E + N calendar months, clamped to the last day of a shorter month;
//! - "by the end of the Nth month" = (E + N months, clamped) − 1 day;
//! - "the first N days" / "an N-day period that begins on D" = D ..= D + N − 1.
//!
//! Each test asserts the due date, the status, the date counted from, the rule and the consequence
//! the law attaches. The cast (the child, `teen()`, the clock families F-BIRTH, F-REL, F-FOSTER)
//! and the event builders are in `tests/common/mod.rs`.

mod common;

use common::*;
use permanency::policy::PreventionRenewal;
use permanency::timeline::{Consequence, ObligationKind as K, Status};
use permanency::*;

// ================================================================================================
// Family First: QRTP, congregate care, supervised independent living, prevention

/// The teen removed 2024-01-01 and placed in QRTP Q-1 on 2024-01-10.
fn in_qrtp(child: Child, more: Vec<Event>) -> Case {
    let mut events = vec![removal(d(2024, 1, 1)), qrtp(d(2024, 1, 10), "Q-1")];
    events.extend(more);
    build(child, &FEDERAL, events)
}

#[test]
fn qrtp_assessment_within_30_days_and_court_approval_within_60() {
    let case = in_qrtp(
        teen(),
        vec![
            assessed(d(2024, 2, 9), "Q-1", QrtpAssessment::Appropriate),
            finding(
                d(2024, 3, 1),
                Finding::QrtpApproved {
                    placement: plid("Q-1"),
                },
            ),
        ],
    );
    let obs = case.obligations(d(2024, 4, 1), &FEDERAL);
    // 2024-01-10 + 30 days: 21 days to Jan 31, 9 more -> 2024-02-09.
    let o = one(&obs, K::QrtpAssessment);
    expect(
        o,
        RuleId::QrtpAssessment,
        d(2024, 1, 10),
        d(2024, 2, 9),
        Status::Met(d(2024, 2, 9)),
        None,
    );
    assert_eq!(o.subject(), Some(&placement("Q-1")));
    // 2024-01-10 + 60 days: 21 to Jan 31, 29 in Feb 2024 (50), 10 more -> 2024-03-10.
    let o = one(&obs, K::QrtpCourtApproval);
    expect(
        o,
        RuleId::QrtpCourtApproval,
        d(2024, 1, 10),
        d(2024, 3, 10),
        Status::Met(d(2024, 3, 1)),
        None,
    );
    assert_eq!(o.subject(), Some(&placement("Q-1")));
    // A QRTP is a specified setting: no two-week limit; an appropriate assessment needs no
    // transition.
    none_of(&obs, K::CongregateCareLimit);
    none_of(&obs, K::QrtpTransition);
}

#[test]
fn a_late_qrtp_assessment_costs_the_whole_placement() {
    let late = in_qrtp(
        teen(),
        vec![assessed(d(2024, 2, 10), "Q-1", QrtpAssessment::Appropriate)],
    );
    let obs = late.obligations(d(2024, 3, 1), &FEDERAL);
    expect(
        one(&obs, K::QrtpAssessment),
        RuleId::QrtpAssessment,
        d(2024, 1, 10),
        d(2024, 2, 9),
        Status::MetLate(d(2024, 2, 10)),
        Some(Consequence::IneligibleForPlacement),
    );

    let never = in_qrtp(teen(), vec![]);
    let obs = never.obligations(d(2024, 2, 10), &FEDERAL);
    let o = one(&obs, K::QrtpAssessment);
    assert_eq!(
        (o.status(), o.consequence()),
        (Status::Overdue, Some(Consequence::IneligibleForPlacement))
    );
    assert_eq!(one(&obs, K::QrtpCourtApproval).status(), Status::Upcoming);
    // The court review, due 2024-03-10, is overdue the next day. It used to carry no
    // consequence; but SSA §472(k)(2)(A) and (k)(3) pay a QRTP beyond the first two weeks only
    // when the §475A(c) requirements are met, and the Children's Bureau reads them as no FFP
    // unless the court approves within 60 days (CB PI-18-07; CWPM 8.3B): no payment from
    // 2024-03-11, the day after the due date, while there is no decision.
    let obs = never.obligations(d(2024, 3, 11), &FEDERAL);
    let o = one(&obs, K::QrtpCourtApproval);
    assert_eq!(
        (o.status(), o.consequence()),
        (
            Status::Overdue,
            Some(Consequence::IneligibleBetween {
                from: d(2024, 3, 11),
                until: None
            })
        )
    );
}

#[test]
fn after_a_negative_assessment_payment_lasts_30_days() {
    // The 30-day period that begins 2024-02-01: Feb 1 ..= Mar 1 (February 2024 has 29
    // days); no payment from 2024-03-02 = 2024-02-01 + 30, the day the child must be out by
    // (the due date).
    let stays = in_qrtp(
        teen(),
        vec![assessed(
            d(2024, 2, 1),
            "Q-1",
            QrtpAssessment::NotAppropriate,
        )],
    );
    let obs = stays.obligations(d(2024, 3, 1), &FEDERAL);
    let o = one(&obs, K::QrtpTransition);
    expect(
        o,
        RuleId::QrtpTransition,
        d(2024, 2, 1),
        d(2024, 3, 2),
        Status::Upcoming,
        None,
    );
    assert_eq!(o.subject(), Some(&placement("Q-1")));
    // Still there on 2024-03-02, the due date: not yet overdue (the move may happen that
    // day); on 2024-03-03 it is.
    let obs = stays.obligations(d(2024, 3, 2), &FEDERAL);
    assert_eq!(one(&obs, K::QrtpTransition).status(), Status::Upcoming);
    let obs = stays.obligations(d(2024, 3, 3), &FEDERAL);
    expect(
        one(&obs, K::QrtpTransition),
        RuleId::QrtpTransition,
        d(2024, 2, 1),
        d(2024, 3, 2),
        Status::Overdue,
        Some(Consequence::NoPaymentFrom(d(2024, 3, 2))),
    );

    // Moved out on 2024-03-02: the last day in the QRTP was 2024-03-01, within the period.
    // The status carries the move's date, the first day out.
    let moved = in_qrtp(
        teen(),
        vec![
            assessed(d(2024, 2, 1), "Q-1", QrtpAssessment::NotAppropriate),
            to_foster(d(2024, 3, 2), "P-1"),
        ],
    );
    let obs = moved.obligations(d(2024, 4, 1), &FEDERAL);
    let o = one(&obs, K::QrtpTransition);
    assert_eq!(
        (o.status(), o.consequence()),
        (Status::Met(d(2024, 3, 2)), None)
    );

    let moved_late = in_qrtp(
        teen(),
        vec![
            assessed(d(2024, 2, 1), "Q-1", QrtpAssessment::NotAppropriate),
            to_foster(d(2024, 3, 5), "P-1"),
        ],
    );
    let obs = moved_late.obligations(d(2024, 4, 1), &FEDERAL);
    let o = one(&obs, K::QrtpTransition);
    assert_eq!(
        (o.status(), o.consequence()),
        (
            Status::MetLate(d(2024, 3, 5)),
            Some(Consequence::NoPaymentFrom(d(2024, 3, 2)))
        )
    );
}

#[test]
fn after_a_court_disapproval_payment_lasts_30_days() {
    let case = in_qrtp(
        teen(),
        vec![
            assessed(d(2024, 2, 1), "Q-1", QrtpAssessment::Appropriate),
            finding(
                d(2024, 4, 20),
                Finding::QrtpDisapproved {
                    placement: plid("Q-1"),
                },
            ),
        ],
    );
    // DOMAIN.md's example: the 30 days from 2024-04-20 run 11 days in April (20..30) and 19
    // in May -> through 2024-05-19; out by (due) and no payment from 2024-05-20.
    let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
    expect(
        one(&obs, K::QrtpTransition),
        RuleId::QrtpTransition,
        d(2024, 4, 20),
        d(2024, 5, 20),
        Status::Overdue,
        Some(Consequence::NoPaymentFrom(d(2024, 5, 20))),
    );
    // The disapproval also decided the court review, late (due 2024-03-10).
    assert_eq!(
        one(&obs, K::QrtpCourtApproval).status(),
        Status::MetLate(d(2024, 4, 20))
    );
}

#[test]
fn a_long_qrtp_stay_needs_the_agency_heads_approval() {
    // Age 16: the limit is 12 consecutive months. 2024-01-10 + 12 months = 2025-01-10, less a
    // day -> 2025-01-09, the last day before the stay exceeds 12 months.
    let case = in_qrtp(teen(), vec![]);
    let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
    let o = one(&obs, K::QrtpLongStay);
    expect(
        o,
        RuleId::QrtpLongStay,
        d(2024, 1, 10),
        d(2025, 1, 9),
        Status::Upcoming,
        None,
    );
    assert_eq!(o.subject(), Some(&placement("Q-1")));
    let approved = in_qrtp(
        teen(),
        vec![ev(
            d(2024, 12, 15),
            EventData::QrtpLongStayApproved {
                placement: plid("Q-1"),
            },
        )],
    );
    let obs = approved.obligations(d(2025, 2, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::QrtpLongStay).status(),
        Status::Met(d(2024, 12, 15))
    );

    // Age 7: 6 months. 2024-01-10 + 6 months = 2024-07-10, less a day -> 2024-07-09.
    let case = in_qrtp(child(), vec![]);
    let obs = case.obligations(d(2024, 7, 10), &FEDERAL);
    expect(
        one(&obs, K::QrtpLongStay),
        RuleId::QrtpLongStay,
        d(2024, 1, 10),
        d(2024, 7, 9),
        Status::Overdue,
        None,
    );
}

#[test]
fn separate_qrtp_stays_add_up_to_18_months() {
    let case = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2024, 1, 1)),
            qrtp(d(2024, 1, 1), "Q-1"),
            to_foster(d(2024, 11, 1), "P-1"),
            change(d(2025, 1, 1), "Q-2", Setting::Qrtp, None),
        ],
    );
    let obs = case.obligations(d(2025, 3, 1), &FEDERAL);
    // 10 months (2024-01-01 to 2024-11-01). Q-2 from 2025-01-01 needs 8 more for 18:
    // 2025-09-01, less a day -> 2025-08-31 — before Q-2's own 12 consecutive months
    // (2025-12-31).
    let o = one(&obs, K::QrtpLongStay);
    expect(
        o,
        RuleId::QrtpLongStay,
        d(2024, 1, 1),
        d(2025, 8, 31),
        Status::Upcoming,
        None,
    );
    assert_eq!(o.subject(), Some(&placement("Q-2")));
}

/// A QRTP placement `id` at the facility `facility`.
fn qrtp_at(id: &str, facility: &str) -> NewPlacement {
    np(id, Setting::Qrtp, None)
        .at_facility(FacilityId::new(facility).unwrap())
        .unwrap()
}

#[test]
fn a_runaway_and_a_return_to_the_same_qrtp_do_not_restart_its_clocks() {
    // QRTP Q-1 from 2024-03-01; ran away 2024-03-29; back in the same program on 2024-03-31
    // (a new placement id, Q-1b). A runaway is not a move (CWPM 1.2B.7): one QRTP placement,
    // begun 2024-03-01. Assessment due 2024-03-01 + 30 = 2024-03-31 (30 more days of March);
    // court review due 2024-03-01 + 60 = 2024-03-31 + 30 = 2024-04-30.
    let same = |begun: NewPlacement, back: NewPlacement, more: Vec<Event>| {
        let mut events = vec![
            removal(d(2024, 3, 1)),
            ev(d(2024, 3, 1), EventData::PlacementBegun(begun)),
            ran_away(d(2024, 3, 29), "RA-1"),
            ev(d(2024, 3, 31), EventData::ReturnedFromRunaway(back)),
        ];
        events.extend(more);
        build(teen(), &FEDERAL, events)
    };
    let q1 = || np("Q-1", Setting::Qrtp, None);
    let q1b = || np("Q-1b", Setting::Qrtp, None);
    // Assessed 2024-04-20, 50 days in (30 in March after the 1st, 20 in April): late, and
    // §472(k)(3)(A) withholds payment for the whole placement. (Before the fix, Q-1's
    // obligation was dropped — the child "left" it on 03-29, before 03-31 — and Q-1b had a
    // fresh 30 days from 03-31, met.) Recorded against either stay, it is the placement's.
    for (begun, back) in [
        (q1(), q1b()),
        (qrtp_at("Q-1", "QF-A"), qrtp_at("Q-1b", "QF-A")),
        (qrtp_at("Q-1", "QF-A"), q1b()),
    ] {
        for named in ["Q-1", "Q-1b"] {
            let case = same(
                begun.clone(),
                back.clone(),
                vec![assessed(d(2024, 4, 20), named, QrtpAssessment::Appropriate)],
            );
            let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
            let o = one(&obs, K::QrtpAssessment);
            expect(
                o,
                RuleId::QrtpAssessment,
                d(2024, 3, 1),
                d(2024, 3, 31),
                Status::MetLate(d(2024, 4, 20)),
                Some(Consequence::IneligibleForPlacement),
            );
            assert_eq!(o.subject(), Some(&placement("Q-1")));
            // No decision by 2024-06-01: the review due 2024-04-30 is overdue, no payment from
            // 2024-05-01 (before the fix, Q-1b's own review was due 2024-05-30).
            let o = one(&obs, K::QrtpCourtApproval);
            expect(
                o,
                RuleId::QrtpCourtApproval,
                d(2024, 3, 1),
                d(2024, 4, 30),
                Status::Overdue,
                Some(Consequence::IneligibleBetween {
                    from: d(2024, 5, 1),
                    until: None,
                }),
            );
            assert_eq!(o.subject(), Some(&placement("Q-1")));
        }
    }

    // Found not appropriate on 2024-03-10: paid through the 30-day period 03-10 ..= 04-08, out
    // by 2024-04-09. The runaway on 03-20 and the return on 03-22 did not take the child out of
    // the program (before the fix, the runaway "met" the transition on 03-20).
    let case = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2024, 3, 1)),
            qrtp(d(2024, 3, 1), "Q-1"),
            assessed(d(2024, 3, 10), "Q-1", QrtpAssessment::NotAppropriate),
            ran_away(d(2024, 3, 20), "RA-1"),
            returned(d(2024, 3, 22), "Q-1b", Setting::Qrtp, None),
        ],
    );
    let obs = case.obligations(d(2024, 5, 1), &FEDERAL);
    expect(
        one(&obs, K::QrtpTransition),
        RuleId::QrtpTransition,
        d(2024, 3, 10),
        d(2024, 4, 9),
        Status::Overdue,
        Some(Consequence::NoPaymentFrom(d(2024, 4, 9))),
    );
}

#[test]
fn a_return_to_another_qrtp_after_a_runaway_is_a_new_placement() {
    // Q-1 at QF-A from 2024-03-01, ran away 2024-03-29, back on 2024-03-31 to Q-2 at another
    // program, QF-B: a new QRTP placement with its own clocks. Q-1 owes nothing (the child left
    // it on 03-29, before its assessment was due on 03-31). Q-2: assessment due 2024-03-31 + 30
    // = 2024-04-30 (met by 04-20); review due 2024-03-31 + 60 = 2024-04-30 + 30 = 2024-05-30,
    // overdue on 2024-06-01 with no payment from 2024-05-31.
    let case = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2024, 3, 1)),
            ev(
                d(2024, 3, 1),
                EventData::PlacementBegun(qrtp_at("Q-1", "QF-A")),
            ),
            ran_away(d(2024, 3, 29), "RA-1"),
            ev(
                d(2024, 3, 31),
                EventData::ReturnedFromRunaway(qrtp_at("Q-2", "QF-B")),
            ),
            assessed(d(2024, 4, 20), "Q-2", QrtpAssessment::Appropriate),
        ],
    );
    let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
    let o = one(&obs, K::QrtpAssessment);
    expect(
        o,
        RuleId::QrtpAssessment,
        d(2024, 3, 31),
        d(2024, 4, 30),
        Status::Met(d(2024, 4, 20)),
        None,
    );
    assert_eq!(o.subject(), Some(&placement("Q-2")));
    let o = one(&obs, K::QrtpCourtApproval);
    expect(
        o,
        RuleId::QrtpCourtApproval,
        d(2024, 3, 31),
        d(2024, 5, 30),
        Status::Overdue,
        Some(Consequence::IneligibleBetween {
            from: d(2024, 5, 31),
            until: None,
        }),
    );
    assert_eq!(o.subject(), Some(&placement("Q-2")));
}

#[test]
fn a_court_approval_before_the_assessment_does_not_meet_the_review() {
    // QRTP Q-1 from 2024-03-01; review due 2024-03-01 + 60 = 2024-04-30. The court "approves"
    // on 2024-03-05, before the assessment of 2024-03-20: SSA §475A(c)(2)(A) has the court
    // consider the assessment, which did not exist yet. (Before the fix, the 03-05 order met
    // the review.)
    let history = |more: Vec<Event>| {
        let mut events = vec![
            removal(d(2024, 3, 1)),
            qrtp(d(2024, 3, 1), "Q-1"),
            finding(
                d(2024, 3, 5),
                Finding::QrtpApproved {
                    placement: plid("Q-1"),
                },
            ),
            assessed(d(2024, 3, 20), "Q-1", QrtpAssessment::Appropriate),
        ];
        events.extend(more);
        build(teen(), &FEDERAL, events)
    };
    let approved = |on| {
        finding(
            on,
            Finding::QrtpApproved {
                placement: plid("Q-1"),
            },
        )
    };
    // On 2024-05-15 nothing else: overdue, no payment from 2024-05-01.
    let obs = history(vec![]).obligations(d(2024, 5, 15), &FEDERAL);
    expect(
        one(&obs, K::QrtpCourtApproval),
        RuleId::QrtpCourtApproval,
        d(2024, 3, 1),
        d(2024, 4, 30),
        Status::Overdue,
        Some(Consequence::IneligibleBetween {
            from: d(2024, 5, 1),
            until: None,
        }),
    );
    // A second approval on 2024-04-10, after the assessment, meets it.
    let obs = history(vec![approved(d(2024, 4, 10))]).obligations(d(2024, 5, 15), &FEDERAL);
    let o = one(&obs, K::QrtpCourtApproval);
    assert_eq!(
        (o.status(), o.consequence()),
        (Status::Met(d(2024, 4, 10)), None)
    );
    // An approval on the assessment's own day considered it, whichever the day records first.
    for same_day_first in [true, false] {
        let mut events = vec![removal(d(2024, 3, 1)), qrtp(d(2024, 3, 1), "Q-1")];
        let pair = [
            approved(d(2024, 3, 20)),
            assessed(d(2024, 3, 20), "Q-1", QrtpAssessment::Appropriate),
        ];
        if same_day_first {
            events.extend(pair);
        } else {
            events.extend(pair.into_iter().rev());
        }
        let obs = build(teen(), &FEDERAL, events).obligations(d(2024, 5, 15), &FEDERAL);
        assert_eq!(
            one(&obs, K::QrtpCourtApproval).status(),
            Status::Met(d(2024, 3, 20))
        );
    }
}

#[test]
fn a_missed_court_review_stops_payment_from_the_day_after_it_until_the_approval() {
    // QRTP Q-1 from 2024-03-01, assessed 2024-03-15; review due 2024-03-01 + 60 = 2024-04-30.
    // No FFP unless the court approves within 60 days (SSA §472(k)(2)(A), (k)(3); CB
    // PI-18-07; CWPM 8.3B): from 2024-05-01, the 61st day, until the approval.
    let history = |approved: Option<chrono::NaiveDate>| {
        let mut events = vec![
            removal(d(2024, 3, 1)),
            qrtp(d(2024, 3, 1), "Q-1"),
            assessed(d(2024, 3, 15), "Q-1", QrtpAssessment::Appropriate),
        ];
        events.extend(approved.map(|on| {
            finding(
                on,
                Finding::QrtpApproved {
                    placement: plid("Q-1"),
                },
            )
        }));
        build(teen(), &FEDERAL, events)
    };
    for (approved, status, consequence) in [
        (None, Status::Overdue, Some((d(2024, 5, 1), None))),
        (
            Some(d(2024, 5, 10)),
            Status::MetLate(d(2024, 5, 10)),
            Some((d(2024, 5, 1), Some(d(2024, 5, 10)))),
        ),
        (Some(d(2024, 4, 30)), Status::Met(d(2024, 4, 30)), None),
    ] {
        let obs = history(approved).obligations(d(2024, 6, 1), &FEDERAL);
        expect(
            one(&obs, K::QrtpCourtApproval),
            RuleId::QrtpCourtApproval,
            d(2024, 3, 1),
            d(2024, 4, 30),
            status,
            consequence.map(|(from, until)| Consequence::IneligibleBetween { from, until }),
        );
    }
}

#[test]
fn a_long_stay_approval_covers_the_stays_of_its_own_episode_only() {
    // Born 2010-01-01: 14 in 2024, over 13, so 12 consecutive or 18 total months.
    // Episode 1: Q-1 2024-01-10 .. reunified 2025-03-01; 12 consecutive months end 2025-01-09
    // (2024-01-10 + 12 months = 2025-01-10, less a day), approved 2024-12-20: met.
    // Episode 2: removed again 2025-06-01, Q-2 from 2025-06-01. Q-1 counted 13 months
    // (2024-01-10 .. 2025-02-10) and 19 days (Feb 10 ..= 28, 2025); Q-2 adds 4 months by
    // 2025-10-01 (17 months, 19 days), and 11 more days (Oct 1 ..= 11) make 30 leftover days, a
    // month: 18 months through 2025-10-11, the due date. Q-2's own 12 consecutive months run to
    // 2026-05-31, later. The approval of 2024-12-20 was for the first episode's stay: §475A(c)(5)
    // asks for the head's approval "for the continued placement" on the most recent evidence.
    let teen14 = || child_born(d(2010, 1, 1));
    let history = |more: Vec<Event>| {
        let mut events = vec![
            removal(d(2024, 1, 10)),
            qrtp(d(2024, 1, 10), "Q-1"),
            ev(
                d(2024, 12, 20),
                EventData::QrtpLongStayApproved {
                    placement: plid("Q-1"),
                },
            ),
            discharge(d(2025, 3, 1), ExitReason::Reunified),
            removal(d(2025, 6, 1)),
            qrtp(d(2025, 6, 1), "Q-2"),
        ];
        events.extend(more);
        build(teen14(), &FEDERAL, events)
    };
    let obs = history(vec![]).obligations(d(2025, 12, 1), &FEDERAL);
    let stays = all(&obs, K::QrtpLongStay);
    assert_eq!(stays.len(), 2, "{stays:?}");
    expect(
        stays[0],
        RuleId::QrtpLongStay,
        d(2024, 1, 10),
        d(2025, 1, 9),
        Status::Met(d(2024, 12, 20)),
        None,
    );
    assert_eq!(stays[0].subject(), Some(&placement("Q-1")));
    // Before the fix: only the first, met, and nothing owed for Q-2.
    expect(
        stays[1],
        RuleId::QrtpLongStay,
        d(2025, 6, 1),
        d(2025, 10, 11),
        Status::Overdue,
        None,
    );
    assert_eq!(stays[1].subject(), Some(&placement("Q-2")));
    assert_eq!(stays[1].episode(), Some(2));
    // An approval given during the second episode meets its own.
    let obs = history(vec![ev(
        d(2025, 9, 15),
        EventData::QrtpLongStayApproved {
            placement: plid("Q-2"),
        },
    )])
    .obligations(d(2025, 12, 1), &FEDERAL);
    let stays = all(&obs, K::QrtpLongStay);
    assert_eq!(
        stays.iter().map(|o| o.status()).collect::<Vec<_>>(),
        [Status::Met(d(2024, 12, 20)), Status::Met(d(2025, 9, 15))]
    );

    // Already past the limit before the next episode: Q-1 2023-01-01 .. 2024-09-01 is 20
    // months (over 18 and 12); a stay in a later episode, from 2025-01-01, needs an approval
    // from its first day.
    let case = build(
        teen14(),
        &FEDERAL,
        vec![
            removal(d(2023, 1, 1)),
            qrtp(d(2023, 1, 1), "Q-1"),
            ev(
                d(2023, 12, 1),
                EventData::QrtpLongStayApproved {
                    placement: plid("Q-1"),
                },
            ),
            discharge(d(2024, 9, 1), ExitReason::Reunified),
            removal(d(2025, 1, 1)),
            qrtp(d(2025, 1, 1), "Q-2"),
        ],
    );
    let obs = case.obligations(d(2025, 2, 1), &FEDERAL);
    let stays = all(&obs, K::QrtpLongStay);
    assert_eq!(stays.len(), 2, "{stays:?}");
    // 2023-01-01 + 12 months = 2024-01-01, less a day: 2023-12-31; approved 2023-12-01.
    assert_eq!(
        (stays[0].due(), stays[0].status()),
        (d(2023, 12, 31), Status::Met(d(2023, 12, 1)))
    );
    expect(
        stays[1],
        RuleId::QrtpLongStay,
        d(2025, 1, 1),
        d(2025, 1, 1),
        Status::Overdue,
        None,
    );
}

/// The young child removed 2024-01-08 into `setting`.
fn institution(placement: NewPlacement, more: Vec<Event>) -> Case {
    let mut events = vec![
        removal(d(2024, 1, 8)),
        ev(d(2024, 1, 8), EventData::PlacementBegun(placement)),
    ];
    events.extend(more);
    case_of(events)
}

#[test]
fn a_child_care_institution_is_paid_for_two_weeks() {
    let cci = np("C-1", Setting::ChildCareInstitution, None);
    // The first 14 days from 2024-01-08: Jan 8 ..= Jan 21; the third week starts 2024-01-22,
    // the day the child must be out by (the due date) and the first day without payment.
    let stays = institution(cci.clone(), vec![]);
    let obs = stays.obligations(d(2024, 1, 15), &FEDERAL);
    let o = one(&obs, K::CongregateCareLimit);
    expect(
        o,
        RuleId::CongregateCareLimit,
        d(2024, 1, 8),
        d(2024, 1, 22),
        Status::Upcoming,
        None,
    );
    assert_eq!(
        (o.subject(), o.episode()),
        (Some(&placement("C-1")), Some(1))
    );
    let obs = stays.obligations(d(2024, 1, 25), &FEDERAL);
    expect(
        one(&obs, K::CongregateCareLimit),
        RuleId::CongregateCareLimit,
        d(2024, 1, 8),
        d(2024, 1, 22),
        Status::Overdue,
        Some(Consequence::NoPaymentFrom(d(2024, 1, 22))),
    );

    // Moved on 2024-01-22, the first day of the third week: the last day there was the 21st.
    let moved = institution(cci.clone(), vec![to_foster(d(2024, 1, 22), "P-1")]);
    let obs = moved.obligations(d(2024, 2, 1), &FEDERAL);
    let o = one(&obs, K::CongregateCareLimit);
    assert_eq!(
        (o.status(), o.consequence()),
        (Status::Met(d(2024, 1, 22)), None)
    );

    let moved_late = institution(cci, vec![to_foster(d(2024, 1, 23), "P-1")]);
    let obs = moved_late.obligations(d(2024, 2, 1), &FEDERAL);
    let o = one(&obs, K::CongregateCareLimit);
    assert_eq!(
        (o.status(), o.consequence()),
        (
            Status::MetLate(d(2024, 1, 23)),
            Some(Consequence::NoPaymentFrom(d(2024, 1, 22)))
        )
    );
}

#[test]
fn a_stay_begun_before_the_two_week_limit_took_effect_is_held_to_it_from_then() {
    // P.L. 115-123 §50746: SSA 472(k) limits payment from 2019-10-01 (or a state's delayed
    // date), "beginning with the third week", with no grandfathering of stays under way.
    // (a) In an institution from 2019-09-25: the third week begins 2019-09-25 + 14 =
    //     2019-10-09, after the effective date: no payment from 2019-10-09.
    // (b) From 2019-09-01: the third week began 2019-09-15, before the limit existed: no
    //     payment from 2019-10-01, its first day.
    // (c) A state that delayed the limit to 2021-10-01, a stay from 2021-09-20: third week
    //     2021-10-04. (d) A stay that ended 2019-09-20, before the limit: nothing owed.
    let cci = |from: chrono::NaiveDate, more: Vec<Event>, policy: &Policy| {
        let mut events = vec![
            removal(from),
            ev(
                from,
                EventData::PlacementBegun(np("C-1", Setting::ChildCareInstitution, None)),
            ),
        ];
        events.extend(more);
        build(child(), policy, events)
    };
    let delayed = Policy::federal()
        .with_congregate_care_from(d(2021, 10, 1))
        .unwrap();
    for (from, policy, as_of, counts_from, due) in [
        (
            d(2019, 9, 25),
            &FEDERAL,
            d(2019, 11, 1),
            d(2019, 10, 1),
            d(2019, 10, 9),
        ),
        (
            d(2019, 9, 1),
            &FEDERAL,
            d(2019, 11, 1),
            d(2019, 10, 1),
            d(2019, 10, 1),
        ),
        (
            d(2021, 9, 20),
            &delayed,
            d(2021, 11, 1),
            d(2021, 10, 1),
            d(2021, 10, 4),
        ),
    ] {
        let obs = cci(from, vec![], policy).obligations(as_of, policy);
        expect(
            one(&obs, K::CongregateCareLimit),
            RuleId::CongregateCareLimit,
            counts_from,
            due,
            Status::Overdue,
            Some(Consequence::NoPaymentFrom(due)),
        );
    }
    // A stay begun after the date is counted from its start, as always: 2019-10-05 + 14.
    let after = cci(d(2019, 10, 5), vec![], &FEDERAL).obligations(d(2019, 11, 1), &FEDERAL);
    assert_eq!(one(&after, K::CongregateCareLimit).due(), d(2019, 10, 19));
    let ended = cci(
        d(2019, 9, 1),
        vec![to_foster(d(2019, 9, 20), "P-1")],
        &FEDERAL,
    );
    none_of(
        &ended.obligations(d(2019, 11, 1), &FEDERAL),
        K::CongregateCareLimit,
    );
}

#[test]
fn a_runaway_and_a_return_to_the_same_institution_do_not_restart_the_two_weeks() {
    // In institution CCI-A from 2024-03-01; ran away 2024-03-08; back to CCI-A on 2024-03-10.
    // The return continues the stay (a runaway is not a move, CWPM 1.2B.7): the third week
    // begins 2024-03-01 + 14 = 2024-03-15, not 14 days after the return (2024-03-24). One
    // obligation, about the stay's first placement, still open on 2024-04-15: overdue.
    let at = |id: &str, facility: &str| {
        np(id, Setting::ChildCareInstitution, None)
            .at_facility(FacilityId::new(facility).unwrap())
            .unwrap()
    };
    let history = |back: NewPlacement| {
        case_of(vec![
            removal(d(2024, 3, 1)),
            ev(d(2024, 3, 1), EventData::PlacementBegun(at("C-A", "CCI-A"))),
            ran_away(d(2024, 3, 8), "RA-1"),
            ev(d(2024, 3, 10), EventData::ReturnedFromRunaway(back)),
        ])
    };
    let obs = history(at("C-A2", "CCI-A")).obligations(d(2024, 4, 15), &FEDERAL);
    let o = one(&obs, K::CongregateCareLimit);
    expect(
        o,
        RuleId::CongregateCareLimit,
        d(2024, 3, 1),
        d(2024, 3, 15),
        Status::Overdue,
        Some(Consequence::NoPaymentFrom(d(2024, 3, 15))),
    );
    assert_eq!(o.subject(), Some(&placement("C-A")));
    // A return to another institution is a new stay, with its own two weeks: the first stay
    // ended on the runaway, 2024-03-08, before its third week (met); the new one from
    // 2024-03-10 is due 2024-03-24.
    let obs = history(at("C-B", "CCI-B")).obligations(d(2024, 4, 15), &FEDERAL);
    let got: Vec<_> = all(&obs, K::CongregateCareLimit)
        .iter()
        .map(|o| (o.due(), o.status()))
        .collect();
    assert_eq!(
        got,
        [
            (d(2024, 3, 15), Status::Met(d(2024, 3, 8))),
            (d(2024, 3, 24), Status::Overdue),
        ]
    );
}

#[test]
fn a_runaway_from_an_institution_ends_the_stay_only_once_it_ends_elsewhere() {
    // In institution C-A (no facility id) from 2024-03-01: paid Mar 1 ..= Mar 14, out by the
    // first day of the third week, 2024-03-01 + 14 = 2024-03-15 (the due date). Ran away on
    // 2024-03-20, after it. While the child is on runaway status the stay is not over: a
    // return to the institution would continue it (CWPM 1.2B.7), so the limit is still
    // overdue on 2024-04-01, whatever comes next. (Before the fix it read "met late on
    // 2024-03-20" on 2024-04-01 and overdue again once the child came back.)
    let history = |back: Event| {
        case_of(vec![
            removal(d(2024, 3, 1)),
            begin(d(2024, 3, 1), "C-A", Setting::ChildCareInstitution, None),
            ran_away(d(2024, 3, 20), "RA-1"),
            back,
        ])
    };
    let overdue = Some(Consequence::NoPaymentFrom(d(2024, 3, 15)));
    let status = |case: &Case, on: chrono::NaiveDate| {
        let obs = case.obligations(on, &FEDERAL);
        let o = one(&obs, K::CongregateCareLimit);
        assert_eq!(o.subject(), Some(&placement("C-A")));
        assert_eq!((o.counts_from(), o.due()), (d(2024, 3, 1), d(2024, 3, 15)));
        (o.status(), o.consequence())
    };
    // (a) Back in the same institution on 2024-04-10 (C-A2): one stay, still open on
    //     2024-04-15 — overdue on both dates.
    let back = history(returned(
        d(2024, 4, 10),
        "C-A2",
        Setting::ChildCareInstitution,
        None,
    ));
    assert_eq!(status(&back, d(2024, 4, 1)), (Status::Overdue, overdue));
    assert_eq!(status(&back, d(2024, 4, 15)), (Status::Overdue, overdue));
    // (b) Found on 2024-04-10 and placed in the foster home F-FOSTER: the runaway ended
    //     elsewhere, so the stay ended on the day the child ran away, 2024-03-20, 5 days after
    //     the due date — overdue on 2024-04-01 (not known yet), met late on 2024-04-15.
    let elsewhere = history(returned_to_foster(d(2024, 4, 10), "P-1"));
    assert_eq!(
        status(&elsewhere, d(2024, 4, 1)),
        (Status::Overdue, overdue)
    );
    assert_eq!(
        status(&elsewhere, d(2024, 4, 15)),
        (Status::MetLate(d(2024, 3, 20)), overdue)
    );
}

#[test]
fn a_runaway_from_a_disapproved_qrtp_ends_the_placement_only_once_it_ends_elsewhere() {
    // QRTP Q-1 from 2024-01-10, assessed not appropriate on 2024-02-01: paid for the 30 days
    // Feb 1 ..= Mar 1 (February 2024 has 29 days), out by 2024-02-01 + 30 = 2024-03-02. Ran
    // away on 2024-03-05, after it. On runaway status the placement is not over (a return to
    // the program continues it, SSA §472(k)(3)(B)): overdue on 2024-03-08.
    let history = |back: Event| {
        in_qrtp(
            teen(),
            vec![
                assessed(d(2024, 2, 1), "Q-1", QrtpAssessment::NotAppropriate),
                ran_away(d(2024, 3, 5), "RA-1"),
                back,
            ],
        )
    };
    let overdue = Some(Consequence::NoPaymentFrom(d(2024, 3, 2)));
    let status = |case: &Case, on: chrono::NaiveDate| {
        let obs = case.obligations(on, &FEDERAL);
        let o = one(&obs, K::QrtpTransition);
        assert_eq!(o.subject(), Some(&placement("Q-1")));
        assert_eq!((o.counts_from(), o.due()), (d(2024, 2, 1), d(2024, 3, 2)));
        (o.status(), o.consequence())
    };
    // (a) Back in the program (Q-1b, no provider recorded, after a runaway: the same QRTP
    //     placement) on 2024-03-10: overdue on 2024-03-08 and on 2024-03-15.
    let back = history(returned(d(2024, 3, 10), "Q-1b", Setting::Qrtp, None));
    assert_eq!(status(&back, d(2024, 3, 8)), (Status::Overdue, overdue));
    assert_eq!(status(&back, d(2024, 3, 15)), (Status::Overdue, overdue));
    // (b) Found on 2024-03-10 and placed in F-FOSTER: out of the program since the runaway,
    //     2024-03-05, three days late — overdue on 2024-03-08, met late on 2024-03-15.
    let elsewhere = history(returned_to_foster(d(2024, 3, 10), "P-1"));
    assert_eq!(
        status(&elsewhere, d(2024, 3, 8)),
        (Status::Overdue, overdue)
    );
    assert_eq!(
        status(&elsewhere, d(2024, 3, 15)),
        (Status::MetLate(d(2024, 3, 5)), overdue)
    );
}

#[test]
fn a_qrtp_or_a_specified_setting_has_no_two_week_limit() {
    let case = institution(np("Q-1", Setting::Qrtp, None), vec![]);
    none_of(
        &case.obligations(d(2024, 3, 1), &FEDERAL),
        K::CongregateCareLimit,
    );
    for s in [
        SpecifiedSetting::SexTraffickingVictims,
        SpecifiedSetting::PrenatalPostpartumParenting,
        SpecifiedSetting::FamilyBasedSubstanceAbuseTreatment,
    ] {
        let specified = np("C-1", Setting::ChildCareInstitution, None)
            .specified_as(s)
            .unwrap();
        let case = institution(specified, vec![]);
        none_of(
            &case.obligations(d(2024, 3, 1), &FEDERAL),
            K::CongregateCareLimit,
        );
    }
}

#[test]
fn supervised_independent_living_is_reimbursable_only_from_18() {
    // The teen turns 18 on 2025-09-30; supervised independent living from 2025-03-01.
    let events = vec![
        removal(d(2025, 1, 10)),
        foster(d(2025, 1, 10), "P-1"),
        change(
            d(2025, 3, 1),
            "S-1",
            Setting::SupervisedIndependentLiving,
            None,
        ),
    ];
    let case = build(teen(), &FEDERAL, events);
    let ineligible = Some(Consequence::IneligibleBetween {
        from: d(2025, 3, 1),
        until: Some(d(2025, 9, 30)),
    });
    let obs = case.obligations(d(2025, 4, 1), &FEDERAL);
    let o = one(&obs, K::IndependentLivingAge);
    // The rule is the congregate-care limit's (SSA §472(k)(2)(C), §472(c)(2)).
    expect(
        o,
        RuleId::CongregateCareLimit,
        d(2025, 3, 1),
        d(2025, 9, 30),
        Status::Upcoming,
        ineligible,
    );
    assert_eq!(o.subject(), Some(&placement("S-1")));
    let obs = case.obligations(d(2025, 9, 30), &FEDERAL);
    expect(
        one(&obs, K::IndependentLivingAge),
        RuleId::CongregateCareLimit,
        d(2025, 3, 1),
        d(2025, 9, 30),
        Status::Reached,
        ineligible,
    );

    // From the 18th birthday on, nothing is owed.
    let adult = FEDERAL.with_extended_care_age(Some(21)).unwrap();
    let case = build(
        teen(),
        &adult,
        vec![
            removal(d(2025, 1, 10)),
            foster(d(2025, 1, 10), "P-1"),
            change(
                d(2025, 9, 30),
                "S-1",
                Setting::SupervisedIndependentLiving,
                None,
            ),
        ],
    );
    none_of(
        &case.obligations(d(2025, 11, 1), &adult),
        K::IndependentLivingAge,
    );
}

#[test]
fn a_prevention_period_lasts_12_months_from_candidacy() {
    let open = ev(
        d(2024, 2, 10),
        EventData::OpenPreservation(Candidacy::FosterCareCandidate),
    );
    // The 12-month period that begins 2024-02-10: through 2025-02-10 less a day, 2025-02-09;
    // it must be closed (or renewed) by 2025-02-10, the due date.
    let case = case_of(vec![open.clone()]);
    let obs = case.obligations(d(2024, 6, 1), &FEDERAL);
    let o = one(&obs, K::PreventionPeriod);
    expect(
        o,
        RuleId::PreventionPeriod,
        d(2024, 2, 10),
        d(2025, 2, 10),
        Status::Upcoming,
        None,
    );
    assert_eq!((o.episode(), o.subject()), (None, None));
    let obs = case.obligations(d(2025, 2, 11), &FEDERAL);
    expect(
        one(&obs, K::PreventionPeriod),
        RuleId::PreventionPeriod,
        d(2024, 2, 10),
        d(2025, 2, 10),
        Status::Overdue,
        Some(Consequence::NoPaymentFrom(d(2025, 2, 10))),
    );

    // A removal ends it early: the child is no longer a candidate.
    let case = case_of(vec![open.clone(), removal(d(2024, 6, 1))]);
    let obs = case.obligations(d(2024, 7, 1), &FEDERAL);
    expect(
        one(&obs, K::PreventionPeriod),
        RuleId::PreventionPeriod,
        d(2024, 2, 10),
        d(2025, 2, 10),
        Status::Met(d(2024, 6, 1)),
        None,
    );

    // A new candidacy closes the first period and opens a new one: 2024-05-01 + 12 months =
    // 2025-05-01, the due date (services through 2025-04-30).
    let case = case_of(vec![
        open,
        ev(
            d(2024, 5, 1),
            EventData::CandidacyIdentified(Candidacy::PregnantOrParentingYouth),
        ),
    ]);
    let obs = case.obligations(d(2024, 7, 1), &FEDERAL);
    let periods = all(&obs, K::PreventionPeriod);
    assert_eq!(periods.len(), 2);
    assert_eq!(periods[0].status(), Status::Met(d(2024, 5, 1)));
    expect(
        periods[1],
        RuleId::PreventionPeriod,
        d(2024, 5, 1),
        d(2025, 5, 1),
        Status::Upcoming,
        None,
    );

    // In-home services without a prevention plan open no period.
    let case = case_of(vec![ev(
        d(2024, 2, 10),
        EventData::OpenPreservation(Candidacy::NotCandidate),
    )]);
    none_of(
        &case.obligations(d(2024, 6, 1), &FEDERAL),
        K::PreventionPeriod,
    );
}

// ================================================================================================
// Found in review: the policy switch for a single prevention period.

#[test]
fn a_state_may_allow_one_prevention_period_only() {
    // Candidacy 2024-02-10, a new prevention plan 2024-05-01: under FirstOnly the first period
    // runs on (due 2025-02-10) and no second opens.
    let once = Policy::federal().with_prevention_renewal(PreventionRenewal::FirstOnly);
    let events = vec![
        ev(
            d(2024, 2, 10),
            EventData::OpenPreservation(Candidacy::FosterCareCandidate),
        ),
        ev(
            d(2024, 5, 1),
            EventData::CandidacyIdentified(Candidacy::FosterCareCandidate),
        ),
    ];
    let case = build(child(), &once, events);
    let o = one(&case.obligations(d(2024, 7, 1), &once), K::PreventionPeriod).clone();
    expect(
        &o,
        RuleId::PreventionPeriod,
        d(2024, 2, 10),
        d(2025, 2, 10),
        Status::Upcoming,
        None,
    );
}

#[test]
fn the_long_stay_months_follow_the_policys_month_end_reading() {
    // A child under 13 in a QRTP from 2024-08-31: 6 months on is "2025-02-31". Clamped to
    // 2025-02-28, the 6th month ends 2025-02-27; rolled over to 2025-03-01, it ends 2025-02-28.
    let case = case_of(vec![removal(d(2024, 8, 31)), qrtp(d(2024, 8, 31), "Q-1")]);
    let o = case.obligations(d(2024, 10, 1), &FEDERAL);
    let o = one(&o, K::QrtpLongStay);
    assert_eq!((o.due(), o.status()), (d(2025, 2, 27), Status::Upcoming));
    let roll = Policy::federal().with_month_end(permanency::date::MonthEnd::RollOver);
    let o = case.obligations(d(2024, 10, 1), &roll);
    assert_eq!(one(&o, K::QrtpLongStay).due(), d(2025, 2, 28));
}

#[test]
fn a_return_to_the_same_qrtp_the_day_the_child_ran_away_continues_the_placement() {
    // QRTP Q-1 (no facility id) from 2024-01-10; ran away 2024-01-20 and back in the program
    // the same day (Q-1b). One QRTP placement begun 2024-01-10: the assessment is due
    // 2024-01-10 + 30 = 2024-02-09, not 30 days from the return (2024-02-19).
    let case = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2024, 1, 10)),
            qrtp(d(2024, 1, 10), "Q-1"),
            ran_away(d(2024, 1, 20), "RA-1"),
            returned(d(2024, 1, 20), "Q-1b", Setting::Qrtp, None),
        ],
    );
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    let o = one(&obs, K::QrtpAssessment);
    assert_eq!((o.counts_from(), o.due()), (d(2024, 1, 10), d(2024, 2, 9)));
    assert_eq!(o.status(), Status::Overdue);
    assert_eq!(o.subject(), Some(&placement("Q-1")));
}

#[test]
fn a_direct_move_to_another_qrtp_placement_with_no_provider_recorded_has_its_own_clocks() {
    // Q-1 from 2024-01-01, assessed 2024-01-10; moved straight to Q-3 on 2024-06-01 with no
    // program recorded for either: no runaway came between, so Q-3 is a new placement (SSA
    // §475A(c)(1)-(2), "each placement"). Its assessment is due 2024-06-01 + 30 days =
    // 2024-07-01 (29 to June 30, 1 more).
    let case = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2024, 1, 1)),
            ev(
                d(2024, 1, 1),
                EventData::PlacementBegun(np("Q-1", Setting::Qrtp, None)),
            ),
            assessed(d(2024, 1, 10), "Q-1", QrtpAssessment::Appropriate),
            ev(
                d(2024, 6, 1),
                EventData::PlacementChanged(np("Q-3", Setting::Qrtp, None)),
            ),
        ],
    );
    let obs = case.obligations(d(2024, 6, 10), &FEDERAL);
    let found = all(&obs, K::QrtpAssessment);
    let q3 = found
        .iter()
        .find(|o| o.subject() == Some(&placement("Q-3")))
        .unwrap_or_else(|| panic!("no assessment owed for Q-3: {found:#?}"));
    assert_eq!(
        (q3.counts_from(), q3.due(), q3.status()),
        (d(2024, 6, 1), d(2024, 7, 1), Status::Upcoming)
    );
}

fn evidence(date: chrono::NaiveDate, id: &str) -> Event {
    ev(
        date,
        EventData::QrtpEvidenceSubmitted {
            placement: plid(id),
        },
    )
}

#[test]
fn evidence_is_owed_at_each_review_and_hearing_while_the_child_remains_in_a_qrtp() {
    // SSA §475A(c)(4). In QRTP Q-1 from 2024-01-10 (`in_qrtp`) until the move to a foster
    // home on 2025-02-01.
    // - review 2024-06-15: evidence submitted 2024-06-10, after no earlier review: met on
    //   2024-06-10, due on the review's day;
    // - review and permanency hearing both on 2024-12-10: one submission serves both, so one
    //   obligation; the only submission since 2024-06-15 is dated 2024-12-11, after the
    //   hearing, so the hearing had none: overdue;
    // - review 2025-03-01: the child is in the foster home, no longer in a QRTP: nothing owed
    //   (and the 2024-12-11 submission does not make one).
    let case = in_qrtp(
        teen(),
        vec![
            evidence(d(2024, 6, 10), "Q-1"),
            review(d(2024, 6, 15)),
            review(d(2024, 12, 10)),
            hearing(d(2024, 12, 10)),
            evidence(d(2024, 12, 11), "Q-1"),
            to_foster(d(2025, 2, 1), "P-2"),
            review(d(2025, 3, 1)),
        ],
    );
    let obs = case.obligations(d(2025, 4, 1), &FEDERAL);
    let found = all(&obs, K::QrtpOngoingEvidence);
    assert_eq!(found.len(), 2, "{found:#?}");
    expect(
        found[0],
        RuleId::QrtpOngoingEvidence,
        d(2024, 6, 15),
        d(2024, 6, 15),
        Status::Met(d(2024, 6, 10)),
        None,
    );
    assert_eq!(found[0].subject(), Some(&placement("Q-1")));
    expect(
        found[1],
        RuleId::QrtpOngoingEvidence,
        d(2024, 12, 10),
        d(2024, 12, 10),
        Status::Overdue,
        None,
    );
    assert_eq!(RuleId::QrtpOngoingEvidence.citation(), "SSA §475A(c)(4)");
}

#[test]
fn no_evidence_is_owed_the_day_the_child_moves_in_nor_while_on_runaway_from_the_program() {
    // Removed 2024-01-01 into foster home P-1; moved to QRTP Q-1 on 2024-03-01, the day of a
    // permanency hearing: not yet "remaining placed" in it, nothing owed. Ran away 2024-04-01;
    // a review on 2024-04-15 finds the child on runaway status: nothing owed. Back in the same
    // program (Q-2, no provider recorded, after a runaway: the same QRTP placement as Q-1) on
    // 2024-05-01; evidence naming Q-2 on 2024-08-01 meets the review of 2024-08-15 (the window
    // runs from the day after the 2024-04-15 review). The obligation is about Q-1, where the
    // placement began.
    let case = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2024, 1, 1)),
            foster(d(2024, 1, 1), "P-1"),
            change(d(2024, 3, 1), "Q-1", Setting::Qrtp, None),
            hearing(d(2024, 3, 1)),
            ran_away(d(2024, 4, 1), "R-1"),
            review(d(2024, 4, 15)),
            returned(d(2024, 5, 1), "Q-2", Setting::Qrtp, None),
            evidence(d(2024, 8, 1), "Q-2"),
            review(d(2024, 8, 15)),
        ],
    );
    let obs = case.obligations(d(2024, 9, 1), &FEDERAL);
    let found = all(&obs, K::QrtpOngoingEvidence);
    assert_eq!(found.len(), 1, "{found:#?}");
    expect(
        found[0],
        RuleId::QrtpOngoingEvidence,
        d(2024, 8, 15),
        d(2024, 8, 15),
        Status::Met(d(2024, 8, 1)),
        None,
    );
    assert_eq!(found[0].subject(), Some(&placement("Q-1")));
}
