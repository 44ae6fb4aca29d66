package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzSplitBody checks the body splitter never panics, accepts only valid
// JSON values and refuses with a 4xx error naming a place.
func FuzzSplitBody(f *testing.F) {
	for _, s := range []string{`{"name": "x"}`, `[{"a":1}, {"b":2}]`, `[]`, ` [ {} ] `, `{"a":1} x`, `[{"a":`, `"x"`, "\n\n[\n{},\n{}\n]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		items, batch, err := splitBody(data, 8)
		if err != nil {
			var ae *apiError
			if !errors.As(err, &ae) || ae.status < 400 || ae.status >= 500 || ae.message == "" {
				t.Fatalf("error %v is not a 4xx apiError", err)
			}
			return
		}
		if !batch && len(items) != 1 {
			t.Fatalf("single body split into %d items", len(items))
		}
		if len(items) > 8 {
			t.Fatalf("%d items over the limit", len(items))
		}
		for _, it := range items {
			if !json.Valid(it.data) {
				t.Fatalf("item %d is not valid JSON: %q", it.index, it.data)
			}
			if off := offsetOf(data, it.line, it.col); off < 0 || !bytes.HasPrefix(data[off:], it.data) {
				t.Fatalf("item %d misplaced: line %d col %d", it.index, it.line, it.col)
			}
		}
	})
}

// FuzzMatchRequest checks yente requests of any shape decode and expand
// without panicking, and that an accepted example has between one and
// matchMaxVariants screenings.
func FuzzMatchRequest(f *testing.F) {
	for _, s := range []string{
		yenteDocsRequest,
		openSanctionsQuickstart,
		`{"queries": {"q": {"schema": "Vessel", "properties": {"imoNumber": "7937317"}}}}`,
		`{"queries": {"q": null}}`,
		`{"queries": {"q": {"schema": "Person", "properties": {"firstName": ["A"], "lastName": ["B", "C"], "alias": []}}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var req MatchRequest
		if err := decodeItem(item{data: data, line: 1, col: 1}, false, &req); err != nil {
			return
		}
		for k, ex := range req.Queries {
			if ex == nil {
				continue
			}
			mq, err := parseExample(k, ex)
			if err != nil {
				continue
			}
			if n := len(mq.entity.Names) + len(mq.entity.Identifiers); n < 1 || len(mq.entity.Names) > matchMaxNames {
				t.Fatalf("%d names and identifiers for %q", n, k)
			}
		}
	})
}

// FuzzScreenEndpoint posts arbitrary bodies to /v1/screen: every answer
// is JSON with a 200 or a 4xx status, never a 5xx or a panic.
func FuzzScreenEndpoint(f *testing.F) {
	s, err := New(testConfig(f, nil))
	if err != nil {
		f.Fatal(err)
	}
	for _, b := range []string{`{"name": "Korea Ryongbong"}`, `[{"name": "x", "kind": "vessel", "imo": "7937317"}]`, `{"name": "김정은"}`, `{"kind": "bad"}`, `[`} {
		f.Add([]byte(b))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, "/v1/screen", bytes.NewReader(body))
		s.ServeHTTP(rec, req)
		if rec.Code >= 500 || (rec.Code != 200 && rec.Code < 400) {
			t.Fatalf("status %d for %q: %s", rec.Code, body, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("answer is not JSON: %q", rec.Body)
		}
	})
}

// offsetOf returns the byte offset of a 1-based line and column, or -1.
func offsetOf(data []byte, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	if off+col-1 > len(data) || col < 1 {
		return -1
	}
	return off + col - 1
}
