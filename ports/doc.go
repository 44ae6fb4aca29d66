// Package ports is a gazetteer of the places of trade and transport: the
// UN/LOCODE code list of UNECE (Recommendation 16), built in, with every
// place's functions (port, rail, road, airport, border crossing …),
// subdivision and coordinates.
//
// A route stop of a bill of lading names its place by UN/LOCODE ("CNDDG")
// or by name ("Dandong", "Port of Dandong", "DANDONG PT"); [Gazetteer.Resolve]
// finds the one place meant, or says why it cannot: a name no place has
// ([ErrUnknown]), or a name of several places far apart when no country
// tells them apart ([ErrAmbiguous], naming the candidates). Names are
// compared without case, diacritics or punctuation; alternative spellings
// UN/LOCODE lacks ("Dairen", "Находка") are authored aliases laid over it
// with [Gazetteer.WithAliases].
//
// Nearness is computed, not listed: [Distance] is the great-circle
// distance, and [Gazetteer.Select] returns the places within a distance of
// a country's places or in its bordering subdivisions, which is how the
// rules define the ports near the DPRK.
//
// The code list is embedded in a compact form (data/unlocode.tsv.gz, 1.8 MB
// holding every one of its 115,883 codes; "go generate" rebuilds it from
// the packaged CSV files with internal/gen). [Embedded] decompresses and
// indexes it once per process, on first use: about 70 ms of CPU and 8 MB
// of memory kept, and 60 ms and 2.3 MB more for the index of names on the
// first lookup by name.
//
// The data is UNECE's UN/LOCODE, as packaged by the geoapify/un-locode
// project under the MIT licence; see the NOTICE file at the root of the
// repository.
package ports
