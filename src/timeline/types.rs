//! The public types of the clocks: what an obligation is ([`ObligationKind`]), where it stands
//! ([`Status`], [`Waiver`]), what missing it costs ([`Consequence`]), and the [`Obligation`]
//! itself.

use chrono::NaiveDate;

use crate::rules::{RuleId, Subject};

macro_rules! obligation_kinds {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $rule:ident; )*) => {
        /// What an obligation is.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize), serde(rename_all = "snake_case"))]
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
            /// care (18 or the extended age), supervised independent living before 18, a removal
            /// after care ended (counted from that birthday), the months of extended care (from 18)
            /// and the yearly credit report (from 14).
            pub fn follows_birthdays(self) -> bool {
                matches!(
                    self,
                    ObligationKind::TransitionServices
                        | ObligationKind::ApplaEligibility
                        | ObligationKind::TransitionPlan
                        | ObligationKind::CareEndAge
                        | ObligationKind::IndependentLivingAge
                        | ObligationKind::AdultReentry
                        | ObligationKind::ExtendedCareCondition
                        | ObligationKind::CreditReport
                )
            }
        }

        crate::codes::code_names! { @display ObligationKind }
        crate::codes::code_names! { @from_str ObligationKind, "obligation kind": $($variant = $name),* }
    };
}

obligation_kinds! {
    /// Contrary-to-the-welfare finding in the first order sanctioning removal.
    ContraryToWelfare = "contrary_to_welfare", ContraryToWelfare;
    /// Judicial finding of reasonable efforts to prevent removal (or that none were required).
    PreventRemovalEfforts = "prevent_removal_efforts", PreventRemovalEfforts;
    /// The case plan.
    CasePlan = "case_plan", CasePlan;
    /// Notice to adult relatives: met by `relatives_notified`, or by the notices to each relative
    /// identified once every one is notified or excepted.
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
    /// The evidence owed at each status review and permanency hearing held while the child
    /// remains in a QRTP.
    QrtpOngoingEvidence = "qrtp_ongoing_evidence", QrtpOngoingEvidence;
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
    /// The transition plan in the 90 days before care ends at majority (or the extended-care
    /// age); still reported after the exit.
    TransitionPlan = "transition_plan", TransitionPlan;
    /// The end of foster care at majority or the extended-care age.
    CareEndAge = "care_end_age", CareEndAge;
    /// Eligibility for kinship guardianship assistance.
    KinshipGuardianshipEligibility = "kinship_guardianship_eligibility", KinshipGuardianshipEligibility;
    // clocks
    /// A license in force for a foster family home on every day of the placement.
    UnlicensedPlacement = "unlicensed_placement", UnlicensedPlacement;
    /// A removal on or after the birthday care ends on: not a title IV-E child.
    AdultReentry = "adult_reentry", AdultReentry;
    /// A caseworker visit in a full calendar month in care.
    CaseworkerVisit = "caseworker_visit", CaseworkerVisit;
    /// The majority of caseworker visits in the child's residence.
    CaseworkerVisitsInResidence = "caseworker_visits_in_residence", CaseworkerVisitsInResidence;
    /// A caseworker visit at least every 6 months in an out-of-state placement.
    OutOfStateVisit = "out_of_state_visit", OutOfStateVisit;
    /// A missing child reported to law enforcement and to the National Center for Missing and
    /// Exploited Children within 24 hours.
    MissingChildReport = "missing_child_report", MissingChildReport;
    /// On return from an absence: its primary factors determined and a sex-trafficking screening.
    AbsenceDebrief = "absence_debrief", AbsenceDebrief;
    /// The title IV-E adoption assistance agreement signed before the final decree.
    AdoptionAssistanceAgreement = "adoption_assistance_agreement", AdoptionAssistanceAgreement;
    /// The APPLA documentation owed at a permanency hearing.
    ApplaHearingDocumentation = "appla_hearing_documentation", ApplaHearingDocumentation;
    /// The reasonable-and-prudent-parent steps documented at a periodic review under an APPLA
    /// goal.
    ApplaReviewDocumentation = "appla_review_documentation", ApplaReviewDocumentation;
    // supports
    /// A title IV-E prevention service specified in advance in the prevention plan.
    PreventionServiceSpecified = "prevention_service_specified", PreventionServiceSpecified;
    /// A title IV-E prevention service within the 12-month prevention period.
    PreventionServiceInPeriod = "prevention_service_in_period", PreventionServiceInPeriod;
    /// A qualifying condition in each month of extended care from 18.
    ExtendedCareCondition = "extended_care_condition", ExtendedCareCondition;
    /// The documents owed to a youth leaving care at 18 or older.
    ExitDocuments = "exit_documents", ExitDocuments;
    /// The yearly credit report from 14.
    CreditReport = "credit_report", CreditReport;
    /// The child's school considered for each placement.
    SchoolStabilityConsidered = "school_stability_considered", SchoolStabilityConsidered;
    /// The documented best-interest reason for a school change in care.
    SchoolChangeReason = "school_change_reason", SchoolChangeReason;
    /// Immediate enrollment in the new school with the records transferred.
    SchoolEnrollment = "school_enrollment", SchoolEnrollment;
    /// The case plan of a youth of 14 or older developed in consultation with the youth.
    YouthConsultation = "youth_consultation", YouthConsultation;
    /// Notice of each review and hearing to the caregiver family.
    HearingNotice = "hearing_notice", HearingNotice;
    /// The child consulted at each permanency hearing.
    ChildConsulted = "child_consulted", ChildConsulted;
    // icwa
    /// Active efforts found in an ICWA foster-care placement or termination order.
    IcwaActiveEfforts = "icwa_active_efforts", IcwaActiveEfforts;
    /// A qualified expert witness's testimony in an ICWA foster-care placement or termination order.
    IcwaExpertWitness = "icwa_expert_witness", IcwaExpertWitness;
    /// The standard of evidence of an ICWA foster-care placement or termination order.
    IcwaEvidenceStandard = "icwa_evidence_standard", IcwaEvidenceStandard;
    /// A parent's notice received at least 10 days (plus additional days asked) before an ICWA hearing.
    IcwaNoticeToParent = "icwa_notice_to_parent", IcwaNoticeToParent;
    /// The tribe's (or the Secretary's) notice received in time before an ICWA hearing.
    IcwaNoticeToTribe = "icwa_notice_to_tribe", IcwaNoticeToTribe;
    /// An Indian child's placement within the order of preference, or good cause to depart.
    IcwaPlacementPreference = "icwa_placement_preference", IcwaPlacementPreference;
    /// An emergency removal of an Indian child ended, or a proceeding begun, within 30 days.
    IcwaEmergencyRemoval = "icwa_emergency_removal", IcwaEmergencyRemoval;
    /// A voluntary foster-care placement, or a relinquishment, of an Indian child rests on a
    /// consent recorded before a judge with the judge's certificate.
    IcwaValidConsent = "icwa_valid_consent", IcwaValidConsent;
    /// An Indian child returned to the parent or Indian custodian who withdrew consent to a
    /// voluntary foster-care placement.
    IcwaReturnOnWithdrawal = "icwa_return_on_withdrawal", IcwaReturnOnWithdrawal;
    // siblings
    /// A separation of siblings in care with its documented reason.
    SiblingSeparation = "sibling_separation", SiblingSeparation;
    /// A family-time plan with a sibling in care placed apart.
    SiblingContact = "sibling_contact", SiblingContact;
    // relatives
    /// The notice to one adult relative identified, within 30 days of the removal.
    RelativeNoticeEach = "relative_notice_each", RelativeNoticeEach;
    /// A relative considered before the episode's first placement with a non-related caregiver.
    RelativeConsidered = "relative_considered", RelativeConsidered;
    // family time
    /// A contact held in a period of the case plan's expected frequency.
    FamilyTime = "family_time", FamilyTime;
}

/// Which exception waived an obligation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
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
    /// No parent remains to petition against: the rights of every legal parent (or, for a
    /// petition about one parent, of that parent) were terminated, relinquished or ended by
    /// death. The petition is moot (the crate's reading: the statute presumes a parent).
    NoParentRemaining,
    /// Family or domestic violence excepts the relative from the notice (SSA §471(a)(29)).
    FamilyViolence,
    /// Frequent contact with the sibling placed apart would be contrary to the safety or
    /// well-being of any of the siblings, as documented (SSA §471(a)(31)(B)).
    ContraryToSafetyOrWellBeing,
}

crate::codes::code_names! {
    Waiver, "waiver":
        RelativeCare = "relative_care",
        CompellingReason = "compelling_reason",
        ServicesNotProvided = "services_not_provided",
        NoParentRemaining = "no_parent_remaining",
        FamilyViolence = "family_violence",
        ContraryToSafetyOrWellBeing = "contrary_to_safety_or_well_being",
}

/// Where an obligation stands as of the date asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
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
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Consequence {
    /// Ineligible for the whole removal episode (the stay).
    IneligibleForEpisode,
    /// No payment for the whole placement.
    IneligibleForPlacement,
    /// Ineligible from `from` until the requirement is met (`until`, the day it was met; `None`
    /// while it is not): for a judicial finding, from the first of the month after the due date
    /// until the finding is made; for a QRTP court review missed at 60 days, from the day after
    /// the due date until the court's decision.
    IneligibleBetween {
        /// The first day without eligibility.
        from: NaiveDate,
        /// The day the requirement was met (the finding made, the decision given), when it was.
        until: Option<NaiveDate>,
    },
    /// No federal payment from this date.
    NoPaymentFrom(NaiveDate),
    /// A return to care is a new removal: new contrary-to-the-welfare and reasonable-efforts
    /// findings are needed.
    NewRemovalRequired,
    /// No title IV-E adoption assistance under the agreement (45 CFR 1356.40(b)(1)).
    NoAdoptionAssistance,
    /// No title IV-E kinship guardianship assistance: a condition of SSA §473(d)(3)(A) is not
    /// met (see [`Case::kinship_guardianship_gaps`](crate::Case::kinship_guardianship_gaps)).
    NoKinshipGuardianshipAssistance,
    /// No title IV-E prevention services payment for the service: the prevention plan did not
    /// specify it in advance, or it is not a kind SSA §471(e)(1) allows (SSA §471(e)(4)(A)).
    NoPreventionPayment,
    /// The order may be invalidated on the petition of the child, a parent or Indian custodian,
    /// or the tribe (25 U.S.C. 1914): a finding the Indian Child Welfare Act requires is missing.
    OpenToInvalidation,
}

/// A condition of title IV-E kinship guardianship assistance (SSA §473(d)(3)(A)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum KinshipCondition {
    /// The guardian is a relative of the child (SSA §473(d)(1): payments to "relatives who have
    /// assumed legal guardianship"): a relative household, or one whose caregiver is a relative.
    RelativeGuardian,
    /// Removed under a voluntary placement agreement or with a timely contrary-to-the-welfare
    /// finding (§473(d)(3)(A)(i)(I)).
    EligibleRemoval,
    /// Eligible for foster care maintenance payments while residing at least 6 consecutive
    /// months in the relative guardian's home (§473(d)(3)(A)(i)(II); the policy's
    /// [`KinshipClock`](crate::policy::KinshipClock)).
    SixMonthsInHome,
    /// Return home and adoption are not appropriate permanency options (§473(d)(3)(A)(ii)).
    ReturnAndAdoptionRuledOut,
    /// A youth of 14 or older was consulted about the arrangement (§473(d)(3)(A)(iv)).
    YouthConsulted,
}

crate::codes::code_names! {
    KinshipCondition, "kinship condition":
        RelativeGuardian = "relative_guardian",
        EligibleRemoval = "eligible_removal",
        SixMonthsInHome = "six_months_in_home",
        ReturnAndAdoptionRuledOut = "return_and_adoption_ruled_out",
        YouthConsulted = "youth_consulted",
}

/// One obligation of a case, as of a date.
///
/// `Debug` redacts the dates of the obligations counted from the child's birthdays
/// ([`ObligationKind::follows_birthdays`]): a 16th birthday gives away the birth date. The
/// getters return them.
///
/// On the wire it carries its rule and citation too (derived from its kind, and ignored when
/// read back): `{"kind": "case_plan", "rule": "case_plan", "citation": "45 CFR 1356.21(g)(2);
/// SSA §475(1)", "episode": 1, "counts_from": "2024-01-10", "due": "2024-03-10", "status":
/// "upcoming"}`. For a flat row (CSV), see [`Obligation::row`].
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(into = "ObligationWire", try_from = "ObligationWire")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Obligation {
    kind: ObligationKind,
    episode: Option<u32>,
    subject: Option<Subject>,
    counts_from: NaiveDate,
    due: NaiveDate,
    status: Status,
    consequence: Option<Consequence>,
}

/// An [`Obligation`] on the wire: its fields, and its rule and citation.
#[cfg(feature = "serde")]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ObligationWire {
    kind: ObligationKind,
    #[serde(default)]
    rule: Option<RuleId>,
    #[serde(default)]
    citation: Option<std::borrow::Cow<'static, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    episode: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    subject: Option<Subject>,
    counts_from: NaiveDate,
    due: NaiveDate,
    status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    consequence: Option<Consequence>,
}

#[cfg(feature = "serde")]
impl From<Obligation> for ObligationWire {
    fn from(o: Obligation) -> ObligationWire {
        ObligationWire {
            kind: o.kind,
            rule: Some(o.kind.rule()),
            citation: Some(std::borrow::Cow::Borrowed(o.kind.rule().citation())),
            episode: o.episode,
            subject: o.subject,
            counts_from: o.counts_from,
            due: o.due,
            status: o.status,
            consequence: o.consequence,
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<ObligationWire> for Obligation {
    type Error = String;
    fn try_from(w: ObligationWire) -> Result<Obligation, String> {
        if w.rule.is_some_and(|r| r != w.kind.rule()) {
            return Err(format!(
                "invalid obligation: the rule of {} is {}",
                w.kind.as_str(),
                w.kind.rule()
            ));
        }
        Ok(Obligation {
            kind: w.kind,
            episode: w.episode,
            subject: w.subject,
            counts_from: w.counts_from,
            due: w.due,
            status: w.status,
            consequence: w.consequence,
        })
    }
}

/// An [`Obligation`] as one flat row, for a table (CSV, Arrow): every field a plain value, the
/// status and the consequence spelled out in columns so that "met" and "met late" differ.
///
/// The dates of the obligations counted from the child's birthdays
/// ([`ObligationKind::follows_birthdays`]) reveal the birth date: leave those rows out of a
/// table that leaves the child's identity out. Its `Debug`, like an [`Obligation`]'s, prints
/// `[redacted]` for those rows' dates, status and consequence.
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ObligationRow {
    /// The obligation's kind (snake_case).
    pub kind: ObligationKind,
    /// Its rule.
    pub rule: RuleId,
    /// The rule's citation.
    pub citation: std::borrow::Cow<'static, str>,
    /// The episode (1, 2, ...), if any.
    pub episode: Option<u32>,
    /// The subject's kind: `person`, `family` or `placement`.
    pub subject_kind: Option<std::borrow::Cow<'static, str>>,
    /// The subject's id.
    pub subject_id: Option<String>,
    /// The date the clock counts from.
    pub counts_from: NaiveDate,
    /// The last day to meet it.
    pub due: NaiveDate,
    /// `met`, `met_late`, `overdue`, `upcoming`, `not_yet_applicable`, `waived` or `reached`.
    pub status: std::borrow::Cow<'static, str>,
    /// The day it was met, on time or late.
    pub met_on: Option<NaiveDate>,
    /// The exception that waived it: `relative_care`, `compelling_reason`,
    /// `services_not_provided`, `no_parent_remaining`, `family_violence`.
    pub waiver: Option<std::borrow::Cow<'static, str>>,
    /// The consequence in effect: `ineligible_for_episode`, `ineligible_for_placement`,
    /// `ineligible_between`, `no_payment_from`, `new_removal_required`, `no_adoption_assistance`,
    /// `no_kinship_guardianship_assistance`, `open_to_invalidation`.
    pub consequence: Option<std::borrow::Cow<'static, str>>,
    /// The first day the consequence applies (for `ineligible_between` and `no_payment_from`).
    pub consequence_from: Option<NaiveDate>,
    /// The day an ineligibility ended, when it did.
    pub consequence_until: Option<NaiveDate>,
}

impl core::fmt::Debug for ObligationRow {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut d = f.debug_struct("ObligationRow");
        d.field("kind", &self.kind)
            .field("rule", &self.rule)
            .field("citation", &self.citation)
            .field("episode", &self.episode)
            .field("subject_kind", &self.subject_kind)
            .field("subject_id", &self.subject_id);
        if self.kind.follows_birthdays() {
            let hidden = crate::sensitive::Sensitive::new(());
            for name in [
                "counts_from",
                "due",
                "status",
                "met_on",
                "waiver",
                "consequence",
                "consequence_from",
                "consequence_until",
            ] {
                d.field(name, &hidden);
            }
        } else {
            d.field("counts_from", &self.counts_from)
                .field("due", &self.due)
                .field("status", &self.status)
                .field("met_on", &self.met_on)
                .field("waiver", &self.waiver)
                .field("consequence", &self.consequence)
                .field("consequence_from", &self.consequence_from)
                .field("consequence_until", &self.consequence_until);
        }
        d.finish()
    }
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

    /// The last day to meet it: the last date the event that meets it may be dated and still be
    /// on time. One meaning for every clock (see [the manual](crate::manual#what-due-means)):
    /// the 60th day for a finding "within 60 days", the last day of the 15th month for a
    /// petition "by the end of the 15th month", the last day a child may come back from a trial
    /// home visit, the first day out of a placement that is paid only through the day before
    /// (the 15th day of a two-week child-care institution), and the birthday itself for the end
    /// of care (an exit is dated the first day out of care). An event dated `due` is
    /// [`Status::Met`]; one dated the day after is [`Status::MetLate`], and with none the
    /// obligation is [`Status::Overdue`] from the day after `due`. For a milestone
    /// ([`Status::Reached`]) it is the day reached.
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

    /// The obligation as one flat row, for a table.
    ///
    /// ```
    /// # use chrono::NaiveDate;
    /// # use permanency::*;
    /// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let child = Child::new(ChildId::new("C-1")?, Name::new("Sam")?, d(2016, 5, 4), Sex::Male)?;
    /// let mut case = Case::new(child, vec![])?;
    /// case.apply(Event::new(d(2024, 1, 10), EventData::Removal(Removal::new(Manner::CourtOrder)))?, &Policy::federal())?;
    /// case.apply(Event::new(d(2024, 3, 1), EventData::CasePlanCompleted)?, &Policy::federal())?;
    /// let plan = case.obligations(d(2024, 4, 1), &Policy::federal()).into_iter()
    ///     .find(|o| o.kind() == ObligationKind::CasePlan).unwrap();
    /// let row = plan.row();
    /// // 2024-01-10 + 60 days = 2024-03-10; met on 2024-03-01.
    /// assert_eq!((row.status.as_ref(), row.met_on), ("met", Some(d(2024, 3, 1))));
    /// assert_eq!(row.due, d(2024, 3, 10));
    /// assert_eq!(row.citation, plan.citation());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn row(&self) -> ObligationRow {
        use std::borrow::Cow::Borrowed;
        let (status, met_on, waiver) = match self.status {
            Status::Met(d) => ("met", Some(d), None),
            Status::MetLate(d) => ("met_late", Some(d), None),
            Status::Overdue => ("overdue", None, None),
            Status::Upcoming => ("upcoming", None, None),
            Status::NotYetApplicable => ("not_yet_applicable", None, None),
            Status::Waived(w) => ("waived", None, Some(w.as_str())),
            Status::Reached => ("reached", None, None),
        };
        let (consequence, from, until) = match self.consequence {
            None => (None, None, None),
            Some(Consequence::IneligibleForEpisode) => (Some("ineligible_for_episode"), None, None),
            Some(Consequence::IneligibleForPlacement) => {
                (Some("ineligible_for_placement"), None, None)
            }
            Some(Consequence::IneligibleBetween { from, until }) => {
                (Some("ineligible_between"), Some(from), until)
            }
            Some(Consequence::NoPaymentFrom(from)) => (Some("no_payment_from"), Some(from), None),
            Some(Consequence::NewRemovalRequired) => (Some("new_removal_required"), None, None),
            Some(Consequence::NoAdoptionAssistance) => (Some("no_adoption_assistance"), None, None),
            Some(Consequence::NoKinshipGuardianshipAssistance) => {
                (Some("no_kinship_guardianship_assistance"), None, None)
            }
            Some(Consequence::NoPreventionPayment) => (Some("no_prevention_payment"), None, None),
            Some(Consequence::OpenToInvalidation) => (Some("open_to_invalidation"), None, None),
        };
        let (subject_kind, subject_id) = match &self.subject {
            None => (None, None),
            Some(Subject::Person(p)) => (Some("person"), Some(p.as_str().to_owned())),
            Some(Subject::Family(f)) => (Some("family"), Some(f.as_str().to_owned())),
            Some(Subject::Placement(p)) => (Some("placement"), Some(p.as_str().to_owned())),
        };
        ObligationRow {
            kind: self.kind,
            rule: self.kind.rule(),
            citation: Borrowed(self.kind.rule().citation()),
            episode: self.episode,
            subject_kind: subject_kind.map(Borrowed),
            subject_id,
            counts_from: self.counts_from,
            due: self.due,
            status: Borrowed(status),
            met_on,
            waiver: waiver.map(Borrowed),
            consequence: consequence.map(Borrowed),
            consequence_from: from,
            consequence_until: until,
        }
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
