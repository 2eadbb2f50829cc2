//! The benches' synthetic caseload, checked: every generated history is accepted under the
//! federal policy, and the derived views of the accepted cases keep their invariants. This keeps
//! the benchmark honest (it measures valid histories) and runs the machine over a realistic mix:
//! the counts below pin the mix the generator is written to produce.

#![allow(dead_code)]

use chrono::NaiveDate;
use permanency::{EventData, ExitReason, Finding, Policy, Setting, Stage};

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

#[test]
fn two_thousand_synthetic_histories_replay_and_keep_their_invariants() {
    let policy = Policy::federal();
    let cases = synthetic::caseload(2_000, &policy);
    let (mut adopted, mut reunified, mut reentries) = (0, 0, 0);
    let (mut recorded, mut extended, mut residential, mut qrtp_assessed, mut long) =
        (0, 0, 0, 0, 0);
    let mut longest = 0;
    for case in &cases {
        // Placements never overlap and only the last may be open.
        for pair in case.placements().windows(2) {
            let end = pair[0]
                .end()
                .expect("only the last placement may be open")
                .date;
            assert!(end <= pair[1].start(), "{:?}", case.child().id());
        }
        // Episodes: at most the last is open, each exit on or after its removal.
        for (i, e) in case.episodes().iter().enumerate() {
            match e.exit() {
                Some(x) => assert!(x.date >= e.removal_date()),
                None => assert_eq!(i + 1, case.episodes().len()),
            }
        }
        match case.stage() {
            Stage::Exited(ExitReason::Adopted) => {
                adopted += 1;
                assert!(case.legal_parents().iter().all(|p| p.rights.ended()));
            }
            Stage::Exited(ExitReason::Reunified) => reunified += 1,
            _ => {}
        }
        reentries += case.episodes().iter().filter(|e| e.is_reentry()).count();
        let events = case.events();
        recorded += usize::from(
            events
                .iter()
                .any(|e| matches!(e.what(), EventData::FamilyRecorded(_))),
        );
        extended += usize::from(events.iter().any(|e| {
            matches!(
                e.what(),
                EventData::CourtFinding(Finding::VisitExtended { .. })
            )
        }));
        qrtp_assessed += usize::from(
            events
                .iter()
                .any(|e| matches!(e.what(), EventData::QrtpAssessed { .. })),
        );
        residential += usize::from(case.placements().iter().any(|p| {
            matches!(
                p.setting(),
                Setting::GroupHomeStaffOperated | Setting::ChildCareInstitution | Setting::Qrtp
            )
        }));
        long += usize::from(events.len() >= 100);
        longest = longest.max(events.len());
        // The clocks run on every case without panicking, and every due date follows its start.
        let as_of = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
        for o in case.obligations(as_of, &policy) {
            assert!(o.due() >= o.counts_from(), "{:?} {o:?}", case.child().id());
        }
    }
    // The mix the generator is written to produce (see benches/support/synthetic.rs): about 55%
    // of final episodes reunify, 30% end in adoption, 20% of cases have a re-entry; most cases
    // see the foster license renewed; a quarter of the visits are extended; some children stay in
    // group homes, institutions or QRTPs (assessed); 3% of the cases are long, with hundreds of
    // events.
    eprintln!(
        "reunified {reunified}, adopted {adopted}, re-entries {reentries}, family records in {recorded}, \
         extensions in {extended}, residential in {residential}, QRTP assessed in {qrtp_assessed}, \
         {long} long, longest {longest}, {} events",
        cases.iter().map(|c| c.events().len()).sum::<usize>()
    );
    assert!((900..1300).contains(&reunified), "reunified {reunified}");
    assert!((450..750).contains(&adopted), "adopted {adopted}");
    assert!((300..500).contains(&reentries), "re-entries {reentries}");
    assert!(
        (800..2000).contains(&recorded),
        "family records in {recorded}"
    );
    assert!(
        (200..600).contains(&extended),
        "visit extensions in {extended}"
    );
    assert!(
        (100..800).contains(&residential),
        "residential stays in {residential}"
    );
    assert!(qrtp_assessed >= 20, "QRTP assessments in {qrtp_assessed}");
    assert!(
        (30..100).contains(&long),
        "{long} cases of 100 events or more"
    );
    assert!(longest >= 200, "the longest case has {longest} events");
}
