//! Questionnaires (问卷): their design, anonymous responses, paper batches, tallies
//! and the kiosk session for answering on the office's PC.

pub mod kiosk;
pub mod questionnaire;
pub mod rating;
pub mod response;
pub mod tally;
