"""Chinese text analysis shared by all rules: points, tokens, numbers, time expressions, lexicon hits."""
