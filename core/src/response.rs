//! A response: one person's (or one board's agreed) ratings against an instrument.
//!
//! The same versioned format is used for browser storage, file export and import, share links
//! and the npm API, so there is one migration path. See `docs/response-format.md`. Reading and
//! migrating JSON lives in `read::response`.

use crate::error::child;
use crate::error::{Error, Problem, Result};
use crate::instrument::{Instrument, ItemPositions};
use crate::rating::{Rating, Special};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The response format this version writes. Older formats are migrated on reading.
pub const RESPONSE_FORMAT_VERSION: u32 = 2;

/// Limits on a response file.
pub mod limits {
    /// Largest response file, in bytes (1 MiB).
    pub const MAX_BYTES: usize = 1 << 20;
    /// Longest notes, evidence or action text per item, in characters.
    pub const MAX_NOTES_CHARS: usize = 10_000;
    /// Longest name, role, title, owner or organisation, in characters.
    pub const MAX_NAME_CHARS: usize = 200;
    /// Most lines in one action's progress log.
    pub const MAX_PROGRESS_LINES: usize = 500;
    /// Longest line of a progress log, in characters.
    pub const MAX_PROGRESS_CHARS: usize = 1_000;
    /// Most people an agreed record can say it was agreed from.
    pub const MAX_RATERS: u32 = 10_000;
}

/// A set of answers to one instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Response {
    /// The response format version, 2 for this format (files of format 1 are read too).
    pub format_version: u32,
    /// Which instrument (and which version of it) was answered.
    #[serde(deserialize_with = "crate::shape::object")]
    pub instrument: InstrumentRef,
    /// A name for this assessment, e.g. "Board self-assessment, November 2026".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The organisation assessed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// Who answered, if they chose to say.
    #[serde(
        default,
        skip_serializing_if = "Respondent::is_empty",
        deserialize_with = "crate::shape::object"
    )]
    pub respondent: Respondent,
    /// When it was started, as an RFC 3339 timestamp (`2026-11-28T12:00:00Z`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub created: String,
    /// When it was last changed, as an RFC 3339 timestamp.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub updated: String,
    /// When the board next reviews the plan, as `YYYY-MM-DD` (format 2).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next_review: String,
    /// The board paper's cover sheet (format 2).
    #[serde(
        default,
        skip_serializing_if = "Paper::is_empty",
        deserialize_with = "crate::shape::object"
    )]
    pub paper: Paper,
    /// Present when this is a board's agreed record rather than one person's ratings: how many
    /// people's ratings it was agreed from, and when (format 2).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::shape::optional_object"
    )]
    pub agreed: Option<Agreed>,
    /// Answers by item id. Items without an entry are unanswered.
    #[serde(default, deserialize_with = "crate::shape::answers_once")]
    pub answers: BTreeMap<String, Answer>,
}

/// The cover sheet of a board paper: what a board secretary needs to table it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Paper {
    /// The meeting, e.g. "Board of Directors (public)".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub meeting: String,
    /// The meeting's date, as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// The agenda item, e.g. "7.2".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agenda_item: String,
    /// Who wrote the paper.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// The executive lead.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub executive_lead: String,
    /// What the paper is for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    /// What the board is asked to do ("note", "discuss", "approve" ...), in words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub board_asked_to: String,
}

impl Paper {
    /// True when no field is filled in.
    pub fn is_empty(&self) -> bool {
        *self == Paper::default()
    }

    /// The line a printed paper repeats at the top of every page, as board papers do: the
    /// organisation, the meeting with its date, and the agenda item, whichever are filled in
    /// ("North Trust · Board of Directors (public), 14 January 2027 · Agenda item 7.2").
    /// Empty when none is.
    pub fn running_header(&self, organisation: &str) -> String {
        let joined = |parts: &[&str], separator: &str| {
            parts
                .iter()
                .map(|part| part.trim())
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(separator)
        };
        let meeting = joined(
            &[&self.meeting, &crate::date_in_words(self.date.trim())],
            ", ",
        );
        let item = match self.agenda_item.trim() {
            "" => String::new(),
            item => format!("Agenda item {item}"),
        };
        joined(&[organisation, &meeting, &item], " \u{b7} ")
    }
}

/// What makes a record a board's agreed record: the people whose ratings it was agreed from
/// are counted, and the day is kept, because an agreed record is dated by when the board
/// agreed it, not by its last edit (progress notes are added to it all year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Agreed {
    /// How many people's ratings the board combined.
    pub raters: u32,
    /// The day the board agreed it (started it from everyone's ratings), as `YYYY-MM-DD`;
    /// empty when not known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub on: String,
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// Agreed, not begun.
    #[default]
    NotStarted,
    /// Under way.
    InProgress,
    /// Finished.
    Done,
    /// Decided against.
    Dropped,
}

impl Status {
    /// Every status, in the order a plan moves through them.
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Dropped,
    ];

    /// The status in words, as people read it.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Done => "Done",
            Status::Dropped => "Dropped",
        }
    }

    /// Its name in the file format.
    pub fn name(self) -> &'static str {
        match self {
            Status::NotStarted => "notStarted",
            Status::InProgress => "inProgress",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        crate::shape::by_name(deserializer, &Status::ALL, Status::name)
    }
}

/// One dated line of an action's progress log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProgressLine {
    /// When, as `YYYY-MM-DD`.
    pub date: String,
    /// What happened.
    pub text: String,
    /// The action's new status, if this line changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

/// Names the instrument a response belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InstrumentRef {
    /// The instrument's `id`.
    pub id: String,
    /// The instrument's `version` when the response was written.
    pub version: String,
}

/// Who gave a response.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Respondent {
    /// Their name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Their role, e.g. "Non-executive director".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

impl Respondent {
    /// True when neither name nor role is given.
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.role.is_empty()
    }
}

/// The answer to one item. A rating is either a `level` value or a `special` answer, never
/// both; an answer with neither (notes only) counts as unanswered.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Answer {
    /// The chosen level's `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// A special answer instead of a level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special: Option<Special>,
    /// Evidence and notes behind the rating.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The level `value` aimed for; when absent the action plan aims for the next level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<u8>,
    /// The action agreed to close the gap.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action: String,
    /// Who owns the action.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When the action is due, as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    /// Whether the board has chosen this item as one of its priorities now (format 2).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub prioritised: bool,
    /// Where the action stands (format 2); none means not started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// What has happened on the action, oldest first (format 2).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::shape::objects"
    )]
    pub progress: Vec<ProgressLine>,
}

impl Answer {
    /// The rating this answer records.
    pub fn rating(&self) -> Rating {
        match (self.level, self.special) {
            (Some(level), _) => Rating::Level(level),
            (None, Some(special)) => Rating::Special(special),
            (None, None) => Rating::Unanswered,
        }
    }

    /// True when nothing at all has been written.
    pub fn is_empty(&self) -> bool {
        *self == Answer::default()
    }
}

impl Response {
    /// An empty response to `instrument`.
    pub fn new(instrument: &Instrument) -> Response {
        Response {
            format_version: RESPONSE_FORMAT_VERSION,
            instrument: InstrumentRef {
                id: instrument.id.clone(),
                version: instrument.version.clone(),
            },
            title: String::new(),
            organisation: String::new(),
            respondent: Respondent::default(),
            created: String::new(),
            updated: String::new(),
            next_review: String::new(),
            paper: Paper::default(),
            agreed: None,
            answers: BTreeMap::new(),
        }
    }

    /// A copy to start the next assessment from (a board repeating last year's): the answers
    /// and plan kept, started `now` (a timestamp) and, for an agreed record, marked as agreed
    /// `today` from as many people's ratings as before; the meeting's details on the cover sheet
    /// (meeting, date, agenda item) are cleared, since they belonged to the last meeting.
    pub fn copy_for_next_time(&self, title: String, now: &str, today: &str) -> Response {
        Response {
            title,
            created: now.to_owned(),
            updated: now.to_owned(),
            agreed: self.agreed.as_ref().map(|agreed| Agreed {
                raters: agreed.raters,
                on: today.to_owned(),
            }),
            paper: Paper {
                meeting: String::new(),
                date: String::new(),
                agenda_item: String::new(),
                ..self.paper.clone()
            },
            ..self.clone()
        }
    }

    /// Whether anything has been recorded on the actions since the plan was made: a status
    /// other than not started, or a progress note. Until then a paper has no progress to report.
    pub fn progress_recorded(&self) -> bool {
        self.answers.values().any(|answer| {
            !matches!(answer.status, None | Some(Status::NotStarted)) || !answer.progress.is_empty()
        })
    }

    /// The day the assessment was made, as `YYYY-MM-DD` (or empty): the day a board agreed
    /// it, else the day it was started, else the day it was last changed. Trends, comparisons
    /// and the paper date assessments by this, never by their last edit, which moves whenever
    /// progress is recorded.
    pub fn assessed_on(&self) -> &str {
        let agreed = self.agreed.as_ref().map_or("", |a| a.on.as_str());
        [agreed, &self.created, &self.updated]
            .into_iter()
            .find(|when| !when.is_empty())
            .and_then(|when| when.get(..10))
            .unwrap_or("")
    }

    /// The rating for an item.
    pub fn rating(&self, item_id: &str) -> Rating {
        self.answers
            .get(item_id)
            .map_or(Rating::Unanswered, Answer::rating)
    }

    /// How many items have an answer: a level or a special answer (notes alone do not count).
    pub fn answered_count(&self) -> usize {
        self.answers
            .values()
            .filter(|answer| answer.rating() != Rating::Unanswered)
            .count()
    }

    /// The name a saved assessment is listed by: its title, or "Untitled assessment <n>".
    pub fn display_name(&self, number: u32) -> String {
        match self.title.trim() {
            "" => format!("Untitled assessment {number}"),
            title => title.to_owned(),
        }
    }

    /// The name a board shows for the respondent at `index` (from 0) when names are shown: the
    /// respondent's name, else the response's title, else "Respondent <index + 1>".
    pub fn respondent_label(&self, index: usize) -> String {
        [&self.respondent.name, &self.title]
            .into_iter()
            .map(|s| s.trim())
            .find(|s| !s.is_empty())
            .map_or_else(|| format!("Respondent {}", index + 1), str::to_owned)
    }

    /// Pretty JSON in the current format, the same format [`Response::from_json`] reads.
    pub fn to_json(&self) -> String {
        // Serialising plain data cannot fail; no error path keeps its formatting code out.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Compact JSON in the current format, for storage and share links.
    pub fn to_compact_json(&self) -> String {
        // Serialising plain data cannot fail; no error path keeps its formatting code out.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Checks that this response belongs to `instrument` and that every answer fits it, so a
    /// response is never silently scored against the wrong matrix. Answers for items the
    /// instrument does not have are errors, not ignored: dropping them would change scores.
    pub fn check(&self, instrument: &Instrument) -> Result<()> {
        self.check_with(instrument, &instrument.item_positions())
    }

    /// [`Response::check`] with the instrument's item index built once by the caller.
    pub(crate) fn check_with(
        &self,
        instrument: &Instrument,
        positions: &ItemPositions<'_>,
    ) -> Result<()> {
        self.check_instrument(instrument)?;
        let mut problems = Vec::new();
        for (position, item_id, answer) in positions.sorted_lookup(self.answers.iter()) {
            answer_problems(
                instrument,
                position.is_some(),
                item_id,
                answer,
                &mut problems,
            );
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(problems))
        }
    }

    fn check_instrument(&self, instrument: &Instrument) -> Result<()> {
        if self.instrument.id == instrument.id {
            return Ok(());
        }
        Err(Error::single(
            "instrument.id",
            format!(
                "this response is for the instrument \"{}\", not \"{}\"",
                self.instrument.id, instrument.id
            ),
        ))
    }

    /// Splits this response into the answers that fit `instrument` and those that do not (an
    /// item a revised matrix no longer has, a level no longer on its scale), so an assessment
    /// made against an earlier version of a local matrix still opens with everything that fits,
    /// and nothing else is lost. Fails only when the response is for another instrument.
    pub fn fit(mut self, instrument: &Instrument) -> Result<Fitted> {
        self.check_instrument(instrument)?;
        let positions = instrument.item_positions();
        let mut unfit = Vec::new();
        let mut problems = Vec::new();
        for (position, item_id, answer) in positions.sorted_lookup(self.answers.iter()) {
            answer_problems(
                instrument,
                position.is_some(),
                item_id,
                answer,
                &mut problems,
            );
            if let Some(problem) = problems.pop() {
                problems.clear();
                unfit.push((item_id.clone(), problem.message));
            }
        }
        let set_aside = unfit
            .into_iter()
            .filter_map(|(item, reason)| {
                let answer = self.answers.remove(&item)?;
                Some(SetAside {
                    item,
                    answer,
                    reason,
                })
            })
            .collect();
        Ok(Fitted {
            response: self,
            set_aside,
        })
    }
}

impl Response {
    /// Reads in a file being imported. One made for this version of the instrument must fit
    /// it: any answer that does not is a mistake in the file, refused with every problem. One
    /// made for another version (the local matrix has been revised since) opens with the
    /// answers that fit, the rest set aside.
    pub fn import(self, instrument: &Instrument) -> Result<Fitted> {
        if self.instrument.version == instrument.version {
            self.check(instrument)?;
            return Ok(Fitted {
                response: self,
                set_aside: Vec::new(),
            });
        }
        self.fit(instrument)
    }
}

/// A response split by what fits its instrument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fitted {
    /// The answers that fit, scored as usual.
    pub response: Response,
    /// The answers that do not fit, kept so nothing is lost.
    pub set_aside: Vec<SetAside>,
}

/// An answer that no longer fits the instrument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// The item id it was given for.
    pub item: String,
    /// The answer as it was.
    pub answer: Answer,
    /// Why it does not fit, in words.
    pub reason: String,
}

impl Fitted {
    /// The response with the answers set aside put back: what is saved, so nothing is lost.
    pub fn whole(&self) -> Response {
        let mut whole = self.response.clone();
        for kept in &self.set_aside {
            whole
                .answers
                .entry(kept.item.clone())
                .or_insert_with(|| kept.answer.clone());
        }
        whole
    }
}

/// What is wrong with one answer against `instrument`, pushed onto `problems`.
fn answer_problems(
    instrument: &Instrument,
    known_item: bool,
    item_id: &str,
    answer: &Answer,
    problems: &mut Vec<Problem>,
) {
    // Paths are built only when there is a problem to report: this runs per answer.
    let path = || child("answers", item_id);
    if !known_item {
        problems.push(Problem::new(
            path(),
            format!(
                "the instrument \"{}\" (version {}) has no item \"{item_id}\"",
                instrument.id, instrument.version
            ),
        ));
        return;
    }
    for (key, value) in [("level", answer.level), ("target", answer.target)] {
        if let Some(value) = value {
            if instrument.level(value).is_none() {
                let values: Vec<String> = instrument
                    .scale
                    .levels
                    .iter()
                    .map(|l| l.value.to_string())
                    .collect();
                problems.push(Problem::new(
                    child(&path(), key),
                    format!(
                        "{value} is not a level of this scale; the levels are {}",
                        values.join(", ")
                    ),
                ));
            }
        }
    }
    let allowed = match answer.special {
        Some(Special::NotApplicable) => instrument.scale.not_applicable.is_some(),
        Some(Special::DontKnow) => instrument.scale.dont_know.is_some(),
        None => true,
    };
    if !allowed {
        problems.push(Problem::new(
            child(&path(), "special"),
            "this instrument does not offer that answer",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_running_header_names_what_is_filled_in() {
        let mut paper = Paper {
            meeting: "Board of Directors (public)".into(),
            date: "2027-01-14".into(),
            agenda_item: " 7.2 ".into(),
            ..Paper::default()
        };
        assert_eq!(
            paper.running_header("North Trust"),
            "North Trust \u{b7} Board of Directors (public), 14 January 2027 \u{b7} Agenda item 7.2"
        );
        paper.meeting.clear();
        assert_eq!(
            paper.running_header(" "),
            "14 January 2027 \u{b7} Agenda item 7.2"
        );
        assert_eq!(Paper::default().running_header(""), "");
    }

    #[test]
    fn a_copy_for_next_time_keeps_agreed_and_clears_the_meeting() {
        let instrument = crate::builtin("nhs-impact").unwrap();
        let mut record = Response::new(&instrument);
        record.organisation = "North Trust".into();
        record.created = "2025-12-01T10:00:00Z".into();
        record.agreed = Some(Agreed {
            raters: 6,
            on: "2025-12-03".into(),
        });
        record.paper = Paper {
            meeting: "Board of Directors (public)".into(),
            date: "2025-12-10".into(),
            agenda_item: "7.2".into(),
            author: "Board Secretary".into(),
            ..Paper::default()
        };
        let copy =
            record.copy_for_next_time("Next year".into(), "2026-11-30T09:00:00.000Z", "2026-11-30");
        assert_eq!(
            copy.agreed,
            Some(Agreed {
                raters: 6,
                on: "2026-11-30".into()
            })
        );
        assert_eq!(copy.assessed_on(), "2026-11-30");
        assert_eq!(copy.organisation, "North Trust");
        assert_eq!(
            (
                copy.paper.meeting.as_str(),
                copy.paper.date.as_str(),
                copy.paper.agenda_item.as_str()
            ),
            ("", "", "")
        );
        assert_eq!(copy.paper.author, "Board Secretary");
    }
    use crate::builtin;

    #[test]
    fn answered_counts_levels_and_special_answers_not_notes() {
        let instrument = builtin("nhs-impact").unwrap();
        let mut response = Response::new(&instrument);
        response
            .answers
            .entry("purpose-created".into())
            .or_default()
            .level = Some(3);
        response
            .answers
            .entry("purpose-lived".into())
            .or_default()
            .special = Some(Special::DontKnow);
        response
            .answers
            .entry("purpose-aligned".into())
            .or_default()
            .notes = "later".into();
        assert_eq!(response.answered_count(), 2);
    }

    #[test]
    fn answers_that_no_longer_fit_are_set_aside_not_lost() {
        let mut instrument = builtin("nhs-impact").unwrap();
        let mut response = Response::new(&instrument);
        for (id, level) in [
            ("purpose-created", 3),
            ("purpose-lived", 4),
            ("leaders-data", 2),
        ] {
            response.answers.entry(id.into()).or_default().level = Some(level);
        }
        // A revised matrix: one answered item removed, and the top level dropped.
        instrument.components[0].items.remove(1);
        instrument.scale.levels.pop();
        response.answers.get_mut("leaders-data").unwrap().target = Some(5);
        let fitted = response.clone().fit(&instrument).unwrap();
        assert_eq!(
            fitted.response.answers.keys().collect::<Vec<_>>(),
            ["purpose-created"]
        );
        let kept: Vec<(&str, &str)> = fitted
            .set_aside
            .iter()
            .map(|s| (s.item.as_str(), s.reason.as_str()))
            .collect();
        assert_eq!(kept[0].0, "leaders-data");
        assert!(kept[0].1.contains("not a level of this scale"));
        assert_eq!(kept[1].0, "purpose-lived");
        assert!(kept[1].1.contains("has no item"));
        assert_eq!(
            fitted.whole(),
            response,
            "put back together, nothing is lost"
        );
        let mut other = response;
        other.instrument.id = "another".into();
        assert!(other.fit(&instrument).is_err());
    }

    #[test]
    fn an_imported_file_of_this_version_must_fit_but_one_of_an_earlier_version_is_fitted() {
        let instrument = builtin("nhs-impact").unwrap();
        let mut response = Response::new(&instrument);
        response.answers.entry("retired".into()).or_default().level = Some(3);
        assert!(response.clone().import(&instrument).is_err());
        response.instrument.version = "0.9".into();
        let fitted = response.import(&instrument).unwrap();
        assert_eq!(fitted.set_aside[0].item, "retired");
    }

    #[test]
    fn names_fall_back_in_order() {
        let instrument = builtin("nhs-impact").unwrap();
        let mut response = Response::new(&instrument);
        assert_eq!(response.display_name(4), "Untitled assessment 4");
        assert_eq!(response.respondent_label(2), "Respondent 3");
        response.title = "  Spring review ".into();
        assert_eq!(response.display_name(4), "Spring review");
        assert_eq!(response.respondent_label(2), "Spring review");
        response.respondent.name = "Chair".into();
        assert_eq!(response.respondent_label(2), "Chair");
    }
}
