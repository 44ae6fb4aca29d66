package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/desk"
	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/screen"
	"github.com/luxscreen/luxscreen/store"
)

// judge is what a command judges with: the System, and the desk that
// keeps its decisions and screenings when --db is given.
type judge struct {
	sys  *luxscreen.System
	desk *desk.Desk
	st   *store.Store
}

// Check judges a shipment, keeping the decision when there is a desk.
func (j *judge) Check(ctx context.Context, sh *rules.Shipment) (*rules.Decision, error) {
	if j.desk == nil {
		return j.sys.Check(ctx, sh)
	}
	c, err := j.desk.Check(ctx, sh)
	return c.Decision, err
}

// Screen screens a party or vessel into the record of query id, keeping
// the screening, and saying where, when there is a desk.
func (j *judge) Screen(ctx context.Context, id string, q party.Entity) (screen.Record, error) {
	if j.desk == nil {
		res, err := j.sys.Screen(ctx, q)
		return screen.NewRecord(id, res), err
	}
	s, err := j.desk.Screen(ctx, q)
	out := screen.NewRecord(id, s.Result)
	out.Record, out.Cases = s.Record, s.Cases
	return out, err
}

// Close closes the system and the store.
func (j *judge) Close() error {
	err := j.sys.Close()
	if j.st != nil {
		if cerr := j.st.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// dbFlag registers --db and --retention; def is the store used when --db
// is not given ("" for none).
func (fs *flagSet) dbFlag(def, usage string) {
	fs.StringVar(&fs.db, "db", def, usage)
	fs.DurationVar(&fs.retention, "retention", store.DefaultRetention, "how long kept records are kept before they are purged")
}

// openStore opens the store --db names, or returns nil when there is none.
func (fs *flagSet) openStore(ctx context.Context) (*store.Store, error) {
	if fs.db == "" || fs.db == "off" {
		return nil, nil
	}
	if fs.retention <= 0 {
		return nil, usagef("%s: --retention %s: want a positive duration", fs.name, fs.retention)
	}
	st, err := store.Open(ctx, fs.db, store.Options{Retention: fs.retention})
	if err != nil {
		return nil, fmt.Errorf("%s: --db %s: %w", fs.name, fs.db, err)
	}
	return st, nil
}

// openJudge opens the system as open does and, with --db, the desk over
// it.
func (fs *flagSet) openJudge(ctx context.Context, e *env, cfg luxscreen.Config, screens bool) (*judge, error) {
	st, err := fs.openStore(ctx)
	if err != nil {
		return nil, err
	}
	if st == nil {
		sys, err := fs.open(ctx, e, cfg, screens)
		if err != nil {
			return nil, err
		}
		return &judge{sys: sys}, nil
	}
	if cfg, err = fs.config(e, cfg); err != nil {
		st.Close()
		return nil, err
	}
	d, err := desk.Open(ctx, cfg, st, desk.Options{})
	if err != nil {
		st.Close()
		return nil, err
	}
	fs.announce(e, d.System(), screens)
	return &judge{sys: d.System(), desk: d, st: st}, nil
}

// defaultDB is the store "serve" keeps its decisions in without --db: a
// file in the user's state directory ($XDG_STATE_HOME, else
// ~/.local/state), which outlives caches and temporary files.
func defaultDB() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "luxscreen.db"
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "luxscreen", "desk.db")
}

// purgeEvery runs the store's retention purge now and then every period
// until ctx ends, logging each outcome with log.
func purgeEvery(ctx context.Context, st *store.Store, period time.Duration, now func() time.Time, log func(n int64, err error)) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		n, err := st.PurgeExpired(ctx, now())
		log(n, err)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
