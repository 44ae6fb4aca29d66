// Command exporter shows how an exporter embeds luxscreen in its order
// system: before an order is confirmed, every line is classified (is it a
// luxury good, under which lists, above which thresholds?) and the whole
// order is judged as a shipment (parties screened, destination and route
// checked). Orders that are not clear are put on hold with the reasons, so
// that nobody ships them before a compliance officer has looked.
//
// Usage:
//
//	go run ./examples/exporter [-list FILE] [-rates FILE] ORDERS.json
//
// ORDERS.json holds an array of orders in the order system's own shape
// (see testdata/orders.json); the program maps them to luxscreen's
// shipment model. Without -list, parties are screened against the small
// embedded demo list, which is not for production use. Without -rates, a
// line in a currency other than a threshold's cannot be valued, and the
// order is held (screening fails closed).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/rules"
)

// Order is an order as the exporter's order system keeps it. It is not
// luxscreen's model: the point of the example is the mapping.
type Order struct {
	Number   string   `json:"number"`
	Placed   string   `json:"placed"` // YYYY-MM-DD, the planned shipping date
	Seller   Company  `json:"seller"`
	Customer Company  `json:"customer"`
	ShipTo   Company  `json:"ship_to"`
	Via      []string `json:"via"` // UN/LOCODEs of the planned route
	Items    []Item   `json:"items"`
}

// Company is a party of an order.
type Company struct {
	Name    string `json:"name"`
	Country string `json:"country"`
}

// Item is one order line.
type Item struct {
	SKU       string  `json:"sku"`
	Text      string  `json:"text"`
	Tariff    string  `json:"tariff"` // the HS/CN code from the product master, may be empty
	Qty       float64 `json:"qty"`
	UOM       string  `json:"uom"`
	UnitPrice float64 `json:"unit_price"`
	Currency  string  `json:"currency"`
}

func main() {
	list := flag.String("list", "", "sanctions list file (UN XML, OFAC CSV directory…); default: the embedded demo list")
	rates := flag.String("rates", "", "exchange rates file (YAML: base, source, rates)")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: exporter [-list FILE] [-rates FILE] ORDERS.json")
	}
	held, err := run(context.Background(), os.Stdout, *list, *rates, flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	if held > 0 {
		os.Exit(3)
	}
}

// orderDesk holds what the order system needs from luxscreen: opened once
// at start-up, safe for concurrent use by every order handler.
type orderDesk struct {
	sys *luxscreen.System
}

func newOrderDesk(ctx context.Context, listFile, ratesFile string) (*orderDesk, error) {
	cfg := luxscreen.Config{RatesFile: ratesFile}
	if listFile != "" {
		cfg.Lists = []string{listFile}
	}
	sys, err := luxscreen.Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return &orderDesk{sys: sys}, nil
}

// review is what the order system records for one order.
type review struct {
	Order   string
	Confirm bool
	Verdict rules.Verdict
	Lines   []string // one note per line: classification and luxury state
	Reasons []string // the findings, and the lines whose luxury is unknown
	// Unknown counts the lines whose luxury is unknown: each holds the
	// order for review.
	Unknown int
}

// check judges one order before it is confirmed.
func (d *orderDesk) check(ctx context.Context, o Order) (review, error) {
	r := review{Order: o.Number}
	s := toShipment(o)
	for i, it := range o.Items {
		res, err := d.sys.Classify(ctx, classify.Item{
			ID: it.SKU, Description: it.Text, DeclaredCode: it.Tariff,
			Value: it.Qty * it.UnitPrice, Currency: it.Currency, Quantity: it.Qty, Unit: it.UOM,
			ExporterCountry: o.Seller.Country, Destination: o.ShipTo.Country, Date: s.dateOrZero(),
		})
		if err != nil {
			return r, err
		}
		note := fmt.Sprintf("line %d %s: HS %s, luxury %s", i+1, it.SKU, orDash(res.HS6), res.Luxury)
		switch res.Luxury {
		case classify.LuxuryYes:
			note += fmt.Sprintf(" (%d controls apply)", countApplying(res))
		case classify.LuxuryUnknown:
			// Unknown is review, never no: the order is not confirmed
			// whatever the rules say of the shipment.
			r.Unknown++
			r.Reasons = append(r.Reasons, fmt.Sprintf("review luxury-unknown: line %d %s: %s", i+1, it.SKU, strings.Join(res.Reasons, "; ")))
		}
		if res.NeedsReview {
			note += ", classifier asks for review"
		}
		r.Lines = append(r.Lines, note)
	}
	dec, err := d.sys.Check(ctx, s.Shipment)
	if err != nil {
		return r, err
	}
	r.Verdict = dec.Verdict
	r.Confirm = dec.Verdict == rules.VerdictClear && r.Unknown == 0
	for _, f := range dec.Findings {
		r.Reasons = append(r.Reasons, fmt.Sprintf("%s %s: %s", f.Severity, f.Rule, f.Message))
	}
	return r, nil
}

func countApplying(res classify.Result) int {
	n := 0
	for _, c := range res.Controls {
		if c.Kind == lists.Luxury && c.Applies == lists.Applies {
			n++
		}
	}
	return n
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// shipment is luxscreen's view of an order.
type shipment struct{ *rules.Shipment }

func (s shipment) dateOrZero() time.Time {
	t, _ := time.Parse("2006-01-02", s.Date)
	return t
}

// toShipment maps an order to the shipment model: the seller is the
// exporter, the customer the end user, the ship-to party the consignee.
func toShipment(o Order) shipment {
	s := &rules.Shipment{
		ID:          o.Number,
		Date:        o.Placed,
		Documents:   rules.Documents{Order: o.Number},
		Origin:      o.Seller.Country,
		Destination: o.ShipTo.Country,
		Parties: []rules.Party{
			{Role: rules.Exporter, Name: o.Seller.Name, Kind: "organisation", Country: o.Seller.Country},
			{Role: rules.EndUser, Name: o.Customer.Name, Kind: "organisation", Country: o.Customer.Country},
			{Role: rules.Consignee, Name: o.ShipTo.Name, Kind: "organisation", Country: o.ShipTo.Country},
		},
	}
	for _, p := range o.Via {
		s.Route = append(s.Route, rules.Stop{LOCODE: strings.ToUpper(p)})
	}
	for _, it := range o.Items {
		s.Lines = append(s.Lines, rules.Line{
			Description: it.Text, HS: it.Tariff, Quantity: it.Qty, Unit: it.UOM,
			Value: it.Qty * it.UnitPrice, Currency: it.Currency,
		})
	}
	return shipment{s}
}

// run checks every order of file and prints the order desk's decisions;
// it returns how many orders are on hold.
func run(ctx context.Context, w io.Writer, listFile, ratesFile, file string) (int, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0, err
	}
	var orders []Order
	if err := json.Unmarshal(b, &orders); err != nil {
		return 0, fmt.Errorf("%s: %w", file, err)
	}
	desk, err := newOrderDesk(ctx, listFile, ratesFile)
	if err != nil {
		return 0, err
	}
	held := 0
	for _, o := range orders {
		r, err := desk.check(ctx, o)
		if err != nil {
			return held, fmt.Errorf("order %s: %w", o.Number, err)
		}
		action := "CONFIRM"
		if !r.Confirm {
			action = "HOLD"
			held++
		}
		fmt.Fprintf(w, "%-7s order %s (%s)\n", action, r.Order, r.Verdict)
		for _, l := range r.Lines {
			fmt.Fprintf(w, "        %s\n", l)
		}
		for _, x := range r.Reasons {
			fmt.Fprintf(w, "        - %s\n", x)
		}
	}
	return held, nil
}
