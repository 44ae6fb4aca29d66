package names_test

import (
	"fmt"

	"github.com/luxscreen/luxscreen/screen/names"
)

// The skeleton brings McCune–Reischauer, DPRK and Revised Romanisation
// spellings of one name together.
func ExampleSkeleton() {
	for _, s := range []string{"Ryonbong", "Ryongbong", "Yonbong", "P'yŏngyang", "Pyeongyang"} {
		fmt.Println(names.Skeleton(names.Fold(s).Text))
	}
	// Output:
	// yonpoN
	// yonpoN
	// yonpoN
	// pyoNyaN
	// pyoNyaN
}

// Legal forms are canonicalised on both sides, so "Co., Ltd." and
// "Company Limited" become the same token.
func ExampleAnalyzer_Analyze() {
	a, err := names.NewAnalyzer()
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Analyze("Chongchongang Shipping Co., Ltd.").Key())
	fmt.Println(a.Analyze("CHONGCHONGANG SHIPPING COMPANY LIMITED").Key())
	// Output:
	// chongchongang shipping co ltd
	// chongchongang shipping co ltd
}
