package rules

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/testenv"
)

// TestDPRKPortSets checks the computed port sets of the default rules on
// the places of the documented cases and on ordinary ports that must not
// be near the DPRK.
func TestDPRKPortSets(t *testing.T) {
	rs, err := DefaultRuleSet()
	if err != nil {
		t.Fatal(err)
	}
	in := func(set, code string) bool {
		s, ok := rs.Set(set)
		if !ok {
			t.Fatalf("no set %s", set)
		}
		return slices.Contains(s.Members, code)
	}
	tests := []struct {
		code, place                     string
		transshipment, feeder, vicinity bool
	}{
		// Documented transshipment points.
		{"CNDDG", "Dandong (port)", true, false, true},
		{"CNDDZ", "Dandong (border crossing)", true, false, true},
		{"CNDAL", "Dalian", true, false, false},
		{"CNDLC", "Dalian (the code the routes use)", true, false, false},
		{"RUNJK", "Nakhodka", true, false, false},
		{"RUVVO", "Vladivostok", true, false, true},
		{"RUVYP", "Vostochnyy", true, false, false},
		{"RUZAR", "Zarubino", true, false, true},
		{"RUKHS", "Khasan (rail crossing)", true, false, true},
		{"CNHCG", "Hunchun (road and rail crossing)", true, false, true},
		// Earlier legs of the documented routes.
		{"KRPUS", "Busan", false, true, false},
		{"KRKPO", "Pohang", false, true, false},
		{"JPOSA", "Osaka", false, true, false},
		{"JPKIJ", "Niigata", false, true, false},
		{"KRINC", "Incheon", false, true, false},
		{"KRPTK", "Pyeongtaek", false, true, false},
		// Ordinary ports.
		{"CNSGH", "Shanghai", false, false, false},
		{"CNQIN", "Qingdao", false, false, false},
		{"CNTXG", "Tianjin Xingang", false, false, false},
		{"CNLKU", "Longkou", false, false, false},
		{"CNWEI", "Weihai", false, false, false},
		{"JPYOK", "Yokohama", false, false, false},
		{"JPTYO", "Tokyo", false, false, false},
		{"JPNGO", "Nagoya", false, false, false},
		{"TWKHH", "Kaohsiung", false, false, false},
		{"HKHKG", "Hong Kong", false, false, false},
		{"SGSIN", "Singapore", false, false, false},
		{"DEHAM", "Hamburg", false, false, false},
		{"NLRTM", "Rotterdam", false, false, false},
		{"GBFXT", "Felixstowe", false, false, false},
		{"RUVNN", "Vanino", false, false, false},
		// Misplaced entries left out.
		{"USGBV", "Garberville, California", false, false, false},
		{"CNYUE", "Yueqing, Zhejiang", false, false, false},
		// The DPRK itself is the destination, not a port near it, but a
		// stop there is in its vicinity.
		{"KPNAM", "Nampo", false, false, true},
		{"KPCCD", "Tanyang (misfiled under KP)", false, false, true},
	}
	for _, tt := range tests {
		got := [3]bool{in("dprk-transshipment-ports", tt.code), in("dprk-feeder-ports", tt.code), in("dprk-vicinity", tt.code)}
		want := [3]bool{tt.transshipment, tt.feeder, tt.vicinity}
		if got != want {
			t.Errorf("%s %s: transshipment, feeder, vicinity = %v, want %v", tt.code, tt.place, got, want)
		}
	}
}

// TestDPRKPortSetCountries guards the computed sets against misplaced
// UN/LOCODE entries: every member lies in a country within reach of the
// DPRK. A new release of the code list that places a far town near the
// DPRK fails here, to be excluded by name in rules.yaml.
func TestDPRKPortSetCountries(t *testing.T) {
	rs, err := DefaultRuleSet()
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string][]string{
		"dprk-transshipment-ports": {"CN", "RU"},
		"dprk-feeder-ports":        {"KR", "JP"},
		"dprk-vicinity":            {"CN", "RU", "KP"},
	}
	for id, countries := range allowed {
		s, ok := rs.Set(id)
		if !ok {
			t.Fatalf("no set %s", id)
		}
		for _, m := range s.Members {
			if !slices.Contains(countries, m[:2]) {
				t.Errorf("%s holds %s", id, m)
			}
		}
	}
}

// TestRouteStopsByName checks that route stops named as bills of lading
// name them resolve, and that a name or code nothing resolves is an
// unknown port.
func TestRouteStopsByName(t *testing.T) {
	ref, err := DefaultReference()
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		Label, Country string
		Known          bool
	}
	tests := []struct {
		stop Stop
		want result
	}{
		{Stop{Name: "Felixstowe"}, result{"GBFXT Felixstowe (GB)", "GB", true}},
		{Stop{Name: "Longkou"}, result{"CNLKU Longkou Pt (CN)", "CN", true}},
		{Stop{Name: "Zarubino"}, result{"RUZAR Zarubino (RU)", "RU", true}},
		{Stop{Name: "Port of Dalian"}, result{"CNDAL Dalian (CN)", "CN", true}},
		{Stop{Name: "Dairen"}, result{"CNDAL Dalian (CN)", "CN", true}},
		{Stop{Name: "Находка"}, result{"RUNJK Nakhodka (RU)", "RU", true}},
		{Stop{Name: "Rotterdam"}, result{"NLRTM Rotterdam (NL)", "NL", true}},
		{Stop{Name: "Xingang"}, result{"CNTXG Tianjin Xingang Pt (CN)", "CN", true}},
		{Stop{LOCODE: "GBFXT"}, result{"GBFXT Felixstowe (GB)", "GB", true}},
		{Stop{Name: "Victoria", Country: "SC"}, result{"SCVIC Victoria (SC)", "SC", true}},
		{Stop{Country: "KP"}, result{"a port in KP", "KP", true}},
		// Unknown: nothing resolves, several places, a wrong country.
		{Stop{Name: "Lost City of Atlantis"}, result{"Lost City of Atlantis", "", false}},
		{Stop{Name: "Victoria"}, result{"Victoria", "", false}},
		{Stop{Name: "Newlands"}, result{"Newlands", "", false}},
		{Stop{Name: "Newlands", Country: "ZA"}, result{"Newlands", "ZA", false}},
		{Stop{Name: "Genoa"}, result{"ITGOA Genova (IT)", "IT", true}},
		{Stop{Name: "Yingkou"}, result{"CNYIK Yinkou (CN)", "CN", true}},
		// A port elsewhere whose name is that of a place in or near the
		// DPRK.
		{Stop{Name: "Panjang"}, result{"Panjang", "", false}},
		{Stop{Name: "Anping"}, result{"Anping", "", false}},
		{Stop{Name: "Panjang", Country: "ID"}, result{"IDPNJ Panjang (ID)", "ID", true}},
		{Stop{Name: "Panjang", Country: "KP"}, result{"KPPNG Panjang (KP)", "KP", true}},
		{Stop{Name: "Hamburg"}, result{"DEHAM Hamburg (DE)", "DE", true}},
		// A code and a name: one place, or the stop is unknown.
		{Stop{LOCODE: "CNDLC", Name: "Dalian"}, result{"CNDLC Dalian Zhoushuizi International Apt (CN)", "CN", true}},
		{Stop{LOCODE: "CNDDG", Name: "Dandong Container Terminal"}, result{"CNDDG Dandong (CN)", "CN", true}},
		{Stop{LOCODE: "CNSGH", Name: "Dandong"}, result{"CNSGH Dandong", "CN", false}},
		{Stop{LOCODE: "KRPUS", Name: "Nakhodka"}, result{"KRPUS Nakhodka", "KR", false}},
		// A name that ends in its country.
		{Stop{Name: "Dalian, China"}, result{"CNDAL Dalian (CN)", "CN", true}},
		{Stop{Name: "Nampo, North Korea"}, result{"KPNAM Nampo (KP)", "KP", true}},
		{Stop{Name: "Panjang (ID)"}, result{"IDPNJ Panjang (ID)", "ID", true}},
		{Stop{Name: "Victoria, Seychelles"}, result{"SCVIC Victoria (SC)", "SC", true}},
		{Stop{Name: "Nagoya, Aichi"}, result{"JPNGO Nagoya, Aichi (JP)", "JP", true}},
		{Stop{Name: "Dalian, Japan"}, result{"Dalian, Japan", "", false}},
		{Stop{Name: "Dalian, China", Country: "JP"}, result{"Dalian, China", "JP", false}},
		{Stop{Name: "Busan, Korea"}, result{"Busan, Korea", "", false}},
		// A name in capitals where a LOCODE is expected.
		{Stop{LOCODE: "DUBAI"}, result{"AEDXB Dubai (AE)", "AE", true}},
		{Stop{LOCODE: "BUSAN"}, result{"KRPUS Busan (KR)", "KR", true}},
		{Stop{LOCODE: "CNQQQ"}, result{"CNQQQ", "CN", false}},
		{Stop{LOCODE: "GBFXT", Country: "CN"}, result{"GBFXT Felixstowe (GB)", "GB", false}},
	}
	for _, tt := range tests {
		r := ref.Ports.resolve(tt.stop)
		got := result{r.label(), r.country, r.known}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("resolve(%+v) (-want +got):\n%s", tt.stop, diff)
		}
		if !r.known && r.why == "" {
			t.Errorf("resolve(%+v): unknown without a reason", tt.stop)
		}
	}
}

// TestRouteByNameDecides checks that shipments routed by port names
// outside the old hand list are judged by their route, not sent to
// review as unknown ports.
func TestRouteByNameDecides(t *testing.T) {
	e := testEngine(t, newFakeScreener(nil))
	base := exampleShipment(t, "maybach-2018.json")
	tests := []struct {
		name  string
		route []Stop
		want  []string
	}{
		{"through Zarubino", []Stop{{Name: "Felixstowe"}, {Name: "Busan"}, {Name: "Zarubino"}},
			[]string{"review dprk-transshipment-route", "review controlled-goods-to-shell", "review evasion-flag-controlled-goods"}},
		{"Felixstowe to Longkou", []Stop{{Name: "Felixstowe"}, {Name: "Longkou"}},
			[]string{"review controlled-goods-to-shell"}},
		{"an ambiguous name", []Stop{{Name: "Felixstowe"}, {Name: "Victoria"}},
			[]string{"review controlled-goods-to-shell", "review unknown-port", "review missing-facts"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := *base
			s.Route, s.Destination = tt.route, ""
			d := mustCheck(t, e, &s)
			if diff := cmp.Diff(tt.want, ruleIDs(d)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRouteByNameDecidesAsByCode judges labelled evaluation shipments
// twice: with their route as written, and with each stop's LOCODE replaced
// by the UN/LOCODE name of the place, without a country, as a bill of
// lading that names its ports gives them (with the country only where
// ports of several countries share the name). Both must decide alike.
func TestRouteByNameDecidesAsByCode(t *testing.T) {
	e := testEngine(t, newFakeScreener(nil))
	ref, err := DefaultReference()
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"testdata/eval/shipments.jsonl", "testdata/eval/trade.jsonl"} {
		t.Run(file, func(t *testing.T) { routeByName(t, e, ref, file) })
	}
}

func routeByName(t *testing.T, e *Engine, ref *Reference, file string) {
	sc := bufio.NewScanner(bytes.NewReader(testenv.ReadFile(t, file)))
	sc.Buffer(nil, 1<<20)
	renamed, withCountry := 0, 0
	for line := 1; sc.Scan(); line++ {
		var rec struct {
			Shipment json.RawMessage `json:"shipment"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil || rec.Shipment == nil {
			continue
		}
		s, err := Decode(fmt.Sprintf("%s:%d", file, line), rec.Shipment)
		if err != nil {
			continue // the set holds invalid shipments on purpose
		}
		byName := *s
		byName.Route = slices.Clone(s.Route)
		for i, st := range byName.Route {
			if p, ok := ref.Ports.Port(st.LOCODE); ok {
				byName.Route[i] = Stop{Name: p.Name}
				renamed++
				// A name several ports share (Cartagena, Colombia and
				// Spain) needs its country, as a bill of lading gives it;
				// such a stop is tested with it.
				if !ref.Ports.resolve(byName.Route[i]).known {
					byName.Route[i].Country = p.Country
					withCountry++
				}
			}
		}
		want, got := mustCheck(t, e, s), mustCheck(t, e, &byName)
		if want.Verdict != got.Verdict || !slices.Equal(ruleIDs(want), ruleIDs(got)) {
			t.Errorf("%s: by code %s %v, by name %s %v", s.ID, want.Verdict, ruleIDs(want), got.Verdict, ruleIDs(got))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if renamed < 50 {
		t.Errorf("only %d stops given by name: the set has too few LOCODEs to test", renamed)
	}
	t.Logf("%d stops given by name, %d of them with the country", renamed, withCountry)
}

// FuzzParseGazetteer feeds arbitrary YAML to the ports file parser: it
// must return a gazetteer or a LoadError, never panic, and a gazetteer
// must resolve each of its aliases.
func FuzzParseGazetteer(f *testing.F) {
	f.Add([]byte("guard: {of: KP, within_km: 240, except: [KPCCD]}\naliases:\n  - locode: NLRTM\n    names: [Rotterdam]\n    note: n\n"))
	f.Add([]byte("aliases:\n  - locode: xxyyy\n    names: ['', '...', Находка]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ParseGazetteer("fuzz.yaml", data)
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error %v is not a LoadError", err)
			}
			return
		}
		g.resolve(Stop{Name: "Panjang"})
	})
}

// TestRulesSchemaSets checks that rules.schema.json names exactly the keys
// the parser reads in a set and in its near query.
func TestRulesSchemaSets(t *testing.T) {
	var schema struct {
		Properties struct {
			Sets struct {
				AdditionalProperties struct {
					Properties map[string]struct {
						Properties map[string]any `json:"properties"`
					} `json:"properties"`
				} `json:"additionalProperties"`
			} `json:"sets"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(testenv.ReadFile(t, "rules.schema.json"), &schema); err != nil {
		t.Fatal(err)
	}
	set := schema.Properties.Sets.AdditionalProperties.Properties
	keys := func(m map[string]any) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	var setKeys []string
	for k := range set {
		setKeys = append(setKeys, k)
	}
	slices.Sort(setKeys)
	for _, c := range []struct {
		name         string
		schema, want []string
	}{
		{"set", setKeys, setFields()},
		{"near", keys(set["near"].Properties), nearFields()},
	} {
		want := slices.Sorted(slices.Values(c.want))
		if diff := cmp.Diff(want, c.schema); diff != "" {
			t.Errorf("%s: keys (-parser +schema):\n%s", c.name, diff)
		}
	}
}

// TestParseGazetteerProblems checks that each problem of a ports file is
// reported with its place.
func TestParseGazetteerProblems(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ports:\n  - locode: NLRTM\n", `p.yaml:1:1: ports: unknown field`},
		{"aliases:\n  - locode: ZZZZZ\n    names: [Atlantis]\n", `p.yaml:2:13: aliases[0].locode: invalid value: "ZZZZZ" is not in UN/LOCODE`},
		{"aliases:\n  - locode: NLRTM\n", `p.yaml:2:5: aliases[0].names: required field missing: an alias needs names`},
		{"aliases:\n  - locode: NLRTM\n    names: ['--']\n", `p.yaml:3:12: aliases[0].names[0]: invalid value: "--" has no letters or digits`},
		{"aliases:\n  - locode: NLRTM\n    names: [X]\n  - locode: BEANR\n    names: [x]\n", `p.yaml:5:12: aliases[1].names[0]: invalid value: "x" is also an alias of NLRTM`},
		{"guard: {of: XX, within_km: 10}\n", `p.yaml:1:13: guard.of: invalid value: "XX" is not a country code`},
		{"guard: {of: NF, within_km: 10}\n", `p.yaml:1:13: guard.of: invalid value: UN/LOCODE has no place with coordinates in NF`},
		{"guard: {of: KP}\n", `p.yaml:1:8: guard.within_km: required field missing`},
		{"guard: {of: KP, within_km: -1}\n", `p.yaml:1:28: guard.within_km: invalid value`},
		{"guard: {of: KP, within_km: 5, except: [KPZZZ]}\n", `guard.except[0]: invalid value: "KPZZZ" is not in UN/LOCODE`},
	}
	for _, tt := range tests {
		_, err := ParseGazetteer("p.yaml", []byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseGazetteer(%q) = %v, want %q", tt.in, err, tt.want)
		}
	}
}

// TestSetMembersExist checks that a set's members are assigned country
// codes or LOCODEs of UN/LOCODE, not only codes of the right shape.
func TestSetMembersExist(t *testing.T) {
	tests := []struct{ in, want string }{
		{"sets:\n  p: {kind: port, members: [CNQQQ], source: s}\n", `sets.p.members[0]: invalid value: "CNQQQ" is not a port code`},
		{"sets:\n  c: {kind: country, members: [KO], source: s}\n", `sets.c.members[0]: invalid value: "KO" is not a country code`},
		{"sets:\n  n: {kind: port, near: {of: KP, within_km: 10, except: [KPQQQ]}, source: s}\n", `sets.n.near.except[0]: invalid value: "KPQQQ" is not a port code`},
		{"sets:\n  n: {kind: port, near: {of: KO, within_km: 10}, source: s}\n", `sets.n.near.of: invalid value: "KO" is not a country code`},
		{"sets:\n  n: {kind: port, near: {of: KP, within_km: 10}, exclude: [CNQQQ], source: s}\n", `sets.n.exclude[0]: invalid value: "CNQQQ" is not a port code`},
	}
	for _, tt := range tests {
		_, err := ParseRuleSet("t.yaml", []byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseRuleSet(%q) = %v, want %q", tt.in, err, tt.want)
		}
	}
}
