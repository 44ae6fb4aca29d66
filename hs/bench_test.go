package hs

import (
	"context"
	"path/filepath"
	"testing"
)

func BenchmarkParse(b *testing.B) {
	for _, in := range []string{"9101.21.00", "8703 24 10 90", "91012100"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkTableExists(b *testing.B) {
	cn := cnTable(b)
	codes := []Code{
		MustParse("9101 21 00"),    // padded undivided HS6
		MustParse("2203 00 00"),    // padded divided HS6: walks up to reject
		MustParse("8703 24 10"),    // a line
		MustParse("0106 90 00 10"), // a TARIC line
	}
	for _, c := range codes {
		b.Run(c.Digits(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				cn.Exists(c)
			}
		})
	}
}

func BenchmarkCorrelationMap(b *testing.B) {
	c, err := OpenCorrelation(context.Background(), filepath.Join(sharedHS(b), "correlation", "HS2022_HS2017_correlation.csv"))
	if err != nil {
		b.Fatal(err)
	}
	queries := []struct {
		name string
		code Code
		from Edition
	}{
		{"HS6-split", MustParse("890392"), HS2017},
		{"HS6-n:n", MustParse("852411"), HS2022},
		{"heading", MustParse("8903"), HS2017},
		{"chapter", MustParse("85"), HS2022},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.Map(q.code, q.from); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
