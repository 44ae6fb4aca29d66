package server

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
	"github.com/luxscreen/luxscreen/screen/names"
)

// This file is the rest of yente's API beside /match: GET /search/{dataset},
// GET /entities/{id}, GET /catalog and GET /algorithms, in yente's shapes,
// so that a client written for yente can browse the loaded lists as well
// as match against them. The datasets are the loaded lists, named as
// OpenSanctions names them (see datasetOf), and the collections /match
// accepts.

// collections are the dataset names that stand for every loaded list;
// /match, /search and /catalog accept them.
func collections() []string { return []string{"default", "sanctions", "luxscreen"} }

// loadedDatasets returns the dataset names of the loaded lists, in load
// order, each once.
func (s *Server) loadedDatasets() []string {
	var loaded []string
	for _, v := range s.sys.Screener().Versions() {
		if ds := datasetOf(v.Source); !slices.Contains(loaded, ds) {
			loaded = append(loaded, ds)
		}
	}
	return loaded
}

// pathDataset resolves the {dataset} of a yente path: "" for a collection
// (every loaded list), the name of a loaded list's dataset, or 404 naming
// those there are.
func pathDataset(dataset string, loaded []string) (string, error) {
	if slices.Contains(collections(), dataset) {
		return "", nil
	}
	if !slices.Contains(loaded, dataset) {
		return "", errorf(http.StatusNotFound, CodeNotFound, "no dataset %q (have: %s)", dataset, strings.Join(append(collections()[:2], loaded...), ", "))
	}
	return dataset, nil
}

// datasetTitle is how a dataset is named for people.
func datasetTitle(source string) string {
	switch source {
	case "UN":
		return "UN Security Council Consolidated Sanctions List"
	case "OFAC":
		return "US OFAC Specially Designated Nationals (SDN) List"
	case "EU":
		return "EU Financial Sanctions Files (FSF)"
	case "UK":
		return "UK Sanctions List (FCDO)"
	case "demo":
		return "luxscreen demo list (not for production use)"
	}
	return source
}

// Algorithm is yente's description of one matching algorithm.
type Algorithm struct {
	Name        string                `json:"name"`
	Description string                `json:"description"`
	Features    map[string]FeatureDoc `json:"features"`
}

// AlgorithmsResponse is yente's AlgorithmResponse, the answer of GET
// /algorithms.
type AlgorithmsResponse struct {
	Algorithms []Algorithm `json:"algorithms"`
	Best       string      `json:"best"`
	Default    string      `json:"default"`
}

// algorithmName is luxscreen's one matcher, as /match's algorithm
// parameter and /algorithms name it.
const algorithmName = "luxscreen"

// algorithm describes the scorer: /algorithms lists it, and /match
// reports its features as the matcher. The coefficients are the
// screening weights in use, so that the description follows the weights
// file rather than restating it.
func (s *Server) algorithm() Algorithm {
	sc := s.sys.Screener()
	w := sc.Weights()
	match, review := sc.Thresholds()
	const doc = "https://pkg.go.dev/github.com/luxscreen/luxscreen/screen"
	f := &w.Features
	return Algorithm{
		Name: algorithmName,
		Description: fmt.Sprintf("luxscreen's screener: names compared by weighted token alignment with Korean romanisation keys, "+
			"then adjusted by identifiers, birth dates, countries and kinds. A hit from %.2f calls for review; from %.2f it matches, "+
			"unless only a weak alias matched or a common name lacks corroboration. The weights are screen/data/weights.yaml.", review, match),
		Features: map[string]FeatureDoc{
			featureScore: {
				Description: fmt.Sprintf("luxscreen's name score (weighted token alignment with Korean romanisation keys; an exact IMO number scores 1). A result matches at or above the threshold, %.2f by default, unless only a weak alias matched.", match),
				Coefficient: 1,
				URL:         doc,
			},
			"identifier_match":    {Description: "An equal identifier of the same type (passport, registration, SWIFT) adds this; an exact IMO number scores 1 outright.", Coefficient: f.Identifier.Match, URL: doc},
			"identifier_conflict": {Description: "Identifiers of one type that both give and that all differ subtract this.", Coefficient: -f.Identifier.Conflict, URL: doc},
			"birth_date_exact":    {Description: "The same birth date on both sides adds this.", Coefficient: f.BirthDate.Exact, URL: doc},
			"birth_date_mismatch": {Description: "Birth dates on both sides in no common year subtract this.", Coefficient: -f.BirthDate.Mismatch, URL: doc},
			"country_mismatch":    {Description: "A listed party none of whose countries is the query's loses this.", Coefficient: -f.Country.Mismatch, URL: doc},
			"kind_mismatch":       {Description: "A listed party of another kind than the query's loses this.", Coefficient: -f.Kind.Mismatch, URL: doc},
		},
	}
}

// handleAlgorithms answers GET /algorithms as yente does.
func (s *Server) handleAlgorithms(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, http.StatusOK, AlgorithmsResponse{Algorithms: []Algorithm{s.algorithm()}, Best: algorithmName, Default: algorithmName})
}

// CatalogResponse is yente's DataCatalogModel, the answer of GET /catalog.
type CatalogResponse struct {
	Datasets []CatalogDataset `json:"datasets"`
	// Current are the datasets whose index holds the loaded version:
	// every one, as luxscreen screens against the files it loaded.
	Current    []string `json:"current"`
	Outdated   []string `json:"outdated"`
	IndexStale bool     `json:"index_stale"`
}

// CatalogDataset is yente's DatasetModel: one loaded list, or a
// collection of them.
type CatalogDataset struct {
	Name    string `json:"name"`
	Title   string `json:"title"`
	Summary string `json:"summary"`
	// URL is where the list is published, or "" for a collection and a
	// list of no known source.
	URL  string `json:"url"`
	Load bool   `json:"load"`
	// EntityCount is the number of listed entities loaded.
	EntityCount int `json:"entity_count"`
	// Version is the publication date, when the list states one, and the
	// first twelve hex digits of its SHA-256: it changes when the file
	// does. IndexVersion is the same, as the index is the loaded file.
	Version      string     `json:"version"`
	UpdatedAt    *time.Time `json:"updated_at"`
	IndexVersion string     `json:"index_version"`
	IndexCurrent bool       `json:"index_current"`
	// Children are a collection's datasets; empty for a list.
	Children []string `json:"children"`
	// Lists are the list files behind the dataset.
	Lists []screen.ListVersion `json:"luxscreen_lists"`
}

// datasetVersion is the version of a list file as the catalog gives it.
func datasetVersion(v screen.ListVersion) string {
	sum := v.SHA256[:min(12, len(v.SHA256))]
	if t, ok := parseWhen(v.Published); ok {
		return t.Format("20060102150405") + "-" + sum
	}
	return sum
}

// handleCatalog answers GET /catalog as yente does, from the loaded list
// versions.
func (s *Server) handleCatalog(w http.ResponseWriter, r *http.Request) error {
	urls := map[string]string{}
	for _, src := range screen.OfficialSources() {
		urls[src.Name] = src.URL
	}
	resp := CatalogResponse{Datasets: []CatalogDataset{}, Current: []string{}, Outdated: []string{}}
	var children []string
	var all []screen.ListVersion
	var latest *time.Time
	for _, v := range s.sys.Screener().Versions() {
		name := datasetOf(v.Source)
		all = append(all, v)
		var updated *time.Time
		if t, ok := parseWhen(v.Published); ok {
			updated = &t
			if latest == nil || t.After(*latest) {
				latest = &t
			}
		}
		if i := slices.Index(children, name); i >= 0 {
			// Two files of one source (a reload source may give both an
			// OFAC CSV set and its XML) are one dataset.
			d := &resp.Datasets[i]
			d.EntityCount += v.Entities
			d.Lists = append(d.Lists, v)
			d.Version = combinedVersion(d.Lists)
			d.IndexVersion = d.Version
			continue
		}
		children = append(children, name)
		resp.Datasets = append(resp.Datasets, CatalogDataset{
			Name: name, Title: datasetTitle(v.Source),
			Summary:     fmt.Sprintf("%s, %s file, %d entities loaded.", datasetTitle(v.Source), v.Format, v.Entities),
			URL:         urls[v.ID],
			Load:        true,
			EntityCount: v.Entities,
			Version:     datasetVersion(v), UpdatedAt: updated, IndexVersion: datasetVersion(v), IndexCurrent: true,
			Children: []string{}, Lists: []screen.ListVersion{v},
		})
	}
	total := 0
	for _, v := range all {
		total += v.Entities
	}
	if len(all) == 0 {
		return writeJSON(w, http.StatusOK, resp)
	}
	for _, c := range collections() {
		version := combinedVersion(all)
		resp.Datasets = append(resp.Datasets, CatalogDataset{
			Name: c, Title: "All loaded sanctions lists",
			Summary:     fmt.Sprintf("Every list luxscreen screens against: %s.", strings.Join(children, ", ")),
			Load:        true,
			EntityCount: total,
			Version:     version, UpdatedAt: latest, IndexVersion: version, IndexCurrent: true,
			Children: slices.Clone(children), Lists: slices.Clone(all),
		})
	}
	for _, d := range resp.Datasets {
		resp.Current = append(resp.Current, d.Name)
	}
	return writeJSON(w, http.StatusOK, resp)
}

// combinedVersion is the version of a collection of list files: the
// latest publication date and a hash of the files' hashes, so that it
// changes when any file does.
func combinedVersion(vs []screen.ListVersion) string {
	h := sha256.New()
	var latest time.Time
	for _, v := range vs {
		h.Write([]byte(v.SHA256))
		if t, ok := parseWhen(v.Published); ok && t.After(latest) {
			latest = t
		}
	}
	sum := hex.EncodeToString(h.Sum(nil))[:12]
	if latest.IsZero() {
		return sum
	}
	return latest.Format("20060102150405") + "-" + sum
}

// yenteIndex is what /search and /entities read: the loaded lists'
// parties, each the same party on several lists merged as a screening
// merges hits, rendered once per Reload rather than per request.
type yenteIndex struct {
	parties *screen.Parties
	groups  []searchGroup
	// byEntity maps each loaded entry's ID to its party in groups.
	byEntity map[string]int
}

// searchGroup is one party of the index.
type searchGroup struct {
	entity EntityResponse
	// members are the IDs of its list entries, and sources their lists.
	members, sources []string
	// names are its names folded (names.Fold) for text search, and ids
	// its identifiers as idText writes them.
	names, ids []string
	// countries are its countries as lower-case ISO codes, and labels
	// the spellings the lists give them, for facets.
	countries, labels []string
	topics            []string
}

// index returns the index of the loaded lists, building it after a
// Reload. Requests that arrive during a build wait for it rather than
// build it again.
func (s *Server) index() *yenteIndex {
	if x := s.yente.Load(); x != nil && x.parties.Current() {
		return x
	}
	s.yenteMu.Lock()
	defer s.yenteMu.Unlock()
	if x := s.yente.Load(); x != nil && x.parties.Current() {
		return x
	}
	x := newYenteIndex(s.sys.Screener())
	s.yente.Store(x)
	return x
}

// newYenteIndex merges every loaded entry with the same party on the
// other lists, in load order: an entry already merged into an earlier
// party joins no other.
func newYenteIndex(sc *screen.Screener) *yenteIndex {
	p := sc.Parties()
	x := &yenteIndex{parties: p, byEntity: map[string]int{}}
	for _, l := range p.Lists() {
		for i := range l.Entities {
			id := l.Entities[i].ID
			if _, done := x.byEntity[id]; done {
				continue
			}
			h, ok := p.Party(id)
			if !ok {
				continue
			}
			gi := len(x.groups)
			x.groups = append(x.groups, newSearchGroup(sc, &h))
			for _, m := range x.groups[gi].members {
				if _, done := x.byEntity[m]; !done {
					x.byEntity[m] = gi
				}
			}
		}
	}
	return x
}

// newSearchGroup indexes one party for search: its entity as every
// endpoint renders it, and its names, identifiers and countries in the
// forms a query is compared with.
func newSearchGroup(sc *screen.Screener, h *party.Hit) searchGroup {
	g := searchGroup{entity: newEntityResponse(h)}
	for _, e := range hitEntries(h) {
		g.members = append(g.members, e[0])
		g.sources = append(g.sources, e[1])
	}
	for _, n := range h.Listed.Names {
		if f := foldText(n.Value); f != "" && !slices.Contains(g.names, f) {
			g.names = append(g.names, f)
		}
	}
	for _, id := range h.Listed.Identifiers {
		if v := idText(id.Value); v != "" && !slices.Contains(g.ids, v) {
			g.ids = append(g.ids, v)
		}
	}
	for _, c := range h.Listed.Countries {
		if code, ok := sc.CountryCode(c); ok {
			if code = strings.ToLower(code); !slices.Contains(g.countries, code) {
				g.countries, g.labels = append(g.countries, code), append(g.labels, c)
			}
		}
	}
	g.topics = g.entity.Properties["topics"]
	return g
}

// foldText is a name as text search compares it: folded (lower case,
// no accents, Korean and Chinese in Latin letters), words one space
// apart.
func foldText(s string) string {
	return strings.Join(strings.Fields(names.Fold(s).Text), " ")
}

// idText is an identifier as text search compares it: upper case,
// letters and digits only, without an "IMO" prefix, so "IMO 9187629"
// finds 9187629.
func idText(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	s = strings.TrimSpace(strings.TrimPrefix(s, "IMO"))
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// textScore scores a party's names and identifiers against folded query
// text fq and identifier text fid: 1 for an equal identifier or name; for
// a name with fq at the start of a word, the share of the name fq covers;
// else 0.
func (g *searchGroup) textScore(fq, fid string) float64 {
	if len(fid) >= 4 && slices.Contains(g.ids, fid) {
		return 1
	}
	if fq == "" {
		return 0
	}
	best := 0.0
	for _, n := range g.names {
		i := strings.Index(n, fq)
		for i > 0 && n[i-1] != ' ' {
			j := strings.Index(n[i+1:], fq)
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i < 0 {
			continue
		}
		best = max(best, float64(utf8.RuneCountInString(fq))/float64(utf8.RuneCountInString(n)))
	}
	return float64(int(best*1000+0.5)) / 1000
}

// SearchResponse is yente's SearchResponse, the answer of GET
// /search/{dataset}.
type SearchResponse struct {
	Results []SearchResult `json:"results"`
	// Total counts every result the filters leave, over all pages.
	Total  Total                  `json:"total"`
	Limit  int                    `json:"limit"`
	Offset int                    `json:"offset"`
	Facets map[string]SearchFacet `json:"facets"`
	// Luxscreen is luxscreen's addition, which yente clients ignore.
	Luxscreen SearchRunInfo `json:"luxscreen"`
}

// SearchResult is one party found: the entity and its score.
type SearchResult struct {
	EntityResponse
	// Score is the screener's score for a party it found by the query
	// name, or the text search's: 1 for an equal name or identifier, the
	// share of a name the query covers for a word prefix of one. With no
	// query, every party scores 0.
	Score float64 `json:"score"`
}

// SearchFacet is yente's SearchFacet: the results counted by the values
// of one field.
type SearchFacet struct {
	Label  string            `json:"label"`
	Values []SearchFacetItem `json:"values"`
}

// SearchFacetItem is one value of a facet and how many results have it.
type SearchFacetItem struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// SearchRunInfo is luxscreen's addition to a /search answer.
type SearchRunInfo struct {
	// Lists are the list files searched.
	Lists []screen.ListVersion `json:"lists"`
	// Ignored names the parameters accepted but not applied.
	Ignored []string `json:"ignored,omitempty"`
}

// handleSearch answers GET /search/{dataset} as yente does: the query
// text is screened as a name, as /match would screen it, and looked up
// as a word prefix of the listed names and as an identifier, so that a
// party is found by a misspelt name and by a fragment of one alike.
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) error {
	p, err := parseSearchParams(r.URL.Query(), r.PathValue("dataset"), s.loadedDatasets())
	if err != nil {
		return err
	}
	sc := s.sys.Screener()
	if len(sc.Versions()) == 0 {
		return errorf(http.StatusServiceUnavailable, CodeNotReady, "no sanctions list is loaded; see /readyz")
	}
	x := s.index()
	scores, err := s.searchScores(r.Context(), x, p)
	if err != nil {
		return err
	}
	var found []int
	for gi := range x.groups {
		if _, ok := scores[gi]; (ok || p.query == "") && p.keep(&x.groups[gi]) {
			found = append(found, gi)
		}
	}
	slices.SortFunc(found, func(a, b int) int {
		return cmp.Or(cmp.Compare(scores[b], scores[a]), strings.Compare(x.groups[a].entity.ID, x.groups[b].entity.ID))
	})
	resp := SearchResponse{
		Results:   []SearchResult{},
		Total:     Total{Value: len(found), Relation: "eq"},
		Limit:     p.limit,
		Offset:    p.offset,
		Facets:    facets(x, found, p.facets),
		Luxscreen: SearchRunInfo{Lists: x.parties.Versions(), Ignored: p.ignored},
	}
	for _, gi := range found[min(p.offset, len(found)):min(p.offset+p.limit, len(found))] {
		resp.Results = append(resp.Results, SearchResult{EntityResponse: x.groups[gi].entity, Score: scores[gi]})
	}
	return writeJSON(w, http.StatusOK, resp)
}

// searchScores scores the index's parties against the query: the
// screener's hits on the query as a name, and the text search's, each
// party keeping its best. Parties neither finds are left out.
func (s *Server) searchScores(ctx context.Context, x *yenteIndex, p searchParams) (map[int]float64, error) {
	scores := map[int]float64{}
	if p.query == "" {
		return scores, nil
	}
	e := party.Entity{Kind: p.kind, Countries: p.countries}
	e.AddName(p.query)
	res, err := s.sys.Screener().Screen(ctx, e)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", p.query, err)
	}
	for i := range res.Hits {
		for _, m := range hitEntries(&res.Hits[i]) {
			if gi, ok := x.byEntity[m[0]]; ok {
				scores[gi] = max(scores[gi], res.Hits[i].Score)
			}
		}
	}
	fq, fid := foldText(p.query), idText(p.query)
	for gi := range x.groups {
		if t := x.groups[gi].textScore(fq, fid); t > 0 {
			scores[gi] = max(scores[gi], t)
		}
	}
	return scores, nil
}

// facets counts the found parties by each field asked for.
func facets(x *yenteIndex, found []int, fields []string) map[string]SearchFacet {
	out := make(map[string]SearchFacet, len(fields))
	for _, f := range fields {
		counts := map[string]int{}
		labels := map[string]string{}
		for _, gi := range found {
			g := &x.groups[gi]
			var vals, labs []string
			switch f {
			case "countries":
				vals, labs = g.countries, g.labels
			case "topics":
				vals = g.topics
			case "datasets":
				vals = g.entity.Datasets
			case "schema":
				vals = []string{g.entity.Schema}
			}
			for i, v := range vals {
				counts[v]++
				if _, ok := labels[v]; !ok {
					labels[v] = v
					if f == "topics" && v == "sanction" {
						labels[v] = "Sanctioned entity"
					}
					if i < len(labs) {
						labels[v] = labs[i]
					}
				}
			}
		}
		if f == "datasets" {
			for _, g := range x.groups {
				for i, ds := range g.entity.Datasets {
					if counts[ds] > 0 && i < len(g.sources) && datasetOf(g.sources[i]) == ds {
						labels[ds] = datasetTitle(g.sources[i])
					}
				}
			}
		}
		facet := SearchFacet{Label: facetLabel(f), Values: []SearchFacetItem{}}
		for v, n := range counts {
			facet.Values = append(facet.Values, SearchFacetItem{Name: v, Label: labels[v], Count: n})
		}
		slices.SortFunc(facet.Values, func(a, b SearchFacetItem) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Name, b.Name))
		})
		out[f] = facet
	}
	return out
}

func facetLabel(field string) string {
	switch field {
	case "countries":
		return "Countries"
	case "topics":
		return "Topics"
	case "datasets":
		return "Data sources"
	}
	return "Entity types"
}

// entityNested is the parameter of GET /entities/{id} that asks for
// adjacent entities nested in the properties.
const entityNested = "nested"

// handleEntity answers GET /entities/{id} as yente does: the loaded entry
// with that ID merged with the same party on the other lists. IDs are
// luxscreen's ("UN:KPe.001", "OFAC:9345"), the ones /match and /search
// results and their referents carry.
func (s *Server) handleEntity(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if vs, ok := q[entityNested]; ok {
		// The lists' entries have no adjacent entities to nest: a
		// designation's programme and date are the entity's own
		// properties. The value is checked so a typo is not passed over.
		if _, err := parseBool(entityNested, vs[len(vs)-1]); err != nil {
			return err
		}
	}
	id := r.PathValue("id")
	h, ok := s.index().parties.Party(id)
	if !ok {
		return errorf(http.StatusNotFound, CodeNotFound, "no entity %q in the loaded lists (IDs are the list source and its reference, as /search and /match results give them: UN:KPe.001, OFAC:9345)", id)
	}
	return writeJSON(w, http.StatusOK, newEntityResponse(&h))
}
