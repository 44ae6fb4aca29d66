package lists

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

// citationNote matches the remarks that belong in an entry's notes, not
// in its citation: how the text was found, whether it was seen, what is
// assumed.
var citationNote = regexp.MustCompile(`(?i)\b(as reported|reported by|not seen|unseen|recalled|number recalled|as given|as summari[sz]ed|cut-off|cut off|assumed|assuming|probabl[ey]|likely|news|newspaper|press report|livedoor|yonhap|according to|unverified|not verified|to be checked|\?)`)

// TestCitationsAreLegalReferences checks that no citation of a list or an
// entry carries a research note: a citation names the instrument and its
// article, annex or item, and what was or was not seen goes to notes.
func TestCitationsAreLegalReferences(t *testing.T) {
	ls, err := DefaultLists(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		if m := citationNote.FindString(l.Citation); m != "" {
			t.Errorf("%s: list citation %q carries a research note (%q): move it to notes", l.File, l.Citation, m)
		}
		for _, e := range l.Entries {
			if m := citationNote.FindString(e.Citation); m != "" {
				t.Errorf("%s: entry %s citation %q carries a research note (%q): move it to notes", l.File, e.ID, e.Citation, m)
			}
		}
	}
}

// bareHome matches a URL that is a site's home page: a scheme, a host
// and at most a slash.
var bareHome = regexp.MustCompile(`^https?://[^/]+/?$`)

// TestSourcesAreNotHomePages checks that every instrument URL and source
// URL points at the text or page read, not at a site's home page.
func TestSourcesAreNotHomePages(t *testing.T) {
	ls, err := DefaultLists(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		for _, u := range []string{l.Instrument.URL, l.SourceURL} {
			if bareHome.MatchString(strings.TrimSpace(u)) {
				t.Errorf("%s: %q is a home page, not the instrument or the page read", l.File, u)
			}
		}
	}
}

// TestDerivedFromNamesAList checks that every entry's derived_from names a
// list of the catalogue whose derivation it can copy, and that an entry
// deriving from another list has derived codes.
func TestDerivedFromNamesAList(t *testing.T) {
	ls, err := DefaultLists(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, l := range ls {
		ids[l.ID] = true
	}
	for _, l := range ls {
		for _, e := range l.Entries {
			if e.DerivedFrom == "" {
				continue
			}
			if !ids[e.DerivedFrom] || e.DerivedFrom == l.ID {
				t.Errorf("%s: entry %s derived_from %q is not another list of the catalogue", l.File, e.ID, e.DerivedFrom)
			}
			if e.Basis != Derived {
				t.Errorf("%s: entry %s copies a derivation but its basis is %s", l.File, e.ID, e.Basis)
			}
		}
	}
}

// TestEmbargoesCoverAllGoods checks the embargo lists of the catalogue:
// each covers every chapter through an all-goods entry, and each
// exception it makes is cited.
func TestEmbargoesCoverAllGoods(t *testing.T) {
	ls, err := DefaultLists(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		if l.Kind != Embargo {
			continue
		}
		for _, e := range l.Entries {
			if e.AllGoods && len(e.Codes) != 96 {
				t.Errorf("%s: entry %s covers %d chapters, want 96", l.File, e.ID, len(e.Codes))
			}
			for _, x := range e.Except {
				if x.Rationale == "" {
					t.Errorf("%s: entry %s excepts %s without saying why", l.File, e.ID, x.Code)
				}
			}
		}
	}
}
