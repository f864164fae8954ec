//! A date entered as day, month and year in three boxes: the NHS.UK date pattern, which every
//! browser and screen reader handles the same way, unlike the browsers' own date pickers.

use crate::state::context::use_widget;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props for [`DateInput`].
#[derive(Properties, PartialEq)]
pub struct DateInputProps {
    /// Prefix of the three boxes' ids.
    pub id: AttrValue,
    /// What the date is, the group's legend (e.g. "Due date").
    pub legend: AttrValue,
    /// Read by screen readers after the legend, to tell repeated groups apart.
    #[prop_or_default]
    pub hidden_suffix: AttrValue,
    /// The date as `YYYY-MM-DD`, or empty.
    pub value: AttrValue,
    /// Told the date the boxes make (`YYYY-MM-DD`) as soon as they make a real one, and `""`
    /// as soon as they do not (cleared, half typed, or not a real date).
    pub on_change: Callback<String>,
}

/// The three parts as typed, kept while they are incomplete or not yet a real date.
fn parts(value: &str) -> [String; 3] {
    match (value.get(8..10), value.get(5..7), value.get(..4)) {
        (Some(d), Some(m), Some(y)) if value.len() == 10 => [
            d.trim_start_matches('0').to_owned(),
            m.trim_start_matches('0').to_owned(),
            y.to_owned(),
        ],
        _ => Default::default(),
    }
}

/// `YYYY-MM-DD` from day, month and year as typed, when they make a real date.
fn date_of(day: &str, month: &str, year: &str) -> Option<String> {
    let number = |text: &str| text.trim().parse::<u32>().ok();
    let (d, m, y) = (number(day)?, number(month)?, number(year)?);
    let date = format!("{y:04}-{m:02}-{d:02}");
    (1000..=9999).contains(&y).then_some(())?;
    maturity_core::is_real_date(&date).then_some(date)
}

/// A fieldset with a legend, a hint and three labelled boxes; a plain message when the three
/// do not make a real date. What is saved is always what the boxes say: an earlier date is not
/// kept behind boxes that no longer show it, as if it were still the entry.
#[component]
pub fn DateInput(props: &DateInputProps) -> Html {
    let widget = use_widget();
    let typed = use_state(|| parts(&props.value));
    // A value changed from outside (another tab, an import) replaces what is shown.
    {
        let typed = typed.clone();
        use_effect_with(props.value.clone(), move |value| {
            let shown = date_of(&typed[0], &typed[1], &typed[2]).unwrap_or_default();
            if shown != value.as_str() && !(value.is_empty() && typed.iter().any(|p| !p.is_empty()))
            {
                typed.set(parts(value));
            }
        });
    }
    let complete = typed.iter().all(|p| !p.trim().is_empty());
    let started = typed.iter().any(|p| !p.trim().is_empty());
    let invalid = complete && date_of(&typed[0], &typed[1], &typed[2]).is_none();
    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let boxes = [("Day", "day", 2), ("Month", "month", 2), ("Year", "year", 4)]
        .into_iter()
        .enumerate()
        .map(|(index, (label, suffix, width))| {
            let id = format!("{}-{suffix}", props.id);
            let oninput = {
                let (typed, on_change, saved) =
                    (typed.clone(), props.on_change.clone(), props.value.clone());
                Callback::from(move |event: InputEvent| {
                    let mut next = (*typed).clone();
                    next[index] = event.target_unchecked_into::<HtmlInputElement>().value();
                    let date = date_of(&next[0], &next[1], &next[2]).unwrap_or_default();
                    if date != saved.as_str() {
                        on_change.emit(date);
                    }
                    typed.set(next);
                })
            };
            html! {
                <div class="mm-date__item" key={suffix}>
                    <label class="mm-date__label" for={id.clone()}>{ label }</label>
                    <input class={classes!("mm-input", format!("mm-input--width-{width}"))} id={id} type="text"
                        inputmode="numeric" autocomplete="off" value={typed[index].clone()} {oninput}
                        readonly={widget.readonly} aria-invalid={invalid.then_some("true")} />
                </div>
            }
        });
    html! {
        <fieldset class={classes!("mm-date", invalid.then_some("mm-date--error"))} role="group"
            aria-describedby={if invalid { format!("{hint_id} {error_id}") } else { hint_id.clone() }}>
            <legend class="mm-field__label">
                { &props.legend }<span class="mm-visually-hidden">{ &props.hidden_suffix }</span>
            </legend>
            <p class="mm-hint" id={hint_id}>{ "For example, 31 3 2027" }</p>
            if invalid {
                <p class="mm-date__error" id={error_id}>
                    <span class="mm-visually-hidden">{ "Error: " }</span>
                    { format!("{} must be a real date: check the day, month and year. Until it is, no date is saved.", props.legend) }
                </p>
            } else if started && !complete {
                <p class="mm-hint">{ "Enter the day, month and year." }</p>
            }
            <div class="mm-date__boxes">{ for boxes }</div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_boxes_make_a_date_only_when_it_is_real() {
        assert_eq!(date_of("31", "3", "2027").as_deref(), Some("2027-03-31"));
        assert_eq!(date_of(" 1", "12 ", "2026").as_deref(), Some("2026-12-01"));
        assert_eq!(date_of("30", "2", "2027"), None);
        assert_eq!(
            date_of("1", "1", "27"),
            None,
            "a two-digit year is not guessed"
        );
        assert_eq!(date_of("", "1", "2027"), None);
        assert_eq!(
            parts("2027-03-05"),
            ["5".to_owned(), "3".into(), "2027".into()]
        );
    }
}
