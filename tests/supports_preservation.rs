//! Scenario tests for "preservation first, measured" (`Case::removal_supports`,
//! `supports::poverty_removals`): for each removal, the services and supports received before
//! it; a poverty-related removal (inadequate housing) with no concrete support in the policy's
//! 90 days before it.
//!
//! 2024-06-01 − 90 days: back 31 days to 2024-05-01, 61 to 2024-04-01, 90 to 2024-03-03; the
//! window is 2024-03-03 ..= 2024-06-01.

mod common;

use common::*;
use permanency::supports::{
    Funding, PovertyRemovals, ReceivedService, Recipient, Service, ServiceKind, poverty_removals,
};
use permanency::*;

fn housing_removal(on: chrono::NaiveDate) -> Event {
    ev(
        on,
        EventData::Removal(
            Removal::new(Manner::CourtOrder)
                .from_family(fid("F-BIRTH"))
                .with_circumstances(Circumstances::none().with(Circumstance::InadequateHousing)),
        ),
    )
}

fn support(on: chrono::NaiveDate, kind: ServiceKind, last: Option<chrono::NaiveDate>) -> Event {
    let s = Service::new(kind, Recipient::Parent, Funding::State);
    ev(
        on,
        EventData::ServiceProvided(match last {
            Some(l) => s.ending(l),
            None => s,
        }),
    )
}

fn history(housing_help_ends: chrono::NaiveDate) -> Vec<Event> {
    vec![
        ev(
            d(2024, 1, 2),
            EventData::OpenPreservation(Candidacy::NotCandidate),
        ),
        support(
            d(2024, 1, 15),
            ServiceKind::Housing,
            Some(housing_help_ends),
        ),
        support(
            d(2024, 2, 1),
            ServiceKind::InHomeParentSkills,
            Some(d(2024, 5, 31)),
        ),
        housing_removal(d(2024, 6, 1)),
        foster(d(2024, 6, 1), "P-1"),
        discharge(d(2024, 9, 1), ExitReason::Reunified),
        // Aftercare: emergency cash, then a second removal, not for housing.
        support(d(2024, 10, 1), ServiceKind::CashAssistance, None),
        removal(d(2024, 11, 1)),
    ]
}

#[test]
fn a_housing_removal_after_the_housing_help_ended_is_counted_unsupported() {
    // Housing help ended 2024-02-29, before the window opened (2024-03-03).
    let case = case_of(history(d(2024, 2, 29)));
    let r = case.removal_supports(&FEDERAL);
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].episode, r[0].removal), (1, d(2024, 6, 1)));
    assert_eq!(
        r[0].services,
        vec![
            ReceivedService {
                from: d(2024, 1, 15),
                kind: ServiceKind::Housing,
                funding: Funding::State,
            },
            ReceivedService {
                from: d(2024, 2, 1),
                kind: ServiceKind::InHomeParentSkills,
                funding: Funding::State,
            },
        ]
    );
    assert!(r[0].poverty_related);
    assert!(!r[0].concrete_support_before);
    assert!(r[0].poverty_removal_without_support());
    // The re-entry: only what came after the exit; the cash help is under way.
    assert_eq!((r[1].episode, r[1].removal), (2, d(2024, 11, 1)));
    assert_eq!(r[1].services.len(), 1);
    assert_eq!(r[1].services[0].kind, ServiceKind::CashAssistance);
    assert!(!r[1].poverty_related);
    assert!(r[1].concrete_support_before);
    assert_eq!(
        poverty_removals([&case], &FEDERAL),
        PovertyRemovals {
            removals: 2,
            poverty_related: 1,
            without_concrete_support: 1,
        }
    );
}

#[test]
fn housing_help_on_the_first_day_of_the_window_counts() {
    // Ended 2024-03-03, the window's first day.
    let case = case_of(history(d(2024, 3, 3)));
    assert!(case.removal_supports(&FEDERAL)[0].concrete_support_before);
    // Ended 2024-02-29: outside 90 days, inside 120 (2024-06-01 − 120 days = 2024-02-02).
    let case = case_of(history(d(2024, 2, 29)));
    let longer = Policy::federal().with_concrete_support_days(120).unwrap();
    assert_eq!(longer.concrete_support_days(), 120);
    assert_eq!(FEDERAL.concrete_support_days(), 90);
    assert!(case.removal_supports(&longer)[0].concrete_support_before);
    assert_eq!(
        poverty_removals([&case], &longer).without_concrete_support,
        0
    );
}
