//! The schemas that no derive can write: the types whose serde is written by hand (a case, the
//! set of circumstances, a discharge, a sensitive value), the 0.1 spelling of a family's
//! license, and the descriptions as plain text.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::case::event::{
    Circumstance, Circumstances, Discharge, Event, Guardianship, GuardianshipAssistance,
};
use crate::case::stage::ExitReason;
use crate::case::{Case, CaseRecord};
use crate::child::Child;
use crate::family::Family;
use crate::id::FamilyId;
use crate::plan::Goal;
use crate::sensitive::Sensitive;

/// A schema's description (its type's or field's documentation) as plain text: up to the first
/// section (`# Examples`, `# Errors`), without code blocks, each paragraph on one line, and each
/// link as its text.
pub(crate) fn plain_description(schema: &mut Schema) {
    let Some(doc) = schema.get("description").and_then(|d| d.as_str()) else {
        return;
    };
    let text = plain(doc);
    if text.is_empty() {
        schema.remove("description");
    } else {
        schema.insert("description".into(), text.into());
    }
}

fn plain(doc: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut paragraph = String::new();
    let mut in_code = false;
    for line in doc.lines().map(str::trim) {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if line.starts_with("# ") {
            break;
        }
        if line.is_empty() {
            if !paragraph.is_empty() {
                paragraphs.push(unlink(&core::mem::take(&mut paragraph)));
            }
            continue;
        }
        if !paragraph.is_empty() {
            let item = line.starts_with("- ") || line.starts_with("| ");
            paragraph.push(if item { '\n' } else { ' ' });
        }
        paragraph.push_str(line);
    }
    if !paragraph.is_empty() {
        paragraphs.push(unlink(&paragraph));
    }
    paragraphs.join("\n\n")
}

/// `[text](target)` as `text`, and ``[`code`]`` (a rustdoc link) as `` `code` ``; code spans
/// as they are.
fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['[', '`']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(code) = rest.strip_prefix('`') {
            let end = code.find('`').map_or(rest.len(), |j| j + 2);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let Some(close) = rest.find(']') else {
            break;
        };
        let label = &rest[1..close];
        let after = &rest[close + 1..];
        if let Some(target) = after.strip_prefix('(')
            && let Some(end) = target.find(')')
        {
            out.push_str(label);
            rest = &target[end + 1..];
        } else if label.len() > 1 && label.starts_with('`') && label.ends_with('`') {
            out.push_str(label);
            rest = after;
        } else {
            out.push('[');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// A sensitive value is the value itself on the wire.
impl<T: JsonSchema> JsonSchema for Sensitive<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// What ids, names and notes may be (besides their length): not empty, no control character, no
/// white space at either end. The characters at the ends are neither a control character
/// (Unicode `Cc`) nor Unicode white space; those inside are not a control character.
pub(crate) const TEXT_PATTERN: &str = concat!(
    "^[^\\u0000-\\u0020\\u007F-\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]",
    "(?:[^\\u0000-\\u001F\\u007F-\\u009F]*",
    "[^\\u0000-\\u0020\\u007F-\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000])?$",
);

/// A family record's `licence`: the 0.1 (British) spelling of `license`, still read (one of the
/// two at most).
pub(crate) fn licence_alias(schema: &mut Schema) {
    let Some(properties) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) else {
        return;
    };
    let Some(mut licence) = properties.get("license").cloned() else {
        return;
    };
    if let Some(l) = licence.as_object_mut() {
        l.insert(
            "description".into(),
            "`license` in its 0.1 (British) spelling, still read.".into(),
        );
        l.insert("deprecated".into(), true.into());
    }
    properties.insert("licence".into(), licence);
    schema.insert(
        "not".into(),
        json_schema!({"required": ["license", "licence"]}).to_value(),
    );
}

/// Goals' `appla`: the documentation, present exactly when a goal is APPLA.
pub(crate) fn appla_documented(schema: &mut Schema) {
    let appla = Goal::Appla.as_str();
    schema.insert(
        "if".into(),
        json_schema!({
            "anyOf": [
                {"properties": {"primary": {"const": appla}}},
                {"properties": {"concurrent": {"const": appla}}, "required": ["concurrent"]},
            ],
        })
        .to_value(),
    );
    schema.insert(
        "then".into(),
        json_schema!({"required": ["appla"], "properties": {"appla": {"type": "object"}}})
            .to_value(),
    );
    schema.insert(
        "else".into(),
        json_schema!({"properties": {"appla": {"type": "null"}}}).to_value(),
    );
}

/// The set is a list of race category names, each at most once (the crate reads a name twice as
/// once).
impl JsonSchema for crate::afcars::Races {
    fn schema_name() -> Cow<'static, str> {
        "Races".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "permanency::afcars::Races".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let item = generator.subschema_for::<crate::afcars::Race2020>();
        let mut schema = json_schema!({
            "description": "The child's race (AFCARS 2020, 45 CFR 1355.44(b)(7)): the names of the categories that apply; absent or empty when not recorded.",
            "type": "array",
            "items": item,
        });
        if generator.contract().is_serialize() {
            schema.insert("uniqueItems".into(), true.into());
        }
        schema
    }
}

/// The set is a list of circumstance names, each at most once (the crate reads a name twice as
/// once).
impl JsonSchema for Circumstances {
    fn schema_name() -> Cow<'static, str> {
        "Circumstances".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "permanency::Circumstances".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let item = generator.subschema_for::<Circumstance>();
        let mut schema = json_schema!({
            "description": "The circumstances at removal (AFCARS 2020 E72–E105): a list of their names.",
            "type": "array",
            "items": item,
        });
        if generator.contract().is_serialize() {
            schema.insert("uniqueItems".into(), true.into());
        }
        schema
    }
}

/// By reason: a name, or an object from the reason to what it needs; the 0.1 reason record when
/// reading.
impl JsonSchema for Discharge {
    fn schema_name() -> Cow<'static, str> {
        "Discharge".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "permanency::Discharge".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let reading = generator.contract().is_deserialize();
        let family = generator.subschema_for::<Option<FamilyId>>();
        let guardianship = generator.subschema_for::<Guardianship>();
        let to_family = json_schema!({
            "type": "object",
            "properties": {"to": family.clone()},
            "additionalProperties": false,
        });
        let by_reason = |reason: ExitReason, needs: &Schema, description: &str| {
            json_schema!({
                "description": description,
                "type": "object",
                "properties": {(reason.as_str()): needs},
                "required": [reason.as_str()],
                "additionalProperties": false,
            })
        };
        // A reunification and a living with relatives are written as objects (`{"reunified":
        // {}}` when no family is recorded) and read from their name too.
        let mut names = Vec::new();
        if reading {
            names.extend([ExitReason::Reunified, ExitReason::LivingWithOtherRelatives]);
        }
        names.extend([
            ExitReason::Emancipated,
            ExitReason::TransferredToAnotherAgency,
            ExitReason::RunawayDischarge,
        ]);
        let mut names: Vec<&str> = names.into_iter().map(ExitReason::as_str).collect();
        // An emancipation by court order, before the age of majority.
        names.insert(names.len() - 2, "emancipated_by_court_order");
        let mut forms = vec![
            json_schema!({
                "description": "A discharge that needs nothing more, by its reason.",
                "type": "string",
                "enum": names,
            }),
            by_reason(
                ExitReason::Reunified,
                &to_family,
                "Reunified with parents or primary caretakers, `to` the family when recorded.",
            ),
            by_reason(
                ExitReason::LivingWithOtherRelatives,
                &to_family,
                "Living with other relatives, `to` their family when recorded.",
            ),
            by_reason(
                ExitReason::Guardianship,
                &guardianship,
                "Legal guardianship: the guardian's family, and any assistance agreement.",
            ),
        ];
        if reading {
            let assistance = generator.subschema_for::<GuardianshipAssistance>();
            let reasons: Vec<&str> = [
                ExitReason::Reunified,
                ExitReason::LivingWithOtherRelatives,
                ExitReason::Emancipated,
                ExitReason::Guardianship,
                ExitReason::TransferredToAnotherAgency,
                ExitReason::RunawayDischarge,
            ]
            .into_iter()
            .map(ExitReason::as_str)
            .collect();
            let guardianship = ExitReason::Guardianship.as_str();
            forms.push(json_schema!({
                "description": "The 0.1 form, still read: a reason record. A guardianship names its guardian `to`; kinship assistance goes only with a guardianship.",
                "deprecated": true,
                "type": "object",
                "properties": {
                    "reason": {"type": "string", "enum": reasons},
                    "to": family,
                    "assistance": assistance,
                },
                "required": ["reason"],
                "additionalProperties": false,
                "allOf": [
                    {
                        "if": {"properties": {"reason": {"const": guardianship}}},
                        "then": {"required": ["to"], "properties": {"to": {"type": "string"}}},
                    },
                    {
                        "if": {
                            "properties": {"assistance": {"const": "kinship"}},
                            "required": ["assistance"],
                        },
                        "then": {"properties": {"reason": {"const": guardianship}}},
                    },
                ],
            }));
        }
        json_schema!({
            "description": "A discharge from foster care, by its reason, with what that exit needs. Adoption and death are events of their own.",
            "oneOf": forms,
        })
    }
}

/// A case is read as its record and written as one.
impl JsonSchema for Case {
    fn schema_name() -> Cow<'static, str> {
        "Case".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "permanency::Case".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let reading = generator.contract().is_deserialize();
        let mut child = generator.subschema_for::<Child>();
        child.insert("description".into(), "The child.".into());
        let mut families = generator.subschema_for::<Vec<Family>>();
        families.insert(
            "description".into(),
            "The families known when the case opened.".into(),
        );
        let mut events = generator.subschema_for::<Vec<Event>>();
        events.insert(
            "description".into(),
            "The history, in date order: replayed on reading, so that an invalid one is refused."
                .into(),
        );
        let mut policy = generator.subschema_for::<crate::Policy>();
        policy.insert(
            "description".into(),
            "The policy the history was accepted under, when not the federal one: reading the case replays under it.".into(),
        );
        let format = if reading {
            json_schema!({
                "description": "The version of the wire format; left out in the 0.1 format.",
                "type": "integer",
                "minimum": 1,
                "maximum": crate::WIRE_FORMAT,
            })
        } else {
            json_schema!({
                "description": "The version of the wire format.",
                "const": crate::WIRE_FORMAT,
            })
        };
        let required = if reading {
            vec!["child"]
        } else {
            vec!["format", "child", "families", "events"]
        };
        if reading {
            // Both may be left out: no family, no event.
            families.insert("default".into(), Vec::<bool>::new().into());
            events.insert("default".into(), Vec::<bool>::new().into());
        }
        json_schema!({
            "description": "A child's case as it travels: the child, the families known when the case opened, and the events.",
            "type": "object",
            "properties": {
                "format": format,
                "policy": policy,
                "child": child,
                "families": families,
                "events": events,
            },
            "required": required,
            "additionalProperties": false,
        })
    }
}

/// The same document as a [`Case`].
impl JsonSchema for CaseRecord {
    fn schema_name() -> Cow<'static, str> {
        "CaseRecord".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "permanency::CaseRecord".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        <Case as JsonSchema>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn documentation_becomes_plain_text() {
        let doc = "A value that identifies a person, see [`Sensitive`](crate::Sensitive) and\n[`Name`]: it prints as `[redacted]`.\n\n- one\n- two\n  wrapped\n\n```\nlet x = 1;\n```\n\n# Examples\n\nnot this";
        assert_eq!(
            plain(doc),
            "A value that identifies a person, see `Sensitive` and `Name`: it prints as `[redacted]`.\n\n- one\n- two wrapped"
        );
        assert_eq!(
            plain("[the manual](crate::manual#open-readings) [x] `a"),
            "the manual [x] `a"
        );
    }
}
