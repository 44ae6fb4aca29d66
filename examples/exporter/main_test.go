package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOrders runs the example on its orders: a luxury watch order to a
// Singapore retailer and pumps to a German utility are confirmed, cognac
// routed through Dalian and Dandong is held for review, and pumps for a
// designated DPRK company are blocked, and an order whose goods nobody
// could judge (luxury unknown) is held, never confirmed.
func TestOrders(t *testing.T) {
	var out bytes.Buffer
	held, err := run(context.Background(), &out, "", "testdata/rates.yaml", "testdata/orders.json")
	if err != nil {
		t.Fatal(err)
	}
	if held != 3 {
		t.Errorf("held %d orders, want 3", held)
	}
	var got []string
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(l, "CONFIRM") || strings.HasPrefix(l, "HOLD") || strings.Contains(l, "- ") {
			got = append(got, strings.Join(strings.Fields(strings.SplitN(l, ":", 2)[0]), " "))
		}
	}
	want := []string{
		"CONFIRM order SO-24-1001 (clear)",
		"CONFIRM order SO-24-1002 (clear)",
		"HOLD order SO-24-1003 (review)",
		"- review dprk-transshipment-route",
		"HOLD order SO-24-1004 (block)",
		"- block dprk-controlled-goods-to-kp",
		"- block designated-party",
		"HOLD order SO-24-1005 (review)",
		"- review luxury-unknown",
		"- review goods-need-review",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decisions (-want +got):\n%s\nfull output:\n%s", diff, out.String())
	}
}

// TestNoRatesHolds shows the fail-closed default: without exchange rates
// the Swiss franc watch order cannot be valued against thresholds and is
// held.
func TestNoRatesHolds(t *testing.T) {
	var out bytes.Buffer
	if _, err := run(context.Background(), &out, "", "", "testdata/orders.json"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "HOLD    order SO-24-1001 (review)") || !strings.Contains(out.String(), "unknown-currency") {
		t.Errorf("without rates the CHF order should be held for unknown currency:\n%s", out.String())
	}
}
