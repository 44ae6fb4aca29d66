package screen

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// ListDiff is what changed from one version of the loaded sanctions lists
// to the next, entity by entity, as [Diff] computes it. Entities are
// matched by their ID, and every slice is in order of ID, so that two runs
// over the same files print the same diff.
type ListDiff struct {
	// Versions names the list versions compared, one pair per source.
	Versions []VersionPair `json:"versions"`
	// Added are the entities of the new version that the old one lacks.
	Added []EntityRef `json:"added"`
	// Removed are the entities of the old version that the new one lacks.
	Removed []EntityRef `json:"removed"`
	// Changed are the entities of both versions whose records differ.
	Changed []EntityChange `json:"changed"`
}

// VersionPair names the versions of one list source on either side of a
// diff. A side that did not load the source has a nil version: every
// entity of the source is then added or removed.
type VersionPair struct {
	// ID names the source as [ListVersion.ID] does ("un", "ofac-sdn"), or
	// is its source name in lower case when the loader gave it no ID.
	ID  string       `json:"id"`
	Old *ListVersion `json:"old,omitempty"`
	New *ListVersion `json:"new,omitempty"`
}

// EntityRef names an entity added or removed between two versions.
type EntityRef struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Kind   Kind   `json:"kind,omitempty"`
	// Name is the entity's primary name (see [Entity.PrimaryName]).
	Name string `json:"name"`
	// Fingerprint is the entity's [Entity.Fingerprint], for a store that
	// records which version of a record a party was cleared against.
	Fingerprint string `json:"fingerprint"`
}

// EntityChange is an entity present in both versions whose record changed.
type EntityChange struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	// Name is the entity's primary name in the new version.
	Name           string `json:"name"`
	OldFingerprint string `json:"old_fingerprint"`
	NewFingerprint string `json:"new_fingerprint"`
	// FingerprintChanged reports whether the record designates the party
	// differently: a name, identifier, programme, designation date, birth
	// date, nationality, country or kind changed. A change of remarks,
	// street addresses or other particulars alone leaves it false.
	FingerprintChanged bool `json:"fingerprint_changed"`
	// Fields are the changes, in the order of the DiffField constants and
	// within a field by value (see FieldChange.String for a line each).
	Fields []FieldChange `json:"fields"`
}

// DiffField names a field of an [Entity] in a [FieldChange]. The names are
// singular: each change is to one value of the field.
type DiffField string

// The fields a diff compares, in the order changes are reported. The
// first seven are those [Entity.Fingerprint] covers; a change to the
// others alone leaves the fingerprint as it was.
const (
	FieldKind        DiffField = "kind"
	FieldName        DiffField = "name"
	FieldIdentifier  DiffField = "identifier"
	FieldProgram     DiffField = "program"
	FieldListedOn    DiffField = "listed_on"
	FieldDateOfBirth DiffField = "date_of_birth"
	FieldNationality DiffField = "nationality"
	FieldCountry     DiffField = "country"
	FieldBirthPlace  DiffField = "birth_place"
	FieldPosition    DiffField = "position"
	FieldGender      DiffField = "gender"
	FieldAddress     DiffField = "address"
	FieldVessel      DiffField = "vessel"
	FieldRemarks     DiffField = "remarks"
)

// DiffOp says what happened to a value in a [FieldChange].
type DiffOp string

// The operations of a field change. A field that holds one value (kind,
// designation date, gender, remarks, vessel) only changes; a field that
// holds several gains and loses values, and a name or identifier whose
// key stays the same but whose spelling or particulars differ changes.
const (
	OpAdded   DiffOp = "added"
	OpRemoved DiffOp = "removed"
	OpChanged DiffOp = "changed"
)

// FieldChange is one change to one field of an entity.
type FieldChange struct {
	Field DiffField `json:"field"`
	Op    DiffOp    `json:"op"`
	// Kind qualifies the value: a name's [NameKind] or an identifier's
	// [IDType]; it is empty for other fields.
	Kind string `json:"kind,omitempty"`
	// Old is the value removed or replaced, empty for an added value.
	Old string `json:"old,omitempty"`
	// New is the value added or the replacement, empty for a removed
	// value.
	New string `json:"new,omitempty"`
}

// maxShown bounds the length of a value FieldChange.String prints; a long
// remark would otherwise bury the lines around it.
const maxShown = 80

// String renders c on one line for a reader: `+ alias "KOMID" (aka)`,
// `- identifier imo_ship 9312345`, `~ listed_on 2016-03-02 → 2017-08-05`.
// Values longer than 80 characters are cut short; the fields hold them
// whole.
func (c FieldChange) String() string {
	sign := map[DiffOp]string{OpAdded: "+", OpRemoved: "-", OpChanged: "~"}[c.Op]
	label, suffix := string(c.Field), ""
	quote := true
	switch c.Field {
	case FieldName:
		label = "alias"
		if NameKind(c.Kind) == NamePrimary {
			label = "name"
		}
		suffix = " (" + c.Kind + ")"
	case FieldIdentifier:
		label, quote = "identifier "+c.Kind, false
	case FieldKind, FieldProgram, FieldListedOn, FieldDateOfBirth, FieldGender:
		quote = false
	}
	show := func(v string) string {
		if v == "" {
			return "(none)"
		}
		if r := []rune(v); len(r) > maxShown {
			v = string(r[:maxShown-1]) + "…"
		}
		if quote {
			return fmt.Sprintf("%q", v)
		}
		return v
	}
	switch c.Op {
	case OpAdded:
		return sign + " " + label + " " + show(c.New) + suffix
	case OpRemoved:
		return sign + " " + label + " " + show(c.Old) + suffix
	}
	return sign + " " + label + " " + show(c.Old) + " → " + show(c.New) + suffix
}

// Diff compares two versions of the loaded sanctions lists entity by
// entity, matching entities by their ID ("UN:KPe.001"). An entity in only
// one version is added or removed; one in both whose record differs is
// changed, with each change field by field. The order of values within a
// field is not compared: lists reorder aliases without meaning anything by
// it. When one side holds two entities with the same ID the first is
// compared. The old and new lists are only read.
func Diff(old, new []List) ListDiff {
	d := ListDiff{
		Versions: versionPairs(old, new),
		Added:    []EntityRef{},
		Removed:  []EntityRef{},
		Changed:  []EntityChange{},
	}
	before, after := byID(old), byID(new)
	for id, n := range after {
		o, ok := before[id]
		if !ok {
			d.Added = append(d.Added, refOf(n))
			continue
		}
		if fields := entityChanges(o, n); len(fields) > 0 {
			of, nf := o.Fingerprint(), n.Fingerprint()
			d.Changed = append(d.Changed, EntityChange{
				ID: id, Source: n.Source, Name: n.PrimaryName(),
				OldFingerprint: of, NewFingerprint: nf, FingerprintChanged: of != nf,
				Fields: fields,
			})
		}
	}
	for id, o := range before {
		if _, ok := after[id]; !ok {
			d.Removed = append(d.Removed, refOf(o))
		}
	}
	slices.SortFunc(d.Added, func(a, b EntityRef) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(d.Removed, func(a, b EntityRef) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(d.Changed, func(a, b EntityChange) int { return strings.Compare(a.ID, b.ID) })
	return d
}

// Empty reports whether no entity was added, removed or changed. Two
// versions may differ in their files (hash, publication date) and still
// make an empty diff.
func (d ListDiff) Empty() bool {
	return len(d.Added) == 0 && len(d.Removed) == 0 && len(d.Changed) == 0
}

// Affected returns, in order, the IDs of the entities that could make a
// party cleared against the old version a hit against the new one: those
// added, and those whose fingerprint changed (a country counts: a listed
// company that gains the country a party writes from no longer loses the
// country mismatch, and may cross the match threshold). A removed entity
// cannot make a hit, nor can reworded remarks, or an address moved within
// the same countries.
func (d ListDiff) Affected() []string {
	ids := make([]string, 0, len(d.Added)+len(d.Changed))
	for _, r := range d.Added {
		ids = append(ids, r.ID)
	}
	for _, c := range d.Changed {
		if c.FingerprintChanged {
			ids = append(ids, c.ID)
		}
	}
	slices.Sort(ids)
	return ids
}

// byID indexes the entities of ls by ID, the first of a repeated ID
// winning.
func byID(ls []List) map[string]*Entity {
	n := 0
	for _, l := range ls {
		n += len(l.Entities)
	}
	m := make(map[string]*Entity, n)
	for _, l := range ls {
		for i := range l.Entities {
			e := &l.Entities[i]
			if _, ok := m[e.ID]; !ok {
				m[e.ID] = e
			}
		}
	}
	return m
}

func refOf(e *Entity) EntityRef {
	return EntityRef{ID: e.ID, Source: e.Source, Kind: e.Kind, Name: e.PrimaryName(), Fingerprint: e.Fingerprint()}
}

// versionPairs pairs the versions of each source, in order of source; a
// side that loaded a source twice pairs its copies in the order given.
func versionPairs(old, new []List) []VersionPair {
	key := func(v ListVersion) string {
		return cmp.Or(v.ID, strings.ToLower(strings.ReplaceAll(v.Source, " ", "-")))
	}
	olds, news := make(map[string][]ListVersion), make(map[string][]ListVersion)
	var keys []string
	for _, l := range old {
		k := key(l.Version)
		olds[k] = append(olds[k], l.Version)
		keys = append(keys, k)
	}
	for _, l := range new {
		k := key(l.Version)
		news[k] = append(news[k], l.Version)
		keys = append(keys, k)
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	pairs := make([]VersionPair, 0, len(keys))
	for _, k := range keys {
		o, n := olds[k], news[k]
		for i := range max(len(o), len(n)) {
			p := VersionPair{ID: k}
			if i < len(o) {
				p.Old = &o[i]
			}
			if i < len(n) {
				p.New = &n[i]
			}
			pairs = append(pairs, p)
		}
	}
	return pairs
}

// entityChanges returns the changes from o to n, field by field, or nil
// when the records agree.
func entityChanges(o, n *Entity) []FieldChange {
	var out []FieldChange
	scalar := func(f DiffField, a, b string) {
		if a != b {
			out = append(out, FieldChange{Field: f, Op: OpChanged, Old: a, New: b})
		}
	}
	// Each multi-valued field is compared as is first: most records of a
	// new version are unchanged, and the comparison then allocates nothing.
	values := func(f DiffField, a, b []string) {
		if !slices.Equal(a, b) {
			out = append(out, diffValues(f, stringValues(a), stringValues(b))...)
		}
	}
	scalar(FieldKind, string(o.Kind), string(n.Kind))
	if !slices.Equal(o.Names, n.Names) {
		out = append(out, diffValues(FieldName, nameValues(o.Names), nameValues(n.Names))...)
	}
	if !slices.Equal(o.Identifiers, n.Identifiers) {
		out = append(out, diffValues(FieldIdentifier, identifierValues(o.Identifiers), identifierValues(n.Identifiers))...)
	}
	values(FieldProgram, o.Programs, n.Programs)
	scalar(FieldListedOn, o.ListedOn, n.ListedOn)
	values(FieldDateOfBirth, o.DatesOfBirth, n.DatesOfBirth)
	values(FieldNationality, o.Nationalities, n.Nationalities)
	values(FieldCountry, o.Countries, n.Countries)
	values(FieldBirthPlace, o.BirthPlaces, n.BirthPlaces)
	values(FieldPosition, o.Positions, n.Positions)
	scalar(FieldGender, o.Gender, n.Gender)
	if !slices.Equal(o.Addresses, n.Addresses) {
		out = append(out, diffValues(FieldAddress, addressValues(o.Addresses), addressValues(n.Addresses))...)
	}
	scalar(FieldVessel, vesselText(o), vesselText(n))
	scalar(FieldRemarks, o.Remarks, n.Remarks)
	return out
}

// diffValue is one value of a multi-valued field: kind and key say which
// value it is, show how the list writes it. Two values with the same kind
// and key but different shows are one value respelt or with other
// particulars.
type diffValue struct{ kind, key, show string }

func stringValues(vs []string) []diffValue {
	out := make([]diffValue, len(vs))
	for i, v := range vs {
		out[i] = diffValue{key: v, show: v}
	}
	return out
}

// nameValues keys names as Fingerprint does, by kind and with runs of
// spaces folded, so that a name is added or removed exactly when the
// fingerprint sees it.
func nameValues(ns []Name) []diffValue {
	out := make([]diffValue, len(ns))
	for i, n := range ns {
		out[i] = diffValue{kind: string(n.Kind), key: strings.Join(strings.Fields(n.Value), " "), show: n.Value}
	}
	return out
}

// identifierValues keys identifiers by type and value, as Fingerprint does; the
// issuing country and note are particulars, which change without adding
// or removing the identifier.
func identifierValues(ids []Identifier) []diffValue {
	out := make([]diffValue, len(ids))
	for i, id := range ids {
		show := id.Value
		if extra := joinNonEmpty("; ", id.Country, id.Note); extra != "" {
			show += " [" + extra + "]"
		}
		out[i] = diffValue{kind: string(id.Type), key: id.Value, show: show}
	}
	return out
}

func addressValues(as []Address) []diffValue {
	out := make([]diffValue, len(as))
	for i, a := range as {
		s := joinNonEmpty(", ", a.Street, a.City, a.Region, a.PostalCode, a.Country)
		out[i] = diffValue{key: s, show: s}
	}
	return out
}

func vesselText(e *Entity) string {
	v := e.Vessel
	if v == nil {
		return ""
	}
	part := func(label, s string) string {
		if s == "" {
			return ""
		}
		return label + " " + s
	}
	return joinNonEmpty("; ", v.Type, part("flag", v.Flag), part("tonnage", v.Tonnage), part("gross tonnage", v.GrossTonnage), part("owner", v.Owner))
}

// diffValues compares two multisets of values of field f. Values are
// matched by kind and key; those left over on both sides under one key are
// changed in pairs, the rest removed or added. Changes come in order of
// key, then kind; within one key, changes, then removals, then additions.
func diffValues(f DiffField, old, new []diffValue) []FieldChange {
	type group struct {
		kind, key string
		old, new  []string
	}
	groups := make(map[[2]string]*group)
	var order []*group
	add := func(it diffValue, isNew bool) {
		k := [2]string{it.kind, it.key}
		g := groups[k]
		if g == nil {
			g = &group{kind: it.kind, key: it.key}
			groups[k] = g
			order = append(order, g)
		}
		if isNew {
			g.new = append(g.new, it.show)
		} else {
			g.old = append(g.old, it.show)
		}
	}
	for _, it := range old {
		add(it, false)
	}
	for _, it := range new {
		add(it, true)
	}
	slices.SortFunc(order, func(a, b *group) int {
		return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.kind, b.kind))
	})
	var out []FieldChange
	for _, g := range order {
		o, n := subtract(g.old, g.new), subtract(g.new, g.old)
		k := min(len(o), len(n))
		for i := range k {
			out = append(out, FieldChange{Field: f, Op: OpChanged, Kind: g.kind, Old: o[i], New: n[i]})
		}
		for _, v := range o[k:] {
			out = append(out, FieldChange{Field: f, Op: OpRemoved, Kind: g.kind, Old: v})
		}
		for _, v := range n[k:] {
			out = append(out, FieldChange{Field: f, Op: OpAdded, Kind: g.kind, New: v})
		}
	}
	return out
}

// subtract returns the values of a not matched by one of b, counting
// repeats, in sorted order.
func subtract(a, b []string) []string {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	var out []string
	j := 0
	for _, v := range a {
		for j < len(b) && b[j] < v {
			j++
		}
		if j < len(b) && b[j] == v {
			j++
			continue
		}
		out = append(out, v)
	}
	return out
}
