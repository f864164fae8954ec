//! Reading files people drop on the board (responses) and on the system view (agreed records):
//! each file is added or refused on its own, and the person is told which, in words. Only the
//! board build has these screens.

use super::board::Respondent;
use maturity_core::{problem_in_words, Instrument, Response};
use std::rc::Rc;

/// What reading a batch of files gave: the responses (or records) to add, and what to tell
/// the person.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Admitted<T = Respondent> {
    /// Responses new to the board, in file order.
    pub added: Vec<T>,
    /// "N responses added.", then one line per file that was not added, with why, and one per
    /// file whose answers do not all fit the matrix.
    pub messages: Vec<Said>,
}

/// One thing to tell the person, in words, with the technical detail behind it (the JSON paths
/// of the problems), if any, for whoever fixes the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// What happened, in words.
    pub text: String,
    /// The problems with their paths.
    pub detail: Option<String>,
}

impl From<String> for Said {
    fn from(text: String) -> Self {
        Said { text, detail: None }
    }
}

impl From<&str> for Said {
    fn from(text: &str) -> Self {
        text.to_owned().into()
    }
}

/// Reads `(file name, text or why it could not be read)` pairs as responses to `instrument`,
/// one by one: a file that cannot be used is named with why and never stops the others; a
/// response already on the board (or earlier in the batch) is not added twice; answers that do
/// not fit the matrix are kept with the response and named. A response with neither a
/// respondent's name nor a title is named after its file.
pub fn admit_files(
    instrument: &Instrument,
    existing: &[Respondent],
    files: Vec<(String, Result<String, maturity_core::Error>)>,
) -> Admitted {
    let mut added: Vec<Respondent> = Vec::new();
    let mut rejected: Vec<Said> = Vec::new();
    for (name, text) in files {
        match text
            .and_then(|text| Response::from_json(&text))
            .and_then(|response| response.import(instrument))
        {
            Ok(mut fitted) => {
                if fitted.response.respondent.name.trim().is_empty()
                    && fitted.response.title.trim().is_empty()
                {
                    fitted.response.respondent.name = name.trim_end_matches(".json").to_owned();
                }
                let fitted = Rc::new(fitted);
                if existing.contains(&fitted) || added.contains(&fitted) {
                    rejected.push(format!("{name}: already added.").into());
                    continue;
                }
                // One person, one voice: a second, different response under a name the board
                // already has would count that person twice.
                let who = fitted.response.respondent.name.trim();
                if !who.is_empty()
                    && existing.iter().chain(&added).any(|other| {
                        other
                            .response
                            .respondent
                            .name
                            .trim()
                            .eq_ignore_ascii_case(who)
                    })
                {
                    rejected.push(format!(
                        "{name} was not added: the board already has a response from {who}, with other answers. If this file is their newer response, remove the other one first, then add this one."
                    ).into());
                    continue;
                }
                if !fitted.set_aside.is_empty() {
                    rejected.push(format!(
                        "{name}: added, but {} this matrix; {} kept with the response and left out of the figures.",
                        answers_that_do_not_fit(fitted.set_aside.len()),
                        if fitted.set_aside.len() == 1 { "it is" } else { "they are" }
                    ).into());
                }
                added.push(fitted);
            }
            Err(error) => rejected.push(refusal(&name, &error, instrument)),
        }
    }
    let mut messages: Vec<Said> = vec![added_line(added.len(), "response").into()];
    messages.extend(rejected);
    Admitted { added, messages }
}

/// "1 of its answers does not fit" / "3 of its answers do not fit".
pub fn answers_that_do_not_fit(n: usize) -> String {
    if n == 1 {
        "1 of its answers does not fit".to_owned()
    } else {
        format!("{n} of its answers do not fit")
    }
}

/// "3 responses added." (or records).
pub fn added_line(count: usize, noun: &str) -> String {
    format!("{count} {noun}{} added.", if count == 1 { "" } else { "s" })
}

/// "file.json was not added." with the first three problems in words (an answer's by its item's
/// title) and how many more; every problem with its path as the detail.
pub fn refusal(name: &str, error: &maturity_core::Error, instrument: &Instrument) -> Said {
    let shown: Vec<String> = error
        .problems()
        .iter()
        .take(3)
        .map(|problem| problem_in_words(problem, instrument))
        .collect();
    let more = error.problems().len().saturating_sub(3);
    let tail = if more > 0 {
        format!(" (and {more} more)")
    } else {
        String::new()
    };
    let paths: Vec<String> = error
        .problems()
        .iter()
        .filter(|problem| !problem.path.is_empty())
        .map(ToString::to_string)
        .collect();
    Said {
        text: format!("{name} was not added. {}{tail}", shown.join("; ")),
        detail: (!paths.is_empty()).then(|| paths.join("\n")),
    }
}
