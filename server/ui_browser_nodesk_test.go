//go:build !uidesk

package server

import "testing"

func browserConfig(t *testing.T) (Config, func(*browserSession)) {
	return testConfig(t, nil), nil
}
