//! Trial home visits (45 CFR 1356.21(e); CWPM 8.3C.5): in the parents' home, at most 6 months unless a court extends the visit; a
//! return after the limit is a new removal.

use chrono::NaiveDate;

use super::{Check, Objection, Rule, RuleId, Subject};
use crate::case::event::{EventData, EventKind, Finding};
use crate::case::stage::Stage;
use crate::date;
use crate::family::{FamilyKind, Relationship};
use crate::placement::Setting;

/// The visit in progress: its start and the first day beyond its authorized period under the
/// order that governs it (`Visit::governing_order`, the one reading the fold and the clocks take
/// too).
fn visit(c: &Check<'_>) -> Option<(NaiveDate, NaiveDate)> {
    let v = c.case.visit_in_progress()?;
    let known = c.case.events().len();
    Some((v.start(), v.first_day_beyond(known, c.policy)))
}

/// The visit is a trial-home-visit setting in the home of a parent or legal guardian (45 CFR
/// 1356.21(e): a visit is a return home; SSA §475(2): parents are "biological or adoptive parents
/// or legal guardians"): a birth family, the household the open episode's removal names, or a
/// family in which a member is a legal parent or the legal guardian of the child.
pub(crate) fn with_parents(c: &Check<'_>) -> Option<Objection> {
    let p = c.event.what().new_placement()?;
    let family = c.caregiver;
    let removed_from = c.case.episodes().last().and_then(|e| e.removed_from());
    let home = family.is_some_and(|f| {
        f.kind() == FamilyKind::Birth
            || removed_from == Some(f.id())
            || f.members()
                .iter()
                .any(|m| m.is_legal_parent() || m.relationship() == Relationship::LegalGuardian)
    });
    if p.setting() == Setting::TrialHomeVisit
        && home
        && let Some(f) = family
        && let Some(o) = former_parents(c, f)
    {
        return Some(o.about(Subject::Placement(p.id().clone())));
    }
    let ok = p.setting() == Setting::TrialHomeVisit && home;
    (!ok).then(|| {
        Objection::new(format!(
                "a trial home visit needs a trial_home_visit setting in the home of a parent or legal guardian (a birth family, the household the child was removed from, or a family with a legal parent or legal guardian of the child), found a {} with {}",
                p.setting().as_str(),
                family.map_or("no caregiver family".to_owned(), |f| format!(
                    "family {} of kind {}",
                    f.id(),
                    f.kind().as_str()
                ))
            ),
        )
        .about(Subject::Placement(p.id().clone()))
    })
}

/// A home whose legal parents have all had their rights ended (terminated, relinquished, or
/// died) by the visit's date, with no legal guardian of the child there, is no longer a parent's
/// home: a visit there is not a return home (45 CFR 1356.21(e); SSA §475(2)). The household the
/// child was removed from keeps a caregiver who is not one of those parents (a grandmother who
/// had custody). The stay is recorded as a placement with the family instead.
fn former_parents(c: &Check<'_>, f: &crate::Family) -> Option<Objection> {
    let guardian = f
        .members()
        .iter()
        .any(|m| m.relationship() == Relationship::LegalGuardian);
    let mut parents = f
        .members()
        .iter()
        .filter(|m| m.is_legal_parent())
        .peekable();
    parents.peek()?;
    let mut ended = Vec::new();
    for m in parents {
        if !c.case.parental_rights(m.person().id()).ended() {
            return None;
        }
        ended.push(m.person().id().as_str());
    }
    let removed_from = c.case.episodes().last().and_then(|e| e.removed_from()) == Some(f.id());
    let other_caregiver = f.caregivers().any(|m| {
        !m.is_legal_parent()
            && m.relationship() != Relationship::Mother
            && m.relationship() != Relationship::Father
    });
    if guardian || (removed_from && other_caregiver) {
        return None;
    }
    Some(Objection::new(format!(
        "a trial home visit is a return home to a parent or legal guardian; the rights of every legal parent in family {} ({}) had ended by {}: record the stay as a placement with the family",
        f.id(),
        ended.join(", "),
        c.event.date()
    )))
}

/// A return to foster care ends the visit as the same episode only within the authorized period.
/// After it, the return is a new removal (record a `removal`, with new findings).
fn within_limit(c: &Check<'_>) -> Option<Objection> {
    let (start, beyond) = visit(c)?;
    if c.event.kind() == EventKind::RanAway {
        return (c.event.date() > beyond).then(|| {
            Objection::new(format!(
                "the trial home visit begun {start} outlived its limit on {beyond}, which ended the episode; a runaway on {} is not from foster care: record a removal with new findings when the child re-enters care",
                c.event.date()
            ))
        });
    }
    (c.event.date() > beyond).then(|| {
        Objection::new(format!(
                "the trial home visit begun {start} outlived its limit on {beyond}; a return on {} is a new removal: record a removal with new findings",
                c.event.date()
            ),
        )
    })
}

/// A removal during a visit is a re-entry only once the visit has outlived its limit; within the
/// limit the child returns with `trial_home_visit_ended`.
pub(crate) fn outlived_limit(c: &Check<'_>) -> Option<Objection> {
    let (start, beyond) = visit(c)?;
    (c.event.date() <= beyond).then(|| {
        Objection::new(format!(
                "the trial home visit begun {start} is authorized through {} (the child may be back in care on {beyond}); use trial_home_visit_ended to return the child to care",
                date::days_before(beyond, 1)
            ),
        )
    })
}

/// A court extension needs a visit under way, an end date on or after the visit's start and the
/// order's date, and an order made before the visit outlived its authorized period: a visit past
/// its limit already ended the episode (45 CFR 1356.21(e); CWPM 8.3C.5), and a later order cannot
/// revive it. In foster care with no visit under way the order governs the episode's next visit
/// (a court may set the period at the hearing that authorizes the visit); it needs only an end
/// on or after its own date.
pub(crate) fn extension(c: &Check<'_>) -> Option<Objection> {
    let EventData::CourtFinding(Finding::VisitExtended { until }) = c.event.what() else {
        return None;
    };
    let ordered = c.event.date();
    // The court's findings follow the moves of their day (day rank 4): a visit that ended the
    // day of the order was under way when it was made.
    let ended_today = || {
        let v = c.case.visits().last()?;
        let end = c.case.placements()[v.placement()].end()?;
        (end.date == ordered).then_some((v.start(), ordered))
    };
    let Some((start, beyond)) = visit(c).or_else(ended_today) else {
        // In foster care the court may set the period of the visit it authorizes before the
        // child goes home: the order governs the episode's next visit (no visit ended today,
        // `ended_today` says).
        if c.case.stage() == Stage::FosterCare {
            return (*until < ordered).then(|| {
                Objection::new(format!(
                    "a visit extension needs an end on or after {ordered}, found {until}"
                ))
            });
        }
        return Some(Objection::new(format!(
            "a visit extension needs a trial home visit under way or foster care awaiting one, found stage {}",
            c.case.stage()
        )));
    };
    // Symmetric with a return: on `beyond` itself the child may still come back in time.
    if ordered > beyond {
        return Some(Objection::new(format!(
            "the trial home visit begun {start} outlived its limit on {beyond}; an extension ordered {ordered} cannot revive it"
        )));
    }
    (*until < start.max(ordered)).then(|| {
        Objection::new(format!(
            "a visit extension needs an end on or after {}, found {until}",
            start.max(ordered)
        ))
    })
}

/// A visit that outlived its limit ended the episode in reunification on the policy's date
/// (45 CFR 1356.21(e)): a later discharge can only record that reunification.
fn discharge_after_limit(c: &Check<'_>) -> Option<Objection> {
    let EventData::Discharge(d) = c.event.what() else {
        return None;
    };
    let (start, beyond) = visit(c)?;
    let late = c.event.date() > beyond && d.reason() != crate::case::stage::ExitReason::Reunified;
    late.then(|| {
        Objection::new(format!(
                "the trial home visit begun {start} outlived its limit on {beyond}, which ended the episode in reunification; a discharge on {} can only give the reason reunified, found {}",
                c.event.date(),
                d.reason().as_str()
            ),
        )
    })
}

/// A visit that outlived its limit: the return to care is a new removal, a runaway is not from
/// foster care, and a discharge can only record the reunification it already was. The one function of [`RuleId::VisitOutlivedLimit`].
pub(crate) fn outlived(c: &Check<'_>) -> Option<Objection> {
    match c.event.kind() {
        EventKind::Discharge => discharge_after_limit(c),
        _ => within_limit(c),
    }
}

/// A visit with the parents.
pub(crate) const WITH_PARENTS: Rule = Rule::one(RuleId::VisitNotWithParents, with_parents);
/// After the limit, no return within the same episode, and no discharge but reunification.
pub(crate) const OUTLIVED: Rule = Rule::one(RuleId::VisitOutlivedLimit, outlived);
/// A removal during a visit only once it outlived its limit.
pub(crate) const REENTRY: Rule = Rule::one(RuleId::VisitWithinLimit, outlived_limit);
/// A court extension needs a visit under way.
pub(crate) const EXTENSION: Rule = Rule::one(RuleId::VisitExtension, extension);

/// The rules of a visit's beginning (beyond the placement rules). Not the plan's goal: federal
/// law limits the visit's length (45 CFR 1356.21(e)), not the plan it serves, and a visit a
/// court orders while the recorded plan is stale happened all the same.
pub(crate) const BEGIN: &[Rule] = &[WITH_PARENTS];

/// Every rule of this family.
#[cfg(test)]
pub(crate) const ALL: &[Rule] = &[WITH_PARENTS, OUTLIVED, REENTRY, EXTENSION];
