package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/luxscreen/luxscreen/screen"
)

// listFlags collects repeated --list values.
type listFlags []string

func (l *listFlags) String() string     { return strings.Join(*l, ",") }
func (l *listFlags) Set(v string) error { *l = append(*l, v); return nil }

// screenInput is one line of batch input.
type screenInput struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Country string `json:"country"`
	IMO     string `json:"imo"`
	DOB     string `json:"dob"`
}

// screenHit and screenOutput are the machine-readable output; their field
// names are fixed by the issue and must stay stable.
type screenHit struct {
	Entity      string   `json:"entity"`
	List        string   `json:"list"`
	Ref         string   `json:"ref"`
	Name        string   `json:"name"`
	MatchedName string   `json:"matched_name"`
	Score       float64  `json:"score"`
	Reasons     []string `json:"reasons"`
}

type screenOutput struct {
	ID           string               `json:"id"`
	Verdict      screen.Verdict       `json:"verdict"`
	Hits         []screenHit          `json:"hits"`
	Reasons      []string             `json:"reasons,omitempty"`
	ListVersions []screen.ListVersion `json:"list_versions"`
}

func runScreen(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "screen", `"NAME" [--kind org|person|vessel] [--imo N] [--country C] [--dob D] [--list FILE …] [--format table|json|jsonl]
       luxscreen screen --input FILE|- --format jsonl [--list FILE …]`)
	kindFlag := fs.String("kind", "", "party kind: org, person or vessel (default: any)")
	imo := fs.String("imo", "", "ship or company IMO number")
	country := fs.String("country", "", "party country (name or ISO code)")
	dob := fs.String("dob", "", "person's date of birth, YYYY[-MM[-DD]]")
	input := fs.String("input", "", "batch input file of JSON lines {id,name,kind,country,imo}, or - for stdin")
	format := fs.String("format", "table", "output format: table, json or jsonl")
	var lists listFlags
	fs.Var(&lists, "list", "list file or OFAC CSV directory (UN XML, OFAC CSV/XML, EU, UK, FtM JSON); repeatable; default: the embedded demo list")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	f, err := parseFormat(*format, formatTable, formatJSON, formatJSONL)
	if err != nil {
		return err
	}
	if *input == "" && len(pos) != 1 && *imo == "" {
		return usagef("screen: give one NAME (quoted), --imo, or --input FILE")
	}
	if *input != "" && len(pos) > 0 {
		return usagef("screen: give either NAME or --input, not both")
	}
	kind, ok := screen.ParseKind(*kindFlag)
	if !ok {
		return usagef("screen: --kind %q: want org, person or vessel", *kindFlag)
	}
	s, err := loadScreener(ctx, e, lists)
	if err != nil {
		return err
	}
	if *input != "" {
		return screenBatch(ctx, e, s, *input, f)
	}
	name := ""
	if len(pos) == 1 {
		name = pos[0]
	}
	res, err := s.Screen(ctx, screen.Query{Name: name, Kind: kind, Country: *country, IMO: *imo, DOB: *dob})
	if err != nil {
		return err
	}
	out := toOutput("", res)
	if f == formatTable {
		return printScreenTable(e.stdout, name, out)
	}
	return writeRecords(e.stdout, f, []screenOutput{out})
}

// loadScreener loads the --list files, or the demo list with a warning.
func loadScreener(ctx context.Context, e *env, paths []string) (*screen.Screener, error) {
	var lists []screen.List
	if len(paths) == 0 {
		fmt.Fprintln(e.stderr, screen.DemoWarning)
		l, err := screen.DemoList()
		if err != nil {
			return nil, err
		}
		lists = append(lists, l)
	}
	for _, p := range paths {
		l, err := screen.Load(ctx, p)
		if err != nil {
			return nil, fmt.Errorf("--list %s: %w", p, err)
		}
		lists = append(lists, l)
	}
	return screen.NewScreener(lists...)
}

// screenBatch screens JSON lines from path (or stdin for "-").
func screenBatch(ctx context.Context, e *env, s *screen.Screener, path string, f outputFormat) error {
	if f != formatJSONL {
		return usagef("screen: --input needs --format jsonl")
	}
	r, name, done, err := openInput(e, path)
	if err != nil {
		return err
	}
	defer done()
	enc := json.NewEncoder(e.stdout)
	return decodeJSONLines(r, name, func(_ int, in screenInput) error {
		kind, ok := screen.ParseKind(in.Kind)
		if !ok {
			return fmt.Errorf("kind: %q: want org, person or vessel", in.Kind)
		}
		res, err := s.Screen(ctx, screen.Query{Name: in.Name, Kind: kind, Country: in.Country, IMO: in.IMO, DOB: in.DOB})
		if err != nil {
			return err
		}
		return enc.Encode(toOutput(in.ID, res))
	})
}

func toOutput(id string, res screen.Result) screenOutput {
	out := screenOutput{ID: id, Verdict: res.Verdict, Hits: []screenHit{}, Reasons: res.Reasons, ListVersions: res.ListVersions}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, screenHit{Entity: h.Entity, List: h.List, Ref: h.Ref, Name: h.Name, MatchedName: h.MatchedName, Score: h.Score, Reasons: h.Reasons})
	}
	if out.ListVersions == nil {
		out.ListVersions = []screen.ListVersion{}
	}
	return out
}

func printScreenTable(w io.Writer, name string, out screenOutput) error {
	fmt.Fprintf(w, "%s: %s\n", strings.ToUpper(string(out.Verdict)), name)
	for _, r := range out.Reasons {
		fmt.Fprintf(w, "  reason: %s\n", r)
	}
	if len(out.Hits) > 0 {
		tw := newTable(w)
		fmt.Fprintln(tw, "SCORE\tLIST\tREF\tNAME\tMATCHED NAME\tREASONS")
		for _, h := range out.Hits {
			fmt.Fprintf(tw, "%.3f\t%s\t%s\t%s\t%s\t%s\n", h.Score, h.List, h.Ref, h.Name, h.MatchedName, strings.Join(h.Reasons, "; "))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	for _, v := range out.ListVersions {
		fmt.Fprintf(w, "list %s (%s) published %s sha256 %s\n", v.Source, v.Format, orDash(v.Published), v.SHA256)
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// errSharedUnset is returned when neither --shared nor $LUXSCREEN_SHARED
// names the shared data directory.
var errSharedUnset = errors.New("no shared data directory: pass --shared DIR or set LUXSCREEN_SHARED")
