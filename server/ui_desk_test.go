package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// deskCase uploads the browser test's shipments to a server with a desk
// and returns the server, the form token and the path of the case opened.
func deskCase(t *testing.T) (*Server, string, string) {
	t.Helper()
	cfg, _ := browserConfig(t)
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, form := uiGet(t, s, "/ui/check")
	token := csrfToken(t, form)
	rec := uiUpload(t, s, token, "bl.jsonl", browserShipments)
	if rec.Code != http.StatusOK {
		t.Fatalf("upload: status %d:\n%.2000s", rec.Code, rec.Body.String())
	}
	_, queue := uiGet(t, s, "/ui/queue")
	i := strings.Index(queue, `href="/ui/cases/`)
	if i < 0 {
		t.Fatalf("the upload opened no case; queue:\n%.3000s", queue)
	}
	path := queue[i+len(`href="`):]
	return s, token, path[:strings.IndexByte(path, '"')]
}

func TestUIDeskPages(t *testing.T) {
	s, _, casePath := deskCase(t)
	_, caseBody := uiGet(t, s, casePath)
	partyKey := ""
	if i := strings.Index(caseBody, `href="/ui/parties/`); i >= 0 {
		rest := caseBody[i+len(`href="/ui/parties/`):]
		partyKey = rest[:strings.IndexByte(rest, '"')]
	}
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/ui/queue", 200, []string{`id="queue"`, "Hong Kong Electronic Trading", "KPe.005", `<th scope="col">Summary</th>`}},
		{"/ui/queue?status=all", 200, []string{"Hong Kong Electronic Trading"}},
		{"/ui/queue?status=closed", 400, []string{"want open, released, confirmed or all"}},
		{casePath, 200, []string{`<label for="actor">Reviewer</label>`, `<label for="reason">Reason</label>`, `<label for="note">Note</label>`, "false-positive", "HONG KONG ELECTRONICS"}},
		{"/ui/cases/999999", 404, []string{"no case 999999"}},
		{"/ui/cases/x", 404, []string{"case numbers are positive integers"}},
		{"/ui/parties/" + partyKey, 200, []string{`id="history"`, "hk-electronic-1"}},
		{"/ui/parties/" + url.PathEscape("organisation:nobody at all"), 404, []string{"no record of party"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, body := uiGet(t, s, tt.path)
			if status != tt.status {
				t.Errorf("status %d, want %d; body:\n%.2000s", status, tt.status, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
}

func TestUIDecide(t *testing.T) {
	s, token, casePath := deskCase(t)
	tests := []struct {
		name   string
		form   url.Values
		status int
		want   string
	}{
		{"bad csrf", url.Values{"csrf": {"nope"}, "action": {"release"}, "actor": {"a"}, "reason": {"false-positive"}}, 403, "did not come from this desk"},
		{"no reviewer", url.Values{"csrf": {token}, "action": {"release"}, "actor": {" "}, "reason": {"false-positive"}}, 400, "give your name"},
		{"bad reason", url.Values{"csrf": {token}, "action": {"release"}, "actor": {"a"}, "reason": {"because"}}, 400, "choose one of the reason codes"},
		{"bad action", url.Values{"csrf": {token}, "action": {"delete"}, "actor": {"a"}, "reason": {"other"}}, 400, "choose Release or Confirm"},
		{"other without note", url.Values{"csrf": {token}, "action": {"release"}, "actor": {"a"}, "reason": {"other"}}, 400, "say why"},
		{"release as true match", url.Values{"csrf": {token}, "action": {"release"}, "actor": {"a"}, "reason": {"true-match"}}, 400, "confirm a true match instead"},
		{"release", url.Values{"csrf": {token}, "action": {"release"}, "actor": {"<script>alert(1)</script>"}, "reason": {"false-positive"}, "note": {"not them"}}, 303, ""},
		{"again", url.Values{"csrf": {token}, "action": {"confirm"}, "actor": {"b"}, "reason": {"true-match"}}, 409, "settled already"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := uiPost(t, s, casePath, tt.form)
			if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.want) {
				t.Errorf("status %d, want %d with %q; body:\n%.2000s", rec.Code, tt.status, tt.want, rec.Body.String())
			}
		})
	}
	_, body := uiGet(t, s, casePath+"?done=released")
	if strings.Contains(body, "<script>alert(1)</script>") || !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the reviewer's name is not escaped on the case page:\n%.3000s", body)
	}
	if !strings.Contains(body, "released.") {
		t.Error("the case page does not say the case was released")
	}
}
