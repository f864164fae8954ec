//! The scoring core of maturity-matrix: instruments, validation, scoring, board aggregation,
//! comparison over time, action plans and exports.
//!
//! Pure Rust with no browser types, so the same code runs natively, in the browser and in
//! Node. Every rule lives here; the widget and the npm package only call it.
//!
//! ```
//! use maturity_core::{builtin, score, Response};
//! let instrument = builtin("nhs-impact").unwrap();
//! let mut response = Response::new(&instrument);
//! response.answers.entry("purpose-created".into()).or_default().level = Some(3);
//! let report = score(&instrument, &response);
//! assert_eq!(report.overall.unwrap().to_string(), "3.00");
//! ```

mod aggregate;
mod builtin;
mod calendar;
mod compare;
mod control;
mod csv;
mod dates;
pub mod document;
mod docx;
mod error;
mod instrument;
mod merge;
pub mod order;
mod plan;
mod progress;
mod rating;
mod read;
mod report;
mod response;
#[cfg(feature = "sample")]
pub mod sample;
mod score;
mod shape;
pub mod share;
mod summary;
mod system;
mod trend;
mod words;
mod zip;

pub use aggregate::{
    aggregate, agreed_draft, median_level, median_words, Aggregate, ComponentAggregate,
    ItemAggregate, DEFAULT_DISAGREEMENT_THRESHOLD,
};
pub use builtin::{
    builtin, builtin_ids, builtin_named, instrument_from_text, BUILTIN_SOURCES,
    DEFAULT_INSTRUMENT_ID,
};
pub use calendar::calendar_ics;
pub use compare::{compare, previous_assessment, Change, Comparison, ComponentChange, ItemChange};
pub use csv::{aggregate_csv, csv_cell, response_csv};
pub use dates::is_date as is_real_date;
pub use docx::docx;
pub use error::{child as json_path_key, index as json_path_index};
pub use error::{Error, Problem, Result};
pub use instrument::{
    limits as instrument_limits, Band, Component, Instrument, Item, ItemPositions, Level, Rollup,
    Scale, Scoring, SpecialAnswer, INSTRUMENT_FORMAT_VERSION,
};
pub use merge::{differences, merge, Field, Merged};
pub use plan::{action_plan, gap_words, ActionPlanEntry, LevelDescriptor};
pub use progress::{is_overdue, progress, progress_words, ActionProgress, ProgressReport};
pub use rating::{Rating, Special};
pub use read::json_text::{
    parse as parse_json, too_many_entries, MAX_DEPTH as MAX_JSON_DEPTH,
    MAX_ENTRIES as MAX_JSON_ENTRIES,
};
pub use read::text::{decode as decode_text, megabytes};
pub use read::too_large;
pub use report::{score, ComponentScore, Counts, ItemScore, ScoreReport, Spread};
pub use response::{
    limits as response_limits, Agreed, Answer, Fitted, InstrumentRef, Paper, ProgressLine,
    Respondent, Response, SetAside, Status, RESPONSE_FORMAT_VERSION,
};
pub use score::Score;
pub use summary::{date_in_words, highlights, written_summary, Highlights, RatedItem};
pub use system::{
    admissible, organisation_name, system_csv, system_view, Organisation, SystemComponent,
    SystemItem, SystemView,
};
pub use trend::{trend_words, trends, ComponentTrend, ItemMove, TrendPoint, Trends};
pub use words::{answered_words, plural, problem_in_words, with_article};
