//! The AFCARS code lists and their mappings to the crate's types: values, read by the entities
//! (a [`Child`](crate::Child)'s race and ethnicity) and by the [episode facts](super::EpisodeFacts).

use core::fmt;

use crate::case::event::{Circumstance, Circumstances, Manner};
use crate::case::stage::ExitReason;
use crate::child::Sex;
use crate::placement::{Location, Setting};
use crate::plan::Goal;

/// An AFCARS code that cannot be read: not one of its element's values, or a combination of
/// elements that cannot be true together.
///
/// The message names the element and, for a single code, the code given: a small number that
/// identifies no one. It never holds anything else from the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum CodeError {
    /// A code that is not one of the element's values.
    #[error("invalid {element}: expected one of {}, found {found}", Codes(.expected))]
    Unknown {
        /// The element, e.g. `"DISREASN (1993 element 58)"`.
        element: &'static str,
        /// The codes the element accepts, in its list's order.
        expected: &'static [u8],
        /// The code given.
        found: u8,
    },
    /// Elements whose values cannot be true together, e.g. a foster family home (E113 "yes")
    /// with an other living arrangement type (E120).
    #[error("invalid {element}: expected {expected}")]
    Combination {
        /// The elements, e.g. `"living arrangement (2020 elements E113–E120)"`.
        element: &'static str,
        /// What they must be.
        expected: &'static str,
    },
}

impl CodeError {
    /// The element the code was read for.
    pub fn element(&self) -> &'static str {
        match self {
            CodeError::Unknown { element, .. } | CodeError::Combination { element, .. } => element,
        }
    }
}

/// Prints a list of codes, comma-separated.
struct Codes(&'static [u8]);

impl fmt::Display for Codes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

/// Declares one AFCARS code list from its rows `Variant = code, "wire_name";`:
///
/// - `afcars_codes! { Type, element "E", what "w", code / from_code: rows }` gives the enum
///   (field-less, `#[non_exhaustive]`, serde by wire name), `ALL`, `ELEMENT`, `code`,
///   `from_code`, `from_field`, `as_str`, `Display` and `FromStr`.
/// - With `element / from_element` instead of `code / from_code`, the number is the element's
///   (a list of yes/no elements), and there is no `from_field`.
///
/// A code repeated in the rows is an unreachable pattern in `from_code`: `-D warnings` refuses
/// it, and the round-trip tests would.
macro_rules! afcars_codes {
    (@enum $(#[$meta:meta])* $ty:ident, element $element:literal, what $what:literal, number $number:literal:
        $( $(#[$doc:meta])* $variant:ident = $code:literal, $name:literal; )+
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        pub enum $ty {
            $(
                $(#[$doc])*
                #[doc = ""]
                #[doc = concat!($number, " ", $code, ", wire name `", $name, "`.")]
                #[cfg_attr(feature = "serde", serde(rename = $name))]
                $variant,
            )+
        }

        impl $ty {
            #[doc = concat!("Every [`", stringify!($ty), "`], in declaration order.")]
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            #[doc = concat!("The element this list is the values of: `", $element, "`.")]
            pub const ELEMENT: &'static str = $element;

            /// The numbers of [`ALL`](Self::ALL), in its order.
            const NUMBERS: &'static [u8] = &[$($code),+];

            /// The snake_case name, as on the wire.
            pub const fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $name,)+ }
            }
        }

        crate::codes::code_names! { @display $ty }
        crate::codes::code_names! { @from_str $ty, $what: $($variant = $name),+ }
    };
    ($(#[$meta:meta])* $ty:ident, element $element:literal, what $what:literal, code / from_code:
        $( $(#[$doc:meta])* $variant:ident = $code:literal, $name:literal; )+
    ) => {
        crate::afcars::codes::afcars_codes! { @enum $(#[$meta])* $ty, element $element, what $what, number "Code":
            $( $(#[$doc])* $variant = $code, $name; )+ }

        impl $ty {
            /// The AFCARS code.
            pub const fn code(self) -> u8 {
                match self { $($ty::$variant => $code,)+ }
            }

            /// The value of code `code`.
            ///
            /// # Errors
            ///
            /// [`CodeError::Unknown`](crate::afcars::CodeError::Unknown), naming the element,
            /// for a code that is none of its values.
            pub const fn from_code(code: u8) -> Result<$ty, crate::afcars::CodeError> {
                match code {
                    $($code => Ok($ty::$variant),)+
                    found => Err(crate::afcars::CodeError::Unknown {
                        element: $element,
                        expected: $ty::NUMBERS,
                        found,
                    }),
                }
            }

            /// The value of a field that may be blank: `None` stays `None` (missing data is
            /// never defaulted, 45 CFR 1355.43(d)).
            ///
            /// # Errors
            ///
            /// As [`from_code`](Self::from_code).
            pub const fn from_field(
                field: Option<u8>,
            ) -> Result<Option<$ty>, crate::afcars::CodeError> {
                match field {
                    None => Ok(None),
                    Some(code) => match $ty::from_code(code) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) => Err(e),
                    },
                }
            }
        }
    };
    ($(#[$meta:meta])* $ty:ident, element $element:literal, what $what:literal, element / from_element:
        $( $(#[$doc:meta])* $variant:ident = $code:literal, $name:literal; )+
    ) => {
        crate::afcars::codes::afcars_codes! { @enum $(#[$meta])* $ty, element $element, what $what, number "Element":
            $( $(#[$doc])* $variant = $code, $name; )+ }

        impl $ty {
            /// The number of the AFCARS element that says whether this applies.
            pub const fn element(self) -> u8 {
                match self { $($ty::$variant => $code,)+ }
            }

            /// The member that element number `element` says applies.
            ///
            /// # Errors
            ///
            /// [`CodeError::Unknown`](crate::afcars::CodeError::Unknown) for a number that is
            /// none of the list's elements.
            pub const fn from_element(element: u8) -> Result<$ty, crate::afcars::CodeError> {
                match element {
                    $($code => Ok($ty::$variant),)+
                    found => Err(crate::afcars::CodeError::Unknown {
                        element: $element,
                        expected: $ty::NUMBERS,
                        found,
                    }),
                }
            }
        }
    };
}
pub(crate) use afcars_codes;

// ------------------------------------------------------------------------------------------------
// Yes/no elements

afcars_codes! {
    /// The value of a 1993 "applies / does not apply" element: the removal reasons (Appendix A
    /// elements 26–40) and the race elements (element 8, AMIAKN to UNTODETM): 1 applies, 0 does
    /// not apply.
    Flag1993, element "1993 applies/does not apply element", what "flag", code / from_code:
        /// The condition does not apply.
        DoesNotApply = 0, "does_not_apply";
        /// The condition applies.
        Applies = 1, "applies";
}

impl Flag1993 {
    /// 1 when `applies`, 0 otherwise.
    pub const fn of(applies: bool) -> Flag1993 {
        if applies {
            Flag1993::Applies
        } else {
            Flag1993::DoesNotApply
        }
    }

    /// Whether it applies.
    pub const fn applies(self) -> bool {
        matches!(self, Flag1993::Applies)
    }
}

// ------------------------------------------------------------------------------------------------
// Placement settings

afcars_codes! {
    /// AFCARS 1993 current placement setting (Appendix A element 41, CURPLSET).
    ///
    /// Several [`Setting`]s share a code ([`Setting::afcars_1993`]): reading one back
    /// ([`PlacementSetting1993::setting`]) gives the general setting of the code, so the 1993
    /// reverse lookup is lossy — a kin home, a therapeutic or a shelter foster home all read
    /// back as a non-relative foster home.
    PlacementSetting1993, element "CURPLSET (1993 element 41)", what "CURPLSET value", code / from_code:
        /// Pre-adoptive home.
        PreAdoptiveHome = 1, "pre_adoptive_home";
        /// Foster family home, relative.
        FosterFamilyRelative = 2, "foster_family_relative";
        /// Foster family home, non-relative.
        FosterFamilyNonRelative = 3, "foster_family_non_relative";
        /// Group home.
        GroupHome = 4, "group_home";
        /// Institution.
        Institution = 5, "institution";
        /// Supervised independent living.
        SupervisedIndependentLiving = 6, "supervised_independent_living";
        /// Runaway.
        Runaway = 7, "runaway";
        /// Trial home visit.
        TrialHomeVisit = 8, "trial_home_visit";
}

impl PlacementSetting1993 {
    /// The general [`Setting`] of the code, one of those that report it: a non-relative foster
    /// home for 3, a staff-operated group home for 4, a child-care institution for 5, a runaway
    /// for 7. Lossy: see the type's docs.
    pub const fn setting(self) -> Setting {
        match self {
            PlacementSetting1993::PreAdoptiveHome => Setting::PreAdoptiveHome,
            PlacementSetting1993::FosterFamilyRelative => Setting::RelativeFosterHome,
            PlacementSetting1993::FosterFamilyNonRelative => Setting::NonRelativeFosterHome,
            PlacementSetting1993::GroupHome => Setting::GroupHomeStaffOperated,
            PlacementSetting1993::Institution => Setting::ChildCareInstitution,
            PlacementSetting1993::SupervisedIndependentLiving => {
                Setting::SupervisedIndependentLiving
            }
            PlacementSetting1993::Runaway => Setting::Runaway,
            PlacementSetting1993::TrialHomeVisit => Setting::TrialHomeVisit,
        }
    }
}

afcars_codes! {
    /// AFCARS 2020 foster family home type (45 CFR 1355.44(e)(3), elements E114–E119: each
    /// "yes" or "no", check all that apply), numbered by element.
    FosterHomeType, element "foster family home type (2020 elements E114–E119)", what "foster family home type", element / from_element:
        /// E114 licensed home.
        LicensedHome = 114, "licensed_home";
        /// E115 therapeutic foster family home.
        TherapeuticHome = 115, "therapeutic_home";
        /// E116 shelter care foster family home.
        ShelterCareHome = 116, "shelter_care_home";
        /// E117 relative foster family home.
        RelativeHome = 117, "relative_home";
        /// E118 pre-adoptive home.
        PreAdoptiveHome = 118, "pre_adoptive_home";
        /// E119 kin foster family home.
        KinHome = 119, "kin_home";
}

impl FosterHomeType {
    /// The order in which [`LivingArrangement2020::from_elements`] picks one home type from
    /// several: pre-adoptive, therapeutic, shelter care, relative, kin, and licensed last (a
    /// relative home that is licensed is a relative home).
    pub const PRECEDENCE: &'static [FosterHomeType] = &[
        FosterHomeType::PreAdoptiveHome,
        FosterHomeType::TherapeuticHome,
        FosterHomeType::ShelterCareHome,
        FosterHomeType::RelativeHome,
        FosterHomeType::KinHome,
        FosterHomeType::LicensedHome,
    ];
}

/// The foster family home types (E114–E119) that are "yes" for a living arrangement. A bit set.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FosterHomeTypes(u8);

impl FosterHomeTypes {
    /// None.
    pub const fn none() -> FosterHomeTypes {
        FosterHomeTypes(0)
    }

    /// The same set with `t`.
    #[must_use]
    pub const fn with(self, t: FosterHomeType) -> FosterHomeTypes {
        FosterHomeTypes(self.0 | 1 << (t.element() - 114))
    }

    /// Whether `t` is "yes".
    pub const fn contains(self, t: FosterHomeType) -> bool {
        self.0 & (1 << (t.element() - 114)) != 0
    }

    /// Whether none is "yes".
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The types that are "yes", in element order.
    pub fn iter(self) -> impl Iterator<Item = FosterHomeType> {
        FosterHomeType::ALL
            .iter()
            .copied()
            .filter(move |t| self.contains(*t))
    }
}

impl FromIterator<FosterHomeType> for FosterHomeTypes {
    fn from_iter<I: IntoIterator<Item = FosterHomeType>>(iter: I) -> Self {
        iter.into_iter()
            .fold(FosterHomeTypes::none(), FosterHomeTypes::with)
    }
}

/// On the wire: the list of the types that are "yes", in element order.
#[cfg(feature = "serde")]
impl serde::Serialize for FosterHomeTypes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl fmt::Debug for FosterHomeTypes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

afcars_codes! {
    /// AFCARS 2020 other living arrangement type (45 CFR 1355.44(e)(4), element E120), for a
    /// living arrangement that is not a foster family home. Numbered as the AXE and CJAMS
    /// implementations number it (verify against the current ACF XML schema); AXE writes 0 for
    /// a foster family home, which the regulation leaves blank.
    OtherLivingArrangement2020, element "other living arrangement type (2020 element E120)", what "other living arrangement type", code / from_code:
        /// Group home, family operated.
        GroupHomeFamilyOperated = 1, "group_home_family_operated";
        /// Group home, staff operated.
        GroupHomeStaffOperated = 2, "group_home_staff_operated";
        /// Group home, shelter care.
        GroupHomeShelterCare = 3, "group_home_shelter_care";
        /// Residential treatment center.
        ResidentialTreatmentCenter = 4, "residential_treatment_center";
        /// Qualified residential treatment program (SSA §472(k)(4)).
        Qrtp = 5, "qrtp";
        /// Child care institution.
        ChildCareInstitution = 6, "child_care_institution";
        /// Child care institution, shelter care.
        ChildCareInstitutionShelterCare = 7, "child_care_institution_shelter_care";
        /// Supervised independent living.
        SupervisedIndependentLiving = 8, "supervised_independent_living";
        /// Juvenile justice facility.
        JuvenileJusticeFacility = 9, "juvenile_justice_facility";
        /// Medical or rehabilitative facility.
        MedicalOrRehabilitativeFacility = 10, "medical_or_rehabilitative_facility";
        /// Psychiatric hospital.
        PsychiatricHospital = 11, "psychiatric_hospital";
        /// Runaway.
        Runaway = 12, "runaway";
        /// Whereabouts unknown.
        WhereaboutsUnknown = 13, "whereabouts_unknown";
        /// Placed at home: the 2020 trial home visit.
        PlacedAtHome = 14, "placed_at_home";
}

/// An AFCARS 2020 living arrangement (45 CFR 1355.44(e)(2)–(4)): a foster family home (E113
/// "yes") of one home type (E114–E119), or another living arrangement (E113 "no") of one type
/// (E120). Each [`Setting`] is exactly one of these ([`Setting::afcars_2020`],
/// [`LivingArrangement2020::setting`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum LivingArrangement2020 {
    /// E113 "yes", with the home type the setting names.
    FosterFamilyHome(FosterHomeType),
    /// E113 "no", with E120.
    Other(OtherLivingArrangement2020),
}

/// The elements a [`LivingArrangement2020`] is read from.
const LIVING_ARRANGEMENT: &str = "living arrangement (2020 elements E113–E120)";

impl LivingArrangement2020 {
    /// Reads E113 (`foster_family_home`), E114–E119 (`home_types`, the "yes" ones) and E120
    /// (`e120`, blank for a foster family home). Of several home types the first in
    /// [`FosterHomeType::PRECEDENCE`] is kept (lossy: a licensed relative home reads as a
    /// relative home). A foster family home with no type "yes" is an unlicensed non-relative
    /// foster home (foster care "regardless of licensure", 45 CFR 1355.20): it reads as the
    /// non-relative foster home, [`Setting::NonRelativeFosterHome`] (whose arrangement names
    /// E114; the license itself is the family's, and
    /// [`EpisodeFacts::current_home_types_2020`](crate::afcars::EpisodeFacts::current_home_types_2020)
    /// reports it).
    ///
    /// # Errors
    ///
    /// [`CodeError::Unknown`] for an E120 code that is none of its values;
    /// [`CodeError::Combination`] for a foster family home with an E120, or another living
    /// arrangement with a home type or without an E120.
    ///
    /// # Examples
    ///
    /// ```
    /// use permanency::afcars::{FosterHomeType, FosterHomeTypes, LivingArrangement2020};
    /// use permanency::Setting;
    ///
    /// let licensed_relative: FosterHomeTypes =
    ///     [FosterHomeType::LicensedHome, FosterHomeType::RelativeHome].into_iter().collect();
    /// let a = LivingArrangement2020::from_elements(true, licensed_relative, None)?;
    /// assert_eq!(a.setting(), Setting::RelativeFosterHome);
    /// let qrtp = LivingArrangement2020::from_elements(false, FosterHomeTypes::none(), Some(5))?;
    /// assert_eq!(qrtp.setting(), Setting::Qrtp);
    /// // 0, the code a foster family home is written with, reads back as a blank E120.
    /// let home = LivingArrangement2020::from_elements(true, licensed_relative, Some(0))?;
    /// assert_eq!(home.setting(), Setting::RelativeFosterHome);
    /// assert_eq!(
    ///     LivingArrangement2020::from_elements(false, FosterHomeTypes::none(), Some(15)).unwrap_err().to_string(),
    ///     "invalid other living arrangement type (2020 element E120): expected one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, found 15"
    /// );
    /// # Ok::<(), permanency::afcars::CodeError>(())
    /// ```
    pub fn from_elements(
        foster_family_home: bool,
        home_types: FosterHomeTypes,
        e120: Option<u8>,
    ) -> Result<LivingArrangement2020, CodeError> {
        // 0 is the E120 value of a foster family home ("use E113/E114–E119", the code
        // `Setting::afcars_2020_code` writes for one): for one, read as a blank.
        let e120 = e120.filter(|&c| !(foster_family_home && c == 0));
        let other = OtherLivingArrangement2020::from_field(e120)?;
        let combination = |expected| CodeError::Combination {
            element: LIVING_ARRANGEMENT,
            expected,
        };
        match (foster_family_home, other) {
            (true, Some(_)) => Err(combination(
                "a blank E120 for a foster family home (E113 yes), found an E120 code",
            )),
            // No type "yes": a foster family home neither licensed nor of another type — an
            // unlicensed non-relative foster home (45 CFR 1355.20, "regardless of licensure").
            (true, None) => Ok(LivingArrangement2020::FosterFamilyHome(
                FosterHomeType::PRECEDENCE
                    .iter()
                    .copied()
                    .find(|t| home_types.contains(*t))
                    .unwrap_or(FosterHomeType::LicensedHome),
            )),
            (false, _) if !home_types.is_empty() => Err(combination(
                "no home type (E114–E119) for another living arrangement (E113 no), found one",
            )),
            (false, Some(o)) => Ok(LivingArrangement2020::Other(o)),
            (false, None) => Err(combination(
                "an E120 code for another living arrangement (E113 no), found a blank",
            )),
        }
    }

    /// E113: whether it is a foster family home.
    pub const fn foster_family_home(self) -> bool {
        matches!(self, LivingArrangement2020::FosterFamilyHome(_))
    }

    /// E114–E119: the home type that is "yes" (one; a state may report more from the family's
    /// license, e.g. E114 for a licensed relative home).
    pub fn home_types(self) -> FosterHomeTypes {
        match self {
            LivingArrangement2020::FosterFamilyHome(t) => FosterHomeTypes::none().with(t),
            LivingArrangement2020::Other(_) => FosterHomeTypes::none(),
        }
    }

    /// E120: the other living arrangement type, blank (`None`) for a foster family home.
    pub const fn other(self) -> Option<OtherLivingArrangement2020> {
        match self {
            LivingArrangement2020::Other(o) => Some(o),
            LivingArrangement2020::FosterFamilyHome(_) => None,
        }
    }
}

/// Derives the AFCARS codes of [`Setting`] both ways from its rows
/// (`crate::placement::setting_rows`).
macro_rules! setting_codes {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, afcars_1993 $c93:ident, afcars_2020 $kind:ident($list:ident::$c20:ident); )*) => {
        impl Setting {
            /// The AFCARS 1993 current placement setting (Appendix A element 41, CURPLSET).
            pub const fn afcars_1993(self) -> PlacementSetting1993 {
                match self { $(Setting::$variant => PlacementSetting1993::$c93,)* }
            }

            /// The AFCARS 1993 CURPLSET code, 1 to 8.
            pub const fn afcars_1993_code(self) -> u8 {
                self.afcars_1993().code()
            }

            /// The AFCARS 2020 living arrangement (45 CFR 1355.44(e), E113–E120).
            pub const fn afcars_2020(self) -> LivingArrangement2020 {
                match self { $(Setting::$variant => LivingArrangement2020::$kind($list::$c20),)* }
            }

            /// The AFCARS 2020 "other living arrangement type" (element E120) code as the AXE and
            /// CJAMS implementations number it, or 0 for a foster family home (reported through
            /// E113–E119). Verify against the current ACF XML schema.
            pub const fn afcars_2020_code(self) -> u8 {
                match self.afcars_2020().other() {
                    Some(o) => o.code(),
                    None => 0,
                }
            }

            /// The setting of an AFCARS 2020 living arrangement read from its elements: see
            /// [`LivingArrangement2020::from_elements`].
            ///
            /// # Errors
            ///
            /// As [`LivingArrangement2020::from_elements`].
            pub fn from_afcars_2020(
                foster_family_home: bool,
                home_types: FosterHomeTypes,
                e120: Option<u8>,
            ) -> Result<Setting, CodeError> {
                LivingArrangement2020::from_elements(foster_family_home, home_types, e120)
                    .map(LivingArrangement2020::setting)
            }
        }

        impl LivingArrangement2020 {
            /// The one [`Setting`] this living arrangement is.
            pub const fn setting(self) -> Setting {
                match self { $(LivingArrangement2020::$kind($list::$c20) => Setting::$variant,)* }
            }
        }
    };
}

crate::placement::setting_rows!(setting_codes);

// ------------------------------------------------------------------------------------------------
// Permanency goals

afcars_codes! {
    /// AFCARS 1993 most recent case plan goal (Appendix A element 43, CASEGOAL).
    ///
    /// Three values predate the Adoption and Safe Families Act and name no current [`Goal`]:
    /// 4 "long-term foster care", 5 "emancipation" and 7 "case plan goal not yet established";
    /// [`CaseGoal1993::goal`] reads them as `None`. The 1993 list has no APPLA: this crate
    /// reports [`Goal::Appla`] as 4 "long-term foster care", the value that keeps the child in
    /// care, so 4 does not read back as APPLA.
    CaseGoal1993, element "CASEGOAL (1993 element 43)", what "CASEGOAL value", code / from_code:
        /// Reunify with parent(s) or principal caretaker(s).
        Reunify = 1, "reunify";
        /// Live with other relatives.
        LiveWithOtherRelatives = 2, "live_with_other_relatives";
        /// Adoption.
        Adoption = 3, "adoption";
        /// Long-term foster care (pre-ASFA; no current goal).
        LongTermFosterCare = 4, "long_term_foster_care";
        /// Emancipation (pre-ASFA; no current goal).
        Emancipation = 5, "emancipation";
        /// Guardianship.
        Guardianship = 6, "guardianship";
        /// Case plan goal not yet established.
        NotYetEstablished = 7, "not_yet_established";
}

impl CaseGoal1993 {
    /// The current goal this code names: `None` for 4, 5 and 7.
    pub const fn goal(self) -> Option<Goal> {
        match self {
            CaseGoal1993::Reunify => Some(Goal::Reunification),
            CaseGoal1993::LiveWithOtherRelatives => Some(Goal::FitAndWillingRelative),
            CaseGoal1993::Adoption => Some(Goal::Adoption),
            CaseGoal1993::Guardianship => Some(Goal::LegalGuardianship),
            CaseGoal1993::LongTermFosterCare
            | CaseGoal1993::Emancipation
            | CaseGoal1993::NotYetEstablished => None,
        }
    }

    /// The code for the case's primary goal, or 7 "not yet established" for none.
    pub const fn from_goal(goal: Option<Goal>) -> CaseGoal1993 {
        match goal {
            Some(g) => g.afcars_1993(),
            None => CaseGoal1993::NotYetEstablished,
        }
    }
}

afcars_codes! {
    /// AFCARS 2020 permanency plan (45 CFR 1355.44(f)(1), element E148). Codes 1–5 as the AXE
    /// implementation numbers them (verify against the current ACF XML schema); "permanency
    /// plan not established" is in the regulation but not in AXE, and its 6 is this crate's.
    PermanencyPlan2020, element "permanency plan (2020 element E148)", what "permanency plan value", code / from_code:
        /// Reunify with parent(s) or legal guardian(s).
        Reunify = 1, "reunify";
        /// Live with other relatives.
        LiveWithOtherRelatives = 2, "live_with_other_relatives";
        /// Adoption.
        Adoption = 3, "adoption";
        /// Guardianship.
        Guardianship = 4, "guardianship";
        /// Planned permanent living arrangement (APPLA, SSA §475(5)(C)(i)).
        PlannedPermanentLivingArrangement = 5, "planned_permanent_living_arrangement";
        /// Permanency plan not established.
        NotEstablished = 6, "not_established";
}

impl PermanencyPlan2020 {
    /// The goal this code names: `None` for "not established".
    pub const fn goal(self) -> Option<Goal> {
        match self {
            PermanencyPlan2020::Reunify => Some(Goal::Reunification),
            PermanencyPlan2020::LiveWithOtherRelatives => Some(Goal::FitAndWillingRelative),
            PermanencyPlan2020::Adoption => Some(Goal::Adoption),
            PermanencyPlan2020::Guardianship => Some(Goal::LegalGuardianship),
            PermanencyPlan2020::PlannedPermanentLivingArrangement => Some(Goal::Appla),
            PermanencyPlan2020::NotEstablished => None,
        }
    }

    /// The code for a goal, or "not established" for none. The inverse of
    /// [`goal`](Self::goal).
    pub const fn from_goal(goal: Option<Goal>) -> PermanencyPlan2020 {
        match goal {
            Some(g) => g.afcars_2020(),
            None => PermanencyPlan2020::NotEstablished,
        }
    }
}

impl Goal {
    /// The AFCARS 1993 CASEGOAL value (Appendix A element 43). APPLA, which the 1993 list
    /// lacks, is reported as 4 "long-term foster care" (see [`CaseGoal1993`]).
    pub const fn afcars_1993(self) -> CaseGoal1993 {
        match self {
            Goal::Reunification => CaseGoal1993::Reunify,
            Goal::FitAndWillingRelative => CaseGoal1993::LiveWithOtherRelatives,
            Goal::Adoption => CaseGoal1993::Adoption,
            Goal::LegalGuardianship => CaseGoal1993::Guardianship,
            Goal::Appla => CaseGoal1993::LongTermFosterCare,
        }
    }

    /// The AFCARS 2020 permanency plan (45 CFR 1355.44(f)(1), E148).
    pub const fn afcars_2020(self) -> PermanencyPlan2020 {
        match self {
            Goal::Reunification => PermanencyPlan2020::Reunify,
            Goal::FitAndWillingRelative => PermanencyPlan2020::LiveWithOtherRelatives,
            Goal::Adoption => PermanencyPlan2020::Adoption,
            Goal::LegalGuardianship => PermanencyPlan2020::Guardianship,
            Goal::Appla => PermanencyPlan2020::PlannedPermanentLivingArrangement,
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Exit reasons

/// Declares the AFCARS exit-reason code lists from [`ExitReason`]'s rows
/// (`crate::case::stage::exit_reason_rows`), each with its "not applicable" value for no exit.
macro_rules! exit_codes {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, code $code:literal, code_2020 $code_2020:literal, permanency $permanency:literal; )*) => {
        afcars_codes! {
            /// AFCARS 1993 reason for discharge (Appendix A element 58, DISREASN): an
            /// [`ExitReason`] (1 to 8), or 0 "not applicable" for a child not discharged.
            ExitReason1993, element "DISREASN (1993 element 58)", what "DISREASN value", code / from_code:
                /// Not applicable: the child has not been discharged.
                NotApplicable = 0, "not_applicable";
                $( $(#[$doc])* $variant = $code, $name; )*
        }

        afcars_codes! {
            /// AFCARS 2020 exit reason (45 CFR 1355.44(g)(3), element E155): an [`ExitReason`]
            /// (1 to 8), or 9 "not applicable" for no exit. Numbered as the AXE and CJAMS
            /// implementations number it; verify against the current ACF XML schema.
            ExitReason2020, element "exit reason (2020 element E155)", what "exit reason value", code / from_code:
                $( $(#[$doc])* $variant = $code_2020, $name; )*
                /// Not applicable: the child has not exited.
                NotApplicable = 9, "not_applicable";
        }

        impl ExitReason1993 {
            /// The exit reason, or `None` for "not applicable".
            pub const fn exit_reason(self) -> Option<ExitReason> {
                match self {
                    ExitReason1993::NotApplicable => None,
                    $(ExitReason1993::$variant => Some(ExitReason::$variant),)*
                }
            }

            /// The code of an exit, or "not applicable" for none.
            pub const fn from_exit(exit: Option<ExitReason>) -> ExitReason1993 {
                match exit {
                    None => ExitReason1993::NotApplicable,
                    $(Some(ExitReason::$variant) => ExitReason1993::$variant,)*
                }
            }
        }

        impl ExitReason2020 {
            /// The exit reason, or `None` for "not applicable".
            pub const fn exit_reason(self) -> Option<ExitReason> {
                match self {
                    ExitReason2020::NotApplicable => None,
                    $(ExitReason2020::$variant => Some(ExitReason::$variant),)*
                }
            }

            /// The code of an exit, or "not applicable" for none.
            pub const fn from_exit(exit: Option<ExitReason>) -> ExitReason2020 {
                match exit {
                    None => ExitReason2020::NotApplicable,
                    $(Some(ExitReason::$variant) => ExitReason2020::$variant,)*
                }
            }
        }

        impl ExitReason {
            /// The AFCARS 1993 DISREASN value (Appendix A element 58).
            pub const fn afcars_1993(self) -> ExitReason1993 {
                ExitReason1993::from_exit(Some(self))
            }

            /// The AFCARS 2020 exit reason (45 CFR 1355.44(g)(3), E155).
            pub const fn afcars_2020(self) -> ExitReason2020 {
                ExitReason2020::from_exit(Some(self))
            }
        }
    };
}

crate::case::stage::exit_reason_rows!(exit_codes);

// ------------------------------------------------------------------------------------------------
// Removal

afcars_codes! {
    /// AFCARS 1993 manner of removal from home for the current removal episode (Appendix A
    /// element 25, MANREM). The 2020 elements have no such element: the removal's authority is
    /// recorded with the title IV-E information.
    Manner1993, element "MANREM (1993 element 25)", what "MANREM value", code / from_code:
        /// Voluntary: a voluntary placement agreement.
        Voluntary = 1, "voluntary";
        /// Court ordered.
        CourtOrdered = 2, "court_ordered";
        /// Not yet determined: an emergency removal before any court order.
        NotYetDetermined = 3, "not_yet_determined";
}

impl Manner1993 {
    /// The crate's [`Manner`]: voluntary is a voluntary placement agreement, court ordered a
    /// court order, not yet determined an emergency removal.
    pub const fn manner(self) -> Manner {
        match self {
            Manner1993::Voluntary => Manner::VoluntaryPlacementAgreement,
            Manner1993::CourtOrdered => Manner::CourtOrder,
            Manner1993::NotYetDetermined => Manner::Emergency,
        }
    }
}

impl Manner {
    /// The AFCARS 1993 MANREM value (Appendix A element 25). The inverse of
    /// [`Manner1993::manner`].
    pub const fn afcars_1993(self) -> Manner1993 {
        match self {
            Manner::VoluntaryPlacementAgreement => Manner1993::Voluntary,
            Manner::CourtOrder => Manner1993::CourtOrdered,
            Manner::Emergency => Manner1993::NotYetDetermined,
        }
    }
}

/// Declares [`RemovalReason1993`] from its rows
/// `Variant = element, "wire_name", "NDACAN", [circumstances];`: the code list, its NDACAN
/// names and the 2020 circumstances each corresponds to.
macro_rules! removal_reasons_1993 {
    ($( $(#[$doc:meta])* $variant:ident = $element:literal, $name:literal, $ndacan:literal, [$($c:ident),*]; )+) => {
        afcars_codes! {
            /// An AFCARS 1993 action or condition associated with the child's removal (Appendix
            /// A elements 26–40, each 1 applies / 0 does not apply: see [`Flag1993`]), numbered
            /// by element, with its NDACAN variable name ([`ndacan_name`](Self::ndacan_name))
            /// and the 2020 circumstances (E72–E105) it corresponds to
            /// ([`circumstances`](Self::circumstances)).
            ///
            /// The correspondence is this crate's crosswalk, from the 1993 definitions: neglect
            /// includes medical and educational neglect; abandonment includes a caretaker's
            /// failure to return; the caretaker's inability to cope includes both kinds of
            /// impairment; inadequate housing includes homelessness. 2020 circumstances with no
            /// 1993 element (runaway, domestic violence, prenatal exposure, sex trafficking...)
            /// set none.
            RemovalReason1993, element "removal reason (1993 elements 26–40)", what "1993 removal reason", element / from_element:
                $( $(#[$doc])* $variant = $element, $name; )+
        }

        impl RemovalReason1993 {
            /// The NDACAN variable name, e.g. `"NEGLECT"`.
            pub const fn ndacan_name(self) -> &'static str {
                match self { $(RemovalReason1993::$variant => $ndacan,)+ }
            }

            /// The 2020 circumstances this element corresponds to: it applies when any of them
            /// does.
            pub const fn circumstances(self) -> &'static [Circumstance] {
                match self { $(RemovalReason1993::$variant => &[$(Circumstance::$c),*],)+ }
            }
        }
    };
}

removal_reasons_1993! {
    /// E26 physical abuse (alleged or reported).
    PhysicalAbuse = 26, "physical_abuse", "PHYABUSE", [PhysicalAbuse];
    /// E27 sexual abuse.
    SexualAbuse = 27, "sexual_abuse", "SEXABUSE", [SexualAbuse];
    /// E28 neglect.
    Neglect = 28, "neglect", "NEGLECT", [Neglect, MedicalNeglect, EducationalNeglect];
    /// E29 alcohol abuse, parent.
    ParentAlcoholAbuse = 29, "parent_alcohol_abuse", "AAPARENT", [CaregiverAlcoholUse];
    /// E30 drug abuse, parent.
    ParentDrugAbuse = 30, "parent_drug_abuse", "DAPARENT", [CaregiverDrugUse];
    /// E31 alcohol abuse, child.
    ChildAlcoholAbuse = 31, "child_alcohol_abuse", "AACHILD", [ChildAlcoholUse];
    /// E32 drug abuse, child.
    ChildDrugAbuse = 32, "child_drug_abuse", "DACHILD", [ChildDrugUse];
    /// E33 child's disability.
    ChildDisability = 33, "child_disability", "CHILDIS", [DiagnosedCondition];
    /// E34 child's behavior problem.
    ChildBehaviorProblem = 34, "child_behavior_problem", "CHBEHPRB", [ChildBehaviorProblem];
    /// E35 death of parent(s).
    DeathOfParent = 35, "death_of_parent", "PRTSDIED", [DeathOfCaregiver];
    /// E36 incarceration of parent(s).
    IncarcerationOfParent = 36, "incarceration_of_parent", "PRTSJAIL", [IncarcerationOfCaregiver];
    /// E37 caretaker's inability to cope due to illness or other reasons.
    CaretakerInabilityToCope = 37, "caretaker_inability_to_cope", "NOCOPE", [CaregiverPhysicalOrEmotionalImpairment, CaregiverCognitiveImpairment];
    /// E38 abandonment.
    Abandonment = 38, "abandonment", "ABANDMNT", [Abandonment, FailureToReturn];
    /// E39 relinquishment.
    Relinquishment = 39, "relinquishment", "RELINQSH", [VoluntaryRelinquishment];
    /// E40 inadequate housing.
    InadequateHousing = 40, "inadequate_housing", "HOUSING", [InadequateHousing, Homelessness];
}

impl RemovalReason1993 {
    /// Whether this element applies to a removal with `circumstances`.
    pub fn applies_to(self, circumstances: Circumstances) -> bool {
        self.circumstances()
            .iter()
            .any(|c| circumstances.contains(*c))
    }
}

/// The 1993 removal reasons (E26–E40) that apply to a removal. A bit set; serialized as the
/// list of names.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RemovalReasons1993(u16);

impl RemovalReasons1993 {
    /// None.
    pub const fn none() -> RemovalReasons1993 {
        RemovalReasons1993(0)
    }

    /// The same set with `r`.
    #[must_use]
    pub const fn with(self, r: RemovalReason1993) -> RemovalReasons1993 {
        RemovalReasons1993(self.0 | 1 << (r.element() - 26))
    }

    /// Whether `r` applies.
    pub const fn contains(self, r: RemovalReason1993) -> bool {
        self.0 & (1 << (r.element() - 26)) != 0
    }

    /// The element's value for `r`: 1 applies, 0 does not.
    pub const fn flag(self, r: RemovalReason1993) -> Flag1993 {
        Flag1993::of(self.contains(r))
    }

    /// The reasons that apply, in element order.
    pub fn iter(self) -> impl Iterator<Item = RemovalReason1993> {
        RemovalReason1993::ALL
            .iter()
            .copied()
            .filter(move |r| self.contains(*r))
    }

    /// The 1993 reasons that the 2020 `circumstances` set: each reason that any of its
    /// circumstances applies to ([`RemovalReason1993::circumstances`]).
    pub fn from_circumstances(circumstances: Circumstances) -> RemovalReasons1993 {
        RemovalReason1993::ALL
            .iter()
            .copied()
            .filter(|r| r.applies_to(circumstances))
            .collect()
    }
}

impl FromIterator<RemovalReason1993> for RemovalReasons1993 {
    fn from_iter<I: IntoIterator<Item = RemovalReason1993>>(iter: I) -> Self {
        iter.into_iter()
            .fold(RemovalReasons1993::none(), RemovalReasons1993::with)
    }
}

impl fmt::Debug for RemovalReasons1993 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RemovalReasons1993 {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for RemovalReasons1993 {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let list = <Vec<RemovalReason1993>>::deserialize(d)?;
        Ok(list.into_iter().collect())
    }
}

/// The elements a [`Circumstance`] is numbered by.
const CIRCUMSTANCE_ELEMENTS: &str = "circumstance at removal (2020 elements E72–E105)";

/// The element numbers of [`Circumstance::ALL`], in its order.
const CIRCUMSTANCE_NUMBERS: &[u8] = &{
    let mut out = [0u8; Circumstance::ALL.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = Circumstance::ALL[i].afcars_element();
        i += 1;
    }
    out
};

impl Circumstance {
    /// The circumstance of AFCARS 2020 element number `element` (72 to 105), the inverse of
    /// [`Circumstance::afcars_element`].
    ///
    /// # Errors
    ///
    /// [`CodeError::Unknown`] for a number outside E72–E105.
    pub fn from_afcars_element(element: u8) -> Result<Circumstance, CodeError> {
        Circumstance::ALL
            .iter()
            .copied()
            .find(|c| c.afcars_element() == element)
            .ok_or(CodeError::Unknown {
                element: CIRCUMSTANCE_ELEMENTS,
                expected: CIRCUMSTANCE_NUMBERS,
                found: element,
            })
    }
}

// ------------------------------------------------------------------------------------------------
// The child: sex, race and ethnicity

afcars_codes! {
    /// The child's sex as AFCARS codes it: 1993 element 7 (SEX) and 2020 45 CFR
    /// 1355.44(b)(2) ("male" or "female"). A sex not recorded is a blank, never a code: see
    /// [`Sex::afcars_code`].
    SexCode, element "child's sex (1993 element 7 SEX; 2020 45 CFR 1355.44(b)(2))", what "sex code", code / from_code:
        /// Male.
        Male = 1, "male";
        /// Female.
        Female = 2, "female";
}

impl SexCode {
    /// The crate's [`Sex`].
    pub const fn sex(self) -> Sex {
        match self {
            SexCode::Male => Sex::Male,
            SexCode::Female => Sex::Female,
        }
    }
}

impl Sex {
    /// The AFCARS sex code (1 male, 2 female), or `None` — a blank — for
    /// [`Sex::Unknown`]: missing data is reported as missing (45 CFR 1355.43(d)).
    pub const fn afcars_code(self) -> Option<SexCode> {
        match self {
            Sex::Male => Some(SexCode::Male),
            Sex::Female => Some(SexCode::Female),
            Sex::Unknown => None,
        }
    }

    /// The sex of an AFCARS sex field: a blank is [`Sex::Unknown`], the crate's "not recorded".
    ///
    /// # Errors
    ///
    /// [`CodeError::Unknown`] for a code other than 1 or 2.
    pub const fn from_afcars(field: Option<u8>) -> Result<Sex, CodeError> {
        match SexCode::from_field(field) {
            Ok(Some(c)) => Ok(c.sex()),
            Ok(None) => Ok(Sex::Unknown),
            Err(e) => Err(e),
        }
    }
}

/// Declares a race category list: `Variant = "wire_name", "label";`.
macro_rules! races {
    ($(#[$meta:meta])* $ty:ident, $what:literal: $( $(#[$doc:meta])* $variant:ident = $name:literal, $label:literal; )+) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        pub enum $ty {
            $( $(#[$doc])* #[cfg_attr(feature = "serde", serde(rename = $name))] $variant, )+
        }

        impl $ty {
            #[doc = concat!("Every [`", stringify!($ty), "`], in the regulation's order.")]
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The snake_case name, as on the wire.
            pub const fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $name,)+ }
            }

            /// The element's name: the NDACAN variable (1993) or the regulation's label (2020).
            pub const fn label(self) -> &'static str {
                match self { $($ty::$variant => $label,)+ }
            }
        }

        crate::codes::code_names! { @display $ty }
        crate::codes::code_names! { @from_str $ty, $what: $($variant = $name),+ }
    };
}

races! {
    /// An AFCARS 1993 race element (Appendix A element 8), each 1 applies / 0 does not apply
    /// ([`Flag1993`]), with its NDACAN variable name ([`label`](Self::label)).
    Race1993, "1993 race":
        /// American Indian or Alaska Native.
        AmericanIndianOrAlaskaNative = "american_indian_or_alaska_native", "AMIAKN";
        /// Asian.
        Asian = "asian", "ASIAN";
        /// Black or African American.
        BlackOrAfricanAmerican = "black_or_african_american", "BLKAFRAM";
        /// Native Hawaiian or Other Pacific Islander.
        NativeHawaiianOrOtherPacificIslander = "native_hawaiian_or_other_pacific_islander", "HAWAIIPI";
        /// White.
        White = "white", "WHITE";
        /// Unable to determine.
        UnableToDetermine = "unable_to_determine", "UNTODETM";
}

races! {
    /// An AFCARS 2020 race category of the child (45 CFR 1355.44(b)(7)(i)–(viii)), each "yes"
    /// or "no", with the regulation's label ([`label`](Self::label)).
    Race2020, "2020 race":
        /// Race—American Indian or Alaska Native.
        AmericanIndianOrAlaskaNative = "american_indian_or_alaska_native", "American Indian or Alaska Native";
        /// Race—Asian.
        Asian = "asian", "Asian";
        /// Race—Black or African American.
        BlackOrAfricanAmerican = "black_or_african_american", "Black or African American";
        /// Race—Native Hawaiian or Other Pacific Islander.
        NativeHawaiianOrOtherPacificIslander = "native_hawaiian_or_other_pacific_islander", "Native Hawaiian or Other Pacific Islander";
        /// Race—White.
        White = "white", "White";
        /// Race—unknown: the child, parent or legal guardian does not know, or cannot
        /// communicate, the race or at least one race.
        Unknown = "unknown", "unknown";
        /// Race—abandoned: unknown because the child was abandoned.
        Abandoned = "abandoned", "abandoned";
        /// Race—declined: the child, parent or legal guardian declined to identify a race.
        Declined = "declined", "declined";
}

impl Race2020 {
    /// The 1993 race element this category is reported under: the five races as themselves,
    /// and unknown, abandoned and declined as UNTODETM "unable to determine".
    pub const fn race_1993(self) -> Race1993 {
        match self {
            Race2020::AmericanIndianOrAlaskaNative => Race1993::AmericanIndianOrAlaskaNative,
            Race2020::Asian => Race1993::Asian,
            Race2020::BlackOrAfricanAmerican => Race1993::BlackOrAfricanAmerican,
            Race2020::NativeHawaiianOrOtherPacificIslander => {
                Race1993::NativeHawaiianOrOtherPacificIslander
            }
            Race2020::White => Race1993::White,
            Race2020::Unknown | Race2020::Abandoned | Race2020::Declined => {
                Race1993::UnableToDetermine
            }
        }
    }
}

/// The 2020 race categories (45 CFR 1355.44(b)(7)) that are "yes" for a child. A bit set;
/// serialized as the list of names.
///
/// The empty set is race **not recorded**: it is reported as blanks, never as eight "no"s
/// (missing data is not defaulted, 45 CFR 1355.43(d)). A child whose race is not known is
/// recorded as [`Race2020::Unknown`] (or abandoned, or declined), not as the empty set.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Races(u8);

impl Races {
    /// None: not recorded.
    pub const fn none() -> Races {
        Races(0)
    }

    /// The same set with `r`.
    #[must_use]
    pub const fn with(self, r: Race2020) -> Races {
        Races(self.0 | 1 << r as u8)
    }

    /// Whether `r` is "yes".
    pub const fn contains(self, r: Race2020) -> bool {
        self.0 & (1 << r as u8) != 0
    }

    /// Whether none is recorded.
    pub const fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The categories that are "yes", in the regulation's order.
    pub fn iter(self) -> impl Iterator<Item = Race2020> {
        Race2020::ALL
            .iter()
            .copied()
            .filter(move |r| self.contains(*r))
    }

    /// The 2020 answer for category `r`: "yes" (`Some(true)`) or "no" (`Some(false)`), or a
    /// blank (`None`) when no race is recorded.
    pub fn answer(self, r: Race2020) -> Option<bool> {
        (!self.is_empty()).then_some(self.contains(r))
    }

    /// The 1993 value of race element `r` (Appendix A element 8): 1 when a recorded category
    /// is reported under it ([`Race2020::race_1993`]), 0 otherwise, or a blank (`None`) when no
    /// race is recorded.
    pub fn flag_1993(self, r: Race1993) -> Option<Flag1993> {
        (!self.is_empty()).then(|| Flag1993::of(self.iter().any(|c| c.race_1993() == r)))
    }
}

impl FromIterator<Race2020> for Races {
    fn from_iter<I: IntoIterator<Item = Race2020>>(iter: I) -> Self {
        iter.into_iter().fold(Races::none(), Races::with)
    }
}

impl fmt::Debug for Races {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Races {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Races {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let list = <Vec<Race2020>>::deserialize(d)?;
        Ok(list.into_iter().collect())
    }
}

// ------------------------------------------------------------------------------------------------
// Where the placement is, and the families' structure

afcars_codes! {
    /// AFCARS 1993 out-of-state placement (Appendix A element 42, PLACEOUT): whether the current
    /// placement is outside the state. A placement in another country is outside the state.
    OutOfState1993, element "PLACEOUT (1993 element 42)", what "PLACEOUT value", code / from_code:
        /// The current placement is out of state.
        Yes = 1, "yes";
        /// It is in the state.
        No = 2, "no";
}

impl OutOfState1993 {
    /// The value for a placement at `location`: yes out of the state or the country.
    pub const fn from_location(location: Location) -> OutOfState1993 {
        match location {
            Location::InState => OutOfState1993::No,
            Location::OutOfState | Location::OutOfCountry => OutOfState1993::Yes,
        }
    }
}

afcars_codes! {
    /// AFCARS 2020 location of the living arrangement (E121, 45 CFR 1355.44(e)). The codes 1–4
    /// are in the regulation's order; 4 is the value the AFCARS validation requires of a
    /// runaway or whereabouts-unknown arrangement (E120 12 or 13) — verify the numbering against
    /// the current ACF XML schema.
    Location2020, element "E121 location of living arrangement (2020, 45 CFR 1355.44(e))", what "2020 location value", code / from_code:
        /// In the state.
        InState = 1, "in_state";
        /// Out of the state.
        OutOfState = 2, "out_of_state";
        /// Out of the country.
        OutOfCountry = 3, "out_of_country";
        /// The child ran away or the whereabouts are unknown.
        RunawayOrWhereaboutsUnknown = 4, "runaway_or_whereabouts_unknown";
}

impl Location2020 {
    /// The value for a placement in `setting` at `location`: a runaway or whereabouts-unknown
    /// setting is 4 wherever it was recorded, any other the location itself.
    pub fn from_placement(setting: Setting, location: Location) -> Location2020 {
        if setting.is_runaway() {
            return Location2020::RunawayOrWhereaboutsUnknown;
        }
        match location {
            Location::InState => Location2020::InState,
            Location::OutOfState => Location2020::OutOfState,
            Location::OutOfCountry => Location2020::OutOfCountry,
        }
    }

    /// The crate's [`Location`] of the value; `None` for 4 "runaway or whereabouts unknown",
    /// which says where the child is not, not where a placement is.
    pub const fn location(self) -> Option<Location> {
        match self {
            Location2020::InState => Some(Location::InState),
            Location2020::OutOfState => Some(Location::OutOfState),
            Location2020::OutOfCountry => Some(Location::OutOfCountry),
            Location2020::RunawayOrWhereaboutsUnknown => None,
        }
    }
}

afcars_codes! {
    /// AFCARS 1993 caretaker family structure (Appendix A element 44, CTKFAMST): the family the
    /// child was removed from. The crate records the family's members, not their marital
    /// status, so it reads and writes this list for legacy files and does not derive it.
    CaretakerFamilyStructure1993, element "CTKFAMST (1993 element 44)", what "CTKFAMST value", code / from_code:
        /// A married couple.
        MarriedCouple = 1, "married_couple";
        /// An unmarried couple.
        UnmarriedCouple = 2, "unmarried_couple";
        /// A single female.
        SingleFemale = 3, "single_female";
        /// A single male.
        SingleMale = 4, "single_male";
        /// Unable to determine.
        UnableToDetermine = 5, "unable_to_determine";
}

afcars_codes! {
    /// AFCARS 1993 foster family structure (Appendix A element 49, FOSFAMST): the foster
    /// family of the current placement, 0 "not applicable" when the child is not in a foster
    /// family home. Read and written for legacy files, not derived (see
    /// [`CaretakerFamilyStructure1993`]).
    FosterFamilyStructure1993, element "FOSFAMST (1993 element 49)", what "FOSFAMST value", code / from_code:
        /// Not applicable: the child is not in a foster family home.
        NotApplicable = 0, "not_applicable";
        /// A married couple.
        MarriedCouple = 1, "married_couple";
        /// An unmarried couple.
        UnmarriedCouple = 2, "unmarried_couple";
        /// A single female.
        SingleFemale = 3, "single_female";
        /// A single male.
        SingleMale = 4, "single_male";
}

afcars_codes! {
    /// AFCARS 1993 Hispanic or Latino origin (Appendix A element 9, HISORGIN).
    HispanicOrigin1993, element "HISORGIN (1993 element 9)", what "HISORGIN value", code / from_code:
        /// Yes.
        Yes = 1, "yes";
        /// No.
        No = 2, "no";
        /// Unable to determine.
        UnableToDetermine = 3, "unable_to_determine";
}

afcars_codes! {
    /// AFCARS 2020 Hispanic or Latino ethnicity of the child (45 CFR 1355.44(b)(8)). The
    /// regulation names five values; neither implementation this crate follows numbers them, so
    /// the codes 1–5 are this crate's, in the regulation's order — verify against the current
    /// ACF XML schema.
    Ethnicity2020, element "Hispanic or Latino ethnicity (2020, 45 CFR 1355.44(b)(8))", what "2020 ethnicity value", code / from_code:
        /// Yes: Hispanic or Latino.
        Yes = 1, "yes";
        /// No.
        No = 2, "no";
        /// Unknown: the child, parent or legal guardian does not know or cannot communicate it.
        Unknown = 3, "unknown";
        /// Abandoned: unknown because the child was abandoned.
        Abandoned = 4, "abandoned";
        /// Declined: the child, parent or legal guardian refused to identify it.
        Declined = 5, "declined";
}

impl Ethnicity2020 {
    /// The 1993 HISORGIN value: yes and no as themselves; unknown, abandoned and declined as 3
    /// "unable to determine".
    pub const fn hispanic_origin_1993(self) -> HispanicOrigin1993 {
        match self {
            Ethnicity2020::Yes => HispanicOrigin1993::Yes,
            Ethnicity2020::No => HispanicOrigin1993::No,
            Ethnicity2020::Unknown | Ethnicity2020::Abandoned | Ethnicity2020::Declined => {
                HispanicOrigin1993::UnableToDetermine
            }
        }
    }
}
