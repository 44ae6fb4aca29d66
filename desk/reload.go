package desk

import (
	"context"
	"slices"
	"strings"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
	"github.com/luxscreen/luxscreen/store"
)

// Rescreened is what a re-screening after a list change found.
type Rescreened struct {
	// Added, Removed and Changed count the listed entities the new lists
	// added, removed and changed (any field).
	Added   int `json:"added"`
	Removed int `json:"removed"`
	Changed int `json:"changed"`
	// Screened counts the parties of the window screened again.
	Screened int `json:"screened"`
	// Cases are the cases opened on parties the new lists hit where the
	// old did not, each linked to the party's earlier record.
	Cases []int64 `json:"cases"`
	// Reopened are the cases reopened because the listed record they
	// were released against changed or left the lists.
	Reopened []int64 `json:"reopened"`
}

// Reload reloads the system's sanctions lists (see
// luxscreen.System.ReloadWith) and re-screens what the change could affect
// (see Rescreen).
func (d *Desk) Reload(ctx context.Context, opts luxscreen.ReloadOptions) (Rescreened, error) {
	if d.sys == nil {
		return Rescreened{}, ErrNoSystem
	}
	before := d.sys.Screener().Lists()
	if err := d.sys.ReloadWith(ctx, opts); err != nil {
		return Rescreened{}, err
	}
	return d.Rescreen(ctx, before)
}

// Rescreen compares the lists loaded before a reload with those loaded
// now. Releases made against a listed record that changed or left the
// lists are revoked and their cases reopened. Every party of a record of
// the window is screened again, and a party that a new or changed listed
// entity now hits gets a case linked to its earlier record. With no
// change, nothing is screened.
func (d *Desk) Rescreen(ctx context.Context, before []screen.List) (Rescreened, error) {
	if d.sys == nil {
		return Rescreened{}, ErrNoSystem
	}
	df := screen.Diff(before, d.sys.Screener().Lists())
	out := Rescreened{Added: len(df.Added), Removed: len(df.Removed), Changed: len(df.Changed), Cases: []int64{}, Reopened: []int64{}}
	if df.Empty() {
		return out, nil
	}
	for _, id := range gone(df) {
		rels, err := d.st.ReleasesOf(ctx, id)
		if err != nil {
			return out, err
		}
		for i := range rels {
			rel := &rels[i]
			version, ok := d.entityVersion(rel.Entity)
			if ok && version == rel.EntityVersion {
				continue
			}
			why := "the listed record of " + rel.Entity + " changed"
			if !ok {
				why = rel.Entity + " left the lists"
			}
			if err := d.void(ctx, rel, why); err != nil {
				return out, err
			}
			if rel.Case != 0 && !slices.Contains(out.Reopened, rel.Case) {
				out.Reopened = append(out.Reopened, rel.Case)
			}
		}
	}
	affected := df.Affected()
	if len(affected) == 0 {
		return out, nil
	}
	seen, err := d.st.PartiesSince(ctx, d.now().Add(-d.window))
	if err != nil {
		return out, err
	}
	for _, s := range seen {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		q := queryOf(s.Party)
		r, err := d.sys.Screen(ctx, q)
		if err != nil {
			return out, err
		}
		out.Screened++
		if !newlyHit(&r, s.Party.Hits, affected) {
			continue
		}
		rec, err := d.keep(ctx, store.KindRescreen, q, &r)
		if err != nil {
			return out, err
		}
		c, err := d.openPartyCase(ctx, rec, rec.Parties[0], &r, s.Record)
		if err != nil {
			return out, err
		}
		// A party whose release was just revoked is hit again; its
		// reopened case stands for the new hit.
		if !slices.Contains(out.Reopened, c) && !slices.Contains(out.Cases, c) {
			out.Cases = append(out.Cases, c)
		}
	}
	return out, nil
}

// gone returns the IDs of the listed records a release may no longer hold
// against: those removed, and those that designate their party
// differently now.
func gone(df screen.ListDiff) []string {
	var ids []string
	for _, r := range df.Removed {
		ids = append(ids, r.ID)
	}
	for _, c := range df.Changed {
		if c.FingerprintChanged {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// newlyHit reports whether r hits an affected entity that the party's
// earlier screening did not hit.
func newlyHit(r *party.Result, before []string, affected []string) bool {
	for i := range r.Hits {
		h := &r.Hits[i]
		if slices.Contains(before, h.Entity) {
			continue
		}
		for _, a := range affected {
			if h.Refers(a) {
				return true
			}
		}
	}
	return false
}

// queryOf rebuilds the screened entity of a stored party.
func queryOf(p store.Party) party.Entity {
	kind, _ := party.ParseKind(p.Kind)
	q := party.New("", kind, "", "", "")
	for _, n := range strings.Split(p.Name, nameSep) {
		q.AddName(n)
	}
	for _, f := range strings.Fields(p.Details) {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "country":
			q.Countries = append(q.Countries, v)
		case "born":
			q.BirthDates = append(q.BirthDates, v)
		case string(party.IDIMO):
			q.Identifiers = append(q.Identifiers, party.Identifier{Type: party.IDIMO, Value: v})
		}
	}
	return q
}
