package shared

import (
	"os"
	"path/filepath"
)

// EnvVar names the environment variable that points at the shared folder.
const EnvVar = "LUXSCREEN_SHARED"

// Lookup returns the absolute shared folder and whether LUXSCREEN_SHARED is
// set. A relative value is taken relative to the module root when the
// working directory is inside the module, because "go test" runs each
// package in its own directory while CI sets the variable to ../shared from
// the root.
func Lookup() (string, bool) {
	v := os.Getenv(EnvVar)
	if v == "" {
		return "", false
	}
	if filepath.IsAbs(v) {
		return v, true
	}
	if root, ok := moduleRoot(); ok {
		return filepath.Join(root, v), true
	}
	abs, err := filepath.Abs(v)
	if err != nil {
		return v, true
	}
	return abs, true
}

// Dir returns the absolute shared folder, or "" when LUXSCREEN_SHARED is
// unset.
func Dir() string {
	d, _ := Lookup()
	return d
}

// moduleRoot returns the nearest directory at or above the working
// directory that holds a go.mod file.
func moduleRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}
