// Package screeneval measures the screen package on the shared development
// sets described in ../shared/data/screening/README.md:
//
//   - the 468 DPRK name pairs (by category): each name2 is screened against
//     the UN and OFAC lists, and the record of name1 must reach review or
//     match for a true pair and must not reach match for a hard negative;
//   - the nomenklatura 826-pair name bench: precision, recall and F1 of the
//     pairwise score by threshold;
//   - the 1,000 synthetic negative persons: the share screened as match or
//     review;
//   - a self-screen: every name and alias of every UN and OFAC DPRK record
//     must return its own record at the top score.
//
// One deliberate relabelling is made, in this package only: nomenklatura's
// bench labels some vessel pairs that differ only in their hull number
// ("Zu Zag Bong 6" / "Zu Zag Bong 5") as matches. Sister ships are different
// ships, so such pairs are counted as non-matches here, and the number of
// relabelled pairs is reported.
package screeneval
