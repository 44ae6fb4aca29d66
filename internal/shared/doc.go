// Package shared locates the shared data folder named by the
// LUXSCREEN_SHARED environment variable: HS nomenclatures, sanctions lists
// and labelled evaluation sets that are too large for the repository.
//
// Programs (the evaluation commands) use it for their defaults; tests use
// internal/testenv, which builds on it and skips when the folder is not set.
// This package does not import "testing", so that the production binary does
// not link it.
package shared
