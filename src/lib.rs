//! Vitrina app.
