//! The wire forms of the supports' events, as their docs give them: each reads back to the value
//! built in code, and writes to the same JSON.

#![cfg(feature = "serde")]

mod common;

use common::*;
use permanency::supports::*;
use permanency::*;
use serde_json::json;

#[track_caller]
fn round_trip(event: Event, wire: serde_json::Value) {
    assert_eq!(serde_json::to_value(&event).unwrap(), wire);
    let back: Event = serde_json::from_value(wire).unwrap();
    assert_eq!(back, event);
}

#[test]
fn the_supports_events_on_the_wire() {
    round_trip(
        ev(
            d(2024, 2, 12),
            EventData::PreventionPlanRecorded(PreventionPlan::new(
                PlanFor::Candidate,
                PreventionStrategy::RemainAtHome,
                [ServiceKind::InHomeParentSkills],
            )),
        ),
        json!({"date": "2024-02-12", "what": {"prevention_plan_recorded": {
            "for": "candidate", "strategy": "remain_at_home", "services": ["in_home_parent_skills"]}}}),
    );
    round_trip(
        ev(
            d(2024, 3, 1),
            EventData::ServiceProvided(
                Service::new(
                    ServiceKind::MentalHealth,
                    Recipient::Parent,
                    Funding::TitleIvePrevention,
                )
                .ending(d(2024, 6, 30))
                .rated(EvidenceRating::Supported),
            ),
        ),
        json!({"date": "2024-03-01", "what": {"service_provided": {
            "kind": "mental_health", "ends": "2024-06-30", "recipient": "parent",
            "rating": "supported", "funding": "title_ive_prevention"}}}),
    );
    round_trip(
        ev(
            d(2026, 5, 1),
            EventData::ExtendedCareCondition(
                YouthCondition::new(QualifyingCondition::Working80Hours).ending(d(2026, 5, 31)),
            ),
        ),
        json!({"date": "2026-05-01", "what": {"extended_care_condition": {
            "condition": "working_80_hours", "ends": "2026-05-31"}}}),
    );
    round_trip(
        ev(
            d(2024, 6, 3),
            EventData::SchoolEnrolled(
                Enrollment::new(SchoolId::new("S-12").unwrap()).with_records(),
            ),
        ),
        json!({"date": "2024-06-03", "what": {"school_enrolled": {
            "school": "S-12", "records_transferred": true}}}),
    );
    round_trip(
        ev(
            d(2023, 2, 20),
            EventData::CaseConference(Conference::new(
                ConferenceKind::CasePlanning,
                [
                    ParticipantRole::Child,
                    ParticipantRole::Parent,
                    ParticipantRole::Caseworker,
                ],
            )),
        ),
        json!({"date": "2023-02-20", "what": {"case_conference": {
            "kind": "case_planning", "participants": ["child", "parent", "caseworker"]}}}),
    );
    round_trip(
        ev(
            d(2024, 2, 9),
            EventData::IndividualAssessment(
                Assessment::new(
                    AssessmentKind::Qrtp,
                    pid("P-QI"),
                    QrtpAssessment::Appropriate,
                )
                .for_placement(plid("Q-1")),
            ),
        ),
        json!({"date": "2024-02-09", "what": {"individual_assessment": {
            "kind": "qrtp", "assessor": "P-QI", "finding": "appropriate", "placement": "Q-1"}}}),
    );
    round_trip(
        ev(d(2025, 9, 30), EventData::ExitDocumentsProvided),
        json!({"date": "2025-09-30", "what": "exit_documents_provided"}),
    );
}

#[test]
fn the_wire_names_are_the_display_names() {
    fn check<T: serde::Serialize + std::fmt::Display>(all: &[T]) {
        for v in all {
            assert_eq!(serde_json::to_value(v).unwrap(), json!(v.to_string()));
        }
    }
    check(PlanFor::ALL);
    check(PreventionStrategy::ALL);
    check(ServiceKind::ALL);
    check(Recipient::ALL);
    check(EvidenceRating::ALL);
    check(Funding::ALL);
    check(QualifyingCondition::ALL);
    check(ConferenceKind::ALL);
    check(ParticipantRole::ALL);
    check(AssessmentKind::ALL);
}
