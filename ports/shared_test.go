package ports

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"path/filepath"
	"testing"

	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/ports/internal/source"
)

// TestSharedEveryCodeAndName checks the embedded gazetteer against the
// packaged code list: every LOCODE resolves to its place, and every name
// of a port, rail or road terminal, multimodal place or border crossing
// resolves, with its country, to that place or to one within
// SamePlaceKm. Without a country a name may be ambiguous; the test
// reports how many are, and checks that each is reported as such.
func TestSharedEveryCodeAndName(t *testing.T) {
	dir := filepath.Join(testenv.Shared(t), "data", "ports", "unlocode")
	recs, err := source.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	g := embeddedForTest(t)
	if g.Len() != len(recs) {
		t.Errorf("embedded %d places, the source has %d", g.Len(), len(recs))
	}
	const trade = Port | Rail | Road | Multimodal | Border
	var names, ambiguous, unique, inCountry, portsInCountry int
	for _, r := range recs {
		p, ok := g.ByCode(r.Code)
		if !ok || p.Name != r.Name {
			t.Errorf("ByCode(%s) = %v, %v; want %s", r.Code, p, ok, r.Name)
			continue
		}
		if q, err := g.Resolve(r.Code, ""); err != nil || q.LOCODE != r.Code {
			t.Errorf("Resolve(%s) = %v, %v", r.Code, q, err)
		}
		if p.Function&trade == 0 {
			continue
		}
		for _, n := range p.Names() {
			names++
			q, err := g.Resolve(n, p.Country)
			if errors.Is(err, ErrAmbiguous) {
				// Places of one name far apart in one country ("Portland",
				// US): only the LOCODE tells them apart, and Resolve says
				// so.
				inCountry++
				if p.Function&Port != 0 {
					portsInCountry++
				}
				ambiguous++
				continue
			}
			if err != nil {
				t.Errorf("Resolve(%q, %s) for %s: %v", n, p.Country, p.LOCODE, err)
				continue
			}
			if q.LOCODE != p.LOCODE && !samePlace(p, q) && !errors.Is(err, ErrAmbiguous) {
				// Another place of the name in the same country, far away,
				// chosen as the better match (a port over a rail stop):
				// acceptable only if the name really is that place's too.
				if !hasKey(q, Key(n)) {
					t.Errorf("Resolve(%q, %s) = %s, want %s", n, p.Country, q, p.LOCODE)
				}
			}
			switch _, err := g.Resolve(n, ""); {
			case err == nil:
				unique++
			case errors.Is(err, ErrAmbiguous):
				ambiguous++
			default:
				t.Errorf("Resolve(%q) for %s: %v", n, p.LOCODE, err)
			}
		}
	}
	t.Logf("%d places; %d names of trade places: %d resolve without a country, %d are ambiguous without one, %d of them also with the country (%d of ports)", len(recs), names, unique, ambiguous, inCountry, portsInCountry)
}

// TestSharedEmbedIsCurrent checks that the embedded file is what the
// generator makes of the packaged code list: a new release of the list
// needs "go generate ./ports".
func TestSharedEmbedIsCurrent(t *testing.T) {
	dir := filepath.Join(testenv.Shared(t), "data", "ports", "unlocode")
	recs, err := source.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := source.Write(&want, recs); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(unlocode))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("data/unlocode.tsv.gz (%d bytes) differs from what the generator makes of %s (%d bytes): run go generate ./ports", len(got), dir, want.Len())
	}
}
