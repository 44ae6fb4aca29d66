package server

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/screen"
)

// metrics are the server's Prometheus collectors, registered on the
// Server's own registry: two servers in one process never share counters.
type metrics struct {
	requests  *prometheus.CounterVec
	duration  *prometheus.HistogramVec
	inflight  prometheus.Gauge
	reloads   *prometheus.CounterVec
	reloadReq prometheus.Counter
	verdicts  *prometheus.CounterVec
	decisions *prometheus.CounterVec
}

// routeUnmatched labels requests no route matched, so that scanners
// probing random paths cannot create one time series per path.
const routeUnmatched = "unmatched"

// methodOther labels requests whose method is not one of HTTP's own:
// any token is a valid method, and a label per method sent would let
// clients grow the metrics without bound.
const methodOther = "OTHER"

// methodLabel returns the metrics label of method: the method itself for
// the methods of RFC 9110 and PATCH, methodOther for any other.
func methodLabel(method string) string {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodConnect, http.MethodOptions, http.MethodTrace:
		return method
	}
	return methodOther
}

func newMetrics(reg prometheus.Registerer, sys *luxscreen.System) (*metrics, error) {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "luxscreen_http_requests_total",
			Help: "HTTP requests answered, by route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "luxscreen_http_request_duration_seconds",
			Help: "Time from reading the request line to the last byte of the answer, by route pattern and method.",
			// 0.25 ms to about 8 s: a single screening takes well under a
			// millisecond, a batch of a thousand shipments seconds.
			Buckets: prometheus.ExponentialBuckets(0.00025, 2, 16),
		}, []string{"route", "method"}),
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "luxscreen_http_requests_in_flight",
			Help: "HTTP requests being served.",
		}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "luxscreen_list_reloads_total",
			Help: "Sanctions list reloads, by result (ok or error).",
		}, []string{"result"}),
		reloadReq: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "luxscreen_list_reload_requests_total",
			Help: "Requests for a reload of the sanctions lists; requests arriving while a reload runs share the next one, so they outnumber the reloads.",
		}),
		verdicts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "luxscreen_screenings_total",
			Help: "Parties and vessels screened through /v1/screen and /match, by verdict.",
		}, []string{"verdict"}),
		decisions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "luxscreen_check_decisions_total",
			Help: "Shipments judged through /v1/check, by verdict.",
		}, []string{"verdict"}),
	}
	for _, c := range []prometheus.Collector{
		m.requests, m.duration, m.inflight, m.reloads, m.reloadReq, m.verdicts, m.decisions,
		newListCollector(sys.Screener()),
		newSourceCollector(sys),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// listCollector reports the sanctions lists loaded at scrape time, read
// from the screener rather than copied into a gauge at each reload, so
// it cannot go stale.
type listCollector struct {
	sc   *screen.Screener
	desc *prometheus.Desc
}

func newListCollector(sc *screen.Screener) listCollector {
	return listCollector{sc: sc, desc: prometheus.NewDesc(
		"luxscreen_list_entities",
		"Entities of each loaded sanctions list, by source and SHA-256 of the file.",
		[]string{"source", "sha256"}, nil,
	)}
}

func (c listCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c listCollector) Collect(ch chan<- prometheus.Metric) {
	seen := map[[2]string]bool{}
	for _, v := range c.sc.Versions() {
		// The same file loaded twice is one series, not a duplicate that
		// would fail the whole scrape.
		k := [2]string{v.Source, v.SHA256}
		if seen[k] {
			continue
		}
		seen[k] = true
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(v.Entities), v.Source, v.SHA256)
	}
}

// sourceCollector reports the state of each sanctions list source at
// scrape time (luxscreen.System.Sources), for alerts on a list gone
// stale, not ready, or whose new file a reload refused. Sources are those
// the server was configured with, so the label values are few.
type sourceCollector struct {
	sys                        *luxscreen.System
	age, ready, stale, refused *prometheus.Desc
}

func newSourceCollector(sys *luxscreen.System) sourceCollector {
	desc := func(name, help string) *prometheus.Desc {
		return prometheus.NewDesc(name, help, []string{"source"}, nil)
	}
	return sourceCollector{sys: sys,
		age:     desc("luxscreen_list_age_seconds", "Age of each sanctions list source's list, from the date it states or, failing that, its file's time."),
		ready:   desc("luxscreen_list_ready", "1 when the sanctions list source answers with a real list that holds entities, else 0."),
		stale:   desc("luxscreen_list_stale", "1 when the source's list is older than the maximum list age, or its date is unknown, else 0."),
		refused: desc("luxscreen_list_refused", "1 when the latest reload refused the source's new file (the list before stays in use), else 0."),
	}
}

func (c sourceCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.age
	ch <- c.ready
	ch <- c.stale
	ch <- c.refused
}

func (c sourceCollector) Collect(ch chan<- prometheus.Metric) {
	seen := map[string]bool{}
	for _, src := range c.sys.Sources() {
		if seen[src.ID] {
			continue
		}
		seen[src.ID] = true
		ch <- prometheus.MustNewConstMetric(c.age, prometheus.GaugeValue, src.Age.Seconds(), src.ID)
		ch <- prometheus.MustNewConstMetric(c.ready, prometheus.GaugeValue, flag(src.Ready), src.ID)
		ch <- prometheus.MustNewConstMetric(c.stale, prometheus.GaugeValue, flag(src.Stale), src.ID)
		ch <- prometheus.MustNewConstMetric(c.refused, prometheus.GaugeValue, flag(src.Refusal != ""), src.ID)
	}
}

// flag is 1 for true and 0 for false, a Prometheus boolean.
func flag(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
