//! [`Child`]: the child whose case it is.

use chrono::NaiveDate;

use crate::afcars::{Ethnicity2020, Races};
use crate::date;
use crate::error::Error;
use crate::id::ChildId;
use crate::policy::Policy;
use crate::sensitive::Sensitive;
use crate::text::{Name, text_type};

/// Sex as the agency recorded it (AFCARS 2020 §1355.44(b)). Missing data stays missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum Sex {
    /// Recorded as female.
    Female,
    /// Recorded as male.
    Male,
    /// Not recorded or not known.
    Unknown,
}

crate::codes::code_names! {
    Sex, "sex": Female = "female", Male = "male", Unknown = "unknown"
}

text_type! {
    /// The name of a federally recognized tribe, as recorded for ICWA: 1 to 200 characters.
    Tribe, field = "tribe", max = 200, expected = "1 to 200 characters without control characters or surrounding white space",
    rules = Line, debug = shown
}

/// Whether the Indian Child Welfare Act applies (25 U.S.C. 1903(4)). It switches removal and TPR
/// standards, active efforts and placement preferences.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(tag = "status", rename_all = "snake_case", try_from = "IcwaRecord")
)]
#[non_exhaustive]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum IndianChildStatus {
    /// An Indian child: a member of a federally recognized tribe, or eligible for membership and
    /// the biological child of a member. The tribe, when known.
    IndianChild {
        /// The tribe, when known: the Indian child's tribe, designated as 25 CFR 23.109 says when
        /// the child is a member of or eligible in more than one.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        tribe: Option<Tribe>,
        /// The other tribes of which the child is a member or eligible for membership: each
        /// receives notice (25 U.S.C. 1912(a); 25 CFR 23.109). Empty when there is one tribe.
        #[cfg_attr(
            feature = "serde",
            serde(default, skip_serializing_if = "Vec::is_empty")
        )]
        other_tribes: Vec<Tribe>,
    },
    /// Inquiry found the child is not an Indian child.
    NotIndianChild,
    /// There is reason to know the child is an Indian child; inquiry is under way. Courts treat
    /// the child as an Indian child until it is settled (25 CFR 23.107(b)).
    ReasonToKnow,
    /// Not yet asked.
    Unknown,
    /// Inquiry was made (25 CFR 23.107(a): the court asks each participant at the start of the
    /// proceeding) and no reason to know has come up yet: the Act's rules are not on. A later
    /// status from the answers (reason to know, or a determination) takes over from its date.
    InquiryMade,
}

/// The wire form of [`IndianChildStatus`]: a record, so that unknown fields are refused for every
/// status (serde ignores them on the unit variants of an internally tagged enum).
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(extend("if" = {"properties": {"status": {"not": {"const": "indian_child"}}}}, "then" = {"properties": {"tribe": {"type": "null"}, "other_tribes": {"maxItems": 0}}})))]
struct IcwaRecord {
    status: IcwaTag,
    #[serde(default)]
    tribe: Option<Tribe>,
    #[serde(default)]
    other_tribes: Vec<Tribe>,
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(inline))]
enum IcwaTag {
    IndianChild,
    NotIndianChild,
    ReasonToKnow,
    Unknown,
    InquiryMade,
}

#[cfg(feature = "serde")]
impl TryFrom<IcwaRecord> for IndianChildStatus {
    type Error = Error;
    fn try_from(r: IcwaRecord) -> Result<Self, Error> {
        let status = match r.status {
            IcwaTag::IndianChild => {
                return Ok(IndianChildStatus::IndianChild {
                    tribe: r.tribe,
                    other_tribes: r.other_tribes,
                });
            }
            IcwaTag::NotIndianChild => IndianChildStatus::NotIndianChild,
            IcwaTag::ReasonToKnow => IndianChildStatus::ReasonToKnow,
            IcwaTag::Unknown => IndianChildStatus::Unknown,
            IcwaTag::InquiryMade => IndianChildStatus::InquiryMade,
        };
        match (r.tribe, r.other_tribes.is_empty()) {
            (None, true) => Ok(status),
            _ => Err(Error::Inconsistent(
                crate::error::Inconsistency::TribeWithoutIndianChild,
            )),
        }
    }
}

impl IndianChildStatus {
    /// An Indian child of `tribes`, the first the Indian child's tribe (25 CFR 23.109), the
    /// others each a tribe in which the child is a member or eligible. None: the tribe unknown.
    ///
    /// ```
    /// use permanency::{IndianChildStatus, Tribe};
    /// let s = IndianChildStatus::indian_child([Tribe::new("Navajo Nation")?, Tribe::new("Hopi Tribe")?]);
    /// assert_eq!(s.tribes().len(), 2);
    /// assert_eq!(s.tribes()[0].as_str(), "Navajo Nation");
    /// assert!(IndianChildStatus::indian_child([]).tribes().is_empty());
    /// # Ok::<(), permanency::Error>(())
    /// ```
    pub fn indian_child(tribes: impl IntoIterator<Item = Tribe>) -> IndianChildStatus {
        let mut it = tribes.into_iter();
        IndianChildStatus::IndianChild {
            tribe: it.next(),
            other_tribes: it.collect(),
        }
    }

    /// The tribes recorded for an Indian child, the Indian child's tribe first; empty for every
    /// other status.
    pub fn tribes(&self) -> Vec<&Tribe> {
        match self {
            IndianChildStatus::IndianChild {
                tribe,
                other_tribes,
            } => tribe.iter().chain(other_tribes).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether ICWA's protections apply now: an Indian child, or reason to know one.
    pub fn icwa_applies(&self) -> bool {
        matches!(
            self,
            IndianChildStatus::IndianChild { .. } | IndianChildStatus::ReasonToKnow
        )
    }
}

/// The child whose case it is.
///
/// Always true of a `Child`: the id is valid, the date of birth lies from 1900 to 2199. The
/// name and the date of birth are [`Sensitive`]: `Debug` and `Display` never show them.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use permanency::{Child, ChildId, Name, Policy, Sex};
///
/// let born = NaiveDate::from_ymd_opt(2015, 4, 2).unwrap();
/// let child = Child::new(ChildId::new("C-1")?, Name::new("Ada Lovelace")?, born, Sex::Female)?;
/// let debug = format!("{child:?}");
/// assert!(!debug.contains("Ada") && !debug.contains("2015"));
/// assert_eq!(child.age_on(NaiveDate::from_ymd_opt(2024, 4, 1).unwrap(), &Policy::federal()), Some(8));
/// # Ok::<(), permanency::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ChildRecord")
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Child {
    id: ChildId,
    name: Sensitive<Name>,
    date_of_birth: Sensitive<NaiveDate>,
    sex: Sex,
    indian_child_status: IndianChildStatus,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Races::is_empty")
    )]
    race: Races,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    ethnicity: Option<Ethnicity2020>,
}

/// The wire form of a [`Child`], validated on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
struct ChildRecord {
    id: ChildId,
    name: Name,
    date_of_birth: NaiveDate,
    sex: Sex,
    indian_child_status: IndianChildStatus,
    #[serde(default)]
    race: Races,
    #[serde(default)]
    ethnicity: Option<Ethnicity2020>,
}

#[cfg(feature = "serde")]
impl TryFrom<ChildRecord> for Child {
    type Error = Error;
    fn try_from(r: ChildRecord) -> Result<Self, Error> {
        let child = Child::new(r.id, r.name, r.date_of_birth, r.sex)?
            .with_indian_child_status(r.indian_child_status)
            .with_race(r.race);
        Ok(match r.ethnicity {
            Some(e) => child.with_ethnicity(e),
            None => child,
        })
    }
}

impl Child {
    /// A child whose ICWA status is [`IndianChildStatus::Unknown`] until set.
    ///
    /// # Errors
    ///
    /// [`Error::DateOutOfRange`] if the date of birth is outside 1900–2199.
    pub fn new(
        id: ChildId,
        name: Name,
        date_of_birth: NaiveDate,
        sex: Sex,
    ) -> Result<Child, Error> {
        date::check_range("date of birth", date_of_birth)?;
        Ok(Child {
            id,
            name: Sensitive::new(name),
            date_of_birth: Sensitive::new(date_of_birth),
            sex,
            indian_child_status: IndianChildStatus::Unknown,
            race: Races::none(),
            ethnicity: None,
        })
    }

    /// The same child with the given ICWA status.
    #[must_use]
    pub fn with_indian_child_status(mut self, status: IndianChildStatus) -> Child {
        self.indian_child_status = status;
        self
    }

    /// The same child with their race as recorded: the AFCARS 2020 categories that apply (45
    /// CFR 1355.44(b)(7); "in general, a child's race is determined by the child, the child's
    /// parent(s) or legal guardian(s)"). [`Races::none`] is not recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use permanency::afcars::{Ethnicity2020, Flag1993, Race1993, Race2020, Races};
    /// use permanency::{Child, ChildId, Name, Sex};
    ///
    /// let born = NaiveDate::from_ymd_opt(2015, 4, 2).unwrap();
    /// let child = Child::new(ChildId::new("C-1")?, Name::new("Ada")?, born, Sex::Female)?;
    /// // Not recorded: blanks, not "no".
    /// assert_eq!(child.race().flag_1993(Race1993::White), None);
    /// assert_eq!(child.ethnicity(), None);
    /// let child = child
    ///     .with_race([Race2020::White, Race2020::Asian].into_iter().collect())
    ///     .with_ethnicity(Ethnicity2020::Yes);
    /// assert_eq!(child.race().flag_1993(Race1993::Asian), Some(Flag1993::Applies));
    /// assert_eq!(child.race().answer(Race2020::BlackOrAfricanAmerican), Some(false));
    /// assert_eq!(child.ethnicity().map(|e| e.hispanic_origin_1993().code()), Some(1));
    /// # Ok::<(), permanency::Error>(())
    /// ```
    #[must_use]
    pub fn with_race(mut self, race: Races) -> Child {
        self.race = race;
        self
    }

    /// The same child with their Hispanic or Latino ethnicity as recorded (45 CFR
    /// 1355.44(b)(8)).
    #[must_use]
    pub fn with_ethnicity(mut self, ethnicity: Ethnicity2020) -> Child {
        self.ethnicity = Some(ethnicity);
        self
    }

    /// The child's id.
    pub fn id(&self) -> &ChildId {
        &self.id
    }

    /// The child's name.
    pub fn name(&self) -> &Sensitive<Name> {
        &self.name
    }

    /// The child's date of birth.
    pub fn date_of_birth(&self) -> Sensitive<NaiveDate> {
        self.date_of_birth
    }

    /// Sex as recorded.
    pub fn sex(&self) -> Sex {
        self.sex
    }

    /// ICWA status.
    pub fn indian_child_status(&self) -> &IndianChildStatus {
        &self.indian_child_status
    }

    /// Race as recorded: the AFCARS 2020 categories that apply, empty when not recorded.
    pub fn race(&self) -> Races {
        self.race
    }

    /// Hispanic or Latino ethnicity as recorded, `None` when not recorded (reported as a blank,
    /// never defaulted: 45 CFR 1355.43(d)).
    pub fn ethnicity(&self) -> Option<Ethnicity2020> {
        self.ethnicity
    }

    /// Age in whole years on `on`, or `None` before birth. A 29 February birthday follows the
    /// policy's [`LeapDayBirthday`](crate::date::LeapDayBirthday).
    pub fn age_on(&self, on: NaiveDate, policy: &Policy) -> Option<u32> {
        date::age_on(*self.date_of_birth.expose(), on, policy.leap_day_birthday())
    }

    /// The date the child attains `years` of age.
    pub fn attains_age(&self, years: u32, policy: &Policy) -> NaiveDate {
        date::attains_age(
            *self.date_of_birth.expose(),
            years,
            policy.leap_day_birthday(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_child_hides_name_and_birth_date() {
        let c = Child::new(
            ChildId::new("C-7").unwrap(),
            Name::new("Zelda Fitz").unwrap(),
            d(2012, 2, 29),
            Sex::Unknown,
        )
        .unwrap()
        .with_indian_child_status(IndianChildStatus::ReasonToKnow);
        let s = format!("{c:?} {c:#?}");
        assert!(
            !s.contains("Zelda") && !s.contains("2012") && !s.contains("02-29"),
            "{s}"
        );
        assert!(s.contains("C-7"));
        assert!(c.indian_child_status().icwa_applies());
        // Leap-day birth: 16 on 2028-02-29 (a leap year) under either convention.
        assert_eq!(c.attains_age(16, &Policy::federal()), d(2028, 2, 29));
        // 18 in 2030, a common year: 02-28 by default, 03-01 by the other convention.
        assert_eq!(c.attains_age(18, &Policy::federal()), d(2030, 2, 28));
        let march = Policy::federal().with_leap_day_birthday(date::LeapDayBirthday::March1);
        assert_eq!(c.attains_age(18, &march), d(2030, 3, 1));
        assert_eq!(c.age_on(d(2012, 2, 28), &Policy::federal()), None);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn icwa_status_refuses_unknown_fields_and_stray_tribes() {
        let parse = |s: &str| serde_json::from_str::<IndianChildStatus>(s);
        assert_eq!(
            parse(r#"{"status":"reason_to_know"}"#).unwrap(),
            IndianChildStatus::ReasonToKnow
        );
        let tribe = Tribe::new("Navajo Nation").unwrap();
        assert_eq!(
            parse(r#"{"status":"indian_child","tribe":"Navajo Nation"}"#).unwrap(),
            IndianChildStatus::indian_child([tribe])
        );
        let e = parse(r#"{"status":"not_indian_child","foo":1}"#)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("unknown field `foo`"), "{e}");
        let e = parse(r#"{"status":"unknown","tribe":"Navajo Nation"}"#)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with(
                "indian child status: expected a tribe only with the indian_child status"
            ),
            "{e}"
        );
    }

    #[test]
    fn birth_date_out_of_range_is_refused_without_echoing_it() {
        let e = Child::new(
            ChildId::new("C-8").unwrap(),
            Name::new("A").unwrap(),
            d(1850, 1, 1),
            Sex::Male,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid date of birth: expected a date from 1900-01-01 to 2199-12-31, found one outside that range"
        );
    }
}
