// Command httpclient shows how a system not written in Go uses luxscreen:
// through the HTTP service. It sends one bill of lading to POST /v1/check
// and a party to POST /v1/screen of a running "luxscreen serve", and
// prints the answers. Only the standard library is used on the client
// side, as any language's HTTP client would.
//
// Usage:
//
//	luxscreen serve --addr 127.0.0.1:8080 --demo &
//	go run ./examples/httpclient [-url http://127.0.0.1:8080] SHIPMENT.json
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "base URL of luxscreen serve")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: httpclient [-url URL] SHIPMENT.json")
	}
	shipment, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c := &client{base: *base, http: &http.Client{}}
	if err := run(ctx, os.Stdout, c, shipment); err != nil {
		log.Fatal(err)
	}
}

// client calls the luxscreen service.
type client struct {
	base string
	http *http.Client
}

// decision is the part of a /v1/check answer this client reads; the
// service sends more (versions, evidence, citations).
type decision struct {
	ID       string `json:"id"`
	Verdict  string `json:"verdict"`
	Findings []struct {
		Rule     string `json:"rule"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
		Citation []struct {
			Ref string `json:"ref"`
		} `json:"citation"`
	} `json:"findings"`
}

// screening is the part of a /v1/screen answer this client reads.
type screening struct {
	Verdict string `json:"verdict"`
	Hits    []struct {
		List  string  `json:"list"`
		Ref   string  `json:"ref"`
		Name  string  `json:"name"`
		Score float64 `json:"score"`
	} `json:"hits"`
}

// apiError is the service's error body.
type apiError struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// post sends body as JSON to path and decodes the answer into out. A
// non-2xx answer is an error carrying the service's code and message.
func (c *client) post(ctx context.Context, path string, body []byte, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		var e apiError
		if json.Unmarshal(b, &e) == nil && e.Error.Code != "" {
			return fmt.Errorf("%s %s: %d %s: %s", http.MethodPost, path, resp.StatusCode, e.Error.Code, e.Error.Message)
		}
		return fmt.Errorf("%s %s: %s", http.MethodPost, path, resp.Status)
	}
	return json.Unmarshal(b, out)
}

// run checks the shipment and screens its consignee by name.
func run(ctx context.Context, w io.Writer, c *client, shipment []byte) error {
	var d decision
	if err := c.post(ctx, "/v1/check", shipment, &d); err != nil {
		return err
	}
	fmt.Fprintf(w, "shipment %s: %s\n", d.ID, d.Verdict)
	for _, f := range d.Findings {
		refs := ""
		for i, ct := range f.Citation {
			if i > 0 {
				refs += ", "
			}
			refs += ct.Ref
		}
		fmt.Fprintf(w, "  %-6s %s (%s)\n", f.Severity, f.Rule, refs)
	}

	var s struct {
		Parties []struct {
			Role string `json:"role"`
			Name string `json:"name"`
		} `json:"parties"`
	}
	if err := json.Unmarshal(shipment, &s); err != nil {
		return err
	}
	for _, p := range s.Parties {
		if p.Role != "consignee" {
			continue
		}
		q, _ := json.Marshal(map[string]string{"name": p.Name, "kind": "org"})
		var r screening
		if err := c.post(ctx, "/v1/screen", q, &r); err != nil {
			return err
		}
		fmt.Fprintf(w, "consignee %q: %s\n", p.Name, r.Verdict)
		for _, h := range r.Hits {
			fmt.Fprintf(w, "  %s %s %q score %.2f\n", h.List, h.Ref, h.Name, h.Score)
		}
	}
	return nil
}
