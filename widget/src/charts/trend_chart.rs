//! Scores over time as an SVG line chart: one line per component, numbered to match the key
//! and the table beside it, and the overall figure as a thicker dashed line. A missing score is
//! a break in the line, never a fall to zero.

use crate::state::context::use_widget;
use maturity_core::{Score, Trends};
use std::rc::Rc;
use yew::prelude::*;

/// Props for [`TrendChart`].
#[derive(Properties, PartialEq)]
pub struct TrendChartProps {
    /// The series, from the core.
    pub trends: Rc<Trends>,
    /// The id of the written summary: the chart's accessible description.
    pub described_by: AttrValue,
}

/// The plot area within the 620 × 290 drawing.
const LEFT: i64 = 60;
const RIGHT: i64 = 570;
const TOP: i64 = 20;
const BOTTOM: i64 = 250;

/// The chart, with the scale's levels up the side and each assessment's date along the bottom.
#[component]
pub fn TrendChart(props: &TrendChartProps) -> Html {
    let widget = use_widget();
    let levels = &widget.instrument.scale.levels;
    let trends = &props.trends;
    let (low, high) = (
        i64::from(levels[0].value) * 100,
        i64::from(levels[levels.len() - 1].value) * 100,
    );
    let count = i64::try_from(trends.points.len()).unwrap_or(1).max(2);
    let x = |i: usize| LEFT + (RIGHT - LEFT) * i64::try_from(i).unwrap_or(0) / (count - 1);
    let y = |s: Score| BOTTOM - (BOTTOM - TOP) * (s.hundredths() - low) / (high - low).max(1);
    // Runs of known scores, drawn as separate polylines so a gap stays a gap.
    let lines = |scores: &[Option<Score>], class: &str| {
        let mut runs: Vec<Vec<(i64, i64)>> = vec![Vec::new()];
        for (i, score) in scores.iter().enumerate() {
            match score {
                Some(s) => runs
                    .last_mut()
                    .expect("one run at least")
                    .push((x(i), y(*s))),
                None => runs.push(Vec::new()),
            }
        }
        let dots = scores.iter().enumerate().filter_map(|(i, s)| {
            let s = (*s)?;
            Some(html! { <circle class={format!("{class} mm-trend__dot")} cx={x(i).to_string()} cy={y(s).to_string()} r="4" /> })
        });
        let runs = runs.into_iter().filter(|run| run.len() > 1).map(|run| {
            let points: Vec<String> = run.iter().map(|(x, y)| format!("{x},{y}")).collect();
            html! { <polyline class={class.to_owned()} points={points.join(" ")} /> }
        });
        html! { <>{ for runs }{ for dots }</> }
    };
    let grid = levels.iter().map(|level| {
        let at = y(Score::from_level(i64::from(level.value)));
        html! {
            <>
                <line class="mm-trend__grid" x1={LEFT.to_string()} x2={RIGHT.to_string()} y1={at.to_string()} y2={at.to_string()} />
                <text class="mm-trend__scale" x={(LEFT - 10).to_string()} y={(at + 6).to_string()} text-anchor="end">{ level.value }</text>
            </>
        }
    });
    let dates = trends.points.iter().enumerate().map(|(i, point)| {
        let label = short_date(&point.date).unwrap_or_else(|| point.label.clone());
        html! { <text class="mm-trend__date" x={x(i).to_string()} y={(BOTTOM + 28).to_string()} text-anchor="middle">{ label }</text> }
    });
    // Each line's number sits at its last point, moved down past any number already there so
    // lines that end together stay readable.
    let mut placed: Vec<(i64, i64)> = Vec::new();
    let components = trends.components.iter().enumerate().map(|(n, component)| {
        let last = component.scores.iter().enumerate().rev().find_map(|(i, s)| Some((i, (*s)?)));
        let number = last.map(|(i, s)| {
            let (at_x, mut at_y) = (x(i) + 10, y(s) + 6);
            while placed.iter().any(|(px, py)| *px == at_x && (py - at_y).abs() < 22) {
                at_y += 22;
            }
            placed.push((at_x, at_y));
            html! { <text class="mm-trend__number" x={at_x.to_string()} y={at_y.to_string()}>{ n + 1 }</text> }
        });
        html! { <g class={format!("mm-trend__component mm-trend__component--{}", n % 5)}>{ lines(&component.scores, "mm-trend__line") }{ number.unwrap_or_default() }</g> }
    });
    let key = trends
        .components
        .iter()
        .map(|c| html! { <li>{ &c.title }</li> });
    html! {
        <figure class="mm-trend">
            <svg class="mm-trend__svg" viewBox="0 0 620 290" role="img" focusable="false"
                aria-label="Scores over time, by component" aria-describedby={props.described_by.clone()}>
                { for grid }{ for dates }
                <g class="mm-trend__overall">{ lines(&trends.overall, "mm-trend__line") }</g>
                { for components }
            </svg>
            <figcaption class="mm-radar__note">
                { "Lines are numbered as in this list; the thick dashed line is the overall indicative figure. A break in a line is an assessment that did not score that component." }
            </figcaption>
            <ol class="mm-trend__key">{ for key }</ol>
        </figure>
    }
}

/// "Nov 2026" for `2026-11-29`: short enough for the axis; the table has the dates in full.
fn short_date(date: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month: usize = date.get(5..7)?.parse().ok()?;
    Some(format!(
        "{} {}",
        MONTHS.get(month.checked_sub(1)?)?,
        date.get(..4)?
    ))
}
