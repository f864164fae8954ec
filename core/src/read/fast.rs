//! The quick way to read a response: serde's derived reader straight into the typed structs,
//! then the same field rules the full reader applies.
//!
//! The full reader builds a JSON tree first and walks it, collecting every problem with its
//! path; that is what a person fixing a file needs, and it costs several times the scoring. Most
//! responses are fine, so this reader tries first and answers only "here it is" or "ask the full
//! reader" (`None`): it never explains anything itself, so every message a person sees still
//! comes from one place. It takes only the current format; older files are migrated by the full
//! reader. `core/tests/fast_read.rs` checks that whatever it accepts, the full reader reads the
//! same.

use super::{id_characters_only, Text, MAX_ID_CHARS};
use crate::dates::{is_date, is_timestamp};
use crate::instrument::limits as instrument_limits;
use crate::response::limits::*;
use crate::response::{Agreed, Answer, Paper, Response, RESPONSE_FORMAT_VERSION};
use crate::shape::Object;

/// A response in the current format that follows every field rule, or `None`.
pub(crate) fn response(text: &str) -> Option<Response> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_BYTES {
        return None;
    }
    let Object(response) = serde_json::from_str::<Object<Response>>(text).ok()?;
    follows_field_rules(&response).then_some(response)
}

/// The field rules of `read::response`, as yes or no.
fn follows_field_rules(r: &Response) -> bool {
    let name = Text::optional(MAX_NAME_CHARS);
    let id_ok = Text::required(MAX_ID_CHARS).accepts(&r.instrument.id)
        && id_characters_only(&r.instrument.id);
    r.format_version == RESPONSE_FORMAT_VERSION
        && id_ok
        && Text::required(instrument_limits::MAX_TITLE_CHARS).accepts(&r.instrument.version)
        && name.accepts(&r.title)
        && name.accepts(&r.organisation)
        && name.accepts(&r.respondent.name)
        && name.accepts(&r.respondent.role)
        && timestamp_ok(&r.created)
        && timestamp_ok(&r.updated)
        && date_ok(&r.next_review)
        && paper_ok(&r.paper)
        && r.agreed.as_ref().is_none_or(agreed_ok)
        && r.answers.len() <= instrument_limits::MAX_ITEMS
        && r.answers.values().all(answer_ok)
}

fn paper_ok(p: &Paper) -> bool {
    let name = Text::optional(MAX_NAME_CHARS);
    let notes = Text::optional(MAX_NOTES_CHARS);
    name.accepts(&p.meeting)
        && name.accepts(&p.agenda_item)
        && name.accepts(&p.author)
        && name.accepts(&p.executive_lead)
        && notes.accepts(&p.purpose)
        && notes.accepts(&p.board_asked_to)
        && date_ok(&p.date)
}

fn agreed_ok(a: &Agreed) -> bool {
    (1..=MAX_RATERS).contains(&a.raters) && date_ok(&a.on)
}

fn answer_ok(a: &Answer) -> bool {
    let level_ok = |level: Option<u8>| {
        level.is_none_or(|v| i64::from(v) <= instrument_limits::MAX_LEVEL_VALUE)
    };
    let notes = Text::optional(MAX_NOTES_CHARS);
    let line = Text::required(MAX_PROGRESS_CHARS);
    level_ok(a.level)
        && level_ok(a.target)
        && !(a.level.is_some() && a.special.is_some())
        && notes.accepts(&a.notes)
        && notes.accepts(&a.action)
        && Text::optional(MAX_NAME_CHARS).accepts(&a.owner)
        && date_ok(&a.due)
        && a.progress.len() <= MAX_PROGRESS_LINES
        && a.progress
            .iter()
            .all(|l| date_ok(&l.date) && line.accepts(&l.text))
}

fn date_ok(text: &str) -> bool {
    text.is_empty() || is_date(text)
}

fn timestamp_ok(text: &str) -> bool {
    text.is_empty() || (Text::optional(40).accepts(text) && is_timestamp(text))
}
