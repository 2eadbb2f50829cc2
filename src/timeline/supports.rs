//! The clocks of the supports around permanency: transition to adulthood (SSA §475(8)(B)(iv),
//! §475(5)(I)).

use chrono::{Datelike as _, NaiveDate};

use super::calendar;
use super::engine::{EpisodeView, Rhythm, recurring};
use super::types::{Consequence, Obligation, ObligationKind as K};
use crate::case::event::{EventData, EventKind};
use crate::case::stage::ExitReason;
use crate::rules::Subject;
use crate::supports::Enrollment;

/// SSA §475(8)(B)(iv): a youth of 18 or older in extended care is a title IV-E "child" only in a
/// month in which a qualifying condition holds. One obligation per calendar month in care that
/// begins on or after the 18th birthday and before care ends (the state's extended-care age;
/// none when the state does not extend care): due on the month's last day, met on the first day
/// of the month a recorded condition covers; missed, the youth is not a title IV-E child that
/// month (ineligible from its first day until the next month's).
pub(super) fn extended_care_condition(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let policy = view.policy;
    if policy.extended_care_age().is_none() {
        return;
    }
    let adult = view.case.child().attains_age(18, policy);
    let care_end = view.care_end();
    let last_in_care = ep.exit.map_or(view.as_of, |x| x.pred_opt().unwrap_or(x));
    // The conditions recorded in the episode, as [first, last] days (`None`: still going on).
    let conditions: Vec<(NaiveDate, Option<NaiveDate>)> = ep
        .events
        .iter()
        .filter_map(|e| match e.what() {
            EventData::ExtendedCareCondition(c) => Some((e.date(), c.ends())),
            _ => None,
        })
        .collect();
    // The first month that begins on or after the birthday and overlaps the stay.
    let first_of = |d: NaiveDate| {
        if d.day() == 1 {
            d
        } else {
            calendar::first_of_next_month(d)
        }
    };
    let mut month = first_of(adult);
    let removal_month = ep.removal().with_day0(0).unwrap_or(ep.removal());
    month = month.max(removal_month);
    while month <= last_in_care && month < care_end && month <= view.as_of {
        let next = calendar::first_of_next_month(month);
        let last_day = next.pred_opt().unwrap_or(next);
        let covered = conditions
            .iter()
            .filter(|(from, until)| *from <= last_day && until.is_none_or(|u| u >= month))
            .map(|(from, _)| (*from).max(month))
            .min();
        ep.once(K::ExtendedCareCondition, month, last_day)
            .met(covered)
            .if_missed(Consequence::IneligibleBetween {
                from: month,
                until: Some(next),
            })
            .push(out);
        month = next;
    }
}

/// SSA §475(5)(I): a youth leaving care because of age (an emancipation at 18 or older) after 6
/// months or more in care receives the documents — birth certificate, Social Security card,
/// health insurance information, medical records, a state identification card — by the exit.
/// Due on the exit date; met on the day they were provided (after the exit: late).
pub(super) fn exit_documents(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let Some(exit) = ep.exit else {
        return;
    };
    let aged_out = ep
        .episode
        .exit()
        .is_some_and(|x| x.reason == ExitReason::Emancipated);
    let adult = view
        .case
        .child()
        .attains_age(view.policy.age_of_majority(), view.policy);
    let six_months = view.months_after(ep.removal(), 6);
    if !aged_out || exit < adult || exit < six_months {
        return;
    }
    // Provided in the episode, or after the exit before anything else began.
    let provided = ep
        .events
        .iter()
        .find(|e| matches!(e.what(), EventData::ExitDocumentsProvided))
        .map(|e| e.date());
    ep.once(K::ExitDocuments, exit, exit)
        .met(provided)
        .push(out);
}

/// SSA §475(5)(I): from the 14th birthday, a copy of the youth's consumer credit report each year
/// while in care. The first is due 12 months after the later of the birthday and the removal;
/// each next 12 months after the last obtained.
pub(super) fn credit_report(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let fourteen = view.transition_age();
    let start = fourteen.max(ep.removal());
    if start > view.as_of || !ep.owes_on(start) {
        return;
    }
    let held = ep
        .dates_of(EventKind::CreditReportObtained, |e| {
            matches!(e, EventData::CreditReportObtained)
        })
        .filter(move |d| *d >= start);
    let rhythm = Rhythm {
        kind: K::CreditReport,
        start,
        first_due: view.months_after(start, 12),
        every: 12,
        from_held: true,
    };
    recurring(ep, rhythm, held, out, |_, _| None);
}

/// The enrollment at position `i` of the events.
fn enrollment_at(events: &[crate::case::event::Event], i: usize) -> Option<&Enrollment> {
    match events.get(i).map(|e| e.what()) {
        Some(EventData::SchoolEnrolled(en)) => Some(en),
        _ => None,
    }
}

/// SSA §475(1)(G)(i): each placement takes into account the appropriateness of the child's
/// current school and its proximity to the placement. Owed for each placement of the episode
/// (not a runaway or a trial home visit) begun while the case knows the child's school: due the
/// day the placement begins, met on the day the consideration was recorded (after: late).
pub(super) fn school_stability_considered(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let Some(first_school) = view.enrollments().first().map(|&i| view.events[i].date()) else {
        return;
    };
    // The first day each placement's consideration was recorded, read in one pass.
    let mut considered: std::collections::HashMap<&crate::id::PlacementId, NaiveDate> =
        std::collections::HashMap::new();
    for e in ep.events {
        if let EventData::SchoolStabilityConsidered { placement } = e.what() {
            considered.entry(placement).or_insert(e.date());
        }
    }
    for p in view.case.episode_placements(ep.episode) {
        let start = p.start();
        let setting = p.setting();
        if start > view.as_of
            || start < first_school
            || setting.is_runaway()
            || setting.is_trial_home_visit()
        {
            continue;
        }
        let considered = considered.get(p.id()).copied();
        ep.once(K::SchoolStabilityConsidered, start, start)
            .met(considered)
            .about(Subject::Placement(p.id().clone()))
            .push(out);
    }
}

/// A school change in care: an enrollment, in the episode and before its exit, in a school other
/// than the one the child attended. Reads only the episode's enrollments (and the one before).
fn school_changes_in<'a>(
    ep: &EpisodeView<'a>,
) -> impl Iterator<Item = (&'a crate::case::event::Event, &'a Enrollment)> + use<'a> {
    let view = ep.view;
    let events: &'a [crate::case::event::Event] = view.events;
    let removal = ep.removal();
    let exit = ep.exit;
    let start = ep.episode.removal_event();
    let end = start + ep.events.len();
    let all = view.enrollments();
    let (k0, k1) = (
        all.partition_point(|&i| i < start),
        all.partition_point(|&i| i < end),
    );
    let mut current = k0
        .checked_sub(1)
        .and_then(|k| enrollment_at(events, all[k]))
        .map(Enrollment::school);
    let mine: Vec<usize> = all[k0..k1].to_vec();
    mine.into_iter().filter_map(move |i| {
        let e = &events[i];
        let en = enrollment_at(events, i)?;
        let before = current.replace(en.school());
        let on = e.date();
        let in_care = on >= removal && exit.is_none_or(|x| on < x);
        (in_care && before.is_some_and(|b| b != en.school())).then_some((e, en))
    })
}

/// SSA §475(1)(G)(ii)(II), §475(4)(A): a school change in care needs the documented
/// determination that staying in the school was not in the child's best interest. Due the day of
/// the new enrollment; met on it when the enrollment gives the reason, else missed.
pub(super) fn school_change_reason(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    for (e, en) in school_changes_in(ep) {
        let on = e.date();
        let reasoned = en.best_interest().is_some();
        ep.once(K::SchoolChangeReason, on, on)
            .met(reasoned.then_some(on))
            .lapsed(!reasoned)
            .push(out);
    }
}

/// SSA §475(1)(G)(ii)(II): on a school change in care, immediate enrollment in the new school
/// with all the child's educational records provided to it. Counted from the move it follows (the
/// last placement of the episode begun on or before the enrollment, or the enrollment itself) and
/// due that day ("immediate": the crate's reading, see [the manual](crate::manual#open-readings));
/// met on the enrollment day when the records were transferred (a later day: late); without the
/// records, missed.
pub(super) fn school_enrollment(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let placements = ep.view.case.episode_placements(ep.episode);
    for (e, en) in school_changes_in(ep) {
        let on = e.date();
        let n = placements.partition_point(|p| p.start() <= on);
        let moved = n
            .checked_sub(1)
            .map(|i| placements[i].start())
            .filter(|s| *s >= ep.removal())
            .unwrap_or(on);
        ep.once(K::SchoolEnrollment, moved, moved)
            .met(en.records_transferred().then_some(on))
            .lapsed(!en.records_transferred())
            .push(out);
    }
}

/// SSA §475(1)(B), §475(5)(C)(iv): for a youth of 14 or older, the case plan is developed in
/// consultation with the youth. One obligation per case plan of the episode completed on or after
/// the 14th birthday, due its date: met by the first planning conference the child took part in
/// since the previous case plan (or the removal), on or before it; otherwise missed (a
/// consultation after the plan is not the plan developed with the youth).
pub(super) fn youth_consultation(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if !ep.kinds.has(EventKind::CasePlanCompleted) {
        return;
    }
    let view = ep.view;
    let fourteen = view.transition_age();
    let mut consulted: Option<NaiveDate> = None;
    for e in ep.events {
        match e.what() {
            EventData::CaseConference(c) if c.consults_child() => {
                consulted.get_or_insert(e.date());
            }
            EventData::CasePlanCompleted => {
                let on = e.date();
                if on >= fourteen {
                    ep.once(K::YouthConsultation, on, on)
                        .met(consulted)
                        .lapsed(consulted.is_none())
                        .push(out);
                }
                consulted = None;
            }
            _ => {}
        }
    }
}

/// SSA §475(5)(G): the child's foster parents, pre-adoptive parents or relative caregivers are
/// notified of every review and hearing and may be heard. One obligation per periodic review
/// and permanency hearing of the episode held while the child lives with a caregiver family (a
/// foster family home: not the parents' home on a trial home visit, whose parents are parties,
/// not caregivers the statute names), due its date: met by a notice to that family since the
/// previous review or hearing, on or before it; otherwise missed.
pub(super) fn hearing_notice(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let mut notified: Vec<(&crate::id::FamilyId, NaiveDate)> = Vec::new();
    for e in ep.events {
        match e.what() {
            EventData::CaregiverNotified { family }
                if !notified.iter().any(|(f, _)| *f == family) =>
            {
                notified.push((family, e.date()));
            }
            EventData::PeriodicReview | EventData::PermanencyHearing => {
                let on = e.date();
                let caregiver = view
                    .placement_on(on)
                    .filter(|p| p.setting().is_foster_family_home())
                    .and_then(|p| p.caregiver());
                if let Some(family) = caregiver {
                    let notice = notified.iter().find(|(f, _)| *f == family).map(|(_, d)| *d);
                    ep.once(K::HearingNotice, on, on)
                        .met(notice)
                        .lapsed(notice.is_none())
                        .about(Subject::Family(family.clone()))
                        .push(out);
                }
                notified.clear();
            }
            _ => {}
        }
    }
}

/// SSA §475(5)(C)(iii): at each permanency hearing the court consults the child, in an
/// age-appropriate way, about the proposed permanency or transition plan. One obligation per
/// permanency hearing of the episode, due its date: met by the consultation recorded that day,
/// otherwise missed.
pub(super) fn child_consulted(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if !ep.kinds.has(EventKind::PermanencyHearing) {
        return;
    }
    // The consultations are in date order, as the hearings are: read alongside them.
    let mut consulted = ep
        .dates_of(EventKind::ChildConsultedAtHearing, |e| {
            matches!(e, EventData::ChildConsultedAtHearing)
        })
        .peekable();
    for on in ep.dates(|e| matches!(e, EventData::PermanencyHearing)) {
        while consulted.next_if(|c| *c < on).is_some() {}
        let met = consulted.peek().is_some_and(|c| *c == on).then_some(on);
        ep.once(K::ChildConsulted, on, on)
            .met(met)
            .lapsed(met.is_none())
            .push(out);
    }
}
