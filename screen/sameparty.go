package screen

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/luxscreen/luxscreen/party"
)

// Parties answers, for one loaded entity, which entries of the other
// loaded lists are the same party, by the rule that merges the hits of a
// screening (see sameParty): a caller showing a listed record shows the
// party whole, as a screening hit would. It answers from the lists that
// were loaded when Screener.Parties was called, even after a Reload; see
// Current. It is safe for concurrent use.
type Parties struct {
	s   *Screener
	gen *generation
	// order is each list's place in load order, by SHA-256, so that the
	// entries of a party come in the order the lists were given.
	order map[string]int
	// byKey holds the entities by each piece of evidence that may make
	// two of them one party (see evidenceKeys). sameParty confirms every
	// candidate, so the keys need only never miss one.
	byKey map[string][]*listed
}

// Parties indexes the lists loaded now for finding the same party on
// several lists. The index costs about one pass over every name and
// identifier; callers keep it until Current reports a Reload.
func (s *Screener) Parties() *Parties {
	p := &Parties{s: s, gen: s.gen.Load(), order: map[string]int{}, byKey: map[string][]*listed{}}
	if p.gen == nil {
		return p
	}
	for i, l := range p.gen.lists {
		if _, ok := p.order[l.Version.SHA256]; !ok {
			p.order[l.Version.SHA256] = i
		}
	}
	// One list alone merges nothing: a list does not designate a party
	// twice.
	if len(p.order) < 2 {
		return p
	}
	var keys []string
	for _, l := range p.gen.lists {
		for i := range l.Entities {
			e := p.gen.byID[l.Entities[i].ID]
			if e == nil {
				continue
			}
			keys = evidenceKeys(keys[:0], e.Entity)
			for _, k := range keys {
				p.byKey[k] = append(p.byKey[k], e)
			}
		}
	}
	return p
}

// Current reports whether the lists p answers from are still the ones
// loaded.
func (p *Parties) Current() bool { return p.gen == p.s.gen.Load() }

// Lists returns the lists p answers from, in load order; the entity
// slices are shared, not copied.
func (p *Parties) Lists() []List {
	if p.gen == nil {
		return nil
	}
	return slices.Clone(p.gen.lists)
}

// Versions returns the versions of the lists p answers from.
func (p *Parties) Versions() []ListVersion {
	if p.gen == nil {
		return nil
	}
	return slices.Clone(p.gen.versions)
}

// Party returns the entity with the given ID as a hit standing for it and
// for the same party on the other lists, as a screening would merge them:
// its References list the entry first, then one entry of each other list
// that is the same party, with the evidence; Listed holds the union of
// their facts. The score and the matched name are zero: nothing was
// compared. ok is false when no loaded entity has the ID.
func (p *Parties) Party(id string) (h Hit, ok bool) {
	if p.gen == nil {
		return Hit{}, false
	}
	first, ok := p.gen.byID[id]
	if !ok {
		return Hit{}, false
	}
	group := []member{{c: &candidate{row: &nameRow{entity: first}}}}
	lists := map[string]bool{first.list: true}
	var keys []string
	// Each new member may bring evidence the first lacks (the EU entry
	// names the UN reference the OFAC entry does not), so the members'
	// keys are followed in turn, as a screening's group compares a
	// candidate with every member.
	for i := 0; i < len(group); i++ {
		m := group[i].c.row.entity
		keys = evidenceKeys(keys[:0], m.Entity)
		var cands []*listed
		for _, k := range keys {
			for _, c := range p.byKey[k] {
				if !lists[c.list] && !slices.Contains(cands, c) {
					cands = append(cands, c)
				}
			}
		}
		slices.SortFunc(cands, func(a, b *listed) int {
			return cmp.Or(cmp.Compare(p.order[a.list], p.order[b.list]), strings.Compare(a.ID, b.ID))
		})
		for _, c := range cands {
			if lists[c.list] {
				continue
			}
			if why, same := p.s.sameParty(m, c, nil, nil); same {
				group = append(group, member{c: &candidate{row: &nameRow{entity: c}}, why: why})
				lists[c.list] = true
			}
		}
	}
	h = Hit{Entity: first.ID, List: first.Source, ListVersion: first.list, Ref: first.Ref, Name: first.PrimaryName(),
		Kind: first.Kind, ListedOn: first.ListedOn, Listed: first.Facts()}
	refs := make([]party.Reference, 0, len(group))
	refs = append(refs, p.gen.reference(first))
	names, sigs := h.Listed.Names, nameSigs(nil, h.Listed.Names)
	for _, m := range group[1:] {
		e := m.c.row.entity
		r := p.gen.reference(e)
		r.SameAs, r.Remarks = m.why, e.Remarks
		refs = append(refs, r)
		h.Listed = mergeFacts(h.Listed, e.Facts())
		names, sigs = mergeNames(names, e.Names, sigs, nameSigs(nil, e.Names))
	}
	h.Listed.Names = names
	h.References = refs
	return h, true
}

// evidenceKeys appends to dst a key for each piece of evidence of e that
// sameParty may take to make it one party with an entry of another list:
// each identifier of a merging type, its UN reference, and each of its
// names but the weak ones, as its words without case or order. Two
// entities sameParty merges share a key; the converse needs sameParty.
func evidenceKeys(dst []string, e *Entity) []string {
	for _, id := range e.Identifiers {
		if !mergesOn(id.Type) || idLen(id.Value) < 4 {
			continue
		}
		class := string(id.Type)
		if id.Type.IsIMO() {
			class = "imo"
		}
		dst = append(dst, "i:"+class+":"+idKey(id.Value))
	}
	if ref := unRef(e); ref != "" {
		dst = append(dst, "u:"+ref)
	}
	var words []string
	for _, n := range e.Names {
		if n.Kind == NameWeak {
			continue
		}
		// sameWords asks each word of one name to be in the other and the
		// counts to agree, so the key is the distinct words and the count.
		words = words[:0]
		count := 0
		for w, rest := nextWord(n.Value); w != ""; w, rest = nextWord(rest) {
			count++
			w = strings.ToLower(w)
			if !slices.Contains(words, w) {
				words = append(words, w)
			}
		}
		if count == 0 {
			continue
		}
		sort.Strings(words)
		dst = append(dst, "n:"+strings.Join(words, " ")+"#"+strconv.Itoa(count))
	}
	return dst
}
