package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/internal/testenv"
	"github.com/luxscreen/luxscreen/server"
)

// startService runs the luxscreen service on a loopback port, with the
// embedded demo list, as "luxscreen serve" would.
func startService(t *testing.T) *httptest.Server {
	t.Helper()
	sys, err := luxscreen.Open(context.Background(), luxscreen.Config{})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{System: sys})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

// TestMaybach sends the Maybach bill of lading and checks the answer the
// client prints: review, with the transshipment-route finding citing its
// list entries, and the consignee screened.
func TestMaybach(t *testing.T) {
	ts := startService(t)
	b := testenv.ReadFile(t, "../shipments/maybach-2018.json")
	var out strings.Builder
	if err := run(context.Background(), &out, &client{base: ts.URL, http: ts.Client()}, b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"shipment maybach-2018: review",
		"dprk-transshipment-route (",
		`consignee "Do Young Shipping": clear`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestServiceError shows that the service's JSON errors reach the caller
// with their code.
func TestServiceError(t *testing.T) {
	ts := startService(t)
	c := &client{base: ts.URL, http: ts.Client()}
	err := run(context.Background(), &strings.Builder{}, c, []byte(`{"id": "x", "lines": [`))
	if err == nil || !strings.Contains(err.Error(), "400 invalid_json") {
		t.Errorf("err = %v, want the service's 400 invalid_json", err)
	}
	resp, err := ts.Client().Get(ts.URL + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// The demo list answers, but the service says it is not ready.
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz = %d, want 503 on the demo list", resp.StatusCode)
	}
}
