package lists

import (
	"testing"

	"github.com/luxscreen/luxscreen/internal/testenv"
)

// FuzzParseFile checks that no input makes the loader panic, and that what
// it accepts can be indexed and looked up.
func FuzzParseFile(f *testing.F) {
	for _, name := range []string{"testdata/valid.yaml", "testdata/sectoral.yaml"} {
		data := testenv.ReadFile(f, name)
		f.Add(data)
	}
	f.Add([]byte("id: x\nentries: [{id: y, codes: [{code: 7}]}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseFile("fuzz.yaml", data)
		if err != nil {
			return
		}
		c, err := New(l)
		if err != nil {
			return
		}
		for _, e := range l.Entries {
			for _, p := range e.Codes {
				if len(c.Lookup(p.Code, Options{})) == 0 {
					t.Errorf("code %s of entry %s does not find its own entry", p.Code, e.ID)
				}
			}
		}
	})
}
