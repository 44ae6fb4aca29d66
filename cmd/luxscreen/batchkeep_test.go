package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// keptRow is what a test knows of one output row: the record's ID, the
// input line it starts on (error rows only) and whether it is an error
// row, with its message.
type keptRow struct {
	ID    string
	Line  int
	Error string
}

// mixedInput is a batch input with bad records among good ones, and the
// rows its output must have, in order.
type mixedInput struct {
	text string
	rows []keptRow
}

// mixedLines builds a JSON-lines input of n records of which every
// badEvery-th is one of bad in turn; good(i) returns the i-th good record,
// whose ID must be "r<i>". Blank lines are put in now and then; they are
// not records. Each bad record's ID is "bad<i>" and wantErr is the start
// of its error row's message.
func mixedLines(n, badEvery int, good func(i int) string, bad []badLine) mixedInput {
	var (
		b    strings.Builder
		rows []keptRow
		line int
	)
	for i := range n {
		if i%7 == 3 {
			b.WriteString("\n")
			line++
		}
		line++
		if i%badEvery == badEvery-1 {
			k := bad[(i/badEvery)%len(bad)]
			id := fmt.Sprintf("bad%d", i)
			b.WriteString(k.text(id))
			rows = append(rows, keptRow{ID: id, Line: line, Error: k.wantErr})
		} else {
			b.WriteString(good(i))
			rows = append(rows, keptRow{ID: fmt.Sprintf("r%d", i)})
		}
		b.WriteString("\n")
	}
	return mixedInput{text: b.String(), rows: rows}
}

// badLine is a kind of bad record: its text given its ID, and the start of
// the message of its error row.
type badLine struct {
	text    func(id string) string
	wantErr string
}

// badJSON are the bad lines every batch command's JSON input is tested
// with: bad syntax, a line over the limit, more than one value, an
// unknown field; each command adds a line of wrong types of its own.
func badJSON(field string) []badLine {
	return []badLine{
		{func(id string) string { return `{"id":"` + id + `","` + field + `": [}` }, "not valid JSON: unexpected '}' where a value should start"},
		{func(id string) string {
			return `{"id":"` + id + `","` + field + `":"` + strings.Repeat("x", maxLine) + `"}`
		}, "line too long: the record is longer than 4 MiB"},
		{func(id string) string { return `{"id":"` + id + `"} {"id":"x"}` }, "not valid JSON: more than one JSON value"},
		{func(id string) string { return `{"id":"` + id + `","colour":"red"}` }, "colour: unknown field"},
	}
}

// TestBatchKeepsEveryRecord runs each batch command in each of its output
// formats over JSON lines with bad records among good ones, and checks
// that every record has its row, in order, that error rows name the ID,
// the line and the fault in plain words, and that the summary counts the
// rows. LUXSCREEN_BATCH_RECORDS sets the records of each run (200000 for
// the size of a day's work: twelve minutes on two cores, and several
// gigabytes, since the test holds each input and output in memory); the
// default keeps the test quick.
func TestBatchKeepsEveryRecord(t *testing.T) {
	n := 60
	if s := os.Getenv("LUXSCREEN_BATCH_RECORDS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			t.Fatalf("LUXSCREEN_BATCH_RECORDS=%q: %v", s, err)
		}
	}
	// One record in five is bad in the quick run; in a large one, one in
	// two thousand, so that the lines over 4 MiB stay a few dozen.
	badEvery := max(5, n/100)
	seeds, err := exampleShipments()
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Korea Ryongbong General Corp", "Acme Trading Ltd", "Ocean Maritime Management", "Golden Star GmbH"}
	goods := []string{"hand-knotted Persian wool rug", "wrist watch, gold case", "frozen shrimp", "Mercedes-Maybach S600 limousine"}
	commands := []struct {
		name    string
		args    []string
		formats []string
		input   mixedInput
	}{
		{
			name: "screen", args: []string{"screen"}, formats: []string{"jsonl", "json", "csv"},
			input: mixedLines(n, badEvery, func(i int) string {
				return fmt.Sprintf(`{"id":"r%d","name":%q,"kind":"org"}`, i, names[i%len(names)])
			}, append(badJSON("name"),
				badLine{func(id string) string { return `{"id":"` + id + `","name":5}` }, "name: wrong type: want text in double quotes, got a number"},
				badLine{func(id string) string { return `{"id":"` + id + `","name":"` + strings.Repeat("Kim ", 2000) + `"}` }, "screen: name: 7999 characters, at most 1000 allowed"})),
		},
		{
			name: "classify", args: []string{"classify", "--rate", "EUR=1.08"}, formats: []string{"jsonl", "json", "csv", "table"},
			input: mixedLines(n, badEvery, func(i int) string {
				return fmt.Sprintf(`{"id":"r%d","description":%q,"value":%d,"currency":"USD"}`, i, goods[i%len(goods)], 100*i)
			}, append(badJSON("description"), badLine{func(id string) string { return `{"id":"` + id + `","description":"rug","value":"lots"}` }, "value: wrong type: want a number, got text"})),
		},
		{
			name: "check", args: []string{"check"}, formats: []string{"jsonl", "json", "csv", "table", "html"},
			input: mixedLines(n, badEvery, func(i int) string {
				s := varyShipment(seeds[i%len(seeds)], i)
				s["id"] = fmt.Sprintf("r%d", i)
				b, err := json.Marshal(s)
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}, append(badJSON("lines"), badLine{func(id string) string { return `{"id":"` + id + `","lines":[{"description":"cars","value":"lots"}]}` }, "lines.value: wrong type: want a number, got text"})),
		},
	}
	for _, c := range commands {
		for _, f := range c.formats {
			t.Run(c.name+"/"+f, func(t *testing.T) {
				args := append(slicesClone(c.args), "--input", "-", "--format", f, "--workers", "3")
				code, out, stderr := runCLI(t, c.input.text, args...)
				if code != exitError {
					t.Errorf("exit %d, want %d for a batch with bad records", code, exitError)
				}
				got := rowsOf(t, c.name, f, out)
				if len(got) != len(c.input.rows) {
					t.Errorf("%d rows out for %d records in", len(got), len(c.input.rows))
				}
				if diff := cmp.Diff(c.input.rows, got, cmp.Comparer(errorStarts)); diff != "" {
					t.Errorf("rows (-want +got):\n%s", diff)
				}
				for _, r := range got {
					if raw := rawDecoderText.FindString(r.Error); raw != "" {
						t.Errorf("row %s: the decoder's own words %q in %q", r.ID, raw, r.Error)
					}
				}
				total, errs := summary(t, stderr)
				if total != len(c.input.rows) || errs != countErrors(c.input.rows) {
					t.Errorf("summary counts %d records and %d errors; the output has %d rows, %d of them errors", total, errs, len(c.input.rows), countErrors(c.input.rows))
				}
			})
		}
	}
}

// rawDecoderText matches the words of encoding/json's own messages, which
// must not reach people.
var rawDecoderText = regexp.MustCompile(`json: |cannot unmarshal|Go struct|Go value|looking for beginning`)

// errorStarts compares the rows a test wants with those it got: the
// wanted error is the start of the message.
func errorStarts(want, got keptRow) bool {
	if len(got.Error) < len(want.Error) {
		want, got = got, want
	}
	return want.ID == got.ID && want.Line == got.Line && strings.HasPrefix(got.Error, want.Error) && (want.Error == "") == (got.Error == "")
}

func countErrors(rows []keptRow) int {
	n := 0
	for _, r := range rows {
		if r.Error != "" {
			n++
		}
	}
	return n
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }

// summaryRE matches the summary a batch writes on standard error:
// "luxscreen screen: 60 queries in 1s (60/s): match 3, review 2, clear
// 40; 15 errors". Notes that count records a second time, such as
// classify's "needs review 48", follow the outcomes after "; ".
var summaryRE = regexp.MustCompile(`luxscreen \w+: ([\d,]+) \w+ in [^:]*: (.*); ([\d,]+) errors?\n`)

// summary returns the records and errors the summary counts, after
// checking that its outcomes and errors add up to its records.
func summary(t *testing.T, stderr string) (total, errs int) {
	t.Helper()
	m := summaryRE.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary on standard error:\n%s", lastLines(stderr, 5))
	}
	total, errs = atoiCommas(t, m[1]), atoiCommas(t, m[3])
	sum := errs
	outcomes, _, _ := strings.Cut(m[2], "; ")
	for _, part := range strings.Split(outcomes, ", ") {
		sum += atoiCommas(t, part[strings.LastIndexByte(part, ' ')+1:])
	}
	if sum != total {
		t.Errorf("summary %q: outcomes and errors add up to %d, not %d", m[0], sum, total)
	}
	return total, errs
}

func atoiCommas(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return n
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// rowsOf reads the rows of a batch command's output in format f: one per
// record, decisions of check CSV grouped by ID.
func rowsOf(t *testing.T, cmd, f, out string) []keptRow {
	t.Helper()
	var rows []keptRow
	switch f {
	case "jsonl", "json":
		var raws []json.RawMessage
		if f == "json" {
			if err := json.Unmarshal([]byte(out), &raws); err != nil {
				t.Fatalf("output is not a JSON array: %v", err)
			}
		} else {
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				raws = append(raws, json.RawMessage(l))
			}
		}
		for _, raw := range raws {
			var r struct {
				ID    string
				Line  int
				Error string
			}
			if err := json.Unmarshal(raw, &r); err != nil {
				t.Fatalf("%.200s: %v", raw, err)
			}
			if r.Error == "" {
				r.Line = 0
			}
			rows = append(rows, keptRow(r))
		}
	case "csv":
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		head := recs[0]
		col := func(rec []string, name string) string {
			for i, h := range head {
				if h == name {
					return rec[i]
				}
			}
			t.Fatalf("no %s column in %q", name, head)
			return ""
		}
		for _, rec := range recs[1:] {
			r := keptRow{ID: col(rec, "id"), Error: col(rec, "error")}
			if r.Error != "" {
				r.Line = atoiCommas(t, col(rec, "line"))
			}
			if cmd == "check" && len(rows) > 0 && rows[len(rows)-1].ID == r.ID && r.Error == "" {
				continue // another finding of the same decision
			}
			rows = append(rows, r)
		}
	case "table":
		// A result starts "shipment ID — VERDICT" (check) or with the
		// description, then "HS6:" (classify); an error row starts
		// "NOUN ID (line N) — ERROR", then the message.
		head := regexp.MustCompile(`(?m)^(?:shipment (\S+) — [A-Z]+ \(as of|(\S+) (\S+) \(line (\d+)\) — ERROR\n  (.*)|HS6: )`)
		for _, m := range head.FindAllStringSubmatch(out, -1) {
			switch {
			case m[1] != "":
				rows = append(rows, keptRow{ID: m[1]})
			case m[3] != "":
				rows = append(rows, keptRow{ID: m[3], Line: atoiCommas(t, m[4]), Error: m[5]})
			default:
				rows = append(rows, keptRow{ID: "?"})
			}
		}
		if cmd == "classify" {
			// Classify's table does not print the ID of a result.
			for i := range rows {
				if rows[i].Error == "" {
					rows[i].ID = "r" + strconv.Itoa(i)
				}
			}
		}
	case "html":
		// Every record has a row, anchored by its place in the input;
		// a record not judged names its ID and line in its first cell.
		row := regexp.MustCompile(`<tr id="d(\d+)"><td>([^<\n]*)(?:<td class="errmsg">([^\n]*))?`)
		where := regexp.MustCompile(`^Shipment ([^( ]+) \(stdin:(\d+)\)$`)
		byPlace := map[int]keptRow{}
		for _, m := range row.FindAllStringSubmatch(out, -1) {
			r := keptRow{ID: html.UnescapeString(m[2])}
			if m[3] != "" {
				w := where.FindStringSubmatch(r.ID)
				if w == nil {
					t.Fatalf("row of a record not judged names %q", r.ID)
				}
				r = keptRow{ID: w[1], Line: atoiCommas(t, w[2]), Error: html.UnescapeString(m[3])}
			}
			byPlace[atoiCommas(t, m[1])] = r
		}
		for i := 1; i <= len(byPlace); i++ {
			r, ok := byPlace[i]
			if !ok {
				r = keptRow{ID: "?"}
			}
			rows = append(rows, r)
		}
	default:
		t.Fatalf("format %s", f)
	}
	return rows
}

// TestBatchCSVKeepsEveryRecord runs each batch command over CSV input with
// bad fields and a quote out of place among good rows, and checks the
// rows as TestBatchKeepsEveryRecord does.
func TestBatchCSVKeepsEveryRecord(t *testing.T) {
	tests := []struct {
		name string
		args []string
		in   string
		want []keptRow
	}{
		{
			name: "screen", args: []string{"screen"},
			in: "id,name,kind\nr0,Acme Trading Ltd,org\nbad1,Acme,planet\nbad2,\"Acme\" Ltd,org\nr3,Golden Star GmbH,org\nbad4,Acme\nr5,Ocean Maritime Management,org\nbad6," + strings.Repeat("Kim ", 300) + ",person\n",
			want: []keptRow{{ID: "r0"}, {ID: "bad1", Line: 3, Error: `kind: "planet": want org, person or vessel`}, {Line: 4, Error: "quote out of place: text after the closing quote"},
				{ID: "r3"}, {ID: "bad4", Line: 6, Error: "wrong number of fields: 2, the header has 3"}, {ID: "r5"}, {ID: "bad6", Line: 8, Error: "screen: name: 1199 characters, at most 1000 allowed"}},
		},
		{
			name: "classify", args: []string{"classify"},
			in: "id,description,value,currency\nr0,frozen shrimp,100,USD\nbad1,gold watch,1.000.000,USD\nbad2,rug,1,USD,extra\nr3,wrist watch,200,USD\n,rug,lots,USD\n,rug,5,USD\n",
			want: []keptRow{{ID: "r0"}, {ID: "bad1", Line: 3, Error: `value: "1.000.000" is not a number`}, {ID: "bad2", Line: 4, Error: "wrong number of fields: 5, the header has 4"}, {ID: "r3"},
				{ID: "6", Line: 6, Error: `value: "lots" is not a number`}, {ID: "7"}},
		},
		{
			name: "check", args: []string{"check"},
			in:   blHeader + "r0,2024-01-02,,,,,rice,1006.30,,,,\nbad1,2024-01-02,,,,,rings,,,,100,EURO\nbad2,2024-01-02,,,,,rings,,,\nr3,2024-01-02,,,,,watches,9101.21,1,item,100,USD\n",
			want: []keptRow{{ID: "r0"}, {ID: "bad1", Line: 3, Error: `currency: invalid value: "EURO" is not an ISO 4217 code`}, {ID: "bad2", Line: 4, Error: "wrong number of fields"}, {ID: "r3"}},
		},
	}
	for _, tt := range tests {
		for _, f := range []string{"jsonl", "csv"} {
			t.Run(tt.name+"/"+f, func(t *testing.T) {
				args := append(slicesClone(tt.args), "--input", "-", "--input-format", "csv", "--format", f)
				code, out, stderr := runCLI(t, tt.in, args...)
				if code != exitError {
					t.Errorf("exit %d, want %d; stderr:\n%s", code, exitError, stderr)
				}
				got := rowsOf(t, tt.name, f, out)
				if diff := cmp.Diff(tt.want, got, cmp.Comparer(errorStarts)); diff != "" {
					t.Errorf("rows (-want +got):\n%s", diff)
				}
				total, errs := summary(t, stderr)
				if total != len(tt.want) || errs != countErrors(tt.want) {
					t.Errorf("summary counts %d records and %d errors; want %d and %d", total, errs, len(tt.want), countErrors(tt.want))
				}
			})
		}
	}
}

// TestBatchWholeDocument checks that an input that is one indented JSON
// document is one record, and that indented documents one after another
// are not: each of their lines is a record that fails alone.
func TestBatchWholeDocument(t *testing.T) {
	doc := "{\n  \"id\": \"a\",\n  \"name\": \"Acme Trading Ltd\"\n}\n"
	out, _ := runOK(t, doc, "screen", "--input", "-", "--format", "jsonl")
	if got := rowsOf(t, "screen", "jsonl", out); !cmp.Equal(got, []keptRow{{ID: "a"}}) {
		t.Errorf("one document: rows %v", got)
	}
	code, out, _ := runCLI(t, doc+doc, "screen", "--input", "-", "--format", "jsonl")
	if got := rowsOf(t, "screen", "jsonl", out); code != exitError || len(got) != 8 || got[0].Line != 1 || got[7].Line != 8 || got[0].Error == "" {
		t.Errorf("two documents: exit %d, rows %v", code, got)
	}
}

// TestBatchOutputFile checks --output: refused when it is the input under
// any name, written whole or not at all, and an input without records is
// an error that leaves no file.
func TestBatchOutputFile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	query := `{"id":"a","name":"Acme Trading Ltd"}` + "\n"
	if err := os.WriteFile(in, []byte(query), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.jsonl")
	if err := os.Symlink(in, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.jsonl")
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{in, link, hard, filepath.Join(dir, ".", "in.jsonl")} {
		wantExit(t, "", exitUsage, "is the input", "screen", "--input", in, "--format", "jsonl", "--output", out)
	}
	if b, err := os.ReadFile(in); err != nil || string(b) != query {
		t.Errorf("the input after the refusals: %q, %v", b, err)
	}

	// An empty input is an error and leaves an earlier output as it was.
	out := filepath.Join(dir, "out.jsonl")
	if err := os.WriteFile(out, []byte("earlier\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, empty := range []string{"", "\n  \n", "id,name\n"} {
		wantExit(t, empty, exitUsage, "no queries in stdin", "screen", "--input", "-", "--input-format", map[bool]string{true: "csv", false: "jsonl"}[strings.HasPrefix(empty, "id")], "--format", "jsonl", "--output", out)
	}
	if b, err := os.ReadFile(out); err != nil || string(b) != "earlier\n" {
		t.Errorf("the output after empty inputs: %q, %v", b, err)
	}

	// A batch with bad records writes every row, keeps the file's
	// permissions and leaves no temporary file.
	wantExit(t, query+"{\n", exitError, "1 of 2 queries failed", "screen", "--input", "-", "--format", "jsonl", "--output", out)
	b, err := os.ReadFile(out)
	if err != nil || strings.Count(string(b), "\n") != 2 || !strings.Contains(string(b), `{"id":"","line":2,"error":"not valid JSON`) {
		t.Errorf("output %q, %v", b, err)
	}
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the output's permissions: %v, %v; want those of the file it replaced", st.Mode(), err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(files) > 0 {
		t.Errorf("files left behind: %v", files)
	}
}
