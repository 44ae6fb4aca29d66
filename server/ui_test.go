package server

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// uiServer returns a Server over the demo list, without a store.
func uiServer(t *testing.T) *Server {
	t.Helper()
	s, err := New(testConfig(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// uiGet answers a GET and returns the status and body.
func uiGet(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Code, rec.Body.String()
}

// uiPost posts a form and returns the answer.
func uiPost(t *testing.T, h http.Handler, path string, form url.Values) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// uiUpload posts a file to /ui/check as a multipart form.
func uiUpload(t *testing.T, h http.Handler, token, filename, content string) *httptest.ResponseRecorder {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	if err := mw.WriteField("csrf", token); err != nil {
		t.Fatal(err)
	}
	if err := mw.WriteField("format", "auto"); err != nil {
		t.Fatal(err)
	}
	fw, err := mw.CreateFormFile("file", filename)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(fw, content); err != nil {
		t.Fatal(err)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/ui/check", &b)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// csrfToken reads the form token from a page.
func csrfToken(t *testing.T, page string) string {
	t.Helper()
	m := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token on the page")
	}
	return m[1]
}

func TestUIPages(t *testing.T) {
	s := uiServer(t)
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/ui", 200, []string{"<h1>Lists loaded</h1>", "Sanctions lists loaded", "embedded demo list", `<a class="skip" href="#main">`, `Age (days)</th>`}},
		{"/ui/check", 200, []string{`enctype="multipart/form-data"`, `<label for="file">`, `<label for="text">`}},
		{"/ui/screen", 200, []string{`<label for="name">Name</label>`}},
		{"/ui/lists/compare", 200, []string{"EU vs US", "Controlled by"}},
		{"/ui/lists/compare?a=EU&b=XX", 400, []string{"neither a list ID nor a jurisdiction"}},
		{"/ui/lists/compare?a=EU&b=US&date=yesterday", 400, []string{"class=\"error-box\""}},
		{"/ui/lists/gaps", 200, []string{"UN luxury categories not fully controlled", `id="gaps"`}},
		{"/ui/lists/gaps?only=some", 400, []string{"want none or partial"}},
		{"/ui/lists/matrix", 200, []string{`<figure id="heatmap"`, "<svg", `class="matrix"`}},
		{"/ui/lists/matrix?level=heading", 200, []string{"<svg"}},
		{"/ui/lists/matrix?level=section", 400, []string{"want chapter or heading"}},
		{"/ui/lists/sources", 200, []string{`id="sources"`, "all "}},
		{"/ui/style.css", 200, []string{"@media print"}},
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

// TestUIHeaders checks the pages are HTML that may run no script.
func TestUIHeaders(t *testing.T) {
	s := uiServer(t)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/ui", nil))
	got := map[string]string{
		"Content-Type": rec.Header().Get("Content-Type"),
		"CSP script":   strings.TrimSpace(regexp.MustCompile(`script-src[^;]*`).FindString(rec.Header().Get("Content-Security-Policy"))),
		"CSP default":  regexp.MustCompile(`default-src [^;]*`).FindString(rec.Header().Get("Content-Security-Policy")),
	}
	want := map[string]string{"Content-Type": "text/html; charset=utf-8", "CSP script": "", "CSP default": "default-src 'none'"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("headers (-want +got):\n%s", diff)
	}
}

const uiJSONL = `{"id":"ok-1","date":"2024-03-01","parties":[{"role":"shipper","name":"Siam Rice Exporters Co., Ltd.","kind":"organisation","country":"TH"},{"role":"consignee","name":"World Food Programme","kind":"organisation","country":"BD"}],"route":[{"locode":"THBKK","name":"Bangkok"},{"locode":"BDCGP","name":"Chittagong"}],"origin":"TH","destination":"BD","lines":[{"description":"milled white rice in 50 kg bags","hs":"1006.30","quantity":500000,"unit":"kg","value":310000,"currency":"USD"}]}
{"id":"broken-2", "date":
{"id":"bad-3","date":"not a date","lines":[]}
`

func TestUICheck(t *testing.T) {
	s := uiServer(t)
	_, form := uiGet(t, s, "/ui/check")
	token := csrfToken(t, form)
	csv := "id,date,consignee,consignee_country,route,origin,destination,description,hs_code,quantity,unit,value,currency\n" +
		"watches-1,2019-12-01,Pyongyang Trading,KP,CN > KP,CN,KP,gold wrist watches,9101.11,10,item,50000,USD\n" +
		"bad-2,2019-12-01,x,KP,CN > KP,CN,KP,rice,1006.30,ten,kg,1,USD\n"
	tests := []struct {
		name, file, content string
		status              int
		want                []string
		items               int
	}{
		{"jsonl", "ships.jsonl", uiJSONL, 200, []string{"Shipment ok-1", "ships.jsonl line 2", "ships.jsonl line 3", "Not judged"}, 3},
		{"csv", "bl.csv", csv, 200, []string{"Shipment watches-1", "bl.csv line 3, shipment bad-2", "b-block"}, 2},
		{"empty", "none.csv", " \n", 400, []string{"nothing to check"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := uiUpload(t, s, token, tt.file, tt.content)
			body := rec.Body.String()
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d; body:\n%.3000s", rec.Code, tt.status, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q; body:\n%s", w, body)
				}
			}
			if n := strings.Count(body, `<article class="decision`); n != tt.items {
				t.Errorf("%d records shown, want %d", n, tt.items)
			}
		})
	}
}

func TestUIPaste(t *testing.T) {
	s := uiServer(t)
	_, form := uiGet(t, s, "/ui/check")
	rec := uiPost(t, s, "/ui/check", url.Values{"csrf": {csrfToken(t, form)}, "text": {uiJSONL}, "format": {"auto"}})
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "Shipment ok-1") {
		t.Errorf("status %d; body:\n%.2000s", rec.Code, rec.Body.String())
	}
}

func TestUICSRF(t *testing.T) {
	s := uiServer(t)
	for _, path := range []string{"/ui/check", "/ui/screen"} {
		for _, tok := range []string{"", "0123456789abcdef"} {
			rec := uiPost(t, s, path, url.Values{"csrf": {tok}, "text": {uiJSONL}, "name": {"KOMID"}})
			if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "did not come from this desk") {
				t.Errorf("POST %s with token %q: status %d, want 403 page", path, tok, rec.Code)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("POST %s: Content-Type %q, want HTML", path, ct)
			}
		}
	}
}

func TestUIScreen(t *testing.T) {
	s := uiServer(t)
	_, form := uiGet(t, s, "/ui/screen")
	token := csrfToken(t, form)
	tests := []struct {
		name   string
		form   url.Values
		status int
		want   string
	}{
		{"match", url.Values{"name": {"Korea Mining Development Trading Corporation"}, "kind": {"org"}}, 200, "KPe.001"},
		{"no name", url.Values{"name": {"  "}}, 400, "give the name"},
		{"bad kind", url.Values{"name": {"x"}, "kind": {"boat"}}, 400, "want org, person or vessel"},
		{"bad country", url.Values{"name": {"x"}, "country": {"XX"}}, 400, "not an assigned"},
		{"bad imo", url.Values{"name": {"x"}, "kind": {"vessel"}, "imo": {"1234568"}}, 400, "IMO number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.form.Set("csrf", token)
			rec := uiPost(t, s, "/ui/screen", tt.form)
			if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.want) {
				t.Errorf("status %d, want %d with %q; body:\n%.2000s", rec.Code, tt.status, tt.want, rec.Body.String())
			}
		})
	}
}

// TestUIEscapes checks hostile input is shown as text, never as markup.
func TestUIEscapes(t *testing.T) {
	s := uiServer(t)
	_, form := uiGet(t, s, "/ui/check")
	token := csrfToken(t, form)
	const hostile = `<script>alert(1)</script>`
	line := `{"id":"x<script>alert(1)</script>","date":"2024-03-01","parties":[{"role":"consignee","name":"` + hostile + `","country":"KP"}],"origin":"TH","destination":"KP","lines":[{"description":"rice","hs":"1006.30","quantity":1,"unit":"kg","value":1,"currency":"USD"}]}` + "\n" + hostile + "\n"
	pages := map[string]*httptest.ResponseRecorder{
		"check":  uiPost(t, s, "/ui/check", url.Values{"csrf": {token}, "text": {line}}),
		"screen": uiPost(t, s, "/ui/screen", url.Values{"csrf": {token}, "name": {hostile}}),
	}
	_, cmpPage := uiGet(t, s, "/ui/lists/compare?a="+url.QueryEscape(hostile)+"&b=US")
	for name, rec := range pages {
		if strings.Contains(rec.Body.String(), hostile) {
			t.Errorf("%s page holds the party's name unescaped", name)
		}
		if !strings.Contains(rec.Body.String(), "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s page does not show the name escaped:\n%.3000s", name, rec.Body.String())
		}
	}
	if strings.Contains(cmpPage, hostile) {
		t.Error("compare page holds the parameter unescaped")
	}
}
