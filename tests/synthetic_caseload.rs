//! The benches' synthetic caseload, checked: every generated history is accepted under the
//! federal policy, and the derived views of the accepted cases keep their invariants. This keeps
//! the benchmark honest (it measures valid histories) and runs the machine over a realistic mix.

#![allow(dead_code)]

use chrono::NaiveDate;
use permanency::{ExitReason, Policy, Stage};

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

#[test]
fn two_thousand_synthetic_histories_replay_and_keep_their_invariants() {
    let policy = Policy::federal();
    let cases = synthetic::caseload(2_000, &policy);
    let mut adopted = 0;
    let mut reunified = 0;
    let mut reentries = 0;
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
        // The clocks run on every case without panicking, and every due date follows its start.
        let as_of = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
        for o in case.obligations(as_of, &policy) {
            assert!(o.due() >= o.counts_from(), "{:?} {o:?}", case.child().id());
        }
    }
    // The mix the generator is written to produce (see benches/support/synthetic.rs): about 55%
    // of final episodes reunify, 30% end in adoption, 20% of cases have a re-entry.
    assert!((900..1300).contains(&reunified), "reunified {reunified}");
    assert!((450..750).contains(&adopted), "adopted {adopted}");
    assert!((300..500).contains(&reentries), "re-entries {reentries}");
}
