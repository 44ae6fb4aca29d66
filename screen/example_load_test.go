package screen_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
)

// Load recognises an official list file's format; the screener records the
// list's version (source, publication date, SHA-256) in every result, and
// NewRecord gives the stable JSON shape that batch output and the HTTP API
// use.
func ExampleLoad() {
	ctx := context.Background()
	l, err := screen.Load(ctx, "testdata/un_small.xml") // an authored file in the UN layout
	if err != nil {
		log.Fatal(err)
	}
	s, err := screen.NewScreener(l)
	if err != nil {
		log.Fatal(err)
	}
	res, err := s.Screen(ctx, party.New("Example Sea Shipping Co.", party.KindOrganisation, "", "", ""))
	if err != nil {
		log.Fatal(err)
	}
	rec := screen.NewRecord("bl-1/consignee", res)
	fmt.Println(rec.Verdict, rec.Hits[0].Ref, rec.Hits[0].Name, rec.ListVersions[0].Source, rec.ListVersions[0].Published)
	fmt.Println(res.Hits[0].ListedOn)
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(map[string]any{"id": rec.ID, "verdict": rec.Verdict, "hits": len(rec.Hits)}); err != nil {
		log.Fatal(err)
	}
	// Output:
	// match KPe.901 EXAMPLE SEA SHIPPING COMPANY UN 2026-01-02T00:00:00Z
	// 2021-02-03
	// {"hits":1,"id":"bl-1/consignee","verdict":"match"}
}
