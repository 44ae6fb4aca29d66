package lists

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/internal/iso"
	"gopkg.in/yaml.v3"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/datafile"
)

// LoadError reports a problem in a list file with its place: file, line,
// column and field path. It is the one error type of every data file.
type LoadError = datafile.Error

// Errors a [*LoadError] may wrap, for [errors.Is].
var (
	ErrSyntax       = datafile.ErrSyntax
	ErrUnknownField = datafile.ErrUnknownField
	ErrDuplicate    = datafile.ErrDuplicate
	ErrMissing      = datafile.ErrMissing
	ErrInvalid      = datafile.ErrInvalid
)

// dateLayout is the only date form list files use, so that 03/04/2017 can
// never be read two ways.
const dateLayout = datafile.DateLayout

// ParseFile decodes one list from YAML. name is used in errors and its
// base name is kept as the list's File. Every problem of the file is
// reported: the error is a [*LoadError] or several joined (see
// [datafile.Problems]).
func ParseFile(name string, data []byte) (*List, error) {
	f := datafile.NewFile(name)
	root := f.Root(data)
	if root == nil {
		return nil, f.Err()
	}
	var y yamlList
	f.Decode(root, "", &y)
	c := converter{f: f, root: root}
	l := c.list(&y)
	if err := f.Err(); err != nil {
		return nil, err
	}
	l.File = path.Base(name)
	return l, nil
}

// FS returns the package's embedded list files, laid out as the package
// directory: data/*.yaml and membership/jurisdictions.yaml. It is
// read-only.
func FS() fs.FS { return data }

// LoadFS reads every *.yaml file of fsys under dir, in name order, and
// reports the problems of every file.
func LoadFS(ctx context.Context, fsys fs.FS, dir string) ([]*List, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("lists: no *.yaml files in %s", dir)
	}
	slices.Sort(names)
	var out []*List
	var errs []error
	for _, n := range names {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		l, err := ParseFile(datafile.Source(fsys, n), data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, l)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// converter turns the YAML form into the model, recording every problem
// at the place of the offending node.
type converter struct {
	f    *datafile.File
	root *yaml.Node
}

// fail records an error at the field path, given as alternating keys and
// indexes: fail(ErrMissing, "msg", "entries", 2, "citation").
func (c *converter) fail(kind error, msg string, p ...any) {
	c.f.FailAt(c.root, kind, msg, p...)
}

func (c *converter) required(v string, p ...any) {
	if strings.TrimSpace(v) == "" {
		c.fail(ErrMissing, "", p...)
	}
}

// parseRequired parses the required value v with parse, reporting it as
// missing (with hint) when empty and as invalid when parse fails.
func parseRequired[T any](c *converter, v, hint string, parse func(string) (T, error), p ...any) T {
	var t T
	if v == "" {
		c.fail(ErrMissing, hint, p...)
		return t
	}
	t, err := parse(v)
	if err != nil {
		c.fail(ErrInvalid, err.Error(), p...)
	}
	return t
}

func (c *converter) date(v string, required bool, p ...any) time.Time {
	if v == "" {
		if required {
			c.fail(ErrMissing, "a date (YYYY-MM-DD)", p...)
		}
		return time.Time{}
	}
	t, err := time.Parse(dateLayout, v)
	if err != nil {
		c.fail(ErrInvalid, fmt.Sprintf("date %q is not YYYY-MM-DD", v), p...)
	}
	return t
}

func (c *converter) period(y yamlPeriod, p ...any) Period {
	from := c.date(y.From, true, append(p, "from")...)
	per := Period{From: from}
	if y.Until != "" {
		u := c.date(y.Until, false, append(p, "until")...)
		if !u.After(from) {
			c.fail(ErrInvalid, fmt.Sprintf("until %s is not after from %s", y.Until, y.From), append(p, "until")...)
		}
		per.Until = &u
	}
	return per
}

var (
	idRE           = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	jurisdictionRE = regexp.MustCompile(`^(UN|EU|[A-Z]{2})$`)
)

func (c *converter) list(y *yamlList) *List {
	l := &List{
		ID:           y.ID,
		Jurisdiction: y.Jurisdiction,
		Title:        y.Title,
		Citation:     y.Citation,
		Kind:         Kind(y.Kind),
		Measure:      Measure(y.Measure),
		Direction:    Direction(y.Direction),
		Target:       y.Target,
		SourceURL:    y.SourceURL,
		Confidence:   Confidence(y.Confidence),
		Notes:        strings.TrimSpace(y.Notes),
	}
	c.required(y.ID, "id")
	if y.ID != "" && !idRE.MatchString(y.ID) {
		c.fail(ErrInvalid, fmt.Sprintf("id %q: use lower-case letters, digits and hyphens", y.ID), "id")
	}
	c.required(y.Jurisdiction, "jurisdiction")
	if y.Jurisdiction != "" && !jurisdictionRE.MatchString(y.Jurisdiction) {
		c.fail(ErrInvalid, fmt.Sprintf("jurisdiction %q: want UN, EU or an ISO 3166-1 alpha-2 code such as GB", y.Jurisdiction), "jurisdiction")
	}
	c.required(y.Title, "title")
	c.required(y.Instrument.Name, "instrument", "name")
	c.required(y.Instrument.Reference, "instrument", "reference")
	l.Instrument = Instrument{
		Name:      y.Instrument.Name,
		Reference: y.Instrument.Reference,
		Date:      c.date(y.Instrument.Date, true, "instrument", "date"),
		URL:       y.Instrument.URL,
	}
	c.required(y.Citation, "citation")
	switch l.Kind {
	case Luxury, Sectoral, CatchAll, Embargo:
	default:
		c.fail(ErrInvalid, fmt.Sprintf("kind %q: want luxury, sectoral, catch-all or embargo", y.Kind), "kind")
	}
	switch l.Measure {
	case "":
		l.Measure = Prohibition
	case Prohibition, Licence:
	default:
		c.fail(ErrInvalid, fmt.Sprintf("measure %q: want prohibition or licence", y.Measure), "measure")
	}
	for i, a := range y.Amendments {
		c.required(a.Reference, "amendments", i, "reference")
		c.required(a.Summary, "amendments", i, "summary")
		l.Amendments = append(l.Amendments, Amendment{
			Reference: a.Reference,
			Date:      c.date(a.Date, true, "amendments", i, "date"),
			Summary:   strings.TrimSpace(a.Summary),
		})
	}
	switch l.Direction {
	case ExportTo, ImportFrom, Both:
	default:
		c.fail(ErrInvalid, fmt.Sprintf("direction %q: want export-to, import-from or both", y.Direction), "direction")
	}
	if y.Target != "KP" {
		c.fail(ErrInvalid, fmt.Sprintf("target %q: the catalogue covers the DPRK only (KP)", y.Target), "target")
	}
	l.InForce = c.period(y.InForce, "in_force")
	l.AsOf = c.date(y.AsOf, true, "as_of")
	c.confidence(y.Confidence, true, "confidence")
	if len(y.Entries) == 0 {
		c.fail(ErrMissing, "a list needs at least one entry", "entries")
	}
	seen := map[string]int{}
	allGoods := false
	for i := range y.Entries {
		e := c.entry(l, &y.Entries[i], "entries", i)
		if j, dup := seen[e.ID]; dup && e.ID != "" {
			c.fail(ErrInvalid, fmt.Sprintf("id %q repeats entries[%d]", e.ID, j), "entries", i, "id")
		}
		seen[e.ID] = i
		allGoods = allGoods || e.AllGoods
		if e.AllGoods && l.Kind != Embargo {
			c.fail(ErrInvalid, "all_goods belongs to lists of kind embargo", "entries", i, "all_goods")
		}
		l.Entries = append(l.Entries, e)
	}
	if l.Kind == Embargo && !allGoods && len(y.Entries) > 0 {
		c.fail(ErrMissing, "an embargo list needs an entry with all_goods: true", "entries")
	}
	return l
}

func (c *converter) confidence(v string, required bool, p ...any) {
	switch Confidence(v) {
	case PrimaryText, SecondarySource, Recalled:
	case "":
		if required {
			c.fail(ErrMissing, "want primary-text, secondary-source or recalled", p...)
		}
	default:
		c.fail(ErrInvalid, fmt.Sprintf("confidence %q: want primary-text, secondary-source or recalled", v), p...)
	}
}

func (c *converter) entry(l *List, y *yamlEntry, p ...any) *Entry {
	at := func(more ...any) []any { return append(slices.Clone(p), more...) }
	e := &Entry{
		ID:          y.ID,
		ListID:      l.ID,
		Category:    strings.TrimSpace(y.Category),
		Citation:    y.Citation,
		Basis:       Basis(y.Basis),
		Confidence:  Confidence(y.Confidence),
		Keywords:    y.Keywords,
		Notes:       strings.TrimSpace(y.Notes),
		InForce:     l.InForce,
		AllGoods:    y.AllGoods,
		Exemptions:  y.Exemptions,
		DerivedFrom: y.DerivedFrom,
	}
	c.required(y.ID, at("id")...)
	if y.ID != "" && !idRE.MatchString(y.ID) {
		c.fail(ErrInvalid, fmt.Sprintf("id %q: use lower-case letters, digits and hyphens", y.ID), at("id")...)
	}
	c.required(y.Category, at("category")...)
	c.required(y.Citation, at("citation")...)
	switch e.Basis {
	case Published, Tariff, Derived:
	case "":
		c.fail(ErrMissing, "want published, tariff or derived", at("basis")...)
	default:
		c.fail(ErrInvalid, fmt.Sprintf("basis %q: want published, tariff or derived", y.Basis), at("basis")...)
	}
	if y.DerivedFrom != "" && !idRE.MatchString(y.DerivedFrom) {
		c.fail(ErrInvalid, fmt.Sprintf("derived_from %q: want the ID of a list", y.DerivedFrom), at("derived_from")...)
	}
	c.confidence(y.Confidence, false, at("confidence")...)
	if e.Confidence == "" {
		e.Confidence = l.Confidence
	}
	if y.InForce != nil {
		e.InForce = c.period(*y.InForce, at("in_force")...)
		if e.InForce.Until == nil {
			e.InForce.Until = l.InForce.Until // an entry ends with its list
		}
		if e.InForce.From.Before(l.InForce.From) {
			c.fail(ErrInvalid, "entry comes into force before its list", at("in_force", "from")...)
		}
	}
	switch {
	case y.AllGoods && len(y.Codes) > 0:
		c.fail(ErrInvalid, "an entry with all_goods lists no codes", at("codes")...)
	case y.AllGoods:
		e.Codes = allChapters()
	case len(y.Codes) == 0:
		c.fail(ErrMissing, "an entry needs at least one code (or all_goods: true)", at("codes")...)
	}
	for j, yp := range y.Codes {
		e.Codes = append(e.Codes, c.pattern(e.Basis, yp, at("codes", j)...))
	}
	for j, yp := range y.Except {
		// Every exception says why, whatever the basis of the entry.
		p := c.pattern(Derived, yp, at("except", j)...)
		if !slices.ContainsFunc(e.Codes, func(q Pattern) bool { return q.Code.Covers(p.Code) }) && !p.Code.IsZero() {
			c.fail(ErrInvalid, fmt.Sprintf("except %s is not under any of the entry's codes", p.Code), at("except", j, "code")...)
		}
		e.Except = append(e.Except, p)
	}
	for j, x := range y.Exemptions {
		if strings.TrimSpace(x) == "" {
			c.fail(ErrInvalid, "empty exemption", at("exemptions", j)...)
		}
	}
	for j, k := range y.Keywords {
		if strings.TrimSpace(k) == "" {
			c.fail(ErrInvalid, "empty keyword", at("keywords", j)...)
		}
	}
	if y.Threshold != nil {
		e.Threshold = c.threshold(y.Threshold, at("threshold")...)
	}
	return e
}

func (c *converter) pattern(basis Basis, y yamlPattern, p ...any) Pattern {
	at := func(more ...any) []any { return append(slices.Clone(p), more...) }
	var pt Pattern
	pt.Code = parseRequired(c, y.Code, "", hs.Parse, at("code")...)
	pt.Edition = parseRequired(c, y.Edition, "the nomenclature the code is written in, e.g. HS2022 or CN2017", hs.ParseEdition, at("edition")...)
	pt.Ex = y.Ex
	pt.Rationale = strings.TrimSpace(y.Rationale)
	if (basis == Derived || basis == Tariff) && pt.Rationale == "" {
		c.fail(ErrMissing, fmt.Sprintf("a %s code needs a one-line rationale", basis), at("rationale")...)
	}
	return pt
}

func (c *converter) threshold(y *yamlThreshold, p ...any) *Threshold {
	at := func(more ...any) []any { return append(slices.Clone(p), more...) }
	t := &Threshold{
		Amount:      y.Amount,
		Currency:    y.Currency,
		Per:         Unit(y.Per),
		PerQuantity: y.PerQuantity,
		Inclusive:   y.Inclusive,
		Note:        strings.TrimSpace(y.Note),
	}
	if y.Amount <= 0 {
		c.fail(ErrInvalid, "amount must be positive", at("amount")...)
	}
	if !iso.Currency(y.Currency) {
		c.fail(ErrInvalid, fmt.Sprintf("currency %q: want an ISO 4217 code in use such as USD", y.Currency), at("currency")...)
	}
	if !slices.Contains(units(), t.Per) {
		c.fail(ErrInvalid, fmt.Sprintf("per %q: want one of %v", y.Per, units()), at("per")...)
	}
	if t.PerQuantity == 0 {
		t.PerQuantity = 1
	} else if t.PerQuantity < 0 {
		c.fail(ErrInvalid, "per_quantity must be positive", at("per_quantity")...)
	}
	return t
}

// allChapters returns a pattern for every chapter of the Harmonized
// System, the codes of an entry that covers all goods. Chapter 77 is
// reserved for future use in every edition and has no goods.
func allChapters() []Pattern {
	out := make([]Pattern, 0, 96)
	for ch := 1; ch <= 97; ch++ {
		if ch == 77 {
			continue
		}
		out = append(out, Pattern{
			Code:      hs.MustParse(fmt.Sprintf("%02d", ch)),
			Edition:   hs.HS2022,
			Rationale: "all goods: every chapter of the Harmonized System",
		})
	}
	return out
}
