package screen

// Request is one party or vessel to screen as batch files and the HTTP
// API carry it, with the field names of "luxscreen screen --input" lines.
type Request struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Kind is org, person or vessel (see ParseKind); empty means any.
	Kind    string `json:"kind"`
	Country string `json:"country"`
	IMO     string `json:"imo"`
	DOB     string `json:"dob"`
}

// Record is a screening in the stable machine-readable shape that
// "luxscreen screen --format json" and POST /v1/screen write; other tools
// consume these field names.
type Record struct {
	ID           string        `json:"id"`
	Verdict      Verdict       `json:"verdict"`
	Hits         []RecordHit   `json:"hits"`
	Reasons      []string      `json:"reasons,omitempty"`
	ListVersions []ListVersion `json:"list_versions"`
}

// RecordHit is one hit of a Record.
type RecordHit struct {
	Entity      string   `json:"entity"`
	List        string   `json:"list"`
	Ref         string   `json:"ref"`
	Name        string   `json:"name"`
	MatchedName string   `json:"matched_name"`
	Score       float64  `json:"score"`
	Reasons     []string `json:"reasons"`
}

// NewRecord returns the Record of a screening. Empty lists are written as
// [] rather than null.
func NewRecord(id string, res Result) Record {
	out := Record{ID: id, Verdict: res.Verdict, Hits: make([]RecordHit, 0, len(res.Hits)), Reasons: res.Reasons, ListVersions: res.ListVersions}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, RecordHit{Entity: h.Entity, List: h.List, Ref: h.Ref, Name: h.Name, MatchedName: h.MatchedName, Score: h.Score, Reasons: h.Reasons})
	}
	if out.ListVersions == nil {
		out.ListVersions = []ListVersion{}
	}
	return out
}
