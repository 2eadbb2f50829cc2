//! [`Setting`], [`NewPlacement`] and [`Placement`]: where a child in care lives.

use chrono::NaiveDate;

use crate::date;
use crate::error::{Error, Inconsistency};
use crate::id::{FacilityId, FamilyId, PlacementId};

macro_rules! settings {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, afcars_1993 $c93:ident, afcars_2020 $kind:ident($list:ident::$c20:ident); )*) => {
        /// A living arrangement, in the AFCARS 2020 vocabulary (45 CFR 1355.44(e), elements
        /// E113–E120) with the 1993 setting (Appendix A, element 41) each maps to: see
        /// [`Setting::afcars_1993`] and [`Setting::afcars_2020`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        pub enum Setting {
            $( $(#[$doc])* #[cfg_attr(feature = "serde", serde(rename = $name))] $variant, )*
        }

        impl Setting {
            /// Every setting, in declaration order.
            pub const ALL: &'static [Setting] = &[$(Setting::$variant),*];

            /// The snake_case name, as on the wire.
            pub const fn as_str(self) -> &'static str {
                match self { $(Setting::$variant => $name,)* }
            }
        }

        crate::codes::code_names! { @display Setting }
        crate::codes::code_names! { @from_str Setting, "setting": $($variant = $name),* }
    };
}

/// The one list of settings, handed to macro `$m`: one row per setting,
/// `Variant = "wire_name", afcars_1993 CURPLSET, afcars_2020 Kind(List::Value);`. [`Setting`] is
/// declared from it here; [`afcars`](crate::afcars) derives from the same rows the AFCARS codes
/// of each setting both ways ([`Setting::afcars_1993`], [`Setting::afcars_2020`],
/// [`LivingArrangement2020::setting`](crate::afcars::LivingArrangement2020::setting)).
macro_rules! setting_rows {
    ($m:ident) => {
        $m! {
            /// Licensed non-relative foster family home (E113 yes, E114; 1993 code 3).
            NonRelativeFosterHome = "non_relative_foster_home", afcars_1993 FosterFamilyNonRelative, afcars_2020 FosterFamilyHome(FosterHomeType::LicensedHome);
            /// Relative foster family home (E117; 1993 code 2).
            RelativeFosterHome = "relative_foster_home", afcars_1993 FosterFamilyRelative, afcars_2020 FosterFamilyHome(FosterHomeType::RelativeHome);
            /// Kin (fictive-kin) foster family home (E119; 1993 code 3).
            KinFosterHome = "kin_foster_home", afcars_1993 FosterFamilyNonRelative, afcars_2020 FosterFamilyHome(FosterHomeType::KinHome);
            /// Therapeutic foster family home (E115; 1993 code 3).
            TherapeuticFosterHome = "therapeutic_foster_home", afcars_1993 FosterFamilyNonRelative, afcars_2020 FosterFamilyHome(FosterHomeType::TherapeuticHome);
            /// Shelter-care foster family home (E116; 1993 code 3).
            ShelterFosterHome = "shelter_foster_home", afcars_1993 FosterFamilyNonRelative, afcars_2020 FosterFamilyHome(FosterHomeType::ShelterCareHome);
            /// Pre-adoptive home (E118; 1993 code 1).
            PreAdoptiveHome = "pre_adoptive_home", afcars_1993 PreAdoptiveHome, afcars_2020 FosterFamilyHome(FosterHomeType::PreAdoptiveHome);
            /// Group home, family operated (E120 = 1; 1993 code 4).
            GroupHomeFamilyOperated = "group_home_family_operated", afcars_1993 GroupHome, afcars_2020 Other(OtherLivingArrangement2020::GroupHomeFamilyOperated);
            /// Group home, staff operated (E120 = 2; 1993 code 4).
            GroupHomeStaffOperated = "group_home_staff_operated", afcars_1993 GroupHome, afcars_2020 Other(OtherLivingArrangement2020::GroupHomeStaffOperated);
            /// Group home, shelter care (E120 = 3; 1993 code 4).
            GroupHomeShelter = "group_home_shelter", afcars_1993 GroupHome, afcars_2020 Other(OtherLivingArrangement2020::GroupHomeShelterCare);
            /// Residential treatment center (E120 = 4; 1993 code 5).
            ResidentialTreatmentCenter = "residential_treatment_center", afcars_1993 Institution, afcars_2020 Other(OtherLivingArrangement2020::ResidentialTreatmentCenter);
            /// Qualified residential treatment program (E120 = 5; 1993 code 5). SSA §472(k)(4).
            Qrtp = "qrtp", afcars_1993 Institution, afcars_2020 Other(OtherLivingArrangement2020::Qrtp);
            /// Child-care institution (E120 = 6; 1993 code 5).
            ChildCareInstitution = "child_care_institution", afcars_1993 Institution, afcars_2020 Other(OtherLivingArrangement2020::ChildCareInstitution);
            /// Child-care institution, shelter care (E120 = 7; 1993 code 5).
            ChildCareInstitutionShelter = "child_care_institution_shelter", afcars_1993 Institution, afcars_2020 Other(OtherLivingArrangement2020::ChildCareInstitutionShelterCare);
            /// Supervised independent living (E120 = 8; 1993 code 6).
            SupervisedIndependentLiving = "supervised_independent_living", afcars_1993 SupervisedIndependentLiving, afcars_2020 Other(OtherLivingArrangement2020::SupervisedIndependentLiving);
            /// Juvenile justice facility (E120 = 9; 1993 code 5) while the agency keeps placement and care
            /// responsibility.
            JuvenileJusticeFacility = "juvenile_justice_facility", afcars_1993 Institution, afcars_2020 Other(OtherLivingArrangement2020::JuvenileJusticeFacility);
            /// Medical or rehabilitative facility (E120 = 10; 1993 code 5).
            MedicalFacility = "medical_facility", afcars_1993 Institution, afcars_2020 Other(OtherLivingArrangement2020::MedicalOrRehabilitativeFacility);
            /// Psychiatric hospital (E120 = 11; 1993 code 5).
            PsychiatricHospital = "psychiatric_hospital", afcars_1993 Institution, afcars_2020 Other(OtherLivingArrangement2020::PsychiatricHospital);
            /// On runaway status, still in the agency's care (E120 = 12; 1993 code 7).
            Runaway = "runaway", afcars_1993 Runaway, afcars_2020 Other(OtherLivingArrangement2020::Runaway);
            /// Whereabouts unknown, still in the agency's care (E120 = 13; 1993 code 7).
            WhereaboutsUnknown = "whereabouts_unknown", afcars_1993 Runaway, afcars_2020 Other(OtherLivingArrangement2020::WhereaboutsUnknown);
            /// Trial home visit: home with a parent while the agency keeps custody (E120 = 14 "placed at
            /// home"; 1993 code 8). 45 CFR 1356.21(e).
            TrialHomeVisit = "trial_home_visit", afcars_1993 TrialHomeVisit, afcars_2020 Other(OtherLivingArrangement2020::PlacedAtHome);
        }
    };
}
pub(crate) use setting_rows;

setting_rows!(settings);

impl Setting {
    /// A foster family home of any kind (AFCARS E113 "foster family home" = yes).
    pub fn is_foster_family_home(self) -> bool {
        matches!(
            self,
            Setting::NonRelativeFosterHome
                | Setting::RelativeFosterHome
                | Setting::KinFosterHome
                | Setting::TherapeuticFosterHome
                | Setting::ShelterFosterHome
                | Setting::PreAdoptiveHome
        )
    }

    /// A setting in a family's home: every foster family home, and a trial home visit (in the
    /// parents' home). These need a caregiver family; no other setting has one.
    pub fn is_family_setting(self) -> bool {
        self.is_foster_family_home() || self == Setting::TrialHomeVisit
    }

    /// Congregate care: a group home or a child-care institution of any kind. These are the
    /// child-care institutions of SSA §472(c)(2) that the two-week payment limit of §472(k)
    /// reads (supervised independent living counts as one only from age 18; see
    /// [`Setting::SupervisedIndependentLiving`]). Juvenile-justice detention is excluded by
    /// §472(c)(2); medical and psychiatric facilities are not child-care institutions.
    pub fn is_congregate_care(self) -> bool {
        matches!(
            self,
            Setting::GroupHomeFamilyOperated
                | Setting::GroupHomeStaffOperated
                | Setting::GroupHomeShelter
                | Setting::ResidentialTreatmentCenter
                | Setting::Qrtp
                | Setting::ChildCareInstitution
                | Setting::ChildCareInstitutionShelter
        )
    }

    /// A trial home visit.
    pub fn is_trial_home_visit(self) -> bool {
        self == Setting::TrialHomeVisit
    }

    /// Runaway or whereabouts unknown, while the agency keeps responsibility.
    pub fn is_runaway(self) -> bool {
        matches!(self, Setting::Runaway | Setting::WhereaboutsUnknown)
    }

    /// Whether a stay here counts as a placement setting in AFCARS 1993 element 24 and so can be
    /// a placement move: not a trial home visit, not a runaway (CWPM 1.2B.7 Q9–Q10).
    pub fn counts_as_placement_setting(self) -> bool {
        !self.is_trial_home_visit() && !self.is_runaway()
    }
}

/// Where a placement is, relative to the state (AFCARS E121).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Location {
    /// In the state.
    #[default]
    InState,
    /// In another state (caseworker visits at least every 6 months, SSA §475(5)(A)(ii)).
    OutOfState,
    /// In another country.
    OutOfCountry,
}

crate::codes::code_names! {
    Location, "location": InState = "in_state", OutOfState = "out_of_state", OutOfCountry = "out_of_country"
}

/// A congregate-care setting that Family First names as a *specified setting*, so that the
/// two-week payment limit does not apply (SSA §472(k)(2)(B), (D); §472(j)). A QRTP and (from
/// age 18) supervised independent living are specified settings by their [`Setting`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum SpecifiedSetting {
    /// Prenatal, post-partum or parenting supports for youth (SSA §472(k)(2)(B)).
    PrenatalPostpartumParenting,
    /// High-quality residential care for children who are, or are at risk of becoming, victims of
    /// sex trafficking (SSA §472(k)(2)(D)).
    SexTraffickingVictims,
    /// A licensed residential family-based treatment facility for substance abuse, with the parent
    /// (SSA §472(j)).
    FamilyBasedSubstanceAbuseTreatment,
}

crate::codes::code_names! {
    SpecifiedSetting, "specified setting":
        PrenatalPostpartumParenting = "prenatal_postpartum_parenting",
        SexTraffickingVictims = "sex_trafficking_victims",
        FamilyBasedSubstanceAbuseTreatment = "family_based_substance_abuse_treatment",
}

/// Who provides a placement: the caregiver family of a family setting, or the facility of a
/// setting without a family (a group home, an institution, a shelter, a QRTP). Two stays with
/// the same provider are one AFCARS placement setting; a move between providers is a move
/// (CWPM 1.2B.7).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Provider {
    /// A family: the foster, relative, kin or pre-adoptive family, or the parents' home on a
    /// trial home visit.
    Family(FamilyId),
    /// A facility.
    Facility(FacilityId),
}

/// What a placement is, before it has dates: its id, setting, caregiver family, location and any
/// Family First designation. A case turns it into a [`Placement`] when the event that begins it is
/// accepted.
///
/// Always true: a family setting (every foster family home, and a trial home visit) has a
/// caregiver family and no other setting has one; only congregate care carries a specified-setting
/// designation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "NewPlacementRecord")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct NewPlacement {
    id: PlacementId,
    setting: Setting,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    caregiver: Option<FamilyId>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    facility: Option<FacilityId>,
    location: Location,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    specified_setting: Option<SpecifiedSetting>,
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
struct NewPlacementRecord {
    id: PlacementId,
    setting: Setting,
    #[serde(default)]
    caregiver: Option<FamilyId>,
    #[serde(default)]
    facility: Option<FacilityId>,
    #[serde(default)]
    location: Location,
    #[serde(default)]
    specified_setting: Option<SpecifiedSetting>,
}

#[cfg(feature = "serde")]
impl TryFrom<NewPlacementRecord> for NewPlacement {
    type Error = Error;
    fn try_from(r: NewPlacementRecord) -> Result<Self, Error> {
        let mut p = NewPlacement::new(r.id, r.setting, r.caregiver)?.in_location(r.location);
        if let Some(f) = r.facility {
            p = p.at_facility(f)?;
        }
        match r.specified_setting {
            Some(s) => p.specified_as(s),
            None => Ok(p),
        }
    }
}

impl NewPlacement {
    /// A placement in `setting`, in state, with the caregiver family a family setting needs.
    ///
    /// # Errors
    ///
    /// [`Error::Inconsistent`] when a family setting has no caregiver family or another setting
    /// has one.
    ///
    /// # Examples
    ///
    /// ```
    /// use permanency::{FamilyId, NewPlacement, PlacementId, Setting};
    ///
    /// let home = NewPlacement::new(PlacementId::new("PL-1")?, Setting::RelativeFosterHome, Some(FamilyId::new("F-2")?))?;
    /// assert!(home.setting().is_family_setting());
    /// let err = NewPlacement::new(PlacementId::new("PL-2")?, Setting::Runaway, Some(FamilyId::new("F-2")?)).unwrap_err();
    /// assert_eq!(err.to_string(), "placement PL-2: a runaway setting has no caregiver family, found one");
    /// # Ok::<(), permanency::Error>(())
    /// ```
    pub fn new(
        id: PlacementId,
        setting: Setting,
        caregiver: Option<FamilyId>,
    ) -> Result<NewPlacement, Error> {
        let expected = match (setting.is_family_setting(), caregiver.is_some()) {
            (true, false) => Some("needs a caregiver family, found none"),
            (false, true) => Some("has no caregiver family, found one"),
            _ => None,
        };
        if let Some(expected) = expected {
            return Err(Error::Inconsistent(Inconsistency::PlacementCaregiver {
                placement: id.as_str().to_owned(),
                setting: setting.as_str(),
                expected,
            }));
        }
        Ok(NewPlacement {
            id,
            setting,
            caregiver,
            facility: None,
            location: Location::InState,
            specified_setting: None,
        })
    }

    /// A placement the event types build themselves (a runaway, a trial home visit), whose
    /// setting and caregiver they guarantee fit.
    pub(crate) fn unchecked(
        id: PlacementId,
        setting: Setting,
        caregiver: Option<FamilyId>,
    ) -> NewPlacement {
        debug_assert_eq!(setting.is_family_setting(), caregiver.is_some());
        NewPlacement {
            id,
            setting,
            caregiver,
            facility: None,
            location: Location::InState,
            specified_setting: None,
        }
    }

    /// The same placement at facility `facility`: the provider of a setting without a family
    /// (a group home, an institution, a shelter, a QRTP, supervised independent living), so that
    /// a move between two facilities counts and a return to the same one does not.
    ///
    /// # Errors
    ///
    /// [`Error::Inconsistent`] for a family setting (its provider is its caregiver family) or a
    /// runaway.
    pub fn at_facility(mut self, facility: FacilityId) -> Result<NewPlacement, Error> {
        if self.setting.is_family_setting() || self.setting.is_runaway() {
            return Err(Error::Inconsistent(Inconsistency::PlacementCaregiver {
                placement: self.id.as_str().to_owned(),
                setting: self.setting.as_str(),
                expected: "has no facility, found one",
            }));
        }
        self.facility = Some(facility);
        Ok(self)
    }

    /// The same placement in `location`.
    #[must_use]
    pub fn in_location(mut self, location: Location) -> NewPlacement {
        self.location = location;
        self
    }

    /// The same placement designated a Family First specified setting.
    ///
    /// # Errors
    ///
    /// [`Error::Inconsistent`] unless the setting is congregate care.
    pub fn specified_as(mut self, designation: SpecifiedSetting) -> Result<NewPlacement, Error> {
        if !self.setting.is_congregate_care() {
            return Err(Error::Inconsistent(
                Inconsistency::PlacementSpecialization {
                    placement: self.id.as_str().to_owned(),
                    setting: self.setting.as_str(),
                    specialization: designation.as_str(),
                },
            ));
        }
        self.specified_setting = Some(designation);
        Ok(self)
    }

    /// Replaces the caregiver id with an equal one that shares its allocation.
    pub(crate) fn share_caregiver(&mut self, id: FamilyId) {
        debug_assert_eq!(self.caregiver.as_ref(), Some(&id));
        self.caregiver = Some(id);
    }

    /// The placement's id.
    pub fn id(&self) -> &PlacementId {
        &self.id
    }

    /// The setting.
    pub fn setting(&self) -> Setting {
        self.setting
    }

    /// The caregiver family, for a family setting.
    pub fn caregiver(&self) -> Option<&FamilyId> {
        self.caregiver.as_ref()
    }

    /// The facility that provides care, for a setting without a family, when recorded.
    pub fn facility(&self) -> Option<&FacilityId> {
        self.facility.as_ref()
    }

    /// Who provides the placement: the caregiver family of a family setting, else the facility
    /// when one was recorded ([`at_facility`](Self::at_facility)). A runaway has none, and so
    /// has a setting without a family recorded without a facility id: legacy records load
    /// without one, and [`Case::placement_moves`](crate::Case::placement_moves) then falls back
    /// to comparing the setting kind after an interruption.
    ///
    /// # Examples
    ///
    /// ```
    /// use permanency::{FacilityId, FamilyId, NewPlacement, PlacementId, Provider, Setting};
    ///
    /// let home = NewPlacement::new(PlacementId::new("PL-1")?, Setting::RelativeFosterHome, Some(FamilyId::new("F-2")?))?;
    /// assert_eq!(home.provider(), Some(Provider::Family(FamilyId::new("F-2")?)));
    /// let group = NewPlacement::new(PlacementId::new("PL-2")?, Setting::GroupHomeStaffOperated, None)?;
    /// assert_eq!(group.provider(), None);
    /// let group = group.at_facility(FacilityId::new("GH-A")?)?;
    /// assert_eq!(group.provider(), Some(Provider::Facility(FacilityId::new("GH-A")?)));
    /// # Ok::<(), permanency::Error>(())
    /// ```
    pub fn provider(&self) -> Option<Provider> {
        match (&self.caregiver, &self.facility) {
            (Some(family), _) => Some(Provider::Family(family.clone())),
            (None, Some(facility)) => Some(Provider::Facility(facility.clone())),
            (None, None) => None,
        }
    }

    /// In state, out of state or out of country.
    pub fn location(&self) -> Location {
        self.location
    }

    /// The Family First designation, if any.
    pub fn specified_setting(&self) -> Option<SpecifiedSetting> {
        self.specified_setting
    }
}

/// Why a placement ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum EndReason {
    /// Another placement began (including a runaway or a trial home visit).
    Replaced,
    /// An adoptive placement disrupted.
    Disrupted,
    /// The removal episode ended.
    Discharged,
    /// The child died.
    Died,
    /// A trial home visit outlived its authorized period: the episode is deemed ended on the
    /// policy's date (45 CFR 1356.21(e); an open reading, see [the manual](crate::manual#open-readings)).
    LimitExceeded,
}

crate::codes::code_names! {
    EndReason, "end reason":
        Replaced = "replaced",
        Disrupted = "disrupted",
        Discharged = "discharged",
        Died = "died",
        LimitExceeded = "limit_exceeded",
}

/// One stay in one setting: a [`NewPlacement`] with its start and, once over, its end.
///
/// Always true: the end, when there is one, is on or after the start; both lie in 1900–2199.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "PlacementRecord")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Placement {
    #[cfg_attr(feature = "serde", serde(flatten))]
    what: NewPlacement,
    start: NaiveDate,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    end: Option<PlacementEnd>,
}

/// How and when a placement ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PlacementEnd {
    /// The first day the child was no longer in the placement (half-open: the stay is
    /// `[start, date)`).
    pub date: NaiveDate,
    /// Why it ended.
    pub reason: EndReason,
}

impl PlacementEnd {
    /// An end on `date` (the first day out of the placement) for `reason`.
    pub fn new(date: NaiveDate, reason: EndReason) -> PlacementEnd {
        PlacementEnd { date, reason }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
struct PlacementRecord {
    id: PlacementId,
    setting: Setting,
    #[serde(default)]
    caregiver: Option<FamilyId>,
    #[serde(default)]
    facility: Option<FacilityId>,
    #[serde(default)]
    location: Location,
    #[serde(default)]
    specified_setting: Option<SpecifiedSetting>,
    start: NaiveDate,
    #[serde(default)]
    end: Option<PlacementEnd>,
}

#[cfg(feature = "serde")]
impl TryFrom<PlacementRecord> for Placement {
    type Error = Error;
    fn try_from(r: PlacementRecord) -> Result<Self, Error> {
        let what = NewPlacementRecord {
            id: r.id,
            setting: r.setting,
            caregiver: r.caregiver,
            facility: r.facility,
            location: r.location,
            specified_setting: r.specified_setting,
        }
        .try_into()?;
        let p = Placement::begin(what, r.start)?;
        match r.end {
            Some(e) => p.ended(e.date, e.reason),
            None => Ok(p),
        }
    }
}

impl Placement {
    /// The placement `what`, begun on `start`.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] outside 1900–2199.
    pub fn begin(what: NewPlacement, start: NaiveDate) -> Result<Placement, Error> {
        date::check_range("placement start", start)?;
        Ok(Placement {
            what,
            start,
            end: None,
        })
    }

    /// Ends the placement in place, for the fold: `date` is an accepted event's date (so in
    /// range) on or after the start.
    pub(crate) fn end_at(&mut self, date: NaiveDate, reason: EndReason) {
        debug_assert!(date >= self.start);
        self.end = Some(PlacementEnd { date, reason });
    }

    /// The same placement, ended on `date` (the first day out of it) for `reason`.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] outside 1900–2199; [`Error::DateOrder`] if `date` is before
    /// the start.
    pub fn ended(mut self, date: NaiveDate, reason: EndReason) -> Result<Placement, Error> {
        date::check_range("placement end", date)?;
        if date < self.start {
            return Err(Error::DateOrder {
                field: "placement end",
                earliest: self.start,
                found: date,
            });
        }
        self.end = Some(PlacementEnd { date, reason });
        Ok(self)
    }

    /// The placement's id.
    pub fn id(&self) -> &PlacementId {
        &self.what.id
    }

    /// What the placement is.
    pub fn what(&self) -> &NewPlacement {
        &self.what
    }

    /// The setting.
    pub fn setting(&self) -> Setting {
        self.what.setting
    }

    /// The caregiver family, for a family setting.
    pub fn caregiver(&self) -> Option<&FamilyId> {
        self.what.caregiver.as_ref()
    }

    /// Who provides the placement, when known: see [`NewPlacement::provider`].
    pub fn provider(&self) -> Option<Provider> {
        self.what.provider()
    }

    /// Whether `next`, a later placement of the same episode that counts as a placement setting,
    /// continues this one's setting (CWPM 1.2B.7): the same provider (a change of the same
    /// family's license is not a new setting); or, when either has no provider recorded, the
    /// same kind of setting after an interruption (a runaway, a visit). Contiguous stays
    /// without a provider are taken as different settings.
    pub(crate) fn same_setting_as(&self, next: &Placement) -> bool {
        match (self.provider(), next.provider()) {
            (Some(a), Some(b)) => a == b,
            _ => self.end.map(|e| e.date) != Some(next.start) && self.setting() == next.setting(),
        }
    }

    /// The first day in the placement.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// How it ended, once it has.
    pub fn end(&self) -> Option<PlacementEnd> {
        self.end
    }

    /// The days of the stay, `[start, end)`, running to `as_of` (exclusive) while open.
    pub fn period(&self, as_of: NaiveDate) -> date::Period {
        let end = self.end.map_or(as_of, |e| e.date).max(self.start);
        date::Period::new(self.start, end).unwrap_or(date::first_days(self.start, 0))
    }

    /// Whether the placement is still open.
    pub fn is_open(&self) -> bool {
        self.end.is_none()
    }
}

/// The number of AFCARS placement settings in `placements`, an episode's placements in order
/// (1993 element 24, NUMPLEP; CWPM 1.2B.7): trial home visits and runaways are not settings, and
/// a placement that continues the last setting ([`Placement::same_setting_as`]) is not a new
/// one. The moves are one fewer, when there is a setting.
pub(crate) fn count_settings(placements: &[Placement]) -> u32 {
    let mut settings = 0;
    let mut last: Option<&Placement> = None;
    for p in placements
        .iter()
        .filter(|p| p.setting().counts_as_placement_setting())
    {
        if !last.is_some_and(|prev| prev.same_setting_as(p)) {
            settings += 1;
        }
        last = Some(p);
    }
    settings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn pid() -> PlacementId {
        PlacementId::new("PL").unwrap()
    }

    #[test]
    fn settings_know_their_nature() {
        for &s in Setting::ALL {
            // Exactly the family settings need a caregiver.
            let with = NewPlacement::new(pid(), s, Some(FamilyId::new("F").unwrap()));
            let without = NewPlacement::new(pid(), s, None);
            assert_eq!(with.is_ok(), s.is_family_setting(), "{s:?}");
            assert_eq!(without.is_ok(), !s.is_family_setting(), "{s:?}");
            // No setting is both congregate and a family setting.
            assert!(!(s.is_congregate_care() && s.is_family_setting()));
        }
        assert!(!Setting::TrialHomeVisit.counts_as_placement_setting());
        assert!(!Setting::WhereaboutsUnknown.counts_as_placement_setting());
        assert!(Setting::Qrtp.counts_as_placement_setting());
        assert_eq!(Setting::TrialHomeVisit.afcars_1993_code(), 8);
        assert_eq!(Setting::TrialHomeVisit.afcars_2020_code(), 14);
        assert_eq!(Setting::PreAdoptiveHome.afcars_1993_code(), 1);
        assert_eq!(Setting::PreAdoptiveHome.afcars_2020_code(), 0);
        assert!(!Setting::JuvenileJusticeFacility.is_congregate_care());
    }

    #[test]
    fn specified_settings_only_on_congregate_care() {
        let p = NewPlacement::new(pid(), Setting::SupervisedIndependentLiving, None).unwrap();
        assert_eq!(
            p.specified_as(SpecifiedSetting::SexTraffickingVictims)
                .unwrap_err()
                .to_string(),
            "placement PL: a supervised_independent_living setting cannot be a sex_trafficking_victims specified setting"
        );
        let p = NewPlacement::new(pid(), Setting::GroupHomeStaffOperated, None).unwrap();
        assert!(
            p.specified_as(SpecifiedSetting::PrenatalPostpartumParenting)
                .is_ok()
        );
    }

    #[test]
    fn placement_dates() {
        let w = NewPlacement::new(pid(), Setting::ChildCareInstitution, None).unwrap();
        let p = Placement::begin(w, d(2024, 3, 10)).unwrap();
        assert!(p.is_open());
        // Open on 2024-03-20 (exclusive): 10 days.
        assert_eq!(p.period(d(2024, 3, 20)).days(), 10);
        let e = p
            .clone()
            .ended(d(2024, 3, 9), EndReason::Replaced)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid placement end: expected on or after 2024-03-10, found 2024-03-09"
        );
        let p = p.ended(d(2024, 4, 1), EndReason::Replaced).unwrap();
        // 22 days left in March (10..31) + 0 in April = 22.
        assert_eq!(p.period(d(2030, 1, 1)).days(), 22);
    }
}
