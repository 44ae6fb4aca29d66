package lists

import (
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/datafile"
	"github.com/luxscreen/luxscreen/internal/iso"
	"gopkg.in/yaml.v3"
)

// PresumptionsFile is the presumptions file in [FS] and in a data
// directory laid out like the repository
// (lists/presumptions/presumptions.yaml).
const PresumptionsFile = "presumptions/presumptions.yaml"

// PresumptionBasis says where a presumption's floor comes from.
type PresumptionBasis string

// Analogue floors are borrowed from another regime's own definition of
// luxury goods by value, not set by the list they are applied to.
const Analogue PresumptionBasis = "analogue"

// Presumption is a documented price floor for a kind of goods: a line of
// its codes whose unit value is below the floor is presumed not to be of
// a luxury category that a list names with an "ex" scope and no
// threshold ("high-quality garments" ex 61). It is applied only where the
// description does not name the category (see [Catalogue.Judge]).
type Presumption struct {
	ID       string `json:"id"`
	Category string `json:"category"`
	// Floor is the price level; Per is item, pair or another [Unit], and
	// PerQuantity is 1.
	Floor Threshold `json:"floor"`
	// Codes are the chapters, headings or subheadings the floor is used
	// for, in Edition.
	Codes []hs.Code `json:"codes"`
	// Except are codes under Codes the floor is not used for: goods of
	// another kind, such as snowmobiles under the cars' heading.
	Except  []hs.Code        `json:"except,omitempty"`
	Edition hs.Edition       `json:"edition"`
	Basis   PresumptionBasis `json:"basis"`
	// Citation is the provision the floor is taken from, e.g.
	// "Regulation (EU) No 833/2014, Article 3h and Annex XVIII".
	Citation   string     `json:"citation"`
	URL        string     `json:"url,omitempty"`
	Confidence Confidence `json:"confidence"`
	AsOf       time.Time  `json:"as_of"`
	Rationale  string     `json:"rationale"`
	Notes      string     `json:"notes,omitempty"`

	// floorText ("300.00 EUR per item") and ofText (" of presumption …
	// (analogue: …)") are the parts of every Why that names p, made once.
	floorText, ofText string
}

// Presumptions are the price floors of a presumptions file, looked up by
// code. The zero value and nil hold none.
type Presumptions struct {
	list []*Presumption
	// excluded are the entries no floor is used for, with the reason.
	excluded map[string]string
	// Notes are the file's research remarks: what was read and what was
	// not.
	Notes string
	// File is the name the presumptions were read from.
	File string
}

// All returns the presumptions in file order.
func (p *Presumptions) All() []*Presumption {
	if p == nil {
		return nil
	}
	return slices.Clone(p.list)
}

// covers returns the number of digits of the longest code of p that
// code lies under, or -1.
func (p *Presumption) covers(code hs.Code) int {
	d := code.Digits()
	for _, c := range p.Except {
		if strings.HasPrefix(d, c.Digits()) {
			return -1
		}
	}
	best := -1
	for _, c := range p.Codes {
		cd := c.Digits()
		if strings.HasPrefix(d, cd) && len(cd) > best {
			best = len(cd)
		}
	}
	return best
}

// For returns the presumption whose codes cover code most specifically,
// or nil. A code less specific than every code of a presumption (a
// chapter against a heading's floor) is not covered by it: its goods may
// lie outside the floor's codes.
func (p *Presumptions) For(code hs.Code) *Presumption {
	if p == nil || code.IsZero() {
		return nil
	}
	var best *Presumption
	n := -1
	for _, x := range p.list {
		if l := x.covers(code); l > n {
			best, n = x, l
		}
	}
	return best
}

// Excluded reports whether no floor is used for the entry with the given
// ID, and why.
func (p *Presumptions) Excluded(entry string) (string, bool) {
	if p == nil {
		return "", false
	}
	why, ok := p.excluded[entry]
	return why, ok
}

// ExcludedEntries returns the IDs of the entries no floor is used for,
// in no particular order.
func (p *Presumptions) ExcludedEntries() []string {
	if p == nil {
		return nil
	}
	out := make([]string, 0, len(p.excluded))
	for id := range p.excluded {
		out = append(out, id)
	}
	return out
}

// DefaultPresumptions returns the embedded presumptions file.
func DefaultPresumptions() (*Presumptions, error) { return LoadPresumptions(data) }

// LoadPresumptions reads [PresumptionsFile] from fsys, a file system laid
// out like the package directory.
func LoadPresumptions(fsys fs.FS) (*Presumptions, error) {
	return datafile.Load(fsys, PresumptionsFile, "lists: presumptions", ParsePresumptions)
}

// floorUnits are the units a floor may be stated in: those a goods line
// counts in, so that its unit value can be had from its quantity.
func floorUnits() []Unit { return []Unit{Item, Pair, Set, Kg, Litre} }

// ParsePresumptions reads a presumptions file; name is used in errors,
// which are *datafile.Error values with the place of each problem:
//
//	edition: HS2022
//	notes: what was read, what was not
//	exclude_entries:
//	  - {entry: eu-viii-8-garments, reason: why no floor is used for it}
//	presumptions:
//	  - id: eu-833-garments
//	    category: Garments and clothing accessories
//	    floor: {amount: 300, currency: EUR, per: item}
//	    codes: ["61", "62"]
//	    except: ["6117"]            # optional
//	    basis: analogue
//	    citation: Regulation (EU) No 833/2014, Article 3h and Annex XVIII
//	    url: https://eur-lex.europa.eu/eli/reg/2014/833/oj
//	    confidence: secondary-source
//	    as_of: 2026-12-03
//	    rationale: one line
//	    notes: optional remarks
func ParsePresumptions(name string, data []byte) (*Presumptions, error) {
	f := datafile.NewFile(name)
	root := f.Mapping(data)
	if root == nil {
		return nil, f.Err()
	}
	top := f.Fields(root, "", "edition", "notes", "exclude_entries", "presumptions")
	ps := &Presumptions{Notes: f.Str(top["notes"], "notes", false), File: name, excluded: map[string]string{}}
	for i, n := range f.Seq(top["exclude_entries"], "exclude_entries") {
		at := datafile.Index("exclude_entries", i)
		m := f.Fields(n, at, "entry", "reason")
		id := f.Str(m["entry"], at+".entry", true)
		reason := f.Str(m["reason"], at+".reason", true)
		if _, dup := ps.excluded[id]; dup && id != "" {
			f.Fail(m["entry"], at+".entry", ErrDuplicate, "entry %q is excluded twice", id)
		}
		ps.excluded[id] = reason
	}
	var ed hs.Edition
	if v := f.Str(top["edition"], "edition", true); v != "" {
		var err error
		if ed, err = hs.ParseEdition(v); err != nil {
			f.Fail(top["edition"], "edition", ErrInvalid, "%v", err)
		}
	}
	if top["presumptions"] == nil {
		f.Fail(nil, "presumptions", ErrMissing, "want a list of presumptions")
	}
	seen := map[string]int{}
	for i, n := range f.Seq(top["presumptions"], "presumptions") {
		at := datafile.Index("presumptions", i)
		m := f.Fields(n, at, "id", "category", "floor", "codes", "except", "basis", "citation", "url", "confidence", "as_of", "rationale", "notes")
		p := &Presumption{
			ID:         f.Str(m["id"], at+".id", true),
			Category:   f.Str(m["category"], at+".category", true),
			Edition:    ed,
			Basis:      PresumptionBasis(f.Str(m["basis"], at+".basis", true)),
			Citation:   f.Str(m["citation"], at+".citation", true),
			URL:        f.Str(m["url"], at+".url", false),
			Confidence: Confidence(f.Str(m["confidence"], at+".confidence", true)),
			Rationale:  f.Str(m["rationale"], at+".rationale", true),
			Notes:      f.Str(m["notes"], at+".notes", false),
		}
		if p.ID != "" && !idRE.MatchString(p.ID) {
			f.Fail(m["id"], at+".id", ErrInvalid, "id %q: use lower-case letters, digits and hyphens", p.ID)
		}
		if j, dup := seen[p.ID]; dup && p.ID != "" {
			f.Fail(m["id"], at+".id", ErrDuplicate, "id %q repeats presumptions[%d]", p.ID, j)
		}
		seen[p.ID] = i
		if p.Basis != "" && p.Basis != Analogue {
			f.Fail(m["basis"], at+".basis", ErrInvalid, "basis %q: want analogue", p.Basis)
		}
		switch p.Confidence {
		case PrimaryText, SecondarySource, Recalled, "":
		default:
			f.Fail(m["confidence"], at+".confidence", ErrInvalid, "confidence %q: want primary-text, secondary-source or recalled", p.Confidence)
		}
		if m["as_of"] == nil {
			f.Fail(n, at+".as_of", ErrMissing, "a date (YYYY-MM-DD)")
		}
		p.AsOf = f.Date(m["as_of"], at+".as_of")
		p.Floor = parseFloor(f, m["floor"], at+".floor", n)
		if m["codes"] == nil {
			f.Fail(n, at+".codes", ErrMissing, "want a list of chapters, headings or subheadings")
		}
		for k, c := range f.Strs(m["codes"], at+".codes") {
			cat := datafile.Index(at+".codes", k)
			code, err := hs.Parse(c)
			if err != nil || code.IsZero() {
				f.Fail(datafile.At(m["codes"], k), cat, ErrInvalid, "code %q: want an HS chapter, heading or subheading", c)
				continue
			}
			if slices.Contains(p.Codes, code) {
				f.Fail(datafile.At(m["codes"], k), cat, ErrDuplicate, "code %s is given twice", code)
				continue
			}
			p.Codes = append(p.Codes, code)
		}
		for k, c := range f.Strs(m["except"], at+".except") {
			code, err := hs.Parse(c)
			if err != nil || code.IsZero() || !slices.ContainsFunc(p.Codes, func(x hs.Code) bool { return strings.HasPrefix(code.Digits(), x.Digits()) && code != x }) {
				f.Fail(datafile.At(m["except"], k), datafile.Index(at+".except", k), ErrInvalid, "code %q: want a code under one of the presumption's codes", c)
				continue
			}
			p.Except = append(p.Except, code)
		}
		p.floorText, p.ofText = p.texts()
		ps.list = append(ps.list, p)
	}
	if err := f.Err(); err != nil {
		return nil, err
	}
	return ps, nil
}

// parseFloor reads a floor mapping: amount, currency and per.
func parseFloor(f *datafile.File, n *yaml.Node, at string, parent *yaml.Node) Threshold {
	if n == nil {
		f.Fail(parent, at, ErrMissing, "want {amount, currency, per}")
		return Threshold{}
	}
	m := f.Fields(n, at, "amount", "currency", "per")
	t := Threshold{Amount: f.Number(m["amount"], at+".amount"), PerQuantity: 1}
	if !(t.Amount > 0) {
		f.Fail(datafile.At(n, "amount"), at+".amount", ErrInvalid, "amount must be positive")
	}
	t.Currency = f.Str(m["currency"], at+".currency", true)
	if t.Currency != "" && !iso.Currency(t.Currency) {
		f.Fail(m["currency"], at+".currency", ErrInvalid, "currency %q: want an ISO 4217 code in use such as EUR", t.Currency)
	}
	t.Per = Unit(f.Str(m["per"], at+".per", true))
	if t.Per != "" && !slices.Contains(floorUnits(), t.Per) {
		f.Fail(m["per"], at+".per", ErrInvalid, "per %q: want one of %v", t.Per, floorUnits())
	}
	return t
}

// String names the presumption and its source for a judgement's Why:
// "presumption eu-833-garments (analogue: Regulation (EU) No 833/2014, …)".
func (p *Presumption) String() string {
	return "presumption " + p.ID + " (" + string(p.Basis) + ": " + p.Citation + ")"
}

// texts returns the parts of a Why that names p: its floor and " of "
// the presumption.
func (p *Presumption) texts() (floor, of string) {
	if p.floorText == "" {
		return Money{p.Floor.Amount, p.Floor.Currency}.String() + " per " + string(p.Floor.Per), " of " + p.String()
	}
	return p.floorText, p.ofText
}
