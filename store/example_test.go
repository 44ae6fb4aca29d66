package store_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/luxscreen/luxscreen/store"
)

// A desk keeps a screening that needs review, opens a case on it, and a
// reviewer releases the false positive, which is remembered so that the
// same party is not raised again against the same listed entity.
func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "luxscreen-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	s, err := store.Open(ctx, filepath.Join(dir, "luxscreen.db"), store.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	at := time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)
	consignee := store.Party{Key: "org:kim trading", Name: "Kim Trading Co", Country: "CN",
		Role: "consignee", Verdict: "review", Hits: []string{"UN:KPe.001"}}
	rec := &store.Record{Kind: store.KindCheck, At: at, Subject: "SHP-2025-0042", Verdict: "review",
		Parties: []store.Party{consignee}, Audit: []byte(`{"input":{"id":"SHP-2025-0042"}}`)}
	if _, err := s.Save(ctx, rec); err != nil {
		log.Fatal(err)
	}

	c := &store.Case{Record: rec.ID, Verdict: rec.Verdict, Subject: rec.Subject, Party: &consignee,
		Entities: consignee.Hits, Summary: "consignee resembles UN:KPe.001", Opened: at}
	if _, err := s.OpenCase(ctx, c); err != nil {
		log.Fatal(err)
	}

	c2, err := s.Decide(ctx, c.ID, store.Event{At: at.Add(time.Hour), Actor: "ana", Action: store.ActionReleased,
		Reason: store.FalsePositive, Note: "a Shenyang furniture maker, not the listed firm"})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := s.Remember(ctx, &store.Release{PartyKey: consignee.Key, PartyName: consignee.Name,
		Entity: "UN:KPe.001", EntityVersion: "fp-1", Case: c.ID, Actor: "ana", Reason: store.FalsePositive}); err != nil {
		log.Fatal(err)
	}

	fmt.Println("case", c2.ID, c2.Status)
	for _, e := range c2.Events {
		line := e.At.Format(time.RFC3339) + " " + e.Actor + " " + e.Action
		if e.Reason != "" {
			line += " (" + string(e.Reason) + ")"
		}
		fmt.Println(line)
	}
	rs, err := s.Releases(ctx, consignee.Key)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(rs), "release of", rs[0].PartyName, "against", rs[0].Entity)
	// Output:
	// case 1 released
	// 2025-03-01T09:30:00Z luxscreen opened
	// 2025-03-01T10:30:00Z ana released (false-positive)
	// 1 release of Kim Trading Co against UN:KPe.001
}
