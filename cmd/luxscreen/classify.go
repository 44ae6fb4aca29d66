package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/hs"
	"github.com/luxscreen/luxscreen/internal/csvtab"
	"github.com/luxscreen/luxscreen/internal/progress"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/report"
)

// classifyUsage is the synopsis of "luxscreen classify".
const classifyUsage = `"DESCRIPTION" [--hs CODE] [--value N --currency C] [--quantity N --unit U] [--jurisdiction UN,EU] [--date YYYY-MM-DD] [--rate EUR=1.08 …] [--rates FILE] [--nomenclature FILE] [--format table|json|jsonl]
       luxscreen classify --input FILE|- [--input-format jsonl|csv] [--format jsonl|json|table|csv] [--workers N] [--output FILE] [same flags]`

// classifierFlags are the flags shared by "classify" and "eval classify".
type classifierFlags struct {
	juris, date, rates, nomenclature, edition, correlation string
	rate                                                   repeated
}

// register registers the classifier's reference-data flags, which
// "classify" and "eval classify" read alike: --rates, --rate,
// --nomenclature and --edition.
func (f *classifierFlags) register(fs *flagSet) {
	fs.StringVar(&f.rates, "rates", "", "exchange rates FILE (YAML: base, source, rates), as for check")
	fs.Var(&f.rate, "rate", "an exchange rate CUR=N: one CUR is worth N of the base, USD unless --rates says otherwise, e.g. EUR=1.08 (repeatable)")
	fs.StringVar(&f.nomenclature, "nomenclature", "", "HS nomenclature FILE (Comtrade JSON, flat HS CSV or EU CN CSV) for text outside the luxury lexicon")
	fs.StringVar(&f.edition, "edition", "HS2022", "edition of --nomenclature when the file does not name it")
}

// config returns the system configuration the flags ask for. The UN lists
// are always considered (see classify.WithJurisdictions).
func (f *classifierFlags) config() (luxscreen.Config, error) {
	cfg := luxscreen.Config{Nomenclature: f.nomenclature, Correlation: f.correlation}
	// The jurisdictions are read as lookup reads them, so that a
	// misspelt one is refused rather than matching no list.
	opts, err := luxscreen.Filter{Jurisdictions: f.juris}.Options(time.Now())
	if err != nil {
		return cfg, usagef("--%v", err)
	}
	cfg.Jurisdictions = opts.Jurisdictions
	if cfg.Rates, err = readRates(f.rates, f.rate); err != nil {
		return cfg, err
	}
	if f.nomenclature != "" && f.edition != "" {
		if cfg.Edition, err = hs.ParseEdition(f.edition); err != nil {
			return cfg, usagef("--edition: %v", err)
		}
	}
	return cfg, nil
}

// newClassifier opens the system the flags ask for, with the data
// directory dataDir (--data), and returns its classifier.
func (f *classifierFlags) newClassifier(ctx context.Context, e *env, dataDir string) (*classify.Classifier, error) {
	cfg, err := f.config()
	if err != nil {
		return nil, err
	}
	cfg.Now, cfg.DataDir = e.now, dataDir
	sys, err := luxscreen.Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return sys.Classifier(), nil
}

// readRates reads --rates FILE (YAML: base, source, rates, the format of
// "check --rates") and the --rate flags, which win. A --rate is in the
// file's base currency, US dollars without a file. Neither gives nil.
func readRates(file string, flags []string) (*lists.Rates, error) {
	if file == "" && len(flags) == 0 {
		return nil, nil
	}
	r := lists.NewRates("USD")
	r.Source = "--rate"
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		if r, err = lists.ParseRates(file, data); err != nil {
			return nil, err
		}
	}
	for _, s := range flags {
		if err := r.Set(s); err != nil {
			return nil, usagef("--rate: %v", err)
		}
	}
	return r, nil
}

// inputLine is one line of a batch file; its field names are stable
// (classify.Line).
type inputLine = classify.Line

func runClassify(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "classify", classifyUsage)
	var cf classifierFlags
	code := fs.String("hs", "", "the declared HS code to validate and compare")
	value := fs.Float64("value", 0, "total value of the line")
	currency := fs.String("currency", "", "ISO 4217 currency of --value")
	quantity := fs.Float64("quantity", 0, "quantity of the line")
	unit := fs.String("unit", "", "unit of --quantity (pcs, kg, pairs…)")
	dest := fs.String("destination", "", "destination country (ISO alpha-2)")
	exporter := fs.String("exporter-country", "", "exporter country (ISO alpha-2)")
	input := fs.String("input", "", "batch: read JSON lines or CSV from FILE, or - for standard input")
	format := fs.String("format", "", "output format: table, json or jsonl (default table), csv too for --input (default jsonl)")
	var bf batchFlags
	bf.register(fs)
	fs.StringVar(&cf.juris, "jurisdiction", "", "comma-separated jurisdictions whose controls to report (default all; UN always included)")
	fs.StringVar(&cf.date, "date", "", "shipment date YYYY-MM-DD (default today)")
	cf.register(fs)
	fs.StringVar(&cf.correlation, "correlation", "", "UNSD correlation table FILE to map declared codes of older editions")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	var date time.Time
	if cf.date != "" {
		if date, err = time.Parse(dateFlagLayout, cf.date); err != nil {
			return usagef("--date %q: want YYYY-MM-DD", cf.date)
		}
	}
	if *input == "" && len(pos) == 0 && *code == "" {
		return usagef("classify: give a description, --hs CODE or --input FILE")
	}
	if *input != "" && len(pos) > 0 {
		return usagef("classify: give either a description or --input, not both")
	}
	def := formatTable
	if *input != "" {
		def = formatJSONL
	}
	f := def
	if *format != "" {
		if f, err = parseFormat(*format, formatTable, formatJSON, formatJSONL, formatCSV); err != nil {
			return err
		}
	}
	if f == formatCSV && *input == "" {
		return usagef("classify: --format csv is for --input")
	}
	if err := bf.check(); err != nil {
		return err
	}
	cfg, err := cf.config()
	if err != nil {
		return err
	}
	sys, err := fs.open(ctx, e, cfg, false)
	if err != nil {
		return err
	}
	defer sys.Close()
	if *input != "" {
		return classifyBatch(ctx, e, sys, *input, date, f, &bf)
	}
	it := classify.Item{Description: strings.Join(pos, " "), DeclaredCode: *code, Value: *value, Currency: *currency,
		Quantity: *quantity, Unit: *unit, Destination: *dest, ExporterCountry: *exporter, Date: date}
	res, err := sys.Classify(ctx, it)
	if err != nil {
		return err
	}
	switch f {
	case formatJSON:
		return writeJSON(e.stdout, res)
	case formatJSONL:
		return writeRecords(e.stdout, f, []classify.Result{res})
	}
	return printResult(e.stdout, it, res)
}

// classifyColumns are the columns of a CSV input, the field names of the
// JSON-lines input.
var classifyColumns = []string{"id", "description", "hs", "hs_code", "value", "currency", "quantity", "unit", "exporter_country", "destination", "date"}

// classifyCSVHeader is the header of "classify --format csv".
var classifyCSVHeader = batchCSVHeader("id", "hs6", "luxury", "needs_review", "candidates", "controls", "mismatch", "reasons", "notes")

// noteReview is the summary's note of a line that needs review.
const noteReview = "needs review"

// classifyOutcome is a result's outcome and notes in the summary: its
// luxury state, exactly as its row says, so that the summary's counts are
// the rows' counts, and "needs review" apart, since a "yes" line may need
// review too.
func classifyOutcome(r classify.Result) (string, []string) {
	if r.NeedsReview {
		return string(r.Luxury), []string{noteReview}
	}
	return string(r.Luxury), nil
}

func classifyBatch(ctx context.Context, e *env, sys *luxscreen.System, input string, date time.Time, f outputFormat, bf *batchFlags) error {
	rf := recordFormat[inputLine]{columns: classifyColumns, oneOf: []string{"description", "hs", "hs_code"}, fromCSV: classifyCSVLine, lineIDs: true}
	job := batchJob[record[inputLine], encoded]{cmd: "classify", one: "line", many: "lines", tally: progress.NewTally(string(classify.LuxuryYes), string(classify.LuxuryNo), string(classify.LuxuryUnknown)).WithNotes(noteReview),
		outcome: encodedOutcome, notes: encodedNotes}
	return runRecordBatch(ctx, e, bf, input, rf, job, recordWriterFor(f, classifyCSVHeader, "line"),
		func(ctx context.Context, rec record[inputLine], l inputLine) (encoded, error) {
			it, err := l.Item()
			if err != nil {
				return encoded{}, err
			}
			if it.ID == "" {
				it.ID = lineID(rec.line)
			}
			if it.Date.IsZero() {
				it.Date = date
			}
			res, err := sys.Classify(ctx, it)
			if err != nil {
				return encoded{}, err
			}
			var b *bytes.Buffer
			switch f {
			case formatTable:
				b = newEncoded()
				err = printResult(b, it, res)
				b.WriteByte('\n')
			case formatCSV:
				b, err = encodeCSV(withLine([][]string{classifyCSVRow(res)}, rec.line)...)
			default:
				b, err = encodeRecord(f, res)
			}
			outcome, notes := classifyOutcome(res)
			return encoded{outcome: outcome, notes: notes, data: b}, err
		})
}

// classifyCSVLine reads one row of a CSV input into the JSON-lines record
// it stands for.
func classifyCSVLine(t *csvtab.Table, r csvtab.Row) (inputLine, error) {
	l := inputLine{ID: t.Get(r, "id"), Description: t.Get(r, "description"), HS: t.Get(r, "hs"), HSCode: t.Get(r, "hs_code"), Currency: t.Get(r, "currency"),
		Unit: t.Get(r, "unit"), ExporterCountry: t.Get(r, "exporter_country"), Destination: t.Get(r, "destination"), Date: t.Get(r, "date")}
	var err error
	if l.Value, err = t.Number(r, "value"); err != nil {
		return l, err
	}
	if l.Quantity, err = t.Number(r, "quantity"); err != nil {
		return l, err
	}
	if l.Description == "" && l.HS == "" && l.HSCode == "" {
		return l, t.Errorf(r, "description", "give a description or an hs_code")
	}
	if l.Date != "" {
		if _, err := time.Parse(dateFlagLayout, l.Date); err != nil {
			return l, t.Errorf(r, "date", "%q: want YYYY-MM-DD", l.Date)
		}
	}
	return l, nil
}

// classifyCSVRow is one line's row of "classify --format csv".
func classifyCSVRow(r classify.Result) []string {
	var cands, ctrls []string
	for _, c := range r.Candidates {
		cands = append(cands, fmt.Sprintf("%s (%.2f)", c.Code, c.Score))
	}
	for _, c := range r.Controls {
		ctrls = append(ctrls, fmt.Sprintf("%s %s/%s: %s", c.Jurisdiction, c.List, c.Entry, c.Applies))
	}
	mismatch := ""
	if r.Mismatch != nil {
		mismatch = r.Mismatch.Kind + ": " + r.Mismatch.Reason
	}
	return []string{report.Cell(r.ID), r.HS6, string(r.Luxury), strconv.FormatBool(r.NeedsReview),
		strings.Join(cands, "; "), report.Cell(strings.Join(ctrls, "; ")), report.Cell(mismatch), report.Cell(strings.Join(r.Reasons, "; ")), report.Cell(strings.Join(r.Notes, "; "))}
}

func printResult(w io.Writer, it classify.Item, r classify.Result) error {
	hs6 := r.HS6
	if hs6 == "" {
		hs6 = "(abstained)"
	}
	label := it.Description
	if label == "" {
		label = it.DeclaredCode
	}
	fmt.Fprintf(w, "%s\nHS6: %s   luxury: %s   needs review: %v\n", label, hs6, r.Luxury, r.NeedsReview)
	if len(r.Candidates) > 0 {
		fmt.Fprintln(w)
		tw := newTable(w)
		fmt.Fprintln(tw, "CANDIDATE\tLEVEL\tSCORE\tEVIDENCE")
		for _, c := range r.Candidates {
			fmt.Fprintf(tw, "%s\t%s\t%.2f\t%s\n", c.Code, c.Level, c.Score, truncate(strings.Join(c.Evidence, "; "), 100))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(r.Controls) > 0 {
		fmt.Fprintln(w)
		tw := newTable(w)
		fmt.Fprintln(tw, "JURISDICTION\tLIST\tKIND\tENTRY\tAPPLIES\tTHRESHOLD\tBASIS\tCONF\tWHY")
		// Law before reconstruction, as every table of controls.
		ctls := slices.Clone(r.Controls)
		slices.SortStableFunc(ctls, func(a, b classify.Control) int {
			return lists.Trust(a.Basis, a.Confidence) - lists.Trust(b.Basis, b.Confidence)
		})
		for _, c := range ctls {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Jurisdiction, c.List, c.Kind, c.Entry, c.Applies, thresholdText(c.Threshold),
				c.Basis.Short(), c.Confidence.Short(), truncate(c.Why, 90))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if r.Declared != nil {
		fmt.Fprintf(w, "\ndeclared %s: valid=%v exists=%s edition=%s %s\n", r.Declared.Input, r.Declared.Valid, r.Declared.Exists, r.Declared.Edition, strings.Join(r.Declared.Problems, "; "))
	}
	if r.Mismatch != nil {
		fmt.Fprintf(w, "MISMATCH (%s): %s\n", r.Mismatch.Kind, r.Mismatch.Reason)
	}
	for _, reason := range r.Reasons {
		fmt.Fprintf(w, "review: %s\n", reason)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	return nil
}
