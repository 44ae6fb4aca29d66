package screen

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/luxscreen/luxscreen/party"
)

// TestLoad checks the entities and the version of small UN and OFAC files.
func TestLoad(t *testing.T) {
	tests := []struct {
		path    string
		version ListVersion // compared without its hash, whose length is checked
		want    []Entity
	}{
		{
			path:    "testdata/un_small.xml",
			version: ListVersion{ID: "un", Source: "UN", Format: FormatUNXML, Published: "2026-01-02T00:00:00Z", File: "testdata/un_small.xml", Entities: 2},
			want: []Entity{
				{
					ID: "UN:KPi.901", Source: "UN", Ref: "KPi.901", Kind: KindPerson,
					Names: []Name{
						{Value: "PAK TONG-GU", Kind: NamePrimary},
						{Value: "Pak Tong Gu", Kind: NameAKA},
						{Value: "Mr Pak", Kind: NameWeak},
						{Value: "박동구", Kind: NameOriginalScript},
					},
					Identifiers: []Identifier{
						{Type: IDPassport, Value: "123456789", Note: "Passport"},
						{Type: IDPassport, Value: "990000111", Country: "Democratic People's Republic of Korea", Note: "Passport Diplomatic; issued 2015-03-04; expired"},
					},
					Gender:        "male",
					Positions:     []string{"Director of Example Sea Shipping Company"},
					Countries:     []string{"Democratic People's Republic of Korea"},
					Nationalities: []string{"Democratic People's Republic of Korea"},
					BirthPlaces:   []string{"Nampo, South Phyongan Province, Democratic People's Republic of Korea"},
					Programs:      []string{"DPRK"},
					ListedOn:      "2020-01-01",
					DatesOfBirth:  []string{"1961-05-02"},
				},
				{
					ID: "UN:KPe.901", Source: "UN", Ref: "KPe.901", Kind: KindOrganisation,
					Names: []Name{
						{Value: "EXAMPLE SEA SHIPPING COMPANY", Kind: NamePrimary},
						{Value: "Example Sea Shpg Co Ltd", Kind: NameAKA},
						{Value: "Old Example Trading", Kind: NameFKA},
					},
					Identifiers: []Identifier{
						{Type: IDCompanyIMO, Value: "5342883"},
						{Type: IDShipIMO, Value: "7937317"},
						{Type: IDSWIFT, Value: "EXAMKPPY"},
					},
					Countries: []string{"Democratic People's Republic of Korea"},
					Addresses: []Address{{Street: "1 Harbour Road", City: "Nampo", Country: "Democratic People's Republic of Korea"}},
					Programs:  []string{"DPRK"},
					ListedOn:  "2021-02-03",
					Remarks:   "IMO Number: 5342883. Operates the vessel, IMO 7937317. SWIFT: EXAMKPPY.",
				},
			},
		},
		{
			path:    "testdata/ofac_small",
			version: ListVersion{ID: "ofac-sdn", Source: "OFAC", Format: FormatOFACCSV, File: "testdata/ofac_small", Entities: 3},
			want: []Entity{
				{
					ID: "OFAC:101", Source: "OFAC", Ref: "101", Kind: KindOrganisation,
					Names: []Name{
						{Value: "EXAMPLE OCEAN TRADING CO., LTD.", Kind: NamePrimary},
						{Value: "EXAMPLE OCEAN TRADING COMPANY LIMITED", Kind: NameAKA},
						{Value: "EOT", Kind: NameWeak},
					},
					Identifiers: []Identifier{{Type: IDCompanyIMO, Value: "5342883"}},
					Countries:   []string{"Korea, North"},
					Addresses:   []Address{{Street: "1 Harbour Road", City: "Nampo", Country: "Korea, North"}},
					Programs:    []string{"DPRK3"},
					Remarks:     "Identification Number IMO 5342883; a.k.a. 'EOT'.",
				},
				{
					ID: "OFAC:102", Source: "OFAC", Ref: "102", Kind: KindVessel,
					Names:       []Name{{Value: "SAMPLE STAR", Kind: NamePrimary}, {Value: "OLD STAR", Kind: NameFKA}},
					Identifiers: []Identifier{{Type: IDCallSign, Value: "HMAB1"}, {Type: IDShipIMO, Value: "7937317"}},
					Countries:   []string{"Korea, North"},
					Programs:    []string{"DPRK2", "NPWMD"},
					Vessel:      &party.Vessel{Type: "General Cargo", Flag: "Korea, North"},
					Remarks:     "Vessel Registration Identification IMO 7937317.",
				},
				{
					ID: "OFAC:103", Source: "OFAC", Ref: "103", Kind: KindPerson,
					Names:         []Name{{Value: "KIM, Example", Kind: NamePrimary}},
					Identifiers:   []Identifier{{Type: IDPassport, Value: "654321987", Country: "Korea, North", Note: "Passport; expires 01 Jan 2030"}},
					Gender:        "male",
					Positions:     []string{"Director of Example Ocean Trading"},
					Countries:     []string{"Korea, North"},
					Nationalities: []string{"Korea, North"},
					BirthPlaces:   []string{"Pyongyang, Korea, North"},
					Programs:      []string{"DPRK"},
					DatesOfBirth:  []string{"1944-10-13", "1945"},
					Remarks:       "DOB 13 Oct 1944; POB Pyongyang, Korea, North; nationality Korea, North; Gender Male; Passport 654321987 (Korea, North) expires 01 Jan 2030.; alt. DOB 1945.",
				},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			l := mustLoad(t, tt.path)
			if diff := cmp.Diff(tt.want, l.Entities, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("entities mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.version, l.Version, cmpopts.IgnoreFields(ListVersion{}, "SHA256")); diff != "" {
				t.Errorf("version mismatch (-want +got):\n%s", diff)
			}
			if len(l.Version.SHA256) != 64 {
				t.Errorf("version hash %q is not hex SHA-256", l.Version.SHA256)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, path string
		want       string
	}{
		{"unknown format", write("x.txt", "hello"), "unrecognised list format"},
		{"UN missing reference", write("un.xml", "<CONSOLIDATED_LIST>\n<ENTITIES>\n<ENTITY><FIRST_NAME>X</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>"), "line 3: ENTITY: REFERENCE_NUMBER: empty"},
		{"UN missing name", write("un2.xml", "<CONSOLIDATED_LIST><ENTITIES><ENTITY><REFERENCE_NUMBER>KPe.1</REFERENCE_NUMBER></ENTITY></ENTITIES></CONSOLIDATED_LIST>"), "KPe.1: FIRST_NAME: empty"},
		{"OFAC short row", write("o1/sdn.csv", "1,\"A\",-0- ,\"DPRK\"\n\x1a"), "sdn.csv:1: unrecognised list format: 4 fields, want 12"},
		{"OFAC orphan alias", write("o2/sdn.csv", "1,\"A\",-0- ,\"DPRK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n\x1a") + write("o2/alt.csv", "9,1,\"aka\",\"B\",-0- \n\x1a")[:0], "alt.csv:1: ent_num 9: not in sdn.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(context.Background(), tt.path)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load(%s) error = %v, want it to contain %q", tt.path, err, tt.want)
			}
			if !strings.Contains(err.Error(), filepath.Base(filepath.Dir(tt.path))) && !strings.Contains(err.Error(), filepath.Base(tt.path)) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
	if _, err := Load(context.Background(), write("x2.txt", "hello")); !errors.Is(err, ErrFormat) {
		t.Errorf("unknown format error %v is not ErrFormat", err)
	}
}

func TestLoadSharedCounts(t *testing.T) {
	ls := loadShared(t)
	kp := 0
	for _, e := range ls[0].Entities {
		if strings.HasPrefix(e.Ref, "KP") {
			kp++
		}
	}
	if got := len(ls[0].Entities); got != 1003 || kp != 155 {
		t.Errorf("UN: %d entities, %d KP; want 1003, 155", got, kp)
	}
	vessels := 0
	for _, e := range ls[1].Entities {
		for _, id := range e.Identifiers {
			if id.Type == IDShipIMO && e.Kind == KindVessel {
				vessels++
				break
			}
		}
	}
	if got := len(ls[1].Entities); got != 8976 || vessels < 400 {
		t.Errorf("OFAC: %d entities, %d vessels with a ship IMO; want 8976, ≥400", got, vessels)
	}
}
