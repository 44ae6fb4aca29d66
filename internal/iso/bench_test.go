package iso

import "testing"

// The checks run on every code of every shipment line and party.
func BenchmarkCountry(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Country("DE")
		Country("KO")
	}
}

func BenchmarkCurrency(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Currency("USD")
		Currency("XYZ")
	}
}

func BenchmarkIMO(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = IMO("IMO 9321483")
	}
}
