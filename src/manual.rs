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
//! The obligations that recur while the child is in care (the monthly caseworker visit, each
//! period of family time) stop at the birthday care ends on at the latest: the later of the
//! policy's care-end age and the 21st, the oldest title IV-E foster care reaches (SSA
//! §475(8)(B)(iii)). A youth still recorded in care after it owes the exit (`care_end_age`,
//! overdue), not a visit for every month up to the date asked: the obligations of any date,
//! however far ahead, are bounded by the child's years in care.
//!
//! The transition plan (`transition_plan`, SSA §475(5)(H)) is owed in the 90 days immediately
//! before the birthday care ends on, by the episode the youth is in care in on the window's
//! last day, and it stays owed after the exit: a youth emancipated on the 18th birthday
//! without a plan shows it overdue (18 on 2025-09-30: window 2025-07-02 ..= 2025-09-29). A youth
//! who left care before that last day owes none.
//!
//! # Open readings
//!
//! Where the law leaves room, [`Policy::federal`](crate::Policy::federal) takes the common
//! reading and the alternative is a switch of [`Policy`](crate::Policy); every computation that
//! meets the point honours it.
//!
//! | point | default | alternative | switch |
//! |---|---|---|---|
//! | N months after a day the target month lacks (every clock, the 15-of-22 count and its 22-month window, the QRTP long-stay months, and the CFSR indicators' "within 12 months" and P2/P3 months in care included) | the month's last day (never later than a literal reading) | the first of the next month | [`MonthEnd`](crate::date::MonthEnd) |
//! | a 29 February birthday in a common year | 28 February | 1 March | [`LeapDayBirthday`](crate::date::LeapDayBirthday) |
//! | DEFC | the earlier of the first abuse or neglect adjudication and removal + 60 days (SSA §475(5)(F)) | the removal date, which an agency may use | [`DefcRule`](crate::policy::DefcRule) |
//! | the anchor of the 6-monthly periodic review (SSA §475(5)(B) fixes none) | the removal, then each review held | DEFC | [`ReviewAnchor`](crate::policy::ReviewAnchor) |
//! | the next permanency hearing (SSA §475(5)(C): "not less frequently than every 12 months") | 12 months after the last one held | a fixed schedule from DEFC | [`HearingRhythm`](crate::policy::HearingRhythm) |
//! | the start of a later episode in the 15-of-22 count | that episode's DEFC | its removal date | [`EpisodeStart`](crate::policy::EpisodeStart) |
//! | how partial months add up to 15 (45 CFR 1356.21(i)) | whole calendar months per stretch, leftover days summed by 30 (at most 29 from one stretch: 30 days into a 31-day month are not yet a month, so one unbroken stretch completes 15 months on the last day of the 15th, DEFC + 15 months − 1 day) | 30-day months; 30.4375-day months | [`MonthCounting`](crate::policy::MonthCounting) |
//! | juvenile-justice days while the agency keeps responsibility | counted | excluded | [`DetentionTime`](crate::policy::DetentionTime) |
//! | when an over-long trial home visit ends the episode (45 CFR 1356.21(e) states only the re-entry) | the first day beyond the limit | the first day of the visit | [`OverlongVisitExit`](crate::policy::OverlongVisitExit) |
//! | months in a relative's home toward kinship guardianship assistance (SSA §473(d)(3)(A)(i)(II): 6 consecutive months) | months under a license in force, each day judged by the family's record in effect that day: a renewal without a lapse continues them, a lapse restarts them from the next license, and 6 months served stay served when the license ends later (the home recorded as the guardian's household) | every month of the stay in the home once the home has been licensed during it | [`KinshipClock`](crate::policy::KinshipClock) |
//! | a new prevention plan and the Family First 12-month period | each candidacy opens a period | only the first | [`PreventionRenewal`](crate::policy::PreventionRenewal) |
//! | the relative-care exception to 15 of 22 ("at the option of the State") | used | not used | [`RelativeCareException`](crate::policy::RelativeCareException) |
//! | a petition filed in an earlier episode and a re-entry's 15 of 22 (45 CFR 1356.21(i)(1)(i)(D) speaks only of an exception used) | a re-entry owes its own filing, met only by a petition filed in the episode under way when it falls due | one petition ever meets it | [`TprRefiling`](crate::policy::TprRefiling) |
//! | when relative care excuses the 15-of-22 filing | judged once, on the due date | judged again when the relative placement ends | [`RelativeCareReview`](crate::policy::RelativeCareReview) |
//! | the 15-of-22 clock for a youth of 18 or older in extended care (SSA §475(8)(B) makes them a "child") | runs | stops at majority | [`TprAfterMajority`](crate::policy::TprAfterMajority) |
//! | months in care on the first day, CFSR P2 and P3 | whole calendar months | 365 and 730 days | [`CfsrMonthsInCare`](crate::policy::CfsrMonthsInCare) |
//! | days in care, CFSR P5 and maltreatment in care | `[entry, min(exit, period end + 1, 18th birthday))` (P5 from the first placement: days with no placement information are left out) | the exit day counted too, unless the child re-entered that day (a day counts once) | [`CfsrDayCount`](crate::policy::CfsrDayCount) |
//! | the trial home visit adjustment of CFSR P1 | visit days beyond 30 taken off the stay | a visit of 30 days or more begun within 11 months counts | [`CfsrTrialHomeVisit`](crate::policy::CfsrTrialHomeVisit) |
//! | a re-entry of fewer than 8 days, CFSR P4 | counts | does not | [`CfsrShortReentry`](crate::policy::CfsrShortReentry) |
//! | a first entry in the period of fewer than 8 days followed by a longer one, CFSR P1 and P4 ("only the first entry" and "stays under 8 days excluded", in no stated order) | the first entry is followed: the child is out as a short stay | short stays are set aside first: the first stay of 8 days or more is followed | [`CfsrFirstEntry`](crate::policy::CfsrFirstEntry) |
//! | the notice to adult relatives (SSA §471(a)(29)) when the child leaves care before day 30 | owed: due 30 days after the removal, whatever happened since (the statute sets no condition) | not owed once the child has left care before it was due | [`RelativeNoticeAfterExit`](crate::policy::RelativeNoticeAfterExit) |
//! | the 15-of-22, abandoned-infant and felony petitions when no parent's rights are left to end (every parent's terminated, relinquished or deceased) | moot: [`Waiver::NoParentRemaining`](crate::timeline::Waiver::NoParentRemaining) | none: a petition against rights no one holds has no respondent, so the crate keeps the reading without a switch | — |
//! | a later report soon after the first, CFSR recurrence | any later report date counts | reports within N days are one incident | [`Policy::cfsr_same_report_days`](crate::Policy::cfsr_same_report_days) |
//!
//! # CFSR indicators
//!
//! [`indicators`](crate::indicators) computes the seven CFSR Round 4 statewide data indicators
//! over any collection of cases and a 12-month [`ReportPeriod`](crate::indicators::ReportPeriod):
//! permanency in 12 months for entries (P1), for children in care 12–23 months (P2) and 24 months
//! or more (P3), re-entry (P4), placement stability (P5), maltreatment in care and recurrence of
//! maltreatment. Each [`Report`](crate::indicators::Report) has its numerator, denominator and
//! rate, and one [`AuditRow`](crate::indicators::AuditRow) per case given: in or out of the
//! denominator and the typed reason, in or out of the numerator and why, the episode read, and
//! the days and moves or victimizations the child contributed. The rows are flat serde rows;
//! [`Tables::push_indicator`](crate::tables::Tables::push_indicator) adds them, owned, to the
//! caseload's `indicator_audit` table beside the episodes they read. Group them by age group or
//! by any key of the caller's with [`Report::tally_by`](crate::indicators::Report::tally_by).
//!
//! The days of a child who turns 18 in care in the period stop at the birthday, and with the
//! entry date they give the birth date away: such a row says so
//! ([`days_end_at_18`](crate::indicators::AuditRow::days_end_at_18)), its `Debug` redacts the
//! days, and the `indicator_audit` table leaves them null (`days_withheld`) unless the tables
//! were made [`with_birth_dates`](crate::tables::TableOptions::with_birth_dates). The report's
//! denominator still counts them: to reconcile P5 or maltreatment in care to the day from the
//! table, make it with birth dates, under the access rules that apply to them.
//!
//! The safety indicators read the [`MaltreatmentReported`](crate::EventData::MaltreatmentReported)
//! events: recurrence here counts the victims the caseload holds, while the federal figure
//! counts every victim in the state's NCANDS file, children who never entered care included. The
//! Children's Bureau's risk adjustment is not reproduced. The open readings are in the table
//! above.
//!
//! # What "due" means
//!
//! An obligation's [`due`](crate::timeline::Obligation::due) date is the last date on which the
//! event that meets it may be dated and still be on time: met on the due date, late the day
//! after, overdue from the day after while unmet. Every clock follows it:
//!
//! | clock | the event that meets it | due |
//! |---|---|---|
//! | a finding, plan or notice "within N days" of E | the finding, plan or notice | E + N days (removal 2023-01-10, 60 days: 2023-03-11) |
//! | a hearing, review or determination "within N months" | the hearing, review or finding | E + N months (the policy's month end) |
//! | the 15-of-22 petition, "by the end of the 15th month" | the petition | the last day of the 15th month counted |
//! | a trial home visit's limit | the return to care (or the discharge) | visit start + 6 months, or the day after the court's last day: the visit lasts through the day before |
//! | a placement paid through a last day (two weeks in a child-care institution, 30 days after a QRTP is disapproved) | the move out, dated the first day out | the day after the last day paid |
//! | the end of care at majority or the extended-care age | the exit, dated the first day out of care | the birthday itself (in care through the day before) |
//! | a report "within 24 hours" | the report | the day after the event (the crate counts days, not hours) |
//!
//! # Trial home visits
//!
//! A visit may last 6 months unless a court orders a longer one (45 CFR 1356.21(e); CWPM
//! 8.3C.5). Of several orders, the latest made governs — a later order replaces an earlier one,
//! whether it ends the visit sooner or later — but no order shortens the visit below the
//! 6 months after which the federal consequence attaches. The guards, the episode's fold and the
//! clock read the same order.
//!
//! A visit is a return home to a parent or legal guardian (45 CFR 1356.21(e); SSA §475(2)): a
//! birth family, the household the child was removed from, or a family with a legal parent or
//! legal guardian of the child. A home whose legal parents have all had their rights ended by the
//! visit's date (terminated, relinquished, died), with no legal guardian there, is refused — a
//! birth family after both parents' rights were terminated, the birth family of a child adopted
//! since — unless it is the household the child was removed from and another caregiver (a
//! grandmother who had custody) lives there. Record the stay as a placement with the family.
//!
//! # Counting placement moves
//!
//! [`Case::placement_moves`](crate::Case::placement_moves) counts settings the AFCARS way
//! (CWPM 1.2B.7): the first placement is not a move; trial home visits and runaways are not
//! settings; a change of the same family's license is not a move.
//! [`Case::placement_move_flags`](crate::Case::placement_move_flags) says it per placement (the
//! `is_move` column of the placement table); the count is the number of its flags. A respite
//! stay is not a placement and never a move.
//!
//! # Caseload tables
//!
//! [`tables::Tables`](crate::tables::Tables) draws a caseload as flat tables as of a date: one
//! row per child, episode, placement, respite stay, plan, exit and obligation, every column a
//! scalar (text, number, boolean, ISO date), documented column by column with its unit. The
//! tables carry every fact the CFSR statewide data indicators read — entry and exit dates, the
//! length of stay, the exit to permanency, the ages and the 18th-birthday cuts, the re-entry,
//! the moves and the days in care before 18 — so that an indicator can be recomputed from the
//! tables alone. No name and no birth date is in them unless asked for
//! ([`TableOptions::with_names`](crate::tables::TableOptions::with_names),
//! [`with_birth_dates`](crate::tables::TableOptions::with_birth_dates)); the obligations
//! counted from the child's birthdays have their dates withheld by default.
//!
//! ```text
//! let options = TableOptions::new();                      // de-identified, obligations included
//! let mut tables = Tables::new(as_of, &policy, &options);
//! for case in cases { tables.push_case(&case); }           // or Tables::of(&cases, ..)
//! ```
//!
//! The rows are serde records, so the way to columnar tools goes through
//! [`serde_arrow`](https://docs.rs/serde_arrow), which follows each major version of arrow
//! (the crate itself has no arrow dependency):
//!
//! ```text
//! // An Arrow field per column of Row::COLUMNS: Text → Utf8, Boolean, UInt8, UInt32,
//! // Date → Date32 (serde_arrow parses the ISO dates); nullable as the column says.
//! let fields: Vec<FieldRef> = EpisodeRow::COLUMNS.iter().map(to_arrow_field).collect();
//! let batch = serde_arrow::to_record_batch(&fields, &tables.episodes)?;
//! ```
//!
//! The schema comes from [`Row::COLUMNS`](crate::tables::Row::COLUMNS) rather than from
//! serde_arrow's `from_type`, which cannot trace a date (a `NaiveDate` deserializes by parsing a
//! string) and would type it as text.
//! A record batch registers in DataFusion (`SessionContext::register_batch`) for SQL, appends
//! to DuckDB (`Appender::append_record_batch`) and converts to a Polars data frame; for
//! Spark-scale work write it to Parquet with the `parquet` crate's `ArrowWriter` and read the
//! files from Spark, Polars or DuckDB. `examples/caseload.rs` generates a synthetic caseload and writes its tables as CSV and
//! Parquet (`cargo run --release --example caseload -- --children 100000 --parquet out/`).
//! The library writes no file: that is the caller's job.
//!
//! Every placement names its provider when it can ([`Placement::provider`](crate::Placement::provider)):
//! the caregiver family of a family setting, or the facility of a group home, an institution, a
//! shelter or a QRTP ([`NewPlacement::at_facility`](crate::NewPlacement::at_facility)). A move
//! between two providers is a move, though both are the same kind of setting; a return to the
//! same provider after a runaway or a trial home visit is not. A setting without a family that
//! was recorded without a facility id (a legacy record; the id is not required) has no
//! provider: after an interruption, a return to the same kind of setting is then taken as the
//! same setting, and two contiguous stays as a move. The QRTP clocks read a QRTP placement the
//! same way: a return to the same program after a runaway continues the placement, whose 30-day
//! assessment, 60-day court review and 30-day transition run on from its first day in the
//! program (SSA §472(k)(3), §475A(c)(1)–(2)); a return to another program, or a stay in a QRTP
//! after any other setting, is a new QRTP placement with clocks of its own.
//!
//! # The order of a history
//!
//! A case is its dated history, not the order it was keyed in. [`Case::events`](crate::Case::events)
//! is sorted by date; within a day by the rank of each kind
//! ([`EventKind::day_rank`](crate::EventKind::day_rank)): family records first, then services
//! opening, the removal, what the day's events in care read (the plan a hearing reviews, the
//! siblings and relatives a notice or a placement names), everything else in care in the order
//! entered, the court's findings and the
//! records about a placement (after the placement or visit of their day), the exits, a close, the death;
//! and then by the order of entry. So the findings of a pick-up order keyed before the removal of
//! their day, or a legacy export sorted by (date, action code), give the case the day had.
//!
//! An exit or a close ends a segment of its day: a removal, services opening or a reopening
//! entered after it begins the next (a re-entry, or aftercare, the same day), and the events of
//! the day entered after that follow it. A hearing keyed after the discharge of its day, before
//! any re-entry, still sorts before the discharge.
//!
//! A replay reads a day again when the child is in foster care at its start and the day lists
//! its removal before its exit (in one segment), which cannot have happened in that order: the
//! child left and came back that day, so the removal, and the placements begun and the findings
//! of its order (contrary to the welfare, prevention efforts) listed after it, go after the
//! exit, to the new episode. Not in care at the start of the day, a removal and an exit of that
//! day are one stay that began and ended the day — keyed exit first too (a legacy export
//! sorted by date and action name lists "discharge" before "removal"): an exit with no stay to
//! end joins the stay the day's removal begins. [`Case::apply`](crate::Case::apply) checks
//! each entry against the history known so far, so it refuses a removal keyed before the exit
//! of its day: key the exit first; what it builds replays to itself.
//!
//! The moves of one day — a placement begun or changed, a runaway and a return, a trial home
//! visit begun or ended, an adoptive placement or its disruption — are read in the order they
//! can have happened in when the order keyed cannot be: a `ran_away` keyed before the
//! `placement_changed` into the home the child ran from, a return keyed before the running
//! away, the end of a visit keyed after the move that followed it. The order read is the first,
//! taking the moves as keyed, that the table and the placement rules can accept (each move
//! stays in its segment of the day, every other event in its place); an order keyed that can
//! be true is kept, so two moves that could have happened either way (a run and a return, then
//! a move) keep the order keyed. [`Case::apply`](crate::Case::apply) does the same for a move
//! refused after another move of its day; an entry that cannot be true with what is in so far
//! (a return with no runaway yet) is still refused: key the day's first move first.
//!
//! Entries that are only possible together — a runaway and the return from it, both keyed
//! late, before a later move already in the case — go in as one batch with
//! [`Case::apply_all`](crate::Case::apply_all): all are accepted or none is
//! ([`BatchRejection`](crate::BatchRejection) names the entry refused), at the cost of one
//! replay of the history.
//!
//! [`Case::apply`](crate::Case::apply) takes an event dated before the last (entered late) by
//! placing it at its date and checking every later event again; it is refused, naming the later
//! event that would break ([`RuleId::LaterEventRefused`](crate::RuleId::LaterEventRefused)), if
//! one would, and the case is then as it was. A late entry costs one pass over the history.
//! [`Case::replay`](crate::Case::replay) sorts first, so a history in any order loads in
//! O(n log n). The rejection of an event placed earlier names the stage at its date.
//!
//! Each entry may carry the date it was recorded beside the date it took effect
//! ([`Event::recorded_on`](crate::Event::recorded_on)), and a court order its issue date
//! ([`Event::issued_on`](crate::Event::issued_on)). An order issued after its effective date —
//! *nunc pro tunc* — does not meet the contrary-to-the-welfare or reasonable-efforts requirements
//! (45 CFR 1356.21(d)).
//!
//! # What is refused, and what is reported
//!
//! [`Case::apply`](crate::Case::apply) refuses only what cannot have happened (an event before
//! the birth, a placement while another is open, a family the case does not know, a parent
//! who is not one) and what the law forbids outright:
//!
//! - APPLA as the goal of a child under 16 (SSA §475(5)(C)(i), from 2015-09-29);
//! - an adoption finalized while a legal parent's rights are intact, or outside an adoptive
//!   home;
//! - a return within the same episode from a trial home visit that outlived its limit (45 CFR
//!   1356.21(e));
//! - for an Indian child, a consent or relinquishment within 10 days of the birth, and a consent
//!   withdrawn after the final decree (25 U.S.C. 1913).
//!
//! Where the law attaches a consequence instead — title IV-E payment withheld, a deadline
//! missed, a finding owed, an order open to invalidation — the event is accepted and the
//! consequence is an obligation with its citation: a placement in an unlicensed home, a QRTP
//! without its assessment, an ICWA order without active efforts. Nor is a fact refused for
//! what the record says around it: a placement for adoption (a legal-risk placement before
//! every right ended) and a finalization are accepted whatever the plan's recorded goal, and so
//! is a trial home visit (federal law makes only APPLA's age and the ended rights hard rules of
//! the plan, and limits a visit's length, not the plan it serves); a parent's death, a
//! termination or a relinquishment is recorded in whatever stage the case is on its date —
//! before a removal, during a trial home visit, after an exit — and a parent whose rights ended
//! may still die (the rights keep the date and the way they ended).
//!
//! Nor is the family that adopts held to a kind: a pre-adoptive home (`placed_for_adoption`, a
//! move into a `pre_adoptive_home` setting, the decree) may be with any family but the birth
//! family — a pre-adoptive or adoptive family, or the foster parents or relatives the child
//! already lives with, who keep their kind (a relative adoption stays one). A placement for
//! adoption may follow a failed trial home visit or a runaway directly, and a decree entered
//! while the child is in a pre-adoptive home keyed as a move (as legacy systems key every move)
//! is taken from foster care, with the same rules: every right ended, the pre-adoptive home.
//!
//! # One policy for a case
//!
//! A case is folded under the [`Policy`](crate::Policy) given to `apply` or `replay`: where a
//! trial home visit that outlived its limit ends the episode
//! ([`overlong_visit_exit`](crate::Policy::overlong_visit_exit), the visit limit and the month
//! arithmetic it uses) is settled then, and the episodes keep it. The obligations and the
//! indicators take a policy too, and read those episodes as they stand: read a case under the
//! policy it was built with. To compare two policies' episode boundaries, replay the history
//! under each ([`Case::record`](crate::Case::record), then
//! [`CaseRecord::replay`](crate::CaseRecord::replay)); a stored record names its policy
//! ([`CaseRecord::under`](crate::CaseRecord::under)), and
//! [`replay_as_recorded`](crate::CaseRecord::replay_as_recorded) keeps them together.
//!
//! The history shows an over-long visit's exit with the event after it (the return, the
//! discharge); the obligations do not wait for that event. Asked about a date past the visit's
//! period with nothing recorded since, they read the episode as ended on the policy's date, and
//! owe nothing that falls due after it but the visit limit itself.
//!
//! # Corrections and the audit trail
//!
//! Nothing is erased. A worker voids an entry made in error
//! ([`EventData::Voided`](crate::EventData::Voided)) or amends it
//! ([`EventData::Amended`](crate::EventData::Amended), the replacement placed at its own date);
//! a court vacates an order ([`EventData::Vacated`](crate::EventData::Vacated): a finding, a
//! termination of rights, a decree, a removal order, a guardianship); a wrong fact of the child —
//! a birth date — is corrected ([`EventData::ChildCorrected`](crate::EventData::ChildCorrected)).
//! Each names the entry by the id it was given ([`Event::with_entry_id`](crate::Event::with_entry_id)),
//! with a reason, and is an entry of its own. The history is checked again from the opening; a
//! correction that would leave a later event refused is itself refused, naming it.
//! [`Case::entries`](crate::Case::entries) lists every entry in the order of entry, corrections
//! and what they set aside included; the record and the JSON of a case carry the entries, so a
//! reload gives the same case and the same trail.
//!
//! A lenient replay ([`Case::replay_lenient`](crate::Case::replay_lenient)) marks each refusal
//! that only follows from an earlier one — an event that would have been accepted had the earlier
//! been — with that earlier event ([`Refused::cause`](crate::Refused::cause)); events refused only
//! for preceding a wrong birth date follow the first of them. One wrong row is one finding
//! ([`LenientReplay::findings`](crate::LenientReplay::findings)).
//!
//! # The law in force
//!
//! A history is held to the law of its own dates ([`law`](crate::law)): each requirement carries
//! the date it took effect, and for the caseworkers' residence majority the date it was struck.
//! An event is checked only against the rules in force on its date — APPLA for a child under 16
//! is refused from 2015-09-29, not before — and no obligation is owed whose clock starts before
//! its law took effect (a 1996 removal owes no ASFA permanency hearing or 15-of-22 petition),
//! or that would fall due after its repeal. The removal findings (contrary to the welfare,
//! reasonable efforts to prevent removal and to finalize the plan), the 60-day case plan and
//! the 6-month trial home visit are owed from the title IV-E eligibility rule (45 CFR 1356.21,
//! in force 2000-03-27), which set their deadlines: the 1980 statute (P.L. 96-272, SSA
//! §472(a)(1), §471(a)(15)) asked the findings without a date by which they were due, so a
//! removal before 2000-03-27 owes none of them as a dated obligation. The 6-month periodic
//! review is owed from 1980, as the statute dates it. Where the law let a state delay a requirement, the
//! state's date is a [`Policy`](crate::Policy) value:
//! [`congregate_care_from`](crate::Policy::congregate_care_from) (the congregate-care limit and
//! the QRTP requirements, up to 2021-10-01; a state that delayed them had no title IV-E
//! prevention funding meanwhile, so the prevention clocks follow the same date). The two-week
//! limit has no grandfathering: an institution stay under way on its date is held to it from
//! then (counted from that date; payment stops 14 days after the stay began, or on the date
//! itself when that is later). A runaway and a return to the same institution continue the
//! stay: the two weeks are not counted again from the return. The same reading holds a QRTP
//! placement under way on that date to the assessment and the court's approval from then: in
//! the program since 2019-08-01, the assessment is due 2019-10-01 + 30 = 2019-10-31 and the
//! approval 2019-11-30; a child who left the program before the date owes neither, and asked
//! before the date, nothing is owed yet. The long-stay approval (§475A(c)(5)) still counts
//! only stays begun on or after the date.
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
//! {"date": "2024-01-10", "what": {"court_finding": "contrary_to_welfare"}, "entry": "ORD-88", "recorded": "2024-01-12", "issued": "2024-01-10"}
//! {"date": "2024-02-01", "what": {"voided": {"entry": "ORD-88", "reason": "keyed on the wrong case"}}}
//! ```
//!
//! `entry`, `recorded` and `issued` are optional. A case's `events` are its entries in the order
//! of entry (see [Corrections and the audit trail](#corrections-and-the-audit-trail)).
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
//! # Prevention plans and services
//!
//! A preservation case records its Family First prevention plan
//! ([`EventData::PreventionPlanRecorded`](crate::EventData::PreventionPlanRecorded)) and each
//! service or concrete support ([`EventData::ServiceProvided`](crate::EventData::ServiceProvided);
//! the types are in [`crate::supports`]). A plan identifies the child as a candidate (or the
//! pregnant or parenting youth) on its date: it opens a 12-month prevention period as a candidacy
//! does (a plan on the day of the candidacy it documents opens no second one). In foster care only
//! a pregnant or parenting youth's plan is recorded (SSA §471(e)(2)(B)).
//!
//! Every service is accepted. A service the record says is claimed as a title IV-E prevention
//! service ([`Funding::TitleIvePrevention`](crate::supports::Funding::TitleIvePrevention)) gets
//! two obligations: `prevention_service_specified` (SSA §471(e)(4)(A): the latest plan recorded
//! before it names its kind; a concrete support, not a §471(e)(1) kind, never can — no prevention
//! payment) and `prevention_service_in_period` (SSA §471(e)(1), (3): begun within a period, due on
//! its last day and met on the service's last day; begun outside every period, missed from its
//! first day — no payment from the first day outside). A removal, a closure or a death ends the
//! period for its services; a new plan or candidacy before its end carries them into the next.
//! State-funded supports carry no federal obligation: they are recorded for the measure of what a
//! family received before a removal. Clinical details are [`Sensitive`](crate::Sensitive).
//!
//! # Transition to adulthood
//!
//! - A youth of 18 or older in extended care (a state with an
//!   [`extended_care_age`](crate::Policy::extended_care_age)) is a title IV-E child only in a
//!   month a qualifying condition holds (SSA §475(8)(B)(iv)):
//!   [`EventData::ExtendedCareCondition`](crate::EventData::ExtendedCareCondition) records it
//!   with its dates. `extended_care_condition` is one obligation per calendar month in care that
//!   begins on or after the 18th birthday (the birthday month, partly under 18, is not one), met
//!   on the first day of the month a condition covers; a month without one is ineligible from its
//!   first day to the next month's. A state without extended care has no such months.
//! - `exit_documents` (SSA §475(5)(I)): an emancipation on or after the age of majority, after
//!   6 months or more in care (from the removal), is due the documents on the exit date;
//!   [`EventData::ExitDocumentsProvided`](crate::EventData::ExitDocumentsProvided) meets it (after
//!   the exit: late).
//! - `credit_report` (SSA §475(5)(I)): from the later of the 14th birthday and the removal, a
//!   report within 12 months, and each next within 12 months of the last
//!   ([`EventData::CreditReportObtained`](crate::EventData::CreditReportObtained)).
//! - While a goal in force is APPLA (primary or concurrent), each permanency hearing owes its
//!   documentation (`appla_hearing_documentation`, SSA §475A(a)(1)–(3): the intensive efforts,
//!   the child asked, the compelling reasons, the reasonable-and-prudent-parent steps), and each
//!   periodic review owes the reasonable-and-prudent-parent steps
//!   (`appla_review_documentation`, SSA §475(5)(B)): due the day held, met by the first
//!   [`EventData::ApplaReviewed`](crate::EventData::ApplaReviewed) on or after it that documents
//!   them ([`ApplaReview`](crate::ApplaReview)), late when after.
//!
//! # Educational stability
//!
//! [`EventData::SchoolEnrolled`](crate::EventData::SchoolEnrolled) records each school the child
//! enrolled in ([`Case::schools`](crate::Case::schools): the first is the school of origin as far
//! as the case knows); [`EventData::SchoolStabilityConsidered`](crate::EventData::SchoolStabilityConsidered)
//! that a placement took the school into account. The obligations, all accepted-and-flagged:
//!
//! - `school_stability_considered` (SSA §475(1)(G)(i)): each placement of an episode (not a
//!   runaway or a trial home visit) begun once the case knows a school, due the day it begins.
//! - `school_change_reason` (SSA §475(1)(G)(ii)(II), §475(4)(A)): an enrollment in another school
//!   on a day in care needs the documented best-interest reason, due that day.
//! - `school_enrollment` (SSA §475(1)(G)(ii)(II)): "immediate and appropriate enrollment" with the
//!   records provided, counted from the placement move it follows and due that same day. The
//!   statute gives no number of days: the crate reads "immediate" as the day of the move (a later
//!   enrollment is late, not missed); without the records it is missed.
//!
//! [`Case::school_changes`](crate::Case::school_changes) counts the changes of each episode,
//! beside its placement moves.
//!
//! # The case planning team and who is heard
//!
//! - [`EventData::CaseConference`](crate::EventData::CaseConference) records a conference's kind
//!   and participants by role. `youth_consultation` (SSA §475(1)(B), §475(5)(C)(iv)): each case
//!   plan completed on or after the 14th birthday needs a planning conference the child took part
//!   in, since the previous plan (or the removal) and on or before it.
//! - [`EventData::TeamMemberChosen`](crate::EventData::TeamMemberChosen) and
//!   [`EventData::TeamMemberRejected`](crate::EventData::TeamMemberRejected) (with the agency's
//!   reason, a redacted note) give [`Case::chosen_team_members`](crate::Case::chosen_team_members).
//!   The law allows two; a third is accepted and listed, not refused (a refusal would hide a fact
//!   the agency must resolve), and flagged with its citation by
//!   [`Case::excess_team_members`](crate::Case::excess_team_members).
//! - `hearing_notice` (SSA §475(5)(G)): each periodic review and permanency hearing held while the
//!   child lives with a caregiver family needs a notice to that family
//!   ([`EventData::CaregiverNotified`](crate::EventData::CaregiverNotified)) since the previous one.
//! - `child_consulted` (SSA §475(5)(C)(iii)): each permanency hearing needs the child consulted
//!   that day ([`EventData::ChildConsultedAtHearing`](crate::EventData::ChildConsultedAtHearing)).
//!
//! # Preservation first, measured
//!
//! [`Case::removal_supports`](crate::Case::removal_supports) gives, for each removal, the
//! services and supports the family received since the previous exit (or the case's start), and
//! whether the removal was poverty-related ([`supports::POVERTY_RELATED`](crate::supports::POVERTY_RELATED):
//! inadequate housing) with no concrete or economic support under way on any day of the
//! [`concrete_support_days`](crate::Policy::concrete_support_days) before it (90 by default, an
//! analyst's number, not a federal one). [`supports::poverty_removals`](crate::supports::poverty_removals)
//! counts them over a caseload. Nothing here is an obligation: it measures what the
//! preservation-first argument asks, whatever the funding.
//!
//! [`Case::preservation_outcomes`](crate::Case::preservation_outcomes) gives each preservation
//! period's outcome, derived: entered foster care when a removal ended it; on a closure, lives
//! with kin when the period's latest prevention plan names a kin strategy, otherwise remained
//! home. [`Case::prevention_measures`](crate::Case::prevention_measures) gives the Family First
//! outcome measure (SSA §471(e)(4)(E)) of each prevention period as of a date: entered foster
//! care during the 12 months, during the 12 months after, did not enter, or pending until the 24
//! months are over; [`supports::prevention_measure_counts`](crate::supports::prevention_measure_counts)
//! counts them over a caseload.
//!
//! # Individualized assessments
//!
//! [`EventData::IndividualAssessment`](crate::EventData::IndividualAssessment) records an
//! assessment ([`supports::Assessment`](crate::supports::Assessment)): what it decides (a QRTP
//! placement, a setting for a pregnant or parenting youth, a treatment plan), who made it, what it
//! found, and the placement it is for; its details are sensitive. A QRTP assessment must name a
//! QRTP of the case (`qrtp_placement`), and the QRTP clocks read it as they read
//! [`EventData::QrtpAssessed`](crate::EventData::QrtpAssessed): the first assessment of the
//! placement meets `qrtp_assessment`, a finding of not appropriate starts `qrtp_transition`.
//! The court's review, `qrtp_court_approval`, is met by the first approval or disapproval dated
//! on or after that first assessment: the court must consider the assessment (SSA
//! §475A(c)(2)(A)), and an order made before there was one did not. Missed, it withholds title
//! IV-E payment for the QRTP from the day after its due date until the court decides
//! ([`IneligibleBetween`](crate::timeline::Consequence::IneligibleBetween)). The head of the
//! agency's approval of a long stay, `qrtp_long_stay`, is owed once in each episode whose QRTP
//! stays go beyond a limit (the months add up over the case's stays), and only an approval given
//! during that episode meets it (§475A(c)(5)).
//!
//! While the child remains in a QRTP, each status review and permanency hearing needs the
//! agency's evidence that the placement is still needed, the child's treatment needs and the
//! efforts to step down (§475A(c)(4)): `qrtp_ongoing_evidence`, one obligation for each day of
//! the episode with a [`PeriodicReview`](crate::EventData::PeriodicReview) or a
//! [`PermanencyHearing`](crate::EventData::PermanencyHearing) on which the child was in a QRTP
//! when the day began and still at its end (not the day of the move in or out, nor a day on
//! runaway status). It is due on that day and met by a
//! [`QrtpEvidenceSubmitted`](crate::EventData::QrtpEvidenceSubmitted) naming the QRTP
//! placement (any stay of it, across a runaway and a return), dated after the previous review or
//! hearing and on or before this one. Only the reviews and hearings recorded are read; the
//! statute attaches no payment consequence.
//!
//! # The Indian Child Welfare Act
//!
//! The child's ICWA status is read as of each date
//! ([`Case::indian_child_status_on`](crate::Case::indian_child_status_on)): the child's record
//! until an `icwa_status_determined` event changes it. "Indian child" and "reason to know" (25
//! CFR 23.107(b): treated as an Indian child until settled) turn the Act's rules on from that
//! date; "not an Indian child" turns them off, and an inquiry made (`inquiry_made`) leaves them
//! off until a reason to know or a determination. A determination may name several tribes: the
//! first is the Indian child's tribe (25 CFR 23.109), and notice is owed to each, the waiting
//! period counting from the last receipt (one obligation for all of them). An Indian custodian
//! (`Relationship::IndianCustodian`, 25 U.S.C. 1903(6)) is owed notice like a parent, and may
//! consent and withdraw.
//!
//! Only what the Act makes invalid is refused: a consent given before or within 10 days after
//! the child's birth (25 U.S.C. 1913(a); `icwa_consent_too_early`), and so a relinquishment dated
//! then, which would give it effect. "Within ten days after" counts the days after the birth:
//! born 2024-03-01, a consent on 2024-03-11 (10 days after) is refused, on 2024-03-12 (11 days)
//! accepted. The refusal never states the birth date or the count of days. Whenever the
//! child's status comes to light the consent was invalid all the same, so the history cannot
//! hold both, in either order of entry: an `icwa_status_determined` that finds an Indian child
//! (or reason to know one) is refused while a consent or relinquishment dated within the 10
//! days stands — correct it first (void it, or record its withdrawal). A withdrawal names a
//! consent given and not withdrawn; a consent to a termination or an adoption is withdrawn only
//! before the final decree (§1913(c)), and then the parent's relinquishment no longer ends the
//! rights ([`Case::parental_rights`](crate::Case::parental_rights) reads intact; an open
//! reading: the crate does not keep the dates between the relinquishment and the withdrawal).
//!
//! A consent is valid only "executed in writing and recorded before a judge" with the judge's
//! certificate that its terms were explained and understood (§1913(a)). A consent without it
//! ([`IcwaConsent::uncertified`](crate::icwa::IcwaConsent::uncertified)) is recorded, and so is
//! the relinquishment it was meant to allow, and the clocks report it: `icwa_valid_consent` is
//! due the day of each relinquishment while the Act applies (that parent's consent to the
//! termination, or to an adoption, standing that day) and the day of a removal under a
//! voluntary placement agreement (a consent to foster care by a parent or the Indian
//! custodian). Met the day of a certified consent (late when it came after); overdue and
//! [`OpenToInvalidation`](crate::timeline::Consequence::OpenToInvalidation) when the only
//! consent lacks the certificate or when none is recorded.
//! A parent who withdraws consent to a voluntary foster-care placement has the child returned
//! (§1913(b)), and so does a parent of a child in voluntary care who withdraws consent to a
//! termination or an adoption before the decree (§1913(c)): `icwa_return_on_withdrawal` is due
//! the day of the withdrawal and met by an exit
//! to reunification, a trial home visit, a transfer to the tribe, or an ICWA foster-care placement
//! order (the agency went to court instead), whichever came first; missed, open to invalidation
//! (§1914). A relinquishment before any removal owes its consent too, with no episode.
//!
//! What an order must rest on is reported, never refused: the order was made. For each ICWA
//! foster-care placement order (the court order that removed the child, or the `icwa_findings`
//! recorded after an emergency removal or a voluntary placement) and each termination of a
//! parent's rights while the Act applies (before any removal too: then with no episode), three
//! obligations are due the day of the order:
//! active efforts (§1912(d)), a qualified expert witness (§1912(e), (f)) and the standard of
//! evidence (clear and convincing for a placement, beyond a reasonable doubt for a termination).
//! Findings recorded without one, or no findings recorded at all, make that obligation overdue
//! with the consequence
//! [`OpenToInvalidation`](crate::timeline::Consequence::OpenToInvalidation) (25 U.S.C. 1914:
//! an order the case shows no finding for is held to the Act as one made without it); findings
//! recorded after a court-ordered removal, or after a termination (the first recorded
//! after it when none is of its day), are met late, with the same consequence. An emergency
//! removal (§1922) needs none. The title IV-E reasonable-efforts findings are owed
//! too: active efforts do not replace them.
//!
//! Each of those orders is a hearing, and no hearing may be held until 10 days after the parents
//! and the tribe received notice (§1912(a)): `icwa_notice_to_parent` (each legal parent with
//! rights intact, or the parent a termination names) and `icwa_notice_to_tribe` are due the
//! hearing date less 10 days, less the additional days asked for (`icwa_additional_time`, at most
//! 20), less 15 days more when only the Secretary was notified — which stands in for the tribe
//! only when the child's status names none (25 CFR 23.111(e)). A hearing 9 days after receipt:
//! received 2024-01-01, heard 2024-01-10, due by 2023-12-31, met late and open to invalidation;
//! heard 2024-01-11, due by 2024-01-01, met; no receipt recorded, overdue and open to
//! invalidation as well. A receipt counts for the first hearing on or after
//! it, and one received the day of a hearing counts for the next hearing too.
//! A termination before any removal (the child at home) is a hearing too: its notices are owed
//! with no episode.
//!
//! Placements are ranked, never refused: [`Preferences::rank`](crate::icwa::Preferences::rank)
//! gives where a home ([`IcwaHome`](crate::icwa::IcwaHome)) stands under §1915(b) (foster care,
//! pre-adoptive) or §1915(a) (a placement begun by `placed_for_adoption`), or under the tribe's
//! own order recorded by `icwa_tribal_preferences` (§1915(c)). The obligation
//! `icwa_placement_preference` of each placement of an Indian child is met the day it begins when
//! its assessed home (`icwa_home_assessed`) is within the preferences, or the day the court found
//! good cause (`icwa_good_cause`) for a home outside them; overdue otherwise. The crate cannot
//! know which preferred homes were available, so a home ranked below the first counts as within
//! the preferences (an open reading); §1914 does not reach §1915, so no consequence is stated.
//! An emergency removal (§1922; 25 CFR 23.113) ends, or a placement order is made, within 30
//! days (`icwa_emergency_removal`), counted from the removal — also when the reason to know
//! is learned while the child is held (25 CFR 23.107(b)); not owed when the court finds the
//! child is not an Indian child before the 30th day. None of the Act's clocks run for an
//! episode that began on or after the 18th birthday (25 U.S.C. 1903(4): an Indian child is
//! under 18); one begun before goes on under the Act (25 CFR 23.103(d)). A transfer to the tribe's jurisdiction
//! (`icwa_transferred_to_tribe`, §1911(b)) ends the episode, transferred to another agency, and
//! names the tribe ([`Case::tribal_transfers`](crate::Case::tribal_transfers)).
//!
//! # Family connections: siblings, relatives, family time
//!
//! [`crate::connections`] holds the records. A sibling is recorded in the child's case by id
//! (`sibling_recorded`: in care or not, the custodian); `siblings_placed_together` and
//! `siblings_separated` say how the child is placed with a sibling in care from a date, and
//! [`Case::placed_with_siblings_on`](crate::Case::placed_with_siblings_on) reads all / some /
//! none from them, or [`connections::placed_with_siblings`](crate::connections::placed_with_siblings)
//! from the siblings' own cases (the same caregiver family on the date). A separation without
//! its documented reason (contrary to the safety or well-being of a sibling) is accepted and
//! reported (`sibling_separation`, SSA §471(a)(31)(A)): the duty is one of reasonable efforts.
//! A separation from a sibling not in care owes nothing while the sibling is at home; once the
//! sibling is recorded in care with the separation still the latest arrangement (a brother
//! separated 2024-03-01, removed and recorded in care 2024-04-01), both duties are owed from
//! the day the sibling entered care, with the separation's reason if it had one.
//! Siblings placed apart need planned contact (`sibling_contact`, §471(a)(31)(B)): a
//! family-time plan with the sibling in force on the day of the separation, or made later (met
//! late). Where the state documents that frequent contact would be contrary to the safety or
//! well-being of any of the siblings (`sibling_contact_excepted`), the latest such record or
//! plan on the day of the separation, or the first after, waives it
//! ([`Waiver::ContraryToSafetyOrWellBeing`](crate::timeline::Waiver::ContraryToSafetyOrWellBeing)).
//!
//! Each adult relative identified (`relative_identified`) is owed a notice within 30 days of the
//! removal (`relative_notice_each`, SSA §471(a)(29)): removal 2024-01-10, notified 2024-02-09
//! (day 30) met, 2024-02-10 (day 31) met late; `relative_notice_excepted` waives it for family
//! or domestic violence. The aggregate `relative_notice` is met by one `relatives_notified`
//! record, or by the notices to each relative: once every relative identified is notified or
//! excepted, on the date of the last notice (grandmother notified 2024-01-20, uncle 2024-02-05:
//! met 2024-02-05); every relative excepted waives it.
//!
//! Family time: `family_time_planned` sets the case plan's expected frequency with a parent,
//! sibling or relative (every N days from its date); `family_time_contact` records a contact,
//! planned or held, in person, by video or by phone. `family_time` is one obligation per period,
//! met by the first contact held in it; a planned contact does not meet it.
//!
//!
//! The episode's first placement with a non-related caregiver (a non-relative family or a
//! facility) owes a relative considered before it (SSA §471(a)(19): the state considers giving
//! preference to an adult relative): `relative_considered`, met by a relative identified,
//! notified or excepted on or before the placement's start (a search may begin before the
//! removal), late after it, overdue without one. The placement stands.
//!
//! # AFCARS codes
//!
//! [`afcars`](crate::afcars) writes the crate's types as AFCARS codes and reads the codes back,
//! for both generations of data elements: the 1993 elements of Appendix A to part 1355 (with
//! the NDACAN variable names: CURPLSET, CASEGOAL, DISREASN, MANREM, NEGLECT...) and the 2020
//! elements of 45 CFR 1355.44 (mandatory from 2022-10-01).
//!
//! | crate | 1993 | 2020 |
//! |---|---|---|
//! | [`Setting`](crate::Setting) | CURPLSET (E41) [`Setting::afcars_1993`](crate::Setting::afcars_1993) | E113–E120 [`Setting::afcars_2020`](crate::Setting::afcars_2020) |
//! | [`Goal`](crate::Goal) | CASEGOAL (E43) [`CaseGoal1993`](crate::afcars::CaseGoal1993) | E148 [`PermanencyPlan2020`](crate::afcars::PermanencyPlan2020) |
//! | [`ExitReason`](crate::ExitReason) | DISREASN (E58) [`ExitReason1993`](crate::afcars::ExitReason1993) | E155 [`ExitReason2020`](crate::afcars::ExitReason2020) |
//! | [`Manner`](crate::Manner) | MANREM (E25) [`Manner1993`](crate::afcars::Manner1993) | — |
//! | [`Circumstance`](crate::Circumstance) | E26–E40 [`RemovalReason1993`](crate::afcars::RemovalReason1993) | E72–E105 [`Circumstance::afcars_element`](crate::Circumstance::afcars_element) |
//! | [`Sex`](crate::Sex) | SEX (E7) [`SexCode`](crate::afcars::SexCode) | §1355.44(b)(2), the same codes |
//! | [`Child::race`](crate::Child::race), [`Child::ethnicity`](crate::Child::ethnicity) | E8 AMIAKN…UNTODETM, E9 HISORGIN | §1355.44(b)(7), (8) |
//! | [`Location`](crate::Location) | PLACEOUT (E42) [`OutOfState1993`](crate::afcars::OutOfState1993) | E121 [`Location2020`](crate::afcars::Location2020) |
//! | — (not recorded) | CTKFAMST (E44) [`CaretakerFamilyStructure1993`](crate::afcars::CaretakerFamilyStructure1993), FOSFAMST (E49) [`FosterFamilyStructure1993`](crate::afcars::FosterFamilyStructure1993) | — |
//!
//! - **One declaration per list.** The codes of a setting, an exit reason and a circumstance
//!   are columns of the rows that declare the type, so they cannot drift from it.
//! - **Lossy where AFCARS is coarser.** Several settings share a CURPLSET code (every foster
//!   home that is not relative or pre-adoptive is 3; every institution is 5): reading one back
//!   gives the code's general setting. Of several 2020 home types (E114–E119), the most
//!   specific is kept. E114 "licensed home" is a fact of the caregiver family, not of the
//!   setting: [`EpisodeFacts::current_home_types_2020`](crate::afcars::EpisodeFacts::current_home_types_2020)
//!   reads it from the license in force on the report date, and a foster family home with no
//!   type "yes" reads back as the (unlicensed) non-relative foster home. The 1993 CASEGOAL values 4 "long-term foster care", 5 "emancipation"
//!   and 7 "not yet established" name no current goal and read back as none; APPLA, which the
//!   1993 list lacks, is written as 4.
//! - **Missing stays missing** (45 CFR 1355.43(d)): readers take `Option<u8>` and give `None`
//!   for a blank; a sex, race or ethnicity not recorded is written as a blank, never as a
//!   value. "Not applicable" (DISREASN 0, E155 9) and "unable to determine" are values.
//! - **Unknown codes** are a typed [`afcars::CodeError`](crate::afcars::CodeError) naming the
//!   element and the code: `invalid DISREASN (1993 element 58): expected one of 0, 1, 2, 3, 4, 5,
//!   6, 7, 8, found 9`.
//! - **2020 numbers.** The 2020 regulation names values without numbering them. The numbers
//!   here are as the AXE and CJAMS implementations of ACF's AFCARS 2.0 XML specification number
//!   them; verify them against the current ACF XML schema. E148 "permanency plan not
//!   established" (6), the ethnicity values (1–5) and the E121 locations (1–4, 4 the runaway
//!   or whereabouts-unknown value) are numbered by this crate, in the regulation's order.
//! - **Family structure** (E44, E49) is a marital status the crate does not record: the two
//!   lists read and write legacy 1993 files, and nothing derives them.
//!
//! [`Case::afcars_episode`](crate::Case::afcars_episode) gathers what an AFCARS record says of
//! one removal episode as of a report date ([`EpisodeFacts`](crate::afcars::EpisodeFacts)): the
//! number of placement settings (NUMPLEP: the moves + 1 when there is a setting), the current
//! setting and the date the child was placed in it (CURSETDT: a return to the same provider
//! keeps the date), the manner of removal and its reasons in both generations, each parent's
//! TPR date (TPRMOMDT for a parent recorded as the mother, TPRDADDT for the father or putative
//! father; an adoptive parent or guardian is reported by person id, since the crate does not
//! record a parent's sex), the goal, and the exit with its DISREASN and E155 codes.
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
