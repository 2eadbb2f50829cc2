//! The QRTP record guard (`src/rules/placement.rs`, `qrtp_placement`): a QRTP assessment, court
//! approval, head-of-agency approval or evidence for a hearing names a placement of the case
//! that is a QRTP.
//!
//! Each rule is refused with real dates (the exact rule ids and the exact message, the arithmetic
//! beside the expected value), next to the nearest history that is accepted; `common::refuse`
//! proves that a refused event leaves the case as it was. The cast (the child, F-BIRTH, F-REL,
//! F-FOSTER, F-ADOPT, F-GUARD) and the event builders are in `tests/common/mod.rs`.
#![cfg(feature = "serde")]

mod common;

use common::*;
use permanency::*;

// ================================================================================================
// QRTP records

#[test]
fn qrtp_records_name_a_qrtp_placement() {
    let mut case = in_care();
    let assessed = |id: &str| {
        ev(
            d(2024, 2, 15),
            EventData::QrtpAssessed {
                placement: plid(id),
                outcome: QrtpAssessment::Appropriate,
            },
        )
    };

    let r = refuse(&mut case, assessed("P-1"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::QrtpPlacement]);
    assert_eq!(
        message(&r, 0),
        "placement P-1 is a non_relative_foster_home, not a qrtp"
    );
    assert_eq!(subjects(&r, 0), [Subject::Placement(plid("P-1"))]);

    let r = refuse(&mut case, assessed("P-9"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::QrtpPlacement]);
    assert_eq!(message(&r, 0), "placement P-9 is not in the case");

    let approved = |id: &str| {
        ev(
            d(2024, 2, 20),
            EventData::CourtFinding(Finding::QrtpApproved {
                placement: plid(id),
            }),
        )
    };
    let r = refuse(&mut case, approved("P-1"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::QrtpPlacement]);
    assert_eq!(
        message(&r, 0),
        "placement P-1 is a non_relative_foster_home, not a qrtp"
    );

    // Moved to a QRTP on 2024-02-01, assessed within 30 days and approved by the court.
    accept(
        &mut case,
        change(d(2024, 2, 1), "P-2", Setting::Qrtp, None),
        &FEDERAL,
    );
    accept(&mut case, assessed("P-2"), &FEDERAL);
    accept(&mut case, approved("P-2"), &FEDERAL);

    let r = refuse(
        &mut case,
        ev(
            d(2024, 3, 1),
            EventData::QrtpLongStayApproved {
                placement: plid("P-1"),
            },
        ),
        &FEDERAL,
    );
    assert_eq!(rules(&r), [RuleId::QrtpPlacement]);
}

#[test]
fn qrtp_evidence_for_a_hearing_names_a_qrtp_placement() {
    // In foster home P-1 since 2024-01-10 (`in_care`): evidence of a QRTP's necessity can
    // only be about a QRTP (SSA §475A(c)(4)).
    let mut case = in_care();
    let evidence = |on: chrono::NaiveDate, id: &str| {
        ev(
            on,
            EventData::QrtpEvidenceSubmitted {
                placement: plid(id),
            },
        )
    };
    let r = refuse(&mut case, evidence(d(2024, 3, 1), "P-1"), &FEDERAL);
    assert_eq!(rules(&r), [RuleId::QrtpPlacement]);
    assert_eq!(
        message(&r, 0),
        "placement P-1 is a non_relative_foster_home, not a qrtp"
    );
    accept(
        &mut case,
        change(d(2024, 3, 1), "P-2", Setting::Qrtp, None),
        &FEDERAL,
    );
    accept(&mut case, evidence(d(2024, 6, 1), "P-2"), &FEDERAL);
}
