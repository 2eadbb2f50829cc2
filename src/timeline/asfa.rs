//! ASFA clocks: DEFC, the findings at removal, case plan, relative notice, reviews, permanency
//! hearings, reasonable efforts to finalize, the TPR petitions, voluntary placements (SSA
//! §471(a)(15), §471(a)(29), §472(a), §472(e), §475(5); 45 CFR 1356.21).

use chrono::NaiveDate;

use super::calendar;
use super::engine::{EpisodeView, Rhythm, View, first_on_or_after, recurring};
use super::months::{Care, Reached, first_day_reaching};
use super::types::{Consequence, Obligation, ObligationKind as K, Status, Waiver};
use crate::case::event::{
    AggravatedGround, Determination, EventData, Finding, Manner, PreventionEfforts, TprException,
};
use crate::case::{Case, Episode};
use crate::date::{self, Period};
use crate::policy::{
    DefcRule, DetentionTime, EpisodeStart, HearingRhythm, Policy, RelativeCareException,
    RelativeCareReview, ReviewAnchor, TprAfterMajority, TprRefiling,
};
use crate::rules::Subject;

/// The date the child is considered to have entered foster care in `episode`, as known on
/// `as_of`: the earlier of the first judicial finding of abuse or neglect and the date 60 days
/// after removal (SSA §475(5)(F); 45 CFR 1355.20), never before the removal; or the removal date
/// when the policy's [`DefcRule`] says the agency uses it.
///
/// A finding made before the removal (in an in-home court case, or in the order that sanctions the
/// removal) counts when it is the episode's: dated after the previous episode's exit (or the
/// case's start for the first); it sets DEFC to the removal date. An abandoned-infant
/// adjudication is a finding of neglect (abandonment is neglect in every state's definition) and
/// counts too.
pub(crate) fn date_entered_foster_care(
    case: &Case,
    episode: &Episode,
    as_of: NaiveDate,
    policy: &Policy,
) -> NaiveDate {
    let removal = episode.removal_date();
    if policy.defc_rule() == DefcRule::RemovalDate {
        return removal;
    }
    let latest = calendar::days_after(removal, policy.defc_days_after_removal());
    let events = case.events();
    let from = episode_findings_start(case, episode);
    // The episode's events end where the next episode's begin.
    let to = case.facts().episode_events(episode).end;
    let finding = events[from..to]
        .iter()
        .filter(|e| e.date() <= as_of)
        .find(|e| {
            matches!(
                e.what(),
                EventData::CourtFinding(Finding::AbuseOrNeglect | Finding::AbandonedInfant)
            )
        })
        .map(|e| e.date());
    finding.map_or(latest, |f| f.min(latest)).max(removal)
}

/// The index of the first event whose court findings belong to `episode` (see
/// [`findings_start`](super::engine::findings_start)).
fn episode_findings_start(case: &Case, episode: &Episode) -> usize {
    let index = (episode.number() as usize).saturating_sub(1);
    super::engine::findings_start(case.events(), case.episodes(), index)
}

/// SSA §472(a)(2)(A)(ii), 45 CFR 1356.21(c): the contrary-to-the-welfare finding must be in the
/// first order that sanctions the removal — dated the removal date for a court-ordered removal,
/// the first court finding of the episode after an emergency removal. Missing it costs the stay.
/// A voluntary placement has none.
pub(super) fn contrary_to_welfare(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let removal = ep.removal();
    let manner = ep.episode.manner();
    if manner == Manner::VoluntaryPlacementAgreement {
        return;
    }
    let first_order = match manner {
        Manner::CourtOrder => Some(removal),
        // After an emergency removal the order that sanctions it comes after it.
        _ => ep.findings_in_care(|_| true).next(),
    };
    let Some(order) = first_order else {
        // No order yet: due with the first one, whenever it comes.
        out.push(Obligation::new(
            K::ContraryToWelfare,
            ep.number(),
            removal,
            removal,
            Status::NotYetApplicable,
        ));
        return;
    };
    // The earliest made (a finding entered nunc pro tunc counts from its issue date).
    let found = ep
        .findings(|f| matches!(f, Finding::ContraryToWelfare))
        .min();
    ep.once(K::ContraryToWelfare, removal, order)
        .met(found)
        .owed(ep.owes_on(order))
        .if_missed(Consequence::IneligibleForEpisode)
        .push(out);
}

/// SSA §471(a)(15)(B)(i), 45 CFR 1356.21(b)(1): a finding of reasonable efforts to prevent the
/// removal within 60 days. A finding that efforts were not required meets it too: 1356.21(b)(1)(i)
/// asks for "the judicial determination as to whether reasonable efforts were made, or were not
/// required to prevent the removal, in accordance with paragraph (b)(3)", and (b)(3) (SSA
/// §471(a)(15)(D)) excuses efforts "to prevent a child's removal from home or to reunify" on the
/// aggravated grounds — so a finding that reunification efforts are not required, on any ground,
/// meets it as well. Missing it costs the stay. A voluntary placement has none.
pub(super) fn prevent_removal_efforts(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if ep.episode.manner() == Manner::VoluntaryPlacementAgreement {
        return;
    }
    let removal = ep.removal();
    let due = calendar::days_after(removal, ep.view.policy.prevent_removal_efforts_days());
    let found = ep
        .findings(|f| {
            matches!(
                f,
                Finding::PreventionEfforts(
                    PreventionEfforts::Made | PreventionEfforts::NotRequired
                ) | Finding::ReunificationEffortsNotRequired { .. }
            )
        })
        .min();
    ep.once(K::PreventRemovalEfforts, removal, due)
        .met(found)
        .owed(ep.owes_on(due))
        .if_missed(Consequence::IneligibleForEpisode)
        .push(out);
}

/// SSA §472(e): a voluntary placement needs a judicial best-interest determination within its
/// first 180 days, else no payment after day 180.
///
/// The days are those "of the placement": they count from the episode's first placement, which
/// may begin after the agreement was signed (the agreement dates the removal, 45 CFR
/// 1356.21(k)). Until a placement is known on `as_of` they count from the agreement, the
/// earliest the placement can begin.
pub(super) fn voluntary_placement(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    if ep.episode.manner() != Manner::VoluntaryPlacementAgreement {
        return;
    }
    let removal = ep.removal();
    let placed = ep
        .view
        .case
        .episode_placements(ep.episode)
        .first()
        .map(|p| p.start())
        .filter(|&start| start <= ep.view.as_of);
    let start = placed.map_or(removal, |p| p.max(removal));
    let window = date::first_days(start, ep.view.policy.voluntary_best_interest_days());
    let due = window.last_day().unwrap_or(removal);
    let found = ep
        .findings(|f| matches!(f, Finding::VoluntaryPlacementBestInterests))
        .next();
    ep.once(K::VoluntaryPlacement, start, due)
        .met(found)
        .owed(ep.owes_on(due))
        .if_missed(Consequence::NoPaymentFrom(window.end()))
        .push(out);
}

/// 45 CFR 1356.21(g)(2): the case plan within 60 days of the removal.
pub(super) fn case_plan(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let removal = ep.removal();
    let due = calendar::days_after(removal, ep.view.policy.case_plan_days());
    let done = ep
        .dates(|e| matches!(e, EventData::CasePlanCompleted))
        .next();
    ep.once(K::CasePlan, removal, due)
        .met(done)
        .owed(ep.owes_on(due))
        .push(out);
}

/// SSA §471(a)(29): notice to the adult relatives within 30 days of the removal, owed after an
/// early exit too unless the policy's
/// [`RelativeNoticeAfterExit`](crate::policy::RelativeNoticeAfterExit) ends it there. Met by a
/// `relatives_notified`, or by the notices to each relative: once every relative identified
/// (by the end of the episode) is notified or excepted, on the date of the last notice; waived
/// when every one of them is excepted for family or domestic violence.
pub(super) fn relative_notice(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    use super::connections::{EveryRelative, every_relative_notified};
    let removal = ep.removal();
    let due = calendar::days_after(removal, ep.view.policy.relative_notice_days());
    let summary = ep
        .dates(|e| matches!(e, EventData::RelativesNotified))
        .next();
    let each = every_relative_notified(ep);
    let by_each = match each {
        Some(EveryRelative::NotifiedBy(on)) => Some(on),
        _ => None,
    };
    let done = match (summary, by_each) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let waived = (done.is_none() && each == Some(EveryRelative::AllExcepted))
        .then_some(crate::timeline::Waiver::FamilyViolence);
    ep.once(K::RelativeNotice, removal, due)
        .met(done)
        .waived(waived)
        .owed(super::connections::relative_notice_owed(ep, due))
        .push(out);
}

/// SSA §475(5)(B): a review at least every 6 months, counted from the removal or from DEFC, as
/// the policy's [`ReviewAnchor`] says, then from the last one held.
pub(super) fn periodic_review(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let policy = view.policy;
    let anchor = match policy.review_anchor() {
        ReviewAnchor::Removal => ep.removal(),
        ReviewAnchor::Defc => ep.defc(),
    };
    let every = policy.review_months();
    recurring(
        ep,
        Rhythm {
            kind: K::PeriodicReview,
            start: anchor,
            first_due: view.months_after(anchor, every),
            every,
            from_held: true,
        },
        ep.dates(|e| matches!(e, EventData::PeriodicReview)),
        out,
        |_, _| None,
    );
}

/// SSA §475(5)(C)(i): a permanency hearing within 12 months of DEFC, then within 12 months of
/// the last one held (or on a fixed schedule from DEFC, as the policy's [`HearingRhythm`] says).
pub(super) fn permanency_hearing(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let policy = view.policy;
    let defc = ep.defc();
    let every = policy.permanency_hearing_months();
    recurring(
        ep,
        Rhythm {
            kind: K::PermanencyHearing,
            start: defc,
            first_due: ep.first_hearing_due(),
            every,
            from_held: policy.hearing_rhythm() == HearingRhythm::FromLastHeld,
        },
        ep.dates(|e| matches!(e, EventData::PermanencyHearing)),
        out,
        |_, _| None,
    );
}

/// 45 CFR 1356.21(b)(2), CWPM 8.3A.9a: a judicial determination of reasonable efforts to finalize
/// the permanency plan within 12 months of DEFC, then within 12 months of the last one made; one
/// not made costs eligibility from the end of the month it was due until it is made.
pub(super) fn finalize_efforts(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let view = ep.view;
    let defc = ep.defc();
    let every = view.policy.permanency_hearing_months();
    let as_of = view.as_of;
    recurring(
        ep,
        Rhythm {
            kind: K::FinalizeEfforts,
            start: defc,
            first_due: ep.first_hearing_due(),
            every,
            // CWPM 8.3A.9a: 12 months after the last determination, not an interpretation.
            from_held: true,
        },
        ep.findings_in_care(|f| matches!(f, Finding::FinalizeEfforts(Determination::Made))),
        out,
        |due, on| {
            let from = calendar::first_of_next_month(due);
            match on {
                Some(on) if on < from => None,
                Some(on) => Some(Consequence::IneligibleBetween {
                    from,
                    until: Some(on),
                }),
                None if as_of >= from => Some(Consequence::IneligibleBetween { from, until: None }),
                None => None,
            }
        },
    );
}

/// SSA §471(a)(15)(E)(i): a finding that reunification efforts are not required calls for a
/// permanency hearing within 30 days, met by the first one held on or after the finding.
pub(super) fn no_reunification_hearing(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    let policy = ep.view.policy;
    let mut hearings: Option<Vec<NaiveDate>> = None;
    for e in &ep.window[ep.expedited().excused..] {
        let EventData::CourtFinding(Finding::ReunificationEffortsNotRequired { parent, .. }) =
            e.what()
        else {
            continue;
        };
        let found_on = e.date();
        // The episode's hearings, read once (in date order, as the events are).
        let hearings = hearings.get_or_insert_with(|| {
            ep.dates(|x| matches!(x, EventData::PermanencyHearing))
                .collect()
        });
        let due = calendar::days_after(found_on, policy.no_reunification_hearing_days());
        ep.once(K::NoReunificationHearing, found_on, due)
            .met(first_on_or_after(hearings, found_on))
            .owed(ep.owes_on(due))
            .about(Subject::Person(parent.clone()))
            .push(out);
    }
}

/// SSA §475(5)(E): an abandoned-infant determination calls for a TPR petition within 60 days.
pub(super) fn abandoned_infant_petition(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    expedited_petitions(ep, K::AbandonedInfantPetition, out);
}

/// SSA §475(5)(E): a finding that reunification efforts are not required on the felony ground of
/// §471(a)(15)(D)(ii) (the murder or manslaughter of another child of the parent, or a felony
/// assault on the child or a sibling) calls for a TPR petition within 60 days.
pub(super) fn felony_petition(ep: &EpisodeView<'_>, out: &mut Vec<Obligation>) {
    expedited_petitions(ep, K::FelonyPetition, out);
}

/// The TPR petitions of `kind` (abandoned infant or felony ground) the episode's findings call
/// for — findings in the order that sanctions the removal, made before it, included: each due
/// 60 days after its finding, met by the episode's first petition (one filed before the finding
/// is pending, and the state joins it).
/// Inlined into each caller, where `kind` is known, so that the scan tests one finding.
#[inline(always)]
fn expedited_petitions(ep: &EpisodeView<'_>, kind: K, out: &mut Vec<Obligation>) {
    let policy = ep.view.policy;
    let mut petitions: Option<Vec<NaiveDate>> = None;
    let first = match kind {
        K::AbandonedInfantPetition => ep.expedited().abandoned,
        _ => ep.expedited().excused,
    };
    for e in &ep.window[first..] {
        let parent = match (kind, e.what()) {
            (K::AbandonedInfantPetition, EventData::CourtFinding(Finding::AbandonedInfant)) => None,
            (
                K::FelonyPetition,
                EventData::CourtFinding(Finding::ReunificationEffortsNotRequired {
                    parent,
                    ground: AggravatedGround::FelonyAgainstChild,
                }),
            ) => Some(parent),
            _ => continue,
        };
        let found_on = e.date();
        // The episode's petitions, read once (in date order, as the events are).
        let petitions = petitions.get_or_insert_with(|| {
            ep.dates(|x| matches!(x, EventData::TprPetitionFiled))
                .collect()
        });
        let due = calendar::days_after(found_on, policy.expedited_tpr_days());
        // A petition the episode already has meets it, filed before the finding too: the state
        // files a petition "or, if such a petition has been filed", joins it (SSA §475(5)(E)).
        let filed = petitions.first().copied();
        // The exceptions govern these triggers too (SSA §475(5)(E): the "unless" follows the
        // whole sentence); services not provided never waives the felony ground, whose finding
        // excused reunification efforts.
        let waiver = match filed {
            Some(_) => None,
            None => {
                let services = parent.is_none()
                    && !excused_between(ep.view, ep.view.findings_from(ep.removal()), due, None);
                // An exception the episode's case plan documents by the due date, before the
                // finding too: it still stands when the petition falls due.
                let from = ep.removal().min(found_on);
                tpr_waiver(ep.view, due, parent, services, |x| {
                    (from..=due).contains(&x)
                })
            }
        };
        let once = ep
            .once(kind, found_on, due)
            .met(filed)
            .waived(waiver)
            .owed(ep.owes_on(due));
        match parent {
            Some(p) => once.about(Subject::Person(p.clone())),
            None => once,
        }
        .push(out);
    }
}

/// The 15-of-22 TPR petition (SSA §475(5)(E); 45 CFR 1356.21(i)): care counted from each
/// episode's DEFC (later episodes: DEFC or removal, by policy), cumulative across episodes,
/// within the sliding window of the most recent 22 months, trial home visits and runaways not
/// counted; due on the last day of the 15th month counted. While the child is in care the count
/// is projected forward assuming the current placement continues — so during a trial home visit,
/// which does not count, no due date appears until care resumes.
///
/// Waived by an exception (see [`tpr_waiver`]), the requirement applies only once (45 CFR
/// 1356.21(i)(1)(i)(D)): it does not come back. A petition meets it when filed in the episode
/// under way on the due date (under [`TprRefiling::Once`], in the episode the count starts in);
/// the exceptions count when documented in that episode by the due date. Met by a petition, it
/// comes back for a re-entry removed after the petition, counted from that re-entry, unless the
/// policy's [`TprRefiling`] says one petition ever is enough. Under [`TprAfterMajority::Stops`] no petition
/// falls due on or after the age of majority.
pub(super) fn fifteen_of_twenty_two(view: &View<'_>, out: &mut Vec<Obligation>) {
    reckon_tpr(view, None, |o| out.push(o));
}

/// One round of the 15-of-22 count: the day reached and the stretches it was counted in.
#[derive(Debug, Clone, Copy)]
pub(super) struct TprRound {
    pub(super) reached: Reached,
    /// The index, in the case's counted stretches, of the first one this round counts.
    pub(super) offset: usize,
}

/// Runs the 15-of-22 count: each obligation goes to `push`; the care counted (and, with
/// `excluded`, the stretches left out) stays in `care`. Returns the last round.
pub(super) fn reckon_tpr(
    view: &View<'_>,
    excluded: Option<&mut Vec<(Period, crate::placement::Setting)>>,
    mut push: impl FnMut(Obligation),
) -> Option<(Care, TprRound)> {
    let policy = view.policy;
    let episodes = view.episodes();
    let last = episodes.last()?;
    let open = view.exit_of(last).is_none();
    // Project an open episode far enough to reach the count with continuous care: from its
    // DEFC when that is still to come (up to 60 days after the removal, SSA §475(5)(F)).
    let horizon = if open {
        let from = view.as_of.max(view.defc(last));
        calendar::days_after(view.months_after(from, policy.tpr_months()), 1)
    } else {
        view.as_of
    };
    let mut care = Care::new(policy.month_end());
    counted_care(view, horizon, &mut care, excluded);
    if care.is_empty() {
        return None;
    }
    let majority = (policy.tpr_after_majority() == TprAfterMajority::Stops).then(|| {
        view.case
            .child()
            .attains_age(policy.age_of_majority(), policy)
    });
    let petitions: Vec<NaiveDate> = view
        .events
        .iter()
        .filter(|e| matches!(e.what(), EventData::TprPetitionFiled))
        .map(|e| e.date())
        .collect();
    let mut offset = 0;
    let mut next_episode = 0;
    let mut last_round = None;
    loop {
        let stretches = &care.stretches()[offset..];
        let Some(reached) = first_day_reaching(
            stretches,
            policy.tpr_months(),
            policy.tpr_month_counting(),
            Some(policy.tpr_window_months()),
            policy.month_end(),
        ) else {
            break;
        };
        // The count runs from the first day of care inside the window that ends on the due date.
        let Reached {
            day: due,
            from: first,
        } = reached;
        if majority.is_some_and(|m| due >= m) {
            break;
        }
        last_round = Some(TprRound { reached, offset });
        let episode = view.episode_on(due);
        // The episode under way on the due date: its case plan documents an exception, and
        // (each re-entry owing its own filing) its petitions meet it.
        let due_removal = episode_removal(view, due);
        // A petition filed in that episode meets it, before its first day counted too (between
        // a removal and its DEFC): the state files a petition or joins one already filed (SSA
        // §475(5)(E)). A petition of an earlier episode meets it only where one petition ever
        // is enough ([`TprRefiling::Once`]): that episode's case ended with it.
        let petitions_from = match policy.tpr_refiling() {
            TprRefiling::EachReentry => due_removal,
            TprRefiling::Once => episode_removal(view, first),
        };
        let petition = first_on_or_after(&petitions, petitions_from);
        // A petition meets it (a met obligation has no waiver); unmet, an exception may waive it:
        // one documented in the episode's case plan by the due date, before its DEFC too.
        let waiver = match petition {
            Some(_) => None,
            None => {
                let services = !excused_between(view, view.findings_from(first), due, None);
                tpr_waiver(view, due, None, services, |x| {
                    (due_removal..=due).contains(&x)
                })
            }
        };
        push(
            view.once(K::FifteenOfTwentyTwo, episode, first, due)
                .met(petition)
                .waived(waiver)
                .obligation()
                .unwrap_or_else(|| unreachable!("the 15-of-22 petition is always owed")),
        );
        // Met: a re-entry removed after the petition owes its own filing, counted from its start.
        let Some(filed) = petition else { break };
        if policy.tpr_refiling() == TprRefiling::Once {
            break;
        }
        while episodes
            .get(next_episode)
            .is_some_and(|e| e.removal_date() <= filed)
        {
            next_episode += 1;
        }
        let Some(reentry) = episodes.get(next_episode) else {
            break;
        };
        let from = counting_start(view, reentry);
        offset = care.stretches().partition_point(|s| s.start() < from);
        if offset >= care.stretches().len() {
            break;
        }
    }
    last_round.map(|r| (care, r))
}

/// The removal date of the episode under way on `on` (or `on` itself, before any).
fn episode_removal(view: &View<'_>, on: NaiveDate) -> NaiveDate {
    let episodes = view.episodes();
    let n = episodes.partition_point(|e| e.removal_date() <= on);
    episodes[..n].last().map_or(on, Episode::removal_date)
}

/// Whether a court excused reasonable efforts to reunify (for `parent`, or any parent) on a
/// date from `from` to `to`.
fn excused_between(
    view: &View<'_>,
    from: NaiveDate,
    to: NaiveDate,
    parent: Option<&crate::id::PersonId>,
) -> bool {
    view.events.iter().any(|e| match e.what() {
        EventData::CourtFinding(Finding::ReunificationEffortsNotRequired { parent: p, .. }) => {
            (from..=to).contains(&e.date()) && parent.is_none_or(|x| x == p)
        }
        _ => false,
    })
}

/// The exception that waives an unmet TPR petition due on `due`, judged on the earlier of `due`
/// and the date asked. The three exceptions of SSA §475(5)(E)(i)–(iii) follow the whole sentence
/// and so govern every trigger (15 of 22, an abandoned infant, the felony grounds):
///
/// - no parent remains to petition against (the rights of `parent`, or of every legal parent,
///   terminated, relinquished or ended by death): the petition is moot
///   ([`Waiver::NoParentRemaining`]; the crate's reading — the statute presumes a parent);
/// - a relative cares for the child, where the state uses the option (§475(5)(E)(i)), judged on
///   the due date (not before it: asked earlier, the petition is upcoming) or, under
///   [`RelativeCareReview::WhileInRelativeCare`], again on the last day in care known;
/// - an exception documented (`documented` picks the dates that count): a compelling reason
///   (§475(5)(E)(ii)), or services not provided (§475(5)(E)(iii)) — only where reasonable
///   efforts to reunify are required (`services`: no finding excused them).
fn tpr_waiver(
    view: &View<'_>,
    due: NaiveDate,
    parent: Option<&crate::id::PersonId>,
    services: bool,
    documented: impl Fn(NaiveDate) -> bool,
) -> Option<Waiver> {
    let policy = view.policy;
    let judged_on = due.min(view.as_of);
    if no_parent_remaining(view, judged_on, parent) {
        return Some(Waiver::NoParentRemaining);
    }
    // Relative care is judged on the due date: before it, the petition is upcoming, whoever
    // cares for the child now (the child may move before then).
    let relative = policy.relative_care_exception() == RelativeCareException::Used
        && view.as_of >= due
        && relative_care_on(view, due)
        && match policy.relative_care_review() {
            RelativeCareReview::AtDueDate => true,
            RelativeCareReview::WhileInRelativeCare => {
                view.as_of <= due || relative_care_on(view, last_day_in_care(view, due))
            }
        };
    if relative {
        return Some(Waiver::RelativeCare);
    }
    view.events.iter().find_map(|e| match e.what() {
        EventData::TprExceptionDocumented(x) if documented(e.date()) => match x {
            TprException::CompellingReason => Some(Waiver::CompellingReason),
            TprException::ServicesNotProvided if services => Some(Waiver::ServicesNotProvided),
            TprException::ServicesNotProvided => None,
        },
        _ => None,
    })
}

/// The last day in care known on the date asked, in the episode under way on `due`: the day
/// before its exit, or the date asked while it is open.
fn last_day_in_care(view: &View<'_>, due: NaiveDate) -> NaiveDate {
    let episodes = view.episodes();
    let n = episodes.partition_point(|e| e.removal_date() <= due);
    let exit = episodes[..n].last().and_then(|e| view.exit_of(e));
    exit.map_or(view.as_of, |x| date::days_before(x, 1).min(view.as_of))
}

/// Whether, on `on`, the rights of `parent` (or, with none, of every legal parent of the child,
/// at least one being known) have ended: terminated, relinquished, or by death.
fn no_parent_remaining(
    view: &View<'_>,
    on: NaiveDate,
    parent: Option<&crate::id::PersonId>,
) -> bool {
    match parent {
        // The rights as the history has them, read as of `on`.
        Some(p) => view.case.parental_rights(p).on(on).ended(),
        None => {
            let parents = view.case.legal_parents_on(on);
            !parents.is_empty() && parents.iter().all(|s| s.rights.ended())
        }
    }
}

/// Whether a relative cares for the child on `on`: the placement then is with a family whose
/// caregivers include a relative.
fn relative_care_on(view: &View<'_>, on: NaiveDate) -> bool {
    view.placement_on(on)
        .and_then(|p| p.caregiver())
        .and_then(|f| view.case.family_on(f, on))
        .is_some_and(|f| f.cared_for_by_relative())
}

/// Where the 15-of-22 count starts in `episode`: its DEFC, or for a later episode its removal,
/// as the policy's [`EpisodeStart`] says.
fn counting_start(view: &View<'_>, e: &Episode) -> NaiveDate {
    match (e.number(), view.policy.tpr_episode_start()) {
        (n, EpisodeStart::Removal) if n > 1 => e.removal_date(),
        _ => view.defc(e),
    }
}

/// Adds to `out` the stretches of care that count toward 15 of 22, in order: each episode from
/// its counting start to its exit (or `horizon` while open), less its trial home visits and
/// runaways (and detention, by policy), which go to `excluded` when asked for.
fn counted_care(
    view: &View<'_>,
    horizon: NaiveDate,
    out: &mut Care,
    mut excluded: Option<&mut Vec<(Period, crate::placement::Setting)>>,
) {
    let policy = view.policy;
    for e in view.episodes() {
        let start = counting_start(view, e);
        let end = view.exit_of(e).unwrap_or(horizon);
        let mut cursor = start;
        for p in view.case.episode_placements(e) {
            // Trial home visits and runaways never count (45 CFR 1356.21(i)(1)(i)(C)); detention
            // only if the policy says so.
            let is_excluded = p.setting().is_trial_home_visit()
                || p.setting().is_runaway()
                || (p.setting() == crate::placement::Setting::JuvenileJusticeFacility
                    && policy.detention_time() == DetentionTime::Excluded);
            if p.start() > view.as_of || !is_excluded {
                continue;
            }
            let p_end = view.end_of(p).map(|x| x.date).unwrap_or(horizon);
            if p.start() > cursor
                && let Some(counted) = Period::new(cursor, p.start().min(end))
                && counted.days() > 0
            {
                out.push(counted);
            }
            if let Some(x) = excluded.as_deref_mut()
                && let Some(left_out) = Period::new(p.start(), p_end.min(end))
                && left_out.days() > 0
            {
                x.push((left_out, p.setting()));
            }
            cursor = cursor.max(p_end);
        }
        if cursor < end
            && let Some(counted) = Period::new(cursor, end)
        {
            out.push(counted);
        }
    }
}
