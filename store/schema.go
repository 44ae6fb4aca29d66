package store

// migrationLock is the PostgreSQL advisory lock key Open holds while it
// migrates: "luxscrn" in ASCII, unlikely to collide with another
// application's key in a shared database.
const migrationLock int64 = 0x6c75787363726e

// migrationsTable records which migrations a database has had.
const migrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version INTEGER PRIMARY KEY,
	applied {{time}} NOT NULL
)`

// migrations returns the schema's versions, each a list of statements run
// in order in one transaction; version n is element n-1. Never edit a
// released migration: append the next one.
//
// Notes on version 1:
//   - record_parties.name_fold is the name lower-cased by Go, so that a
//     search by name folds Hangul, Cyrillic and Latin the same way on both
//     databases (SQLite's LIKE folds ASCII only).
//   - cases.record_id is a plain foreign key, not a cascading one: Purge
//     deletes the closed cases of the records it deletes itself, so a case
//     opened while a purge runs makes that purge fail instead of vanishing.
//   - every foreign key that a record or case deletion must check or
//     update is indexed, so that purging a batch touches only its rows.
func migrations() [][]string {
	return [][]string{{
		`CREATE TABLE records (
			id {{id}},
			kind TEXT NOT NULL,
			at {{time}} NOT NULL,
			subject TEXT NOT NULL,
			verdict TEXT NOT NULL,
			decision_id TEXT NOT NULL,
			rules_version TEXT NOT NULL,
			list_versions {{json}} NOT NULL,
			audit {{json}}
		)`,
		`CREATE INDEX records_at ON records (at)`,
		`CREATE INDEX records_verdict ON records (verdict, id)`,
		`CREATE TABLE record_parties (
			record_id BIGINT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
			position INTEGER NOT NULL,
			party_key TEXT NOT NULL,
			details TEXT NOT NULL,
			name TEXT NOT NULL,
			name_fold TEXT NOT NULL,
			kind TEXT NOT NULL,
			country TEXT NOT NULL,
			imo TEXT NOT NULL,
			role TEXT NOT NULL,
			verdict TEXT NOT NULL,
			hits {{json}} NOT NULL,
			PRIMARY KEY (record_id, position)
		)`,
		`CREATE INDEX record_parties_key ON record_parties (party_key, record_id)`,
		`CREATE TABLE cases (
			id {{id}},
			record_id BIGINT NOT NULL REFERENCES records (id),
			linked_id BIGINT REFERENCES records (id) ON DELETE SET NULL,
			status TEXT NOT NULL,
			verdict TEXT NOT NULL,
			subject TEXT NOT NULL,
			party_key TEXT,
			party_details TEXT NOT NULL,
			party_name TEXT NOT NULL,
			party_kind TEXT NOT NULL,
			party_country TEXT NOT NULL,
			party_imo TEXT NOT NULL,
			party_role TEXT NOT NULL,
			party_verdict TEXT NOT NULL,
			party_hits {{json}} NOT NULL,
			entities {{json}} NOT NULL,
			versions {{json}} NOT NULL,
			summary TEXT NOT NULL,
			opened {{time}} NOT NULL,
			updated {{time}} NOT NULL
		)`,
		`CREATE INDEX cases_status ON cases (status, id)`,
		`CREATE INDEX cases_party ON cases (party_key, id)`,
		`CREATE INDEX cases_record ON cases (record_id)`,
		`CREATE INDEX cases_linked ON cases (linked_id)`,
		`CREATE TABLE case_events (
			id {{id}},
			case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
			at {{time}} NOT NULL,
			actor TEXT NOT NULL,
			action TEXT NOT NULL,
			reason TEXT NOT NULL,
			note TEXT NOT NULL
		)`,
		`CREATE INDEX case_events_case ON case_events (case_id, id)`,
		`CREATE TABLE releases (
			id {{id}},
			party_key TEXT NOT NULL,
			party_details TEXT NOT NULL,
			party_name TEXT NOT NULL,
			entity TEXT NOT NULL,
			entity_version TEXT NOT NULL,
			case_id BIGINT REFERENCES cases (id) ON DELETE SET NULL,
			actor TEXT NOT NULL,
			reason TEXT NOT NULL,
			note TEXT NOT NULL,
			at {{time}} NOT NULL,
			revoked {{time}},
			revoked_why TEXT NOT NULL
		)`,
		`CREATE INDEX releases_party ON releases (party_key)`,
		`CREATE INDEX releases_entity ON releases (entity)`,
		`CREATE INDEX releases_case ON releases (case_id)`,
	}}
}
