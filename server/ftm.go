package server

import (
	"time"

	"github.com/luxscreen/luxscreen/party"
)

// EntityResponse is yente's EntityResponse: one listed party as a
// FollowTheMoney entity. /match results, /search results and
// /entities/{id} all carry it, built by newEntityResponse, so that a party
// reads the same whichever endpoint found it.
type EntityResponse struct {
	// ID is the ID of the list entry the entity is built from
	// ("UN:KPe.001"); GET /entities/{id} answers it.
	ID      string `json:"id"`
	Caption string `json:"caption"`
	Schema  string `json:"schema"`
	// Properties are the party's facts under FollowTheMoney property
	// names, merged over every list entry the entity stands for.
	Properties map[string][]string `json:"properties"`
	// Datasets are the datasets of every list entry the entity stands
	// for; Referents the IDs of those entries but its own.
	Datasets  []string `json:"datasets"`
	Referents []string `json:"referents"`
	Target    bool     `json:"target"`
	// FirstSeen is the earliest designation date the lists give, and
	// LastChange the latest: the lists date designations, not edits, so
	// the last change known is the latest listing. LastSeen is the latest
	// publication date of the list files that hold the entity. Each is
	// null when no list gives one.
	FirstSeen  *time.Time `json:"first_seen"`
	LastSeen   *time.Time `json:"last_seen"`
	LastChange *time.Time `json:"last_change"`
}

// newEntityResponse renders a party, a screening hit or a loaded entry
// with the same party on other lists (screen.Parties.Party), as yente's
// entity: the listed facts as FtM properties (see matchProperties), every
// entry's dataset, and the other entries as referents.
func newEntityResponse(h *party.Hit) EntityResponse {
	datasets, referents := matchDatasets(h)
	first, last := listedSpan(h)
	return EntityResponse{
		ID:         h.Entity,
		Caption:    h.Name,
		Schema:     schemaOf(h.Kind),
		Properties: matchProperties(h),
		Datasets:   datasets,
		Referents:  referents,
		Target:     true,
		FirstSeen:  first,
		LastSeen:   lastSeen(h),
		LastChange: last,
	}
}

// listedSpan returns the earliest and the latest designation dates of a
// hit's entries, or nils when the lists give none that parses.
func listedSpan(h *party.Hit) (first, last *time.Time) {
	dates := []string{h.Listed.ListedOn}
	for _, r := range h.References {
		dates = append(dates, r.ListedOn)
	}
	for _, d := range dates {
		t, ok := parseWhen(d)
		if !ok {
			continue
		}
		if first == nil || t.Before(*first) {
			first = &t
		}
		if last == nil || t.After(*last) {
			last = &t
		}
	}
	return first, last
}

// lastSeen is the latest publication date of the list files holding a
// hit's entries, or nil when none states one (the OFAC CSV files do not).
func lastSeen(h *party.Hit) *time.Time {
	var last *time.Time
	for _, r := range h.References {
		if t, ok := parseWhen(r.Published); ok && (last == nil || t.After(*last)) {
			last = &t
		}
	}
	return last
}

// parseWhen reads a date or time as the lists write them: a date
// ("2009-04-24"), or a time with or without a zone
// ("2026-02-27T00:00:09.554Z"), or OFAC's "07/14/2021".
func parseWhen(s string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, time.RFC3339Nano, "2006-01-02T15:04:05", "01/02/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
