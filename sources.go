package luxscreen

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/screen"
)

// DefaultMaxListAge is the age past which a sanctions list is flagged as
// stale: the official lists change every few weeks, and a copy a month
// old has most likely missed designations.
const DefaultMaxListAge = 30 * 24 * time.Hour

// SourceStatus is the state of one sanctions list source: what is loaded
// from it, how old it is, and whether its latest load was refused.
type SourceStatus struct {
	// ID names the source ("un", "ofac-sdn", "eu", "uk", …): a source
	// keeps its ID from one reload to the next.
	ID string `json:"id"`
	// Format is the file format of the list loaded.
	Format string `json:"format"`
	// Version is the publication date or time the list states, empty
	// when its format states none.
	Version string `json:"version,omitempty"`
	// SHA256 is the hash of the list loaded (see screen.ListVersion).
	SHA256   string `json:"sha256"`
	Entities int    `json:"entities"`
	// Vessels counts the listed vessels: a list without vessels cannot
	// clear a vessel.
	Vessels int `json:"vessels"`
	// LoadedAt is when the list now in use was loaded.
	LoadedAt time.Time `json:"loaded_at"`
	// ListDate is the date of the list: its publication date when the
	// file states one (DateFrom "list"), else the time the file was last
	// written (DateFrom "file"). Zero when neither is known.
	ListDate time.Time `json:"list_date,omitzero"`
	DateFrom string    `json:"date_from,omitempty"`
	// Age is how old the list is now, from ListDate; AgeDays is the same
	// in whole days.
	Age     time.Duration `json:"-"`
	AgeDays int           `json:"age_days"`
	// Stale is set when the list is older than Config.MaxListAge, or
	// when its date is unknown.
	Stale bool `json:"stale"`
	// Demo is set for the embedded demo list, which is never ready.
	Demo bool `json:"demo,omitempty"`
	// Ready is set when the source answers with a real list that holds
	// entities.
	Ready bool `json:"ready"`
	// Refusal says why the latest load of the source was refused, and
	// RefusedAt when; the list loaded before stays in use. Both are
	// cleared by the next load accepted.
	Refusal   string    `json:"refusal,omitempty"`
	RefusedAt time.Time `json:"refused_at,omitzero"`
}

// ReloadOptions modify one reload.
type ReloadOptions struct {
	// AllowShrink accepts lists that shrank more than Config.MaxShrink
	// allows, once: the operator's override when a source did delist
	// that many parties. An empty list is refused all the same.
	AllowShrink bool
}

// RefusalError is returned by Open and Reload when a list source is
// refused; the lists loaded before stay in use. It lists every source
// refused.
type RefusalError struct {
	Refusals []Refusal
}

// Refusal is one refused source.
type Refusal struct {
	// Source is the ID of the source, when known, else the list path.
	Source string
	Err    error
}

func (e *RefusalError) Error() string {
	parts := make([]string, len(e.Refusals))
	for i, r := range e.Refusals {
		parts[i] = fmt.Sprintf("sanctions list %s refused: %v", r.Source, r.Err)
	}
	return strings.Join(parts, "; ")
}

// Unwrap returns the refusals' errors, so that errors.Is finds
// screen.ErrEmpty, screen.ErrShrunk or screen.ErrTruncated.
func (e *RefusalError) Unwrap() []error {
	errs := make([]error, len(e.Refusals))
	for i, r := range e.Refusals {
		errs[i] = r.Err
	}
	return errs
}

// loaded is one list read for a load, or why it could not be read.
type loaded struct {
	list screen.List
	// path is the file or directory read, empty for a ListSource list.
	path string
	err  error
}

// Sources returns the state of every sanctions list source, ages
// computed now.
func (s *System) Sources() []SourceStatus {
	s.srcMu.Lock()
	out := make([]SourceStatus, len(s.sources))
	copy(out, s.sources)
	s.srcMu.Unlock()
	now := s.now()
	for i := range out {
		st := &out[i]
		if !st.ListDate.IsZero() {
			st.Age = max(now.Sub(st.ListDate), 0)
			st.AgeDays = int(st.Age / (24 * time.Hour))
		}
		st.Stale = st.ListDate.IsZero() || st.Age > s.maxListAge()
	}
	return out
}

func (s *System) maxListAge() time.Duration {
	if s.cfg.MaxListAge > 0 {
		return s.cfg.MaxListAge
	}
	return DefaultMaxListAge
}

// accept checks the lists read against the sources loaded now: every
// source must have loaded, hold entities, and not have shrunk past the
// limit unless allowShrink. It returns the lists and their sources'
// state when all pass, and records the refusals on the sources
// otherwise.
func (s *System) accept(got []loaded, allowShrink bool) ([]screen.List, sourceSet, error) {
	s.srcMu.Lock()
	defer s.srcMu.Unlock()
	prev := make(map[string]*SourceStatus, len(s.sources))
	for i := range s.sources {
		prev[s.sources[i].ID] = &s.sources[i]
	}
	now := s.now()
	var refused []Refusal
	refuse := func(id, path string, err error) {
		if id != "" {
			if p, ok := prev[id]; ok {
				p.Refusal, p.RefusedAt = err.Error(), now
			}
			refused = append(refused, Refusal{Source: id, Err: err})
			return
		}
		// A file that failed to read is the source loaded from it before,
		// or each source of the fetched directory it is.
		var ids []string
		for i := range s.sources {
			if p := s.paths[i]; p == path || strings.HasPrefix(p, path+string(filepath.Separator)) {
				s.sources[i].Refusal, s.sources[i].RefusedAt = err.Error(), now
				ids = append(ids, s.sources[i].ID)
			}
		}
		if len(ids) == 0 {
			ids = []string{path}
		}
		refused = append(refused, Refusal{Source: strings.Join(ids, ", "), Err: err})
	}
	ids := assignIDs(got)
	lists := make([]screen.List, 0, len(got))
	var set sourceSet
	for i, g := range got {
		if g.err != nil {
			refuse("", g.path, g.err)
			continue
		}
		v := g.list.Version
		v.ID = ids[i]
		var pv *screen.ListVersion
		if p, ok := prev[v.ID]; ok {
			pv = &screen.ListVersion{Entities: p.Entities}
		}
		if err := screen.CheckChange(pv, v, s.cfg.MaxShrink, allowShrink || s.cfg.AllowShrink); err != nil {
			if g.path != "" {
				err = fmt.Errorf("%s: %w", g.path, err)
			}
			refuse(v.ID, g.path, err)
			continue
		}
		g.list.Version = v
		lists = append(lists, g.list)
		set.statuses = append(set.statuses, newStatus(g, v, now))
		set.paths = append(set.paths, g.path)
	}
	if len(refused) > 0 {
		return nil, sourceSet{}, &RefusalError{Refusals: refused}
	}
	return lists, set, nil
}

// sourceSet is the state of the sources of one load: their statuses and
// the file or directory each was read from (empty for a ListSource list),
// to which a later failure to read is attributed.
type sourceSet struct {
	statuses []SourceStatus
	paths    []string
}

// install makes set the sources' state, once their lists are in use.
func (s *System) install(set sourceSet) {
	s.srcMu.Lock()
	s.sources, s.paths = set.statuses, set.paths
	s.srcMu.Unlock()
}

// newStatus returns the status of a list just loaded.
func newStatus(g loaded, v screen.ListVersion, now time.Time) SourceStatus {
	st := SourceStatus{ID: v.ID, Format: v.Format, Version: v.Published, SHA256: v.SHA256, Entities: v.Entities,
		LoadedAt: now, Demo: v.Format == screen.FormatDemo}
	for i := range g.list.Entities {
		if g.list.Entities[i].Kind == screen.KindVessel {
			st.Vessels++
		}
	}
	if d, ok := parseListDate(v.Published); ok {
		st.ListDate, st.DateFrom = d, "list"
	} else if g.path != "" {
		if d, ok := fileDate(g.path); ok {
			st.ListDate, st.DateFrom = d, "file"
		}
	}
	st.Ready = st.Entities > 0 && !st.Demo
	return st
}

// listDateLayouts are the layouts of the publication dates the list
// formats state: UN and EU (RFC 3339), OFAC XML (MM/DD/YYYY), UK
// (DD-Mon-YYYY) and a bare ISO date.
var listDateLayouts = [...]string{time.RFC3339Nano, "2006-01-02T15:04:05", "01/02/2006", "02-Jan-2006", "2006-01-02"}

// parseListDate reads a list's publication date.
func parseListDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range listDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// fileDate returns when the list at path was last written; for an OFAC
// CSV directory, its sdn.csv.
func fileDate(path string) (time.Time, bool) {
	st, err := os.Stat(path)
	if err == nil && st.IsDir() {
		st, err = os.Stat(filepath.Join(path, "sdn.csv"))
	}
	if err != nil {
		return time.Time{}, false
	}
	return st.ModTime().UTC(), true
}

// assignIDs names each list read: its version's ID, or one made from its
// source, with a number added when two lists would share one.
func assignIDs(got []loaded) []string {
	ids := make([]string, len(got))
	seen := make(map[string]int)
	for i, g := range got {
		if g.err != nil {
			continue
		}
		id := g.list.Version.ID
		if id == "" {
			id = strings.ToLower(strings.ReplaceAll(g.list.Version.Source, " ", "-"))
		}
		if id == "" {
			id = "list"
		}
		seen[id]++
		if n := seen[id]; n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		ids[i] = id
	}
	return ids
}

// String renders the status on one line, for banners and logs.
func (st SourceStatus) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "sanctions list %s (%s", st.ID, st.Format)
	if st.Version != "" {
		fmt.Fprintf(&b, ", version %s", st.Version)
	}
	fmt.Fprintf(&b, ", sha256 %.12s): %s, %s", st.SHA256, plural(st.Entities, "entity", "entities"), plural(st.Vessels, "vessel", "vessels"))
	if st.Demo {
		b.WriteString(", the embedded demo list")
	}
	if !st.ListDate.IsZero() {
		fmt.Fprintf(&b, ", %s %s, %d days old", dateFromText(st.DateFrom), st.ListDate.Format(time.DateOnly), st.AgeDays)
	}
	if st.Stale {
		b.WriteString(" (STALE)")
	}
	return b.String()
}

// warnings are what a user must be told about the source: its list is
// stale or of unknown date, or its latest reload was refused.
func (st SourceStatus) warnings(maxAge time.Duration) []string {
	var out []string
	switch {
	case st.Demo:
	case st.ListDate.IsZero():
		out = append(out, fmt.Sprintf("luxscreen: sanctions list %s states no date and its file's is unknown: its age cannot be checked", st.ID))
	case st.Stale:
		out = append(out, fmt.Sprintf("luxscreen: sanctions list %s is %d days old (%s %s), past the limit of %d days: fetch the current list",
			st.ID, st.AgeDays, dateFromText(st.DateFrom), st.ListDate.Format(time.DateOnly), int(maxAge/(24*time.Hour))))
	}
	if st.Refusal != "" {
		out = append(out, fmt.Sprintf("luxscreen: sanctions list %s: the reload of %s was refused and the list loaded before stays in use: %s",
			st.ID, st.RefusedAt.UTC().Format(time.RFC3339), st.Refusal))
	}
	return out
}

// dateFromText says where a list's date comes from.
func dateFromText(from string) string {
	if from == "file" {
		return "file written"
	}
	return "published"
}

// plural renders a count of things.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// fetchFailures returns a warning for each source whose latest fetch into
// dir failed, as the manifest "lists fetch" wrote records it: the file
// fetched before is in use, and the user must know it is not the latest.
func fetchFailures(dir string) []string {
	m, err := screen.ReadManifest(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, f := range m {
		if f.Error == "" || f.SHA256 == "" {
			continue
		}
		out = append(out, fmt.Sprintf("luxscreen: the latest fetch of %s failed (%s, %s); its file of %s is in use",
			f.Source, f.FailedAt.Format(time.RFC3339), f.Error, f.FetchedAt.Format(time.RFC3339)))
	}
	return out
}
