package screen_test

import (
	"context"
	"fmt"

	"github.com/luxscreen/luxscreen/party"
	"github.com/luxscreen/luxscreen/screen"
)

// Screen a consignee written with a different romanisation and a legal form
// against the embedded demo list. Production code loads the official lists
// with screen.Load instead.
func ExampleScreener_Screen() {
	demo, err := screen.DemoList()
	if err != nil {
		panic(err)
	}
	s, err := screen.NewScreener(demo)
	if err != nil {
		panic(err)
	}
	res, err := s.Screen(context.Background(), party.Entity{Names: []string{"Korea Ryongbong General Corp."}, Kind: party.KindOrganisation})
	if err != nil {
		panic(err)
	}
	h := res.Hits[0]
	fmt.Println(res.Verdict, h.Ref, h.MatchedName)
	for _, f := range h.Features {
		fmt.Println(f)
	}
	// Output:
	// match KPe.002 KOREA RYONBONG GENERAL CORPORATION
	// name: primary (0.972×1)
	// token: korea (1×0.7)
	// token: general (1×0.7)
	// token: corp (1×0.3)
	// romanisation: ryongbong~ryonbong (0.97×2)
}

// An exact ship IMO number wins outright, with or without the "IMO" prefix.
func ExampleScreener_Screen_vessel() {
	demo, _ := screen.DemoList()
	s, _ := screen.NewScreener(demo)
	res, _ := s.Screen(context.Background(), party.Entity{Kind: party.KindVessel, Identifiers: []party.Identifier{{Type: party.IDIMO, Value: "IMO 7937317"}}})
	fmt.Println(res.Verdict, res.Hits[0].Name, res.Hits[0].Features[0])
	// Output:
	// match CHONG CHON GANG identifier: ship IMO 7937317 (1×1)
}

// A name that is only a legal form cannot be screened: the verdict is
// review, never clear.
func ExampleScreener_Screen_failClosed() {
	demo, _ := screen.DemoList()
	s, _ := screen.NewScreener(demo)
	res, _ := s.Screen(context.Background(), party.Entity{Names: []string{"Co., Ltd."}})
	fmt.Println(res.Verdict, res.Reasons[0])
	// Output:
	// review cannot_screen: name "Co., Ltd." is empty after normalisation
}

func ExampleValidShipIMO() {
	fmt.Println(screen.ValidShipIMO("7937317"), screen.ValidCompanyIMO("5342883"), screen.ValidShipIMO("5342883"))
	// Output: true true false
}
