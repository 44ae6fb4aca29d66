package server

import (
	"fmt"
	"net/http"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/screen"
)

// Health is the body of GET /healthz.
type Health struct {
	Status string `json:"status"`
}

// Readiness is the body of GET /readyz: whether the server can screen, and
// with which data.
type Readiness struct {
	// Ready is set when every sanctions list source is ready (see
	// luxscreen.SourceStatus.Ready) and the catalogue holds lists. The
	// embedded demo list is never ready: it stands in for the official
	// lists only in examples and first runs.
	Ready bool `json:"ready"`
	// Reasons say why the server is not ready.
	Reasons []string `json:"reasons,omitempty"`
	// Sources are the sanctions list sources, each with its readiness,
	// the age of its list, and why its latest reload was refused, if it
	// was: a refused reload keeps the list loaded before, so the source
	// stays ready and the refusal is a warning.
	Sources []luxscreen.SourceStatus `json:"sources"`
	// Lists are the sanctions lists loaded now.
	Lists []screen.ListVersion `json:"lists"`
	// Catalogue counts the control lists of the goods catalogue.
	Catalogue CatalogueStatus `json:"catalogue"`
	// Thresholds are the screener's verdict bands.
	Thresholds Thresholds `json:"thresholds"`
	// LastReload is the outcome of the latest reload; absent before the
	// first.
	LastReload *ReloadStatus `json:"last_reload,omitempty"`
	// Version is the luxscreen module version the server was built from
	// (luxscreen.BuildVersion).
	Version string `json:"version"`
	// Warnings are what an operator must act on without the server
	// being unready: a stale list, a refused reload, the demo list.
	Warnings []string `json:"warnings,omitempty"`
}

// CatalogueStatus describes the control-list catalogue.
type CatalogueStatus struct {
	Lists int `json:"lists"`
}

// Thresholds are the screener's match and review thresholds.
type Thresholds struct {
	Match  float64 `json:"match"`
	Review float64 `json:"review"`
}

// handleHealth answers GET /healthz: the process is up and serving. It
// does not look at the data; /readyz does.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, http.StatusOK, Health{Status: "ok"})
}

// handleReady answers GET /readyz: 200 when sanctions lists with entities
// are loaded, 503 otherwise, with the list versions either way.
func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) error {
	rd := s.Readiness()
	status := http.StatusOK
	if !rd.Ready {
		status = http.StatusServiceUnavailable
	}
	return writeJSON(w, status, rd)
}

// Readiness reports whether the server can screen, and with which data.
func (s *Server) Readiness() Readiness {
	m, rv := s.sys.Screener().Thresholds()
	rd := Readiness{
		Sources:    s.sys.Sources(),
		Lists:      s.sys.Screener().Versions(),
		Catalogue:  CatalogueStatus{Lists: len(s.sys.Catalogue().Lists())},
		Thresholds: Thresholds{Match: m, Review: rv},
		LastReload: s.lastReload.Load(),
		Version:    luxscreen.BuildVersion(),
		Warnings:   s.sys.Warnings(),
	}
	if rd.Lists == nil {
		rd.Lists = []screen.ListVersion{}
	}
	if rd.Sources == nil {
		rd.Sources = []luxscreen.SourceStatus{}
	}
	entities := 0
	for _, v := range rd.Lists {
		entities += v.Entities
	}
	switch {
	case len(rd.Lists) == 0:
		rd.Reasons = append(rd.Reasons, "no sanctions list loaded")
	case entities == 0:
		rd.Reasons = append(rd.Reasons, "the sanctions lists loaded hold no entity")
	}
	for _, src := range rd.Sources {
		switch {
		case src.Demo:
			rd.Reasons = append(rd.Reasons, "screening against the embedded demo list, not the official lists")
		case !src.Ready:
			rd.Reasons = append(rd.Reasons, fmt.Sprintf("sanctions list %s is not ready", src.ID))
		}
	}
	if rd.Catalogue.Lists == 0 {
		rd.Reasons = append(rd.Reasons, "the control-list catalogue is empty")
	}
	rd.Ready = len(rd.Reasons) == 0
	return rd
}
