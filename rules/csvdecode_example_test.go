package rules_test

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/luxscreen/luxscreen/rules"
)

// Read the shipments of a bill-of-lading CSV: rows with the same id are
// one shipment, and a bad shipment is reported with its place while the
// others are read.
func ExampleNewCSVDecoder() {
	in := "id,date,consignee,consignee_country,route,destination,description,hs_code,quantity,unit,value,currency\n" +
		"bl-1,2024-03-01,Harbour Trading Pte Ltd,SG,DEHAM Hamburg > SGSIN Singapore,SG,wrist watches,9101.21,10,item,24000,EUR\n" +
		"bl-1,,,,,,leather handbags,4202.21,5,item,6000,EUR\n" +
		"bl-2,2024-03-02,,,,,cognac,2208.20,120,l,3000,EURO\n" +
		"bl-3,2024-03-02,,,,KP,rice,1006.30,1000,kg,,\n"
	d, err := rules.NewCSVDecoder(strings.NewReader(in), "bills.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	for {
		s, err := d.Next()
		if err == io.EOF {
			break
		}
		if errors.Is(err, rules.ErrSyntax) {
			fmt.Println(err) // the rest of the file cannot be read
			break
		}
		if err != nil {
			id, line := d.Last()
			fmt.Printf("shipment %s (line %d) not read: %v\n", id, line, err)
			continue
		}
		fmt.Printf("shipment %s to %s, lines: %d\n", s.ID, s.Destination, len(s.Lines))
	}
	// Output:
	// shipment bl-1 to SG, lines: 2
	// shipment bl-2 (line 4) not read: bills.csv:4:47: currency: invalid value: "EURO" is not an ISO 4217 code
	// shipment bl-3 to KP, lines: 1
}
