package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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
		for _, d := range decodeLines[decision](t, out) {
			m[d.ID] = d
		}
		return m
	}
	out, _ := runOK(t, "", "check", "--input", "testdata/bl.csv", "--format", "jsonl")
	fromCSV := decode(out)
	out, _ = runOK(t, sixShipments(t), "check", "--input", "-", "--format", "jsonl")
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

// blHeader is the header of the bill-of-lading CSVs of the tests.
const blHeader = "id,date,exporter,exporter_country,route,destination,description,hs_code,quantity,unit,value,currency\n"

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
	if !strings.HasPrefix(out, "id,verdict,rule,severity,message,evidence,citation,line,error\n") || !strings.Contains(out, "\na,") || !strings.Contains(out, "\nc,review,") ||
		!strings.Contains(out, "\nb,error,,,,,,3,\"currency: invalid value: \"\"EURO\"\" is not an ISO 4217 code\"\n") {
		t.Errorf("output:\n%s", out)
	}
}

// TestCheckCSVHTMLNamesBadShipment checks that the HTML report shows a
// shipment of a CSV that could not be read, by its ID and first line, and
// an unreadable one by its line.
func TestCheckCSVHTMLNamesBadShipment(t *testing.T) {
	in := blHeader +
		"a,2024-01-02,,,,,watches,9101.21,1,item,100,EUR\n" +
		"b,2024-01-02,,,,,rings,,,,,\n" +
		"b,,,,,,rings,,,,100,EURO\n" +
		",2024-01-02,,,,,rice,1006.30,,,,\n" +
		"c,2024-01-02,,,,,rice,1006.30,,,,\n"
	code, out, stderr := runCLI(t, in, "check", "--input", "-", "--input-format", "csv", "--format", "html")
	if code != exitError {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	for _, s := range []string{"Shipment a", "Shipment c", "Shipment b (stdin:3)", "Unreadable shipment at stdin:5", `currency: invalid value: &#34;EURO&#34; is not an ISO 4217 code`} {
		if !strings.Contains(out, s) {
			t.Errorf("the report lacks %q", s)
		}
	}
}
