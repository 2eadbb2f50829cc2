//! The Indian Child Welfare Act's refusals (25 U.S.C. 1913): only what the Act makes invalid.
//!
//! A consent given before or within 10 days after the child's birth "shall not be valid"
//! (§1913(a)): it is refused, and so is a relinquishment of an Indian child's parent dated then,
//! which would give it effect; and so is a determination that ICWA applies while such a consent
//! stands in the history, whichever was entered first. A withdrawal names a consent given and not yet withdrawn; a
//! consent to a termination or an adoption can be withdrawn only before the final decree
//! (§1913(c)). Everything else the Act requires of an order (active efforts, a qualified expert
//! witness, the standard of evidence) is reported by the clocks, never refused: the order was
//! made, and is open to invalidation (§1914).

use super::{Check, Objection, Rule, RuleId, Subject};
use crate::case::event::EventData;
use crate::icwa::ConsentTo;

/// The days after birth within which a consent is not valid: a consent on the 10th day after
/// birth is refused, one on the 11th accepted (25 U.S.C. 1913(a): "within ten days after").
pub(crate) const CONSENT_INVALID_DAYS: i64 = 10;

/// A consent (or a relinquishment) of an Indian child's parent dated before or within 10 days
/// after the child's birth. Born 2024-03-01: 2024-03-11 is 10 days after (refused), 2024-03-12
/// is 11 days after (accepted). The message never states the birth date or the count of days.
/// For a determination of the child's status, see `no_early_consent_standing`.
pub(crate) fn consent_too_early(c: &Check<'_>) -> Option<Objection> {
    let (person, what) = match c.event.what() {
        EventData::IcwaConsent(consent) => (&consent.person, "a consent"),
        EventData::ParentalRightsRelinquished { parent } => (parent, "a relinquishment"),
        EventData::IcwaStatusDetermined(_) => return no_early_consent_standing(c),
        _ => return None,
    };
    let date = c.event.date();
    if !c.case.indian_child_status_on(date).icwa_applies() {
        return None;
    }
    let born = *c.case.child().date_of_birth().expose();
    ((date - born).num_days() <= CONSENT_INVALID_DAYS).then(|| {
        Objection::new(format!(
            "{what} given before or within 10 days after the Indian child's birth is not valid and cannot end a parent's rights (25 U.S.C. 1913(a)); a consent may be given from the 11th day after birth"
        ))
        .about(Subject::Person(person.clone()))
    })
}

/// A determination that ICWA applies (an Indian child, or reason to know one) while a consent or
/// relinquishment dated before or within 10 days after the birth stands in the history: the Act
/// makes that consent invalid (§1913(a)) whenever the child's status comes to light, so the
/// determination is refused until the consent is corrected (voided, or withdrawn), and the
/// history cannot hold, in either order of entry, an Indian child whose parent's rights ended by
/// an invalid consent. The message names the parent, never the birth date or the days.
fn no_early_consent_standing(c: &Check<'_>) -> Option<Objection> {
    let EventData::IcwaStatusDetermined(status) = c.event.what() else {
        return None;
    };
    if !status.icwa_applies() {
        return None;
    }
    let born = *c.case.child().date_of_birth().expose();
    let early = |d: chrono::NaiveDate| (d - born).num_days() <= CONSENT_INVALID_DAYS;
    let events = c.case.events();
    let mut objection: Option<Objection> = None;
    for (i, e) in events.iter().enumerate() {
        if !early(e.date()) {
            // The history is by date: nothing later is early.
            break;
        }
        let person = match e.what() {
            EventData::IcwaConsent(x) if standing_consent(c, &x.person, x.to) == Some(i) => {
                &x.person
            }
            EventData::ParentalRightsRelinquished { parent }
                if c.case.parental_rights(parent)
                    == crate::case::facts::ParentalRights::Relinquished(e.date()) =>
            {
                parent
            }
            _ => continue,
        };
        let o = objection.take().unwrap_or_else(|| {
            Objection::new(
                "ICWA applies to the child, and a consent or relinquishment given before or within 10 days after the birth stands in the history: it is not valid and cannot end a parent's rights (25 U.S.C. 1913(a)); correct it before recording the determination".to_owned(),
            )
        });
        objection = Some(o.about(Subject::Person(person.clone())));
    }
    objection
}

/// The index of `person`'s consent to `to` that stands before the event: the last given, when
/// not withdrawn since.
fn standing_consent(c: &Check<'_>, person: &crate::PersonId, to: ConsentTo) -> Option<usize> {
    let mut stands = None;
    for (i, e) in c.case.events().iter().enumerate() {
        match e.what() {
            EventData::IcwaConsent(x) if x.person == *person && x.to == to => stands = Some(i),
            EventData::IcwaConsentWithdrawn(x) if x.person == *person && x.to == to => {
                stands = None;
            }
            _ => {}
        }
    }
    stands
}

fn withdrawal<'a>(c: &Check<'a>) -> Option<&'a crate::icwa::ConsentWithdrawal> {
    match c.event.what() {
        EventData::IcwaConsentWithdrawn(w) => Some(w),
        _ => None,
    }
}

/// A withdrawal names a consent the person gave and has not withdrawn.
pub(crate) fn consent_given(c: &Check<'_>) -> Option<Objection> {
    let w = withdrawal(c)?;
    standing_consent(c, &w.person, w.to).is_none().then(|| {
        Objection::new(format!(
            "person {} has no consent to {} to withdraw",
            w.person,
            w.to.as_str().replace('_', " ")
        ))
        .about(Subject::Person(w.person.clone()))
    })
}

/// A consent to a termination or an adoption is withdrawn only before the final decree of
/// adoption that followed it (§1913(c)); after it, only a petition to vacate the decree for
/// fraud or duress (§1913(d)), which this crate does not record.
pub(crate) fn before_decree(c: &Check<'_>) -> Option<Objection> {
    let w = withdrawal(c)?;
    if !w.to.ends_at_decree() {
        return None;
    }
    let given = standing_consent(c, &w.person, w.to)?;
    // "Prior to the entry of a final decree of termination or adoption, as the case may be": a
    // consent to a termination ends at the decree ending this parent's rights, or at an adoption.
    let (decree, of) = c.case.events()[given..]
        .iter()
        .find_map(|e| match e.what() {
            EventData::AdoptionFinalized => Some((e.date(), "adoption")),
            EventData::ParentalRightsTerminated { parent }
                if w.to == ConsentTo::Termination && *parent == w.person =>
            {
                Some((e.date(), "termination"))
            }
            _ => None,
        })?;
    Some(
        Objection::new(format!(
            "a consent to {} may be withdrawn only before the final decree of {of}, entered on {decree}",
            w.to.as_str().replace('_', " "),
        ))
        .about(Subject::Person(w.person.clone())),
    )
}

/// At least one additional day. A request for more than the 20 days the Act grants (§1912(a))
/// was made all the same: it is recorded as made, and the clocks add at most 20.
pub(crate) fn additional_time(c: &Check<'_>) -> Option<Objection> {
    let EventData::IcwaAdditionalTime { days } = c.event.what() else {
        return None;
    };
    (*days == 0).then(|| {
        Objection::new(
            "a request for additional days to prepare (25 U.S.C. 1912(a)) asks for at least one, found 0".to_owned(),
        )
    })
}

/// A home assessment or a good-cause finding names a placement of the case.
pub(crate) fn placement_known(c: &Check<'_>) -> Option<Objection> {
    let id = match c.event.what() {
        EventData::IcwaHomeAssessed { placement, .. } | EventData::IcwaGoodCause { placement } => {
            placement
        }
        _ => return None,
    };
    c.case.placement(id).is_none().then(|| {
        Objection::new(format!("placement {id} is not a placement of the case"))
            .about(Subject::Placement(id.clone()))
    })
}

/// No consent within 10 days of birth, nor a determination that ICWA applies over one.
pub(crate) const CONSENT_TOO_EARLY: Rule =
    Rule::one(RuleId::IcwaConsentTooEarly, consent_too_early);
/// A withdrawal needs a consent.
pub(crate) const CONSENT_GIVEN: Rule = Rule::one(RuleId::IcwaConsentNotGiven, consent_given);
/// A consent to a termination or an adoption is withdrawn before the final decree of
/// termination or adoption, as the case may be.
pub(crate) const BEFORE_DECREE: Rule = Rule::one(RuleId::IcwaWithdrawalAfterDecree, before_decree);

/// At least one additional day.
pub(crate) const ADDITIONAL_TIME: Rule =
    Rule::one(RuleId::IcwaAdditionalTimeLimit, additional_time);

/// A record names a placement of the case.
pub(crate) const PLACEMENT_KNOWN: Rule = Rule::one(RuleId::IcwaPlacementUnknown, placement_known);

/// The rules of a record about a placement.
pub(crate) const ABOUT_PLACEMENT: &[Rule] = &[PLACEMENT_KNOWN];
/// The rules of a request for additional time.
pub(crate) const EXTENSION: &[Rule] = &[ADDITIONAL_TIME];
/// The rules of a consent.
pub(crate) const CONSENT: &[Rule] = &[CONSENT_TOO_EARLY];
/// The rules of a determination of the child's status.
pub(crate) const STATUS: &[Rule] = &[CONSENT_TOO_EARLY];
/// The rules of a withdrawal.
pub(crate) const WITHDRAWAL: &[Rule] = &[CONSENT_GIVEN, BEFORE_DECREE];

/// Every rule of this family.
#[cfg(test)]
pub(crate) const ALL: &[Rule] = &[
    CONSENT_TOO_EARLY,
    CONSENT_GIVEN,
    BEFORE_DECREE,
    ADDITIONAL_TIME,
    PLACEMENT_KNOWN,
];
