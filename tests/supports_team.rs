//! Scenario tests for the case planning team and who is heard (`src/timeline/supports.rs`,
//! `Case::chosen_team_members`): a 15-year-old's case plan developed with the youth, two team
//! members the youth chose and one the agency rejected with a reason (SSA §475(1)(B),
//! §475(5)(C)(iv)); notice of reviews and hearings to the foster family (SSA §475(5)(G)); the
//! child consulted at the permanency hearing (SSA §475(5)(C)(iii)).
//!
//! The youth is `teen()`, born 2007-09-30: 15 from 2022-09-30. Removed 2023-01-10 into foster
//! home P-1 (family F-FOSTER).

mod common;

use common::*;
use permanency::supports::{Conference, ConferenceKind, ParticipantRole as R};
use permanency::timeline::{ObligationKind as K, Status};
use permanency::*;

fn chosen(on: chrono::NaiveDate, id: &str) -> Event {
    ev(on, EventData::TeamMemberChosen { member: pid(id) })
}

fn history() -> Vec<Event> {
    vec![
        removal(d(2023, 1, 10)),
        foster(d(2023, 1, 10), "P-1"),
        chosen(d(2023, 2, 1), "P-AUNT"),
        chosen(d(2023, 2, 1), "P-COACH"),
        chosen(d(2023, 2, 5), "P-X"),
        ev(
            d(2023, 2, 10),
            EventData::TeamMemberRejected {
                member: pid("P-X"),
                reason: Note::new("a pending charge of child endangerment").unwrap(),
            },
        ),
        ev(
            d(2023, 2, 20),
            EventData::CaseConference(Conference::new(
                ConferenceKind::CasePlanning,
                [R::Child, R::Parent, R::Caseworker, R::ChosenByChild],
            )),
        ),
        case_plan(d(2023, 3, 1)),
        // The next plan, with no conference with the youth since the first.
        case_plan(d(2023, 9, 1)),
        ev(
            d(2023, 6, 20),
            EventData::CaregiverNotified {
                family: fid("F-FOSTER"),
            },
        ),
        review(d(2023, 7, 1)),
        // No notice since the review.
        hearing(d(2023, 12, 15)),
        ev(d(2023, 12, 15), EventData::ChildConsultedAtHearing),
    ]
}

#[test]
fn a_fifteen_year_olds_case_plan_with_two_chosen_members_and_one_rejected() {
    let mut events = history();
    events.sort_by_key(|e| e.date());
    let case = case_of_teen(events);
    assert_eq!(
        case.chosen_team_members(d(2023, 3, 1)),
        vec![pid("P-AUNT"), pid("P-COACH")]
    );
    // Before the rejection the third was on the list, and flagged: the law allows two.
    assert_eq!(case.chosen_team_members(d(2023, 2, 5)).len(), 3);
    let excess = case.excess_team_members(d(2023, 2, 5));
    assert_eq!(excess.len(), 1);
    assert_eq!(excess[0].member, pid("P-X"));
    assert_eq!(
        excess[0].citation,
        "SSA §475(5)(C)(iv) (up to two members chosen by the child)"
    );
    assert_eq!(case.excess_team_members(d(2023, 2, 4)), vec![]);
    // Once rejected, the two left are within the limit.
    assert_eq!(case.excess_team_members(d(2023, 2, 10)), vec![]);
    // The rejection's reason is a case note: not in Debug.
    assert!(!format!("{case:?}").contains("endangerment"));

    let obs = case.obligations(d(2024, 1, 1), &FEDERAL);
    let plans = all(&obs, K::YouthConsultation);
    assert_eq!(plans.len(), 2);
    // The plan of 2023-03-01: the youth took part in the conference of 2023-02-20.
    expect(
        plans[0],
        RuleId::YouthConsultation,
        d(2023, 3, 1),
        d(2023, 3, 1),
        Status::Met(d(2023, 2, 20)),
        None,
    );
    // The plan of 2023-09-01: no conference with the youth since 2023-03-01.
    expect(
        plans[1],
        RuleId::YouthConsultation,
        d(2023, 9, 1),
        d(2023, 9, 1),
        Status::Overdue,
        None,
    );
}

#[test]
fn the_foster_family_is_notified_of_each_review_and_hearing_and_the_child_is_consulted() {
    let mut events = history();
    events.sort_by_key(|e| e.date());
    let case = case_of_teen(events);
    let obs = case.obligations(d(2024, 1, 1), &FEDERAL);
    let notices = all(&obs, K::HearingNotice);
    assert_eq!(notices.len(), 2);
    // The review of 2023-07-01: F-FOSTER notified 2023-06-20.
    expect(
        notices[0],
        RuleId::HearingNotice,
        d(2023, 7, 1),
        d(2023, 7, 1),
        Status::Met(d(2023, 6, 20)),
        None,
    );
    assert_eq!(notices[0].subject(), Some(&family("F-FOSTER")));
    // The hearing of 2023-12-15: no notice since the review.
    expect(
        notices[1],
        RuleId::HearingNotice,
        d(2023, 12, 15),
        d(2023, 12, 15),
        Status::Overdue,
        None,
    );
    // The child was consulted at that hearing.
    expect(
        one(&obs, K::ChildConsulted),
        RuleId::ChildConsulted,
        d(2023, 12, 15),
        d(2023, 12, 15),
        Status::Met(d(2023, 12, 15)),
        None,
    );
}

#[test]
fn a_hearing_without_the_child_consulted_is_flagged_and_an_unknown_family_is_refused() {
    let case = case_of_teen(vec![
        removal(d(2023, 1, 10)),
        foster(d(2023, 1, 10), "P-1"),
        hearing(d(2023, 12, 15)),
    ]);
    expect(
        one(
            &case.obligations(d(2024, 1, 1), &FEDERAL),
            K::ChildConsulted,
        ),
        RuleId::ChildConsulted,
        d(2023, 12, 15),
        d(2023, 12, 15),
        Status::Overdue,
        None,
    );
    let mut case = case;
    let r = refuse(
        &mut case,
        ev(
            d(2024, 1, 2),
            EventData::CaregiverNotified {
                family: fid("F-NOPE"),
            },
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), vec![RuleId::UnknownFamily]);
}

fn case_of_teen(events: Vec<Event>) -> Case {
    build(teen(), &FEDERAL, events)
}

#[test]
fn a_review_during_a_trial_home_visit_owes_no_caregiver_notice() {
    // In F-FOSTER (P-1) from 2024-01-10; home on a trial home visit with F-BIRTH (P-2) from
    // 2024-03-01; a periodic review on 2024-05-15, then back to F-FOSTER (P-3) on 2024-06-01
    // and a hearing on 2024-07-01. SSA §475(5)(G) names the foster parents, pre-adoptive
    // parents and relative caregivers: the parents on the visit are parties, not caregivers
    // it names. The review owes no notice; the hearing, with the child back in F-FOSTER, does
    // (none recorded: overdue).
    let case = case_of(vec![
        removal(d(2024, 1, 10)),
        foster(d(2024, 1, 10), "P-1"),
        visit(d(2024, 3, 1), "P-2"),
        review(d(2024, 5, 15)),
        visit_ended(d(2024, 6, 1), "P-3"),
        hearing(d(2024, 7, 1)),
    ]);
    let obs = case.obligations(d(2024, 8, 1), &FEDERAL);
    let notices = all(&obs, K::HearingNotice);
    assert_eq!(notices.len(), 1);
    assert_eq!(
        (notices[0].due(), notices[0].status()),
        (d(2024, 7, 1), Status::Overdue)
    );
    assert_eq!(notices[0].subject(), Some(&family("F-FOSTER")));
}
