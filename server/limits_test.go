package server

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/luxscreen/luxscreen/screen"
)

// errorAnswer is what a test compares of an error answer.
type errorAnswer struct {
	Status int
	Code   string
	// Message is a part of the message the answer must hold.
	Message string
}

// gotError returns the error answer of status and body b, with Message
// set to want.Message when the answer's message holds it, and to the
// whole message otherwise.
func gotError(t *testing.T, status int, b []byte, want errorAnswer) errorAnswer {
	t.Helper()
	got := errorAnswer{Status: status}
	if status < 400 {
		got.Message = truncate(b)
		return got
	}
	e := decode[ErrorResponse](t, b)
	got.Code, got.Message = e.Error.Code, e.Error.Message
	if strings.Contains(got.Message, want.Message) {
		got.Message = want.Message
	}
	return got
}

func TestTooLongFields(t *testing.T) {
	_, base := startServer(t, testConfig(t, nil))
	long := strings.Repeat("Korea Ryongbong ", 8<<20/16-64)
	over := strings.Repeat("a", screen.MaxNameRunes+1)
	field := strings.Repeat("k", screen.MaxFieldRunes+1)
	tests := []struct {
		name, path, body string
		want             errorAnswer
	}{
		{"eight megabyte name", "/v1/screen", fmt.Sprintf(`{"name": %q}`, long),
			errorAnswer{400, CodeInvalidField, `body (line 1): field name: 8387584 characters, at most 1000 allowed`}},
		{"name one over the limit", "/v1/screen", fmt.Sprintf(`{"name": %q}`, over),
			errorAnswer{400, CodeInvalidField, `field name: 1001 characters`}},
		{"batch item", "/v1/screen", fmt.Sprintf("[{\"name\": \"Korea Ryonbong\"},\n {\"name\": %q}]", over),
			errorAnswer{400, CodeInvalidField, `item 2 (line 2): field name: 1001 characters`}},
		{"country", "/v1/screen", fmt.Sprintf(`{"name": "Korea Ryonbong", "country": %q}`, field),
			errorAnswer{400, CodeInvalidField, `field country: 201 characters, at most 200 allowed`}},
		{"imo", "/v1/screen", fmt.Sprintf(`{"imo": %q, "kind": "vessel"}`, field),
			errorAnswer{400, CodeInvalidField, `field imo: 201 characters`}},
		{"match name", "/match/default", fmt.Sprintf(`{"queries": {"q": {"schema": "Company", "properties": {"name": [%q]}}}}`, over),
			errorAnswer{400, CodeInvalidField, `Cannot parse example entity "q": field property name: 1001 characters`}},
		{"match alias", "/match/default", fmt.Sprintf(`{"queries": {"q": {"schema": "Company", "properties": {"name": "Korea Ryonbong", "alias": [%q]}}}}`, long),
			errorAnswer{400, CodeInvalidField, `field property alias: 8387583 characters`}},
		{"match country", "/match/default", fmt.Sprintf(`{"queries": {"q": {"schema": "Company", "properties": {"name": "Korea Ryonbong", "country": [%q]}}}}`, field),
			errorAnswer{400, CodeInvalidField, `field property country: 201 characters`}},
		{"match joined parts of a name", "/match/default", fmt.Sprintf(`{"queries": {"q": {"schema": "Person", "properties": {"firstName": [%q], "lastName": [%q]}}}}`, over[:600], over[:600]),
			errorAnswer{400, CodeInvalidField, `name: 1201 characters`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, b := postJSON(t, base+tt.path, tt.body)
			if diff := cmp.Diff(tt.want, gotError(t, st, b, tt.want)); diff != "" {
				t.Errorf("POST %s mismatch (-want +got):\n%s", tt.path, diff)
			}
		})
	}
}
