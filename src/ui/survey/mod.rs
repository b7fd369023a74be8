//! Questionnaires (问卷): designing them, collecting answers in every way the
//! offices do (kiosk, files, paper), and counting the answers.

mod answer;
mod collect;
mod designer;
mod kiosk;
mod paper;
pub mod questionnaire;
mod response;
pub mod tally;

pub use answer::AnswerPage;
pub use kiosk::KioskScreen;
