// Package store keeps what a compliance desk must keep: every decision
// and screening with its full audit record, the review cases opened on
// them with their history, and the false positives reviewers released,
// so that the same innocent party is not raised again.
//
// A Store is backed by SQLite (one file, created on first use, through
// the pure-Go driver modernc.org/sqlite) or by PostgreSQL (through pgx,
// for several service instances sharing one store). Both hold the same
// schema, migrated on Open, and behave the same.
//
// Records are kept for a retention period (Options.Retention, five years
// by default, the longest record-keeping period of the export-control
// laws the desk serves) and purged in small batches, so that a purge never
// holds the database long enough to stall a screening.
package store
