//! Core errors as JS `Error`s: `name` is `CareerCopilotError`, `code` is the core's stable code
//! (`invalid_input`, `unsupported_format`, `limit_exceeded`, `corrupt`, `encrypted`,
//! `no_text_layer`, `provider`, `not_found`), `message` the core's message, and `cause` the
//! chain of underlying errors when there is one.

use wasm_bindgen::JsValue;

/// Converts a core error into a JS `Error` carrying its code and cause chain.
pub(crate) fn to_js(err: &career_copilot::Error) -> JsValue {
    let error = new_error(err.code(), &err.to_string());
    let mut parent = error.clone();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        let next = js_sys::Error::new(&cause.to_string());
        parent.set_cause(&next);
        parent = next;
        source = cause.source();
    }
    error.into()
}

/// A JS `Error` with a code, for failures found by the binding itself (bad options).
pub(crate) fn js_error(code: &str, message: &str) -> JsValue {
    new_error(code, message).into()
}

fn new_error(code: &str, message: &str) -> js_sys::Error {
    let error = js_sys::Error::new(message);
    error.set_name("CareerCopilotError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(code));
    error
}
