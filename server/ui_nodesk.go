//go:build !uidesk

package server

import (
	"net/http"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/rules"
)

func (u *ui) hasDesk() bool { return false }

func (u *ui) checkOne(r *http.Request, sh *rules.Shipment, it *checkItem) error {
	d, err := u.s.sys.Check(r.Context(), sh)
	if err != nil {
		return err
	}
	u.s.metrics.decisions.WithLabelValues(string(d.Verdict)).Inc()
	it.Decision = d
	return nil
}

func (u *ui) screenOne(r *http.Request, q party.Entity, v *screenView) error {
	res, err := u.s.sys.Screen(r.Context(), q)
	if err != nil {
		return err
	}
	v.Result = res
	return nil
}

func (u *ui) handleQueue(w http.ResponseWriter, r *http.Request) error  { return noDesk() }
func (u *ui) handleCase(w http.ResponseWriter, r *http.Request) error   { return noDesk() }
func (u *ui) handleDecide(w http.ResponseWriter, r *http.Request) error { return noDesk() }
func (u *ui) handleParty(w http.ResponseWriter, r *http.Request) error  { return noDesk() }
