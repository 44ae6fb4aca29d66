package lists

// The YAML file format. These types mirror the model with plain strings so
// that the strict decoder rejects unknown fields with their line, and the
// conversion in load.go can report every bad value with its file, line and
// field.

type yamlList struct {
	ID           string         `yaml:"id"`
	Jurisdiction string         `yaml:"jurisdiction"`
	Title        string         `yaml:"title"`
	Instrument   yamlInstrument `yaml:"instrument"`
	Citation     string         `yaml:"citation"`
	Kind         string         `yaml:"kind"`
	Measure      string         `yaml:"measure"`
	Direction    string         `yaml:"direction"`
	Target       string         `yaml:"target"`
	InForce      yamlPeriod     `yaml:"in_force"`
	SourceURL    string         `yaml:"source_url"`
	AsOf         string         `yaml:"as_of"`
	Confidence   string         `yaml:"confidence"`
	Notes        string         `yaml:"notes"`
	Amendments   []yamlAmend    `yaml:"amendments"`
	Entries      []yamlEntry    `yaml:"entries"`
}

type yamlAmend struct {
	Reference string `yaml:"reference"`
	Date      string `yaml:"date"`
	Summary   string `yaml:"summary"`
}

type yamlInstrument struct {
	Name      string `yaml:"name"`
	Reference string `yaml:"reference"`
	Date      string `yaml:"date"`
	URL       string `yaml:"url"`
}

type yamlPeriod struct {
	From  string `yaml:"from"`
	Until string `yaml:"until"`
}

type yamlEntry struct {
	ID          string         `yaml:"id"`
	Category    string         `yaml:"category"`
	Citation    string         `yaml:"citation"`
	Basis       string         `yaml:"basis"`
	Confidence  string         `yaml:"confidence"`
	Codes       []yamlPattern  `yaml:"codes"`
	Keywords    []string       `yaml:"keywords"`
	Threshold   *yamlThreshold `yaml:"threshold"`
	AllGoods    bool           `yaml:"all_goods"`
	Except      []yamlPattern  `yaml:"except"`
	Exemptions  []string       `yaml:"exemptions"`
	DerivedFrom string         `yaml:"derived_from"`
	InForce     *yamlPeriod    `yaml:"in_force"`
	Notes       string         `yaml:"notes"`
}

type yamlPattern struct {
	Code      string `yaml:"code"`
	Ex        bool   `yaml:"ex"`
	Edition   string `yaml:"edition"`
	Rationale string `yaml:"rationale"`
}

type yamlThreshold struct {
	Amount      float64 `yaml:"amount"`
	Currency    string  `yaml:"currency"`
	Per         string  `yaml:"per"`
	PerQuantity float64 `yaml:"per_quantity"`
	Inclusive   bool    `yaml:"inclusive"`
	Note        string  `yaml:"note"`
}
