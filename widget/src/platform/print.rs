//! Printing: the browser's own print dialog, which also saves as PDF.

/// Opens the print dialog for the page; the widget's print stylesheet decides what is shown.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
