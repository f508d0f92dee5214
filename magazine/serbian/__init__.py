"""Serbian in both scripts: exact transliteration, and words that mix the two alphabets."""
