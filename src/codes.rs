//! The conventional traits of the crate's code lists (field-less enums such as [`Sex`](crate::Sex),
//! [`Goal`](crate::Goal) or the [`Policy`](crate::Policy) switches), generated from one list per
//! enum by [`code_names!`]: `ALL`, `as_str`, `Display` (the wire name) and `FromStr` (reads the
//! wire name exactly: no case folding, no trimming), whose error is [`ParseCodeError`].

use core::fmt;

/// A name that is not one of a code list's names.
///
/// The message says which list and which names it accepts, e.g. `unknown sex, expected one of
/// female, male, unknown`. Like every error of the crate it never repeats the text that was
/// given: a mistyped field of a child's record may hold anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseCodeError {
    what: &'static str,
    expected: &'static [&'static str],
}

impl ParseCodeError {
    /// The error for list `what` (e.g. `"sex"`), which accepts the names `expected`.
    pub(crate) const fn new(what: &'static str, expected: &'static [&'static str]) -> Self {
        ParseCodeError { what, expected }
    }

    /// Which list the name was looked up in, e.g. `"sex"`.
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The names that list accepts, in its order.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl fmt::Display for ParseCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {}, expected one of ", self.what)?;
        for (i, name) in self.expected.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(name)?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseCodeError {}

/// Generates the conventional items of a field-less enum from its one list of
/// `Variant = "wire_name"` pairs.
///
/// - `code_names! { Type, "what": A = "a", B = "b" }` gives `Type::ALL` (declaration order),
///   `Type::as_str` (an exhaustive match, so a variant missing from the list does not compile),
///   `Display` and `FromStr`. `"what"` names the list in [`ParseCodeError`]'s message.
/// - `code_names! { @display Type }` gives `Display` from an existing `as_str`.
/// - `code_names! { @from_str Type, "what": A = "a", B = "b" }` gives `FromStr` alone, for the
///   enums whose own macro already declares `ALL` and `as_str` from the same rows.
/// - `code_names! { @serde Type, Other }` gives `serde::Serialize` (the wire name, a string)
///   and `serde::Deserialize` (through `FromStr`, refusing other names with serde's
///   `unknown variant` error) under feature `serde`, for enums without serde derives.
macro_rules! code_names {
    (@display $ty:ident) => {
        impl ::core::fmt::Display for $ty {
            /// The wire name ([`as_str`](Self::as_str)).
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
    (@from_str $ty:ident, $what:literal: $($variant:ident = $name:literal),+ $(,)?) => {
        impl ::core::str::FromStr for $ty {
            type Err = $crate::codes::ParseCodeError;

            /// Reads the wire name ([`as_str`](Self::as_str)), exactly.
            fn from_str(s: &str) -> ::core::result::Result<Self, Self::Err> {
                match s {
                    $($name => Ok($ty::$variant),)+
                    _ => Err($crate::codes::ParseCodeError::new($what, &[$($name),+])),
                }
            }
        }
    };
    (@serde $($ty:ident),+ $(,)?) => {
        $(
            #[cfg(feature = "serde")]
            impl ::serde::Serialize for $ty {
                fn serialize<S: ::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }

            #[cfg(feature = "serde")]
            impl<'de> ::serde::Deserialize<'de> for $ty {
                fn deserialize<D: ::serde::Deserializer<'de>>(
                    deserializer: D,
                ) -> ::core::result::Result<Self, D::Error> {
                    struct Visitor;
                    impl ::serde::de::Visitor<'_> for Visitor {
                        type Value = $ty;
                        fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                            f.write_str(concat!("the name of a ", stringify!($ty)))
                        }
                        fn visit_str<E: ::serde::de::Error>(self, v: &str) -> ::core::result::Result<$ty, E> {
                            v.parse::<$ty>()
                                .map_err(|e| E::unknown_variant(v, e.expected()))
                        }
                    }
                    deserializer.deserialize_str(Visitor)
                }
            }
        )+
    };
    ($ty:ident, $what:literal: $($variant:ident = $name:literal),+ $(,)?) => {
        impl $ty {
            #[doc = concat!("Every [`", stringify!($ty), "`], in declaration order.")]
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The snake_case name, as on the wire.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }
        }

        $crate::codes::code_names! { @display $ty }
        $crate::codes::code_names! { @from_str $ty, $what: $($variant = $name),+ }
    };
}
pub(crate) use code_names;

#[cfg(test)]
mod tests {
    use super::*;
    use core::fmt::{Debug, Display};
    use core::str::FromStr;
    use std::collections::HashSet;

    use crate::afcars::*;
    use crate::case::event::*;
    use crate::case::stage::{ExitReason, StageKind};
    use crate::date::{LeapDayBirthday, MonthEnd};
    use crate::family::{FamilyKind, LicenseStatus, Relationship};
    use crate::placement::{EndReason, Location, Setting, SpecifiedSetting};
    use crate::plan::Goal;
    use crate::policy::*;
    use crate::rule::RuleId;
    use crate::timeline::{ObligationKind, Waiver};

    /// The snake_case spelling of a CamelCase name: what `rename_all = "snake_case"` gives.
    fn snake_case(camel: &str) -> String {
        let mut out = String::new();
        for (i, c) in camel.chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            } else {
                out.push(c);
            }
        }
        out
    }

    /// Every member of `all` round-trips through its name, `Display` is the name, names are
    /// unique, and an unknown name is refused with the list's names and without the input.
    fn check<T>(all: &[T], as_str: fn(T) -> &'static str, snake: bool)
    where
        T: Copy + Debug + Display + PartialEq + FromStr<Err = ParseCodeError>,
    {
        assert!(!all.is_empty());
        let mut names = HashSet::new();
        for &x in all {
            let name = as_str(x);
            assert_eq!(name.parse::<T>(), Ok(x), "{x:?}");
            assert_eq!(x.to_string(), name, "{x:?}");
            assert!(names.insert(name), "{x:?}: name repeated");
            if snake {
                assert_eq!(name, snake_case(&format!("{x:?}")), "{x:?}");
            }
        }
        let e = "Jane Doe\n".parse::<T>().unwrap_err();
        let message = e.to_string();
        assert!(!message.contains("Jane"), "{message}");
        assert!(
            message.starts_with(&format!("unknown {}, expected one of ", e.what())),
            "{message}"
        );
        for &x in all {
            assert!(e.expected().contains(&as_str(x)), "{x:?} not in {message}");
        }
        // Names are exact: no case folding, no trimming.
        let first = as_str(all[0]);
        assert!(format!(" {first}").parse::<T>().is_err());
        assert!(first.to_uppercase().parse::<T>().is_err());
    }

    /// Every code list of the public API, with its `ALL` and `as_str`.
    macro_rules! every_code_list {
        ($m:ident) => {
            $m!(
                Sex,
                Location,
                SpecifiedSetting,
                EndReason,
                Setting,
                Waiver,
                ObligationKind,
                RuleId,
                EventKind,
                Candidacy,
                Manner,
                Circumstance,
                PreventionEfforts,
                Determination,
                AggravatedGround,
                QrtpAssessment,
                TprException,
                GuardianshipAssistance,
                Whereabouts,
                Relationship,
                FamilyKind,
                LicenseStatus,
                Goal,
                MonthEnd,
                LeapDayBirthday,
                ExitReason,
                DefcRule,
                ReviewAnchor,
                EpisodeStart,
                MonthCounting,
                OverlongVisitExit,
                HearingRhythm,
                DetentionTime,
                KinshipClock,
                PreventionRenewal,
                RelativeCareException,
                Flag1993,
                PlacementSetting1993,
                FosterHomeType,
                OtherLivingArrangement2020,
                CaseGoal1993,
                PermanencyPlan2020,
                ExitReason1993,
                ExitReason2020,
                Manner1993,
                RemovalReason1993,
                SexCode,
                Race1993,
                Race2020,
                HispanicOrigin1993,
                Ethnicity2020,
                ParentRole,
            )
        };
    }
    use crate::child::Sex;

    #[test]
    fn every_code_list_round_trips_its_names() {
        macro_rules! run {
            ($($ty:ident),+ $(,)?) => {
                $(check($ty::ALL, $ty::as_str, true);)+
            };
        }
        every_code_list!(run);
        // Stage kinds print their CamelCase name; both it and the wire name parse.
        check(StageKind::ALL, StageKind::as_str, false);
        for &k in StageKind::ALL {
            assert_eq!(k.wire_name().parse::<StageKind>(), Ok(k));
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn the_wire_name_is_the_display_name() {
        fn ser<T: Copy + Debug + Display + serde::Serialize>(all: &[T]) {
            for &x in all {
                assert_eq!(
                    serde_json::to_string(&x).unwrap(),
                    format!("\"{x}\""),
                    "{x:?}"
                );
            }
        }
        fn de<T>(all: &[T])
        where
            T: Copy + Debug + Display + PartialEq + serde::de::DeserializeOwned,
        {
            for &x in all {
                let back: T = serde_json::from_str(&format!("\"{x}\"")).unwrap();
                assert_eq!(back, x);
            }
        }
        macro_rules! run {
            ($($ty:ident),+ $(,)?) => {
                $(ser($ty::ALL);)+
            };
        }
        every_code_list!(run);
        macro_rules! run_de {
            ($($ty:ident),+ $(,)?) => {
                $(de($ty::ALL);)+
            };
        }
        // Every list but the two that only serialize (obligations are output).
        run_de!(
            Sex,
            Location,
            SpecifiedSetting,
            EndReason,
            Setting,
            RuleId,
            EventKind,
            Candidacy,
            Manner,
            Circumstance,
            PreventionEfforts,
            Determination,
            AggravatedGround,
            QrtpAssessment,
            TprException,
            GuardianshipAssistance,
            Whereabouts,
            Relationship,
            FamilyKind,
            LicenseStatus,
            Goal,
            MonthEnd,
            LeapDayBirthday,
            ExitReason,
            DefcRule,
            ReviewAnchor,
            EpisodeStart,
            MonthCounting,
            OverlongVisitExit,
            HearingRhythm,
            DetentionTime,
            KinshipClock,
            PreventionRenewal,
            RelativeCareException,
            Flag1993,
            PlacementSetting1993,
            FosterHomeType,
            OtherLivingArrangement2020,
            CaseGoal1993,
            PermanencyPlan2020,
            ExitReason1993,
            ExitReason2020,
            Manner1993,
            RemovalReason1993,
            SexCode,
            Race1993,
            Race2020,
            HispanicOrigin1993,
            Ethnicity2020,
            ParentRole,
        );
        // The hand-written serde of the policy switches refuses like a derived one.
        let e = serde_json::from_str::<DefcRule>("\"later\"").unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown variant `later`, expected `earlier_of_finding_or_removal_plus_days` or \
             `removal_date` at line 1 column 7"
        );
        assert!(serde_json::from_str::<DefcRule>("3").is_err());
    }

    #[test]
    fn the_message_lists_the_names_and_never_the_input() {
        let e = ParseCodeError::new("sex", &["female", "male", "unknown"]);
        assert_eq!(
            e.to_string(),
            "unknown sex, expected one of female, male, unknown"
        );
        assert_eq!((e.what(), e.expected().len()), ("sex", 3));
        let _: &dyn std::error::Error = &e;
    }
}
