//! Questionnaires (问卷): designing them, collecting answers in every way the
//! offices do (kiosk, files, paper), and counting the answers.

pub mod questionnaire;
pub mod response;
pub mod tally;
