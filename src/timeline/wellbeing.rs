//! The clocks of the child's safety and well-being while in care: caseworker visits (SSA
//! §422(b)(17), §424(e)(2), §475(5)(A)(ii)), a child missing from care (SSA §471(a)(35)), and
//! the title IV-E adoption assistance agreement (45 CFR 1356.40(b)(1)).

use chrono::{Datelike, NaiveDate};

use super::calendar;
use super::engine::{EpisodeView, View, first_on_or_after};
use super::types::{Consequence, Obligation, ObligationKind as K, Status};
use crate::case::event::{EventData, EventKind, MissingReport};
use crate::date;
use crate::placement::Location;
use crate::rules::Subject;

/// The first day of the month of `d`.
fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// A caseworker visit each full calendar month in care (SSA §424(e)(2)(A); §422(b)(17)): due on
/// the month's last day, met by a visit dated in the month. A month is full when the child is in
/// care on every day of it (from the first full month after the removal to the last before the
/// exit); while the episode is open, the month under way on the date asked counts too, upcoming
/// until its last day. The months stop before the month of the birthday care ends on at the
/// latest (the 21st, or the policy's later care-end age): a child recorded in care past it owes
/// the exit, not a visit every month to the date asked. Only the months missed and the latest
/// month are listed: a month met is shown only when it is the latest.
pub(super) fn caseworker_visit(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let removal = ep.removal();
    let first = if removal.day() == 1 {
        removal
    } else {
        calendar::first_of_next_month(removal)
    };
    // The first day after the last month counted: the exit's month, or the month after the
    // date asked, and never beyond the month of the last birthday in care (the child is in care
    // through the day before it, as before an exit that day).
    let stop = match ep.exit {
        Some(exit) => month_start(exit),
        None => calendar::first_of_next_month(view.as_of),
    }
    .min(month_start(view.recurring_until()));
    // The months are counted by their numbers ([`month_number`]): those whose first day is on or
    // after `first` and before `stop`. Both are firsts of months but for a date clamped to
    // [`NaiveDate::MAX`], which counts from the month after its own.
    let after = |d: NaiveDate| month_number(d) + i64::from(d.day() != 1);
    let (start, end) = (after(first), after(stop));
    // The month numbered `number`, met by `visit` (its first visit) or not met: listed when it
    // is the latest or missed (a month met that is not the latest is not listed).
    let mut month = |number: i64, visit: Option<NaiveDate>| {
        let latest = number + 1 == end;
        let Some(month) = month_first(number) else {
            return;
        };
        let (next, due) = calendar::next_month_and_last_day(month);
        // The latest month may end at the last date there is: its visit is one before `next`.
        let status = match visit.filter(|v| *v < next) {
            Some(on) => Status::Met(on),
            None => view.unmet(due),
        };
        if latest || status == Status::Overdue {
            out.push(Obligation::new(
                K::CaseworkerVisit,
                ep.number(),
                month,
                due,
                status,
            ));
        }
    };
    // The visits are in date order: one pass over them finds each month's first visit, and the
    // months between two visited months are the ones with none.
    let mut number = start;
    for visit in ep.dates(|e| matches!(e, EventData::CaseworkerVisited { .. })) {
        let visited = month_number(visit);
        if visited < number {
            // Before the first full month, or a month already visited.
            continue;
        }
        if visited >= end {
            break;
        }
        for missed in number..visited {
            month(missed, None);
        }
        if visited + 1 == end {
            month(visited, Some(visit));
        }
        number = visited + 1;
    }
    for missed in number..end {
        month(missed, None);
    }
}

/// The number of the month of `d`, counted from year 0 (12 to a year): consecutive months have
/// consecutive numbers.
fn month_number(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

/// The first day of the month numbered `number` (see [`month_number`]), if there is one.
fn month_first(number: i64) -> Option<NaiveDate> {
    let year = i32::try_from(number.div_euclid(12)).ok()?;
    let month0 = u32::try_from(number.rem_euclid(12)).ok()?;
    NaiveDate::from_ymd_opt(year, month0 + 1, 1)
}

/// The majority of the monthly visits in the child's residence (SSA §424(e)(2)(B)): read over the
/// episode's visits so far, due with the latest of them; met when more than half were in the
/// residence, overdue otherwise.
pub(super) fn caseworker_visits_in_residence(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let (mut total, mut home, mut last) = (0u32, 0u32, None);
    for e in ep.events {
        if let EventData::CaseworkerVisited { in_residence } = e.what() {
            total += 1;
            home += u32::from(*in_residence);
            last = Some(e.date());
        }
    }
    let Some(last) = last else {
        return;
    };
    let status = if home * 2 > total {
        Status::Met(last)
    } else {
        Status::Overdue
    };
    out.push(Obligation::new(
        K::CaseworkerVisitsInResidence,
        ep.number(),
        ep.removal(),
        last,
        status,
    ));
}

/// SSA §475(5)(A)(ii): a child placed out of state is visited by a caseworker at least every 6
/// months: due 6 months after the placement's start, then 6 months after each visit, while the
/// child is there.
pub(super) fn out_of_state_visit(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let mut visits: Option<Vec<NaiveDate>> = None;
    for p in view.case.episode_placements(ep.episode) {
        if p.start() > view.as_of || p.what().location() != Location::OutOfState {
            continue;
        }
        let visits = visits.get_or_insert_with(|| {
            ep.dates(|e| matches!(e, EventData::CaseworkerVisited { .. }))
                .collect()
        });
        let end = view.end_of(p).map(|e| e.date);
        let mut from = p.start();
        loop {
            let due = view.months_after(from, 6);
            // The first visit after `from` while the child is there.
            let visit = visits
                .get(visits.partition_point(|v| *v <= from))
                .copied()
                .filter(|v| end.is_none_or(|e| *v < e));
            let status = match visit {
                Some(on) => View::met(due, on),
                // Left the placement by the due date: nothing more owed.
                None if end.is_some_and(|e| e <= due) => break,
                None => view.unmet(due),
            };
            out.push(
                Obligation::new(K::OutOfStateVisit, ep.number(), from, due, status)
                    .about(Subject::Placement(p.id().clone())),
            );
            match visit {
                Some(on) => from = on,
                None => break,
            }
        }
    }
}

/// SSA §471(a)(35)(B): a child missing from care is reported "immediately, and in no case later
/// than 24 hours", to law enforcement (for the National Crime Information Center) and to the
/// National Center for Missing and Exploited Children. The crate counts days, not hours: due the
/// day after the child ran away; met on the day the later of the two reports was made.
pub(super) fn missing_child_report(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if !ep.kinds.has(EventKind::RanAway) {
        return;
    }
    let view = ep.view;
    let events = ep.events;
    for (i, e) in events.iter().enumerate() {
        let EventData::RanAway(r) = e.what() else {
            continue;
        };
        let ran = e.date();
        let due = calendar::days_after(ran, 1);
        let (mut police, mut center) = (None, None);
        for x in &events[i + 1..] {
            match x.what() {
                EventData::MissingChildReported(MissingReport::LawEnforcement) => {
                    police.get_or_insert(x.date());
                }
                EventData::MissingChildReported(MissingReport::MissingChildrenCenter) => {
                    center.get_or_insert(x.date());
                }
                EventData::RanAway(_) => break,
                _ => {}
            }
            if police.is_some() && center.is_some() {
                break;
            }
        }
        let both = police.zip(center).map(|(a, b)| a.max(b));
        view.once(K::MissingChildReport, ep.number(), ran, due)
            .met(both)
            .about(Subject::Placement(r.id().clone()))
            .push(out);
    }
}

/// SSA §471(a)(35)(A)(ii), (iv); §471(a)(34)(A): on a child's return from an absence, the agency
/// determines the primary factors that contributed to it and screens the child for sex
/// trafficking. The statute fixes no period: due on the day of the return, met on the day both
/// are recorded (late when after it).
pub(super) fn absence_debrief(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if !ep.kinds.has(EventKind::ReturnedFromRunaway) {
        return;
    }
    let view = ep.view;
    let events = ep.events;
    for (i, e) in events.iter().enumerate() {
        let EventData::ReturnedFromRunaway(p) = e.what() else {
            continue;
        };
        let back = e.date();
        let (mut factors, mut screened) = (None, None);
        for x in &events[i + 1..] {
            match x.what() {
                EventData::AbsenceFactorsDetermined => {
                    factors.get_or_insert(x.date());
                }
                EventData::TraffickingScreened => {
                    screened.get_or_insert(x.date());
                }
                EventData::RanAway(_) => break,
                _ => {}
            }
            if factors.is_some() && screened.is_some() {
                break;
            }
        }
        let both = factors.zip(screened).map(|(a, b)| a.max(b));
        view.once(K::AbsenceDebrief, ep.number(), back, back)
            .met(both)
            .about(Subject::Placement(p.id().clone()))
            .push(out);
    }
}

/// 45 CFR 1356.40(b)(1): the title IV-E adoption assistance agreement is signed before the final
/// decree of adoption. Recording the agreement claims the assistance; due the day before the
/// decree (met as signed while no decree is recorded); one signed on or after the decree is late,
/// and no title IV-E adoption assistance is paid under it.
pub(super) fn adoption_assistance_agreement(view: &View<'_>, out: &mut Vec<Obligation>) {
    if !view.kinds.has(EventKind::AdoptionAssistanceAgreementSigned) {
        return;
    }
    let mut signed = None;
    let mut decree = None;
    for e in view.events {
        match e.what() {
            EventData::AdoptionAssistanceAgreementSigned => {
                signed.get_or_insert(e.date());
            }
            EventData::AdoptionFinalized => {
                decree.get_or_insert(e.date());
            }
            _ => {}
        }
    }
    let Some(on) = signed else {
        return;
    };
    let due = decree.map_or(on, |d| date::days_before(d, 1));
    let episode = view.episode_on(on.min(due));
    view.once(K::AdoptionAssistanceAgreement, episode, on.min(due), due)
        .met(Some(on))
        .if_missed(Consequence::NoAdoptionAssistance)
        .push(out);
}

/// SSA §475A(a)(1)–(3): while a goal in force is APPLA (primary or concurrent), each permanency
/// hearing documents the
/// intensive efforts toward the other goals, the child's desired outcome, the compelling reasons
/// against each other goal, and the reasonable-and-prudent-parent steps. One obligation per such
/// hearing, due the hearing day, met by the first complete review recorded on or after it (late
/// when after the hearing); a review that leaves elements out does not meet it, and
/// [`ApplaReview::missing`](crate::ApplaReview::missing) on the recorded review names them. The
/// goal in force is the latest set on or before the hearing — in an earlier episode too, for a
/// youth who re-entered care with the plan of record still APPLA
/// ([`Case::current_plan`](crate::Case::current_plan)).
pub(super) fn appla_hearing_documentation(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    appla_documentation(
        ep,
        EventKind::PermanencyHearing,
        K::ApplaHearingDocumentation,
        crate::ApplaReview::is_complete,
        out,
    );
}

/// SSA §475(5)(B), §475A(a)(3): while a goal in force is APPLA, each periodic review documents
/// the steps taken so that the caregiver follows the reasonable and prudent parent standard and
/// the youth has regular opportunities for age- or developmentally-appropriate activities. One
/// obligation per such review, due the review day, met by the first review recorded on or after
/// it that documents those steps ([`ApplaReview::prudent_parent`](crate::ApplaReview::prudent_parent));
/// the other elements are the permanency hearing's. The goal in force is read as for
/// [`appla_hearing_documentation`].
pub(super) fn appla_review_documentation(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    appla_documentation(
        ep,
        EventKind::PeriodicReview,
        K::ApplaReviewDocumentation,
        crate::ApplaReview::documents_prudent_parent,
        out,
    );
}

/// One obligation of `kind` at each `held` event (a permanency hearing or a periodic review)
/// while a goal in force is APPLA, met by the first `ApplaReviewed` on or after it whose review
/// `meets`.
fn appla_documentation(
    ep: &EpisodeView<'_>,
    held: EventKind,
    kind: K,
    meets: fn(&crate::ApplaReview) -> bool,
    out: &mut Vec<Obligation>,
) {
    let view = ep.view;
    // Owed only at a hearing or review after a plan set.
    if !(view.kinds.has(EventKind::PlanSet) && ep.kinds.has(held)) {
        return;
    }
    // APPLA as the primary goal or the concurrent one: either way it is "the permanency plan"
    // of the child (§475A(a)) the hearing must document.
    let is_appla = |goals: &crate::plan::Goals| {
        goals.primary_goal() == crate::plan::Goal::Appla
            || goals.concurrent_goal() == Some(crate::plan::Goal::Appla)
    };
    // The goal in force when the episode began: the latest plan set before its removal.
    let mut appla = view.events[..ep.episode.removal_event().min(view.events.len())]
        .iter()
        .rev()
        .find_map(|e| match e.what() {
            EventData::PlanSet(goals) => Some(is_appla(goals)),
            _ => None,
        })
        .unwrap_or(false);
    let mut complete: Option<Vec<NaiveDate>> = None;
    for e in ep.events {
        match e.what() {
            EventData::PlanSet(goals) => appla = is_appla(goals),
            _ if appla && e.kind() == held => {
                let complete = complete.get_or_insert_with(|| {
                    ep.events
                        .iter()
                        .filter(|x| matches!(x.what(), EventData::ApplaReviewed(r) if meets(r)))
                        .map(|x| x.date())
                        .collect()
                });
                let on = e.date();
                view.once(kind, ep.number(), on, on)
                    .met(first_on_or_after(complete, on))
                    .push(out);
            }
            _ => {}
        }
    }
}
