//! Scenario tests for Family First prevention plans and services (`src/supports.rs`, the
//! service clocks of `src/timeline/ffpsa.rs`): a service specified in the plan and one not, a
//! service on the last day of the prevention period and on the day after, a period closed by a
//! removal or renewed by a new plan, concrete supports, and the clinical details kept out of
//! `Debug`.
//!
//! Dates: "12 months after E" = E + 12 calendar months; the period's last day is the day before.

mod common;

use common::*;
use permanency::supports::{
    EvidenceRating, Funding, PlanFor, PreventionPlan, PreventionStrategy, Recipient, Service,
    ServiceKind,
};
use permanency::timeline::{Consequence, ObligationKind as K, Status};
use permanency::*;

/// In-home services open 2024-02-10 without a candidacy.
fn open() -> Event {
    ev(
        d(2024, 2, 10),
        EventData::OpenPreservation(Candidacy::NotCandidate),
    )
}

/// The plan of 2024-02-12: the child a candidate, remaining at home, with an in-home parent
/// skill-based program specified in advance. Its period: 2024-02-12 + 12 months = 2025-02-12,
/// the due date; the last day of services is 2025-02-11.
fn plan_on(date: chrono::NaiveDate, services: &[ServiceKind]) -> Event {
    ev(
        date,
        EventData::PreventionPlanRecorded(PreventionPlan::new(
            PlanFor::Candidate,
            PreventionStrategy::RemainAtHome,
            services.iter().copied(),
        )),
    )
}

fn plan() -> Event {
    plan_on(d(2024, 2, 12), &[ServiceKind::InHomeParentSkills])
}

fn claimed(kind: ServiceKind) -> Service {
    Service::new(kind, Recipient::Parent, Funding::TitleIvePrevention)
        .rated(EvidenceRating::WellSupported)
}

fn service(date: chrono::NaiveDate, s: Service) -> Event {
    ev(date, EventData::ServiceProvided(s))
}

#[test]
fn a_service_specified_in_the_plan_is_paid_and_one_not_specified_is_flagged() {
    let case = case_of(vec![
        open(),
        plan(),
        // Specified in advance, 2024-03-01 through 2024-08-31.
        service(
            d(2024, 3, 1),
            claimed(ServiceKind::InHomeParentSkills).ending(d(2024, 8, 31)),
        ),
        // Not in the plan: accepted, and flagged.
        service(
            d(2024, 3, 1),
            claimed(ServiceKind::MentalHealth).ending(d(2024, 8, 31)),
        ),
        // A state-funded housing support: no federal claim, no obligation.
        service(
            d(2024, 3, 5),
            Service::new(ServiceKind::Housing, Recipient::Parent, Funding::State),
        ),
    ]);
    let obs = case.obligations(d(2024, 9, 1), &FEDERAL);
    let specified = all(&obs, K::PreventionServiceSpecified);
    assert_eq!(specified.len(), 2);
    // Due on the service's first day, met on the day of the plan that named it.
    expect(
        specified[0],
        RuleId::PreventionServiceSpecified,
        d(2024, 3, 1),
        d(2024, 3, 1),
        Status::Met(d(2024, 2, 12)),
        None,
    );
    expect(
        specified[1],
        RuleId::PreventionServiceSpecified,
        d(2024, 3, 1),
        d(2024, 3, 1),
        Status::Overdue,
        Some(Consequence::NoPreventionPayment),
    );
    // Both lie within the period (last day 2025-02-11): met on their last day, 2024-08-31.
    let period = all(&obs, K::PreventionServiceInPeriod);
    assert_eq!(period.len(), 2);
    for o in period {
        expect(
            o,
            RuleId::PreventionServiceInPeriod,
            d(2024, 3, 1),
            d(2025, 2, 11),
            Status::Met(d(2024, 8, 31)),
            None,
        );
    }
    // The plan opened the 12-month period: due 2025-02-12.
    expect(
        one(&obs, K::PreventionPeriod),
        RuleId::PreventionPeriod,
        d(2024, 2, 12),
        d(2025, 2, 12),
        Status::Upcoming,
        None,
    );
}

#[test]
fn a_service_on_the_last_day_of_the_period_is_in_it_and_the_day_after_is_not() {
    let skills = || claimed(ServiceKind::InHomeParentSkills);
    // 2025-02-11, the last day: in the period, met on its (one) day.
    let case = case_of(vec![
        open(),
        plan(),
        service(d(2025, 2, 11), skills().ending(d(2025, 2, 11))),
    ]);
    expect(
        one(
            &case.obligations(d(2025, 3, 1), &FEDERAL),
            K::PreventionServiceInPeriod,
        ),
        RuleId::PreventionServiceInPeriod,
        d(2025, 2, 11),
        d(2025, 2, 11),
        Status::Met(d(2025, 2, 11)),
        None,
    );
    // 2025-02-12, the day after: accepted, no period open, no payment from that day.
    let case = case_of(vec![
        open(),
        plan(),
        service(d(2025, 2, 12), skills().ending(d(2025, 2, 12))),
    ]);
    let obs = case.obligations(d(2025, 3, 1), &FEDERAL);
    expect(
        one(&obs, K::PreventionServiceInPeriod),
        RuleId::PreventionServiceInPeriod,
        d(2025, 2, 12),
        d(2025, 2, 12),
        Status::Overdue,
        Some(Consequence::NoPaymentFrom(d(2025, 2, 12))),
    );
    // Specified in the plan all the same: only the period is missed.
    assert_eq!(
        one(&obs, K::PreventionServiceSpecified).status(),
        Status::Met(d(2024, 2, 12))
    );
}

#[test]
fn a_service_that_runs_past_the_period_is_paid_through_its_last_day() {
    // Begun 2024-12-01, still going on 2025-03-01: past the last day 2025-02-11.
    let case = case_of(vec![
        open(),
        plan(),
        service(d(2024, 12, 1), claimed(ServiceKind::InHomeParentSkills)),
    ]);
    let in_period = |on| {
        one(
            &case.obligations(on, &FEDERAL),
            K::PreventionServiceInPeriod,
        )
        .clone()
    };
    expect(
        &in_period(d(2025, 1, 15)),
        RuleId::PreventionServiceInPeriod,
        d(2024, 12, 1),
        d(2025, 2, 11),
        Status::Upcoming,
        None,
    );
    expect(
        &in_period(d(2025, 3, 1)),
        RuleId::PreventionServiceInPeriod,
        d(2024, 12, 1),
        d(2025, 2, 11),
        Status::Overdue,
        Some(Consequence::NoPaymentFrom(d(2025, 2, 12))),
    );
}

#[test]
fn a_removal_ends_the_period_for_the_services_and_a_new_plan_carries_them_on() {
    // Removed 2024-06-01: the child is no longer a candidate; the period's last day is
    // 2024-05-31. The service ran to 2024-07-31: late, no payment from 2024-06-01.
    let case = case_of(vec![
        open(),
        plan(),
        service(
            d(2024, 3, 1),
            claimed(ServiceKind::InHomeParentSkills).ending(d(2024, 7, 31)),
        ),
        removal(d(2024, 6, 1)),
    ]);
    expect(
        one(
            &case.obligations(d(2024, 8, 1), &FEDERAL),
            K::PreventionServiceInPeriod,
        ),
        RuleId::PreventionServiceInPeriod,
        d(2024, 3, 1),
        d(2024, 5, 31),
        Status::MetLate(d(2024, 7, 31)),
        Some(Consequence::NoPaymentFrom(d(2024, 6, 1))),
    );

    // A new plan on 2024-10-01 opens the next period (2024-10-01 + 12 months = 2025-10-01; last
    // day 2025-09-30): a service begun under the first runs on into it.
    let case = case_of(vec![
        open(),
        plan(),
        service(
            d(2024, 3, 1),
            claimed(ServiceKind::InHomeParentSkills).ending(d(2025, 6, 30)),
        ),
        plan_on(d(2024, 10, 1), &[ServiceKind::InHomeParentSkills]),
    ]);
    expect(
        one(
            &case.obligations(d(2025, 7, 1), &FEDERAL),
            K::PreventionServiceInPeriod,
        ),
        RuleId::PreventionServiceInPeriod,
        d(2024, 3, 1),
        d(2025, 9, 30),
        Status::Met(d(2025, 6, 30)),
        None,
    );
}

#[test]
fn a_plan_on_the_day_of_the_candidacy_opens_no_second_period() {
    let case = case_of(vec![
        ev(
            d(2024, 2, 10),
            EventData::OpenPreservation(Candidacy::FosterCareCandidate),
        ),
        plan_on(d(2024, 2, 10), &[ServiceKind::MentalHealth]),
    ]);
    // One period, 2024-02-10 to the due date 2025-02-10.
    expect(
        one(
            &case.obligations(d(2024, 3, 1), &FEDERAL),
            K::PreventionPeriod,
        ),
        RuleId::PreventionPeriod,
        d(2024, 2, 10),
        d(2025, 2, 10),
        Status::Upcoming,
        None,
    );
}

#[test]
fn a_concrete_support_claimed_as_a_prevention_service_is_flagged() {
    // Cash assistance is not a kind SSA §471(e)(1) allows: no plan can specify it for a claim.
    let case = case_of(vec![
        open(),
        plan_on(d(2024, 2, 12), &[ServiceKind::CashAssistance]),
        service(
            d(2024, 3, 1),
            claimed(ServiceKind::CashAssistance).ending(d(2024, 3, 1)),
        ),
    ]);
    expect(
        one(
            &case.obligations(d(2024, 4, 1), &FEDERAL),
            K::PreventionServiceSpecified,
        ),
        RuleId::PreventionServiceSpecified,
        d(2024, 3, 1),
        d(2024, 3, 1),
        Status::Overdue,
        Some(Consequence::NoPreventionPayment),
    );
}

#[test]
fn in_care_only_a_pregnant_or_parenting_youths_plan_is_recorded() {
    let mut case = in_care();
    let rejection = refuse(&mut case, plan_on(d(2024, 3, 1), &[]), &FEDERAL);
    assert_eq!(rules(&rejection), vec![RuleId::CandidateInCare]);
    let youth = ev(
        d(2024, 3, 1),
        EventData::PreventionPlanRecorded(PreventionPlan::new(
            PlanFor::PregnantOrParentingYouth,
            PreventionStrategy::RemainAtHome,
            [ServiceKind::InHomeParentSkills],
        )),
    );
    accept(&mut case, youth, &FEDERAL);
}

#[test]
fn a_service_cannot_end_before_it_begins_and_its_clinical_details_stay_private() {
    let s = claimed(ServiceKind::SubstanceUse).ending(d(2024, 2, 29));
    assert!(matches!(
        Event::new(d(2024, 3, 1), EventData::ServiceProvided(s)),
        Err(Error::DateOrder {
            field: "service end",
            ..
        })
    ));
    let s = claimed(ServiceKind::SubstanceUse)
        .with_clinical(Note::new("opioid use disorder, weekly counselling").unwrap());
    let e = service(d(2024, 3, 1), s);
    let shown = format!("{e:?}");
    assert!(!shown.contains("opioid"), "{shown}");
    assert!(shown.contains(REDACTED), "{shown}");
    let case = case_of(vec![open(), plan(), e]);
    assert!(!format!("{case:?}").contains("opioid"));
}

#[test]
fn a_service_planned_to_end_later_is_not_yet_met() {
    // Planned through 2024-08-31; asked on 2024-06-01 the end is not yet a fact.
    let case = case_of(vec![
        open(),
        plan(),
        service(
            d(2024, 3, 1),
            claimed(ServiceKind::InHomeParentSkills).ending(d(2024, 8, 31)),
        ),
    ]);
    expect(
        one(
            &case.obligations(d(2024, 6, 1), &FEDERAL),
            K::PreventionServiceInPeriod,
        ),
        RuleId::PreventionServiceInPeriod,
        d(2024, 3, 1),
        d(2025, 2, 11),
        Status::Upcoming,
        None,
    );
}
