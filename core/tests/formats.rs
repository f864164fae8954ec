//! Files written by every released format must keep loading, with the same meaning.

use maturity_core::{builtin, score, Rating, Response, Special, Status};

#[test]
fn response_format_1_still_loads() {
    let instrument = builtin("nhs-impact").unwrap();
    let text = include_str!("formats/response-v1.json");
    let response = Response::from_json_for(text, &instrument).unwrap();
    assert_eq!(response.rating("purpose-created"), Rating::Level(2));
    assert_eq!(
        response.rating("systems-daily"),
        Rating::Special(Special::DontKnow)
    );
    assert_eq!(response.answers["purpose-created"].target, Some(4));
    assert!(
        response.answers["purpose-created"].prioritised,
        "an action written in format 1 makes the item a priority"
    );
    assert!(!response.answers["systems-daily"].prioritised);
    assert_eq!(response.respondent.role, "Chair");
    let report = score(&instrument, &response);
    assert_eq!(report.overall.unwrap().to_string(), "2.00");
    assert_eq!(report.counts.dont_know, 1);
}

#[test]
fn response_format_2_loads_with_its_plan_tracking_and_cover_sheet() {
    let instrument = builtin("nhs-impact").unwrap();
    let text = include_str!("formats/response-v2.json");
    let response = Response::from_json_for(text, &instrument).unwrap();
    let answer = &response.answers["purpose-created"];
    assert!(answer.prioritised);
    assert_eq!(answer.status, Some(Status::InProgress));
    assert_eq!(answer.progress.len(), 2);
    assert_eq!(response.next_review, "2027-05-20");
    assert_eq!(response.paper.agenda_item, "7.2");
    assert_eq!(
        score(&instrument, &response).overall.unwrap().to_string(),
        "2.00"
    );
    // Written back, it reads the same.
    assert_eq!(Response::from_json(&response.to_json()).unwrap(), response);
}

#[test]
fn format_1_scores_the_same_read_as_format_2() {
    let instrument = builtin("nhs-impact").unwrap();
    let old =
        Response::from_json_for(include_str!("formats/response-v1.json"), &instrument).unwrap();
    assert_eq!(old.format_version, 2, "read into the current format");
    let again = Response::from_json_for(&old.to_json(), &instrument).unwrap();
    assert_eq!(score(&instrument, &again), score(&instrument, &old));
}

#[test]
fn format_2_fields_are_not_taken_from_a_format_1_file() {
    let error = Response::from_json(
        r#"{"formatVersion": 1, "instrument": {"id": "nhs-impact", "version": "1"}, "nextReview": "2027-01-01"}"#,
    )
    .unwrap_err();
    assert_eq!(error.problems()[0].path, "nextReview");
}

#[test]
fn bad_plan_tracking_is_refused_with_paths() {
    let error = Response::from_json(
        r#"{"formatVersion": 2, "instrument": {"id": "nhs-impact", "version": "1"}, "answers": {"x": {"status": "finished", "progress": [{"date": "2027-02-30", "text": "a"}, {"text": ""}]}}}"#,
    )
    .unwrap_err();
    let paths: Vec<&str> = error.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "answers.x.status",
            "answers.x.progress[0].date",
            "answers.x.progress[1].date",
            "answers.x.progress[1].text"
        ]
    );
    let long = format!(
        r#"{{"formatVersion": 2, "instrument": {{"id": "nhs-impact", "version": "1"}}, "answers": {{"x": {{"progress": [{}]}}}}}}"#,
        vec![r#"{"date": "2027-01-01", "text": "a"}"#; 501].join(",")
    );
    assert!(Response::from_json(&long).unwrap_err().problems()[0]
        .message
        .contains("limit is 500"));
}

#[test]
fn a_newer_format_is_refused_not_misread() {
    let error = Response::from_json(
        r#"{"formatVersion": 3, "instrument": {"id": "nhs-impact", "version": "1"}}"#,
    )
    .unwrap_err();
    assert_eq!(error.problems()[0].path, "formatVersion");
    assert!(error.problems()[0].message.contains("newer"));
}
