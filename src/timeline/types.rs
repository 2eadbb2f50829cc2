//! The public types of the clocks: what an obligation is ([`ObligationKind`]), where it stands
//! ([`Status`], [`Waiver`]), what missing it costs ([`Consequence`]), and the [`Obligation`]
//! itself.

use chrono::NaiveDate;

use crate::rules::{RuleId, Subject};

macro_rules! obligation_kinds {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $rule:ident; )*) => {
        /// What an obligation is.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
        #[non_exhaustive]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        pub enum ObligationKind {
            $( $(#[$doc])* $variant, )*
        }

        impl ObligationKind {
            /// Every obligation kind.
            pub const ALL: &'static [ObligationKind] = &[$(ObligationKind::$variant),*];

            /// The snake_case name.
            pub fn as_str(self) -> &'static str {
                match self { $(ObligationKind::$variant => $name,)* }
            }

            /// The rule the obligation comes from.
            pub fn rule(self) -> RuleId {
                match self { $(ObligationKind::$variant => RuleId::$rule,)* }
            }

            /// Whether its dates are counted from the child's birthdays, and so reveal the date of
            /// birth: transition services (14), APPLA (16), the transition plan and the end of
            /// care (18 or the extended age), supervised independent living before 18.
            pub fn follows_birthdays(self) -> bool {
                matches!(
                    self,
                    ObligationKind::TransitionServices
                        | ObligationKind::ApplaEligibility
                        | ObligationKind::TransitionPlan
                        | ObligationKind::CareEndAge
                        | ObligationKind::IndependentLivingAge
                )
            }
        }
    };
}

obligation_kinds! {
    /// Contrary-to-the-welfare finding in the first order sanctioning removal.
    ContraryToWelfare = "contrary_to_welfare", ContraryToWelfare;
    /// Judicial finding of reasonable efforts to prevent removal (or that none were required).
    PreventRemovalEfforts = "prevent_removal_efforts", PreventRemovalEfforts;
    /// The case plan.
    CasePlan = "case_plan", CasePlan;
    /// Notice to adult relatives.
    RelativeNotice = "relative_notice", RelativeNotice;
    /// A periodic review.
    PeriodicReview = "periodic_review", PeriodicReview;
    /// A permanency hearing.
    PermanencyHearing = "permanency_hearing", PermanencyHearing;
    /// A judicial determination of reasonable efforts to finalize the permanency plan.
    FinalizeEfforts = "finalize_efforts", FinalizeEfforts;
    /// The permanency hearing due after reunification efforts were excused.
    NoReunificationHearing = "no_reunification_hearing", NoReunificationHearing;
    /// The TPR petition at 15 of the most recent 22 months in care.
    FifteenOfTwentyTwo = "fifteen_of_twenty_two", FifteenOfTwentyTwo;
    /// The TPR petition after an abandoned-infant determination.
    AbandonedInfantPetition = "abandoned_infant_petition", AbandonedInfantPetition;
    /// The TPR petition after a felony-ground determination.
    FelonyPetition = "felony_petition", FelonyPetition;
    /// The best-interest determination for a voluntary placement.
    VoluntaryPlacement = "voluntary_placement", VoluntaryPlacement;
    /// The end of a trial home visit within its authorized period.
    TrialHomeVisitLimit = "trial_home_visit_limit", TrialHomeVisitLimit;
    /// The QRTP assessment by a qualified individual.
    QrtpAssessment = "qrtp_assessment", QrtpAssessment;
    /// The court's QRTP approval or disapproval.
    QrtpCourtApproval = "qrtp_court_approval", QrtpCourtApproval;
    /// The move out of a QRTP found inappropriate.
    QrtpTransition = "qrtp_transition", QrtpTransition;
    /// The head of agency's approval of a long QRTP stay.
    QrtpLongStay = "qrtp_long_stay", QrtpLongStay;
    /// The two-week payment limit of a child-care institution that is not a specified setting.
    CongregateCareLimit = "congregate_care_limit", CongregateCareLimit;
    /// Supervised independent living is reimbursable only from age 18.
    IndependentLivingAge = "independent_living_age", CongregateCareLimit;
    /// The end of a Family First prevention period.
    PreventionPeriod = "prevention_period", PreventionPeriod;
    /// Transition services in the case plan from age 14.
    TransitionServices = "transition_services", TransitionServices;
    /// The date APPLA becomes available (age 16).
    ApplaEligibility = "appla_eligibility", ApplaEligibility;
    /// The transition plan in the 90 days before leaving care.
    TransitionPlan = "transition_plan", TransitionPlan;
    /// The end of foster care at majority or the extended-care age.
    CareEndAge = "care_end_age", CareEndAge;
    /// Eligibility for kinship guardianship assistance.
    KinshipGuardianshipEligibility = "kinship_guardianship_eligibility", KinshipGuardianshipEligibility;
}

/// Which exception waived an obligation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Waiver {
    /// A relative cares for the child (SSA §475(5)(E)(i), at the state's option).
    RelativeCare,
    /// A compelling reason is documented in the case plan (§475(5)(E)(ii)).
    CompellingReason,
    /// The state did not provide the services its case plan called for (§475(5)(E)(iii)).
    ServicesNotProvided,
}

/// Where an obligation stands as of the date asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Status {
    /// Met on this date, on or before the due date.
    Met(NaiveDate),
    /// Met on this date, after the due date.
    MetLate(NaiveDate),
    /// Due, not met, and the due date has passed.
    Overdue,
    /// Not met yet, and the due date has not passed.
    Upcoming,
    /// The condition that starts the clock has not happened yet; the due date is a projection.
    NotYetApplicable,
    /// An exception the law allows waived it.
    Waived(Waiver),
    /// A dated milestone (not a duty) that has been reached.
    Reached,
}

impl Status {
    /// Met, on time or late.
    pub fn is_met(self) -> bool {
        matches!(self, Status::Met(_) | Status::MetLate(_))
    }
}

/// What the law attaches to a missed obligation (title IV-E foster care maintenance payments).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Consequence {
    /// Ineligible for the whole removal episode (the stay).
    IneligibleForEpisode,
    /// No payment for the whole placement.
    IneligibleForPlacement,
    /// Ineligible from `from` (the first of the month after the due date) until the finding is
    /// made (`until`, the day it was made; `None` while it is not).
    IneligibleBetween {
        /// The first day without eligibility.
        from: NaiveDate,
        /// The day the finding was made, when it was.
        until: Option<NaiveDate>,
    },
    /// No federal payment from this date.
    NoPaymentFrom(NaiveDate),
    /// A return to care is a new removal: new contrary-to-the-welfare and reasonable-efforts
    /// findings are needed.
    NewRemovalRequired,
}

/// One obligation of a case, as of a date.
///
/// `Debug` redacts the dates of the obligations counted from the child's birthdays
/// ([`ObligationKind::follows_birthdays`]): a 16th birthday gives away the birth date. The
/// getters return them.
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Obligation {
    kind: ObligationKind,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    episode: Option<u32>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    subject: Option<Subject>,
    counts_from: NaiveDate,
    due: NaiveDate,
    status: Status,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    consequence: Option<Consequence>,
}

impl core::fmt::Debug for Obligation {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut d = f.debug_struct("Obligation");
        d.field("kind", &self.kind)
            .field("episode", &self.episode)
            .field("subject", &self.subject);
        if self.kind.follows_birthdays() {
            let hidden = crate::sensitive::Sensitive::new(());
            d.field("counts_from", &hidden)
                .field("due", &hidden)
                .field("status", &hidden)
                .field("consequence", &hidden);
        } else {
            d.field("counts_from", &self.counts_from)
                .field("due", &self.due)
                .field("status", &self.status)
                .field("consequence", &self.consequence);
        }
        d.finish()
    }
}

impl Obligation {
    pub(crate) fn new(
        kind: ObligationKind,
        episode: Option<u32>,
        counts_from: NaiveDate,
        due: NaiveDate,
        status: Status,
    ) -> Obligation {
        Obligation {
            kind,
            episode,
            subject: None,
            counts_from,
            due,
            status,
            consequence: None,
        }
    }

    pub(crate) fn about(mut self, subject: Subject) -> Obligation {
        self.subject = Some(subject);
        self
    }

    pub(crate) fn with_consequence(mut self, consequence: Option<Consequence>) -> Obligation {
        self.consequence = consequence;
        self
    }

    /// What it is.
    pub fn kind(&self) -> ObligationKind {
        self.kind
    }

    /// The removal episode (1, 2, ...) it belongs to, if any.
    pub fn episode(&self) -> Option<u32> {
        self.episode
    }

    /// The placement, person or family it is about, if any.
    pub fn subject(&self) -> Option<&Subject> {
        self.subject.as_ref()
    }

    /// The date the clock counts from (the removal, the DEFC, the last hearing, the birth...).
    pub fn counts_from(&self) -> NaiveDate {
        self.counts_from
    }

    /// The last day to meet it.
    pub fn due(&self) -> NaiveDate {
        self.due
    }

    /// Where it stands.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The rule.
    pub fn rule(&self) -> RuleId {
        self.kind.rule()
    }

    /// The rule's citation.
    pub fn citation(&self) -> &'static str {
        self.kind.rule().citation()
    }

    /// The consequence in effect, once missed.
    pub fn consequence(&self) -> Option<Consequence> {
        self.consequence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_dates_that_follow_birthdays() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        // A 16th birthday on 2028-05-04 would give away a birth date of 2012-05-04.
        let appla = Obligation::new(
            ObligationKind::ApplaEligibility,
            Some(1),
            d(2028, 5, 4),
            d(2028, 5, 4),
            Status::Upcoming,
        );
        let shown = format!("{appla:?}");
        assert!(
            !shown.contains("2028") && !shown.contains("05-04"),
            "{shown}"
        );
        assert_eq!(appla.due(), d(2028, 5, 4));
        // Its consequence would show the 18th birthday too.
        let sil = Obligation::new(
            ObligationKind::IndependentLivingAge,
            Some(1),
            d(2025, 1, 6),
            d(2026, 7, 19),
            Status::Upcoming,
        )
        .with_consequence(Some(Consequence::IneligibleBetween {
            from: d(2025, 1, 6),
            until: Some(d(2026, 7, 19)),
        }));
        let shown = format!("{sil:?}");
        assert!(
            !shown.contains("2026") && !shown.contains("07-19"),
            "{shown}"
        );
        let plan = Obligation::new(
            ObligationKind::CasePlan,
            Some(1),
            d(2024, 1, 10),
            d(2024, 3, 10),
            Status::Upcoming,
        );
        assert!(format!("{plan:?}").contains("2024-03-10"));
    }
}
