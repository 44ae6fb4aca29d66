package server

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/desk"
	"github.com/luxscreen/luxscreen/store"
)

// browserConfig returns a Config over a desk on a SQLite store in the
// test's directory, screening against the demo list, and the part of the
// browser test that needs the store.
func browserConfig(t *testing.T) (Config, func(*browserSession)) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "desk.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	base := testConfig(t, nil)
	d, err := desk.Open(ctx, luxscreen.Config{Now: base.System.Now}, st, desk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return Config{Desk: d, Logger: base.Logger}, browserDeskFlow
}

// browserDeskFlow opens the case the upload opened, releases it as a false
// positive, and screens the party again: the hit is gone, and the page
// says who released it.
func browserDeskFlow(b *browserSession) {
	b.open("/ui/queue")
	b.expect("queue", "Hong Kong Electronic Trading", "KPe.005")
	b.shot("07-queue")
	b.run("open the case", chromedp.Click(chromedp.CSS(`#queue tbody th a`)), chromedp.WaitVisible(chromedp.ID("decide")))
	b.expect("case", "Settle the case", "HONG KONG ELECTRONICS")
	b.shot("08-case")
	b.run("release the case",
		chromedp.SendKeys(chromedp.ID("actor"), "Alice Reviewer"),
		chromedp.SetValue(chromedp.ID("reason"), string(store.FalsePositive)),
		chromedp.SendKeys(chromedp.ID("note"), "different company: Shanghai electronics wholesaler, not the Iranian entity"),
		chromedp.Click(chromedp.CSS(`#decide button[value="release"]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.notice`)))
	b.expect("released case", "released.", "released by Alice Reviewer")
	b.shot("09-case-released")

	b.open("/ui/screen")
	b.run("screen the party again",
		chromedp.SendKeys(chromedp.ID("name"), "Hong Kong Electronic Trading"),
		chromedp.SetValue(chromedp.ID("kind"), "org"),
		chromedp.SendKeys(chromedp.ID("country"), "CN"),
		chromedp.Click(chromedp.CSS(`form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.ID("sr-h")))
	b.expect("screen after release", "CLEAR", "released by Alice Reviewer", "false-positive", "No listed entity reaches the review threshold")
	b.shot("10-screen-released")

	b.open("/ui/queue?status=released")
	b.expect("released queue", "Hong Kong Electronic Trading")
	b.run("open the party", chromedp.Click(chromedp.CSS(`#queue tbody td a`)), chromedp.WaitVisible(chromedp.ID("history")))
	b.expect("party", "Records, newest first")
	b.shot("11-party")
}
