//! Files in and out: reading the files a person chose or dropped, and offering text as a
//! download. Nothing is uploaded or fetched.

use maturity_core::{response_csv, Instrument, Response};
use wasm_bindgen::JsCast;

/// Starts a download of `text` named `filename`. Returns false if the browser refused.
pub fn download(filename: &str, mime: &str, text: &str) -> bool {
    offer(
        filename,
        gloo_file::Blob::new_with_options(text, Some(mime)),
    )
}

/// Starts a download of `bytes` named `filename`. Returns false if the browser refused.
#[cfg(feature = "board")]
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> bool {
    offer(
        filename,
        gloo_file::Blob::new_with_options(bytes, Some(mime)),
    )
}

fn offer(filename: &str, blob: gloo_file::Blob) -> bool {
    let url = gloo_file::ObjectUrl::from(blob);
    (|| -> Option<()> {
        let document = web_sys::window()?.document()?;
        let link: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(filename);
        link.click();
        Some(())
    })()
    .is_some()
    // The object URL is revoked as `url` is dropped here: the click has already handed the
    // file to the browser.
}

/// The format of a downloaded assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Lossless and versioned: it can be imported again.
    Json,
    /// For spreadsheets.
    Csv,
}

/// The name of an assessment's files, before the extension: its title (or the instrument's
/// id when untitled), with a hyphen for every character a file name might not allow.
pub fn file_stem(instrument: &Instrument, response: &Response) -> String {
    match response.title.trim() {
        "" => instrument.id.clone(),
        title => title.replace(|c: char| !c.is_alphanumeric() && c != '-', "-"),
    }
}

/// Downloads an assessment, named after it ([`file_stem`]). The JSON holds every answer,
/// those set aside as no longer fitting the matrix included.
pub fn export_response(instrument: &Instrument, response: &Response, format: Format) -> bool {
    let stem = file_stem(instrument, response);
    match format {
        Format::Csv => download(
            &format!("{stem}.csv"),
            "text/csv",
            &response_csv(instrument, response),
        ),
        Format::Json => download(
            &format!("{stem}.json"),
            "application/json",
            &response.to_json(),
        ),
    }
}

/// Reads the files of a `FileList` (chosen or dropped), in order, and hands over each file's
/// name with its text, or why it cannot be read as text (a UTF-16 file, a spreadsheet...),
/// once all are read. The files are taken out of the list at once, before it can change.
pub fn read_files(
    list: Option<web_sys::FileList>,
    on_files: yew::Callback<Vec<(String, Result<String, maturity_core::Error>)>>,
) {
    let files: Vec<web_sys::File> = list
        .map(|list| {
            (0..list.length())
                .filter_map(|index| list.get(index))
                .collect()
        })
        .unwrap_or_default();
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut read = Vec::with_capacity(files.len());
        for file in files {
            let file = gloo_file::File::from(file);
            let text = match gloo_file::futures::read_as_bytes(&file).await {
                Ok(bytes) => maturity_core::decode_text(&bytes).map(str::to_owned),
                Err(_) => Err(maturity_core::Error::single(
                    "",
                    "the file could not be read: it may have been moved or deleted since it was chosen",
                )),
            };
            read.push((file.name(), text));
        }
        on_files.emit(read);
    });
}
