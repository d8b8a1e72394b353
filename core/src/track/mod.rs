//! Application tracking: the pipeline, reminders and funnel analytics.
