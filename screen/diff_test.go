package screen

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/luxscreen/luxscreen/party"
)

// diffBase is a small authored UN list: a company with a vessel IMO in its
// remarks and a person with a passport.
func diffBase() List {
	return List{
		Version: ListVersion{ID: "un", Source: "UN", Format: FormatUNXML, Published: "2026-01-02", SHA256: "aa", Entities: 2},
		Entities: []Entity{
			{
				ID: "UN:KPe.901", Source: "UN", Ref: "KPe.901", Kind: KindOrganisation,
				Names: []Name{
					{Value: "EXAMPLE SEA SHIPPING COMPANY", Kind: NamePrimary},
					{Value: "Example Sea Shpg Co Ltd", Kind: NameAKA},
					{Value: "Old Example Trading", Kind: NameFKA},
				},
				Identifiers: []Identifier{{Type: IDCompanyIMO, Value: "5342883"}, {Type: IDSWIFT, Value: "EXAMKPPY"}},
				Countries:   []string{"Democratic People's Republic of Korea"},
				Addresses:   []Address{{Street: "1 Harbour Road", City: "Nampo", Country: "Democratic People's Republic of Korea"}},
				Programs:    []string{"DPRK"},
				ListedOn:    "2021-02-03",
				Remarks:     "IMO Number: 5342883. SWIFT: EXAMKPPY.",
			},
			{
				ID: "UN:KPi.901", Source: "UN", Ref: "KPi.901", Kind: KindPerson,
				Names: []Name{
					{Value: "PAK TONG-GU", Kind: NamePrimary},
					{Value: "Pak Tong Gu", Kind: NameAKA},
				},
				Identifiers:   []Identifier{{Type: IDPassport, Value: "123456789", Note: "Passport"}},
				Countries:     []string{"Democratic People's Republic of Korea"},
				Nationalities: []string{"Democratic People's Republic of Korea"},
				Programs:      []string{"DPRK"},
				ListedOn:      "2020-01-01",
				DatesOfBirth:  []string{"1961-05-02"},
				Gender:        "male",
			},
		},
	}
}

// edited returns a copy of l, sharing nothing with it, after f.
func edited(l List, f func(*List)) List {
	c := List{Version: l.Version}
	for _, e := range l.Entities {
		e.Names = slices.Clone(e.Names)
		e.Identifiers = slices.Clone(e.Identifiers)
		e.Countries = slices.Clone(e.Countries)
		e.Nationalities = slices.Clone(e.Nationalities)
		e.Addresses = slices.Clone(e.Addresses)
		e.Programs = slices.Clone(e.Programs)
		e.DatesOfBirth = slices.Clone(e.DatesOfBirth)
		c.Entities = append(c.Entities, e)
	}
	f(&c)
	c.Version.Entities = len(c.Entities)
	return c
}

// diffEntity returns the entity of l with the ID.
func diffEntity(l *List, id string) *Entity {
	for i := range l.Entities {
		if l.Entities[i].ID == id {
			return &l.Entities[i]
		}
	}
	panic("no entity " + id)
}

func TestDiff(t *testing.T) {
	const company, person = "UN:KPe.901", "UN:KPi.901"
	changed := func(id, name string, fp bool, fields ...FieldChange) EntityChange {
		return EntityChange{ID: id, Source: "UN", Name: name, FingerprintChanged: fp, Fields: fields}
	}
	tests := []struct {
		name         string
		edit         func(*List)
		added        []string
		removed      []string
		changed      []EntityChange
		wantAffected []string
	}{
		{name: "same", edit: func(*List) {}},
		{
			name: "aliases reordered",
			edit: func(l *List) {
				e := diffEntity(l, company)
				e.Names[1], e.Names[2] = e.Names[2], e.Names[1]
			},
		},
		{
			name: "added alias",
			edit: func(l *List) {
				e := diffEntity(l, company)
				e.Names = append(e.Names, Name{Value: "ESS Co", Kind: NameWeak})
			},
			changed:      []EntityChange{changed(company, "EXAMPLE SEA SHIPPING COMPANY", true, FieldChange{Field: FieldName, Op: OpAdded, Kind: "weak", New: "ESS Co"})},
			wantAffected: []string{company},
		},
		{
			name: "alias made former name",
			edit: func(l *List) { diffEntity(l, company).Names[1].Kind = NameFKA },
			changed: []EntityChange{changed(company, "EXAMPLE SEA SHIPPING COMPANY", true,
				FieldChange{Field: FieldName, Op: OpRemoved, Kind: "aka", Old: "Example Sea Shpg Co Ltd"},
				FieldChange{Field: FieldName, Op: OpAdded, Kind: "fka", New: "Example Sea Shpg Co Ltd"})},
			wantAffected: []string{company},
		},
		{
			name: "removed identifier",
			edit: func(l *List) {
				e := diffEntity(l, company)
				e.Identifiers = e.Identifiers[1:]
			},
			changed:      []EntityChange{changed(company, "EXAMPLE SEA SHIPPING COMPANY", true, FieldChange{Field: FieldIdentifier, Op: OpRemoved, Kind: "imo_company", Old: "5342883"})},
			wantAffected: []string{company},
		},
		{
			name: "re-designation",
			edit: func(l *List) {
				e := diffEntity(l, person)
				e.ListedOn = "2017-08-05"
				e.Programs = append(e.Programs, "DPRK3")
			},
			changed: []EntityChange{changed(person, "PAK TONG-GU", true,
				FieldChange{Field: FieldProgram, Op: OpAdded, New: "DPRK3"},
				FieldChange{Field: FieldListedOn, Op: OpChanged, Old: "2020-01-01", New: "2017-08-05"})},
			wantAffected: []string{person},
		},
		{
			name:    "removal",
			edit:    func(l *List) { l.Entities = l.Entities[:1] },
			removed: []string{person},
		},
		{
			name: "addition",
			edit: func(l *List) {
				l.Entities = append(l.Entities, Entity{ID: "UN:KPe.902", Source: "UN", Ref: "KPe.902", Kind: KindOrganisation,
					Names: []Name{{Value: "NEW EXAMPLE TRADING", Kind: NamePrimary}}, Programs: []string{"DPRK"}, ListedOn: "2026-03-01"})
			},
			added:        []string{"UN:KPe.902"},
			wantAffected: []string{"UN:KPe.902"},
		},
		{
			name: "remarks only",
			edit: func(l *List) { diffEntity(l, company).Remarks = "IMO: 5342883. SWIFT/BIC: EXAMKPPY." },
			changed: []EntityChange{changed(company, "EXAMPLE SEA SHIPPING COMPANY", false,
				FieldChange{Field: FieldRemarks, Op: OpChanged, Old: "IMO Number: 5342883. SWIFT: EXAMKPPY.", New: "IMO: 5342883. SWIFT/BIC: EXAMKPPY."})},
		},
		{
			name: "moved address",
			edit: func(l *List) {
				e := diffEntity(l, company)
				e.Addresses = []Address{{City: "Dalian", Country: "China"}}
				e.Countries = append(e.Countries, "China")
			},
			changed: []EntityChange{changed(company, "EXAMPLE SEA SHIPPING COMPANY", true,
				FieldChange{Field: FieldCountry, Op: OpAdded, New: "China"},
				FieldChange{Field: FieldAddress, Op: OpRemoved, Old: "1 Harbour Road, Nampo, Democratic People's Republic of Korea"},
				FieldChange{Field: FieldAddress, Op: OpAdded, New: "Dalian, China"})},
			// A new country can cost a cleared party its country mismatch.
			wantAffected: []string{company},
		},
		{
			name: "address moved within the country",
			edit: func(l *List) { diffEntity(l, company).Addresses[0].Street = "2 Harbour Road" },
			changed: []EntityChange{changed(company, "EXAMPLE SEA SHIPPING COMPANY", false,
				FieldChange{Field: FieldAddress, Op: OpRemoved, Old: "1 Harbour Road, Nampo, Democratic People's Republic of Korea"},
				FieldChange{Field: FieldAddress, Op: OpAdded, New: "2 Harbour Road, Nampo, Democratic People's Republic of Korea"})},
		},
		{
			name: "respelt name and identifier note",
			edit: func(l *List) {
				e := diffEntity(l, person)
				e.Names[1].Value = "Pak  Tong Gu"
				e.Identifiers[0].Note = "Passport; expired"
			},
			changed: []EntityChange{changed(person, "PAK TONG-GU", false,
				FieldChange{Field: FieldName, Op: OpChanged, Kind: "aka", Old: "Pak Tong Gu", New: "Pak  Tong Gu"},
				FieldChange{Field: FieldIdentifier, Op: OpChanged, Kind: "passport", Old: "123456789 [Passport]", New: "123456789 [Passport; expired]"})},
		},
		{
			name: "birth date given twice",
			edit: func(l *List) {
				e := diffEntity(l, person)
				e.DatesOfBirth = append(e.DatesOfBirth, "1961-05-02")
			},
			changed:      []EntityChange{changed(person, "PAK TONG-GU", true, FieldChange{Field: FieldDateOfBirth, Op: OpAdded, New: "1961-05-02"})},
			wantAffected: []string{person},
		},
		{
			name: "kind, vessel and gender",
			edit: func(l *List) {
				e := diffEntity(l, company)
				e.Kind = KindVessel
				e.Vessel = &party.Vessel{Type: "General Cargo", Flag: "DPRK"}
				diffEntity(l, person).Gender = ""
			},
			changed: []EntityChange{
				changed(company, "EXAMPLE SEA SHIPPING COMPANY", true,
					FieldChange{Field: FieldKind, Op: OpChanged, Old: "organisation", New: "vessel"},
					FieldChange{Field: FieldVessel, Op: OpChanged, New: "General Cargo; flag DPRK"}),
				changed(person, "PAK TONG-GU", false, FieldChange{Field: FieldGender, Op: OpChanged, Old: "male"}),
			},
			wantAffected: []string{company},
		},
	}
	opts := cmp.Options{
		cmpopts.EquateEmpty(),
		cmpopts.IgnoreFields(EntityChange{}, "OldFingerprint", "NewFingerprint"),
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := diffBase()
			new := edited(old, tt.edit)
			d := Diff([]List{old}, []List{new})
			ids := func(rs []EntityRef) []string {
				var out []string
				for _, r := range rs {
					out = append(out, r.ID)
				}
				return out
			}
			if diff := cmp.Diff(tt.added, ids(d.Added), opts); diff != "" {
				t.Errorf("Added (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.removed, ids(d.Removed), opts); diff != "" {
				t.Errorf("Removed (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.changed, d.Changed, opts); diff != "" {
				t.Errorf("Changed (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantAffected, d.Affected(), opts); diff != "" {
				t.Errorf("Affected (-want +got):\n%s", diff)
			}
			if want := len(tt.added)+len(tt.removed)+len(tt.changed) == 0; d.Empty() != want {
				t.Errorf("Empty() = %v, want %v", d.Empty(), want)
			}
			for _, c := range d.Changed {
				o, n := diffEntity(&old, c.ID), diffEntity(&new, c.ID)
				if c.OldFingerprint != o.Fingerprint() || c.NewFingerprint != n.Fingerprint() {
					t.Errorf("%s: fingerprints %s → %s, want %s → %s", c.ID, c.OldFingerprint, c.NewFingerprint, o.Fingerprint(), n.Fingerprint())
				}
			}
			// The diff reads its inputs only.
			if diff := cmp.Diff(diffBase(), old); diff != "" {
				t.Errorf("Diff changed the old list (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDiffVersions(t *testing.T) {
	un := diffBase()
	un2 := edited(un, func(l *List) { l.Version.SHA256, l.Version.Published = "bb", "2026-02-01" })
	ofac := List{Version: ListVersion{ID: "ofac-sdn", Source: "OFAC", SHA256: "cc", Entities: 1},
		Entities: []Entity{{ID: "OFAC:1", Source: "OFAC", Kind: KindVessel, Names: []Name{{Value: "CHONG CHON GANG", Kind: NamePrimary}}}}}
	noID := List{Version: ListVersion{Source: "Open Sanctions", SHA256: "dd"}}
	d := Diff([]List{ofac, un}, []List{un2, noID})
	want := []VersionPair{
		{ID: "ofac-sdn", Old: &ofac.Version},
		{ID: "open-sanctions", New: &noID.Version},
		{ID: "un", Old: &un.Version, New: &un2.Version},
	}
	if diff := cmp.Diff(want, d.Versions); diff != "" {
		t.Errorf("Versions (-want +got):\n%s", diff)
	}
	if len(d.Removed) != 1 || d.Removed[0] != (EntityRef{ID: "OFAC:1", Source: "OFAC", Kind: KindVessel, Name: "CHONG CHON GANG", Fingerprint: ofac.Entities[0].Fingerprint()}) {
		t.Errorf("Removed = %+v, want OFAC:1 alone", d.Removed)
	}
	if !slices.Equal(d.Affected(), []string{}) || len(d.Added) != 0 || len(d.Changed) != 0 {
		t.Errorf("diff = %+v, want only OFAC:1 removed", d)
	}
}

func TestDiffFieldChangeString(t *testing.T) {
	for _, tt := range []struct {
		c    FieldChange
		want string
	}{
		{FieldChange{Field: FieldName, Op: OpAdded, Kind: "aka", New: "KOMID"}, `+ alias "KOMID" (aka)`},
		{FieldChange{Field: FieldName, Op: OpRemoved, Kind: "primary", Old: "KOMID"}, `- name "KOMID" (primary)`},
		{FieldChange{Field: FieldIdentifier, Op: OpRemoved, Kind: "imo_ship", Old: "9312345"}, `- identifier imo_ship 9312345`},
		{FieldChange{Field: FieldListedOn, Op: OpChanged, Old: "2016-03-02", New: "2017-08-05"}, `~ listed_on 2016-03-02 → 2017-08-05`},
		{FieldChange{Field: FieldGender, Op: OpChanged, Old: "male"}, `~ gender male → (none)`},
		{FieldChange{Field: FieldCountry, Op: OpAdded, New: "China"}, `+ country "China"`},
		{FieldChange{Field: FieldRemarks, Op: OpChanged, Old: "short", New: strings.Repeat("x", 100)}, `~ remarks "short" → "` + strings.Repeat("x", 79) + `…"`},
	} {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.c, got, tt.want)
		}
	}
}

// unEdit is one edit of the UN consolidated XML, with the change the diff
// must find for it.
type unEdit struct {
	ref  string
	edit func(block string) string
}

// unBlock returns the bounds of the INDIVIDUAL or ENTITY element holding
// the reference number ref in the UN XML s.
func unBlock(tb testing.TB, s, ref string) (start, end int) {
	tb.Helper()
	i := strings.Index(s, "<REFERENCE_NUMBER>"+ref+"</REFERENCE_NUMBER>")
	if i < 0 {
		tb.Fatalf("no %s in the UN file", ref)
	}
	tag := "ENTITY"
	if strings.Contains(ref, "i.") {
		tag = "INDIVIDUAL"
	}
	start = strings.LastIndex(s[:i], "<"+tag+">")
	end = i + strings.Index(s[i:], "</"+tag+">") + len("</"+tag+">")
	return start, end
}

// editedUN writes into dir a copy of the real UN file with an alias added
// to KPe.001, KPi.003 removed, a made-up KPe.999 copied from KPe.002, and
// KPe.003 re-designated, and returns its path with the old file's.
func editedUN(tb testing.TB, dir string) (old, new string) {
	tb.Helper()
	old = filepath.Join(sharedDir(tb), "data/screening/un/UN_consolidated_2026-02-27.xml")
	b, err := os.ReadFile(old)
	if err != nil {
		tb.Fatal(err)
	}
	s := string(b)
	i, j := unBlock(tb, s, "KPe.001")
	block := strings.Replace(s[i:j], "<ENTITY_ALIAS>", "<ENTITY_ALIAS>\n        <QUALITY>a.k.a.</QUALITY>\n        <ALIAS_NAME>KOREA MINING TEST ALIAS</ALIAS_NAME>\n      </ENTITY_ALIAS>\n      <ENTITY_ALIAS>", 1)
	s = s[:i] + block + s[j:]
	i, j = unBlock(tb, s, "KPe.002")
	made := strings.Replace(s[i:j], "KPe.002", "KPe.999", 1)
	made = strings.Replace(made, "<FIRST_NAME>KOREA RYONBONG GENERAL CORPORATION</FIRST_NAME>", "<FIRST_NAME>MADE-UP EXAMPLE TRADING CORPORATION</FIRST_NAME>", 1)
	s = s[:j] + "\n    " + made + s[j:]
	i, j = unBlock(tb, s, "KPe.003")
	block = s[i:j]
	k := strings.Index(block, "<LISTED_ON>")
	block = block[:k] + "<LISTED_ON>2017-08-05</LISTED_ON>" + block[k+len("<LISTED_ON>2009-04-24</LISTED_ON>"):]
	s = s[:i] + block + s[j:]
	i, j = unBlock(tb, s, "KPi.003")
	s = s[:i] + s[j:]
	new = filepath.Join(dir, "UN_consolidated_edited.xml")
	if err := os.WriteFile(new, []byte(s), 0o644); err != nil {
		tb.Fatal(err)
	}
	return old, new
}

func TestDiffRealUN(t *testing.T) {
	oldPath, newPath := editedUN(t, t.TempDir())
	old, new := mustLoad(t, oldPath), mustLoad(t, newPath)
	if got := diffEntity(&old, "UN:KPe.003").ListedOn; got != "2009-04-24" {
		t.Fatalf("KPe.003 listed on %s in the real file, the test expects 2009-04-24", got)
	}
	d := Diff([]List{old}, []List{new})
	type summary struct {
		Added, Removed []string
		Changed        map[string][]string
	}
	got := summary{Changed: map[string][]string{}}
	for _, r := range d.Added {
		got.Added = append(got.Added, r.ID+" "+r.Name)
	}
	for _, r := range d.Removed {
		got.Removed = append(got.Removed, r.ID)
	}
	for _, c := range d.Changed {
		for _, f := range c.Fields {
			got.Changed[c.ID] = append(got.Changed[c.ID], f.String())
		}
	}
	want := summary{
		Added:   []string{"UN:KPe.999 MADE-UP EXAMPLE TRADING CORPORATION"},
		Removed: []string{"UN:KPi.003"},
		Changed: map[string][]string{
			"UN:KPe.001": {`+ alias "KOREA MINING TEST ALIAS" (aka)`},
			"UN:KPe.003": {"~ listed_on 2009-04-24 → 2017-08-05"},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diff of the edited UN file (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"UN:KPe.001", "UN:KPe.003", "UN:KPe.999"}, d.Affected()); diff != "" {
		t.Errorf("Affected (-want +got):\n%s", diff)
	}
	if len(d.Versions) != 1 || d.Versions[0].Old.SHA256 == d.Versions[0].New.SHA256 || d.Versions[0].New.Entities != old.Version.Entities {
		t.Errorf("Versions = %+v, want one UN pair with different hashes and as many entities", d.Versions)
	}
	if !Diff([]List{old}, []List{mustLoad(t, oldPath)}).Empty() {
		t.Error("the UN file against itself is not an empty diff")
	}
}

// BenchmarkDiffUNOFAC diffs the real UN and OFAC lists against a second
// load of the same files, the case of a daily fetch that changed little:
// every entity is compared, few differ.
func BenchmarkDiffUNOFAC(b *testing.B) {
	old := loadShared(b)
	var new []List
	for _, l := range old {
		new = append(new, mustLoad(b, l.Version.File))
	}
	// A few changes, so that the diff is not empty.
	new[0] = edited(new[0], func(l *List) {
		l.Entities[1].Remarks += " Updated."
		l.Entities = l.Entities[1:]
	})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if d := Diff(old, new); d.Empty() {
			b.Fatal("empty diff")
		}
	}
}
