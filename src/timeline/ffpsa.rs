//! Family First clocks: QRTP assessment, court approval, transition and long stays; the two-week
//! congregate-care payment limit; supervised independent living before 18; the prevention period
//! (SSA §471(e), §472(c)(2), §472(k), §475A(c)).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::calendar;
use super::engine::{EpisodeView, View};
use super::months::{Care, Reached, first_day_reaching};
use super::types::{Consequence, Obligation, ObligationKind as K};
use crate::case::event::{Candidacy, Event, EventData, EventKind, Finding, QrtpAssessment};
use crate::date::{self, Period};
use crate::id::PlacementId;
use crate::placement::{Placement, Setting};
use crate::policy::PreventionRenewal;
use crate::rules::Subject;
use crate::supports::{PreventionPlan, Service};

/// The day `p` ended, if it ended on or before `as_of`.
fn ended(view: &View<'_>, p: &Placement) -> Option<NaiveDate> {
    view.end_of(p).map(|e| e.date)
}

/// The day the child left a stay whose latest placement is `last` (as far as `as_of` shows), for
/// a stay a return after a runaway continues (a runaway is not a move, CWPM 1.2B.7): the day
/// `last` ended, unless the child ran away from it and is still on runaway status on `as_of`.
/// Then the stay is not over — a return to it would continue it, and a stay is one stay or two
/// whatever the date asked — until the runaway ends otherwise (a move elsewhere, a visit home,
/// the exit): from then it ended on the day the child ran away, the first day out.
fn left_stay(ep: &EpisodeView<'_>, last: &Placement) -> Option<NaiveDate> {
    let view = ep.view;
    let left = ended(view, last)?;
    let all = view.case.episode_placements(ep.episode);
    let next = all
        .iter()
        .position(|p| std::ptr::eq(p, last))
        .and_then(|i| all.get(i + 1));
    let on_runaway = next
        .is_some_and(|r| r.setting().is_runaway() && r.start() == left && ended(view, r).is_none());
    (!on_runaway).then_some(left)
}

/// Whether the child was still in `p` on `due` (as far as `as_of` shows).
fn still_in(view: &View<'_>, p: &Placement, due: NaiveDate) -> bool {
    ended(view, p).is_none_or(|e| e > due)
}

/// The placements of the episode begun on or before `as_of` that `pick` selects, in order.
fn placements<'a>(
    ep: &EpisodeView<'a>,
    pick: impl Fn(&Placement) -> bool,
) -> impl Iterator<Item = &'a Placement> {
    let view = ep.view;
    view.case
        .episode_placements(ep.episode)
        .iter()
        .filter(move |p| p.start() <= view.as_of && pick(p))
}

/// A placement that may be paid through `last_paid`: the child must be out of it by the next
/// day, the due date, else no payment from then. Met on `left`, the day the child left.
fn must_leave_by(
    ep: &EpisodeView<'_>,
    kind: K,
    about: &Placement,
    left: Option<NaiveDate>,
    from: NaiveDate,
    last_paid: NaiveDate,
    out: &mut Vec<Obligation>,
) {
    let due = calendar::days_after(last_paid, 1);
    ep.once(kind, from, due)
        .met(left)
        .if_missed(Consequence::NoPaymentFrom(due))
        .about(Subject::Placement(about.id().clone()))
        .push(out);
}

/// What the history says of one QRTP placement: the first assessment, the first court
/// decision that could consider an assessment, and the first determination that it is not
/// appropriate or is disapproved.
#[derive(Debug, Clone, Copy, Default)]
struct QrtpRecord {
    assessed: Option<(NaiveDate, QrtpAssessment)>,
    /// The first approval or disapproval dated on or after the first assessment: the court must
    /// "consider the assessment" (SSA §475A(c)(2)(A)), and an order made before any assessment
    /// existed did not.
    decided: Option<NaiveDate>,
    /// The last court decision recorded while there was no assessment yet: it decides the review
    /// when an assessment of the same day follows it in the day's order.
    decided_unassessed: Option<NaiveDate>,
    negative: Option<NaiveDate>,
}

/// One QRTP placement as the law counts it: the stay begun in `first`, continued by each return
/// to the same program after a runaway (`last`, the latest of them). A runaway is not a move
/// (CWPM 1.2B.7: the return to the same provider is the same placement setting, as
/// [`Placement::same_setting_as`] reads it for the AFCARS count), so the 30-day assessment and
/// the 60-day court review of SSA §472(k)(3)(A) and §475A(c)(1)–(2) run from the start of
/// `first`, and an assessment or court decision recorded against any of its stays is the
/// placement's. A return to another program, or a stay after any other setting, begins a new
/// QRTP placement with its own clocks.
#[derive(Debug, Clone, Copy)]
struct QrtpPlacement<'a> {
    first: &'a Placement,
    last: &'a Placement,
    record: QrtpRecord,
}

impl QrtpPlacement<'_> {
    fn start(&self) -> NaiveDate {
        self.first.start()
    }

    /// The obligations are about the placement that began it.
    fn subject(&self) -> Subject {
        Subject::Placement(self.first.id().clone())
    }
}

/// The QRTP placements of one episode, in order, with their records.
#[derive(Debug, Default)]
pub(super) struct QrtpRecords<'a> {
    found: Vec<QrtpPlacement<'a>>,
    /// The QRTP placement (in `found`) each QRTP stay of the episode belongs to.
    index: HashMap<&'a PlacementId, usize>,
}

impl<'a> QrtpRecords<'a> {
    /// Reads the episode's QRTP placements (begun on or before `as_of`) in one pass over its
    /// placements, joining each return to the same program after a runaway to the placement it
    /// interrupted; then its events in one pass: the first assessment, the first court decision
    /// on or after it, and the first negative determination of each.
    pub(super) fn read(ep: &EpisodeView<'a>) -> QrtpRecords<'a> {
        let mut found: Vec<QrtpPlacement<'a>> = Vec::new();
        let mut index: HashMap<&'a PlacementId, usize> = HashMap::new();
        // The QRTP placement a stay may continue: the last one, while only runaways followed it.
        let mut open: Option<usize> = None;
        // Whether a runaway came between the open placement and this one.
        let mut ran_away = false;
        for p in placements(ep, |_| true) {
            if is_qrtp(p) {
                // Nothing but runaways came between (`open`): the same program when the
                // providers match, or, after a runaway, when either is not recorded (a return
                // the day the child ran away included, which `same_setting_as` would take as a
                // contiguous stay). A direct change to another QRTP placement whose provider is
                // not recorded is a new placement: "each placement" has its own clocks.
                let after_runaway = std::mem::take(&mut ran_away);
                let same_program = |last: &Placement| match (last.provider(), p.provider()) {
                    (Some(a), Some(b)) => a == b,
                    _ => after_runaway,
                };
                let i = match open.filter(|&i| same_program(found[i].last)) {
                    Some(i) => {
                        found[i].last = p;
                        i
                    }
                    None => {
                        found.push(QrtpPlacement {
                            first: p,
                            last: p,
                            record: QrtpRecord::default(),
                        });
                        found.len() - 1
                    }
                };
                index.insert(p.id(), i);
                open = Some(i);
            } else if p.setting().is_runaway() {
                ran_away = true;
            } else {
                open = None;
            }
        }
        if found.is_empty() {
            return QrtpRecords { found, index };
        }
        enum Entry {
            Assessed(QrtpAssessment),
            Decided { approved: bool },
        }
        for e in ep.events {
            let (placement, kind) = match e.what() {
                EventData::QrtpAssessed { placement, outcome } => {
                    (placement, Entry::Assessed(*outcome))
                }
                EventData::IndividualAssessment(a) => match a.qrtp_placement() {
                    Some(placement) => (placement, Entry::Assessed(a.finding())),
                    None => continue,
                },
                EventData::CourtFinding(Finding::QrtpApproved { placement }) => {
                    (placement, Entry::Decided { approved: true })
                }
                EventData::CourtFinding(Finding::QrtpDisapproved { placement }) => {
                    (placement, Entry::Decided { approved: false })
                }
                _ => continue,
            };
            let Some(r) = index.get(placement).and_then(|&i| found.get_mut(i)) else {
                continue;
            };
            let r = &mut r.record;
            let on = e.date();
            match kind {
                Entry::Assessed(outcome) => {
                    if r.assessed.is_none() {
                        r.assessed = Some((on, outcome));
                        // A decision of the same day recorded before it considered it.
                        if r.decided_unassessed == Some(on) {
                            r.decided = Some(on);
                        }
                    }
                    if outcome == QrtpAssessment::NotAppropriate {
                        r.negative.get_or_insert(on);
                    }
                }
                Entry::Decided { approved } => {
                    if r.assessed.is_some() {
                        r.decided.get_or_insert(on);
                    } else {
                        r.decided_unassessed = Some(on);
                    }
                    if !approved {
                        r.negative.get_or_insert(on);
                    }
                }
            }
        }
        QrtpRecords { found, index }
    }

    /// The episode's QRTP placements, in order.
    fn placements(&self) -> impl Iterator<Item = &QrtpPlacement<'a>> {
        self.found.iter()
    }

    /// The QRTP placement the stay `id` belongs to (by its position in
    /// [`placements`](Self::placements)), if `id` is a QRTP stay of the episode.
    fn placement_of(&self, id: &PlacementId) -> Option<usize> {
        self.index.get(id).copied()
    }
}

fn is_qrtp(p: &Placement) -> bool {
    p.setting() == Setting::Qrtp
}

/// A child-care institution that is not a QRTP nor a specified setting: paid for two weeks.
fn is_limited_congregate_care(p: &Placement) -> bool {
    let setting = p.setting();
    setting != Setting::Qrtp
        && setting.is_congregate_care()
        && p.what().specified_setting().is_none()
}

fn is_independent_living(p: &Placement) -> bool {
    p.setting() == Setting::SupervisedIndependentLiving
}

/// Which of the settings the per-placement Family First clocks are about the episode used
/// (among its placements begun on or before `as_of`), read in one pass over them and shared by
/// those five clocks: a clock whose setting the episode never used skips its own pass.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Settings {
    qrtp: bool,
    limited_congregate_care: bool,
    independent_living: bool,
}

impl Settings {
    pub(super) fn read(ep: &EpisodeView<'_>) -> Settings {
        let mut used = Settings::default();
        for p in placements(ep, |_| true) {
            used.qrtp |= is_qrtp(p);
            used.limited_congregate_care |= is_limited_congregate_care(p);
            used.independent_living |= is_independent_living(p);
        }
        used
    }
}

/// The day the 30 and 60 days of a QRTP placement count from: its first day in the program,
/// or, for a placement begun before the QRTP requirements took effect (2019-10-01, or the
/// state's delayed date: [`Law::CongregateCareLimit`](crate::law::Law::CongregateCareLimit))
/// and still under way on that day, the day they took effect — the reading the two-week limit
/// takes of a stay begun before it ([`congregate_care_limit`]). In the program since
/// 2019-08-01: assessment due 2019-10-01 + 30 = 2019-10-31, the court's approval 2019-11-30.
/// `None` for a placement begun before that day when the date asked is before it too, or the
/// child left before it: nothing is owed under a law not yet in force.
fn held_from(view: &View<'_>, q: &QrtpPlacement<'_>) -> Option<NaiveDate> {
    let start = q.start();
    let effective = crate::law::Law::CongregateCareLimit.effective(view.policy);
    if start >= effective {
        Some(start)
    } else {
        (view.as_of >= effective && still_in(view, q.last, effective)).then_some(effective)
    }
}

/// SSA §475A(c)(1), §472(k)(3)(A): the QRTP assessment within 30 days of the start of the
/// placement, else no payment "for the duration of the placement". One obligation per QRTP
/// placement ([`QrtpPlacement`]): a runaway and a return to the same program do not restart the
/// 30 days, which run from the first day in the program. Nothing is owed when the child left the
/// placement (and had not come back to it) before it was due.
pub(super) fn qrtp_assessment(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if !ep.settings().qrtp {
        return;
    }
    let view = ep.view;
    for q in ep.qrtp_records().placements() {
        let Some(start) = held_from(view, q) else {
            continue;
        };
        let due = calendar::days_after(start, view.policy.qrtp_assessment_days());
        ep.once(K::QrtpAssessment, start, due)
            .met(q.record.assessed.map(|a| a.0))
            .owed(still_in(view, q.last, due))
            .if_missed(Consequence::IneligibleForPlacement)
            .about(q.subject())
            .push(out);
    }
}

/// SSA §475A(c)(2): within 60 days of the start of each QRTP placement the court considers the
/// assessment and approves or disapproves the placement. Met by the first approval or
/// disapproval dated on or after the placement's first assessment (one dated before any
/// assessment did not consider it). Counted, as the assessment is, from the first day in the
/// program across a runaway and a return to it. Nothing is owed when the child left before it
/// was due.
///
/// Missed, no title IV-E maintenance for the QRTP from the day after the due date until the
/// decision (or, while there is none, for the rest of the placement): SSA §472(k)(2)(A) and
/// (k)(3) pay a QRTP beyond the first two weeks only when the §475A(c) requirements are met, and
/// the Children's Bureau reads them as no FFP unless the court approves within 60 days
/// (CB PI-18-07; CWPM 8.3B).
pub(super) fn qrtp_court_approval(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if !ep.settings().qrtp {
        return;
    }
    let view = ep.view;
    for q in ep.qrtp_records().placements() {
        let Some(start) = held_from(view, q) else {
            continue;
        };
        let due = calendar::days_after(start, view.policy.qrtp_court_days());
        let decided = q.record.decided;
        ep.once(K::QrtpCourtApproval, start, due)
            .met(decided)
            .owed(still_in(view, q.last, due))
            .if_missed(Consequence::IneligibleBetween {
                from: calendar::days_after(due, 1),
                until: decided,
            })
            .about(q.subject())
            .push(out);
    }
}

/// SSA §475A(c)(4): "as long as a child remains placed in a qualified residential treatment
/// program", the agency submits evidence at each status review and each permanency hearing held
/// concerning the child. One obligation for each day of the episode with a periodic review or a
/// permanency hearing (one submission serves a review and a hearing held the same day) on which
/// the child remains in a QRTP: placed in it before that day and still in it at its end. A child
/// who moves in on the hearing's day, moves out on it, or is on runaway status from the
/// program is not "remaining placed" in it. Due on the hearing's day; met by an
/// [`EventData::QrtpEvidenceSubmitted`] naming a stay of the same QRTP placement (a return to
/// the program after a runaway is the same placement), dated after the episode's previous
/// review or hearing and on or before this one: evidence submitted for an earlier hearing is not
/// the evidence of this one. No payment consequence is attached: the statute names none.
/// Only the reviews and hearings recorded are read (those held on or before the date asked).
pub(super) fn qrtp_ongoing_evidence(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if !ep.settings().qrtp {
        return;
    }
    let view = ep.view;
    let records = ep.qrtp_records();
    // The episode's placements begun on or before `as_of` (in order of their start).
    let all = view.case.episode_placements(ep.episode);
    let stays = &all[..all.partition_point(|p| p.start() <= view.as_of)];
    // The submissions, in order, each with the QRTP placement it names.
    let submitted: Vec<(NaiveDate, usize)> = if ep.kinds.has(EventKind::QrtpEvidenceSubmitted) {
        ep.events
            .iter()
            .filter_map(|e| match e.what() {
                EventData::QrtpEvidenceSubmitted { placement } => {
                    Some((e.date(), records.placement_of(placement)?))
                }
                _ => None,
            })
            .collect()
    } else {
        Vec::new()
    };
    // The submissions not yet read: those after the previous review or hearing. Each is read
    // once, for the first review or hearing on or after its date.
    let mut pending = submitted.as_slice();
    let mut previous: Option<NaiveDate> = None;
    let held = ep.dates(|e| matches!(e, EventData::PeriodicReview | EventData::PermanencyHearing));
    for on in held {
        if previous == Some(on) {
            continue;
        }
        previous = Some(on);
        let n = pending.partition_point(|&(date, _)| date <= on);
        let (window, rest) = pending.split_at(n);
        pending = rest;
        // The stay the child was in when the day began.
        let n = stays.partition_point(|p| p.start() < on);
        let Some(stay) = n.checked_sub(1).and_then(|i| stays.get(i)) else {
            continue;
        };
        let Some(q) = records.placement_of(stay.id()) else {
            continue;
        };
        if !still_in(view, stay, on) {
            continue;
        }
        let met = window
            .iter()
            .find(|&&(_, of)| of == q)
            .map(|&(date, _)| date);
        let subject = records.found.get(q).map(QrtpPlacement::subject);
        let o = ep.once(K::QrtpOngoingEvidence, on, on).met(met);
        match subject {
            Some(subject) => o.about(subject).push(out),
            None => o.push(out),
        }
    }
}

/// SSA §472(k)(3)(B): a QRTP placement found inappropriate or disapproved is paid at most for the
/// 30-day period that begins on that determination. The child must be out of the program: a
/// runaway and a return to it does not end the placement, so while the child is on runaway
/// status from it the placement is not over; a runaway that ends otherwise than in a return to
/// the program ended it on the day the child ran away ([`left_stay`]).
pub(super) fn qrtp_transition(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if !ep.settings().qrtp {
        return;
    }
    let view = ep.view;
    let policy = view.policy;
    for q in ep.qrtp_records().placements() {
        if let Some(on) = q.record.negative {
            let period = date::day_period(on, policy.qrtp_transition_days());
            let due = period.last_day().unwrap_or(on);
            let left = left_stay(ep, q.last);
            must_leave_by(ep, K::QrtpTransition, q.first, left, on, due, out);
        }
    }
}

/// The episode's stays in a child-care institution held to the two-week limit (begun on or
/// before `as_of`), each as its first placement and its last: a runaway and a return to the
/// same institution continue the stay (a runaway is not a move, CWPM 1.2B.7, as for a QRTP), so
/// the two weeks are not counted again from the return.
fn congregate_stays<'a>(ep: &EpisodeView<'a>) -> Vec<(&'a Placement, &'a Placement)> {
    let view = ep.view;
    let all = view.case.episode_placements(ep.episode);
    let all = &all[..all.partition_point(|p| p.start() <= view.as_of)];
    let mut out: Vec<(&Placement, &Placement)> = Vec::new();
    for (i, p) in all.iter().enumerate() {
        if !is_limited_congregate_care(p) {
            continue;
        }
        let touches = |a: &Placement, b: &Placement| a.end().is_some_and(|e| e.date == b.start());
        let resumed = i >= 2 && {
            let (before, away) = (&all[i - 2], &all[i - 1]);
            away.setting().is_runaway()
                && touches(before, away)
                && touches(away, p)
                && out
                    .last()
                    .is_some_and(|(_, last)| std::ptr::eq(*last, before))
                && before.same_setting_as(p)
        };
        match out.last_mut() {
            Some((_, last)) if resumed => *last = p,
            _ => out.push((p, p)),
        }
    }
    out
}

/// SSA §472(k)(1): no payment from the third week in a child-care institution that is not a
/// specified setting. A runaway and a return to the same institution do not start the two
/// weeks again (the return continues the stay, [`congregate_stays`]); so a runaway does not end
/// the stay while the child is still on runaway status (a return would continue it), and ends
/// it, on the day the child ran away, once the runaway ends otherwise ([`left_stay`]). A stay
/// begun before the limit took effect (2019-10-01, or the state's delayed date) is held to it
/// from then, with no grandfathering (P.L. 115-123 §50746): its third week begins 14 days after
/// the start, or on the effective date when that is later (counted from the effective date).
/// Begun 2019-09-25: no payment from 2019-10-09; begun 2019-09-01, from 2019-10-01.
pub(super) fn congregate_care_limit(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if !ep.settings().limited_congregate_care {
        return;
    }
    let policy = ep.view.policy;
    let effective = crate::law::Law::CongregateCareLimit.effective(policy);
    for (p, last) in congregate_stays(ep) {
        let start = p.start();
        // Two weeks: the first 14 days; the third week starts on `date::week_start(start, 3)`.
        let last_paid = date::first_days(start, policy.congregate_care_days())
            .last_day()
            .unwrap_or(start);
        let left = left_stay(ep, last);
        // A stay that ended before the limit took effect owes nothing (the law in force drops
        // an obligation counted from before its date).
        let (from, last_paid) = if start < effective && left.is_none_or(|l| l > effective) {
            let day_before = effective.pred_opt().unwrap_or(effective);
            (effective, last_paid.max(day_before))
        } else {
            (start, last_paid)
        };
        must_leave_by(ep, K::CongregateCareLimit, p, left, from, last_paid, out);
    }
}

/// SSA §472(c)(2), §472(k)(2)(C): supervised independent living is a reimbursable (and
/// specified) setting only from age 18. A milestone: not payable from the start of the
/// placement until the 18th birthday, or until the child left.
pub(super) fn independent_living_age(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if !ep.settings().independent_living {
        return;
    }
    let view = ep.view;
    let policy = view.policy;
    for p in placements(ep, is_independent_living) {
        let start = p.start();
        let adult = view
            .case
            .child()
            .attains_age(policy.independent_living_min_age(), policy);
        if adult > start {
            let until = ended(view, p).map_or(adult, |e| e.min(adult));
            out.push(
                Obligation::new(
                    K::IndependentLivingAge,
                    ep.number(),
                    start,
                    adult,
                    view.milestone(adult),
                )
                .about(Subject::Placement(p.id().clone()))
                .with_consequence(Some(Consequence::IneligibleBetween {
                    from: start,
                    until: Some(until),
                })),
            );
        }
    }
}

/// Head-of-agency approval for long QRTP stays (SSA §475A(c)(5)): more than 12 consecutive or 18
/// total months, or for a child under 13 more than 6 months in all. The months are counted over
/// every QRTP stay of the case (the totals add up across episodes; the consecutive months within
/// one unbroken stretch), and one approval is owed for each episode whose stays go beyond a
/// limit: due on the last day within the limit, or on the episode's first day in a QRTP when an
/// earlier episode had already gone beyond it. Met by an approval given during that episode, on
/// or after its first day in a QRTP and before the next removal: the head approves "the
/// continued placement" on "the most recent versions of the evidence", so an approval given in
/// an earlier episode does not approve a later one's stays. Projected while the child is in a
/// QRTP.
pub(super) fn qrtp_long_stay(view: &View<'_>, out: &mut Vec<Obligation>) {
    let policy = view.policy;
    let episodes = view.episodes();
    // The QRTP stays begun on or before `as_of`, each with the index of its episode.
    let mut stays: Vec<(usize, &Placement)> = Vec::new();
    for (k, e) in episodes.iter().enumerate() {
        stays.extend(
            view.case
                .episode_placements(e)
                .iter()
                .filter(|p| is_qrtp(p) && p.start() <= view.as_of)
                .map(|p| (k, p)),
        );
    }
    let Some(&(_, first)) = stays.first() else {
        return;
    };
    let in_qrtp_now = stays.last().is_some_and(|(_, p)| ended(view, p).is_none());
    // Project far enough for the longest limit.
    let horizon = if in_qrtp_now {
        calendar::days_after(view.months_after(view.as_of, policy.qrtp_total_months()), 1)
    } else {
        view.as_of
    };
    // Consecutive QRTP stays merge into one stretch, of the episode of its first stay.
    let mut periods: Vec<(usize, Period)> = Vec::new();
    for &(k, p) in &stays {
        let end = ended(view, p).unwrap_or(horizon);
        match periods.last_mut() {
            Some((_, last)) if last.end() == p.start() => {
                *last = Period::new(last.start(), end).unwrap_or(*last)
            }
            _ => periods.extend(Period::new(p.start(), end).map(|s| (k, s))),
        }
    }
    let young = view
        .case
        .child()
        .age_on(first.start(), policy)
        .is_some_and(|a| a < policy.qrtp_young_child_age());
    let mut care = Care::new(policy.month_end());
    for &(_, s) in &periods {
        care.push(s);
    }
    let stretches = care.stretches();
    let counting = crate::policy::MonthCounting::CalendarMonths;
    let reaching = |stretches, months| {
        first_day_reaching(stretches, months, counting, None, policy.month_end())
            .map(|r: Reached| r.day)
    };
    // The episode of the stretch a day found inside the stretches falls in.
    let episode_of = |day: NaiveDate| {
        let n = stretches.partition_point(|s| s.start() <= day);
        n.checked_sub(1)
            .and_then(|i| periods.get(i))
            .map(|(k, _)| *k)
    };
    // The first day reaching the total (for a child under 13, the only) limit, and its episode.
    let total = if young {
        reaching(stretches, policy.qrtp_young_child_months())
    } else {
        reaching(stretches, policy.qrtp_total_months())
    }
    .and_then(|day| Some((episode_of(day)?, day)));
    // The first day each episode reaches a limit, by episode index.
    let mut due: Vec<Option<NaiveDate>> = vec![None; episodes.len()];
    let earliest = |due: &mut [Option<NaiveDate>], k: usize, day: NaiveDate| {
        if let Some(d) = due.get_mut(k) {
            *d = Some(d.map_or(day, |d| d.min(day)));
        }
    };
    if !young {
        for (i, &(k, _)) in periods.iter().enumerate() {
            let own = stretches.get(i..=i).unwrap_or_default();
            if let Some(day) = reaching(own, policy.qrtp_consecutive_months()) {
                earliest(&mut due, k, day);
            }
        }
    }
    // The approvals given, in order.
    let approvals: Vec<NaiveDate> = view
        .events
        .iter()
        .filter(|e| matches!(e.what(), EventData::QrtpLongStayApproved { .. }))
        .map(Event::date)
        .collect();
    let mut stays = stays.as_slice();
    while let Some(&(k, episode_first)) = stays.first() {
        let n = stays.partition_point(|(j, _)| *j == k);
        let (own, rest) = stays.split_at(n);
        stays = rest;
        let from = episode_first.start();
        match total {
            Some((j, day)) if j == k => earliest(&mut due, k, day),
            // Beyond the limit before this episode's first day in a QRTP: due on it.
            Some((j, _)) if j < k => earliest(&mut due, k, from),
            _ => {}
        }
        let Some(due) = due.get(k).copied().flatten() else {
            continue;
        };
        let Some(&(_, stay)) = own.iter().rev().find(|(_, p)| p.start() <= due) else {
            continue;
        };
        let next_removal = episodes.get(k + 1).map(|e| e.removal_date());
        let i = approvals.partition_point(|&on| on < from);
        let approved = approvals
            .get(i)
            .copied()
            .filter(|&on| next_removal.is_none_or(|r| on < r));
        view.once(K::QrtpLongStay, Some(episodes[k].number()), from, due)
            .met(approved)
            .about(Subject::Placement(stay.id().clone()))
            .push(out);
    }
}

/// One Family First prevention period: its first day, its due date (the first day past the 12
/// months), and the day it closed (a removal, a closure, a death, or a new candidacy), if it did.
#[derive(Debug, Clone, Copy)]
struct PreventionPeriodRecord {
    start: NaiveDate,
    due: NaiveDate,
    closed: Option<NaiveDate>,
    /// Closed by the next candidacy, which opened the next period.
    renewed: bool,
}

/// Whether `e` identifies the child (or youth) as a Family First candidate: a candidacy, or a
/// prevention plan, which identifies one.
fn identifies_candidate(e: &Event) -> bool {
    match e.what() {
        EventData::OpenPreservation(c) | EventData::CandidacyIdentified(c) => {
            *c != Candidacy::NotCandidate
        }
        EventData::PreventionPlanRecorded(_) => true,
        _ => false,
    }
}

/// The prevention periods of the history as of the date asked, in order, read in one pass: each
/// candidacy identified opens a 12-month period; it closes early on a removal, a case closure or
/// a death, or (when the policy renews) on the next candidacy, which opens the next. A second
/// identification on the day a period began (a plan documenting that day's candidacy) opens no
/// new one.
fn prevention_periods(view: &View<'_>) -> Vec<PreventionPeriodRecord> {
    let mut out = Vec::new();
    each_prevention_period(view, |p| out.push(p));
    out
}

/// The prevention periods of [`prevention_periods`], each given to `f` in order as it is read
/// (the clock that lists them needs no list of its own). Without an event identifying a
/// candidate there are none, and the events are not read.
fn each_prevention_period(view: &View<'_>, mut f: impl FnMut(PreventionPeriodRecord)) {
    let kinds = view.kinds;
    if !(kinds.has(EventKind::OpenPreservation)
        || kinds.has(EventKind::CandidacyIdentified)
        || kinds.has(EventKind::PreventionPlanRecorded))
    {
        return;
    }
    let policy = view.policy;
    let renew = policy.prevention_renewal() == PreventionRenewal::EachCandidacy;
    let mut open: Option<PreventionPeriodRecord> = None;
    let mut opened = false;
    for e in view.events {
        let new = identifies_candidate(e) && open.is_none_or(|p| p.start != e.date());
        if let Some(mut period) = open {
            let ends = matches!(
                e.what(),
                EventData::Removal(_) | EventData::Close | EventData::Death
            );
            if ends || (renew && new) {
                period.closed = Some(e.date());
                period.renewed = !ends;
                f(period);
                open = None;
                if !renew {
                    return;
                }
            }
        }
        if new && (renew || !opened) {
            let start = e.date();
            open = Some(PreventionPeriodRecord {
                start,
                due: view.months_after(start, policy.prevention_months()),
                closed: None,
                renewed: false,
            });
            opened = true;
        }
    }
    if let Some(period) = open {
        f(period);
    }
}

impl crate::Case {
    /// The Family First outcome measure (SSA §471(e)(4)(E)) of each prevention period as of
    /// `as_of`, in order: whether the child entered foster care (a removal) during the 12-month
    /// period that began when the child was identified as a candidate, or during the 12 months
    /// after it; pending until a removal or until the 24 months are over. The periods are the
    /// ones the prevention clocks read (under the policy's
    /// [`prevention_renewal`](crate::Policy::prevention_renewal)), each measured over its full
    /// 12 months; a period that began while the child was in care (a pregnant or parenting
    /// youth) is left out, as the child cannot enter care.
    pub fn prevention_measures(
        &self,
        as_of: NaiveDate,
        policy: &crate::Policy,
    ) -> Vec<crate::supports::CandidateOutcome> {
        use crate::supports::{CandidateOutcome, PreventionMeasure as M};
        let view = View::new(self, as_of, policy);
        let in_care_on = |day: NaiveDate| {
            self.episodes()
                .iter()
                .any(|e| e.removal_date() <= day && e.exit().is_none_or(|x| x.date > day))
        };
        let months = policy.prevention_months();
        prevention_periods(&view)
            .into_iter()
            .filter(|p| !in_care_on(p.start))
            .map(|p| {
                let period_ends = p.due;
                let follow_up_ends = view.months_after(p.start, months.saturating_mul(2));
                let entered = view
                    .events
                    .iter()
                    .filter(|e| matches!(e.what(), EventData::Removal(_)))
                    .map(Event::date)
                    .find(|&on| on >= p.start && on < follow_up_ends);
                let measure = match entered {
                    Some(on) if on < period_ends => M::EnteredDuringPeriod(on),
                    Some(on) => M::EnteredAfterPeriod(on),
                    None if as_of >= follow_up_ends => M::DidNotEnter,
                    None => M::Pending,
                };
                CandidateOutcome {
                    identified: p.start,
                    period_ends,
                    follow_up_ends,
                    measure,
                }
            })
            .collect()
    }
}

/// Family First prevention periods (SSA §471(e)(1), (3)): each candidacy identified (or
/// prevention plan recorded) opens a 12-month period; it closes early on a removal, a case
/// closure or a new candidacy (this crate's reading of when a period ends). Services claimed past
/// it have no federal match.
pub(super) fn prevention_period(view: &View<'_>, out: &mut Vec<Obligation>) {
    // Services are claimable through the period's last day; by the next day (the due date)
    // the period must have closed.
    each_prevention_period(view, |p| {
        view.once(K::PreventionPeriod, None, p.start, p.due)
            .met(p.closed)
            .if_missed(Consequence::NoPaymentFrom(p.due))
            .push(out);
    });
}

/// The title IV-E prevention services claimed in the history as of the date asked, each with
/// the latest prevention plan recorded before it (in history order).
fn claimed_services<'a>(
    view: &View<'a>,
) -> impl Iterator<
    Item = (
        &'a Event,
        &'a Service,
        Option<(NaiveDate, &'a PreventionPlan)>,
    ),
> + 'a {
    let mut plan = None;
    let events: &'a [Event] = view.events;
    events.iter().filter_map(move |e| match e.what() {
        EventData::PreventionPlanRecorded(p) => {
            plan = Some((e.date(), p));
            None
        }
        EventData::ServiceProvided(s) if s.is_claimed() => Some((e, s, plan)),
        _ => None,
    })
}

/// SSA §471(e)(4)(A), §471(e)(1): a title IV-E prevention service is paid only when the
/// prevention plan specified it in advance. One obligation per claimed service, due on its first
/// day: met on the day of the latest plan recorded before it, when that plan specifies its kind;
/// otherwise missed (no later plan can specify it in advance, and a concrete support is not a
/// kind §471(e)(1) allows), with no prevention payment for the service.
pub(super) fn prevention_service_specified(view: &View<'_>, out: &mut Vec<Obligation>) {
    if !view.kinds.has(EventKind::ServiceProvided) {
        return;
    }
    for (e, s, plan) in claimed_services(view) {
        let specified = plan
            .filter(|(_, p)| s.kind().is_prevention_service() && p.specifies(s.kind()))
            .map(|(on, _)| on);
        view.once(K::PreventionServiceSpecified, None, e.date(), e.date())
            .met(specified)
            .lapsed(specified.is_none())
            .if_missed(Consequence::NoPreventionPayment)
            .push(out);
    }
}

/// SSA §471(e)(1), (3): a title IV-E prevention service is paid for not more than the 12-month
/// period that begins when the child is identified. One obligation per claimed service: begun
/// within a period, it is due on the period's last day (the day before it closed or ran out; a
/// period renewed by a new candidacy runs on into the next) and met on the service's last day;
/// begun outside every period, it is missed from its first day. Missed: no federal payment from
/// the first day outside the period.
pub(super) fn prevention_service_in_period(view: &View<'_>, out: &mut Vec<Obligation>) {
    // One obligation per claimed service: none without a service.
    if !view.kinds.has(EventKind::ServiceProvided) {
        return;
    }
    let periods = prevention_periods(view);
    // The first day each period's services stop being claimable: its close or its due date,
    // whichever is first, carried on through the renewals that follow it.
    let mut until: Vec<NaiveDate> = vec![NaiveDate::MIN; periods.len()];
    for i in (0..periods.len()).rev() {
        let p = periods[i];
        let own = p.closed.map_or(p.due, |c| c.min(p.due));
        until[i] = match (p.renewed, until.get(i + 1)) {
            (true, Some(next)) if p.closed.is_some_and(|c| c < p.due) => *next,
            _ => own,
        };
    }
    for (e, s, _) in claimed_services(view) {
        let on = e.date();
        // The period open on the service's first day: the last begun on or before it.
        let n = periods.partition_point(|p| p.start <= on);
        let open = n
            .checked_sub(1)
            .filter(|&i| {
                on < periods[i]
                    .closed
                    .map_or(periods[i].due, |c| c.min(periods[i].due))
            })
            .map(|i| until[i]);
        match open {
            Some(end) => {
                let last_day = end.pred_opt().unwrap_or(end);
                view.once(K::PreventionServiceInPeriod, None, on, last_day)
                    // Met once its last day has come (a planned end after the date asked is
                    // not yet a fact).
                    .met(s.ends().filter(|last| *last <= view.as_of))
                    .if_missed(Consequence::NoPaymentFrom(end))
                    .push(out)
            }
            None => view
                .once(K::PreventionServiceInPeriod, None, on, on)
                .lapsed(true)
                .if_missed(Consequence::NoPaymentFrom(on))
                .push(out),
        }
    }
}
