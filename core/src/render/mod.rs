//! Rendering: Typst in-process (feature `render`), themes, and the text formats.
