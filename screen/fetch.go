package screen

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// Source is one official list file to download.
type Source struct {
	// Name identifies the source ("un", "ofac-sdn", …).
	Name string `json:"name"`
	// URL is where the publisher serves the file.
	URL string `json:"url"`
	// File is the path, relative to the download directory, to write.
	File string `json:"file"`
}

// OfficialSources returns the official download locations of the lists
// Load understands. This is the one place the URLs are written down.
func OfficialSources() []Source {
	const ofac = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
	return []Source{
		{Name: "un", URL: "https://scsanctions.un.org/resources/xml/en/consolidated.xml", File: "un/consolidated.xml"},
		{Name: "ofac-sdn", URL: ofac + "SDN.CSV", File: "ofac/sdn.csv"},
		{Name: "ofac-alt", URL: ofac + "ALT.CSV", File: "ofac/alt.csv"},
		{Name: "ofac-add", URL: ofac + "ADD.CSV", File: "ofac/add.csv"},
		{Name: "ofac-comments", URL: ofac + "SDN_COMMENTS.CSV", File: "ofac/sdn_comments.csv"},
		{Name: "ofac-xml", URL: ofac + "SDN.XML", File: "ofac-xml/sdn.xml"},
		{Name: "eu", URL: "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw", File: "eu/eu-fsf.xml"},
		{Name: "uk", URL: "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv", File: "uk/UK-Sanctions-List.csv"},
	}
}

// Fetched records one downloaded file for the audit trail.
type Fetched struct {
	Source    string    `json:"source"`
	URL       string    `json:"url"`
	File      string    `json:"file"`
	SHA256    string    `json:"sha256"`
	Bytes     int64     `json:"bytes"`
	FetchedAt time.Time `json:"fetched_at"`
}

// ManifestFile is the name of the manifest Fetch writes beside the files.
const ManifestFile = "manifest.json"

// maxListBytes bounds one download; the largest official list is a few
// tens of megabytes.
const maxListBytes = 512 << 20

// Fetch downloads each source into dir, each under its own timeout,
// records its SHA-256 and writes dir/manifest.json. A file is written to a
// temporary name and renamed only when complete, so an interrupted fetch
// never leaves a truncated list where Load would read it. The first failure
// stops the fetch and is returned with the source named; files already
// fetched stay.
func Fetch(ctx context.Context, client *http.Client, sources []Source, dir string, timeout time.Duration) ([]Fetched, error) {
	if client == nil {
		client = http.DefaultClient
	}
	var out []Fetched
	for _, src := range sources {
		f, err := fetchOne(ctx, client, src, dir, timeout)
		if err != nil {
			return out, fmt.Errorf("fetch %s (%s): %w", src.Name, src.URL, err)
		}
		out = append(out, f)
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return out, err
	}
	if err := os.WriteFile(filepath.Join(dir, ManifestFile), append(data, '\n'), 0o644); err != nil {
		return out, err
	}
	return out, nil
}

func fetchOne(ctx context.Context, client *http.Client, src Source, dir string, timeout time.Duration) (Fetched, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src.URL, nil)
	if err != nil {
		return Fetched{}, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return Fetched{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Fetched{}, fmt.Errorf("HTTP status %s", resp.Status)
	}
	path := filepath.Join(dir, filepath.FromSlash(src.File))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return Fetched{}, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".fetch-*")
	if err != nil {
		return Fetched{}, err
	}
	defer os.Remove(tmp.Name())
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(resp.Body, maxListBytes+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Fetched{}, err
	}
	if n > maxListBytes {
		return Fetched{}, fmt.Errorf("larger than %d bytes", maxListBytes)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return Fetched{}, err
	}
	return Fetched{
		Source:    src.Name,
		URL:       src.URL,
		File:      src.File,
		SHA256:    hex.EncodeToString(h.Sum(nil)),
		Bytes:     n,
		FetchedAt: time.Now().UTC(),
	}, nil
}
