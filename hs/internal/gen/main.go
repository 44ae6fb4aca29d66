// Command gen compacts the UN Comtrade HS 2022 classification file
// (classificationH6.json) into the gzip-compressed tab-separated file that
// package hs embeds and [hs.EmbeddedHS2022] reads.
//
// Usage:
//
//	go run ./hs/internal/gen -src $LUXSCREEN_SHARED/data/hs/comtrade/classificationH6.json -out hs/data/hs2022.tsv.gz
//
// Each line of the output is a code (2, 4 or 6 digits), a tab and the
// code's self-explanatory Comtrade text without its "code - " prefix, in
// code order. The aggregate rows (ALL, TOTAL, AG2, AG4, AG6) and
// Comtrade's "commodities not specified according to kind" placeholders
// (99, 9999, 999999), which are no HS codes, are left out. Texts are
// copied unchanged; a text holding a tab or a line break is an error,
// since it could not be read back.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/luxscreen/luxscreen/hs"
)

func main() {
	src := flag.String("src", "", "UN Comtrade classificationH6.json")
	out := flag.String("out", "hs/data/hs2022.tsv.gz", "compact file to write")
	flag.Parse()
	if *src == "" {
		log.Fatal("gen: -src is required")
	}
	f, err := os.Open(*src)
	if err != nil {
		log.Fatal(err)
	}
	tab, err := hs.ReadComtradeJSON(f)
	f.Close()
	if err != nil {
		log.Fatalf("gen: %s: %v", *src, err)
	}
	if tab.Edition() != hs.HS2022 {
		log.Fatalf("gen: %s is %s, not HS2022", *src, tab.Edition())
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	n := 0
	for it := range tab.Items() {
		d := it.Code.Digits()
		if strings.Trim(d, "9") == "" {
			continue // "not specified according to kind"
		}
		if strings.ContainsAny(it.Description, "\t\r\n") {
			log.Fatalf("gen: %s: the text of %s holds a tab or a line break", *src, d)
		}
		fmt.Fprintf(zw, "%s\t%s\n", d, it.Description)
		n++
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("gen: %d codes, %d bytes to %s", n, buf.Len(), *out)
}
