package batch_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/luxscreen/luxscreen/internal/batch"
)

// BenchmarkRun measures the cost the pipeline adds per record (an empty
// process) and how it spreads real work (a SHA-256 of 4 KiB) over workers.
// One op is one record.
func BenchmarkRun(b *testing.B) {
	payload := make([]byte, 4096)
	work := map[string]func(context.Context, int) (int, error){
		"empty": func(_ context.Context, i int) (int, error) { return i, nil },
		"sha256-4KiB": func(_ context.Context, i int) (int, error) {
			s := sha256.Sum256(payload)
			return int(s[0]) + i, nil
		},
	}
	for _, name := range []string{"empty", "sha256-4KiB"} {
		for _, workers := range []int{1, 2, 4} {
			b.Run(fmt.Sprintf("%s/workers=%d", name, workers), func(b *testing.B) {
				b.ReportAllocs()
				n := 0
				err := batch.Run(context.Background(), batch.Options{Workers: workers}, counter(b.N), work[name],
					func(batch.Result[int, int]) error { n++; return nil })
				if err != nil || n != b.N {
					b.Fatalf("err %v, %d of %d", err, n, b.N)
				}
			})
		}
	}
}
