// Package luxscreen is the composition root of luxscreen: it loads the
// control-list catalogue, the classifier's lexicon, the decision rules and
// their reference data (port gazetteer, jurisdictions, shell marks),
// exchange rates, reference prices and the sanctions lists once, wires them
// together, and answers the questions the command-line tool, the HTTP
// service and embedding programs ask.
//
// The zero [Config] is the embedded default, as the zero net/http.Server
// is a usable server: the cited catalogue, the default rules, no exchange
// rates and, for want of official sanctions lists, a small embedded demo
// list (see [System.Warnings]).
//
//	sys, err := luxscreen.Open(ctx, luxscreen.Config{Lists: []string{"un.xml"}})
//	if err != nil {
//		return err
//	}
//	defer sys.Close()
//	d, err := sys.Check(ctx, shipment) // block, review or clear, with findings
//
// A [System] is safe for concurrent use. [System.Reload] rereads the
// sanctions lists without stopping the screenings in progress: each
// screening sees the old lists or the new ones whole.
//
// The packages underneath (lists, classify, screen, rules, hs) stay
// usable on their own; this package is the one place that puts them
// together, so that every entry point judges with the same components.
package luxscreen
