package server

import (
	"net/http"
	"runtime/debug"

	"github.com/luxscreen/luxscreen/screen"
)

// Health is the body of GET /healthz.
type Health struct {
	Status string `json:"status"`
}

// Readiness is the body of GET /readyz: whether the server can screen, and
// with which data.
type Readiness struct {
	Ready bool `json:"ready"`
	// Reasons say why the server is not ready.
	Reasons []string `json:"reasons,omitempty"`
	// Lists are the sanctions lists loaded now.
	Lists []screen.ListVersion `json:"lists"`
	// Catalogue counts the control lists of the goods catalogue.
	Catalogue CatalogueStatus `json:"catalogue"`
	// Thresholds are the screener's verdict bands.
	Thresholds Thresholds `json:"thresholds"`
	// LastReload is the outcome of the latest reload; absent before the
	// first.
	LastReload *ReloadStatus `json:"last_reload,omitempty"`
	// Version is the luxscreen module version the server was built from.
	Version  string   `json:"version"`
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
		Lists:      s.sys.Screener().Versions(),
		Catalogue:  CatalogueStatus{Lists: len(s.sys.Catalogue().Lists())},
		Thresholds: Thresholds{Match: m, Review: rv},
		LastReload: s.lastReload.Load(),
		Version:    buildVersion(),
		Warnings:   s.sys.Warnings(),
	}
	if rd.Lists == nil {
		rd.Lists = []screen.ListVersion{}
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
	if rd.Catalogue.Lists == 0 {
		rd.Reasons = append(rd.Reasons, "the control-list catalogue is empty")
	}
	rd.Ready = len(rd.Reasons) == 0
	return rd
}

// buildVersion returns the main module's version as the Go toolchain
// recorded it, "(devel)" for a build from a work tree.
func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	return bi.Main.Version
}
