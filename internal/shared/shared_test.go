package shared

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLookup(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Dir(filepath.Dir(wd)) // internal/shared → module root
	tests := []struct {
		name   string
		value  string
		want   string
		wantOK bool
	}{
		{"unset", "", "", false},
		{"absolute", "/data/shared", "/data/shared", true},
		{"relative to the module root", "../shared", filepath.Join(root, "../shared"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(EnvVar, tt.value)
			got, ok := Lookup()
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Lookup() = %q, %v; want %q, %v", got, ok, tt.want, tt.wantOK)
			}
			if d := Dir(); d != tt.want {
				t.Errorf("Dir() = %q; want %q", d, tt.want)
			}
		})
	}
}
