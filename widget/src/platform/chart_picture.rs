//! The profile chart as a PNG file, for documents: the radar's SVG drawn again on a canvas,
//! shape by shape.
//!
//! Why not load the SVG into an image and draw that: an image of an SVG must come from a URL
//! (blob: or data:), and the strict policy the widget is documented to run under
//! (`default-src 'self'`, docs/embedding.md) refuses both as images. A canvas loads nothing,
//! so it works under any policy. The shapes are few (rings, axes, an outline, dots and words),
//! all read from the SVG's own attributes, so the picture is the chart on screen. It is drawn
//! in the paper's colours on white, whatever the page's theme or forced colours: it is meant
//! for a printed page. The chart's wide form is drawn (the components named round the rim),
//! whatever the width of the screen it came from.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};

/// Pixels per unit of the chart's own coordinates: twice its size on screen, sharp in print.
const SCALE: f64 = 2.0;
/// Room around the chart's box for the components' names, which reach out beyond it.
const MARGIN: f64 = 40.0;

const TEXT: &str = "#212b32";
const SECONDARY_TEXT: &str = "#4c6272";
const BORDER: &str = "#d8dde0";
const BLUE: &str = "#005eb8";
/// The second of two overlaid profiles (a baseline's comparison), as on screen.
const GREEN: &str = "#007f3b";

/// How one kind of shape is painted: its fill, its outline, and for words their size and
/// whether they have a white halo that keeps them legible over the lines beneath.
struct Paint {
    fill: Option<&'static str>,
    fill_opacity: f64,
    stroke: Option<(&'static str, f64)>,
    stroke_opacity: f64,
    dashed: bool,
    round_ends: bool,
    font: &'static str,
    halo: bool,
}

const PLAIN: Paint = Paint {
    fill: None,
    fill_opacity: 1.0,
    stroke: None,
    stroke_opacity: 1.0,
    dashed: false,
    round_ends: false,
    font: "",
    halo: false,
};

/// The paint of `element` by its class (the stylesheet's rules for the radar), `None` for a
/// shape that is not drawn in the picture.
fn paint(element: &Element) -> Option<Paint> {
    let second = element
        .closest(".mm-radar__profile--1")
        .ok()
        .flatten()
        .is_some();
    let colour = if second { GREEN } else { BLUE };
    // The attribute, not `className`, which an SVG element holds as an object, not text.
    let class = element.get_attribute("class").unwrap_or_default();
    Some(
        match class
            .split_whitespace()
            .find(|c| c.starts_with("mm-radar__"))?
        {
            "mm-radar__ring" | "mm-radar__axis" => Paint {
                stroke: Some((BORDER, 1.0)),
                ..PLAIN
            },
            "mm-radar__shape" => Paint {
                fill: Some(colour),
                fill_opacity: if second { 0.12 } else { 0.18 },
                stroke: Some((colour, 3.0)),
                dashed: second,
                ..PLAIN
            },
            "mm-radar__line" => Paint {
                stroke: Some((colour, 3.0)),
                ..PLAIN
            },
            "mm-radar__range" => Paint {
                stroke: Some((colour, 12.0)),
                stroke_opacity: 0.3,
                round_ends: true,
                ..PLAIN
            },
            "mm-radar__dot" => Paint {
                fill: Some(colour),
                ..PLAIN
            },
            "mm-radar__label" => Paint {
                fill: Some(TEXT),
                font: "24px Arial, Helvetica, sans-serif",
                ..PLAIN
            },
            "mm-radar__scale" => Paint {
                fill: Some(SECONDARY_TEXT),
                font: "22px Arial, Helvetica, sans-serif",
                halo: true,
                ..PLAIN
            },
            "mm-radar__unrated" => Paint {
                fill: Some(SECONDARY_TEXT),
                font: "italic 22px Arial, Helvetica, sans-serif",
                halo: true,
                ..PLAIN
            },
            // The numbers that stand in for the names in a narrow column, and anything unknown.
            _ => return None,
        },
    )
}

/// A whole number of the chart's units (the radar writes whole units: see its `point`), read
/// as such because parsing decimals would bring kilobytes of float parsing into the build.
fn whole(text: &str) -> Option<f64> {
    text.trim().parse::<i32>().ok().map(f64::from)
}

fn number(element: &Element, name: &str) -> f64 {
    element
        .get_attribute(name)
        .as_deref()
        .and_then(whole)
        .unwrap_or(0.0)
}

/// The points of a `polygon` or `polyline`, "x,y x,y …".
fn points(element: &Element) -> Vec<(f64, f64)> {
    let text = element.get_attribute("points").unwrap_or_default();
    let numbers: Vec<f64> = text.split([' ', ',']).filter_map(whole).collect();
    numbers
        .chunks_exact(2)
        .map(|pair| (pair[0], pair[1]))
        .collect()
}

/// The chart `svg` as a PNG file; `None` if the browser would not draw it.
pub async fn png(svg: &Element) -> Option<Vec<u8>> {
    let view_box: Vec<f64> = svg
        .get_attribute("viewBox")?
        .split_whitespace()
        .filter_map(whole)
        .collect();
    let [left, top, width, height] = view_box[..] else {
        return None;
    };
    let canvas: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    let frame = Frame::around(left, top, width, height);
    canvas.set_width(frame.pixels_wide);
    canvas.set_height(frame.pixels_high);
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(
        0.0,
        0.0,
        f64::from(frame.pixels_wide),
        f64::from(frame.pixels_high),
    );
    context.scale(SCALE, SCALE).ok()?;
    context.translate(frame.shift.0, frame.shift.1).ok()?;
    context.set_line_join("round");
    draw(&context, svg);

    let blob = Promise::new(&mut |resolve, _| {
        // A refusal (a canvas the browser will not read back) resolves to nothing.
        if canvas.to_blob_with_type(&resolve, "image/png").is_err() {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
        }
    });
    let blob: web_sys::Blob = JsFuture::from(blob).await.ok()?.dyn_into().ok()?;
    let bytes = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(Uint8Array::new(&bytes).to_vec())
}

/// The canvas for a chart whose box starts at (`left`, `top`), `width` × `height` units: its
/// size in pixels, and the shift that brings the box, with its margin, onto it.
struct Frame {
    pixels_wide: u32,
    pixels_high: u32,
    shift: (f64, f64),
}

impl Frame {
    #[expect(clippy::float_arithmetic, reason = "a picture's size, not a score")]
    fn around(left: f64, top: f64, width: f64, height: f64) -> Frame {
        let pixels = |units: f64| ((units + 2.0 * MARGIN) * SCALE).clamp(1.0, 4096.0) as u32;
        Frame {
            pixels_wide: pixels(width),
            pixels_high: pixels(height),
            shift: (MARGIN - left, MARGIN - top),
        }
    }
}

/// Paints every shape inside `parent`, in document order (later shapes over earlier ones).
fn draw(context: &CanvasRenderingContext2d, parent: &Element) {
    let children =
        std::iter::successors(parent.first_element_child(), Element::next_element_sibling);
    for element in children {
        let shape = element.local_name();
        if shape == "g" {
            draw(context, &element);
            continue;
        }
        let Some(paint) = paint(&element) else {
            continue;
        };
        context.begin_path();
        match shape.as_str() {
            "polygon" | "polyline" => {
                for (n, (x, y)) in points(&element).into_iter().enumerate() {
                    if n == 0 {
                        context.move_to(x, y);
                    } else {
                        context.line_to(x, y);
                    }
                }
                if shape == "polygon" {
                    context.close_path();
                }
            }
            "line" => {
                context.move_to(number(&element, "x1"), number(&element, "y1"));
                context.line_to(number(&element, "x2"), number(&element, "y2"));
            }
            "circle" => {
                let _ = context.arc(
                    number(&element, "cx"),
                    number(&element, "cy"),
                    number(&element, "r"),
                    0.0,
                    std::f64::consts::TAU,
                );
            }
            "text" => {
                words(context, &element, &paint);
                continue;
            }
            _ => continue,
        }
        if let Some(fill) = paint.fill {
            context.set_fill_style_str(fill);
            context.set_global_alpha(paint.fill_opacity);
            context.fill();
        }
        if let Some((stroke, width)) = paint.stroke {
            context.set_stroke_style_str(stroke);
            context.set_global_alpha(paint.stroke_opacity);
            context.set_line_width(width);
            context.set_line_cap(if paint.round_ends { "round" } else { "butt" });
            let dashes = if paint.dashed {
                Array::of2(&8.into(), &4.into())
            } else {
                Array::new()
            };
            let _ = context.set_line_dash(&dashes);
            context.stroke();
        }
        context.set_global_alpha(1.0);
    }
}

/// A `text` element: its own words at (x, y), or each of its lines (`tspan`s, each with its
/// own x and a step `dy` down from the line before).
#[expect(
    clippy::float_arithmetic,
    reason = "positions on the chart, not scores"
)]
fn words(context: &CanvasRenderingContext2d, text: &Element, paint: &Paint) {
    context.set_font(paint.font);
    context.set_text_align(match text.get_attribute("text-anchor").as_deref() {
        Some("middle") => "center",
        Some("end") => "right",
        _ => "left",
    });
    let (mut x, mut y) = (number(text, "x"), number(text, "y"));
    let lines: Vec<Element> =
        std::iter::successors(text.first_element_child(), Element::next_element_sibling).collect();
    let say = |words: String, x: f64, y: f64| {
        if paint.halo {
            context.set_stroke_style_str("#ffffff");
            context.set_line_width(5.0);
            let _ = context.set_line_dash(&Array::new());
            let _ = context.stroke_text(&words, x, y);
        }
        context.set_fill_style_str(paint.fill.unwrap_or(TEXT));
        let _ = context.fill_text(&words, x, y);
    };
    if lines.is_empty() {
        say(text.text_content().unwrap_or_default(), x, y);
    }
    for line in lines {
        if line.has_attribute("x") {
            x = number(&line, "x");
        }
        y += number(&line, "dy");
        say(line.text_content().unwrap_or_default(), x, y);
    }
}
