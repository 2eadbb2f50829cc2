//! A synthetic caseload as tables: `cargo run --release --example caseload -- --children 100000
//! --seed 1 [--as-of 2026-01-01] [--csv DIR] [--parquet DIR]`.
//!
//! Generates the synthetic caseload of the seed (every case built event by event through
//! `Case::apply`, every history valid under the federal policy; `benches/support/synthetic.rs`
//! describes its shape), draws its tables (`permanency::tables`) and its obligations, computes
//! the CFSR indicators over federal fiscal year 2024, and prints the counts and the time each
//! step took. With `--csv DIR` it writes one CSV file per table; with
//! `--parquet DIR` one Parquet file per table, through Arrow record batches built by
//! `serde_arrow` from the same rows (dates typed as Arrow `Date32`). The files open in Polars,
//! DuckDB, DataFusion or Spark. The library does no I/O: writing is this example's job.

// An example times its steps: the library's no-clock rule (clippy.toml) is not for it.
#![allow(clippy::disallowed_methods)]

use std::error::Error;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use arrow_schema::{DataType, Field, FieldRef, Schema};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use permanency::Policy;
use permanency::indicators::{self, Indicator};
use permanency::tables::{ColumnKind, Row, TableOptions, Tables};

#[path = "../benches/support/synthetic.rs"]
#[allow(dead_code)]
mod synthetic;

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

/// The command line.
struct Args {
    children: u64,
    seed: u64,
    as_of: Option<NaiveDate>,
    csv: Option<PathBuf>,
    parquet: Option<PathBuf>,
}

const USAGE: &str =
    "usage: caseload [--children N] [--seed S] [--as-of YYYY-MM-DD] [--csv DIR] [--parquet DIR]";

fn args() -> Result<Args> {
    let mut args = Args {
        children: 10_000,
        seed: 1,
        as_of: None,
        csv: None,
        parquet: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--children" => args.children = value()?.parse()?,
            "--seed" => args.seed = value()?.parse()?,
            "--as-of" => args.as_of = Some(value()?.parse()?),
            "--csv" => args.csv = Some(value()?.into()),
            "--parquet" => args.parquet = Some(value()?.into()),
            "--help" | "-h" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?}\n{USAGE}").into()),
        }
    }
    Ok(args)
}

fn main() -> Result {
    let args = args()?;
    let policy = Policy::federal();

    let clock = Instant::now();
    let cases = synthetic::caseload_seeded(args.children, args.seed, &policy);
    let events: usize = cases.iter().map(|c| c.events().len()).sum();
    println!(
        "generate+replay  {:>10.3} s  {} children, {} events (seed {})",
        clock.elapsed().as_secs_f64(),
        cases.len(),
        events,
        args.seed,
    );

    // The tables' date: the given one, or the day after the caseload's last event (every
    // history is then known in full on it).
    let as_of = args.as_of.unwrap_or_else(|| {
        cases
            .iter()
            .filter_map(|c| c.events().last().map(|e| e.date()))
            .max()
            .and_then(|d| d.succ_opt())
            .unwrap_or(NaiveDate::MIN)
    });

    let clock = Instant::now();
    let options = TableOptions::new().without_obligations();
    let mut tables = Tables::of(&cases, as_of, &policy, &options);
    println!(
        "tables           {:>10.3} s  as of {as_of}: {} children, {} episodes, {} placements, {} respites, {} plans, {} exits",
        clock.elapsed().as_secs_f64(),
        tables.children.len(),
        tables.episodes.len(),
        tables.placements.len(),
        tables.respites.len(),
        tables.plans.len(),
        tables.exits.len(),
    );

    let clock = Instant::now();
    for case in &cases {
        tables.push_obligations(case);
    }
    println!(
        "obligations      {:>10.3} s  {} obligations",
        clock.elapsed().as_secs_f64(),
        tables.obligations.len(),
    );

    summary(&tables);

    // The CFSR statewide data indicators over federal fiscal year 2024, with the audit trail.
    let period = indicators::ReportPeriod::federal_fiscal_year(2024)?;
    let clock = Instant::now();
    let reports = indicators::compute_all(Indicator::ALL, &cases, period, &policy);
    println!(
        "indicators       {:>10.3} s  FY2024 ({} to {}), {} audit rows",
        clock.elapsed().as_secs_f64(),
        period.first_day(),
        period.last_day(),
        reports.iter().map(|r| r.rows().len()).sum::<usize>(),
    );
    for r in &reports {
        let per = match r.indicator().per() {
            100 => "%".to_owned(),
            n => format!(" per {n} days"),
        };
        println!(
            "  {:<4} {:<45} {:>9} / {:<11} = {}",
            r.indicator().short_name(),
            r.indicator().as_str(),
            r.numerator(),
            r.denominator(),
            r.rate().map_or("-".to_owned(), |x| format!("{x:.2}{per}")),
        );
    }

    // The indicators' audit trail joins the tables: one flat row per child and indicator.
    for r in &reports {
        tables.push_indicator(r);
    }

    if let Some(dir) = &args.csv {
        let clock = Instant::now();
        std::fs::create_dir_all(dir)?;
        let bytes = write_all(&tables, dir, Csv)?;
        println!(
            "csv              {:>10.3} s  {} MB in {}",
            clock.elapsed().as_secs_f64(),
            bytes / 1_000_000,
            dir.display()
        );
    }
    if let Some(dir) = &args.parquet {
        let clock = Instant::now();
        std::fs::create_dir_all(dir)?;
        let bytes = write_all(&tables, dir, Parquet)?;
        println!(
            "parquet          {:>10.3} s  {} MB in {}",
            clock.elapsed().as_secs_f64(),
            bytes / 1_000_000,
            dir.display()
        );
    }
    Ok(())
}

/// A few figures read off the tables.
fn summary(t: &Tables) {
    let exits = t.exits.len().max(1) as f64;
    let permanency = t.exits.iter().filter(|x| x.is_permanency).count() as f64;
    let moves: u64 = t
        .episodes
        .iter()
        .map(|e| u64::from(e.placement_moves))
        .sum();
    let days: u64 = t
        .episodes
        .iter()
        .map(|e| u64::from(e.length_of_stay_days))
        .sum();
    let reentries = t.episodes.iter().filter(|e| e.is_reentry).count();
    let in_care = t.children.iter().filter(|c| c.in_care).count();
    println!(
        "summary          {:.1}% of exits to permanency, {} re-entries, {} in care, {:.2} moves per 1,000 days in care",
        100.0 * permanency / exits,
        reentries,
        in_care,
        1000.0 * moves as f64 / days.max(1) as f64,
    );
}

/// Writes every table with `write` (generic over the row types).
fn write_all(t: &Tables, dir: &Path, write: impl Writer) -> Result<u64> {
    Ok(write.table(&t.children, dir)?
        + write.table(&t.episodes, dir)?
        + write.table(&t.placements, dir)?
        + write.table(&t.respites, dir)?
        + write.table(&t.plans, dir)?
        + write.table(&t.exits, dir)?
        + write.table(&t.obligations, dir)?
        + write.table(&t.indicator_audit, dir)?)
}

/// The Arrow schema of a table, from its columns (`Row::COLUMNS`): serde_arrow's `from_type`
/// cannot trace a date, and the columns say which are dates. serde_arrow fills `Date32` from
/// the rows' ISO dates.
fn arrow_fields<R: Row>() -> Vec<FieldRef> {
    R::COLUMNS
        .iter()
        .map(|c| {
            let data_type = match c.kind {
                ColumnKind::Boolean => DataType::Boolean,
                ColumnKind::UInt8 => DataType::UInt8,
                ColumnKind::UInt32 => DataType::UInt32,
                ColumnKind::Date => DataType::Date32,
                _ => DataType::Utf8,
            };
            Arc::new(Field::new(c.name, data_type, c.nullable))
        })
        .collect()
}

/// Writes one table into a directory, for every row type, returning the bytes written.
trait Writer: Copy {
    fn table<R>(self, rows: &[R], dir: &Path) -> Result<u64>
    where
        R: Row + serde::Serialize;
}

/// One CSV file per table, `DIR/<table>.csv`.
#[derive(Clone, Copy)]
struct Csv;
/// One Parquet file per table, `DIR/<table>.parquet`, snappy-compressed.
#[derive(Clone, Copy)]
struct Parquet;

impl Writer for Csv {
    fn table<R>(self, rows: &[R], dir: &Path) -> Result<u64>
    where
        R: Row + serde::Serialize,
    {
        let path = dir.join(format!("{}.csv", R::TABLE));
        let mut w = csv::Writer::from_path(&path)?;
        for r in rows {
            w.serialize(r)?;
        }
        w.flush()?;
        Ok(std::fs::metadata(&path)?.len())
    }
}

impl Writer for Parquet {
    fn table<R>(self, rows: &[R], dir: &Path) -> Result<u64>
    where
        R: Row + serde::Serialize,
    {
        let fields = arrow_fields::<R>();
        let path = dir.join(format!("{}.parquet", R::TABLE));
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let schema = Arc::new(Schema::new(fields.clone()));
        let mut writer = ArrowWriter::try_new(File::create(&path)?, schema, Some(properties))?;
        // One record batch (and at most one row group) per 64 Ki rows.
        for chunk in rows.chunks(1 << 16) {
            let batch = serde_arrow::to_record_batch(&fields, &chunk)?;
            writer.write(&batch)?;
        }
        writer.close()?;
        Ok(std::fs::metadata(&path)?.len())
    }
}
