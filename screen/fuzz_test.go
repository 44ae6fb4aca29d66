package screen

import (
	"bytes"
	"context"
	"io"
	"os"
	"testing"

	"github.com/luxscreen/luxscreen/internal/testenv"
)

// The parsers must never panic, and every entity they return must have an
// ID and at least one name.
func checkEntities(t *testing.T, es []Entity) {
	t.Helper()
	for i, e := range es {
		if e.ID == "" || len(e.Names) == 0 {
			t.Fatalf("entity %d has no ID or name: %+v", i, e)
		}
	}
}

func FuzzParseUN(f *testing.F) {
	fuzzParser(f, "testdata/un_small.xml", ParseUN,
		[]byte("<CONSOLIDATED_LIST><ENTITIES><ENTITY><REFERENCE_NUMBER>KPe.1</REFERENCE_NUMBER><FIRST_NAME>A</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>"))
}

func FuzzParseOFACSDN(f *testing.F) {
	fuzzParser(f, "testdata/ofac_small/sdn.csv", ParseOFACSDN)
}

func FuzzParseOFACSet(f *testing.F) {
	sdn := testenv.ReadFile(f, "testdata/ofac_small/sdn.csv")
	alt, _ := os.ReadFile("testdata/ofac_small/alt.csv")
	add, _ := os.ReadFile("testdata/ofac_small/add.csv")
	f.Add(alt, add)
	f.Fuzz(func(t *testing.T, alt, add []byte) {
		es, err := OFACCSV{SDN: bytes.NewReader(sdn), Alt: bytes.NewReader(alt), Add: bytes.NewReader(add)}.Parse()
		if err == nil {
			checkEntities(t, es)
		}
	})
}

func FuzzDecode(f *testing.F) {
	for _, p := range []string{"testdata/un_small.xml", "testdata/ofac_small/sdn.csv", "testdata/ofac_sdn_small.xml", "testdata/eu_small.xml", "testdata/uk_small.csv", "testdata/ftm_small.jsonl"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Decode(data)
		if err == nil {
			checkEntities(t, l.Entities)
		}
	})
}

// FuzzScreen checks that no query panics or yields an unsorted result.
func FuzzScreen(f *testing.F) {
	s := demoScreener(f)
	for _, q := range []string{"KOMID", "Chang Gwang Sin Yong", "조선", "長安", "Co., Ltd.", "IMO 7937317", "a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3"} {
		f.Add(q, "7937317")
	}
	f.Fuzz(func(t *testing.T, name, imo string) {
		res, err := s.Screen(context.Background(), Query{Name: name, IMO: imo}.entity())
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(res.Hits); i++ {
			if res.Hits[i].Score > res.Hits[i-1].Score {
				t.Fatalf("hits not sorted: %+v", res.Hits)
			}
		}
		if res.Verdict == Clear && len(res.Reasons) > 0 {
			t.Fatalf("clear with reasons %v", res.Reasons)
		}
	})
}

// fuzzParser fuzzes one single-file parser from a seed file and any
// further seeds.
func fuzzParser(f *testing.F, seedFile string, parse func(io.Reader) ([]Entity, error), seeds ...[]byte) {
	seed := testenv.ReadFile(f, seedFile)
	for _, s := range append([][]byte{seed}, seeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		es, err := parse(bytes.NewReader(data))
		if err == nil {
			checkEntities(t, es)
		}
	})
}

func FuzzParseOFACXML(f *testing.F) {
	fuzzParser(f, "testdata/ofac_sdn_small.xml", ParseOFACXML)
}

func FuzzParseEU(f *testing.F) {
	fuzzParser(f, "testdata/eu_small.xml", ParseEU)
}

func FuzzParseUK(f *testing.F) {
	fuzzParser(f, "testdata/uk_small.csv", ParseUK)
}

func FuzzParseFtM(f *testing.F) {
	fuzzParser(f, "testdata/ftm_small.jsonl", ParseFtM)
}
