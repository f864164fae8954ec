//! The system view's records: the agreed records of several organisations, admitted file by
//! file. They live in the page while the view is open; the files are the organisations' own.

use super::admission::{added_line, answers_that_do_not_fit, refusal, Admitted, Said};
use maturity_core::{admissible, Instrument, Response};

/// Reads `(file name, text or why it could not be read)` pairs as organisations' agreed
/// records: a file that cannot be used (not readable, another instrument, answers that are
/// wrong for the matrix version it names) is refused with why; so is a record the core does not
/// admit beside those loaded (no organisation named, a second record for one, or one's answers
/// under another name). A record made against another version of the matrix is added with the
/// answers that fit, and one not marked as a board's agreed record is added with a warning;
/// the person is told both.
pub fn admit_records(
    instrument: &Instrument,
    existing: &[Response],
    files: Vec<(String, Result<String, maturity_core::Error>)>,
) -> Admitted<Response> {
    let mut added: Vec<Response> = Vec::new();
    let mut notes: Vec<Said> = Vec::new();
    for (name, text) in files {
        let read = text
            .and_then(|text| Response::from_json(&text))
            .and_then(|record| {
                let fitted = record.clone().import(instrument)?;
                Ok((record, fitted.set_aside.len()))
            });
        let (record, unfit) = match read {
            Ok(read) => read,
            Err(error) => {
                notes.push(refusal(&name, &error, instrument));
                continue;
            }
        };
        if let Err(error) = admissible(&record, existing.iter().chain(&added)) {
            let why = error.problems().first().map_or("", |p| p.message.as_str());
            notes.push(format!("{name} was not added: {why}.").into());
            continue;
        }
        if record.agreed.is_none() {
            notes.push(format!(
                "{name}: added, but it is not marked as a board's agreed record: it may be one person's ratings, or a record saved before records were marked. Use the record the board agreed where you have it."
            ).into());
        }
        if unfit > 0 {
            notes.push(format!(
                "{name}: added, made against version {} of the matrix; {} this version and {} left out of the figures.",
                record.instrument.version,
                answers_that_do_not_fit(unfit),
                if unfit == 1 { "is" } else { "are" }
            ).into());
        }
        added.push(record);
    }
    let mut messages: Vec<Said> = vec![added_line(added.len(), "record").into()];
    messages.extend(notes);
    Admitted { added, messages }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, body: &str) -> (String, Result<String, maturity_core::Error>) {
        (name.to_owned(), Ok(body.to_owned()))
    }

    fn record(organisation: &str, version: &str) -> String {
        format!(
            r#"{{"formatVersion":2,"instrument":{{"id":"nhs-impact","version":"{version}"}},"organisation":"{organisation}","agreed":{{"raters":5}},"answers":{{"purpose-created":{{"level":3}},"retired-item":{{"level":2}}}}}}"#
        )
    }

    #[test]
    fn each_file_is_admitted_or_refused_with_its_reason() {
        let instrument = maturity_core::builtin("nhs-impact").unwrap();
        let other = r#"{"formatVersion":1,"instrument":{"id":"another-matrix","version":"1"},"answers":{}}"#;
        let admitted = admit_records(
            &instrument,
            &[],
            vec![
                file("north.json", &record("North Trust", "0.9")),
                file("broken.json", "{"),
                file("other.json", other),
                file("again.json", &record("north trust", "0.9")),
                file("current.json", &record("South Trust", "1.0.0")),
            ],
        );
        assert_eq!(admitted.added.len(), 1);
        assert_eq!(admitted.messages[0].text, "1 record added.");
        assert!(admitted.messages[1]
            .text
            .starts_with("north.json: added, made against version 0.9"));
        assert!(admitted.messages[2]
            .text
            .starts_with("broken.json was not added."));
        assert!(admitted.messages[3]
            .text
            .starts_with("other.json was not added."));
        assert!(admitted.messages[4]
            .text
            .contains("a record for north trust is already loaded"));
        // Made for this version, an answer that does not fit is a mistake in the file.
        assert!(admitted.messages[5]
            .text
            .starts_with("current.json was not added."));
    }

    #[test]
    fn a_record_naming_no_organisation_is_refused_and_one_not_agreed_is_flagged() {
        let instrument = maturity_core::builtin("nhs-impact").unwrap();
        let one_person = r#"{"formatVersion":2,"instrument":{"id":"nhs-impact","version":"1.0.0"},"organisation":"East Trust","answers":{"purpose-lived":{"level":2}}}"#;
        let unnamed = r#"{"formatVersion":2,"instrument":{"id":"nhs-impact","version":"1.0.0"},"title":"Copy of the agreed board view","agreed":{"raters":6},"answers":{"purpose-lived":{"level":4}}}"#;
        let admitted = admit_records(
            &instrument,
            &[],
            vec![file("east.json", one_person), file("copy.json", unnamed)],
        );
        assert_eq!(admitted.added.len(), 1);
        assert!(admitted.messages[1]
            .text
            .starts_with("east.json: added, but it is not marked as a board's agreed record"));
        assert!(admitted.messages[2]
            .text
            .starts_with("copy.json was not added: names no organisation"));
    }
}
