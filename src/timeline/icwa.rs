//! The Indian Child Welfare Act's clocks: what an ICWA foster-care placement order and a
//! termination of parental rights must rest on (25 U.S.C. 1912(d)–(f)) — active efforts, a
//! qualified expert witness, the standard of evidence — one obligation for each, per order.
//!
//! The order is the one of the episode's [`IcwaFindings`] for a foster-care placement (its first
//! record in the episode, a pick-up order before the removal included), or, when none is
//! recorded, the court order that removed the child; for a termination, the findings recorded
//! the day of the termination. Each obligation is due the day of the order:
//!
//! - met on the day of the findings when they carry it (met late, and open to invalidation, when
//!   the findings of a court-ordered removal come after it);
//! - overdue and open to invalidation (25 U.S.C. 1914) when the findings were recorded without it;
//! - overdue (with no consequence stated: the order's findings are not recorded) when no findings
//!   are recorded.
//!
//! An emergency removal (§1922) and a voluntary placement (§1913) need none of them. The clocks
//! run only while ICWA applies on the day of the order
//! ([`Case::indian_child_status_on`](crate::Case::indian_child_status_on)). The title IV-E
//! reasonable-efforts findings are owed as well: active efforts do not replace them.

use chrono::NaiveDate;

use super::engine::EpisodeView;
use super::types::{Consequence, Obligation, ObligationKind};
use crate::case::event::{EventData, Manner};
use crate::icwa::{IcwaFindings, IcwaOrder};
use crate::rules::Subject;

/// Whether findings carry what `kind` asks.
fn carries(kind: ObligationKind, f: &IcwaFindings) -> bool {
    match kind {
        ObligationKind::IcwaActiveEfforts => f.active_efforts,
        ObligationKind::IcwaExpertWitness => f.expert_witness,
        _ => f.meets_standard(),
    }
}

/// One ICWA order: its date, its findings when recorded (with their date), whom it is about.
struct Order<'a> {
    date: NaiveDate,
    findings: Option<(NaiveDate, &'a IcwaFindings)>,
    subject: Option<Subject>,
}

/// The episode's ICWA orders: its foster-care placement order, then each termination.
fn orders<'a>(ep: &EpisodeView<'a>) -> Vec<Order<'a>> {
    let case = ep.view.case;
    let applies = |d: NaiveDate| case.indian_child_status_on(d).icwa_applies();
    let mut out = Vec::new();
    let placement = ep
        .before
        .iter()
        .chain(ep.events)
        .find_map(|e| match e.what() {
            EventData::IcwaFindings(f) if f.order == IcwaOrder::FosterCarePlacement => {
                Some((e.date(), f))
            }
            _ => None,
        });
    let removal = ep.removal();
    match placement {
        // A court-ordered removal: the order is the removal's, and findings after it are late.
        _ if ep.episode.manner() == Manner::CourtOrder && applies(removal) => out.push(Order {
            date: placement.map_or(removal, |(d, _)| d.min(removal)),
            findings: placement,
            subject: None,
        }),
        // After an emergency removal or a voluntary placement: the order the findings record.
        Some((d, f)) if applies(d) => out.push(Order {
            date: d,
            findings: Some((d, f)),
            subject: None,
        }),
        _ => {}
    }
    for e in ep.events {
        if let EventData::ParentalRightsTerminated { parent } = e.what()
            && applies(e.date())
        {
            let findings = ep.events.iter().rev().find_map(|x| match x.what() {
                EventData::IcwaFindings(f)
                    if f.order == IcwaOrder::ParentalRightsTermination && x.date() == e.date() =>
                {
                    Some((x.date(), f))
                }
                _ => None,
            });
            out.push(Order {
                date: e.date(),
                findings,
                subject: Some(Subject::Person(parent.clone())),
            });
        }
    }
    out
}

fn derive(kind: ObligationKind, ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    for order in orders(ep) {
        let mut once = ep.once(kind, order.date, order.date);
        once = match order.findings {
            Some((on, f)) if carries(kind, f) => once
                .met(Some(on))
                .if_missed(Consequence::OpenToInvalidation),
            Some(_) => once.lapsed(true).if_missed(Consequence::OpenToInvalidation),
            None => once,
        };
        if let Some(s) = order.subject {
            once = once.about(s);
        }
        once.push(out);
    }
}

/// Active efforts, made and proved unsuccessful (25 U.S.C. 1912(d); 25 CFR 23.120).
pub(super) fn active_efforts(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    derive(ObligationKind::IcwaActiveEfforts, ep, out);
}

/// A qualified expert witness's testimony (§1912(e), (f); 25 CFR 23.122).
pub(super) fn expert_witness(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    derive(ObligationKind::IcwaExpertWitness, ep, out);
}

/// Clear and convincing evidence for a placement, beyond a reasonable doubt for a termination
/// (§1912(e), (f); 25 CFR 23.121).
pub(super) fn evidence_standard(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    derive(ObligationKind::IcwaEvidenceStandard, ep, out);
}
