package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/luxscreen/luxscreen/classify"
	"github.com/luxscreen/luxscreen/lists"
	"github.com/luxscreen/luxscreen/rules"
	"github.com/luxscreen/luxscreen/screen"
	"github.com/luxscreen/luxscreen/server"
)

// newConfig builds the components a Server serves with, as "luxscreen
// serve" does. Production code loads the official sanctions lists with
// screen.Load instead of the demo list.
func newConfig() server.Config {
	ctx := context.Background()
	cat, err := lists.Default(ctx)
	if err != nil {
		log.Fatal(err)
	}
	cl, err := classify.New(cat)
	if err != nil {
		log.Fatal(err)
	}
	demo, err := screen.DemoList()
	if err != nil {
		log.Fatal(err)
	}
	sc, err := screen.NewScreener(demo)
	if err != nil {
		log.Fatal(err)
	}
	goods, err := rules.NewClassifyAdapter(cl, cat)
	if err != nil {
		log.Fatal(err)
	}
	// The engine screens parties with the same screener, so a reload
	// reaches /v1/check too.
	eng, err := rules.NewEngine(rules.Config{Goods: goods, Parties: sc})
	if err != nil {
		log.Fatal(err)
	}
	return server.Config{
		Catalogue: cat, Classifier: cl, Screener: sc, Engine: eng,
		Reload: func(ctx context.Context) error {
			demo, err := screen.DemoList()
			if err != nil {
				return err
			}
			return sc.Reload(ctx, demo)
		},
	}
}

// Serve the API and screen a consignee written with another romanisation.
func ExampleNew() {
	srv, err := server.New(newConfig())
	if err != nil {
		log.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	resp, err := http.Post(ts.URL+"/v1/screen", "application/json",
		strings.NewReader(`{"id": "consignee", "name": "Korea Ryongbong General Corp.", "kind": "org"}`))
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	var res server.ScreenResult
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.StatusCode, res.ID, res.Verdict, res.Hits[0].Ref, res.Hits[0].MatchedName)
	// Output:
	// 200 consignee match KPe.002 KOREA RYONBONG GENERAL CORPORATION
}

// A yente client switches to luxscreen by changing its base URL: the
// request and the answer keep yente's shapes.
func ExampleNew_yente() {
	srv, err := server.New(newConfig())
	if err != nil {
		log.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	body := `{"queries": {"ship": {"schema": "Vessel", "properties": {"name": ["Chong Chon Gang"], "imoNumber": ["7937317"]}}}}`
	resp, err := http.Post(ts.URL+"/match/default", "application/json", strings.NewReader(body))
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Responses map[string]struct {
			Results []struct {
				ID       string   `json:"id"`
				Caption  string   `json:"caption"`
				Schema   string   `json:"schema"`
				Datasets []string `json:"datasets"`
				Score    float64  `json:"score"`
				Match    bool     `json:"match"`
			} `json:"results"`
		} `json:"responses"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		log.Fatal(err)
	}
	for _, r := range out.Responses["ship"].Results {
		fmt.Println(r.Caption, r.Schema, r.Datasets, r.Score, r.Match)
	}
	// Output:
	// CHONG CHON GANG Vessel [luxscreen_demo] 1 true
}

// Reload the sanctions lists while the server runs; /readyz reports the
// outcome.
func ExampleServer_Reload() {
	srv, err := server.New(newConfig())
	if err != nil {
		log.Fatal(err)
	}
	st, err := srv.Reload(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	rd := srv.Readiness()
	fmt.Println(st.OK, rd.Ready, rd.Lists[0].Source, rd.Lists[0].Entities, rd.LastReload.OK)
	// Output:
	// true true demo 18 true
}
