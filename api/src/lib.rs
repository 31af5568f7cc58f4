//! A typed client for the part of the Easemob (环信) IM REST API that manages chatrooms.
//!
//! Everything here but the transports is pure: an [`Endpoint`] turns a typed call into an
//! [`HttpRequest`] and turns the status and body that came back into a typed result or an
//! [`ApiError`]. The transports only move bytes: [`browser`] with gloo-net in the page,
//! [`native`] with ureq for tests and tools. The wire types in [`wire`] are the same ones the
//! emulator serialises, so the two cannot drift apart.

pub mod client;
pub mod connect;
pub mod endpoints;
pub mod error;
pub mod http;
pub mod limits;
pub mod paging;
pub mod reasons;
pub mod settle;
pub mod wire;

#[cfg(feature = "browser")]
pub mod browser;
#[cfg(feature = "native")]
pub mod native;

pub use client::{Client, Transport};
pub use connect::{Connection, Credentials};
pub use endpoints::*;
pub use error::{
    ApiError, Call, ErrorBody, ErrorKind, FailureClass, RecallProblem, Refusal, SendProblem,
};
pub use http::{HttpRequest, HttpResponse, Method};
pub use limits::{Field, Invalid};
pub use reasons::{KeyReason, UserReason};
pub use settle::{LookUp, Verdict};
