package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/lists"
)

// historyStep is the wire form of one step of "lists history".
type historyStep struct {
	List     string             `json:"list"`
	Via      string             `json:"via,omitempty"`
	From     string             `json:"from"`
	Until    string             `json:"until,omitempty"`
	Summary  lists.Summary      `json:"summary"`
	Amended  []lists.Amendment  `json:"amendments,omitempty"`
	LaterAdd []historyLaterItem `json:"entries_added_later,omitempty"`
}

type historyLaterItem struct {
	Entry string `json:"entry"`
	From  string `json:"from"`
}

// historyJSON is the wire form of "lists history --format json".
type historyJSON struct {
	Jurisdiction string        `json:"jurisdiction"`
	Steps        []historyStep `json:"steps"`
	// Uncovered are the periods since 14 October 2006 in which no list of
	// the catalogue bound the jurisdiction.
	Uncovered []lists.Period `json:"uncovered"`
}

// runListsHistory prints the succession of lists that bound a
// jurisdiction ("luxscreen lists history GB").
func runListsHistory(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "lists history", "JURISDICTION [--format table|json]")
	fs.formatFlag(formatTable, formatTable, formatJSON)
	pos, f, err := fs.parseOutput(args, 1, "want one jurisdiction, e.g. luxscreen lists history GB")
	if err != nil {
		return err
	}
	opts, err := (luxscreen.Filter{Jurisdictions: pos[0]}).Options(e.now())
	if err != nil {
		return usagef("lists history: %v", err)
	}
	j := opts.Jurisdictions[0]
	cat, err := fs.catalogue(ctx, e)
	if err != nil {
		return err
	}
	steps := cat.History(j)
	h := historyJSON{Jurisdiction: j, Steps: []historyStep{}, Uncovered: append([]lists.Period{}, uncovered(steps, lists.BanStart(), opts.Date)...)}
	for _, st := range steps {
		hs := historyStep{List: st.List.ID, Via: st.Via, From: st.Period.From.Format(dateFlagLayout), Summary: st.List.Summary(), Amended: st.List.Amendments}
		if st.Period.Until != nil {
			hs.Until = st.Period.Until.Format(dateFlagLayout)
		}
		for _, en := range st.List.Entries {
			if en.InForce.From.After(st.List.InForce.From) {
				hs.LaterAdd = append(hs.LaterAdd, historyLaterItem{en.ID, en.InForce.From.Format(dateFlagLayout)})
			}
		}
		h.Steps = append(h.Steps, hs)
	}
	if f == formatJSON {
		return writeJSON(e.stdout, h)
	}
	return printHistory(e.stdout, h)
}

func printHistory(w io.Writer, h historyJSON) error {
	fmt.Fprintf(w, "Lists that bound %s since %s (UNSCR 1718), its own and those of unions it belonged to:\n\n", h.Jurisdiction, lists.BanStart().Format(dateFlagLayout))
	if len(h.Steps) == 0 {
		fmt.Fprintf(w, "no list of %s in the catalogue: not the same as not controlled\n", h.Jurisdiction)
		return nil
	}
	tw := newTable(w)
	fmt.Fprintln(tw, "FROM\tUNTIL\tLIST\tVIA\tKIND\tINSTRUMENT\tCONF\tENTRIES\tBASIS\tCONFIDENCE")
	for _, s := range h.Steps {
		via := s.Via
		if via == "" {
			via = "–"
		}
		kind := s.Summary.Kind
		if s.Summary.Measure == string(lists.Licence) {
			kind += " (licence)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", s.From, orDash(s.Until), s.List, via, kind, truncate(s.Summary.Instrument, 50),
			lists.Confidence(s.Summary.Confidence).Short(), s.Summary.Entries, s.Summary.BasisText(), s.Summary.ConfidenceText())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range h.Steps {
		for _, a := range s.Amended {
			fmt.Fprintf(w, "%s amended by %s on %s: %s\n", s.List, a.Reference, a.Date.Format(dateFlagLayout), a.Summary)
		}
		for _, x := range s.LaterAdd {
			fmt.Fprintf(w, "%s: entry %s in force from %s\n", s.List, x.Entry, x.From)
		}
	}
	for _, p := range h.Uncovered {
		until := "today"
		if p.Until != nil {
			until = p.Until.Format(dateFlagLayout)
		}
		fmt.Fprintf(w, "%s – %s: no list of %s in the catalogue (the UN ban bound it; not the same as not controlled)\n", p.From.Format(dateFlagLayout), until, h.Jurisdiction)
	}
	fmt.Fprintln(w, legend)
	return nil
}

// uncovered returns the periods between from and to in which no step
// binds: the days a lookup of the jurisdiction has no list to answer
// with. Until of the last period is nil when it runs to the present.
func uncovered(steps []lists.Step, from, to time.Time) []lists.Period {
	var out []lists.Period
	at := from
	for {
		next := at
		for _, s := range steps {
			// The step covering "at" that reaches furthest moves it on.
			if s.Period.Contains(at) {
				if s.Period.Until == nil {
					return out
				}
				if s.Period.Until.After(next) {
					next = *s.Period.Until
				}
			}
		}
		if next.After(at) {
			at = next
			continue
		}
		// No step covers "at": the gap runs to the next step's start.
		var start *time.Time
		for _, s := range steps {
			if s.Period.From.After(at) && (start == nil || s.Period.From.Before(*start)) {
				f := s.Period.From
				start = &f
			}
		}
		if !at.Before(to) {
			return out
		}
		out = append(out, lists.Period{From: at, Until: start})
		if start == nil {
			return out
		}
		at = *start
	}
}
