package rules

import (
	"strings"
)

// Role is what a party does in a shipment.
type Role string

// The roles of parties on a bill of lading or order.
const (
	Exporter  Role = "exporter"
	Seller    Role = "seller"
	Shipper   Role = "shipper"
	Consignee Role = "consignee"
	Notify    Role = "notify"
	EndUser   Role = "end_user"
	Forwarder Role = "forwarder"
	Carrier   Role = "carrier"
	Owner     Role = "owner"
)

func roles() []Role {
	return []Role{Exporter, Seller, Shipper, Consignee, Notify, EndUser, Forwarder, Carrier, Owner}
}

// Shipment is one bill of lading or order: the facts the rules judge.
type Shipment struct {
	// ID identifies the shipment to the caller; it is echoed in the
	// decision.
	ID string `json:"id"`
	// Date is the shipment date, YYYY-MM-DD: the day the lists and rules
	// are judged as of. An empty date is judged as of the check and raises
	// a review finding.
	Date      string    `json:"date,omitempty"`
	Documents Documents `json:"documents,omitzero"`
	Parties   []Party   `json:"parties,omitempty"`
	Vessel    *Vessel   `json:"vessel,omitempty"`
	// Route is the ordered ports of the voyage, from loading to discharge.
	Route []Stop `json:"route,omitempty"`
	// Origin is the ISO 3166-1 alpha-2 country of origin of the goods.
	Origin string `json:"origin,omitempty"`
	// Destination is the ISO 3166-1 alpha-2 country of final destination
	// as declared; when empty, the country of the last route stop.
	Destination string `json:"destination,omitempty"`
	Lines       []Line `json:"lines"`
	// Notes are free text kept in the audit record; rules never read them.
	Notes string `json:"notes,omitempty"`
}

// Documents are the references of the shipment's papers.
type Documents struct {
	BillOfLading string `json:"bill_of_lading,omitempty"`
	Order        string `json:"order,omitempty"`
	Invoice      string `json:"invoice,omitempty"`
}

// Party is a person or organisation with a role in the shipment.
type Party struct {
	Role Role   `json:"role"`
	Name string `json:"name"`
	// Kind is "organisation" or "person"; empty means not known.
	Kind    string `json:"kind,omitempty"`
	Country string `json:"country,omitempty"` // ISO 3166-1 alpha-2
	Address string `json:"address,omitempty"`
	// IMO is a company IMO number, for shipowners and managers.
	IMO string `json:"imo,omitempty"`
}

// Vessel is the ship that carries the goods on the leg being judged.
type Vessel struct {
	Name string `json:"name"`
	IMO  string `json:"imo,omitempty"`
	// Flag is the ISO 3166-1 alpha-2 code of the flag state.
	Flag string `json:"flag,omitempty"`
	MMSI string `json:"mmsi,omitempty"`
}

// Stop is one port of the route. Give a UN/LOCODE, a name the gazetteer
// knows, or at least a country when the record names only the country.
type Stop struct {
	LOCODE  string `json:"locode,omitempty"`
	Name    string `json:"name,omitempty"`
	Country string `json:"country,omitempty"`
}

// Line is one line of goods.
type Line struct {
	Description string `json:"description"`
	// HS is the declared commodity code, 2 to 10 digits with or without
	// dots; empty when none was declared.
	HS       string  `json:"hs,omitempty"`
	Quantity float64 `json:"quantity,omitempty"`
	// Unit is the unit of Quantity: item, kg, litre, animal, pair, set…
	Unit  string  `json:"unit,omitempty"`
	Value float64 `json:"value,omitempty"`
	// Currency is the ISO 4217 code of Value.
	Currency string `json:"currency,omitempty"`
}

// normalize upper-cases codes and trims spaces, so that equal shipments
// have equal canonical JSON and decision IDs.
func (s *Shipment) normalize() {
	s.ID = strings.TrimSpace(s.ID)
	s.Date = strings.TrimSpace(s.Date)
	s.Origin = upper(s.Origin)
	s.Destination = upper(s.Destination)
	for i := range s.Parties {
		p := &s.Parties[i]
		p.Name = strings.TrimSpace(p.Name)
		p.Country = upper(p.Country)
		p.Address = strings.TrimSpace(p.Address)
		p.IMO = strings.TrimSpace(p.IMO)
	}
	if s.Vessel != nil {
		s.Vessel.Name = strings.TrimSpace(s.Vessel.Name)
		s.Vessel.Flag = upper(s.Vessel.Flag)
		s.Vessel.IMO = strings.TrimSpace(s.Vessel.IMO)
		s.Vessel.MMSI = strings.TrimSpace(s.Vessel.MMSI)
	}
	for i := range s.Route {
		r := &s.Route[i]
		r.LOCODE = strings.ReplaceAll(upper(r.LOCODE), " ", "")
		r.Name = strings.TrimSpace(r.Name)
		r.Country = upper(r.Country)
	}
	for i := range s.Lines {
		l := &s.Lines[i]
		l.Description = strings.TrimSpace(l.Description)
		l.HS = strings.TrimSpace(l.HS)
		l.Unit = strings.ToLower(strings.TrimSpace(l.Unit))
		l.Currency = upper(l.Currency)
	}
}

func upper(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }
