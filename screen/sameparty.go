package screen

import (
	"cmp"
	"encoding/binary"
	"hash/maphash"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
}

// Parties answers from the lists loaded now: the same-party relation is
// found once when they are loaded (see findTwins), so Parties costs little;
// callers keep it until Current reports a Reload.
func (s *Screener) Parties() *Parties {
	p := &Parties{s: s, gen: s.gen.Load(), order: map[string]int{}}
	if p.gen == nil {
		return p
	}
	for i, l := range p.gen.lists {
		if _, ok := p.order[l.Version.SHA256]; !ok {
			p.order[l.Version.SHA256] = i
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
	// Each new member may bring evidence the first lacks (the EU entry
	// names the UN reference the OFAC entry does not), so the members'
	// twins are followed in turn, as a screening's group compares a
	// candidate with every member.
	for i := 0; i < len(group); i++ {
		m := group[i].c.row.entity
		var cands []twin
		for _, t := range p.gen.twins[m] {
			if !lists[t.e.list] {
				cands = append(cands, t)
			}
		}
		slices.SortFunc(cands, func(a, b twin) int {
			return cmp.Or(cmp.Compare(p.order[a.e.list], p.order[b.e.list]), strings.Compare(a.e.ID, b.e.ID))
		})
		for _, t := range cands {
			if lists[t.e.list] {
				continue
			}
			group = append(group, member{c: &candidate{row: &nameRow{entity: t.e}}, why: t.why})
			lists[t.e.list] = true
		}
	}
	h = Hit{Entity: first.ID, List: first.Source, ListVersion: first.list, Ref: first.Ref, Name: first.PrimaryName(),
		Kind: first.Kind, ListedOn: first.ListedOn, Listed: first.Facts()}
	refs := make([]party.Reference, 0, len(group))
	refs = append(refs, p.gen.reference(first))
	rest := make([]*listed, 0, len(group)-1)
	for _, m := range group[1:] {
		e := m.c.row.entity
		r := p.gen.reference(e)
		r.SameAs, r.Remarks = m.why, e.Remarks
		refs = append(refs, r)
		rest = append(rest, e)
	}
	h.Listed = p.gen.groupFacts(first, rest)
	h.References = refs
	return h, true
}

// twin is an entry of another list that is the same party as a listed
// entity, with the evidence (see sameParty).
type twin struct {
	e   *listed
	why string
	// merged is what a hit of the entity and e shows (see groupFacts),
	// worked out once with the twins rather than for every hit: merging
	// the aliases of a party on two lists was much of its hit's cost.
	merged *mergedFacts
}

// mergedFacts is the facts of entries that are one party, their names
// merged (one spelling of each) with the names' signatures.
type mergedFacts struct {
	facts party.Facts
	sigs  []wordSig
}

// findTwins returns, for each entity of gen that has any, the entries of
// the other lists that are the same party by sameParty, with the evidence
// as sameParty gives it with the entity first. The relation depends on the
// lists alone, so it is found once per generation rather than among the
// hits of every screening. The pairs sameParty confirms are those sharing
// an evidence key (evidenceHasher.keys), so the keys need only never miss one.
func (s *Screener) findTwins(gen *generation) map[*listed][]twin {
	lists := map[string]bool{}
	for _, l := range gen.lists {
		lists[l.Version.SHA256] = true
	}
	// One list alone merges nothing: a list does not designate a party
	// twice.
	if len(lists) < 2 {
		return nil
	}
	// A run of entities sharing a key is ordered by list, so that only
	// pairs of different lists are tried: a large list holds long runs of
	// its own entities with a common name.
	listAt := map[string]uint16{}
	for _, l := range gen.lists {
		if _, ok := listAt[l.Version.SHA256]; !ok {
			listAt[l.Version.SHA256] = uint16(len(listAt))
		}
	}
	type keyed struct {
		key  uint64
		list uint16
		e    *listed
	}
	// At most one key per identifier, name and UN reference: sized
	// once, as at a million names the keys are millions.
	n := 0
	for _, e := range gen.byID {
		n += len(e.Identifiers) + len(e.Names) + 1
	}
	ks := make([]keyed, 0, n)
	var keys []uint64
	var ev evidenceHasher
	seed := maphash.MakeSeed()
	for _, e := range gen.byID {
		keys = ev.keys(keys[:0], seed, e.Entity)
		for _, k := range keys {
			ks = append(ks, keyed{k, listAt[e.list], e})
		}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.list, b.list)) })
	twins := map[*listed][]twin{}
	// The signatures of the names of the entities tried are worked out
	// once each, and kept for those with twins (hits merge their names).
	var tried []*listed
	sigs := func(e *listed) []wordSig {
		if e.sigs == nil {
			e.sigs = slices.Clip(nameSigs(nil, e.Names))
			tried = append(tried, e)
		}
		return e.sigs
	}
	for lo := 0; lo < len(ks); {
		hi := lo + 1
		for hi < len(ks) && ks[hi].key == ks[lo].key {
			hi++
		}
		// next is where the entities of the list after ks[i]'s start.
		next := lo
		for i := lo; i < hi; i++ {
			if next <= i {
				for next = i + 1; next < hi && ks[next].list == ks[i].list; next++ {
				}
			}
			for j := next; j < hi; j++ {
				a, b := ks[i].e, ks[j].e
				// Entities sharing several keys meet once per key.
				if slices.ContainsFunc(twins[a], func(t twin) bool { return t.e == b }) {
					continue
				}
				whyAB, ok := s.sameParty(a, b, sigs(a), sigs(b))
				if !ok {
					continue
				}
				whyBA, _ := s.sameParty(b, a, sigs(b), sigs(a))
				twins[a] = append(twins[a], twin{e: b, why: whyAB})
				twins[b] = append(twins[b], twin{e: a, why: whyBA})
			}
		}
		lo = hi
	}
	for _, e := range tried {
		if twins[e] == nil {
			e.sigs = nil
		}
	}
	for a, ts := range twins {
		for i := range ts {
			if len(a.Names)+len(ts[i].e.Names) > twinMergeNames {
				ts[i].merged = mergeTwin(a, ts[i].e)
			}
		}
	}
	return twins
}

// twinMergeNames is how many names two twins must have between them for
// their merge to be worked out with the twins rather than by each hit
// (see twin.merged). Merging names compares each with each: it is
// costly between parties with many aliases (KOMID has five names on the
// UN list and eight on OFAC's), and cheap between the many pairs that
// have a name or two each: over half a million pairs at a million
// names, whose merges kept a third more heap.
const twinMergeNames = 8

// mergeTwin returns the facts of a merged with those of b, its twin.
func mergeTwin(a, b *listed) *mergedFacts {
	names, sigs := mergeNames(a.Names, b.Names, a.nameSigs(), b.nameSigs())
	f := mergeFacts(a.Facts(), b.Facts())
	f.Names = names
	return &mergedFacts{facts: f, sigs: sigs}
}

// groupFacts returns what a hit shows of entries that are one party:
// the facts of first merged with those of each of rest in turn (see
// mergeFacts), with one spelling of each name. The first of rest is a
// twin of first (see findTwins): their merge is the one worked out with
// the twins when there is one (twin.merged).
func (gen *generation) groupFacts(first *listed, rest []*listed) party.Facts {
	f, sigs := first.Facts(), first.nameSigs()
	for i, e := range rest {
		if i == 0 {
			if t := gen.twin(first, e); t != nil && t.merged != nil {
				f, sigs = t.merged.facts, t.merged.sigs
				continue
			}
		}
		names := f.Names
		f = mergeFacts(f, e.Facts())
		f.Names, sigs = mergeNames(names, e.Names, sigs, e.nameSigs())
	}
	return f
}

// twinOf reports whether listed entity b is the same party as a, and on
// what evidence (see findTwins).
func (gen *generation) twinOf(a, b *listed) (string, bool) {
	if t := gen.twin(a, b); t != nil {
		return t.why, true
	}
	return "", false
}

// twin returns b's entry among the twins of a, or nil.
func (gen *generation) twin(a, b *listed) *twin {
	ts := gen.twins[a]
	for i := range ts {
		if ts[i].e == b {
			return &ts[i]
		}
	}
	return nil
}

// evidenceHasher makes the evidence keys of entities.
type evidenceHasher struct {
	h     maphash.Hash
	buf   []byte
	words []uint64
}

// keys appends to dst a key for each piece of evidence of e that
// sameParty may take to make it one party with an entry of another list:
// each identifier of a merging type, its UN reference, and each of its
// names but the weak ones, as its words without case or order. Two
// entities sameParty merges share a key; the converse needs sameParty.
// The keys are hashes with the given seed: a collision only brings a pair
// sameParty then rejects.
func (ev *evidenceHasher) keys(dst []uint64, seed maphash.Seed, e *Entity) []uint64 {
	h := &ev.h
	h.SetSeed(seed)
	for _, id := range e.Identifiers {
		if !mergesOn(id.Type) || idLen(id.Value) < 4 {
			continue
		}
		class := string(id.Type)
		if id.Type.IsIMO() {
			class = "imo"
		}
		h.Reset()
		h.WriteString("i:")
		h.WriteString(class)
		h.WriteByte(':')
		h.WriteString(idKey(id.Value))
		dst = append(dst, h.Sum64())
	}
	if ref := unRef(e); ref != "" {
		h.Reset()
		h.WriteString("u:")
		h.WriteString(ref)
		dst = append(dst, h.Sum64())
	}
	for _, n := range e.Names {
		if n.Kind == NameWeak {
			continue
		}
		// sameWords asks each word of one name to be in the other and the
		// counts to agree, so the key is the distinct words and the count.
		// Each word is hashed lower-cased, without making the string.
		words := ev.words[:0]
		count := 0
		for w, rest := nextWord(n.Value); w != ""; w, rest = nextWord(rest) {
			count++
			buf := ev.buf[:0]
			for _, r := range w {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
			ev.buf = buf
			if wh := maphash.Bytes(seed, buf); !slices.Contains(words, wh) {
				words = append(words, wh)
			}
		}
		ev.words = words
		if count == 0 {
			continue
		}
		slices.Sort(words)
		buf := append(ev.buf[:0], "n:"...)
		for _, wh := range words {
			buf = binary.LittleEndian.AppendUint64(buf, wh)
		}
		buf = binary.LittleEndian.AppendUint64(buf, uint64(count))
		ev.buf = buf
		h.Reset()
		h.Write(buf)
		dst = append(dst, h.Sum64())
	}
	return dst
}
