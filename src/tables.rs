//! The tables of a caseload: one flat row per child, episode, placement, respite stay, plan,
//! exit and obligation, for analysis outside the crate (CSV, Arrow, Parquet, a data frame, SQL).
//!
//! Every fact a CFSR statewide data indicator reads (DOMAIN §9: the entry cohorts, the length
//! of stay, the 18th birthday, the exit to permanency, the re-entry, the placement moves and the
//! days in care) is a column, so that the indicators can be recomputed from the tables alone,
//! without the cases and without a birth date.
//!
//! ```
//! use chrono::NaiveDate;
//! use permanency::*;
//! use permanency::tables::{TableOptions, Tables};
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! let policy = Policy::federal();
//! let child = Child::new(ChildId::new("C-1")?, Name::new("Sam")?, d(2016, 5, 4), Sex::Male)?;
//! let mut case = Case::new(child, vec![])?;
//! let on = |date, what| Event::new(date, what);
//! let group = NewPlacement::new(PlacementId::new("PL-1")?, Setting::GroupHomeStaffOperated, None)?;
//! case.apply(on(d(2024, 1, 10), EventData::Removal(Removal::new(Manner::CourtOrder)))?, &policy)?;
//! case.apply(on(d(2024, 1, 10), EventData::PlacementBegun(group))?, &policy)?;
//! case.apply(on(d(2024, 6, 3), EventData::Discharge(Discharge::Reunified { to: None }))?, &policy)?;
//!
//! let tables = Tables::of([&case], d(2024, 12, 31), &policy, &TableOptions::new());
//! let episode = &tables.episodes[0];
//! // [2024-01-10, 2024-06-03): 22 (January 10–31) + 29 + 31 + 30 + 31 + 2 = 145 days.
//! assert_eq!(episode.length_of_stay_days, 145);
//! assert_eq!((episode.age_at_removal, episode.is_permanency), (Some(7), Some(true)));
//! // No birth date unless asked for.
//! assert_eq!(tables.children[0].date_of_birth, None);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The tables and their keys
//!
//! | table | one row per | key | joins |
//! |---|---|---|---|
//! | [`children`](Tables::children) ([`ChildRow`]) | child (case) | `child_id` | |
//! | [`episodes`](Tables::episodes) ([`EpisodeRow`]) | removal episode | `child_id`, `episode` | children |
//! | [`placements`](Tables::placements) ([`PlacementRow`]) | placement | `child_id`, `placement_id` | episodes by `child_id`, `episode` |
//! | [`respites`](Tables::respites) ([`RespiteRow`]) | respite stay (never a placement, never a move) | `child_id`, `respite_id` | placements by `child_id`, `placement_id` |
//! | [`plans`](Tables::plans) ([`PlanRow`]) | permanency plan | `child_id`, `plan` | episodes by `child_id`, `episode` |
//! | [`exits`](Tables::exits) ([`ExitRow`]) | ended episode | `child_id`, `episode` | episodes |
//! | [`obligations`](Tables::obligations) ([`ObligationRow`]) | obligation as of the date | `child_id`, `obligation` | episodes by `child_id`, `episode` |
//! | [`indicator_audit`](Tables::indicator_audit) ([`IndicatorAuditRow`]) | child and CFSR indicator ([`Tables::push_indicator`]) | `indicator`, `child_id` | episodes by `child_id`, `episode` |
//!
//! Each row type implements [`Row`]: its table's name, key and columns (name, kind, nullable),
//! for a writer that names files or types columns. Episode numbers are 1 for the first removal,
//! 2 for the first re-entry, and so on; placement ids are the case's own (unique within a case).
//!
//! # Conventions
//!
//! - Every column is a scalar: text, a whole number, a boolean, or a date, and each may be
//!   null where the doc says "null when". No column nests a list or a record: a set (the
//!   removal circumstances) is one `;`-joined text.
//! - Codes are the crate's wire names (`non_relative_foster_home`, `reunified`), as in the case
//!   JSON; the AFCARS codes are beside them.
//! - Dates are ISO 8601 (`YYYY-MM-DD`) with serde. Day counts are half-open, `[start, end)`:
//!   an entry on 03-01 and an exit on 03-08 is 7 days (DOMAIN §0.3). An open episode or
//!   placement runs to the tables' date, `as_of`, exclusive.
//! - Ages are whole years, by [`Child::age_on`](crate::Child::age_on) under the policy (its
//!   leap-day birthday reading); "18 or older" is on or after the day the child attains 18
//!   ([`Child::attains_age`](crate::Child::attains_age)).
//! - The cases are taken whole: give the tables the history known on `as_of` (an exit dated
//!   after `as_of` is still an exit).
//!
//! # Privacy
//!
//! By default no row carries a name or a birth date: the rows carry the ages and flags an
//! indicator needs instead. [`TableOptions::with_birth_dates`] adds
//! [`ChildRow::date_of_birth`] and [`EpisodeRow::date_turns_18`], and the dates of the
//! obligations counted from birthdays (withheld otherwise, see [`ObligationRow`]);
//! [`TableOptions::with_names`] adds [`ChildRow::name`]. Those columns are
//! [`Sensitive`]: `Debug` prints `[redacted]`, serialization writes them.
//!
//! The ages still narrow a birth date (with the dates beside them, to a year's window), and a
//! de-identified extract should weigh them. A count of days that ends at the 18th birthday
//! would give the birthday itself (the start plus the days): [`EpisodeRow::days_in_care_before_18`]
//! and [`IndicatorAuditRow::days`] are null for such rows unless the tables were made with birth
//! dates, and `Debug` redacts them even then. The CFSR's age-18 cuts need exactly that day
//! (placement stability drops the days and moves after it), so an independent check of those
//! children's figures needs the tables made with birth dates.
//!
//! # To Arrow, a data frame, SQL and Parquet
//!
//! The rows derive `serde::Serialize` and `serde::Deserialize` (feature `serde`, the default),
//! so [`serde_arrow`](https://docs.rs/serde_arrow) turns a table into an Arrow record batch.
//! serde_arrow follows each major version of arrow (features `arrow-55` ... `arrow-60`), so the
//! crate carries no arrow dependency and you pick the arrow your stack uses. Take the schema
//! from [`Row::COLUMNS`]: serde_arrow's `from_type` cannot trace a date (a `NaiveDate`
//! deserializes by parsing a string, which tracing cannot supply), and the columns type the
//! dates as dates:
//!
//! ```ignore
//! use std::sync::Arc;
//! use arrow::datatypes::{DataType, Field, FieldRef};
//! use permanency::tables::{ColumnKind, EpisodeRow, Row};
//!
//! fn fields<R: Row>() -> Vec<FieldRef> {
//!     R::COLUMNS.iter().map(|c| {
//!         let data_type = match c.kind {
//!             ColumnKind::Boolean => DataType::Boolean,
//!             ColumnKind::UInt8 => DataType::UInt8,
//!             ColumnKind::UInt32 => DataType::UInt32,
//!             // serde_arrow parses the rows' ISO dates into Date32.
//!             ColumnKind::Date => DataType::Date32,
//!             _ => DataType::Utf8,
//!         };
//!         Arc::new(Field::new(c.name, data_type, c.nullable))
//!     }).collect()
//! }
//!
//! let batch = serde_arrow::to_record_batch(&fields::<EpisodeRow>(), &tables.episodes)?;
//! ```
//!
//! From a record batch: DataFusion (`SessionContext::register_batch("episodes", batch)`, then
//! SQL), Polars (through its Arrow interop, or by reading the Parquet file), DuckDB (its
//! `Appender::append_record_batch`, or `read_parquet`). For Spark-scale work write Parquet
//! with the `parquet` crate's `ArrowWriter` (one file per table, a row group per batch of
//! cases) and read it from Spark, Polars or DuckDB. `examples/caseload.rs` does all of it for a
//! synthetic caseload: `cargo run --release --example caseload -- --children 100000 --parquet
//! out/`. Writing files is the caller's job: the library does no I/O.
//!
//! To keep memory flat over a large caseload, build one [`Tables`] with [`Tables::new`], push
//! each case as it is replayed ([`Tables::push_case`]) and take the rows out every so many
//! cases (`std::mem::take(&mut tables.episodes)`) into a record batch: no caseload is held
//! twice.
//!
//! # Extension point
//!
//! More tables are planned: an `indicator_audit` table (one row per child, indicator and
//! period, saying why a child is in or out of each denominator and numerator) will be a new
//! field of [`Tables`], which is `#[non_exhaustive]` so that adding one is not a breaking
//! change. A new column is added to the end of its row.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::case::Case;
use crate::case::Episode;
use crate::case::event::EventData;
use crate::child::IndianChildStatus;
use crate::date;
use crate::indicators::Report;
use crate::placement::Placement;
use crate::policy::Policy;
use crate::sensitive::Sensitive;
use crate::timeline::Obligation;

/// Text in a row: a code's wire name (borrowed, never allocated) or an id.
pub type Text = Cow<'static, str>;

/// What a table holds, for a writer: the table's name, its key and its columns.
pub trait Row {
    /// The table's name (`episodes`): a file or SQL table name.
    const TABLE: &'static str;
    /// The columns that identify a row, together.
    const KEY: &'static [&'static str];
    /// Every column, in the order the row serializes them, with the kind of its values and
    /// whether it may be null: the table's schema, to build an Arrow schema or SQL DDL from
    /// (serde alone cannot tell a date from text).
    const COLUMNS: &'static [Column];
}

/// One column of a table: its name, the kind of its values, and whether it may be null.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Column {
    /// The column's name, as serialized.
    pub name: &'static str,
    /// The kind of its values.
    pub kind: ColumnKind,
    /// Whether a value may be missing (`null`; an empty CSV field).
    pub nullable: bool,
}

/// The kind of values a column holds, as serde writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColumnKind {
    /// Text: an id, a wire name, a citation, a `;`-joined list.
    Text,
    /// `true` or `false`.
    Boolean,
    /// A whole number from 0 to 255 (an AFCARS code).
    UInt8,
    /// A whole number from 0 to 4,294,967,295 (a count, days, an age, a number).
    UInt32,
    /// A calendar date, written `YYYY-MM-DD` (Arrow `Date32`, SQL `DATE`).
    Date,
}

/// The column kind of a row field's type.
trait Value {
    const KIND: ColumnKind;
    const NULLABLE: bool = false;
}

impl Value for Text {
    const KIND: ColumnKind = ColumnKind::Text;
}

impl Value for bool {
    const KIND: ColumnKind = ColumnKind::Boolean;
}

impl Value for u8 {
    const KIND: ColumnKind = ColumnKind::UInt8;
}

impl Value for u32 {
    const KIND: ColumnKind = ColumnKind::UInt32;
}

impl Value for NaiveDate {
    const KIND: ColumnKind = ColumnKind::Date;
}

impl Value for String {
    const KIND: ColumnKind = ColumnKind::Text;
}

impl<T: Value> Value for Sensitive<T> {
    const KIND: ColumnKind = T::KIND;
    const NULLABLE: bool = T::NULLABLE;
}

impl<T: Value> Value for Option<T> {
    const KIND: ColumnKind = T::KIND;
    const NULLABLE: bool = true;
}

/// What the tables include beyond the default, de-identified columns. The default
/// ([`TableOptions::new`]): no names, no birth dates, the obligations included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TableOptions {
    birth_dates: bool,
    names: bool,
    obligations: bool,
}

impl Default for TableOptions {
    fn default() -> TableOptions {
        TableOptions::new()
    }
}

impl TableOptions {
    /// No names, no birth dates; the obligations as of the tables' date included.
    pub const fn new() -> TableOptions {
        TableOptions {
            birth_dates: false,
            names: false,
            obligations: true,
        }
    }

    /// The same options with the birth dates: [`ChildRow::date_of_birth`],
    /// [`EpisodeRow::date_turns_18`], and the dates of the obligations counted from the
    /// child's birthdays.
    #[must_use]
    pub const fn with_birth_dates(mut self) -> TableOptions {
        self.birth_dates = true;
        self
    }

    /// The same options with the child's name ([`ChildRow::name`]).
    #[must_use]
    pub const fn with_names(mut self) -> TableOptions {
        self.names = true;
        self
    }

    /// The same options without the obligations table (the clocks are the costly part of a
    /// table; [`Tables::push_obligations`] adds them later).
    #[must_use]
    pub const fn without_obligations(mut self) -> TableOptions {
        self.obligations = false;
        self
    }

    /// Whether the birth dates are included.
    pub const fn birth_dates(&self) -> bool {
        self.birth_dates
    }

    /// Whether the names are included.
    pub const fn names(&self) -> bool {
        self.names
    }

    /// Whether [`Tables::push_case`] derives the obligations.
    pub const fn obligations(&self) -> bool {
        self.obligations
    }
}

/// The tables of a caseload as of a date: every row of every case pushed, in the order pushed.
///
/// The tables are plain vectors: read them, take them (`std::mem::take`) to stream, or
/// serialize them one by one. See the [module](self) for the keys and the conventions.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Tables {
    /// One row per child.
    pub children: Vec<ChildRow>,
    /// One row per removal episode.
    pub episodes: Vec<EpisodeRow>,
    /// One row per placement.
    pub placements: Vec<PlacementRow>,
    /// One row per respite stay.
    pub respites: Vec<RespiteRow>,
    /// One row per permanency plan.
    pub plans: Vec<PlanRow>,
    /// One row per ended episode.
    pub exits: Vec<ExitRow>,
    /// One row per obligation as of the tables' date (unless
    /// [`without_obligations`](TableOptions::without_obligations)).
    pub obligations: Vec<ObligationRow>,
    /// One row per child and CFSR indicator, for the reports pushed with
    /// [`Tables::push_indicator`]: the audit trail of each figure.
    pub indicator_audit: Vec<IndicatorAuditRow>,
    as_of: NaiveDate,
    policy: Policy,
    options: TableOptions,
}

impl Tables {
    /// Empty tables as of `as_of` (the end of open episodes and placements, the obligations'
    /// date), under `policy` (its leap-day birthday reading, its clocks), with `options`.
    pub fn new(as_of: NaiveDate, policy: &Policy, options: &TableOptions) -> Tables {
        Tables {
            children: Vec::new(),
            episodes: Vec::new(),
            placements: Vec::new(),
            respites: Vec::new(),
            plans: Vec::new(),
            exits: Vec::new(),
            obligations: Vec::new(),
            indicator_audit: Vec::new(),
            as_of,
            policy: policy.clone(),
            options: *options,
        }
    }

    /// The tables of `cases` as of `as_of`: [`Tables::new`] and [`Tables::push_case`] for each.
    pub fn of<'a>(
        cases: impl IntoIterator<Item = &'a Case>,
        as_of: NaiveDate,
        policy: &Policy,
        options: &TableOptions,
    ) -> Tables {
        let mut tables = Tables::new(as_of, policy, options);
        for case in cases {
            tables.push_case(case);
        }
        tables
    }

    /// The tables' date.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// The options the tables were made with.
    pub fn options(&self) -> &TableOptions {
        &self.options
    }

    /// Appends the rows of `case`: its child, episodes, placements, respite stays, plans and
    /// exits, and its obligations unless the options leave them out.
    pub fn push_case(&mut self, case: &Case) {
        let child = case.child();
        let child_id: Text = Cow::Owned(child.id().as_str().to_owned());
        let turns_18 = child.attains_age(18, &self.policy);
        let age = |on: NaiveDate| child.age_on(on, &self.policy);
        let episodes = case.episodes();
        let mut ep_placements = Vec::new();
        for (i, ep) in episodes.iter().enumerate() {
            let period = ep.period(self.as_of);
            let placements = case.episode_placements(ep);
            let flags: Vec<bool> = case.placement_move_flags(ep).collect();
            let moves = flags.iter().filter(|m| **m).count();
            let settings = placements
                .iter()
                .zip(&flags)
                .enumerate()
                .filter(|(k, (p, moved))| {
                    p.setting().counts_as_placement_setting()
                        && (**moved || first_setting(placements) == Some(*k))
                })
                .count();
            let exit = ep.exit();
            let end = period.end();
            // Days that end at the 18th birthday give it away (removal date + days): withheld
            // unless the caller asked for birth dates.
            let ends_at_18 = ep.removal_date() < turns_18 && turns_18 <= end;
            let before_18 = (!ends_at_18 || self.options.birth_dates).then(|| {
                date::Period::new(ep.removal_date(), end.min(turns_18).max(ep.removal_date()))
                    .map_or(0, |p| p.days())
            });
            self.episodes.push(EpisodeRow {
                child_id: child_id.clone(),
                episode: ep.number(),
                is_reentry: ep.is_reentry(),
                removal_date: ep.removal_date(),
                manner: Cow::Borrowed(ep.manner().as_str()),
                removed_from_family_id: ep.removed_from().map(|f| text(f.as_str())),
                removal_circumstances: circumstances(case, ep),
                exit_date: exit.map(|x| x.date),
                exit_reason: exit.map(|x| Cow::Borrowed(x.reason.as_str())),
                exit_reason_afcars_1993: exit.map(|x| x.reason.afcars_1993_code()),
                is_permanency: exit.map(|x| x.reason.is_permanency()),
                age_at_removal: age(ep.removal_date()),
                age_at_exit_or_as_of: age(end),
                entered_at_18_or_older: ep.removal_date() >= turns_18,
                exited_at_18_or_older: exit.map(|x| x.date >= turns_18),
                length_of_stay_days: period.days(),
                days_in_care_before_18: before_18,
                placements: count(placements.len()),
                placement_moves: count(moves),
                placement_settings: count(settings),
                date_turns_18: self.options.birth_dates.then(|| Sensitive::new(turns_18)),
            });
            for (k, (p, moved)) in placements.iter().zip(&flags).enumerate() {
                self.placements.push(placement_row(
                    &child_id,
                    ep.number(),
                    count(k + 1),
                    p,
                    *moved,
                    self.as_of,
                    turns_18,
                ));
            }
            if let Some(x) = exit {
                let next = episodes.get(i + 1).map(Episode::removal_date);
                let last = placements.last();
                let visit = last.filter(|p| p.setting().is_trial_home_visit());
                self.exits.push(ExitRow {
                    child_id: child_id.clone(),
                    episode: ep.number(),
                    removal_date: ep.removal_date(),
                    exit_date: x.date,
                    exit_reason: Cow::Borrowed(x.reason.as_str()),
                    exit_reason_afcars_1993: x.reason.afcars_1993_code(),
                    is_permanency: x.reason.is_permanency(),
                    length_of_stay_days: period.days(),
                    age_at_exit: age(x.date),
                    exited_at_18_or_older: x.date >= turns_18,
                    last_placement_id: last.map(|p| text(p.id().as_str())),
                    last_setting: last.map(|p| Cow::Borrowed(p.setting().as_str())),
                    from_trial_home_visit: visit.is_some(),
                    trial_home_visit_start: visit.map(Placement::start),
                    trial_home_visit_days: visit.map(|p| p.period(self.as_of).days()),
                    reentry_date: next,
                    days_to_reentry: next
                        .map(|n| date::Period::new(x.date, n.max(x.date)).map_or(0, |p| p.days())),
                });
            }
            ep_placements.push((ep.number(), placements));
        }
        for (n, (start, respite)) in case.respites().enumerate() {
            let episode = episodes
                .iter()
                .rev()
                .find(|e| e.removal_date() <= start)
                .map(Episode::number);
            let from = ep_placements
                .iter()
                .flat_map(|(_, ps)| ps.iter())
                .rev()
                .find(|p| p.start() <= start);
            self.respites.push(RespiteRow {
                child_id: child_id.clone(),
                respite: count(n + 1),
                respite_id: text(respite.id().as_str()),
                episode,
                placement_id: from.map(|p| text(p.id().as_str())),
                start_date: start,
                return_date: respite.returns(),
                nights: respite.nights(start),
                caregiver_family_id: respite.caregiver().map(|f| text(f.as_str())),
            });
        }
        let plans = case.plans();
        for (n, plan) in plans.iter().enumerate() {
            let established = plan.established();
            self.plans.push(PlanRow {
                child_id: child_id.clone(),
                plan: count(n + 1),
                episode: episodes
                    .iter()
                    .rev()
                    .find(|e| e.removal_date() <= established)
                    .map(Episode::number),
                established_date: established,
                superseded_date: plans.get(n + 1).map(|p| p.established()),
                primary_goal: Cow::Borrowed(plan.primary_goal().as_str()),
                concurrent_goal: plan.concurrent_goal().map(|g| Cow::Borrowed(g.as_str())),
            });
        }
        let status = case.indian_child_status_on(self.as_of);
        self.children.push(ChildRow {
            child_id: child_id.clone(),
            sex: Cow::Borrowed(child.sex().as_str()),
            indian_child_status: Cow::Borrowed(icwa_name(status)),
            icwa_applies: status.icwa_applies(),
            age_on_as_of: age(self.as_of),
            stage: Cow::Borrowed(case.stage().kind().wire_name()),
            in_care: case.current_episode().is_some(),
            episodes: count(episodes.len()),
            placements: count(case.placements().len()),
            date_of_birth: self.options.birth_dates.then(|| child.date_of_birth()),
            name: self
                .options
                .names
                .then(|| Sensitive::new(child.name().expose().as_str().to_owned())),
        });
        if self.options.obligations {
            self.push_obligations(case);
        }
    }

    /// Appends the obligations of `case` as of the tables' date ([`Case::obligations`]), one
    /// row each: for tables made [`without_obligations`](TableOptions::without_obligations), or
    /// to derive them in a separate pass.
    pub fn push_obligations(&mut self, case: &Case) {
        let child_id: Text = Cow::Owned(case.child().id().as_str().to_owned());
        let obligations = case.obligations(self.as_of, &self.policy);
        self.obligations.reserve(obligations.len());
        for (n, o) in obligations.iter().enumerate() {
            self.obligations.push(obligation_row(
                &child_id,
                count(n + 1),
                o,
                self.options.birth_dates,
            ));
        }
    }
}

impl Tables {
    /// Appends the audit trail of an indicator ([`Report::rows`]): one row per child of the
    /// caseload the report was computed over, in the report's order. The days a child
    /// contributed to P5 or maltreatment in care are left out (null, `days_withheld`) when they
    /// end at the 18th birthday, unless the tables were made
    /// [`with_birth_dates`](TableOptions::with_birth_dates): with the entry date they would give
    /// the birth date away. The report's own denominator still counts them.
    ///
    /// ```
    /// use permanency::indicators::{self, Indicator, ReportPeriod};
    /// use permanency::tables::{TableOptions, Tables};
    /// use permanency::Policy;
    ///
    /// let policy = Policy::federal();
    /// let period = ReportPeriod::federal_fiscal_year(2024)?;
    /// let cases: Vec<permanency::Case> = Vec::new();
    /// let report = indicators::compute(Indicator::PlacementStability, &cases, period, &policy);
    /// let mut tables = Tables::new(period.last_day(), &policy, &TableOptions::new());
    /// tables.push_indicator(&report);
    /// assert!(tables.indicator_audit.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn push_indicator(&mut self, report: &Report<'_>) {
        let shown = self.options.birth_dates;
        self.indicator_audit.reserve(report.rows().len());
        for r in report.rows() {
            let withheld = r.days_end_at_18 && !shown;
            self.indicator_audit.push(IndicatorAuditRow {
                indicator: Cow::Borrowed(r.indicator.as_str()),
                child_id: text(r.child.as_str()),
                episode: r.episode,
                start: r.start,
                age_group: r.age_group.map(|g| Cow::Borrowed(g.as_str())),
                months_in_care: r.months_in_care,
                exit_date: r.exit_date,
                exit_reason: r.exit_reason.map(|x| Cow::Borrowed(x.as_str())),
                length_of_stay: r.length_of_stay,
                trial_home_visit_days_beyond_30: r.trial_home_visit_days_beyond_30,
                in_denominator: r.in_denominator(),
                denominator: Cow::Borrowed(r.denominator.as_str()),
                in_numerator: r.in_numerator(),
                numerator: Cow::Borrowed(r.numerator.as_str()),
                event_date: r.event_date,
                days: (!withheld).then_some(r.days),
                count: r.count,
                days_end_at_18: r.days_end_at_18,
                days_withheld: withheld,
            });
        }
    }
}

/// An id or a text of the case as an owned row value.
fn text(s: &str) -> Text {
    Cow::Owned(s.to_owned())
}

/// A count as a column value (a caseload's counts are far below `u32::MAX`).
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The index of the first placement that counts as a placement setting.
fn first_setting(placements: &[Placement]) -> Option<usize> {
    placements
        .iter()
        .position(|p| p.setting().counts_as_placement_setting())
}

/// The circumstances recorded on the removal that began `episode`, `;`-joined.
fn circumstances(case: &Case, episode: &Episode) -> Text {
    match case.events().get(episode.removal_event()).map(|e| e.what()) {
        Some(EventData::Removal(r)) => {
            let names: Vec<&str> = r.circumstances.iter().map(|c| c.as_str()).collect();
            Cow::Owned(names.join(";"))
        }
        _ => Cow::Borrowed(""),
    }
}

/// The wire name of an ICWA status.
fn icwa_name(status: &IndianChildStatus) -> &'static str {
    match status {
        IndianChildStatus::IndianChild { .. } => "indian_child",
        IndianChildStatus::NotIndianChild => "not_indian_child",
        IndianChildStatus::ReasonToKnow => "reason_to_know",
        IndianChildStatus::Unknown => "unknown",
        IndianChildStatus::InquiryMade => "inquiry_made",
    }
}

/// [`PlacementRow::location`] of a runaway or whereabouts-unknown row (AFCARS E121 "runaway or
/// whereabouts unknown").
const RUNAWAY_LOCATION: &str = "runaway_or_whereabouts_unknown";

fn placement_row(
    child_id: &Text,
    episode: u32,
    number: u32,
    p: &Placement,
    is_move: bool,
    as_of: NaiveDate,
    turns_18: NaiveDate,
) -> PlacementRow {
    let setting = p.setting();
    let what = p.what();
    PlacementRow {
        child_id: child_id.clone(),
        episode,
        placement: number,
        placement_id: text(p.id().as_str()),
        setting: Cow::Borrowed(setting.as_str()),
        setting_afcars_1993: setting.afcars_1993_code(),
        setting_afcars_2020: setting.afcars_2020_code(),
        caregiver_family_id: p.caregiver().map(|f| text(f.as_str())),
        facility_id: what.facility().map(|f| text(f.as_str())),
        // E121 has a value of its own for a child away from any placement (AXE: 4 when E120
        // is 12 or 13); a runaway has no home whose location one could record.
        location: Cow::Borrowed(if setting.is_runaway() {
            RUNAWAY_LOCATION
        } else {
            what.location().as_str()
        }),
        specified_setting: what.specified_setting().map(|s| Cow::Borrowed(s.as_str())),
        start_date: p.start(),
        end_date: p.end().map(|e| e.date),
        end_reason: p.end().map(|e| Cow::Borrowed(e.reason.as_str())),
        days: p.period(as_of).days(),
        counts_as_placement_setting: setting.counts_as_placement_setting(),
        is_trial_home_visit: setting.is_trial_home_visit(),
        is_runaway: setting.is_runaway(),
        is_move,
        began_at_18_or_older: p.start() >= turns_18,
    }
}

fn obligation_row(
    child_id: &Text,
    number: u32,
    o: &Obligation,
    birth_dates: bool,
) -> ObligationRow {
    let row = o.row();
    let follows_birthdays = o.kind().follows_birthdays();
    let shown = birth_dates || !follows_birthdays;
    let date = |d: Option<NaiveDate>| d.filter(|_| shown);
    ObligationRow {
        child_id: child_id.clone(),
        obligation: number,
        kind: Cow::Borrowed(o.kind().as_str()),
        rule: Cow::Borrowed(o.rule().as_str()),
        citation: Cow::Borrowed(o.citation()),
        episode: o.episode(),
        subject_kind: row.subject_kind,
        subject_id: row.subject_id.map(Cow::Owned),
        counts_from: date(Some(o.counts_from())),
        due: date(Some(o.due())),
        status: row.status,
        is_met: o.status().is_met(),
        met_on: date(row.met_on),
        waiver: row.waiver,
        consequence: row.consequence,
        consequence_from: date(row.consequence_from),
        consequence_until: date(row.consequence_until),
        follows_birthdays,
        dates_withheld: !shown,
    }
}

macro_rules! row {
    (
        $(#[$doc:meta])*
        $name:ident, derive [$($derive:ident),*], table $table:literal, key [$($key:literal),*] {
            $( $(#[$fdoc:meta])* $field:ident: $ty:ty, )*
        }
    ) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, $($derive),*)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[non_exhaustive]
        pub struct $name {
            $( $(#[$fdoc])* pub $field: $ty, )*
        }

        impl Row for $name {
            const TABLE: &'static str = $table;
            const KEY: &'static [&'static str] = &[$($key),*];
            const COLUMNS: &'static [Column] = &[$(Column {
                name: stringify!($field),
                kind: <$ty as Value>::KIND,
                nullable: <$ty as Value>::NULLABLE,
            }),*];
        }
    };
}

row! {
    /// One child (one case), as of the tables' date.
    ChildRow, derive [Debug], table "children", key ["child_id"] {
        /// The child's id.
        child_id: Text,
        /// Sex as recorded: `female`, `male` or `unknown`.
        sex: Text,
        /// The ICWA status on the tables' date (`indian_child`, `not_indian_child`,
        /// `reason_to_know`, `inquiry_made`, `unknown`), as
        /// [`Case::indian_child_status_on`] gives it.
        indian_child_status: Text,
        /// Whether the Indian Child Welfare Act applies on the tables' date: an Indian child, or
        /// reason to know (25 CFR 23.107(b)).
        icwa_applies: bool,
        /// Age in whole years on the tables' date; null before birth.
        age_on_as_of: Option<u32>,
        /// The stage on the tables' date (`foster_care`, `exited`, ...), the wire name of
        /// [`StageKind`](crate::StageKind).
        stage: Text,
        /// Whether an episode is open (the child is in care).
        in_care: bool,
        /// The number of removal episodes (rows of `episodes`).
        episodes: u32,
        /// The number of placements across all episodes (rows of `placements`).
        placements: u32,
        /// The date of birth: only with [`TableOptions::with_birth_dates`], else null.
        /// Redacted in `Debug`.
        date_of_birth: Option<Sensitive<NaiveDate>>,
        /// The child's name: only with [`TableOptions::with_names`], else null. Redacted in
        /// `Debug`.
        name: Option<Sensitive<String>>,
    }
}

row! {
    /// One removal episode: from a removal to the exit that ends it (or the tables' date).
    ///
    /// The CFSR permanency indicators read these columns: the entry date and the exit, the
    /// length of stay (the 8-day exclusion), the ages at entry and exit (the 18-or-older
    /// exclusions and the "before the 18th birthday" numerators), and for placement stability
    /// the moves and the days in care before 18.
    EpisodeRow, derive [], table "episodes", key ["child_id", "episode"] {
        /// The child's id.
        child_id: Text,
        /// The episode's number: 1 for the first removal, 2 for the first re-entry, ...
        episode: u32,
        /// Whether the episode is a re-entry (its number is above 1).
        is_reentry: bool,
        /// The removal date: the first day in care (AFCARS 1993 element 21/23, the latest
        /// removal date of this episode).
        removal_date: NaiveDate,
        /// How the child came into care: `court_order`, `emergency` or
        /// `voluntary_placement_agreement`.
        manner: Text,
        /// The family the child was removed from, when recorded; else null.
        removed_from_family_id: Option<Text>,
        /// The circumstances recorded at removal (AFCARS 2020 E72–E105), wire names in element
        /// order joined by `;` (`neglect;caregiver_drug_use`); empty when none is recorded.
        removal_circumstances: Text,
        /// The exit date: the first day out of care; null while the episode is open.
        exit_date: Option<NaiveDate>,
        /// The exit reason's wire name (`reunified`, `adopted`, ...); null while open.
        exit_reason: Option<Text>,
        /// The exit reason's AFCARS 1993 DISREASN code (1–8); null while open.
        exit_reason_afcars_1993: Option<u8>,
        /// Whether the CFSR counts the exit as permanency (reunification, living with other
        /// relatives, guardianship, adoption); null while open.
        is_permanency: Option<bool>,
        /// Age in whole years on the removal date.
        age_at_removal: Option<u32>,
        /// Age in whole years on the exit date, or on the tables' date while open.
        age_at_exit_or_as_of: Option<u32>,
        /// Whether the child had attained 18 on the removal date (excluded from every CFSR
        /// permanency indicator).
        entered_at_18_or_older: bool,
        /// Whether the exit date is on or after the 18th birthday (not a permanency "before the
        /// 18th birthday"); null while open.
        exited_at_18_or_older: Option<bool>,
        /// Days in care, `[removal_date, exit_date)`, or to the tables' date (exclusive) while
        /// open. Trial home visit and runaway days are in it: the child is in care.
        length_of_stay_days: u32,
        /// The days of `length_of_stay_days` before the 18th birthday: `[removal_date,
        /// min(end, 18th birthday))`, 0 when the child entered at 18 or older. Equal to
        /// `length_of_stay_days` unless the child turned 18 in this episode; then
        /// `removal_date` plus this many days is the 18th birthday, so the value is null
        /// (withheld) for such an episode — one whose end is on or after the 18th birthday —
        /// unless the tables were made [with birth dates](TableOptions::with_birth_dates), and
        /// `Debug` redacts it even then.
        days_in_care_before_18: Option<u32>,
        /// The number of placements of the episode (rows of `placements`), trial home visits and
        /// runaways included.
        placements: u32,
        /// The AFCARS placement moves of the episode ([`Case::placement_moves`]): the rows of
        /// `placements` with `is_move`.
        placement_moves: u32,
        /// The number of placement settings of the episode (AFCARS 1993 element 24): the first
        /// setting and every move; trial home visits, runaways and returns to the same setting
        /// are not settings of their own. `placement_moves + 1` once the child has been in a
        /// setting, else 0.
        placement_settings: u32,
        /// The day the child attains 18: only with [`TableOptions::with_birth_dates`], else
        /// null. Redacted in `Debug`.
        date_turns_18: Option<Sensitive<NaiveDate>>,
    }
}

row! {
    /// One placement: a stay in one setting within an episode.
    PlacementRow, derive [Debug], table "placements", key ["child_id", "placement_id"] {
        /// The child's id.
        child_id: Text,
        /// The episode the placement belongs to.
        episode: u32,
        /// The placement's position in its episode: 1, 2, ...
        placement: u32,
        /// The placement's id.
        placement_id: Text,
        /// The setting's wire name ([`Setting`](crate::Setting): `non_relative_foster_home`,
        /// `trial_home_visit`, ...).
        setting: Text,
        /// The AFCARS 1993 current placement setting code (element 41).
        setting_afcars_1993: u8,
        /// The AFCARS 2020 "other living arrangement type" (E120) code, 0 for a foster family
        /// home.
        setting_afcars_2020: u8,
        /// The caregiver family, for a family setting; else null.
        caregiver_family_id: Option<Text>,
        /// The facility or provider, when recorded for a non-family setting; else null.
        facility_id: Option<Text>,
        /// `in_state`, `out_of_state` or `out_of_country` (AFCARS E121), the placement's
        /// [`Location`](crate::Location); `runaway_or_whereabouts_unknown` for a runaway or
        /// whereabouts-unknown row (E121 4, which AXE requires when E120 is 12 or 13).
        location: Text,
        /// A specified setting of SSA §472(k)(2) (`prenatal_postpartum_parenting`, ...), when
        /// designated; else null.
        specified_setting: Option<Text>,
        /// The first day in the placement.
        start_date: NaiveDate,
        /// The first day out of the placement; null while open.
        end_date: Option<NaiveDate>,
        /// Why it ended (`replaced`, `disrupted`, `discharged`, `died`, `limit_exceeded`); null
        /// while open.
        end_reason: Option<Text>,
        /// Days in the placement, `[start_date, end_date)`, or to the tables' date while open.
        days: u32,
        /// Whether the setting counts as a placement setting (AFCARS 1993 element 24): not a
        /// trial home visit, not a runaway.
        counts_as_placement_setting: bool,
        /// Whether the placement is a trial home visit.
        is_trial_home_visit: bool,
        /// Whether the placement is a runaway or whereabouts-unknown status.
        is_runaway: bool,
        /// Whether the placement is an AFCARS placement move
        /// ([`Case::placement_move_flags`]): a new setting after the first, not a return to the
        /// same family or facility. The episode's `placement_moves` counts these.
        is_move: bool,
        /// Whether the placement began on or after the 18th birthday (placement stability drops
        /// the moves after it).
        began_at_18_or_older: bool,
    }
}

row! {
    /// One respite stay: a stay away from the placement in progress that returns to it
    /// (CWPM 1.2B.7). A respite is never a placement and never a placement move.
    RespiteRow, derive [Debug], table "respites", key ["child_id", "respite_id"] {
        /// The child's id.
        child_id: Text,
        /// The stay's position among the case's respite stays: 1, 2, ...
        respite: u32,
        /// The stay's id.
        respite_id: Text,
        /// The episode it falls in; null if it precedes every removal.
        episode: Option<u32>,
        /// The placement the child was away from (and returned to); null if none had begun.
        placement_id: Option<Text>,
        /// The first day away.
        start_date: NaiveDate,
        /// The day the child is back in the placement (the first day not in respite).
        return_date: NaiveDate,
        /// The nights away: `return_date - start_date`.
        nights: u32,
        /// The respite caregiver's family, when recorded; else null.
        caregiver_family_id: Option<Text>,
    }
}

row! {
    /// One permanency plan, in force from its date until the next plan's.
    PlanRow, derive [Debug], table "plans", key ["child_id", "plan"] {
        /// The child's id.
        child_id: Text,
        /// The plan's position in the case: 1, 2, ...
        plan: u32,
        /// The episode in which the plan was set (the last removal on or before its date); null
        /// for a plan set before any removal.
        episode: Option<u32>,
        /// The date the plan was established.
        established_date: NaiveDate,
        /// The date the next plan replaced it; null for the plan in force.
        superseded_date: Option<NaiveDate>,
        /// The primary goal: `reunification`, `adoption`, `legal_guardianship`,
        /// `fit_and_willing_relative` or `appla`.
        primary_goal: Text,
        /// The concurrent goal, if any; else null.
        concurrent_goal: Option<Text>,
    }
}

row! {
    /// One exit from care: an ended episode, with what the re-entry and permanency indicators
    /// read about it.
    ExitRow, derive [Debug], table "exits", key ["child_id", "episode"] {
        /// The child's id.
        child_id: Text,
        /// The episode that ended.
        episode: u32,
        /// The episode's removal date.
        removal_date: NaiveDate,
        /// The exit date: the first day out of care.
        exit_date: NaiveDate,
        /// The exit reason's wire name (`reunified`, `living_with_other_relatives`, `adopted`,
        /// `emancipated`, `guardianship`, `transferred_to_another_agency`, `runaway_discharge`,
        /// `death`).
        exit_reason: Text,
        /// The exit reason's AFCARS 1993 DISREASN code (1–8).
        exit_reason_afcars_1993: u8,
        /// Whether the CFSR counts the exit as permanency.
        is_permanency: bool,
        /// Days in care, `[removal_date, exit_date)`.
        length_of_stay_days: u32,
        /// Age in whole years on the exit date.
        age_at_exit: Option<u32>,
        /// Whether the exit date is on or after the 18th birthday.
        exited_at_18_or_older: bool,
        /// The episode's last placement; null if it had none.
        last_placement_id: Option<Text>,
        /// The last placement's setting (wire name); null if none.
        last_setting: Option<Text>,
        /// Whether the last placement was a trial home visit (the CFSR permanency-in-12-months
        /// trial home visit adjustment).
        from_trial_home_visit: bool,
        /// The first day of that trial home visit; null otherwise.
        trial_home_visit_start: Option<NaiveDate>,
        /// The days of that trial home visit, `[start, end)`; null otherwise.
        trial_home_visit_days: Option<u32>,
        /// The removal date of the next episode (the re-entry); null when none followed.
        reentry_date: Option<NaiveDate>,
        /// Days from the exit to the re-entry, `[exit_date, reentry_date)`; null when none
        /// followed.
        days_to_reentry: Option<u32>,
    }
}

row! {
    /// One obligation of a case as of the tables' date ([`Case::obligations`], flattened as
    /// [`timeline::ObligationRow`](crate::timeline::ObligationRow) is, with the child's id).
    ///
    /// The dates of an obligation counted from the child's birthdays
    /// ([`ObligationKind::follows_birthdays`](crate::ObligationKind::follows_birthdays)) give
    /// the birth date away: without [`TableOptions::with_birth_dates`] they are null and
    /// `dates_withheld` is true; with it, `Debug` still redacts them.
    ObligationRow, derive [], table "obligations", key ["child_id", "obligation"] {
        /// The child's id.
        child_id: Text,
        /// The obligation's position among the case's obligations (by due date): 1, 2, ...
        obligation: u32,
        /// The obligation's kind (wire name of [`ObligationKind`](crate::ObligationKind)).
        kind: Text,
        /// The rule it comes from (wire name of [`RuleId`](crate::RuleId)).
        rule: Text,
        /// The rule's citation.
        citation: Text,
        /// The episode it belongs to; null for an obligation of the case.
        episode: Option<u32>,
        /// The kind of its subject: `person`, `family` or `placement`; null when none.
        subject_kind: Option<Text>,
        /// The subject's id; null when none.
        subject_id: Option<Text>,
        /// The date the clock counts from; null when withheld.
        counts_from: Option<NaiveDate>,
        /// The last day to meet it; null when withheld.
        due: Option<NaiveDate>,
        /// `met`, `met_late`, `overdue`, `upcoming`, `not_yet_applicable`, `waived` or
        /// `reached`.
        status: Text,
        /// Whether it was met, on time or late.
        is_met: bool,
        /// The day it was met; null when not met or withheld.
        met_on: Option<NaiveDate>,
        /// The exception that waived it (`relative_care`, ...); null when not waived.
        waiver: Option<Text>,
        /// The consequence in effect (`ineligible_between`, ...); null when none.
        consequence: Option<Text>,
        /// The first day the consequence applies; null when none or withheld.
        consequence_from: Option<NaiveDate>,
        /// The day an ineligibility ended; null when it has not, or withheld.
        consequence_until: Option<NaiveDate>,
        /// Whether its dates are counted from the child's birthdays.
        follows_birthdays: bool,
        /// Whether its dates were left out because they would give the birth date away.
        dates_withheld: bool,
    }
}

row! {
    /// One child's line in a CFSR indicator ([`indicators::AuditRow`](crate::indicators::AuditRow),
    /// owned and flat): in or out of the denominator and why, in or out of the numerator and
    /// why, and what the child contributed. Summing `in_numerator` (P1–P4, recurrence) or
    /// `count` (P5, maltreatment in care) over the rows of one indicator gives its numerator;
    /// counting `in_denominator` or summing `days` its denominator.
    IndicatorAuditRow, derive [], table "indicator_audit", key ["indicator", "child_id"] {
        /// The indicator's wire name (`permanency_in_12_months_entries`, ...).
        indicator: Text,
        /// The child's id.
        child_id: Text,
        /// The episode the indicator read; null when none.
        episode: Option<u32>,
        /// Its removal date; for recurrence the first report in the period; null when none.
        start: Option<NaiveDate>,
        /// The age group at `start` (`under_1`, `1_to_5`, ...); null when none.
        age_group: Option<Text>,
        /// P2, P3: whole months in care on the period's first day.
        months_in_care: Option<u32>,
        /// The episode's exit date (the first day out of care); null when none.
        exit_date: Option<NaiveDate>,
        /// The episode's exit reason; null when none.
        exit_reason: Option<Text>,
        /// The length of stay in days, `exit − removal`; null while in care.
        length_of_stay: Option<u32>,
        /// P1: the days of a final trial home visit beyond 30, taken off the length of stay.
        trial_home_visit_days_beyond_30: Option<u32>,
        /// Whether the child is in the denominator.
        in_denominator: bool,
        /// Why in or out of the denominator (`included`, `stay_under_8_days`, ...).
        denominator: Text,
        /// Whether the child counts in the numerator (or contributed a move or a
        /// victimization).
        in_numerator: bool,
        /// Why in or out of the numerator (`permanency`, `exited_at_18_or_older`, ...).
        numerator: Text,
        /// P4: the re-entry date; recurrence: the next report's date.
        event_date: Option<NaiveDate>,
        /// P5, maltreatment in care: the days in care contributed; null when withheld.
        days: Option<u32>,
        /// P5: the moves contributed; maltreatment in care: the victimizations.
        count: u32,
        /// Whether `days` ends at the 18th birthday: the child turned 18 in care in the
        /// period, and the days from then on do not count.
        days_end_at_18: bool,
        /// Whether `days` was left out: it ends at the 18th birthday and the tables were not
        /// made with birth dates.
        days_withheld: bool,
    }
}

impl core::fmt::Debug for EpisodeRow {
    /// Every field, `days_in_care_before_18` redacted when it ends at the 18th birthday (even in
    /// tables made with birth dates): with the removal date it is the birthday.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let redacted = self.days_in_care_before_18.map(|_| Sensitive::new(()));
        // 18 by the end without entering at 18: the child turned 18 in the episode.
        let ends_at_18 =
            !self.entered_at_18_or_older && self.age_at_exit_or_as_of.is_some_and(|a| a >= 18);
        let before_18: &dyn core::fmt::Debug = if ends_at_18 {
            &redacted
        } else {
            &self.days_in_care_before_18
        };
        f.debug_struct("EpisodeRow")
            .field("child_id", &self.child_id)
            .field("episode", &self.episode)
            .field("is_reentry", &self.is_reentry)
            .field("removal_date", &self.removal_date)
            .field("manner", &self.manner)
            .field("removed_from_family_id", &self.removed_from_family_id)
            .field("removal_circumstances", &self.removal_circumstances)
            .field("exit_date", &self.exit_date)
            .field("exit_reason", &self.exit_reason)
            .field("exit_reason_afcars_1993", &self.exit_reason_afcars_1993)
            .field("is_permanency", &self.is_permanency)
            .field("age_at_removal", &self.age_at_removal)
            .field("age_at_exit_or_as_of", &self.age_at_exit_or_as_of)
            .field("entered_at_18_or_older", &self.entered_at_18_or_older)
            .field("exited_at_18_or_older", &self.exited_at_18_or_older)
            .field("length_of_stay_days", &self.length_of_stay_days)
            .field("days_in_care_before_18", before_18)
            .field("placements", &self.placements)
            .field("placement_moves", &self.placement_moves)
            .field("placement_settings", &self.placement_settings)
            .field("date_turns_18", &self.date_turns_18)
            .finish()
    }
}

impl core::fmt::Debug for IndicatorAuditRow {
    /// Every field, the days redacted when they end at the 18th birthday (even in tables made
    /// with birth dates), as [`AuditRow`](crate::indicators::AuditRow)'s `Debug` does.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let redacted = self.days.map(|_| Sensitive::new(()));
        let days: &dyn core::fmt::Debug = if self.days_end_at_18 {
            &redacted
        } else {
            &self.days
        };
        f.debug_struct("IndicatorAuditRow")
            .field("indicator", &self.indicator)
            .field("child_id", &self.child_id)
            .field("episode", &self.episode)
            .field("start", &self.start)
            .field("age_group", &self.age_group)
            .field("months_in_care", &self.months_in_care)
            .field("exit_date", &self.exit_date)
            .field("exit_reason", &self.exit_reason)
            .field("length_of_stay", &self.length_of_stay)
            .field(
                "trial_home_visit_days_beyond_30",
                &self.trial_home_visit_days_beyond_30,
            )
            .field("in_denominator", &self.in_denominator)
            .field("denominator", &self.denominator)
            .field("in_numerator", &self.in_numerator)
            .field("numerator", &self.numerator)
            .field("event_date", &self.event_date)
            .field("days", days)
            .field("count", &self.count)
            .field("days_end_at_18", &self.days_end_at_18)
            .field("days_withheld", &self.days_withheld)
            .finish()
    }
}

impl core::fmt::Debug for ObligationRow {
    /// The dates of an obligation counted from the child's birthdays print as `[redacted]`,
    /// as [`Obligation`]'s `Debug` does.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let hidden = self.follows_birthdays;
        let date = |d: &Option<NaiveDate>| -> Box<dyn core::fmt::Debug> {
            match (hidden, d) {
                (true, Some(_)) => Box::new(Some(Sensitive::new(()))),
                _ => Box::new(*d),
            }
        };
        f.debug_struct("ObligationRow")
            .field("child_id", &self.child_id)
            .field("obligation", &self.obligation)
            .field("kind", &self.kind)
            .field("rule", &self.rule)
            .field("citation", &self.citation)
            .field("episode", &self.episode)
            .field("subject_kind", &self.subject_kind)
            .field("subject_id", &self.subject_id)
            .field("counts_from", &date(&self.counts_from))
            .field("due", &date(&self.due))
            .field("status", &self.status)
            .field("is_met", &self.is_met)
            .field("met_on", &date(&self.met_on))
            .field("waiver", &self.waiver)
            .field("consequence", &self.consequence)
            .field("consequence_from", &date(&self.consequence_from))
            .field("consequence_until", &date(&self.consequence_until))
            .field("follows_birthdays", &self.follows_birthdays)
            .field("dates_withheld", &self.dates_withheld)
            .finish()
    }
}
