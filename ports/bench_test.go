package ports

import "testing"

func BenchmarkResolve(b *testing.B) {
	g := embeddedForTest(b)
	names := []string{"Port of Felixstowe", "Dalian", "RUNJK", "Victoria", "Lübeck", "Lost City of Atlantis"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		g.Resolve(names[i%len(names)], "")
	}
}

func BenchmarkByCode(b *testing.B) {
	g := embeddedForTest(b)
	b.ReportAllocs()
	for b.Loop() {
		g.ByCode("RUNJK")
	}
}

// BenchmarkLoad measures decompressing and reading the embedded code
// list, which Embedded does once per process.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNameIndex measures building the name index, which the first
// lookup by name does.
func BenchmarkNameIndex(b *testing.B) {
	g := embeddedForTest(b)
	b.ReportAllocs()
	for b.Loop() {
		h := *g
		h.names = &nameIndex{}
		h.nameRefs()
	}
}
