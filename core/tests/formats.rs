//! Files written by every released format must keep loading, with the same meaning.

use maturity_core::{builtin, score, Rating, Response, Special};

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
    assert_eq!(response.respondent.role, "Chair");
    let report = score(&instrument, &response);
    assert_eq!(report.overall.unwrap().to_string(), "2.00");
    assert_eq!(report.counts.dont_know, 1);
}

#[test]
fn a_newer_format_is_refused_not_misread() {
    let error = Response::from_json(
        r#"{"formatVersion": 2, "instrument": {"id": "nhs-impact", "version": "1"}}"#,
    )
    .unwrap_err();
    assert_eq!(error.problems()[0].path, "formatVersion");
    assert!(error.problems()[0].message.contains("newer"));
}
