package desk

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/store"
)

// DefaultWindow is how far back Reload re-screens the parties of stored
// decisions when Options.Window is zero: a quarter, long enough to cover
// goods still in transit or awaiting payment when a designation lands.
const DefaultWindow = 90 * 24 * time.Hour

// Automatic is the actor of the events the desk records itself: opening
// cases, and reopening them when a release stops holding.
const Automatic = "luxscreen"

// ErrBadRequest wraps a reviewer's request the desk refuses: no reviewer
// named, an unknown reason code, or a reason that does not fit the action.
var ErrBadRequest = errors.New("desk: bad request")

// Options tune a Desk.
type Options struct {
	// Window is how far back Reload re-screens; zero means DefaultWindow.
	Window time.Duration
}

// Desk keeps decisions, cases and releases for a System. It is safe for
// concurrent use.
type Desk struct {
	// sys is nil for a desk that only reviews (see Review).
	sys    *luxscreen.System
	st     *store.Store
	now    func() time.Time
	window time.Duration
}

// ErrNoSystem is returned by Check, Screen, Reload and Rescreen of a desk
// made by Review, which has no System to judge with.
var ErrNoSystem = errors.New("desk: no system: this desk only reviews")

// Open opens the System cfg describes, with its screenings settled against
// the releases kept in st, and returns the desk over both. cfg.Settle must
// be nil: the desk sets it. Closing the desk closes the System, not st.
func Open(ctx context.Context, cfg luxscreen.Config, st *store.Store, opt Options) (*Desk, error) {
	if st == nil {
		return nil, errors.New("desk: no store")
	}
	if cfg.Settle != nil {
		return nil, errors.New("desk: luxscreen.Config.Settle is already set; the desk settles screenings itself")
	}
	d := &Desk{st: st, window: opt.Window}
	if d.window <= 0 {
		d.window = DefaultWindow
	}
	cfg.Settle = d.settle
	sys, err := luxscreen.Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	d.sys, d.now = sys, sys.Now
	return d, nil
}

// Review returns a desk over st alone, for reviewing cases: Release,
// Confirm, Cases, Case and History. A release is made against the listed
// records the case was opened on, so no list need be loaded. now dates
// the reviewers' decisions; nil means time.Now.
func Review(st *store.Store, now func() time.Time) *Desk {
	if now == nil {
		now = time.Now
	}
	return &Desk{st: st, now: now, window: DefaultWindow}
}

// System returns the system the desk judges with, or nil for a desk made
// by Review.
func (d *Desk) System() *luxscreen.System { return d.sys }

// Store returns the desk's store.
func (d *Desk) Store() *store.Store { return d.st }

// Close closes the System. The store stays open: its owner closes it.
func (d *Desk) Close() error {
	if d.sys == nil {
		return nil
	}
	return d.sys.Close()
}

// Checked is a decision the desk kept.
type Checked struct {
	Decision *rules.Decision `json:"decision"`
	// Record is the stored record's ID.
	Record int64 `json:"record"`
	// Cases are the review cases open on the decision: opened for it, or
	// already open for the same party and listed entities.
	Cases []int64 `json:"cases,omitempty"`
}

// Check judges a shipment, keeps the decision with its audit record and
// opens the cases it calls for: one per party or vessel whose screening
// needs a person, and one for the rest of a decision that blocks or asks
// for review on other grounds (goods, route, missing facts).
func (d *Desk) Check(ctx context.Context, sh *rules.Shipment) (Checked, error) {
	if d.sys == nil {
		return Checked{}, ErrNoSystem
	}
	dec, err := d.sys.Check(ctx, sh)
	if err != nil {
		return Checked{}, err
	}
	now := d.now().UTC()
	audit := dec.AuditRecord(now)
	b, err := json.Marshal(audit)
	if err != nil {
		return Checked{}, fmt.Errorf("desk: audit record of %s: %w", sh.ID, err)
	}
	rec := store.Record{
		Kind: store.KindCheck, At: now, Subject: sh.ID, Verdict: string(dec.Verdict),
		DecisionID: dec.DecisionID, RulesVersion: dec.Versions.Rules,
		ListVersions: dec.Versions.Sanctions, Audit: b,
	}
	var results []*party.Result
	for i, p := range sh.Parties {
		kind, _ := party.ParseKind(p.Kind)
		q := party.New(p.Name, kind, p.Country, p.IMO, "")
		var r *party.Result
		if i < len(audit.Parties) {
			r = audit.Parties[i]
		}
		rec.Parties = append(rec.Parties, storeParty(q, string(p.Role), r))
		results = append(results, r)
	}
	if v := sh.Vessel; v != nil {
		q := party.New(v.Name, party.KindVessel, v.Flag, v.IMO, "")
		rec.Parties = append(rec.Parties, storeParty(q, "vessel", audit.Vessel))
		results = append(results, audit.Vessel)
	}
	id, err := d.st.Save(ctx, &rec)
	if err != nil {
		return Checked{}, err
	}
	out := Checked{Decision: dec, Record: id}
	if dec.Verdict == rules.VerdictClear {
		return out, nil
	}
	for i, p := range rec.Parties {
		r := results[i]
		if r == nil || r.Verdict == party.Clear {
			continue
		}
		c, err := d.openPartyCase(ctx, &rec, p, r, 0)
		if err != nil {
			return out, err
		}
		out.Cases = append(out.Cases, c)
	}
	if other := otherFindings(dec); len(other) > 0 {
		c := store.Case{Record: id, Verdict: string(dec.Verdict), Subject: sh.ID, Summary: strings.Join(other, "; "), Opened: now, Updated: now}
		cid, err := d.st.OpenCase(ctx, &c)
		if err != nil {
			return out, err
		}
		out.Cases = append(out.Cases, cid)
	}
	return out, nil
}

// otherFindings returns the block and review findings of a decision that
// are not about screening a party or vessel, as "rule: message".
func otherFindings(dec *rules.Decision) []string {
	var out []string
	for _, f := range dec.Findings {
		if f.Severity == rules.Info || screeningRule(f) {
			continue
		}
		out = append(out, f.Rule+": "+f.Message)
	}
	return out
}

// screeningRule reports whether a finding rests on screenings alone: its
// evidence names a party or the vessel and says what the screening found,
// and a party case settles it.
func screeningRule(f rules.Finding) bool {
	if len(f.Evidence) == 0 {
		return false
	}
	for _, e := range f.Evidence {
		if e.Party == "" && e.Vessel == "" || !strings.HasPrefix(e.Detail, "screening ") {
			return false
		}
	}
	return true
}

// Screened is a screening the desk kept.
type Screened struct {
	Result party.Result `json:"result"`
	// Record is the stored record's ID.
	Record int64 `json:"record"`
	// Cases are the review cases open on the screening.
	Cases []int64 `json:"cases,omitempty"`
}

// screenAudit is the audit record of a screening alone.
type screenAudit struct {
	Query  party.Entity  `json:"query"`
	Result *party.Result `json:"result"`
	At     time.Time     `json:"at"`
}

// Screen screens one party or vessel, keeps the screening and opens a case
// when it is not clear.
func (d *Desk) Screen(ctx context.Context, q party.Entity) (Screened, error) {
	if d.sys == nil {
		return Screened{}, ErrNoSystem
	}
	r, err := d.sys.Screen(ctx, q)
	if err != nil {
		return Screened{}, err
	}
	rec, err := d.keep(ctx, store.KindScreen, q, &r)
	if err != nil {
		return Screened{}, err
	}
	out := Screened{Result: r, Record: rec.ID}
	if r.Verdict != party.Clear {
		c, err := d.openPartyCase(ctx, rec, rec.Parties[0], &r, 0)
		if err != nil {
			return out, err
		}
		out.Cases = []int64{c}
	}
	return out, nil
}

// keep saves the record of one screening.
func (d *Desk) keep(ctx context.Context, kind string, q party.Entity, r *party.Result) (*store.Record, error) {
	now := d.now().UTC()
	b, err := json.Marshal(screenAudit{Query: q, Result: r, At: now})
	if err != nil {
		return nil, fmt.Errorf("desk: audit record: %w", err)
	}
	p := storeParty(q, "", r)
	rec := &store.Record{
		Kind: kind, At: now, Subject: p.Name, Verdict: string(r.Verdict),
		DecisionID: hashOf(b), ListVersions: r.ListVersions, Parties: []store.Party{p}, Audit: b,
	}
	if _, err := d.st.Save(ctx, rec); err != nil {
		return nil, err
	}
	return rec, nil
}

// openPartyCase opens the case of one party's screening, unless a case
// for the same party and the same listed entities is open already, which
// it returns instead: the queue holds one case per question, however often
// the party is screened while it waits.
func (d *Desk) openPartyCase(ctx context.Context, rec *store.Record, p store.Party, r *party.Result, linked int64) (int64, error) {
	open, err := d.st.Cases(ctx, store.CaseFilter{Status: store.StatusOpen, Party: p.Key, Limit: 50})
	if err != nil {
		return 0, err
	}
	for _, c := range open {
		if c.Party != nil && c.Party.Details == p.Details && slices.Equal(c.Entities, p.Hits) && (len(p.Hits) > 0 || c.Verdict == string(r.Verdict)) {
			return c.ID, nil
		}
	}
	c := store.Case{
		Record: rec.ID, Linked: linked, Verdict: string(r.Verdict), Subject: rec.Subject,
		Party: &p, Entities: p.Hits, Summary: caseSummary(p, r),
		Opened: rec.At, Updated: rec.At,
	}
	for _, e := range p.Hits {
		v, _ := d.entityVersion(e)
		c.Versions = append(c.Versions, v)
	}
	return d.st.OpenCase(ctx, &c)
}

// caseSummary says in one line why a party's case was opened.
func caseSummary(p store.Party, r *party.Result) string {
	label := p.Name
	if p.Role != "" {
		label = p.Role + ": " + p.Name
	}
	var parts []string
	for i, h := range r.Hits {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(r.Hits)-3))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %q (score %.2f)", h.Entity, h.Name, h.Score))
	}
	parts = append(parts, party.Render(r.Reasons)...)
	return fmt.Sprintf("%s: screening %s: %s", label, r.Verdict, strings.Join(parts, "; "))
}

// nameSep joins the names of a party screened under several names, in a
// stored party's Name.
const nameSep = " / "

// storeParty is the stored form of a screened entity and its result.
func storeParty(q party.Entity, role string, r *party.Result) store.Party {
	key, details := PartyKey(q)
	p := store.Party{Key: key, Details: details, Name: strings.Join(q.Names, nameSep), Kind: string(q.Kind), Role: role}
	if len(q.Countries) > 0 {
		p.Country = q.Countries[0]
	}
	for _, id := range q.Identifiers {
		if id.Type == party.IDIMO {
			p.IMO = id.Value
		}
	}
	if r != nil {
		p.Verdict = string(r.Verdict)
		for i := range r.Hits {
			p.Hits = append(p.Hits, hitEntities(&r.Hits[i])...)
		}
		slices.Sort(p.Hits)
		p.Hits = slices.Compact(p.Hits)
	}
	return p
}

// hitEntities are the IDs of the list entries a hit stands for: the
// same party on several lists is one hit, and a release covers each.
func hitEntities(h *party.Hit) []string {
	ids := []string{h.Entity}
	for _, r := range h.References {
		if !slices.Contains(ids, r.Entity) {
			ids = append(ids, r.Entity)
		}
	}
	return ids
}

// PartyKey returns what identifies a screened party across records: key
// is its kind and its names folded (case, accents, punctuation and spacing
// removed), details its countries, birth dates and identifiers. A release
// applies to later screenings with the same key, and holds only while the
// details are the same.
func PartyKey(q party.Entity) (key, details string) {
	names := make([]string, 0, len(q.Names))
	for _, n := range q.Names {
		if f := fold(n); f != "" && !slices.Contains(names, f) {
			names = append(names, f)
		}
	}
	slices.Sort(names)
	kind := string(q.Kind)
	if kind == "" {
		kind = "party"
	}
	key = kind + ":" + strings.Join(names, "|")
	var ds []string
	for _, c := range q.Countries {
		ds = append(ds, "country="+strings.ToUpper(strings.TrimSpace(c)))
	}
	for _, b := range q.BirthDates {
		ds = append(ds, "born="+strings.TrimSpace(b))
	}
	for _, id := range q.Identifiers {
		ds = append(ds, string(id.Type)+"="+strings.ToUpper(strings.Join(strings.Fields(id.Value), "")))
	}
	slices.Sort(ds)
	return key, strings.Join(slices.Compact(ds), " ")
}

// fold is a name as compared for identity: compatibility-normalised,
// accents removed, letters and digits only, upper case, single spaces.
func fold(s string) string {
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	r, _, err := transform.String(t, s)
	if err != nil {
		r = s
	}
	var b strings.Builder
	space := false
	for _, c := range r {
		switch {
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToUpper(c))
		default:
			space = true
		}
	}
	return b.String()
}

func hashOf(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
