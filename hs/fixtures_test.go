package hs

// Small nomenclature and correlation files in the layouts of the published
// ones. The codes are real and exist in the editions named (checked against
// the shared data by TestFixtureCodesExist); the descriptions are our own
// short wording, not copied from the published files.

// hs2022CSV is in the layout of datasets/harmonized-system's flat HS2022 CSV.
const hs2022CSV = `section,hscode,description,parent,level
I,01,Live animals,TOTAL,2
I,0101,"Horses, asses, mules and hinnies",01,4
I,010121,"Horses, pure-bred breeding",0101,6
I,010129,"Horses, other",0101,6
IV,22,"Beverages, spirits and vinegar",TOTAL,2
IV,2203,Malt beer,22,4
IV,220300,Malt beer,2203,6
XVII,87,Road vehicles,TOTAL,2
XVII,8703,Motor cars,87,4
XVII,870324,"Motor cars, spark ignition, over 3,000 cc",8703,6
XVII,89,Ships and boats,TOTAL,2
XVII,8903,Yachts and pleasure boats,89,4
XVII,890331,"Motorboats, up to 7.5 m",8903,6
XVII,890332,"Motorboats, 7.5 m to 24 m",8903,6
XVII,890333,"Motorboats, over 24 m",8903,6
XVIII,91,Clocks and watches,TOTAL,2
XVIII,9101,Watches cased in precious metal,91,4
XVIII,910121,"Wrist-watches, automatic winding, precious-metal case",9101,6
TOTAL,TOTAL,All commodities,TOTAL,5
`

// hs2017JSON is in the layout of UN Comtrade's classificationH5.json.
const hs2017JSON = `{
	"more": false,
	"classCode": "H5",
	"className": "HS2017",
	"results": [
		{"id": "ALL", "text": "All HS2017 categories", "parent": "#"},
		{"id": "TOTAL", "text": "Total of all HS2017 commodities", "parent": "#"},
		{"id": "AG6", "text": "AG6 - All 6-digit HS2017 commodities", "parent": "#"},
		{"id": "89", "text": "89 - Ships and boats", "parent": "TOTAL"},
		{"id": "8903", "text": "8903 - Yachts and pleasure boats", "parent": "89"},
		{"id": "890391", "text": "890391 - Sailboats", "parent": "8903"},
		{"id": "890392", "text": "890392 - Motorboats", "parent": "8903"},
		{"id": "890399", "text": "890399 - Other pleasure boats", "parent": "8903"},
		{"id": "91", "text": "91 - Clocks and watches", "parent": "TOTAL"},
		{"id": "9101", "text": "9101 - Watches cased in precious metal", "parent": "91"},
		{"id": "910121", "text": "910121 - Wrist-watches, automatic winding", "parent": "9101"}
	]
}`

// cn2026CSV is in the layout of the Commission's English goods-nomenclature
// export (CN2026 with TARIC lines). It shows the irregularities of the real
// file: a code repeated on indented lines (0101 21, 2203 00 01), a heading
// whose CN8 lines have no HS6 line above them (2203), TARIC lines with no CN8
// line above them (0106 90 00 10), "|" for a no-break space.
const cn2026CSV = `goods_code,hier_pos,language,description
0100000000,2,EN,LIVE ANIMALS
0101000000,4,EN,"Horses, asses, mules and hinnies"
0101210000,6,EN,Horses
0101210000,6,EN,Pure-bred breeding animals
0101290000,6,EN,Other
0101291000,8,EN,For slaughter
0101299000,8,EN,Other
0106000000,4,EN,Other live animals
0106900000,6,EN,Other
0106900010,10,EN,Frogs
0106900010,10,EN,For human consumption
0106900019,10,EN,Other
0106900090,10,EN,Other
2200000000,2,EN,BEVERAGES
2203000000,4,EN,Malt beer
2203000100,8,EN,In containers of 10|l or less
2203000100,8,EN,In bottles
2203000900,8,EN,Other
2203001000,8,EN,In containers of more than 10|l
8700000000,2,EN,VEHICLES
8703000000,4,EN,Motor cars
8703240000,6,EN,"Spark ignition, over 3|000|cm3"
8703241000,8,EN,New
8703249000,8,EN,Used
8900000000,2,EN,SHIPS AND BOATS
8903000000,4,EN,Yachts and pleasure boats
8903220000,6,EN,"Sailboats, 7,5|m to 24|m"
8903221000,8,EN,Seagoing
8903229000,8,EN,Other
9100000000,2,EN,CLOCKS AND WATCHES
9101000000,4,EN,Watches cased in precious metal
9101210000,6,EN,Other wrist-watches
9101210000,6,EN,Automatic winding
`

// cn2026DatedCSV is in the layout of the Commission's German export, with
// TARIC product-line suffixes, "2.0" hierarchy positions and validity dates.
// HS6 0101 10 (pure-bred breeding animals) gave way to 0101 21 and 0101 29
// when HS2012 took effect on 1 January 2012, so it is not part of CN2026 and
// 0101 21 is not part of CN2011; TARIC 8503 00 98 43 began in 2025.
const cn2026DatedCSV = "\ufeffGoods code,Start date,End date,Language,Hier. Pos.,Indent,Description,Descr. start date\n" +
	"0100000000 80,31-12-1971,,DE,2.0,,LEBENDE TIERE,31-12-1971\n" +
	"0101000000 80,01-01-1972,,DE,4.0,,\"Pferde, Esel, Maultiere und Maulesel\",01-01-1972\n" +
	"0101100000 80,01-01-1988,31-12-2011,DE,6.0,- ,reinrassige Zuchttiere,01-01-1988\n" +
	"0101210000 10,01-01-2012,,DE,6.0,- ,Pferde,01-01-2019\n" +
	"0101210000 80,01-01-2012,,DE,6.0,- - ,reinrassige Zuchttiere,01-01-2019\n" +
	"8503009843 80,01-01-2025,31-12-2030,DE,10.0,- - - - ,Tastaturen,01-01-2025\n" +
	"9101210000 80,01-01-1972,,DE,6.0,- - ,mit automatischem Aufzug,01-01-2020\n"

// correlationCSV is in the layout of the UNSD HS2022–HS2017 correlation
// table: all links of heading 8903 and of headings 2518 and 3816, and one
// unchanged code.
const correlationCSV = `HS2022,HS2017,relationship
010121,010121,1:1
251810,251810,1:1
251820,251820,1:1
381600,251830,1:n
381600,381600,1:n
890311,890310,n:1
890312,890310,n:1
890319,890310,n:1
890321,890391,n:1
890322,890391,n:1
890323,890391,n:1
890331,890392,n:1
890332,890392,n:1
890333,890392,n:1
890393,890399,n:1
890399,890399,n:1
`

// correlationExCSV is in the layout of the UNSD HS2017–HS2012 correlation
// table, which marks partly covered HS2012 codes "ex".
const correlationExCSV = `HS2017,HS2012,relationship,partial_ex
010121,010121,1:1,
030631,030621,n:1,ex
030691,030621,n:1,ex
`

// conversionCSV is in the layout of a UNSD conversion table: one target per
// code and no relationship column.
const conversionCSV = `HS2022,HS2017
010121,010121
890331,890392
890332,890392
890333,890392
`
