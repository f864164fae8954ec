//! The component profile as an SVG radar chart.

use crate::state::context::use_widget;
use maturity_core::Score;
use std::rc::Rc;
use yew::prelude::*;

/// One profile to draw: a name for the key and a score per component.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Profile {
    /// Shown in the key when several profiles are overlaid.
    pub label: String,
    /// One score per component, in instrument order.
    pub scores: Vec<Option<Score>>,
    /// For a board's median: the lowest and highest score per component, drawn as a bar along
    /// its axis so the spread of views shows, not the middle alone. Empty otherwise.
    pub ranges: Vec<Option<(Score, Score)>>,
}

/// Props for [`RadarChart`].
#[derive(Properties, PartialEq)]
pub struct RadarChartProps {
    /// The profiles, drawn in order (a baseline first, then the current one).
    pub profiles: Rc<Vec<Profile>>,
    /// The id of the text that says what the chart shows: the chart's accessible description.
    pub described_by: AttrValue,
    /// Names one of several small charts side by side (an organisation): the caption is this
    /// name, and the legend, key and scale note are left to the page around them.
    #[prop_or_default]
    pub caption: Option<AttrValue>,
}

const RADIUS: f64 = 120.0;
/// Text sizes in the chart's own units. The chart is drawn 680 units wide; in a narrow column
/// (a phone) the stylesheet swaps the labels for numbers with a key, and enlarges the plot so
/// its text stays at 12 px or more.
const LABEL_SIZE: i32 = 24;
const LINE: i32 = 26;
/// Ends every text of the chart. Firefox reads neighbouring SVG texts as one run ("not
/// ratednot rated") when the page's text is taken out (`innerText`, reading modes); a line
/// break the stylesheet keeps (`white-space: pre-line`) parts them there, and draws nothing.
const END: &str = "\n";

/// Where a fraction `f` (0 at the centre, 1 at the rim) of axis `index` of `count` lies; the
/// first axis points up.
#[expect(
    clippy::float_arithmetic,
    reason = "chart geometry; scores themselves stay exact integers"
)]
fn point(index: usize, count: usize, f: f64) -> (i32, i32) {
    let angle = std::f64::consts::TAU * index as f64 / count as f64 - std::f64::consts::FRAC_PI_2;
    let (sin, cos) = sin_cos(angle);
    // Whole units are precise enough at this size, and keep float formatting out of the wasm.
    (
        (RADIUS * f * cos).round() as i32,
        (RADIUS * f * sin).round() as i32,
    )
}

/// Sine and cosine of an angle in [-π/2, 3π/2) by their Taylor series (error under 1e-7, far
/// below a pixel). The standard library's versions bring kilobytes of argument reduction
/// for huge angles this chart never uses.
#[expect(clippy::float_arithmetic, reason = "chart geometry")]
fn sin_cos(angle: f64) -> (f64, f64) {
    let x = if angle > std::f64::consts::PI {
        angle - std::f64::consts::TAU
    } else {
        angle
    };
    let (mut sin, mut cos) = (0.0, 0.0);
    let (mut sin_term, mut cos_term) = (x, 1.0);
    for n in 1..=10 {
        sin += sin_term;
        cos += cos_term;
        let k = f64::from(2 * n);
        sin_term *= -x * x / (k * (k + 1.0));
        cos_term *= -x * x / ((k - 1.0) * k);
    }
    (sin, cos)
}

fn polygon(points: impl Iterator<Item = (i32, i32)>) -> String {
    points
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits a title into lines of about `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// One axis per component, a ring per level (numbered up the first axis), one outline per
/// profile. The chart is an image with a text description; the same figures are in a table
/// beside it, which is what screen reader users are pointed to.
#[component]
pub fn RadarChart(props: &RadarChartProps) -> Html {
    let widget = use_widget();
    let instrument = &widget.instrument;
    let count = instrument.components.len();
    let levels = &instrument.scale.levels;
    let (low, high) = (
        i64::from(levels[0].value) * 100,
        i64::from(levels[levels.len() - 1].value) * 100,
    );
    #[expect(
        clippy::float_arithmetic,
        reason = "a position on the chart, not a score"
    )]
    let fraction =
        |score: Score| ((score.hundredths() - low) as f64 / (high - low) as f64).clamp(0.0, 1.0);
    let rings = levels.iter().skip(1).map(|level| {
        let f = fraction(Score::from_level(i64::from(level.value)));
        html! { <polygon class="mm-radar__ring" points={polygon((0..count).map(|i| point(i, count, f)))} /> }
    });
    // The scale, written up the first axis: each ring's level value.
    let scale = levels.iter().map(|level| {
        let f = fraction(Score::from_level(i64::from(level.value)));
        let (_, y) = point(0, count, f);
        html! { <text class="mm-radar__scale" x="6" y={(y + LABEL_SIZE / 3).to_string()}>{ level.value }{ END }</text> }
    });
    let axes = (0..count).map(|i| {
        let (x, y) = point(i, count, 1.0);
        html! { <line class="mm-radar__axis" x1="0" y1="0" x2={x.to_string()} y2={y.to_string()} /> }
    });
    let labels = instrument.components.iter().enumerate().map(|(i, component)| {
        let (x, y) = point(i, count, 1.12);
        let anchor = if x.abs() < 10 { "middle" } else if x > 0 { "start" } else { "end" };
        let lines = wrap(&component.title, 14);
        // Labels above the centre grow upwards so they never run into the rim.
        let above = lines.len() as i32 - 1;
        let first_dy = if y < -10 { -above * LINE } else if y.abs() <= 10 { -above * LINE / 2 } else { LABEL_SIZE };
        // The lines are one title: a space joins them for whoever copies or reads the text,
        // on the side of each line away from its anchor, where it moves nothing drawn.
        let spans = lines.iter().enumerate().map(|(n, line)| {
            let dy = if n == 0 { first_dy } else { LINE };
            let text = match anchor {
                "end" if n > 0 => format!(" {line}"),
                "end" => line.clone(),
                _ if n + 1 < lines.len() => format!("{line} "),
                _ => line.clone(),
            };
            html! { <tspan x={x.to_string()} dy={dy.to_string()}>{ text }</tspan> }
        });
        html! { <text class="mm-radar__label" x={x.to_string()} y={y.to_string()} text-anchor={anchor}>{ for spans }{ END }</text> }
    });
    // In a narrow column the labels give way to numbers, keyed in the list under the chart.
    // Small multiples have none: beside charts whose rings are levels 1 to 5, numbered axes
    // read as levels; their axes are named once, in order, above them.
    let numbers = (0..count).filter(|_| props.caption.is_none()).map(|i| {
        let (x, y) = point(i, count, 1.16);
        html! { <text class="mm-radar__number" x={x.to_string()} y={(y + 8).to_string()} text-anchor="middle">{ i + 1 }{ END }</text> }
    });
    let legend = instrument
        .components
        .iter()
        .map(|c| html! { <li>{ &c.title }</li> });
    let unrated = props
        .profiles
        .iter()
        .any(|p| p.scores.iter().any(Option::is_none));
    let shapes = props.profiles.iter().enumerate().map(|(n, profile)| {
        let at = |i: usize, s: Score| point(i, count, fraction(s));
        // A bar along each axis from the component's lowest to its highest score, wherever
        // they are known (a band round the whole chart would need every component rated).
        let ranges = profile.ranges.iter().enumerate().filter_map(|(i, range)| {
            let ((x1, y1), (x2, y2)) = range.map(|(lo, hi)| (at(i, lo), at(i, hi)))?;
            Some(html! { <line class="mm-radar__range" x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()} /> })
        });
        // Unrated components are not drawn at the centre, which would read as the lowest
        // level: the outline breaks there instead, and the axis says "not rated".
        let shape = if profile.scores.iter().all(Option::is_some) {
            let points = profile.scores.iter().enumerate().filter_map(|(i, s)| Some(at(i, (*s)?)));
            html! { <polygon class="mm-radar__shape" points={polygon(points)} /> }
        } else {
            let segments = (0..count).filter_map(|i| {
                let j = (i + 1) % count;
                let (a, b) = (profile.scores[i]?, profile.scores[j]?);
                (count > 1).then(|| html! { <polyline class="mm-radar__line" points={polygon([at(i, a), at(j, b)].into_iter())} /> })
            });
            html! { <>{ for segments }</> }
        };
        let dots = profile.scores.iter().enumerate().filter_map(|(i, s)| {
            let (x, y) = at(i, (*s)?);
            Some(html! { <circle class="mm-radar__dot" cx={x.to_string()} cy={y.to_string()} r="5" /> })
        });
        html! {
            <g class={format!("mm-radar__profile mm-radar__profile--{n}")}>
                { for ranges }{ shape }{ for dots }
            </g>
        }
    });
    let not_rated = (0..count)
        .filter(|&i| props.profiles.iter().all(|p| p.scores.get(i).copied().flatten().is_none()))
        .map(|i| {
            // Out along the axis, clear of the scale written up the first axis. Below the
            // centre it runs away from its axis, so the two nearest the bottom never meet.
            let (x, y) = point(i, count, 0.62);
            let (x, anchor) = match x {
                _ if i == 0 => (x + 12, "start"),
                _ if y > 10 && x > 10 => (x + 6, "start"),
                _ if y > 10 && x < -10 => (x - 6, "end"),
                _ => (x, "middle"),
            };
            html! { <text class="mm-radar__unrated" x={x.to_string()} y={y.to_string()} text-anchor={anchor}>{ "not rated" }{ END }</text> }
        });
    let key = (props.profiles.len() > 1 || props.profiles.iter().any(|p| !p.ranges.is_empty())).then(|| {
        let entries = props.profiles.iter().enumerate().map(|(n, p)| {
            html! {
                <li class={format!("mm-radar__key mm-radar__key--{n}")}>
                    { &p.label }
                    if !p.ranges.is_empty() { { " (the pale bar on each axis runs from the lowest to the highest score)" } }
                </li>
            }
        });
        html! { <ul class="mm-radar__keys">{ for entries }</ul> }
    });
    let (lowest, highest) = (&levels[0], &levels[levels.len() - 1]);
    html! {
        <figure class="mm-radar">
            <svg class="mm-radar__svg" viewBox="-340 -240 680 480" role="img" focusable="false"
                aria-label={props.caption.as_ref().map_or_else(|| "Profile chart: score by component".to_owned(), |c| format!("Profile of {c}"))}
                aria-describedby={props.described_by.clone()}>
                <g class="mm-radar__plot">
                    { for rings }{ for axes }{ for shapes }{ for scale }{ for not_rated }{ for numbers }
                </g>
                { for labels }
            </svg>
            if let Some(caption) = &props.caption {
                <figcaption class="mm-radar__caption">{ caption.clone() }</figcaption>
            } else {
                <ol class="mm-radar__legend">{ for legend }</ol>
                { key.unwrap_or_default() }
                <figcaption class="mm-radar__note">
                    { format!("The centre is {} {}, the outer ring {} {}.", lowest.value, lowest.label, highest.value, highest.label) }
                    if unrated { { " A component with no rated item is left out of the outline and marked \u{201c}not rated\u{201d}." } }
                </figcaption>
            }
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(
        clippy::float_arithmetic,
        reason = "comparing with the standard library"
    )]
    fn series_matches_the_standard_library_on_every_axis_angle() {
        for count in 1..=30 {
            for index in 0..count {
                let angle = std::f64::consts::TAU * index as f64 / count as f64
                    - std::f64::consts::FRAC_PI_2;
                let (sin, cos) = sin_cos(angle);
                assert!(
                    (sin - angle.sin()).abs() < 1e-6 && (cos - angle.cos()).abs() < 1e-6,
                    "{index}/{count}"
                );
            }
        }
    }

    #[test]
    fn titles_wrap_at_spaces() {
        assert_eq!(
            wrap("Building a shared purpose and vision", 16),
            ["Building a", "shared purpose", "and vision"]
        );
    }
}
