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
//! - overdue and open to invalidation (25 U.S.C. 1914) when the findings were recorded without it,
//!   or when no findings are recorded: an order whose findings the case does not show is held to
//!   the Act as one made without them (what §1914 lets a parent, custodian or tribe petition to
//!   invalidate), as a missing title IV-E finding costs the payment it conditions.
//!
//! An emergency removal (§1922) and a voluntary placement (§1913) need none of them; a voluntary
//! placement and a relinquishment rest instead on a certified consent (§1913(a),
//! `icwa_valid_consent`), and a withdrawn consent to foster care returns the child (§1913(b),
//! `icwa_return_on_withdrawal`). The clocks
//! run only while ICWA applies on the day of the order
//! ([`Case::indian_child_status_on`](crate::Case::indian_child_status_on)). The title IV-E
//! reasonable-efforts findings are owed as well: active efforts do not replace them.

use chrono::NaiveDate;

use super::engine::{EpisodeView, MetOnce, View};
use super::types::{Consequence, Obligation, ObligationKind};
use crate::case::event::{EventData, EventKind, Manner};
use crate::icwa::{
    ADDITIONAL_DAYS, ConsentTo, IcwaFindings, IcwaOrder, NOTICE_DAYS, NoticeRecipient,
    SECRETARY_DAYS,
};
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

/// The 18th birthday: an Indian child is "under age eighteen" (25 U.S.C. 1903(4)).
fn adult(view: &View<'_>) -> NaiveDate {
    view.case.child().attains_age(18, view.policy)
}

/// Whether the episode began at 18 or later: not a child-custody proceeding of an Indian child,
/// so none of the Act's clocks run for it. One begun before 18 goes on under the Act when the
/// youth turns 18 in it (25 CFR 23.103(d)).
fn begun_as_adult(ep: &EpisodeView<'_>) -> bool {
    ep.removal() >= adult(ep.view)
}

/// The episode's ICWA orders: its foster-care placement order, then each termination.
fn orders<'a>(ep: &EpisodeView<'a>) -> Vec<Order<'a>> {
    let case = ep.view.case;
    let mut out = Vec::new();
    // ICWA applies on no date: no order is an ICWA order (and the events need no walk).
    if !case.facts().icwa_may_apply() || begun_as_adult(ep) {
        return out;
    }
    let applies = |d: NaiveDate| case.indian_child_status_on(d).icwa_applies();
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
    out.extend(terminations(ep.events, applies));
    out
}

/// The order of each termination among `events` while the Act applies on its date (`applies`),
/// with the findings recorded the day of it.
fn terminations<'a>(
    events: &'a [crate::Event],
    applies: impl Fn(NaiveDate) -> bool + 'a,
) -> impl Iterator<Item = Order<'a>> + 'a {
    events.iter().filter_map(move |e| {
        let EventData::ParentalRightsTerminated { parent } = e.what() else {
            return None;
        };
        if !applies(e.date()) {
            return None;
        }
        // The findings of the termination order: the last recorded the day of it, else the
        // first recorded after it (late: the order was made without them on its date).
        let tpr = |x: &'a crate::Event| match x.what() {
            EventData::IcwaFindings(f) if f.order == IcwaOrder::ParentalRightsTermination => {
                Some((x.date(), f))
            }
            _ => None,
        };
        let findings = events
            .iter()
            .rev()
            .filter_map(tpr)
            .find(|(d, _)| *d == e.date())
            .or_else(|| events.iter().filter_map(tpr).find(|(d, _)| *d > e.date()));
        Some(Order {
            date: e.date(),
            findings,
            subject: Some(Subject::Person(parent.clone())),
        })
    })
}

/// What `order` owes of `kind`, from `once` due the day of the order.
fn owed(kind: ObligationKind, once: MetOnce, order: Order<'_>) -> MetOnce {
    let once = match order.findings {
        Some((on, f)) if carries(kind, f) => once
            .met(Some(on))
            .if_missed(Consequence::OpenToInvalidation),
        Some(_) => once.lapsed(true).if_missed(Consequence::OpenToInvalidation),
        None => once.if_missed(Consequence::OpenToInvalidation),
    };
    match order.subject {
        Some(s) => once.about(s),
        None => once,
    }
}

fn derive(kind: ObligationKind, ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    for order in orders(ep) {
        let once = ep.once(kind, order.date, order.date);
        owed(kind, once, order).push(out);
    }
}

/// The events before the first removal (all of them when there is none).
fn before_care<'a>(view: &View<'a>) -> &'a [crate::Event] {
    let before = view.episodes().first().map_or(view.events.len(), |e| {
        e.removal_event().min(view.events.len())
    });
    &view.events[..before]
}

/// The terminations of an Indian child's parents before any removal (the child at home, in
/// preservation or never served): their orders owe the same findings (25 U.S.C. 1912(d), (f);
/// §1903(1)(ii): a termination is a "child custody proceeding" wherever the child lives),
/// read as an episode's are — the findings recorded the day of the termination.
fn terminations_before_care(kind: ObligationKind, view: &View<'_>, out: &mut Vec<Obligation>) {
    let case = view.case;
    if !case.facts().icwa_may_apply() || !view.kinds.has(EventKind::ParentalRightsTerminated) {
        return;
    }
    let adult = adult(view);
    let applies = |d: NaiveDate| d < adult && case.indian_child_status_on(d).icwa_applies();
    for order in terminations(before_care(view), applies) {
        let once = view.once(kind, None, order.date, order.date);
        owed(kind, once, order).push(out);
    }
}

/// Active efforts before a termination outside care.
pub(super) fn active_efforts_before_care(view: &View<'_>, out: &mut Vec<Obligation>) {
    terminations_before_care(ObligationKind::IcwaActiveEfforts, view, out);
}

/// A qualified expert witness before a termination outside care.
pub(super) fn expert_witness_before_care(view: &View<'_>, out: &mut Vec<Obligation>) {
    terminations_before_care(ObligationKind::IcwaExpertWitness, view, out);
}

/// Beyond a reasonable doubt for a termination outside care.
pub(super) fn evidence_standard_before_care(view: &View<'_>, out: &mut Vec<Obligation>) {
    terminations_before_care(ObligationKind::IcwaEvidenceStandard, view, out);
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

// ------------------------------------------------------------------------------------------------
// Notice and the waiting period (25 U.S.C. 1912(a); 25 CFR 23.111, 23.112)
//
// No foster-care placement or termination hearing until at least 10 days after the parent or
// Indian custodian and the tribe received notice (the Secretary, when the tribe is unknown, has 15
// days more to pass it on), plus the additional days (up to 20) asked for. Each order is a hearing:
// the obligation is to have received notice by the hearing date less those days (counted from and
// due that day). Received later: met late, the hearing held too early, open to invalidation
// (§1914). A notice counts for the first hearing after it; the next proceeding needs its own.

/// `days` before `date`.
fn days_before(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_sub_days(chrono::Days::new(u64::from(days)))
        .unwrap_or(date)
}

/// The events of the episode, the findings sanctioning its removal included.
fn records<'a>(ep: &EpisodeView<'a>) -> [&'a [crate::Event]; 2] {
    [ep.before, ep.events]
}

/// One hearing: its order, the receipts of notice that belong to it, the additional days asked.
type Hearing<'a> = (Order<'a>, Vec<(NaiveDate, &'a NoticeRecipient)>, u32);

/// Each order's hearing date, with the receipts and the additional days among `records` that
/// belong to it: those on or after the previous hearing's day (a notice received the day of a
/// hearing is too late for it, and in time for the next) and on or before this one.
fn hearings<'a>(
    orders: impl IntoIterator<Item = Order<'a>>,
    records: [&'a [crate::Event]; 2],
) -> Vec<Hearing<'a>> {
    let mut prev: Option<NaiveDate> = None;
    let mut out = Vec::new();
    for order in orders {
        let window = |d: NaiveDate| prev.is_none_or(|p| d >= p) && d <= order.date;
        let mut receipts = Vec::new();
        let mut extra = 0;
        for e in records.iter().flat_map(|r| r.iter()) {
            match e.what() {
                EventData::IcwaNoticeReceived(to) if window(e.date()) => {
                    receipts.push((e.date(), to));
                }
                EventData::IcwaAdditionalTime { days } if window(e.date()) => {
                    extra = extra.max((*days).min(ADDITIONAL_DAYS));
                }
                _ => {}
            }
        }
        prev = Some(order.date);
        out.push((order, receipts, extra));
    }
    out
}

/// The hearings of the terminations of an Indian child's parents before any removal, with the
/// notices received before them (the child at home: §1912(a) reaches any involuntary
/// termination proceeding, §1903(1)(ii)).
fn hearings_before_care<'a>(view: &View<'a>) -> Vec<Hearing<'a>> {
    let case = view.case;
    if !case.facts().icwa_may_apply() || !view.kinds.has(EventKind::ParentalRightsTerminated) {
        return Vec::new();
    }
    let adult = adult(view);
    let applies = move |d: NaiveDate| d < adult && case.indian_child_status_on(d).icwa_applies();
    let before = before_care(view);
    hearings(terminations(before, applies), [before, &[]])
}

/// Notice to each parent whose rights the proceeding concerns: for a placement, every legal
/// parent with rights intact on the hearing date; for a termination, the parent named; and to
/// each Indian custodian of the case's families, counted like a parent's (§1903(6)).
pub(super) fn notice_to_parent(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let hearings = hearings(orders(ep), records(ep));
    notice_to_parent_at(ep.view, ep.number(), hearings, out);
}

/// Notice to the parent of a termination before any removal, and to the Indian custodian.
pub(super) fn notice_to_parent_before_care(view: &View<'_>, out: &mut Vec<Obligation>) {
    notice_to_parent_at(view, None, hearings_before_care(view), out);
}

fn notice_to_parent_at(
    view: &View<'_>,
    episode: Option<u32>,
    hearings: Vec<Hearing<'_>>,
    out: &mut Vec<Obligation>,
) {
    let case = view.case;
    for (order, receipts, extra) in hearings {
        let due = days_before(order.date, NOTICE_DAYS + extra);
        let mut parents: Vec<crate::PersonId> = match order.subject {
            Some(Subject::Person(p)) => vec![p],
            _ => case
                .legal_parents_on(order.date)
                .into_iter()
                .filter(|p| !p.rights.ended())
                .map(|p| p.person)
                .collect(),
        };
        // The Indian custodian is noticed like a parent (25 U.S.C. 1903(6), 1912(a)).
        for f in case.families() {
            for m in f.members() {
                let id = m.person().id();
                if m.relationship() == crate::Relationship::IndianCustodian && !parents.contains(id)
                {
                    parents.push(id.clone());
                }
            }
        }
        for parent in parents {
            let received = receipts
                .iter()
                .filter(|(_, to)| matches!(to, NoticeRecipient::Person(p) if *p == parent))
                .map(|(d, _)| *d)
                .min();
            // Missed (received late, or not at all), the hearing was held before the 10 days
            // had run: open to invalidation (§1914).
            view.once(ObligationKind::IcwaNoticeToParent, episode, due, due)
                .met(received)
                .about(Subject::Person(parent))
                .if_missed(Consequence::OpenToInvalidation)
                .push(out);
        }
    }
}

/// Notice to the tribe, or to the Secretary (15 days more) when the tribe is unknown (the status
/// on the hearing date names none: 25 CFR 23.111(e)). When the status names several tribes,
/// notice to each: received when the last of them received it.
pub(super) fn notice_to_tribe(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let hearings = hearings(orders(ep), records(ep));
    notice_to_tribe_at(ep.view, ep.number(), hearings, out);
}

/// Notice to the tribe of a termination before any removal.
pub(super) fn notice_to_tribe_before_care(view: &View<'_>, out: &mut Vec<Obligation>) {
    notice_to_tribe_at(view, None, hearings_before_care(view), out);
}

fn notice_to_tribe_at(
    view: &View<'_>,
    episode: Option<u32>,
    hearings: Vec<Hearing<'_>>,
    out: &mut Vec<Obligation>,
) {
    for (order, receipts, extra) in hearings {
        let by_tribe = days_before(order.date, NOTICE_DAYS + extra);
        let by_secretary = days_before(order.date, NOTICE_DAYS + SECRETARY_DAYS + extra);
        let first = |secretary: bool| {
            receipts
                .iter()
                .filter(|(_, to)| match to {
                    NoticeRecipient::Tribe(_) => !secretary,
                    NoticeRecipient::Secretary => secretary,
                    NoticeRecipient::Person(_) => false,
                })
                .map(|(d, _)| *d)
                .min()
        };
        let tribes = view.case.indian_child_status_on(order.date).tribes();
        // The Secretary stands in only for a tribe that cannot be determined (25 CFR
        // 23.111(e)): with a tribe named, its own receipt is the notice.
        let (mut tribe, secretary) = (
            first(false),
            if tribes.is_empty() { first(true) } else { None },
        );
        // Several tribes (25 CFR 23.109, 23.111(b)): each must receive it; the notice is in
        // when the last of them received it.
        if tribes.len() > 1 {
            tribe = tribes
                .iter()
                .map(|t| {
                    receipts
                        .iter()
                        .filter(|(_, to)| matches!(to, NoticeRecipient::Tribe(x) if x == *t))
                        .map(|(d, _)| *d)
                        .min()
                })
                .collect::<Option<Vec<_>>>()
                .and_then(|v| v.into_iter().max());
        }
        // The tribe's own receipt, unless only the Secretary's was in time.
        let (due, received) = match (tribe, secretary) {
            (Some(t), Some(s)) if t > by_tribe && s <= by_secretary => (by_secretary, Some(s)),
            (Some(t), _) => (by_tribe, Some(t)),
            (None, Some(s)) => (by_secretary, Some(s)),
            (None, None) => (by_tribe, None),
        };
        // Missed (received late, or not at all): open to invalidation (§1914).
        view.once(ObligationKind::IcwaNoticeToTribe, episode, due, due)
            .met(received)
            .if_missed(Consequence::OpenToInvalidation)
            .push(out);
    }
}

// ------------------------------------------------------------------------------------------------
// Placement preferences (25 U.S.C. 1915; 25 CFR 23.129–23.132) and emergency removal (§1922)

/// Each placement of the episode begun while the Act applies (not a runaway, not a trial home
/// visit), held to the order of preference in force on its start — the tribe's by resolution
/// (§1915(c)), else the Act's — for an adoptive placement (begun by `placed_for_adoption`,
/// §1915(a)) or a foster-care or pre-adoptive one (§1915(b)). Due the day it begins: met that
/// day when its home is within the preferences; outside them, met the day the court found good
/// cause to depart (late when after the start) and overdue without it; overdue, too, while its
/// home is not assessed. The crate cannot know which preferred homes were available: a home
/// ranked below the first is within the preferences; [`Preferences::rank`] shows where it stands.
///
/// [`Preferences::rank`]: crate::icwa::Preferences::rank
pub(super) fn placement_preference(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    use crate::icwa::{IcwaHome, PreferenceKind, Preferences};
    let case = ep.view.case;
    // ICWA applies on no date: no placement is held to the preferences.
    if !case.facts().icwa_may_apply() {
        return;
    }
    if begun_as_adult(ep) {
        return;
    }
    let federal = Preferences::federal();
    for p in case.episode_placements(ep.episode) {
        let start = p.start();
        if start > ep.view.as_of
            || p.setting().is_runaway()
            || p.setting().is_trial_home_visit()
            || !case.indian_child_status_on(start).icwa_applies()
        {
            continue;
        }
        let mut adoptive = false;
        let mut home: Option<IcwaHome> = None;
        let mut cause: Option<NaiveDate> = None;
        let mut order: &Preferences = &federal;
        for e in ep.view.events {
            match e.what() {
                EventData::PlacedForAdoption(np) if np.id() == p.id() => adoptive = true,
                EventData::IcwaHomeAssessed { placement, home: h } if placement == p.id() => {
                    home = Some(*h);
                }
                EventData::IcwaGoodCause { placement } if placement == p.id() => {
                    cause = cause.or(Some(e.date()));
                }
                EventData::IcwaTribalPreferences(t) if e.date() <= start => order = t,
                _ => {}
            }
        }
        let kind = if adoptive {
            PreferenceKind::Adoptive
        } else {
            PreferenceKind::FosterOrPreadoptive
        };
        let once = ep
            .once(ObligationKind::IcwaPlacementPreference, start, start)
            .about(Subject::Placement(p.id().clone()));
        let once = match home.map(|h| order.rank(kind, h)) {
            Some(Some(_)) => once.met(Some(start)),
            Some(None) => match cause {
                Some(on) => once.met(Some(on)),
                None => once.lapsed(true),
            },
            None => once,
        };
        once.push(out);
    }
}

/// An emergency removal of an Indian child (§1922) ends within 30 days — the child returned,
/// the case transferred to the tribe (an exit of the episode) — or a foster-care placement
/// proceeding gives its order (the episode's ICWA findings for a placement): removal 2024-01-10,
/// due 2024-02-09 (+ 30 days). The extension a court may find (25 CFR 23.113(e)) is not recorded.
/// The Act applies from the removal, or from a reason to know learned while the child is held
/// (before the exit, on or after the 30th day too: then the hold is already too long): the 30
/// days still run from the removal.
pub(super) fn emergency_removal(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let removal = ep.removal();
    let case = ep.view.case;
    if ep.episode.manner() != Manner::Emergency
        || !case.facts().icwa_may_apply()
        || begun_as_adult(ep)
    {
        return;
    }
    let due = crate::date::days_after(removal, 30);
    // Found not an Indian child before the 30th day (25 CFR 23.107(b)(2)): the hold is no
    // emergency removal under the Act by the time it would have had to end.
    let found_not = ep.events.iter().any(|e| {
        e.date() > removal
            && e.date() <= due
            && matches!(e.what(), EventData::IcwaStatusDetermined(s) if !s.icwa_applies())
    });
    if found_not && !case.indian_child_status_on(due).icwa_applies() {
        return;
    }
    // The Act applies from the removal, or from a reason to know learned while the child is
    // still held under the emergency (25 CFR 23.107(b): treated as an Indian child from then);
    // the 30 days still run from the removal.
    let learned = || {
        ep.events.iter().any(|e| {
            ep.exit.is_none_or(|exit| e.date() < exit)
                && matches!(e.what(), EventData::IcwaStatusDetermined(s) if s.icwa_applies())
        })
    };
    if !case.indian_child_status_on(removal).icwa_applies() && !learned() {
        return;
    }
    let order = ep.events.iter().find_map(|e| match e.what() {
        EventData::IcwaFindings(f) if f.order == IcwaOrder::FosterCarePlacement => Some(e.date()),
        _ => None,
    });
    let ended = match (order, ep.exit) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    ep.once(ObligationKind::IcwaEmergencyRemoval, removal, due)
        .met(ended)
        .push(out);
}

/// Whether a consent to `given` (or its withdrawal) is one a `to` act rests on: a consent to an
/// adoption is read with a termination, as the relinquishment it allows.
fn allows(given: ConsentTo, to: ConsentTo) -> bool {
    given == to || (to == ConsentTo::Termination && given == ConsentTo::Adoption)
}

/// How a voluntary act of an Indian child's parent is consented to: the standing consent on
/// `date` (the last one given, not withdrawn since), else the first certified one after it.
fn consent_for(
    events: &[crate::Event],
    person: Option<&crate::PersonId>,
    to: ConsentTo,
    date: NaiveDate,
) -> Option<(NaiveDate, bool)> {
    let mut standing: Option<(NaiveDate, bool)> = None;
    let mut later = None;
    for e in events {
        match e.what() {
            EventData::IcwaConsent(c)
                if allows(c.to, to) && person.is_none_or(|p| *p == c.person) =>
            {
                if e.date() <= date {
                    standing = Some((e.date(), c.certified));
                } else if c.certified && later.is_none() {
                    later = Some((e.date(), true));
                }
            }
            EventData::IcwaConsentWithdrawn(w)
                if e.date() <= date
                    && allows(w.to, to)
                    && person.is_none_or(|p| *p == w.person) =>
            {
                standing = None;
            }
            _ => {}
        }
    }
    match standing {
        Some((_, true)) => standing,
        _ => later.or(standing),
    }
}

/// The obligation a voluntary act owes, given how it was consented to: met the day of a
/// certified consent (late when it came after); overdue and open to invalidation (§1914) when
/// the only consent lacks the judge's certificate; overdue and open to invalidation as well when
/// none is recorded: a voluntary act with no valid consent is what §1914 lets the parent
/// petition to invalidate.
fn consented(once: MetOnce, consent: Option<(NaiveDate, bool)>) -> MetOnce {
    match consent {
        Some((on, true)) => once
            .met(Some(on))
            .if_missed(Consequence::OpenToInvalidation),
        Some((_, false)) => once.lapsed(true).if_missed(Consequence::OpenToInvalidation),
        None => once.if_missed(Consequence::OpenToInvalidation),
    }
}

/// A voluntary consent of an Indian child's parent "shall not be valid unless executed in
/// writing and recorded before a judge", with the judge's certificate that its terms were
/// explained and understood (25 U.S.C. 1913(a)). Owed, the day of the act, by:
///
/// - a removal under a voluntary placement agreement while ICWA applies: a consent to foster
///   care by a parent or the Indian custodian (any of them);
/// - each relinquishment, while ICWA applies: that parent's consent to the termination (or to
///   an adoption), standing that day.
///
/// A consent given before or within 10 days after the birth is refused outright
/// ([`RuleId::IcwaConsentTooEarly`](crate::RuleId::IcwaConsentTooEarly)).
pub(super) fn valid_consent(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let case = ep.view.case;
    if !case.facts().icwa_may_apply() {
        return;
    }
    if begun_as_adult(ep) {
        return;
    }
    let applies = |d: NaiveDate| case.indian_child_status_on(d).icwa_applies();
    let removal = ep.removal();
    if ep.episode.manner() == Manner::VoluntaryPlacementAgreement && applies(removal) {
        let consent = consent_for(ep.window, None, ConsentTo::FosterCare, removal);
        let once = ep.once(ObligationKind::IcwaValidConsent, removal, removal);
        consented(once, consent).push(out);
    }
    // Each relinquishment once: the episode's own events (to the next removal); those before
    // the first removal are the case's (`valid_consent_before_care`).
    relinquishments(ep.view, ep.events, ep.number(), out);
}

/// The consent each relinquishment of `events` owes, while ICWA applies on its date.
fn relinquishments(
    view: &View<'_>,
    events: &[crate::Event],
    episode: Option<u32>,
    out: &mut Vec<Obligation>,
) {
    let case = view.case;
    for e in events {
        let EventData::ParentalRightsRelinquished { parent } = e.what() else {
            continue;
        };
        if !case.indian_child_status_on(e.date()).icwa_applies() {
            continue;
        }
        let consent = consent_for(view.events, Some(parent), ConsentTo::Termination, e.date());
        let once = view
            .once(
                ObligationKind::IcwaValidConsent,
                episode,
                e.date(),
                e.date(),
            )
            .about(Subject::Person(parent.clone()));
        consented(once, consent).push(out);
    }
}

/// The consent a relinquishment before any removal owes (the child at home: §1913(a) reaches a
/// voluntary termination wherever the child lives), with no episode.
pub(super) fn valid_consent_before_care(view: &View<'_>, out: &mut Vec<Obligation>) {
    if !view.case.facts().icwa_may_apply() || !view.kinds.has(EventKind::ParentalRightsRelinquished)
    {
        return;
    }
    relinquishments(view, before_care(view), None, out);
}

/// A parent or Indian custodian may withdraw consent to a voluntary foster-care placement at
/// any time, "and, upon such withdrawal, the child shall be returned" (25 U.S.C. 1913(b); 25
/// CFR 23.127), and a parent's consent to a termination or an adoption before the final decree,
/// "and the child shall be returned to the parent" (§1913(c)): owed the day of each such
/// withdrawal in a voluntary episode while ICWA applies (not in an episode begun at 18 or
/// later), met by the episode's exit to reunification, a trial home visit begun, a
/// transfer to the tribe, or an ICWA foster-care placement order (the agency went to court
/// instead), whichever came first on or after it — an exit to a guardian or a relative is no
/// return; missed, the placement is open to invalidation (§1914).
pub(super) fn return_on_withdrawal(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let case = ep.view.case;
    if ep.episode.manner() != Manner::VoluntaryPlacementAgreement
        || !case.facts().icwa_may_apply()
        || begun_as_adult(ep)
    {
        return;
    }
    for e in ep.events {
        let EventData::IcwaConsentWithdrawn(w) = e.what() else {
            continue;
        };
        let on = e.date();
        // A consent to foster care (§1913(b)), or to a termination or an adoption withdrawn
        // before the decree (§1913(c): "and the child shall be returned to the parent"; a
        // withdrawal after the decree is refused).
        if !case.indian_child_status_on(on).icwa_applies() {
            continue;
        }
        let answered = ep.events.iter().find_map(|x| {
            let kept = match x.what() {
                EventData::TrialHomeVisitBegun(_) | EventData::IcwaTransferredToTribe(_) => true,
                EventData::IcwaFindings(f) => f.order == IcwaOrder::FosterCarePlacement,
                _ => false,
            };
            (kept && x.date() >= on).then(|| x.date())
        });
        // Only a return home meets it: an exit to reunification (or a visit's deemed one).
        let returned = ep.exit.filter(|&x| {
            x >= on
                && ep
                    .episode
                    .exit()
                    .is_none_or(|exit| exit.reason == crate::case::stage::ExitReason::Reunified)
        });
        let met = match (answered, returned) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        ep.once(ObligationKind::IcwaReturnOnWithdrawal, on, on)
            .met(met)
            .if_missed(Consequence::OpenToInvalidation)
            .about(Subject::Person(w.person.clone()))
            .push(out);
    }
}
