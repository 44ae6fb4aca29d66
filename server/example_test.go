package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/luxscreen/luxscreen"
	"github.com/luxscreen/luxscreen/server"
)

// newConfig opens the System a Server serves with, as "luxscreen serve"
// does. Production code names the official sanctions lists in
// luxscreen.Config.Lists instead of screening against the demo list.
func newConfig() server.Config {
	sys, err := luxscreen.Open(context.Background(), luxscreen.Config{})
	if err != nil {
		log.Fatal(err)
	}
	return server.Config{System: sys}
}

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
// outcome. The demo list answers, but is never ready.
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
	// true false demo 18 true
}
