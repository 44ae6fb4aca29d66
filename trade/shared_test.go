package trade

import (
	"context"
	"testing"

	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/testenv"
)

// TestPaperCodesExist checks that every code of the transcribed figures
// exists in the HS editions UN Comtrade classified the years in: HS2012
// (H4) for 2015-2016 and HS2017 (H5) for 2017-2019. The shared folder holds
// Comtrade's classifications but no trade statistics, so this is the part
// of the analysis that can be checked against it.
func TestPaperCodesExist(t *testing.T) {
	tables := map[string]*hs.Table{}
	for _, name := range []string{"classificationH4.json", "classificationH5.json"} {
		tab, err := hs.Open(context.Background(), testenv.Path(t, "data", "hs", "comtrade", name), hs.Edition{})
		if err != nil {
			t.Fatal(err)
		}
		tables[name] = tab
	}
	text := testenv.ReadFile(t, "testdata/paper/figure4.csv")
	for _, fl := range flowsOf(t, string(text)) {
		name := "classificationH5.json"
		if fl.Period.Year < 2017 {
			name = "classificationH4.json"
		}
		if !tables[name].Exists(fl.Code) {
			t.Errorf("line %d: %s is not in %s", fl.Line, fl.Code, name)
		}
	}
	if !tables["classificationH4.json"].Exists(hs.MustParse("0101")) {
		t.Error("0101 (the paper's horses) is not in HS2012")
	}
}
