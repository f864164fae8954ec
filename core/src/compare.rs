//! Comparing two responses to the same instrument over time (baseline → current).

use crate::error::Result;
use crate::instrument::Instrument;
use crate::rating::Rating;
use crate::report::score;
use crate::response::Response;
use crate::score::Score;
use serde::Serialize;

/// How one item or component moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Change {
    /// Higher now.
    Improved,
    /// Lower now.
    Declined,
    /// The same.
    Unchanged,
    /// Rated with a level in only one of the two (or neither), so there is nothing to compare.
    NotComparable,
}

/// The change between two responses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// Per item, in instrument order.
    pub items: Vec<ItemChange>,
    /// Per component, in instrument order.
    pub components: Vec<ComponentChange>,
    /// Overall score then and now.
    pub overall: ComponentChange,
    /// Ids of items that improved, in instrument order.
    pub improved: Vec<String>,
    /// Ids of items that declined.
    pub declined: Vec<String>,
    /// Ids of items rated the same both times.
    pub unchanged: Vec<String>,
    /// Ids of items rated with a level in only one of the two.
    pub not_comparable: Vec<String>,
}

/// One item then and now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ItemChange {
    /// The item's id.
    pub id: String,
    /// Its component's id.
    pub component_id: String,
    /// The level value in the baseline.
    pub baseline: Option<u8>,
    /// The level value now.
    pub current: Option<u8>,
    /// Levels moved (positive is up the scale).
    pub steps: Option<i32>,
    /// The direction.
    pub change: Change,
}

/// A component's (or the overall) score then and now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ComponentChange {
    /// The component's id (`"overall"` for the overall figure).
    pub id: String,
    /// The score in the baseline.
    pub baseline: Option<Score>,
    /// The score now.
    pub current: Option<Score>,
    /// `current - baseline`.
    pub delta: Option<Score>,
    /// The direction.
    pub change: Change,
}

fn direction(delta: Option<i64>) -> Change {
    match delta {
        None => Change::NotComparable,
        Some(d) if d > 0 => Change::Improved,
        Some(d) if d < 0 => Change::Declined,
        Some(_) => Change::Unchanged,
    }
}

fn score_change(id: &str, baseline: Option<Score>, current: Option<Score>) -> ComponentChange {
    let delta = baseline.zip(current).map(|(b, c)| Score(c.0 - b.0));
    ComponentChange {
        id: id.to_owned(),
        baseline,
        current,
        delta,
        change: direction(delta.map(|d| d.0)),
    }
}

/// Compares `current` with `baseline`; both must be responses to `instrument`.
pub fn compare(
    instrument: &Instrument,
    baseline: &Response,
    current: &Response,
) -> Result<Comparison> {
    for (name, response) in [("baseline", baseline), ("current", current)] {
        response.check(instrument).map_err(|e| e.nested(name))?;
    }
    let level_of = |response: &Response, id: &str| match response.rating(id) {
        Rating::Level(v) => Some(v),
        _ => None,
    };
    let mut result = Comparison {
        items: Vec::new(),
        components: Vec::new(),
        overall: score_change("overall", None, None),
        improved: Vec::new(),
        declined: Vec::new(),
        unchanged: Vec::new(),
        not_comparable: Vec::new(),
    };
    for (component, item) in instrument.items() {
        let (b, c) = (level_of(baseline, &item.id), level_of(current, &item.id));
        let steps = b.zip(c).map(|(b, c)| {
            let rank = |v| {
                i32::try_from(instrument.level_index(v).expect("checked"))
                    .expect("at most 10 levels")
            };
            rank(c) - rank(b)
        });
        let change = direction(steps.map(i64::from));
        match change {
            Change::Improved => result.improved.push(item.id.clone()),
            Change::Declined => result.declined.push(item.id.clone()),
            Change::Unchanged => result.unchanged.push(item.id.clone()),
            Change::NotComparable => result.not_comparable.push(item.id.clone()),
        }
        result.items.push(ItemChange {
            id: item.id.clone(),
            component_id: component.id.clone(),
            baseline: b,
            current: c,
            steps,
            change,
        });
    }
    let (then, now) = (score(instrument, baseline), score(instrument, current));
    result.components = then
        .components
        .iter()
        .zip(&now.components)
        .map(|(b, c)| score_change(&b.id, b.score, c.score))
        .collect();
    result.overall = score_change("overall", then.overall, now.overall);
    Ok(result)
}

/// The assessment before `current` among `others`: the latest made before it, by the day it was
/// made ([`Response::assessed_on`], never its last edit, which moves whenever progress is
/// recorded), then by when it was started, for two made on one day. `None` when none is.
pub fn previous_assessment<'a>(
    current: &Response,
    others: impl IntoIterator<Item = &'a Response>,
) -> Option<&'a Response> {
    fn made(r: &Response) -> (&str, &str) {
        (r.assessed_on(), &r.created)
    }
    let now = made(current);
    others
        .into_iter()
        .filter(|other| !other.assessed_on().is_empty())
        .filter(|other| now.0.is_empty() || made(other) < now)
        .fold(None, |latest: Option<&Response>, other| match latest {
            Some(l) if made(l) >= made(other) => Some(l),
            _ => Some(other),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::Agreed;

    fn made(created: &str, updated: &str, agreed_on: Option<&str>) -> Response {
        let mut response = Response::new(&crate::builtin("nhs-impact").unwrap());
        response.created = created.into();
        response.updated = updated.into();
        response.agreed = agreed_on.map(|on| Agreed {
            raters: 6,
            on: on.into(),
        });
        response
    }

    #[test]
    fn the_previous_assessment_is_by_the_day_it_was_made_not_its_last_edit() {
        // December's agreed record, with progress recorded in March; then June's.
        let december = made(
            "2026-12-01T10:00:00Z",
            "2027-03-10T09:00:00Z",
            Some("2026-12-03"),
        );
        let june = made("2027-06-01T10:00:00Z", "2027-06-02T10:00:00Z", None);
        let older = made("2025-12-01T10:00:00Z", "2025-12-02T10:00:00Z", None);
        assert_eq!(december.assessed_on(), "2026-12-03");
        let found = previous_assessment(&june, [&older, &december]).unwrap();
        assert_eq!(found, &december);
        assert_eq!(previous_assessment(&older, [&june, &december]), None);
        // Two made on one day: the one started first is the previous one.
        let morning = made("2027-06-01T08:00:00Z", "2027-06-01T08:30:00Z", None);
        assert_eq!(
            previous_assessment(&june, [&morning, &december]),
            Some(&morning)
        );
        assert_eq!(previous_assessment(&morning, [&june]), None);
    }
}
