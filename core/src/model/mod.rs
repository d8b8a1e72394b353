//! The data model: [`Profile`] (a JSON Resume superset), [`Job`], [`Application`], and dates.

pub mod application;
pub mod date;
mod job;
mod list;
mod merge;
mod profile;

pub use application::{
    Application, Contact, DocumentKind, DocumentSent, Note, Reminder, Stage, StageChange, Timestamp,
};
pub use date::{DatePoint, DateRange, PartialDate};
pub use job::{EmploymentType, Job, JobSkill, Salary, SalaryPeriod, Seniority, WorkplaceType};
pub use list::List;
pub use merge::{Conflict, MergeReport};
#[allow(unused_imports)]
pub(crate) use profile::fnv;
pub use profile::{
    Award, Basics, Certificate, CustomSection, Education, Interest, Language, Location, Meta,
    Profile, Project, Provenance, Publication, Reference, Skill, Skip, SocialProfile, Volunteer,
    Work,
};
