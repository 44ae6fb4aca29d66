package names

// cyrillicLatin transliterates Russian, Ukrainian, Belarusian, Bulgarian,
// Serbian, Macedonian, Kazakh and Mongolian Cyrillic letters (lower case)
// in a simplified BGN/PCGN style without diacritics, the form used by
// sanctions lists and by trade documents.
var cyrillicLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u",
	'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz",
	'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
	'ү': "u", 'ө': "o", 'һ': "h", 'қ': "k", 'ғ': "g", 'ң': "ng", 'ә': "a",
	'ұ': "u",
}

// isCyrillic reports whether r is in the Cyrillic blocks.
func isCyrillic(r rune) bool { return r >= 0x0400 && r <= 0x052F }
