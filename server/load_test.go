package server

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/luxscreen/luxscreen/internal/testenv"
)

// Load-test bounds: the test stops at whichever comes first.
const (
	loadRequests = 20000
	loadDuration = 20 * time.Second
	loadClients  = 8
)

// TestLoadScreen measures sustained screening throughput and latency on
// loopback: loadClients clients send single-party /v1/screen requests to a
// server holding the UN consolidated list and the 2021 OFAC SDN list,
// until loadRequests requests or loadDuration, whichever comes first. The
// parties alternate between names of the UN DPRK designations and
// synthetic persons that should match nothing (yente's validation
// negatives). It needs LUXSCREEN_LOAD=1 and the shared data, and reports;
// it asserts only that every request succeeded.
func TestLoadScreen(t *testing.T) {
	if os.Getenv("LUXSCREEN_LOAD") != "1" {
		t.Skip("set LUXSCREEN_LOAD=1 (and LUXSCREEN_SHARED) to run the load test")
	}
	bodies := loadBodies(t)
	_, base := startServer(t, testConfig(t, nil, sharedLists(t)...))
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: loadClients}, Timeout: 10 * time.Second}

	var (
		next     atomic.Int64
		failures atomic.Int64
		mu       sync.Mutex
		lat      = make([]time.Duration, 0, loadRequests)
		verdicts = map[string]int{}
		wg       sync.WaitGroup
	)
	deadline := time.Now().Add(loadDuration)
	start := time.Now()
	for range loadClients {
		wg.Go(func() {
			var mine []time.Duration
			seen := map[string]int{}
			for time.Now().Before(deadline) {
				i := next.Add(1) - 1
				if i >= loadRequests {
					break
				}
				t0 := time.Now()
				resp, err := client.Post(base+"/v1/screen", "application/json", bytes.NewReader(bodies[int(i)%len(bodies)]))
				if err != nil {
					failures.Add(1)
					continue
				}
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				mine = append(mine, time.Since(t0))
				var r ScreenResult
				if err != nil || resp.StatusCode != 200 || json.Unmarshal(b, &r) != nil {
					failures.Add(1)
					continue
				}
				seen[string(r.Verdict)]++
			}
			mu.Lock()
			lat = append(lat, mine...)
			for k, v := range seen {
				verdicts[k] += v
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	if failures.Load() > 0 {
		t.Errorf("%d of %d requests failed", failures.Load(), len(lat))
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	report := fmt.Sprintf("load: %d requests, %d clients, %.1fs: %.0f req/s; latency p50 %s p90 %s p99 %s max %s; verdicts %v",
		len(lat), loadClients, elapsed.Seconds(), float64(len(lat))/elapsed.Seconds(),
		pct(0.50).Round(time.Microsecond), pct(0.90).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), lat[len(lat)-1].Round(time.Microsecond), verdicts)
	t.Log(report)
	fmt.Println(report)
}

// loadBodies returns request bodies alternating UN DPRK entity names and
// synthetic persons.
func loadBodies(t *testing.T) [][]byte {
	t.Helper()
	read := func(elem ...string) [][]string {
		f, err := os.Open(testenv.Path(t, elem...))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows[1:]
	}
	un := read("data", "screening", "un", "DERIVED_un_dprk_entities_names.csv")
	neg := read("data", "screening", "eval", "yente_validation_negatives_global.csv")
	var out [][]byte
	for i := 0; i < max(len(un), len(neg)); i++ {
		org := ScreenRequest{ID: "un-" + strconv.Itoa(i), Name: un[i%len(un)][4], Kind: "org"}
		n := neg[i%len(neg)]
		person := ScreenRequest{ID: "neg-" + strconv.Itoa(i), Name: n[0], Kind: "person", DOB: n[5], Country: n[7]}
		for _, q := range []ScreenRequest{org, person} {
			b, err := json.Marshal(q)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, b)
		}
	}
	return out
}
