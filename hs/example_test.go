package hs_test

import (
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/luxscreen/luxscreen/hs"
)

func ExampleParse() {
	for _, s := range []string{"8703.24.10 90", "9101 21 00", "1012100"} {
		c, err := hs.Parse(s)
		if errors.Is(err, hs.ErrLostLeadingZero) {
			fmt.Println(err)
			continue
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: HS6 %s, national digits %q, %s\n", c, c.HS6(), c.National(), c.Level())
	}
	// Output:
	// 8703.24.10.90: HS6 870324, national digits "1090", national
	// 9101.21.00: HS6 910121, national digits "00", national
	// hs: invalid code "1012100": 7 digits: probable lost leading zero (did you mean 01012100?)
}

func ExampleCode_Covers() {
	// A control list names heading 9101 (watches cased in precious metal);
	// a declaration gives the CN8 line.
	listed := hs.MustParse("9101")
	declared := hs.MustParse("9101.21.00")
	fmt.Println(listed.Covers(declared))
	fmt.Println(declared.Covers(listed))
	// Output:
	// true
	// false
}

func ExampleParseEdition() {
	for _, s := range []string{"HS2017", "H6", "CN2026"} {
		e, err := hs.ParseEdition(s)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s is %v, based on %v\n", s, e, e.Base())
	}
	// Output:
	// HS2017 is HS2017, based on HS2017
	// H6 is HS2022, based on HS2022
	// CN2026 is CN2026, based on HS2022
}

func ExampleCorrelation_Map() {
	// An excerpt of the UNSD HS2022–HS2017 correlation table: HS2022
	// divided motorboats by length.
	const table = `HS2022,HS2017,relationship
890331,890392,n:1
890332,890392,n:1
890333,890392,n:1
`
	c, err := hs.ReadCorrelation(strings.NewReader(table))
	if err != nil {
		log.Fatal(err)
	}
	links, err := c.Map(hs.MustParse("8903.92"), hs.HS2017)
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range links {
		fmt.Println(l.From, "→", l.To, l.Relation)
	}
	// Output:
	// 8903.92 → 8903.31 1:n
	// 8903.92 → 8903.32 1:n
	// 8903.92 → 8903.33 1:n
}

func ExampleTable_Exists() {
	// An excerpt of the EU goods-nomenclature export (CN2026): heading 2203
	// is divided at CN8 level, HS6 9101 21 is not divided.
	const export = `goods_code,hier_pos,language,description
2203000000,4,EN,Beer made from malt
2203000100,8,EN,In containers holding 10 litres or less
2203000900,8,EN,Other
2203001000,8,EN,In containers holding more than 10 litres
9101000000,4,EN,Watches with case of precious metal
9101210000,6,EN,With automatic winding
`
	cn, err := hs.ReadCN(strings.NewReader(export), hs.Edition{System: "CN", Year: 2026})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range []string{"9101 21 00", "2203 00 10", "2203 00 00", "9101 21 99"} {
		fmt.Println(s, cn.Exists(hs.MustParse(s)))
	}
	// Output:
	// 9101 21 00 true
	// 2203 00 10 true
	// 2203 00 00 false
	// 9101 21 99 false
}
