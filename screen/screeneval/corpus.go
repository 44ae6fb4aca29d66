package screeneval

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/luxscreen/luxscreen/screen"
)

// Optional list directories under the shared directory: every file in them
// is loaded beside UN and OFAC when the directory exists, so that the
// evaluation always runs on every list there is.
const (
	EUDir = "data/screening/eu"
	UKDir = "data/screening/uk"
)

// corpus is the lists an evaluation screens against, with the lookups the
// sets need.
type corpus struct {
	lists []screen.List
	byID  map[string]*screen.Entity
	// byName maps a folded name to the entities that carry it, on every
	// list: the same party on two lists shares a name.
	byName map[string][]*screen.Entity
	// byCore maps an organisation's folded name without its legal form
	// ("korea samjong shipping" for KOREA SAMJONG SHIPPING CO) to the
	// organisations that carry it: lists add or drop the legal form.
	byCore map[string][]*screen.Entity
	// legal are the legal-form words core drops (harness.yaml).
	legal map[string]bool
}

// core is fold(s) without the words of legal, or "" when fewer than two
// words are left (too little to say two names are one party).
func core(s string, legal map[string]bool) string {
	var out []string
	for _, w := range strings.Fields(fold(s)) {
		if !legal[w] {
			out = append(out, w)
		}
	}
	if len(out) < 2 {
		return ""
	}
	return strings.Join(out, " ")
}

// loadCorpus loads UN and OFAC from shared, and every file of the EU and UK
// directories when they exist; legal are the legal-form words of
// harness.yaml.
func loadCorpus(ctx context.Context, shared string, legal []string) (*corpus, error) {
	paths := []string{filepath.Join(shared, UNFile), filepath.Join(shared, OFACDir)}
	for _, dir := range []string{EUDir, UKDir} {
		more, err := listFiles(filepath.Join(shared, dir))
		if err != nil {
			return nil, err
		}
		paths = append(paths, more...)
	}
	c := newCorpus(legal)
	for _, p := range paths {
		l, err := screen.Load(ctx, p)
		if err != nil {
			return nil, err
		}
		c.lists = append(c.lists, l)
	}
	for i := range c.lists {
		c.index(&c.lists[i])
	}
	return c, nil
}

// newCorpus returns an empty corpus that drops the legal-form words legal.
func newCorpus(legal []string) *corpus {
	c := &corpus{byID: make(map[string]*screen.Entity), byName: make(map[string][]*screen.Entity),
		byCore: make(map[string][]*screen.Entity), legal: make(map[string]bool)}
	for _, w := range legal {
		c.legal[fold(w)] = true
	}
	return c
}

// index adds the entities of l to the lookups.
func (c *corpus) index(l *screen.List) {
	for i := range l.Entities {
		e := &l.Entities[i]
		c.byID[e.ID] = e
		seen := make(map[string]bool)
		for _, n := range e.Names {
			k := fold(n.Value)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			c.byName[k] = append(c.byName[k], e)
		}
		if e.Kind != screen.KindOrganisation {
			continue
		}
		seen = make(map[string]bool)
		for _, n := range e.Names {
			if k := core(n.Value, c.legal); k != "" && !seen[k] {
				seen[k] = true
				c.byCore[k] = append(c.byCore[k], e)
			}
		}
	}
}

// listFiles returns the regular files of dir in name order, or nothing when
// dir does not exist.
func listFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("screeneval: %w", err)
	}
	var out []string
	for _, e := range ents {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}

// fold reduces a name to lower-case letters and digits separated by single
// spaces, so that "KIM, Jong Un" and "KIM JONG UN" meet. It decides only
// which listed entities are the same party and whether an authored
// innocent name is in fact listed; the screener's own normalisation is not
// involved.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`':
			// Apostrophes of McCune–Reischauer (KY'ONG) join their syllable.
		default:
			space = true
		}
	}
	return b.String()
}

// targets returns the entities that count as the right reference for a
// query made from e: e itself and the same party on another list, which
// shares one of e's names exactly (after folding; for organisations, also
// after dropping legal forms), has a compatible kind and, for persons
// whose lists both give birth dates, a birth year.
func (c *corpus) targets(e *screen.Entity) []string {
	out := []string{e.ID}
	for _, n := range e.Names {
		same := c.byName[fold(n.Value)]
		if e.Kind == screen.KindOrganisation {
			same = append(slices.Clip(same), c.byCore[core(n.Value, c.legal)]...)
		}
		for _, o := range same {
			if o.Source == e.Source || !e.Kind.Compatible(o.Kind) || contains(out, o.ID) {
				continue
			}
			if e.Kind == screen.KindPerson && !sharesYear(e.DatesOfBirth, o.DatesOfBirth) {
				continue
			}
			out = append(out, o.ID)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// sharesYear reports whether two lists of birth dates share a year, or
// either is empty (nothing to tell them apart).
func sharesYear(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if yx, ok := year(x); ok {
				if yy, ok := year(y); ok && yx == yy {
					return true
				}
			}
		}
	}
	return false
}

// year returns the first four-digit run of a date as the lists write it
// ("1944-10-13", "1938", "circa 1950", "08 Jan 1984").
func year(d string) (int, bool) {
	run, y := 0, 0
	for i := 0; i < len(d); i++ {
		if d[i] >= '0' && d[i] <= '9' {
			run++
			y = y*10 + int(d[i]-'0')
			if run == 4 && (i+1 == len(d) || d[i+1] < '0' || d[i+1] > '9') {
				return y, true
			}
			continue
		}
		run, y = 0, 0
	}
	return 0, false
}

// isUNDPRK reports whether e is on the UN DPRK regime (KPe, KPi).
func isUNDPRK(e *screen.Entity) bool {
	return e.Source == "UN" && strings.HasPrefix(e.Ref, "KP")
}
