package main

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/internal/batch"
	"github.com/luxscreen/luxscreen/rules"
)

// TestCheckCSVSameAsJSON checks that shipments read from the
// bill-of-lading CSV are judged as the same shipments in JSON.
func TestCheckCSVSameAsJSON(t *testing.T) {
	type decision struct {
		ID       string          `json:"id"`
		Verdict  string          `json:"verdict"`
		Findings json.RawMessage `json:"findings"`
	}
	decode := func(out string) map[string]decision {
		m := map[string]decision{}
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var d decision
			if err := json.Unmarshal([]byte(l), &d); err != nil {
				t.Fatal(err)
			}
			m[d.ID] = d
		}
		return m
	}
	code, out, stderr := runCLI(t, "", "check", "--input", "testdata/bl.csv", "--format", "jsonl")
	if code != exitOK {
		t.Fatalf("csv: exit %d: %s", code, stderr)
	}
	fromCSV := decode(out)
	code, out, stderr = runCLI(t, sixShipments(t), "check", "--input", "-", "--format", "jsonl")
	if code != exitOK {
		t.Fatalf("json: exit %d: %s", code, stderr)
	}
	fromJSON := decode(out)
	// The CSV has no party kinds and no shipper country, so the rice
	// shipment is compared by verdict only.
	for _, id := range []string{"laptops-2012-jp", "horses-2019-eu", "rice-humanitarian"} {
		c, j := fromCSV[id], fromJSON[id]
		if c.Verdict == "" || c.Verdict != j.Verdict {
			t.Errorf("%s: verdict %q from CSV, %q from JSON", id, c.Verdict, j.Verdict)
		}
		if id == "rice-humanitarian" {
			continue
		}
		if diff := cmp.Diff(string(j.Findings), string(c.Findings)); diff != "" {
			t.Errorf("%s: findings (-json +csv):\n%s", id, diff)
		}
	}
}

// readShipments reads every shipment of a CSV, returning the IDs read and
// the errors, one string each.
func readShipments(t *testing.T, in string) (ids, errs []string) {
	t.Helper()
	c, err := newShipmentCSV(strings.NewReader(in), "bl.csv")
	if err != nil {
		return nil, []string{err.Error()}
	}
	for {
		rec, err := c.next()
		if err == io.EOF {
			return ids, errs
		}
		var re *batch.RecordError
		if err != nil && !errors.As(err, &re) {
			return ids, append(errs, "fatal: "+err.Error())
		}
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		ids = append(ids, rec.s.ID)
	}
}

const blHeader = "id,date,exporter,exporter_country,route,destination,description,hs_code,quantity,unit,value,currency\n"

func TestShipmentCSV(t *testing.T) {
	tests := []struct {
		name, in  string
		ids, errs []string
	}{
		{
			name: "grouped",
			in: blHeader +
				"a,2024-01-02,Acme,DE,DEHAM > CNDLC,CN,watches,9101.21,1,item,100,EUR\n" +
				"a,,,,,,rings,7113.19,2,item,50,EUR\n" +
				"b,2024-01-03,,,,,rice,1006.30,,,,\n",
			ids: []string{"a", "b"},
		},
		{
			name: "conflict",
			in: blHeader +
				"a,2024-01-02,Acme,DE,,CN,watches,,,,,\n" +
				"a,2024-01-02,Acme,FR,,CN,rings,,,,,\n",
			errs: []string{`bl.csv:3:19: exporter_country: "FR" differs from "DE" on line 2 of the same shipment`},
		},
		{
			name: "comes back",
			in: blHeader +
				"a,,,,,,watches,,,,,\n" +
				"b,,,,,,rings,,,,,\n" +
				"a,,,,,,cars,,,,,\n",
			ids:  []string{"a", "b"},
			errs: []string{`bl.csv:4:1: id: shipment "a" comes back after other shipments (it started on line 2); a shipment's rows must be consecutive`},
		},
		{
			name: "short row fails its shipment",
			in: blHeader +
				"a,,,,,,watches,,,,,\n" +
				"a,,,,,,rings\n" +
				"b,,,,,,cars,,,,,\n",
			ids:  []string{"b"},
			errs: []string{"bl.csv:3: wrong number of fields: 7, the header has 12"},
		},
		{
			name: "model error placed in the file",
			in: blHeader +
				"a,2024-01-02,,,,,watches,,,,,\n" +
				"a,,,,,,rings,,,,100,EURO\n",
			errs: []string{`bl.csv:3:21: currency: invalid value: "EURO" is not an ISO 4217 code`},
		},
		{
			name: "bad code",
			in:   blHeader + "a,,,,,,watch,91x1,,,,\n",
			errs: []string{`bl.csv:2:14: hs_code: invalid value: hs: invalid code "91x1"`},
		},
		{
			name: "bad date",
			in:   blHeader + "a,2024-13-01,,,,,watch,,,,,\n",
			errs: []string{`bl.csv:2:3: date: invalid value: "2024-13-01" is not YYYY-MM-DD`},
		},
		{
			name: "empty port",
			in:   blHeader + "a,,,,NLRTM;;CNDLC,,watch,,,,,\n",
			errs: []string{`bl.csv:2:6: route: port 2 is empty; separate ports with ; or >`},
		},
		{
			name: "country without party",
			in:   blHeader + "a,,,DE,,,watch,,,,,\n",
			errs: []string{`bl.csv:2:5: exporter_country: a country without a exporter`},
		},
		{
			name: "no id",
			in:   blHeader + ",,,,,,watch,,,,,\n",
			errs: []string{`bl.csv:2:1: id: empty: every row names its shipment`},
		},
		{
			name: "bad number",
			in:   blHeader + "a,,,,,,watch,,two,,,\n",
			errs: []string{`bl.csv:2:15: quantity: "two" is not a number (write 1234.5, without thousands separators)`},
		},
		{
			name: "unknown column",
			in:   "id,colour\n",
			errs: []string{`bl.csv:1:4: unknown column "colour"; want columns among id, date, bl_number, exporter, exporter_country, shipper, consignee, consignee_country, notify_party, vessel_name, vessel_imo, vessel_flag, route, origin, destination, description, hs_code, quantity, unit, value, currency`},
		},
		{
			name: "no id column",
			in:   "description\nwatch\n",
			errs: []string{`bl.csv:1: the header has no column "id"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids, errs := readShipments(t, tt.in)
			if diff := cmp.Diff(tt.ids, ids); diff != "" {
				t.Errorf("shipments (-want +got):\n%s", diff)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors %q, want %q", errs, tt.errs)
			}
			for i := range errs {
				if !strings.HasPrefix(errs[i], tt.errs[i]) {
					t.Errorf("error %q, want %q", errs[i], tt.errs[i])
				}
			}
		})
	}
}

// TestShipmentCSVFields checks how the columns fill the shipment model.
func TestShipmentCSVFields(t *testing.T) {
	in := "id,date,bl_number,exporter,exporter_country,shipper,consignee,consignee_country,notify_party,vessel_name,vessel_imo,vessel_flag,route,origin,destination,description,hs_code,quantity,unit,value,currency\n" +
		"x,2018-10-01,BL-1,Acme GmbH,DE,Acme Logistics,Do Young Shipping,MH,Notify Co,DN5505,IMO 1234567,TG,NLRTM Rotterdam > Dalian (CN) > KP,DE,RU,Maybach S600 Guard,8703.24,2,item,1000000,USD\n" +
		"x,,,,,,,,,,,,,,,,,,,,\n"
	c, err := newShipmentCSV(strings.NewReader(in), "bl.csv")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := c.next()
	if err != nil {
		t.Fatal(err)
	}
	want := &rules.Shipment{
		ID: "x", Date: "2018-10-01", Documents: rules.Documents{BillOfLading: "BL-1"},
		Parties: []rules.Party{
			{Role: rules.Exporter, Name: "Acme GmbH", Country: "DE"},
			{Role: rules.Shipper, Name: "Acme Logistics"},
			{Role: rules.Consignee, Name: "Do Young Shipping", Country: "MH"},
			{Role: rules.Notify, Name: "Notify Co"},
		},
		Vessel: &rules.Vessel{Name: "DN5505", IMO: "IMO 1234567", Flag: "TG"},
		Route:  []rules.Stop{{LOCODE: "NLRTM", Name: "Rotterdam"}, {Name: "Dalian", Country: "CN"}, {Country: "KP"}},
		Origin: "DE", Destination: "RU",
		Lines: []rules.Line{{Description: "Maybach S600 Guard", HS: "8703.24", Quantity: 2, Unit: "item", Value: 1000000, Currency: "USD"}},
	}
	if diff := cmp.Diff(want, rec.s); diff != "" {
		t.Errorf("shipment (-want +got):\n%s", diff)
	}
	if _, err := c.next(); err != io.EOF {
		t.Errorf("after the last shipment: %v", err)
	}
}

func TestParseRoute(t *testing.T) {
	got, err := parseRoute("CNDLC;CN DLC > CNDLC Dalian>Dalian (cn);Nakhodka; KP")
	if err != nil {
		t.Fatal(err)
	}
	want := []rules.Stop{{LOCODE: "CNDLC"}, {LOCODE: "CNDLC"}, {LOCODE: "CNDLC", Name: "Dalian"}, {Name: "Dalian", Country: "CN"}, {Name: "Nakhodka"}, {Country: "KP"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("route (-want +got):\n%s", diff)
	}
}

// TestCheckCSVFileErrors runs check over a CSV file with a bad shipment:
// the others are judged, the bad one is named by file, line and column.
func TestCheckCSVFileErrors(t *testing.T) {
	p := t.TempDir() + "/ships.csv"
	in := blHeader +
		"a,2024-01-02,,,,,watches,9101.21,1,item,100,EUR\n" +
		"b,2024-01-02,,,,,rings,,,,100,EURO\n" +
		"c,2024-01-02,,,,,rice,1006.30,,,,\n"
	if err := os.WriteFile(p, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "", "check", "--input", p, "--format", "csv")
	if code != exitError || !strings.Contains(stderr, p+`:3:31: currency: invalid value: "EURO" is not an ISO 4217 code`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasPrefix(out, "id,verdict,rule,severity,message,evidence,citation\n") || !strings.Contains(out, "\na,") || !strings.Contains(out, "\nc,review,") || strings.Contains(out, "\nb,") {
		t.Errorf("output:\n%s", out)
	}
}
