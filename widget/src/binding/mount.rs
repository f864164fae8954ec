//! Mounting the widget into an element: the options JavaScript passes, and the handle it gets.

use crate::state::{Answers, View};
use crate::views::app::{App, AppProps, InstrumentSource};
use maturity_api::convert as js;
use maturity_core as core;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

/// A mounted widget. Call `destroy()` when its element is removed.
#[wasm_bindgen]
pub struct MountHandle {
    root: web_sys::Element,
    uid: String,
    options: JsValue,
    /// `reset()` cleared the answers the host supplies: the widget starts from empty ones until
    /// the host passes options again. (The host's options object is never written to.)
    cleared: bool,
    /// The app and the element it renders into, a fresh child of `root` per mount: yew tears
    /// an app down on its scheduler, later, so a remount must not share the old app's element.
    app: Option<(yew::AppHandle<App>, web_sys::Element)>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Applies new options (the same shape `mount` takes). The widget starts again from the
    /// saved answers, or from `options.response`, so nothing the person did is lost.
    pub fn update(&mut self, options: JsValue) {
        self.options = options;
        self.cleared = false;
        self.render(false);
    }

    /// Clears the open assessment: its saved answers are deleted (or, when the host supplies
    /// the answers, they are replaced by empty ones) and the widget starts afresh.
    pub fn reset(&mut self) {
        let host_owned = option_value(&self.options, "response").is_some();
        self.cleared = host_owned;
        // The widget's own answers are cleared by the widget, which owns their record.
        self.render(!host_owned);
    }

    /// The prefix of the ids inside this widget (the element passes it back when it remounts
    /// the app in the board's build, so focus finds the same ids).
    #[wasm_bindgen(getter)]
    pub fn uid(&self) -> String {
        self.uid.clone()
    }

    /// Unmounts the widget and releases its memory. Safe to call twice.
    pub fn destroy(&mut self) {
        if let Some((app, element)) = self.app.take() {
            element.remove();
            app.destroy();
        }
    }
}

impl MountHandle {
    fn option(&self, name: &str) -> Option<JsValue> {
        option_value(&self.options, name)
    }

    /// Mounts the app afresh from the current options; `start_afresh` clears the open
    /// assessment first.
    fn render(&mut self, start_afresh: bool) {
        self.destroy();
        let on_error = self
            .option("onError")
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let report_error = |error: &core::Error| {
            if let Some(on_error) = &on_error {
                let _ = on_error.call1(&JsValue::NULL, &js::error_to_js(error));
            }
        };
        let source = match instrument_option(&self.options) {
            Ok(instrument) => InstrumentSource::Ready(Rc::new(instrument)),
            Err(error) => {
                report_error(&error);
                InstrumentSource::Failed(Rc::new(error))
            }
        };
        let host_response = match (&source, self.option("response")) {
            (InstrumentSource::Ready(instrument), Some(_)) if self.cleared => {
                Some(Rc::new(core::Response::new(instrument)))
            }
            (InstrumentSource::Ready(instrument), Some(value)) => {
                match js::response_text_from_js(&value, "response")
                    .and_then(|text| core::Response::from_json_for(&text, instrument))
                {
                    Ok(response) => Some(Rc::new(response)),
                    Err(error) => {
                        // A response that does not fit is an error the host must hear about;
                        // the widget still opens, on its own saved answers.
                        report_error(&error);
                        None
                    }
                }
            }
            _ => None,
        };
        let on_response = match (&source, self.option("onResponse")) {
            (InstrumentSource::Ready(_), Some(function)) => {
                let function = function.unchecked_into::<js_sys::Function>();
                Callback::from(move |(response, report, changed): Answers| {
                    if let (Ok(response), Ok(report)) = (js::to_js(&*response), js::to_js(&*report))
                    {
                        let _ = function.call3(&JsValue::NULL, &response, &report, &changed.into());
                    }
                })
            }
            _ => Callback::noop(),
        };
        // The element's own hook (not a public option): the rater's build asks for the board
        // build when a board screen is needed, naming the view to reopen on.
        let on_board_needed = match self.option("onBoardNeeded") {
            Some(function) => {
                let function = function.unchecked_into::<js_sys::Function>();
                Callback::from(move |view: View| {
                    let _ = function.call1(&JsValue::NULL, &view.name().into());
                })
            }
            None => Callback::noop(),
        };
        let props = AppProps {
            source,
            uid: self.uid.clone().into(),
            storage_key: self
                .option("storageKey")
                .and_then(|v| v.as_string())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "default".to_owned())
                .into(),
            view: self
                .option("view")
                .and_then(|v| v.as_string())
                .and_then(|name| View::from_name(&name)),
            readonly: self.option("readonly").is_some_and(|v| v.is_truthy()),
            host_response,
            on_response,
            start_afresh,
            board: self.option("board").is_some_and(|v| v.is_truthy()),
            heading_level: self
                .option("headingLevel")
                .and_then(|v| v.as_f64())
                .filter(|n| (1.0..=5.0).contains(n))
                .map_or(2, |n| n as u8),
            show_title: !self.option("hideTitle").is_some_and(|v| v.is_truthy()),
            on_board_needed,
        };
        let Some(element) = self
            .root
            .owner_document()
            .and_then(|d| d.create_element("div").ok())
        else {
            return;
        };
        element.set_class_name("mm-mount");
        if self.root.append_child(&element).is_err() {
            return;
        }
        let app = yew::Renderer::<App>::with_root_and_props(element.clone(), props).render();
        self.app = Some((app, element));
    }
}

thread_local! {
    static NEXT_UID: Cell<u32> = const { Cell::new(1) };
}

/// Mounts the widget into `root`. Options (all optional):
/// - `instrument`: a built-in instrument id (default `"nhs-impact"`), an instrument object or
///   its JSON text;
/// - `storageKey`: separates saved assessments of the same instrument (default `"default"`);
/// - `view`: `"start"`, `"assess"`, `"results"`, `"plan"`, `"progress"`, `"paper"` or `"board"` (others
///   are ignored);
/// - `readonly`: show the answers without letting them be changed;
/// - `board`: show the board view's tab (for a facilitator's page; it also shows once a board
///   has collected responses on this device);
/// - `headingLevel`: the level of the widget's heading, 1 to 5 (default 2), so it fits under
///   the host page's own headings; `hideTitle`: leave the instrument's title out (it stays for
///   screen readers);
/// - `response`: answers the host owns (object or JSON text): the widget starts from them,
///   reports changes and never uses browser storage;
/// - `onResponse(response, score, changed)`: called on opening and after every change;
/// - `onError(error)`: called with a `MaturityMatrixError` when the instrument or response
///   cannot be used.
///
/// An unusable instrument is shown as an explanation inside the widget rather than thrown, so
/// the page never shows a blank box.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) -> MountHandle {
    let options = if options.is_object() {
        options
    } else {
        js_sys::Object::new().into()
    };
    // The element's own option: the prefix the app had before it moved to the board's build.
    let uid = option_value(&options, "uid")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| {
            NEXT_UID.with(|n| {
                let id = n.get();
                n.set(id + 1);
                format!("mm{id}")
            })
        });
    let mut handle = MountHandle {
        root,
        uid,
        options,
        cleared: false,
        app: None,
    };
    handle.render(false);
    handle
}

/// `options[name]` when it is set (not `undefined` or `null`).
fn option_value(options: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(options, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The `instrument` option: a built-in instrument's id, or an instrument as an object or JSON
/// text. Text is size-checked before it is read, whichever route it came by (an attribute, a
/// fetched file, a property), so a huge or wrong file costs nothing.
fn instrument_option(options: &JsValue) -> Result<core::Instrument, core::Error> {
    let Some(value) = option_value(options, "instrument") else {
        return Ok(
            core::builtin(core::DEFAULT_INSTRUMENT_ID).expect("the default instrument is built in")
        );
    };
    core::instrument_from_text(&js::instrument_text_from_js(&value)?)
}
