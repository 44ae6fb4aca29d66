package luxscreen_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/screen"
)

// Each sanctions list source reports what is loaded from it and how old
// it is; a reload that would empty a list is refused, the old list stays
// in use, and the source records why.
func ExampleSystem_Sources() {
	dir, err := os.MkdirTemp("", "lists")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	un := filepath.Join(dir, "un.xml")
	good, err := os.ReadFile("screen/testdata/un_small.xml")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(un, good, 0o644); err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	sys, err := luxscreen.Open(ctx, luxscreen.Config{
		Lists: []string{un},
		Now:   func() time.Time { return time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, src := range sys.Sources() {
		fmt.Println(src.ID, src.Entities, "entities,", src.AgeDays, "days old, stale:", src.Stale, "ready:", src.Ready)
	}

	// The publisher's server answered with a well-formed but empty list.
	empty := `<CONSOLIDATED_LIST dateGenerated="2026-01-19T00:00:00Z"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>`
	if err := os.WriteFile(un, []byte(empty), 0o644); err != nil {
		log.Fatal(err)
	}
	err = sys.Reload(ctx)
	fmt.Println("refused:", errors.Is(err, screen.ErrEmpty))
	src := sys.Sources()[0]
	fmt.Println(src.ID, src.Entities, "entities, ready:", src.Ready, "refusal:", src.Refusal != "")
	// Output:
	// un 2 entities, 18 days old, stale: false ready: true
	// refused: true
	// un 2 entities, ready: true refusal: true
}
