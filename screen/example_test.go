package screen_test

import (
	"context"
	"fmt"

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
	res, err := s.Screen(context.Background(), screen.Query{Name: "Korea Ryongbong General Corp.", Kind: screen.KindOrganisation})
	if err != nil {
		panic(err)
	}
	h := res.Hits[0]
	fmt.Println(res.Verdict, h.Ref, h.MatchedName)
	fmt.Println(h.Reasons)
	// Output:
	// match KPe.002 KOREA RYONBONG GENERAL CORPORATION
	// [name: primary token: korea token: general token: corp romanisation: ryongbong~ryonbong]
}

// An exact ship IMO number wins outright, with or without the "IMO" prefix.
func ExampleScreener_Screen_vessel() {
	demo, _ := screen.DemoList()
	s, _ := screen.NewScreener(demo)
	res, _ := s.Screen(context.Background(), screen.Query{Kind: screen.KindVessel, IMO: "IMO 7937317"})
	fmt.Println(res.Verdict, res.Hits[0].Name, res.Hits[0].Reasons)
	// Output:
	// match CHONG CHON GANG [imo_exact: 7937317 (ship)]
}

// A name that is only a legal form cannot be screened: the verdict is
// review, never clear.
func ExampleScreener_Screen_failClosed() {
	demo, _ := screen.DemoList()
	s, _ := screen.NewScreener(demo)
	res, _ := s.Screen(context.Background(), screen.Query{Name: "Co., Ltd."})
	fmt.Println(res.Verdict, res.Reasons)
	// Output:
	// review [cannot screen: name "Co., Ltd." is empty after normalisation]
}

func ExampleValidShipIMO() {
	fmt.Println(screen.ValidShipIMO("7937317"), screen.ValidCompanyIMO("5342883"), screen.ValidShipIMO("5342883"))
	// Output: true true false
}
