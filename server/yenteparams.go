package server

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
)

// yente's defaults and bounds for /search paging.
const (
	searchDefaultLimit = 10
	searchMaxLimit     = 500
	// searchMaxOffset is as deep as yente pages: its index answers at
	// most 10,000 results of one query.
	searchMaxOffset = 10000
)

// searchParams are the query parameters of /search, as yente reads them.
type searchParams struct {
	query string
	// schema is the FtM schema results must be of or descend from, and
	// kind the kind of party the query is screened as.
	schema string
	kind   party.Kind
	// countries, topics and datasets filter the results: a result has one
	// of each field's values, or all of them with filter_op=AND.
	countries, topics, datasets []string
	filterAnd                   bool
	limit, offset               int
	facets                      []string
	dataset                     string // "" for every loaded list
	include, exclude            map[string]bool
	excludeSchema               []string
	excludeIDs                  map[string]bool
	ignored                     []string
}

// searchSchemas are the schemas /search takes: those of the listed
// parties, and their FtM ancestors.
func searchSchemas() []string {
	return []string{"Thing", "LegalEntity", "Person", "Organization", "Company", "PublicBody", "Vessel", "Airplane"}
}

// searchFacets are the fields /search counts results by.
func searchFacets() []string { return []string{"countries", "topics", "datasets", "schema"} }

// parseSearchParams validates the query parameters of /search/{dataset},
// where loaded are the loaded lists' datasets. Parameters yente has and
// luxscreen does not apply are listed in ignored, not refused, so that a
// yente client's requests are answered.
func parseSearchParams(q url.Values, dataset string, loaded []string) (searchParams, error) {
	p := searchParams{schema: "Thing", limit: searchDefaultLimit, facets: []string{"countries", "topics", "datasets"}}
	bad := func(format string, args ...any) error {
		return errorf(http.StatusBadRequest, CodeInvalidParameter, format, args...)
	}
	set := func(vs []string) map[string]bool {
		m := make(map[string]bool, len(vs))
		for _, v := range vs {
			m[v] = true
		}
		return m
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		// A scalar given twice takes its last value, as yente reads it.
		v := q[k][len(q[k])-1]
		switch k {
		case "q":
			if err := screen.CheckLength("q", v, screen.MaxNameRunes); err != nil {
				return p, lengthError("", err)
			}
			p.query = strings.TrimSpace(v)
		case "schema":
			if !slices.Contains(searchSchemas(), v) {
				return p, bad("schema %q: want one of %s", v, strings.Join(searchSchemas(), ", "))
			}
			p.schema = v
		case "limit", "offset":
			hi := searchMaxLimit
			if k == "offset" {
				hi = searchMaxOffset
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > hi {
				return p, bad("%s %q: want a whole number from 0 to %d", k, v, hi)
			}
			if k == "limit" {
				p.limit = n
			} else {
				p.offset = n
			}
		case "countries":
			for _, c := range q[k] {
				if err := screen.CheckLength("countries", c, screen.MaxFieldRunes); err != nil {
					return p, lengthError("", err)
				}
				if c = strings.ToLower(strings.TrimSpace(c)); c != "" && !slices.Contains(p.countries, c) {
					p.countries = append(p.countries, c)
				}
			}
		case "topics":
			p.topics = slices.Clone(q[k])
		case "datasets":
			p.datasets = slices.Clone(q[k])
		case "filter_op":
			switch strings.ToUpper(v) {
			case "AND":
				p.filterAnd = true
			case "OR":
			default:
				return p, bad("filter_op %q: want AND or OR", v)
			}
		case "facets":
			p.facets = nil
			for _, f := range q[k] {
				if !slices.Contains(searchFacets(), f) {
					return p, bad("facets %q: want one of %s", f, strings.Join(searchFacets(), ", "))
				}
				if !slices.Contains(p.facets, f) {
					p.facets = append(p.facets, f)
				}
			}
		case "include_dataset":
			p.include = set(q[k])
		case "exclude_dataset":
			p.exclude = set(q[k])
		case "exclude_schema":
			for _, s := range q[k] {
				if !slices.Contains(searchSchemas(), s) {
					return p, bad("exclude_schema %q: want one of %s", s, strings.Join(searchSchemas(), ", "))
				}
			}
			p.excludeSchema = slices.Clone(q[k])
		case "exclude_entity_ids":
			p.excludeIDs = set(q[k])
		case "fuzzy", "simple", "target":
			// The screener always compares names fuzzily, and every
			// listed party is a target: the flags change nothing, but a
			// value that is not a boolean is refused as yente refuses it.
			if _, err := parseBool(k, v); err != nil {
				return p, err
			}
			if k != "fuzzy" {
				p.ignored = append(p.ignored, k)
			}
		default:
			// changed_since, sort and parameters of later yente versions.
			p.ignored = append(p.ignored, k)
		}
	}
	for _, k := range []string{"include_dataset", "exclude_dataset", "datasets"} {
		for _, v := range q[k] {
			if !slices.Contains(loaded, v) && !slices.Contains(collections(), v) {
				return p, bad("%s %q: no list of that dataset is loaded (loaded: %s)", k, v, strings.Join(loaded, ", "))
			}
		}
	}
	ds, err := pathDataset(dataset, loaded)
	if err != nil {
		return p, err
	}
	p.dataset = ds
	p.kind, _ = schemaKind(p.schema)
	return p, nil
}

// parseBool reads a boolean parameter as FastAPI does.
func parseBool(name, v string) (bool, error) {
	switch strings.ToLower(v) {
	case "true", "1", "yes", "on":
		return true, nil
	case "false", "0", "no", "off":
		return false, nil
	}
	return false, errorf(http.StatusBadRequest, CodeInvalidParameter, "%s %q: want true or false", name, v)
}

// schemaIncludes reports whether a party of FtM schema have is a want:
// the same schema or one descending from it. The lists do not tell a
// company from another organisation, so a listed Organization is a
// Company and a PublicBody too; and an entry whose kind the list leaves
// open (LegalEntity) may be any legal entity, so it is kept rather than
// hidden.
func schemaIncludes(want, have string) bool {
	switch want {
	case "Thing":
		return true
	case "LegalEntity":
		return have == "Person" || have == "Organization" || have == "LegalEntity"
	case "Person":
		return have == "Person" || have == "LegalEntity"
	case "Organization", "Company", "PublicBody":
		return have == "Organization" || have == "LegalEntity"
	}
	return want == have
}

// keep reports whether a party passes the filters.
func (p *searchParams) keep(g *searchGroup) bool {
	if !schemaIncludes(p.schema, g.entity.Schema) || p.excludeIDs[g.entity.ID] {
		return false
	}
	for _, s := range p.excludeSchema {
		if s == g.entity.Schema {
			return false
		}
	}
	// A party on several lists passes the dataset filters when one of its
	// entries does, as a /match hit does.
	entry := false
	for i, m := range g.members {
		ds := datasetOf(g.sources[i])
		if (p.dataset == "" || ds == p.dataset) && (p.include == nil || p.include[ds]) && !p.exclude[ds] && !p.excludeIDs[m] {
			entry = true
			break
		}
	}
	if !entry {
		return false
	}
	datasets := p.datasets
	if slices.ContainsFunc(datasets, func(d string) bool { return slices.Contains(collections(), d) }) {
		datasets = nil // a collection holds every list
	}
	return p.passes(p.countries, g.countries) && p.passes(p.topics, g.topics) && p.passes(datasets, g.entity.Datasets)
}

// passes reports whether a party's values of a field meet the filter's:
// one of them, or all with filter_op=AND. An empty filter passes all.
func (p *searchParams) passes(filter, have []string) bool {
	if len(filter) == 0 {
		return true
	}
	for _, f := range filter {
		in := slices.Contains(have, f)
		if in && !p.filterAnd {
			return true
		}
		if !in && p.filterAnd {
			return false
		}
	}
	return p.filterAnd
}
