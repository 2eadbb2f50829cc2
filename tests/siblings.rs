//! Siblings (SSA §471(a)(31); `src/connections.rs`): recorded in the child's case by id,
//! placed together or apart as of a date (from the case's own records, or joining the siblings'
//! cases), and a separation without its documented reason accepted and reported.
#![cfg(feature = "serde")]

mod common;

use chrono::NaiveDate;
use common::*;
use permanency::connections::{SeparationReason, Sibling, SiblingsPlaced, placed_with_siblings};
use permanency::timeline::{ObligationKind as K, Status};
use permanency::*;

fn cid(id: &str) -> ChildId {
    ChildId::new(id).unwrap()
}

fn sibling(date: NaiveDate, s: Sibling) -> Event {
    ev(date, EventData::SiblingRecorded(s))
}

fn together(date: NaiveDate, id: &str) -> Event {
    ev(date, EventData::SiblingsPlacedTogether { sibling: cid(id) })
}

fn apart(date: NaiveDate, id: &str, reason: Option<SeparationReason>) -> Event {
    ev(
        date,
        EventData::SiblingsSeparated {
            sibling: cid(id),
            reason,
        },
    )
}

const SAFETY: Option<SeparationReason> = Some(SeparationReason::ContraryToSafetyOrWellBeing);

/// In care from 2024-01-10 (F-FOSTER); sister C-2 in care, brother C-3 at home with F-REL.
fn with_siblings() -> Case {
    let mut case = in_care();
    accept(
        &mut case,
        sibling(d(2024, 1, 10), Sibling::in_care(cid("C-2"))),
        &FEDERAL,
    );
    accept(
        &mut case,
        sibling(
            d(2024, 1, 10),
            Sibling::at_home(cid("C-3"), Some(fid("F-REL"))),
        ),
        &FEDERAL,
    );
    case
}

#[test]
fn siblings_placed_together_then_apart_as_of_a_date() {
    let mut case = with_siblings();
    accept(&mut case, together(d(2024, 1, 10), "C-2"), &FEDERAL);
    accept(&mut case, apart(d(2024, 3, 1), "C-2", None), &FEDERAL);
    // Only the sister is in care: with her until 2024-02-29, apart from 2024-03-01.
    assert_eq!(
        case.placed_with_siblings_on(d(2024, 2, 29)),
        SiblingsPlaced::All
    );
    assert_eq!(
        case.placed_with_siblings_on(d(2024, 3, 1)),
        SiblingsPlaced::None
    );
    assert_eq!(
        case.placed_with_siblings_on(d(2024, 1, 9)),
        SiblingsPlaced::NoSiblingsInCare
    );
    let on = case.siblings_on(d(2024, 3, 1));
    assert_eq!(on.len(), 2);
    assert_eq!((on[0].together, on[0].reason), (Some(false), None));
    assert_eq!(on[1].sibling.custodian, Some(fid("F-REL")));
    assert!(!on[1].sibling.in_care);
}

#[test]
fn a_separation_without_its_reason_is_accepted_and_reported() {
    // Separated 2024-03-01: due that day. Without a reason, overdue; with it, met; documented
    // in a later record on 2024-03-15, met late.
    let mut none = with_siblings();
    accept(&mut none, apart(d(2024, 3, 1), "C-2", None), &FEDERAL);
    let obs = none.obligations(d(2024, 4, 1), &FEDERAL);
    let o = one(&obs, K::SiblingSeparation);
    expect(
        o,
        RuleId::SiblingSeparation,
        d(2024, 3, 1),
        d(2024, 3, 1),
        Status::Overdue,
        None,
    );
    assert_eq!(
        RuleId::SiblingSeparation.citation(),
        "SSA §471(a)(31)(A) (reasonable efforts to place siblings together)"
    );

    let mut reason = with_siblings();
    accept(&mut reason, apart(d(2024, 3, 1), "C-2", SAFETY), &FEDERAL);
    let obs = reason.obligations(d(2024, 4, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::SiblingSeparation).status(),
        Status::Met(d(2024, 3, 1))
    );

    accept(&mut none, apart(d(2024, 3, 15), "C-2", SAFETY), &FEDERAL);
    let obs = none.obligations(d(2024, 4, 1), &FEDERAL);
    let both = all(&obs, K::SiblingSeparation);
    assert_eq!(both[0].status(), Status::MetLate(d(2024, 3, 15)));
    assert_eq!(both[1].status(), Status::Met(d(2024, 3, 15)));

    // A separation from a sibling not in care owes nothing.
    let mut home = with_siblings();
    accept(&mut home, apart(d(2024, 3, 1), "C-3", None), &FEDERAL);
    none_of(
        &home.obligations(d(2024, 4, 1), &FEDERAL),
        K::SiblingSeparation,
    );
}

#[test]
fn a_sibling_is_recorded_before_it_is_named_and_is_not_the_child() {
    let mut case = with_siblings();
    let r = refuse(&mut case, together(d(2024, 2, 1), "C-9"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::SiblingUnknown]);
    assert_eq!(
        message(&r, 0),
        "child C-9 is not recorded as a sibling in the case (sibling_recorded)"
    );
    let r = refuse(
        &mut case,
        sibling(d(2024, 2, 1), Sibling::in_care(cid("C-1"))),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::SiblingUnknown]);
    assert_eq!(message(&r, 0), "child C-1 is not its own sibling");
}

#[test]
fn over_a_caseload_the_siblings_cases_are_joined_by_child_id() {
    // C-1 in F-FOSTER from 2024-01-10, with sisters C-2 and C-4 in care. C-2 in F-FOSTER from
    // 2024-01-12; C-4 in F-REL from 2024-01-12.
    let mut case = with_siblings();
    accept(
        &mut case,
        sibling(d(2024, 1, 10), Sibling::in_care(cid("C-4"))),
        &FEDERAL,
    );
    let sister = |id: &str, home: Event| {
        let child = Child::new(
            cid(id),
            Name::new("Eve").unwrap(),
            d(2018, 2, 3),
            Sex::Female,
        )
        .unwrap();
        let mut c = Case::new(child, all_families()).unwrap();
        accept(&mut c, removal(d(2024, 1, 12)), &FEDERAL);
        accept(&mut c, home, &FEDERAL);
        c
    };
    let c2 = sister("C-2", foster(d(2024, 1, 12), "P-1"));
    let c4 = sister("C-4", relative_home(d(2024, 1, 12), "P-1"));
    // 2024-01-11: neither sister placed yet (their cases hold no placement): none.
    assert_eq!(
        placed_with_siblings(&case, &[&c2, &c4], d(2024, 1, 11)),
        SiblingsPlaced::None
    );
    // 2024-01-12: with C-2 (same home), not C-4: some.
    assert_eq!(
        placed_with_siblings(&case, &[&c2, &c4], d(2024, 1, 12)),
        SiblingsPlaced::Some
    );
    // Without C-4 in care (a new record: home with F-REL), C-2 is all of them.
    accept(
        &mut case,
        sibling(
            d(2024, 2, 1),
            Sibling::at_home(cid("C-4"), Some(fid("F-REL"))),
        ),
        &FEDERAL,
    );
    assert_eq!(
        placed_with_siblings(&case, &[&c2, &c4], d(2024, 2, 1)),
        SiblingsPlaced::All
    );
    // Before the child's own placement: nothing to compare.
    assert_eq!(
        placed_with_siblings(&case, &[&c2], d(2024, 1, 9)),
        SiblingsPlaced::NoSiblingsInCare
    );
}

// ================================================================================================
// Relatives (SSA §471(a)(29)): each identified relative notified within 30 days

use permanency::connections::{Relative, RelativeKind};
use permanency::timeline::Waiver;

fn identified(date: NaiveDate, person: &str, kind: RelativeKind) -> Event {
    ev(
        date,
        EventData::RelativeIdentified(Relative::new(pid(person), kind)),
    )
}

fn notified(date: NaiveDate, person: &str) -> Event {
    ev(
        date,
        EventData::RelativeNotified {
            person: pid(person),
        },
    )
}

/// The relative excepted from notice for family or domestic violence.
fn excepted(date: NaiveDate, person: &str) -> Event {
    ev(
        date,
        EventData::RelativeNoticeExcepted {
            person: pid(person),
        },
    )
}

#[test]
fn each_relative_notified_on_day_30_is_met_on_day_31_late() {
    // Removed 2024-01-10: due 2024-01-10 + 30 days = 2024-02-09. The grandmother notified on
    // 2024-02-09 (day 30): met. The aunt on 2024-02-10 (day 31): met late. The uncle, whom the
    // parents suggested, never: overdue from 2024-02-10.
    let case = case_of(vec![
        removal(d(2024, 1, 10)),
        identified(d(2024, 1, 12), "P-GRANDMA", RelativeKind::Grandparent),
        identified(d(2024, 1, 12), "P-AUNT", RelativeKind::OtherAdultRelative),
        identified(d(2024, 1, 15), "P-UNCLE", RelativeKind::SuggestedByParent),
        notified(d(2024, 2, 9), "P-GRANDMA"),
        notified(d(2024, 2, 10), "P-AUNT"),
    ]);
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    let each = all(&obs, K::RelativeNoticeEach);
    let got: Vec<_> = each
        .iter()
        .map(|o| (o.subject().cloned().unwrap(), o.due(), o.status()))
        .collect();
    assert_eq!(
        got,
        [
            (
                person("P-GRANDMA"),
                d(2024, 2, 9),
                Status::Met(d(2024, 2, 9))
            ),
            (
                person("P-AUNT"),
                d(2024, 2, 9),
                Status::MetLate(d(2024, 2, 10))
            ),
            (person("P-UNCLE"), d(2024, 2, 9), Status::Overdue),
        ]
    );
    expect(
        each[0],
        RuleId::RelativeNoticeEach,
        d(2024, 1, 10),
        d(2024, 2, 9),
        Status::Met(d(2024, 2, 9)),
        None,
    );
}

#[test]
fn a_child_home_before_day_30_is_still_owed_the_relative_notice_unless_the_policy_ends_it() {
    // Removed 2024-01-10, the grandmother identified 2024-01-12, home 2024-01-15 (day 5).
    // SSA §471(a)(29) asks the notice within 30 days after the removal, with no condition:
    // due 2024-01-10 + 30 = 2024-02-09, and the notice keyed after the exit, on 2024-02-01,
    // meets it. Under `RelativeNoticeAfterExit::EndsAtExit` nothing is owed.
    use permanency::policy::RelativeNoticeAfterExit;
    let home_early = || {
        vec![
            removal(d(2024, 1, 10)),
            identified(d(2024, 1, 12), "P-GRANDMA", RelativeKind::Grandparent),
            discharge(d(2024, 1, 15), ExitReason::Reunified),
        ]
    };
    let case = case_of(home_early());
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    let o = one(&obs, K::RelativeNoticeEach);
    assert_eq!((o.due(), o.status()), (d(2024, 2, 9), Status::Overdue));
    let mut events = home_early();
    events.push(notified(d(2024, 2, 1), "P-GRANDMA"));
    let case = case_of(events);
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::RelativeNoticeEach).status(),
        Status::Met(d(2024, 2, 1))
    );
    let ends = FEDERAL.with_relative_notice_after_exit(RelativeNoticeAfterExit::EndsAtExit);
    let case = build(child(), &ends, home_early());
    let obs = case.obligations(d(2024, 3, 1), &ends);
    assert!(all(&obs, K::RelativeNoticeEach).is_empty());
    assert!(all(&obs, K::RelativeNotice).is_empty());
    // The summary notice of the same removal follows the same switch.
    let obs = case_of(home_early()).obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(one(&obs, K::RelativeNotice).due(), d(2024, 2, 9));
}

#[test]
fn family_violence_excepts_a_relative_and_a_notice_names_one_identified() {
    // The father's brother is excepted for domestic violence on 2024-01-20: waived.
    let case = case_of(vec![
        removal(d(2024, 1, 10)),
        identified(d(2024, 1, 12), "P-UNCLE", RelativeKind::OtherAdultRelative),
        excepted(d(2024, 1, 20), "P-UNCLE"),
    ]);
    let obs = case.obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::RelativeNoticeEach).status(),
        Status::Waived(Waiver::FamilyViolence)
    );
    let mut case = in_care();
    let r = refuse(&mut case, notified(d(2024, 1, 20), "P-GRANDMA"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::RelativeUnknown]);
    assert_eq!(
        message(&r, 0),
        "person P-GRANDMA is not identified as a relative in the case (relative_identified)"
    );
}

// ================================================================================================
// Family time: contacts and the case plan's expected frequency

use permanency::connections::{Contact, ContactKind, ContactWith};

fn mother() -> ContactWith {
    ContactWith::Person(pid("P-MOTHER"))
}

#[test]
fn a_weekly_contact_schedule_kept_and_missed() {
    // Removed 2024-01-10. Weekly visits with the mother planned from 2024-03-01: periods
    // 03-01..03-07, 03-08..03-14, 03-15..03-21, 03-22..03-28 (each 7 days, due its last day).
    // Held in person 03-05; only planned (not held) 03-10; held by video 03-16. As of 2024-03-23:
    // met, overdue (nothing held 03-08..03-14), met, and the current week upcoming.
    let case = case_of(vec![
        removal(d(2024, 1, 10)),
        ev(
            d(2024, 3, 1),
            EventData::FamilyTimePlanned {
                with: mother(),
                every_days: 7,
            },
        ),
        ev(
            d(2024, 3, 5),
            EventData::FamilyTimeContact(Contact::held(mother(), ContactKind::InPerson)),
        ),
        ev(
            d(2024, 3, 10),
            EventData::FamilyTimeContact(Contact::planned(mother(), ContactKind::InPerson)),
        ),
        ev(
            d(2024, 3, 16),
            EventData::FamilyTimeContact(Contact::held(mother(), ContactKind::Virtual)),
        ),
    ]);
    let obs = case.obligations(d(2024, 3, 23), &FEDERAL);
    let weeks: Vec<_> = all(&obs, K::FamilyTime)
        .iter()
        .map(|o| (o.counts_from(), o.due(), o.status()))
        .collect();
    assert_eq!(
        weeks,
        [
            (d(2024, 3, 1), d(2024, 3, 7), Status::Met(d(2024, 3, 5))),
            (d(2024, 3, 8), d(2024, 3, 14), Status::Overdue),
            (d(2024, 3, 15), d(2024, 3, 21), Status::Met(d(2024, 3, 16))),
            (d(2024, 3, 22), d(2024, 3, 28), Status::Upcoming),
        ]
    );
    let first = all(&obs, K::FamilyTime)[0];
    assert_eq!(first.subject(), Some(&person("P-MOTHER")));
    assert_eq!(first.rule(), RuleId::FamilyTime);
}

#[test]
fn family_time_periods_stop_at_the_21st_birthday() {
    // The teen (21 on 2028-09-30), removed 2024-01-10 and never recorded out of care; contact
    // with the mother every 30 days from 2028-06-01, none held. Periods: 06-01..06-30,
    // 07-01..07-30, 07-31..08-29, 08-30..09-28 (06-01 + 30 = 07-01, + 30 = 07-31, + 30 =
    // 08-30), all overdue; the next, 09-29..10-28, runs past the 21st birthday, when title IV-E
    // care ends at the latest (SSA §475(8)(B)(iii)): not owed, nor any after it, however far
    // ahead the date asked.
    let case = build(
        teen(),
        &FEDERAL,
        vec![
            removal(d(2024, 1, 10)),
            ev(
                d(2028, 6, 1),
                EventData::FamilyTimePlanned {
                    with: mother(),
                    every_days: 30,
                },
            ),
        ],
    );
    for as_of in [d(2028, 10, 1), d(2300, 1, 1), NaiveDate::MAX] {
        let obs = case.obligations(as_of, &FEDERAL);
        let periods: Vec<_> = all(&obs, K::FamilyTime)
            .iter()
            .map(|o| (o.counts_from(), o.due(), o.status()))
            .collect();
        assert_eq!(
            periods,
            [
                (d(2028, 6, 1), d(2028, 6, 30), Status::Overdue),
                (d(2028, 7, 1), d(2028, 7, 30), Status::Overdue),
                (d(2028, 7, 31), d(2028, 8, 29), Status::Overdue),
                (d(2028, 8, 30), d(2028, 9, 28), Status::Overdue),
            ],
            "as of {as_of}"
        );
    }
}

#[test]
fn a_new_plan_replaces_the_old_and_an_exit_ends_it() {
    // Every 14 days from 2024-03-01 (03-01..03-14), then every 30 days from 2024-03-10: the
    // first period ends before its last day, unmet, and is not owed. The child goes home on
    // 2024-03-20: the period 03-10..04-08 ends before its last day, unmet, not owed.
    let case = case_of(vec![
        removal(d(2024, 1, 10)),
        ev(
            d(2024, 3, 1),
            EventData::FamilyTimePlanned {
                with: mother(),
                every_days: 14,
            },
        ),
        ev(
            d(2024, 3, 10),
            EventData::FamilyTimePlanned {
                with: mother(),
                every_days: 30,
            },
        ),
        discharge(d(2024, 3, 20), ExitReason::Reunified),
    ]);
    none_of(&case.obligations(d(2024, 5, 1), &FEDERAL), K::FamilyTime);
}

#[test]
fn separated_siblings_need_planned_contact() {
    // Apart from sister C-2 (in care) from 2024-03-01, for her safety. No contact plan:
    // overdue. A plan every 14 days from 2024-02-01 in force that day: met on 2024-03-01. A plan
    // made on 2024-03-05: met late.
    let sister = ContactWith::Sibling(cid("C-2"));
    let planned = |date| {
        ev(
            date,
            EventData::FamilyTimePlanned {
                with: sister.clone(),
                every_days: 14,
            },
        )
    };
    let status = |before: Option<Event>, after: Option<Event>| {
        let mut case = with_siblings();
        if let Some(e) = before {
            accept(&mut case, e, &FEDERAL);
        }
        accept(&mut case, apart(d(2024, 3, 1), "C-2", SAFETY), &FEDERAL);
        if let Some(e) = after {
            accept(&mut case, e, &FEDERAL);
        }
        let obs = case.obligations(d(2024, 4, 1), &FEDERAL);
        let o = one(&obs, K::SiblingContact);
        assert_eq!(
            (o.rule(), o.counts_from(), o.due()),
            (RuleId::SiblingContact, d(2024, 3, 1), d(2024, 3, 1))
        );
        o.status()
    };
    assert_eq!(status(None, None), Status::Overdue);
    assert_eq!(
        status(Some(planned(d(2024, 2, 1))), None),
        Status::Met(d(2024, 3, 1))
    );
    assert_eq!(
        status(None, Some(planned(d(2024, 3, 5)))),
        Status::MetLate(d(2024, 3, 5))
    );
}

#[test]
fn contact_documented_as_contrary_to_safety_waives_the_planned_contact() {
    // Apart from sister C-2 (in care) from 2024-03-01. SSA §471(a)(31)(B) excuses the contact
    // where the state documents it would be contrary to the safety or well-being of any of the
    // siblings: documented on 2024-03-01 or later (2024-03-10), with no plan, it is waived; a
    // plan every 14 days in force that day still meets it, being the latest record. Naming a
    // sibling the case does not record is refused.
    let excepted = |date| {
        ev(
            date,
            EventData::SiblingContactExcepted {
                sibling: cid("C-2"),
            },
        )
    };
    for on in [d(2024, 3, 1), d(2024, 3, 10)] {
        let mut case = with_siblings();
        accept(&mut case, apart(d(2024, 3, 1), "C-2", SAFETY), &FEDERAL);
        accept(&mut case, excepted(on), &FEDERAL);
        let obs = case.obligations(d(2024, 4, 1), &FEDERAL);
        assert_eq!(
            one(&obs, K::SiblingContact).status(),
            Status::Waived(timeline::Waiver::ContraryToSafetyOrWellBeing),
            "documented {on}"
        );
    }
    // Excepted 2024-02-01, then a plan every 14 days from 2024-02-15: the plan, the latest
    // record before the separation, meets it on 2024-03-01.
    let mut case = with_siblings();
    accept(&mut case, excepted(d(2024, 2, 1)), &FEDERAL);
    accept(
        &mut case,
        ev(
            d(2024, 2, 15),
            EventData::FamilyTimePlanned {
                with: ContactWith::Sibling(cid("C-2")),
                every_days: 14,
            },
        ),
        &FEDERAL,
    );
    accept(&mut case, apart(d(2024, 3, 1), "C-2", SAFETY), &FEDERAL);
    let obs = case.obligations(d(2024, 4, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::SiblingContact).status(),
        Status::Met(d(2024, 3, 1))
    );
    let r = refuse(
        &mut with_siblings(),
        ev(
            d(2024, 3, 1),
            EventData::SiblingContactExcepted {
                sibling: cid("C-9"),
            },
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::SiblingUnknown]);
}

// ------------------------------------------------------------------------------------------------
// A relative considered before a non-relative placement (SSA §471(a)(19))

fn grandma_identified(on: chrono::NaiveDate) -> Event {
    ev(
        on,
        EventData::RelativeIdentified(permanency::connections::Relative::new(
            pid("P-GRANDMA"),
            permanency::connections::RelativeKind::Grandparent,
        )),
    )
}

#[test]
fn a_relative_is_considered_before_a_non_relative_placement() {
    // Removed 2024-01-10 and placed the same day in the non-relative home F-FOSTER: the
    // grandmother identified 2024-01-09 (before the removal) meets it on time.
    let before = case_of(vec![
        grandma_identified(d(2024, 1, 9)),
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
    ]);
    let o = one(
        &before.obligations(d(2024, 3, 1), &FEDERAL),
        ObligationKind::RelativeConsidered,
    )
    .clone();
    assert_eq!(
        (o.due(), o.status()),
        (d(2024, 1, 10), timeline::Status::Met(d(2024, 1, 9)))
    );
    assert_eq!(o.subject(), Some(&placement("P-1")));
    // Identified only on 2024-01-20, ten days after the placement: late.
    let after = case_of(vec![
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        grandma_identified(d(2024, 1, 20)),
    ]);
    assert_eq!(
        one(
            &after.obligations(d(2024, 3, 1), &FEDERAL),
            ObligationKind::RelativeConsidered
        )
        .status(),
        timeline::Status::MetLate(d(2024, 1, 20))
    );
    // No relative at all: overdue (the placement stands).
    let none = case_of(vec![removal(d(2024, 1, 10)), foster(d(2024, 1, 10), "P-1")]);
    assert_eq!(
        one(
            &none.obligations(d(2024, 3, 1), &FEDERAL),
            ObligationKind::RelativeConsidered
        )
        .status(),
        timeline::Status::Overdue
    );
    // Placed with the grandmother (F-REL) first: nothing to consider.
    let with_kin = case_of(vec![
        removal(d(2024, 1, 10)),
        relative_home(d(2024, 1, 10), "P-1"),
    ]);
    none_of(
        &with_kin.obligations(d(2024, 3, 1), &FEDERAL),
        ObligationKind::RelativeConsidered,
    );
}

#[test]
fn every_removal_owes_its_notice_to_the_relatives_known_by_then() {
    // SSA 471(a)(29): notice "within 30 days after the removal" — each removal. Episode 1:
    // removed 2024-01-10, the grandmother identified 01-12 and notified 01-20 (due 01-10 + 30 =
    // 2024-02-09: Jan 11..31 = 21, Feb 1..9 = 9). Home 2024-03-01; removed again 2024-06-01:
    // her notice is owed again by 2024-06-01 + 30 = 2024-07-01 (Jun 2..30 = 29, Jul 1 = 30),
    // and met by a notice of 2024-06-10 in the new episode; the first episode's notice does
    // not meet it.
    let history = |more: Vec<Event>| {
        let mut events = vec![
            removal(d(2024, 1, 10)),
            foster(d(2024, 1, 10), "P-1"),
            ev(
                d(2024, 1, 12),
                EventData::RelativeIdentified(Relative::new(
                    pid("P-GRANDMA"),
                    RelativeKind::Grandparent,
                )),
            ),
            ev(
                d(2024, 1, 20),
                EventData::RelativeNotified {
                    person: pid("P-GRANDMA"),
                },
            ),
            discharge(d(2024, 3, 1), ExitReason::Reunified),
            removal(d(2024, 6, 1)),
            foster(d(2024, 6, 1), "P-2"),
        ];
        events.extend(more);
        case_of(events)
    };
    let notices = |case: &Case| {
        all(
            &case.obligations(d(2024, 8, 1), &FEDERAL),
            K::RelativeNoticeEach,
        )
        .iter()
        .map(|o| (o.episode(), o.due(), o.status()))
        .collect::<Vec<_>>()
    };
    assert_eq!(
        notices(&history(vec![])),
        [
            (Some(1), d(2024, 2, 9), Status::Met(d(2024, 1, 20))),
            (Some(2), d(2024, 7, 1), Status::Overdue),
        ]
    );
    let again = history(vec![ev(
        d(2024, 6, 10),
        EventData::RelativeNotified {
            person: pid("P-GRANDMA"),
        },
    )]);
    assert_eq!(
        notices(&again)[1],
        (Some(2), d(2024, 7, 1), Status::Met(d(2024, 6, 10)))
    );
}

#[test]
fn the_notices_to_each_relative_meet_the_notice_to_the_relatives() {
    // Removal 2024-01-10: the notice to the relatives is due 2024-01-10 + 30 = 2024-02-09
    // (SSA §471(a)(29)). The grandmother and the uncle are identified; no summary
    // `relatives_notified` is recorded, only a notice to each.
    let base = || {
        vec![
            removal(d(2024, 1, 10)),
            identified(d(2024, 1, 12), "P-GRANDMA", RelativeKind::Grandparent),
            identified(d(2024, 1, 12), "P-UNCLE", RelativeKind::OtherAdultRelative),
            notified(d(2024, 1, 20), "P-GRANDMA"),
        ]
    };
    // Only the grandmother notified: the relatives as a whole are not, and on 2024-03-01
    // the notice is overdue.
    let obs = case_of(base()).obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(one(&obs, K::RelativeNotice).status(), Status::Overdue);
    // The uncle notified on 2024-02-05 too: met on the last notice, 2024-02-05 <= 2024-02-09.
    let mut events = base();
    events.push(notified(d(2024, 2, 5), "P-UNCLE"));
    let both = case_of(events);
    let obs = both.obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::RelativeNotice).status(),
        Status::Met(d(2024, 2, 5))
    );
    // Asked on 2024-02-01, before the uncle's notice: still upcoming (due 2024-02-09).
    let obs = both.obligations(d(2024, 2, 1), &FEDERAL);
    assert_eq!(one(&obs, K::RelativeNotice).status(), Status::Upcoming);
    // The uncle excepted for domestic violence instead: the grandmother's notice of
    // 2024-01-20 is the last owed, and meets it.
    let mut events = base();
    events.push(excepted(d(2024, 1, 25), "P-UNCLE"));
    let obs = case_of(events).obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::RelativeNotice).status(),
        Status::Met(d(2024, 1, 20))
    );
    // The only relative excepted: nothing to notify, waived.
    let obs = case_of(vec![
        removal(d(2024, 1, 10)),
        identified(d(2024, 1, 12), "P-UNCLE", RelativeKind::OtherAdultRelative),
        excepted(d(2024, 1, 20), "P-UNCLE"),
    ])
    .obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::RelativeNotice).status(),
        Status::Waived(Waiver::FamilyViolence)
    );
    // A summary notice on 2024-01-15 meets it on that date, whatever the single notices.
    let mut events = base();
    events.push(ev(d(2024, 1, 15), EventData::RelativesNotified));
    let obs = case_of(events).obligations(d(2024, 3, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::RelativeNotice).status(),
        Status::Met(d(2024, 1, 15))
    );
}

#[test]
fn a_sibling_who_enters_care_while_separated_is_owed_the_efforts_from_that_day() {
    // Brother C-3 lives at home with F-REL; the separation recorded on 2024-03-01 owes
    // nothing then (SSA §471(a)(31)(A) is about siblings removed from their home). He is
    // removed and recorded in care on 2024-04-01, still placed apart: from that day he is a
    // sibling in care, separated — the separation and the contact are owed on 2024-04-01.
    let separated = |reason| {
        let mut case = with_siblings();
        accept(&mut case, apart(d(2024, 3, 1), "C-3", reason), &FEDERAL);
        let obs = case.obligations(d(2024, 3, 20), &FEDERAL);
        none_of(&obs, K::SiblingSeparation);
        none_of(&obs, K::SiblingContact);
        accept(
            &mut case,
            sibling(d(2024, 4, 1), Sibling::in_care(cid("C-3"))),
            &FEDERAL,
        );
        case
    };
    let obs = separated(None).obligations(d(2024, 5, 1), &FEDERAL);
    let o = one(&obs, K::SiblingSeparation);
    assert_eq!((o.due(), o.status()), (d(2024, 4, 1), Status::Overdue));
    let o = one(&obs, K::SiblingContact);
    assert_eq!((o.due(), o.status()), (d(2024, 4, 1), Status::Overdue));
    // Separated for his safety on 2024-03-01: the reason documented stands, met that day.
    let obs = separated(SAFETY).obligations(d(2024, 5, 1), &FEDERAL);
    assert_eq!(
        one(&obs, K::SiblingSeparation).status(),
        Status::Met(d(2024, 4, 1))
    );
    // Documented later, on 2024-04-10: met late.
    let mut case = separated(None);
    accept(&mut case, apart(d(2024, 4, 10), "C-3", SAFETY), &FEDERAL);
    let obs = case.obligations(d(2024, 5, 1), &FEDERAL);
    let both = all(&obs, K::SiblingSeparation);
    assert_eq!(both.len(), 2);
    assert_eq!(both[0].status(), Status::MetLate(d(2024, 4, 10)));
    // Placed with him the day he enters care: nothing owed.
    let mut case = with_siblings();
    accept(&mut case, apart(d(2024, 3, 1), "C-3", None), &FEDERAL);
    accept(
        &mut case,
        sibling(d(2024, 4, 1), Sibling::in_care(cid("C-3"))),
        &FEDERAL,
    );
    accept(&mut case, together(d(2024, 4, 1), "C-3"), &FEDERAL);
    let obs = case.obligations(d(2024, 5, 1), &FEDERAL);
    none_of(&obs, K::SiblingSeparation);
    none_of(&obs, K::SiblingContact);
}
