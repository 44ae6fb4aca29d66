package screeneval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/luxscreen/luxscreen/screen"
)

// fixtureShared lays out a shared directory in a temporary directory with
// the screen package's invented UN and OFAC fixtures and tiny evaluation
// files, so that the whole harness runs without the real data.
func fixtureShared(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	put := func(name, content string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "testdata", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	put(UNFile, read("un_small.xml"))
	for _, f := range []string{"sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"} {
		put(OFACDir+"/"+f, read("ofac_small/"+f))
	}
	put(DPRKPairsFile, "source,refs,schema,name1,name2,is_match,category,notes\n"+
		"UN,KPe.901,Organization,EXAMPLE SEA SHIPPING COMPANY,Example Sea Shpg Co Ltd,true,same_record_aka,\n"+
		"UN,KPe.901|KPi.901,Organization,EXAMPLE SEA SHIPPING COMPANY,PAK TONG-GU,false,distinct,\n")
	put(BenchFile, "case_group,schema,name1,name2,is_match,quality,category,notes\n"+
		"g,Person,Olaf Scholze,Olaf Scholz,true,STRONG,,\n"+
		"g,Vessel,Zu Zag Bong 6,Zu Zag Bong 5,true,STRONG,,\n"+
		"g,Person,Anna Schmidt,Boris Petrov,false,STRONG,,\n")
	put(NegativesFile, "full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality\n"+
		"Patricia Wheeler,Patricia,,Wheeler,female,2002-07-14,Dar es Salaam,Ethiopia\n"+
		"حسین موسوی,حسین,,موسوی,male,1945-04-29,Herat,Iraq\n")
	put(WatchmanScriptFile, "# comment\nИван Иванов,Ivan Ivanov,0.95,Common Russian name\n박동구,Pak Tong Gu,0.5,listed\n")
	return dir
}

// fixtureSets are authored sets that refer to the fixture lists.
func fixtureSets() fstest.MapFS {
	return fstest.MapFS{
		HarnessFile:     {Data: []byte("legal_forms: [co, company, ltd, limited]\nnamesake_countries: [Norway, Chile]\n")},
		CrossScriptFile: {Data: []byte("query,script,targets,kind,note\n박동구,Hangul,UN:KPi.901,person,original script\n")},
		CompaniesFile: {Data: []byte("name,country,note\nSiam Rice Exporters,Thailand,rice\n" +
			"Blue Ocean Shipping Company,Singapore,words\nKorea Electric Power,South Korea,utility\n")},
		OrdinaryDir + "/xx.yaml": {Data: []byte("country: Exampleland\nscript: Latin\nsource: test\n" +
			"formats: ['{given} {family}']\nparts:\n  given_male: [Adam, Bert, Carl]\n  given_female: [Dora, Emma]\n" +
			"  family: [Lund, Berg, Holm, Dahl]\n")},
	}
}

// TestHarnessOnFixtures runs every set on the fixtures and checks that
// each ran whole and adds up, and that the generated sets have the sizes
// their generators say.
func TestHarnessOnFixtures(t *testing.T) {
	shared := fixtureShared(t)
	rep, err := RunOptions(context.Background(), shared, Options{Sets: fixtureSets(), Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	rep.Print(&buf)
	t.Log("\n" + buf.String())
	checkSums(t, rep)

	un, err := screen.Load(context.Background(), filepath.Join(shared, UNFile))
	if err != nil {
		t.Fatal(err)
	}
	typos := 0
	for _, e := range un.Entities {
		for _, n := range e.Names {
			if n.Kind != screen.NameOriginalScript {
				typos += len(Typos(n.Value))
			}
		}
	}
	got := map[string]int{}
	for _, s := range rep.Sets {
		got[s.Name] = s.Total.N
	}
	want := map[string]int{
		"Typos":                            typos,
		"Numerals":                         0,
		"Same name, different person":      2, // KPi.901 and OFAC 103: a birth year and a country each
		"Same name, same person (control)": 2,
		"Innocent companies":               6, // three, by name and with country
		"Cross-script":                     3, // one authored, two watchman
		// Five given names (three male, two female) × four family names:
		// 20 distinct names, fewer than asked for, so all are drawn.
		"Ordinary names, with nationality and birth date": 20,
		"Ordinary names, name only":                       20,
		"yente synthetic negatives":                       2,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("set sizes (-want +got):\n%s", diff)
	}
	if rep.Bench == nil || rep.Bench.N != 3 || rep.Bench.Relabelled != 1 {
		t.Errorf("bench = %+v, want 3 pairs, 1 relabelled", rep.Bench)
	}
	if rep.Self == nil || rep.Self.Names == 0 {
		t.Errorf("self-screen = %+v, want names", rep.Self)
	}
}

func TestOnly(t *testing.T) {
	shared := fixtureShared(t)
	rep, err := RunOptions(context.Background(), shared, Options{Sets: fixtureSets(), Only: []string{SetTypos}, Sample: 7})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Sets) != 1 || rep.Sets[0].Name != "Typos" || rep.DPRK != nil || rep.Bench != nil || rep.Self != nil {
		t.Errorf("--sets typos ran more: %d sets, pairs %v, bench %v, self %v", len(rep.Sets), rep.DPRK != nil, rep.Bench != nil, rep.Self != nil)
	}
	if _, err := RunOptions(context.Background(), shared, Options{Only: []string{"nosuch"}}); err == nil || !strings.Contains(err.Error(), "unknown set") {
		t.Errorf("unknown set: err %v", err)
	}
}

// TestSetErrors checks that an authored set that is not what it claims is
// refused: an "innocent" company that is listed, a cross-script target
// that is not loaded.
func TestSetErrors(t *testing.T) {
	shared := fixtureShared(t)
	tests := []struct {
		name, file, content, want string
		only                      string
	}{
		{"listed company", CompaniesFile, "name,country,note\nExample Sea Shipping Company,,x\n", "is listed (UN:KPe.901)", SetCompanies},
		{"listed but for the legal form", CompaniesFile, "name,country,note\nExample Sea Shipping Ltd,,x\n", "is listed (UN:KPe.901)", SetCompanies},
		{"company twice", CompaniesFile, "name,country,note\nAcme Rice,,x\nACME RICE,,y\n", "in the set twice", SetCompanies},
		{"unknown target", CrossScriptFile, "query,script,targets,kind,note\n金正恩,Han,OFAC:20157,person,x\n", "not on the loaded lists", SetCrossScript},
		{"bad kind", CrossScriptFile, "query,script,targets,kind,note\n금,Hangul,UN:KPi.901,planet,x\n", `kind "planet"`, SetCrossScript},
		{"missing part", OrdinaryDir + "/xx.yaml", "country: X\nscript: Latin\nformats: ['{given} {nick}']\nparts: {given: [A]}\n", "no nick part", SetOrdinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sets := fixtureSets()
			sets[tt.file] = &fstest.MapFile{Data: []byte(tt.content)}
			_, err := RunOptions(context.Background(), shared, Options{Sets: sets, Only: []string{tt.only}})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestTargets(t *testing.T) {
	c := newCorpus([]string{"co", "ltd"})
	lists := []screen.List{
		{Entities: []screen.Entity{
			{ID: "UN:KPi.1", Source: "UN", Kind: screen.KindPerson, Names: []screen.Name{{Value: "KIM YONG CHOL"}}, DatesOfBirth: []string{"1962-02-18"}},
			{ID: "UN:KPe.1", Source: "UN", Kind: screen.KindOrganisation, Names: []screen.Name{{Value: "KORYO BANK"}}},
			{ID: "UN:KPe.2", Source: "UN", Kind: screen.KindOrganisation, Names: []screen.Name{{Value: "KOREA SAMJONG SHIPPING"}}},
			{ID: "UN:KPe.3", Source: "UN", Kind: screen.KindOrganisation, Names: []screen.Name{{Value: "OFFICE 39"}}},
		}},
		{Entities: []screen.Entity{
			{ID: "OFAC:1", Source: "OFAC", Kind: screen.KindPerson, Names: []screen.Name{{Value: "KIM, Yong Chol"}}, DatesOfBirth: []string{"18 Feb 1962"}},
			{ID: "OFAC:2", Source: "OFAC", Kind: screen.KindPerson, Names: []screen.Name{{Value: "KIM, Yong Chol"}}, DatesOfBirth: []string{"1970"}},
			{ID: "OFAC:3", Source: "OFAC", Kind: screen.KindPerson, Names: []screen.Name{{Value: "Koryo Bank"}}},
			{ID: "OFAC:4", Source: "OFAC", Kind: screen.KindOrganisation, Names: []screen.Name{{Value: "Koryo Bank"}}},
			{ID: "OFAC:5", Source: "OFAC", Kind: screen.KindOrganisation, Names: []screen.Name{{Value: "KOREA SAMJONG SHIPPING CO."}}},
			{ID: "OFAC:6", Source: "OFAC", Kind: screen.KindOrganisation, Names: []screen.Name{{Value: "KOREA SAMJONG TRADING CO."}}},
			{ID: "OFAC:7", Source: "OFAC", Kind: screen.KindOrganisation, Names: []screen.Name{{Value: "OFFICE CO"}}},
		}},
	}
	for i := range lists {
		c.index(&lists[i])
	}
	if diff := cmp.Diff([]string{"UN:KPi.1", "OFAC:1"}, c.targets(c.byID["UN:KPi.1"])); diff != "" {
		t.Errorf("person targets (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"UN:KPe.1", "OFAC:4"}, c.targets(c.byID["UN:KPe.1"])); diff != "" {
		t.Errorf("organisation targets (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"UN:KPe.2", "OFAC:5"}, c.targets(c.byID["UN:KPe.2"])); diff != "" {
		t.Errorf("targets across a legal form (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"UN:KPe.3"}, c.targets(c.byID["UN:KPe.3"])); diff != "" {
		t.Errorf("targets of a short name (-want +got):\n%s", diff)
	}
}

func TestHarnessFile(t *testing.T) {
	for name, content := range map[string]string{
		"unknown field":  "legal_forms: [co]\nnamesake_countries: [Chile]\nextra: 1\n",
		"no countries":   "legal_forms: [co]\n",
		"not a sequence": "legal_forms: co\nnamesake_countries: [Chile]\n",
	} {
		if _, err := readHarness(fstest.MapFS{HarnessFile: {Data: []byte(content)}}); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	hc, err := readHarness(SetsFS())
	if err != nil || len(hc.LegalForms) == 0 || len(hc.NamesakeCountries) == 0 {
		t.Errorf("embedded harness.yaml: %+v, %v", hc, err)
	}
}
