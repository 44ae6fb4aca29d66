// Command gen compacts the UN/LOCODE code list, as packaged one CSV file
// per country (columns country, location, name, nameWoDiacritics,
// subdivision, status, function, iata, lat, lon, geocoded), into the
// gzip-compressed tab-separated file that package ports embeds.
//
// Usage:
//
//	go run ./ports/internal/gen -src DIR -out ports/data/unlocode.tsv.gz
//
// DIR is the folder of XX.csv files (in the shared data folder:
// data/ports/unlocode). Every place is kept, so that every LOCODE
// resolves; a place listed twice under names in two languages is one
// place with other names; the IATA code is dropped, coordinates are rounded to 1e-4
// degree (about 11 m), and the name without diacritics is written only
// where it differs from the name.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"log"
	"os"

	"github.com/luxscreen/luxscreen/ports/internal/source"
)

func main() {
	src := flag.String("src", "", "folder of UN/LOCODE XX.csv files")
	out := flag.String("out", "data/unlocode.tsv.gz", "compact file to write")
	flag.Parse()
	if *src == "" {
		log.Fatal("gen: -src is required")
	}
	recs, err := source.ReadDir(*src)
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	if err := source.Write(zw, recs); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("gen: %d places, %d bytes to %s", len(recs), buf.Len(), *out)
}
