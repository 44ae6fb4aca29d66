package screen

import "strings"

// vesselCoverage notes that a vessel cannot be cleared by lists that list
// no vessel (the UN consolidated list file, for one, holds none): a
// vessel absent from them is not thereby unlisted. The note makes the
// verdict review at least.
func (sc *screening) vesselCoverage() {
	if sc.q.e.Kind != KindVessel || sc.gen.vessels > 0 {
		return
	}
	ids := make([]string, 0, len(sc.gen.versions))
	for _, v := range sc.gen.versions {
		id := v.ID
		if id == "" {
			id = v.Source
		}
		ids = append(ids, id)
	}
	sc.note("no_vessel_list", "no list screened against holds vessels (%s): they cannot clear a vessel", strings.Join(ids, ", "))
}
