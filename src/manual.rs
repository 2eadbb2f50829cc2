//! The manual: how the crate reads the law, what it leaves to a state, and where each rule
//! comes from. Nothing here is code; it is what a developer or analyst needs to explain a result.
//!
//! # Citations
//!
//! - "SSA §475(5)(E)" is Social Security Act section 475(5)(E), that is 42 U.S.C. 675(5)(E).
//!   Title IV-E is SSA §§470–479B (42 U.S.C. 670–679c); title IV-B subpart 1 is §§421–428.
//! - "45 CFR" is title 45 of the Code of Federal Regulations: part 1355 (general, AFCARS, CFSR)
//!   and part 1356 (title IV-E requirements).
//! - "25 CFR 23" is the Interior Department's ICWA regulation (81 FR 38778, in force from
//!   2016-12-12); ICWA itself is 25 U.S.C. 1901–1963.
//! - "CWPM" is the Children's Bureau's Child Welfare Policy Manual, by section.
//! - The public laws: ASFA (P.L. 105-89, 1997), Fostering Connections (P.L. 110-351, 2008),
//!   the Preventing Sex Trafficking and Strengthening Families Act (P.L. 113-183, 2014; the
//!   APPLA age floor of 16 from 2015-09-29), Family First (P.L. 115-123, 2018).
//!
//! Every [`RuleId`](crate::RuleId) carries its citation ([`RuleId::citation`](crate::RuleId::citation)),
//! and every violation and obligation repeats it.
//!
//! # Dates
//!
//! Federal text says "within 60 days of", "no later than 12 months after", "by the end of the
//! fifteenth month" without defining how days are counted. The crate counts them one way,
//! everywhere ([`crate::date`] implements each):
//!
//! | phrase | computation | example |
//! |---|---|---|
//! | within N days of E | E + N calendar days, the last day inclusive | removal 2023-01-10, 60 days: 2023-03-11 |
//! | N months after E | E + N calendar months; a day the target month lacks becomes its last day | 2024-02-29 + 12 months: 2025-02-28 |
//! | by the end of the Nth month | (E + N months) − 1 day | DEFC 2023-02-20: the 15th month ends 2024-05-19 |
//! | the first N days of a placement | E … E + N − 1 | 2023-05-01: the first 180 days end 2023-10-27 |
//! | a 12-month period beginning on D | D … (D + 12 months) − 1 day | 2024-02-10: through 2025-02-09 |
//! | attained age N | the Nth birthday | born 2008-09-30: 16 on 2024-09-30 |
//! | days in care | the half-open interval [start, end): end − start | entry 03-01, exit 03-08: 7 days |
//!
//! Dates run from 1900-01-01 to 2199-12-31; anything else is refused where it enters the crate.
//! An exit date is the first day out of care.
//!
//! # When an obligation is due
//!
//! [`Obligation::due`](crate::timeline::Obligation::due) is the last date on which the event that
//! meets the obligation may be dated and still be on time: the last day for a finding "within 60
//! days"; for a "must be out by" clock (a trial home visit, a two-week congregate-care stay, the
//! QRTP transition, a prevention period), the day the child must be back or out.
//!
//! # Open readings
//!
//! Where the law leaves room, [`Policy::federal`](crate::Policy::federal) takes the common
//! reading and the alternative is a switch of [`Policy`](crate::Policy); every computation that
//! meets the point honours it.
//!
//! | point | default | alternative | switch |
//! |---|---|---|---|
//! | N months after a day the target month lacks | the month's last day (never later than a literal reading) | the first of the next month | [`MonthEnd`](crate::date::MonthEnd) |
//! | a 29 February birthday in a common year | 28 February | 1 March | [`LeapDayBirthday`](crate::date::LeapDayBirthday) |
//! | DEFC | the earlier of the first abuse or neglect adjudication and removal + 60 days (SSA §475(5)(F)) | the removal date, which an agency may use | [`DefcRule`](crate::policy::DefcRule) |
//! | the anchor of the 6-monthly periodic review (SSA §475(5)(B) fixes none) | the removal, then each review held | DEFC | [`ReviewAnchor`](crate::policy::ReviewAnchor) |
//! | the next permanency hearing (SSA §475(5)(C): "not less frequently than every 12 months") | 12 months after the last one held | a fixed schedule from DEFC | [`HearingRhythm`](crate::policy::HearingRhythm) |
//! | the start of a later episode in the 15-of-22 count | that episode's DEFC | its removal date | [`EpisodeStart`](crate::policy::EpisodeStart) |
//! | how partial months add up to 15 (45 CFR 1356.21(i)) | whole calendar months per stretch, leftover days summed by 30 | 30-day months; 30.4375-day months | [`MonthCounting`](crate::policy::MonthCounting) |
//! | juvenile-justice days while the agency keeps responsibility | counted | excluded | [`DetentionTime`](crate::policy::DetentionTime) |
//! | when an over-long trial home visit ends the episode (45 CFR 1356.21(e) states only the re-entry) | the first day beyond the limit | the first day of the visit | [`OverlongVisitExit`](crate::policy::OverlongVisitExit) |
//! | months in a relative's home toward kinship guardianship assistance | months under a license in force | every month in the home once licensed | [`KinshipClock`](crate::policy::KinshipClock) |
//! | a new prevention plan and the Family First 12-month period | each candidacy opens a period | only the first | [`PreventionRenewal`](crate::policy::PreventionRenewal) |
//! | the relative-care exception to 15 of 22 ("at the option of the State") | used | not used | [`RelativeCareException`](crate::policy::RelativeCareException) |
//!
//! # Trial home visits
//!
//! A visit may last 6 months unless a court orders a longer one (45 CFR 1356.21(e); CWPM
//! 8.3C.5). Of several orders, the latest made governs — a later order replaces an earlier one,
//! whether it ends the visit sooner or later — but no order shortens the visit below the
//! 6 months after which the federal consequence attaches. The guards, the episode's fold and the
//! clock read the same order.
//!
//! # Counting placement moves
//!
//! [`Case::placement_moves`](crate::Case::placement_moves) counts settings the AFCARS way
//! (CWPM 1.2B.7): the first placement is not a move; trial home visits and runaways are not
//! settings; a change of the same family's license is not a move.
//!
//! # The wire format
//!
//! Every type serializes with serde (feature `serde`, on by default) in one JSON form: field and
//! variant names in `snake_case`, dates as ISO-8601 `YYYY-MM-DD`, a missing optional value left
//! out, unknown fields refused on input, and every value read through the same checks as its
//! constructor. Names are stable: a new version adds an alias, never renames. An event is its
//! date and what happened, the kind as the key:
//!
//! ```json
//! {"date": "2024-01-10", "what": {"removal": {"manner": "court_order", "from": "F-1"}}}
//! {"date": "2024-01-10", "what": {"placement_begun": {"id": "PL-1", "setting": "non_relative_foster_home", "caregiver": "F-2"}}}
//! {"date": "2024-07-01", "what": "periodic_review"}
//! {"date": "2024-09-16", "what": {"discharge": {"reunified": {"to": "F-1"}}}}
//! ```
//!
//! A case is its format version ([`WIRE_FORMAT`](crate::WIRE_FORMAT)), the policy it was accepted
//! under when not the federal one, the child, the families known at opening, and the history:
//!
//! ```json
//! {
//!   "format": 2,
//!   "child": {"id": "C-7", "name": "…", "date_of_birth": "2017-03-02", "sex": "female",
//!             "indian_child_status": {"status": "not_indian_child"}},
//!   "families": [{"id": "F-1", "kind": "birth", "members": [{"person": {"id": "P-1", "name": "…"},
//!                 "relationship": "mother", "legal_parent": true, "caregiver": true}]}],
//!   "events": [{"date": "2024-01-10", "what": {"removal": {"manner": "court_order"}}}]
//! }
//! ```
//!
//! Reading a case replays its history (under the policy it names), so an invalid history does not
//! load. A record without `format` is read as the 0.1 format: its discharge record
//! (`{"reason", "to", "assistance"}`), its runaways and trial home visits written as placements,
//! and `licence` still load, and are written back in the current form. With feature `json`,
//! [`json::from_str`](crate::json) reads any type with errors that give the field's path and
//! never a value; with feature `schemars`, the JSON Schema of every type is generated from the
//! same declarations.
//!
//! Outputs serialize too, and read back: a [`Rejection`](crate::Rejection) with every
//! [`Violation`](crate::Violation) (rule, message, citation, subjects), an
//! [`Obligation`](crate::timeline::Obligation) with its rule and citation. For tables,
//! [`Obligation::row`](crate::timeline::Obligation::row) and
//! [`LenientReplay::rows`](crate::LenientReplay::rows) give flat rows.
//!
//! # Policy profiles
//!
//! A state's profile is a [`Policy`](crate::Policy): `Policy::federal()` changed through its
//! `with_*` setters, each refusing a value the law cannot accept. It serializes as one flat object
//! of its name and every number and switch; a field left out is the federal value, so a profile
//! lists only what the state changes:
//!
//! ```json
//! {"name": "ohio", "tpr_months": 12}
//! ```
//!
//! [`Policy::fingerprint`](crate::Policy::fingerprint) identifies a policy the same way on every
//! machine and run: store it beside a result to say which policy produced it. A
//! [`CaseRecord::under`](crate::CaseRecord::under) a state's policy names it, and loading the
//! record replays under it.
