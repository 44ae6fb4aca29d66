package screen

// ListVersion identifies the exact list file a screening used, for the
// audit trail: a result can be reproduced from the same file.
type ListVersion struct {
	// Source names the list ("UN", "OFAC", "EU", "UK", "OpenSanctions",
	// "demo").
	Source string `json:"source"`
	// Format is the file format the loader recognised.
	Format string `json:"format"`
	// Published is the publication date or time the file itself states
	// (UN dateGenerated, OFAC Publish_Date, EU generationDate), or empty
	// when the format has none.
	Published string `json:"published,omitempty"`
	// SHA256 is the hex SHA-256 of the file bytes (for a directory set,
	// of the member files' hashes in name order).
	SHA256 string `json:"sha256"`
	// File is the path or name the list was loaded from.
	File string `json:"file,omitempty"`
	// Entities is the number of entities loaded.
	Entities int `json:"entities"`
}

// List is one loaded sanctions list.
type List struct {
	Version  ListVersion
	Entities []Entity
}
