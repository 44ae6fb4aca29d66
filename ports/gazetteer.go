package ports

import (
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
)

// unlocode is UN/LOCODE in the compact form the generator writes (see
// internal/gen): every place, gzip-compressed.
//
//go:generate go run ./internal/gen -src $LUXSCREEN_SHARED/data/ports/unlocode -out data/unlocode.tsv.gz
//go:embed data/unlocode.tsv.gz
var unlocode []byte

// embedded parses the embedded code list once per process: the data is
// immutable and a Gazetteer is safe for concurrent use, so every caller
// shares it.
var embedded = sync.OnceValues(loadEmbedded)

func loadEmbedded() (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(unlocode))
	if err != nil {
		return nil, fmt.Errorf("ports: embedded UN/LOCODE: %w", err)
	}
	// The gzip trailer holds the size of the data, to read it in one
	// allocation.
	var buf bytes.Buffer
	if n := len(unlocode); n > 4 {
		buf.Grow(int(binary.LittleEndian.Uint32(unlocode[n-4:])) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("ports: embedded UN/LOCODE: %w", err)
	}
	return Parse("embedded UN/LOCODE", buf.Bytes())
}

// Embedded returns the gazetteer of the UN/LOCODE code list built into the
// package. The list is decompressed and indexed on the first call; see the
// package documentation for the time and memory it takes.
func Embedded() (*Gazetteer, error) { return embedded() }

// Gazetteer finds UN/LOCODE places by code and by name. It is immutable
// and safe for concurrent use.
type Gazetteer struct {
	text string // the compact file; places are lines of it
	recs []rec  // by LOCODE
	// names indexes every key of every name, sorted by hash. It is built
	// on the first lookup by name: a caller that looks places up only by
	// code or by distance does not pay for it.
	names *nameIndex
	// aliases are authored names of places, by key: they take precedence
	// over UN/LOCODE's names.
	aliases map[string]int32
}

// rec is where one place's line is, with what the gazetteer computes on:
// the rest is read from the line when asked for.
type rec struct {
	start, end uint32
	lat, lon   float32 // NaN when not located
	fn         Function
}

type nameIndex struct {
	once sync.Once
	refs []nameRef
}

type nameRef struct {
	hash uint64
	i    int32
	tier uint8
}

// Parse reads a gazetteer in the compact form (tab-separated, one place a
// line, sorted by LOCODE, see internal/gen); name is used in errors. Every
// line is checked.
func Parse(name string, data []byte) (*Gazetteer, error) {
	g := &Gazetteer{text: string(data), recs: make([]rec, 0, bytes.Count(data, []byte{'\n'})), names: &nameIndex{}}
	var errs []error
	prev := ""
	for ln, off := 1, 0; off < len(g.text); ln++ {
		end := strings.IndexByte(g.text[off:], '\n')
		if end < 0 {
			end = len(g.text)
		} else {
			end += off
		}
		line := g.text[off:end]
		start := off
		off = end + 1
		if line == "" || line[0] == '#' {
			continue
		}
		p, err := parseLine(line)
		if err == nil && p.LOCODE <= prev {
			err = fmt.Errorf("locode: %s after %s: the file is sorted by LOCODE, each listed once", p.LOCODE, prev)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("ports: %s:%d: %w", name, ln, err))
			if len(errs) == 10 {
				errs = append(errs, errors.New("ports: too many errors"))
				break
			}
			continue
		}
		prev = p.LOCODE
		r := rec{start: uint32(start), end: uint32(end), lat: float32(math.NaN()), lon: float32(math.NaN()), fn: p.Function}
		if p.Located {
			r.lat, r.lon = float32(p.Lat), float32(p.Lon)
		}
		g.recs = append(g.recs, r)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if len(g.recs) == 0 {
		return nil, fmt.Errorf("ports: %s: no places", name)
	}
	return g, nil
}

// nameRefs returns the name index, building it on the first call.
func (g *Gazetteer) nameRefs() []nameRef {
	g.names.once.Do(func() {
		var f folder
		refs := make([]nameRef, 0, len(g.recs)*5/4)
		var names []string
		for i := range g.recs {
			first := len(refs)
			names = lineNames(names[:0], g.text[g.recs[i].start:g.recs[i].end])
			for _, n := range names {
				f.keys(n, func(k []byte, tier uint8) {
					if len(k) == 0 {
						return
					}
					h := hashKey(k)
					for _, o := range refs[first:] {
						if o.hash == h {
							return
						}
					}
					refs = append(refs, nameRef{hash: h, i: int32(i), tier: tier})
				})
			}
		}
		slices.SortFunc(refs, func(a, b nameRef) int {
			return cmp.Or(cmp.Compare(a.hash, b.hash), cmp.Compare(a.tier, b.tier), cmp.Compare(a.i, b.i))
		})
		g.names.refs = refs
	})
	return g.names.refs
}

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.recs) }

// place reads the i-th place from its line.
func (g *Gazetteer) place(i int32) Place {
	r := g.recs[i]
	p, _ := parseLine(g.text[r.start:r.end]) // checked by Parse
	return p
}

// All calls yield with every place in LOCODE order, until it returns false.
func (g *Gazetteer) All(yield func(Place) bool) {
	for i := range g.recs {
		if !yield(g.place(int32(i))) {
			return
		}
	}
}

// code returns the LOCODE of the i-th place without reading the rest.
func (g *Gazetteer) code(i int) string { return g.text[g.recs[i].start : g.recs[i].start+5] }

// ByCode returns the place with the given UN/LOCODE. Case and a space
// between country and place ("cn ddg") do not matter.
func (g *Gazetteer) ByCode(locode string) (Place, bool) {
	i, ok := g.index(locode)
	if !ok {
		return Place{}, false
	}
	return g.place(i), true
}

func (g *Gazetteer) index(locode string) (int32, bool) {
	c := normCode(locode)
	if !isLOCODE(c) {
		return 0, false
	}
	i, ok := slices.BinarySearchFunc(g.recs, c, func(r rec, c string) int { return strings.Compare(g.text[r.start:r.start+5], c) })
	return int32(i), ok
}

// normCode writes "cn ddg" and "CN-DDG" as "CNDDG".
func normCode(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) == 6 && (s[2] == ' ' || s[2] == '-') {
		s = s[:2] + s[3:]
	}
	return s
}

// Alias is an authored name of a place: a spelling UN/LOCODE lacks
// ("Dairen", "Находка") or a name that should mean one place where
// UN/LOCODE has several ("Xingang" for the port of Tianjin).
type Alias struct {
	Name   string
	LOCODE string
}

// WithAliases returns a gazetteer that also knows the given names. An
// alias takes precedence over UN/LOCODE's places of the same name. The
// returned gazetteer shares the receiver's data.
func (g *Gazetteer) WithAliases(aliases []Alias) (*Gazetteer, error) {
	out := *g
	out.aliases = make(map[string]int32, len(aliases))
	var errs []error
	for _, a := range aliases {
		i, ok := g.index(a.LOCODE)
		k := Key(a.Name)
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("alias %q: %w: %q is not in UN/LOCODE", a.Name, ErrUnknown, a.LOCODE))
		case k == "":
			errs = append(errs, fmt.Errorf("alias %q of %s: the name has no letters or digits", a.Name, a.LOCODE))
		default:
			if j, dup := out.aliases[k]; dup && j != i {
				errs = append(errs, fmt.Errorf("alias %q of %s is also an alias of %s", a.Name, a.LOCODE, g.code(int(j))))
			}
			out.aliases[k] = i
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &out, nil
}

// lineNames appends the names of a place's line, checked by Parse, to
// out: what Place.Names returns, without reading the other fields.
func lineNames(out []string, line string) []string {
	for i := range nFields {
		var f string
		f, line, _ = strings.Cut(line, "\t")
		switch {
		case f == "":
		case i == fName || i == fNameASCII:
			out = append(out, f)
		case i == fOtherNames:
			for o := range strings.SplitSeq(f, "|") {
				out = append(out, o)
			}
		}
	}
	return out
}
