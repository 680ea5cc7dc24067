"""Build the trimmed jieba dictionary shipped in checker/nlp/data/ (run once, when jieba or the lexicons change).

    python -m checker.nlp.build_dict [--min-freq 30]

jieba's own dict.txt has 349k words and takes ~0.5-0.9 s to load at every
start. Interview records use everyday words, so the trimmed dictionary keeps
every single character (jieba needs them to build its word graph), every word
of frequency >= min-freq, and every word of the lexicons in lexicons/. Nothing
is downloaded: the source is the dict.txt inside the installed jieba package.

It also writes data/idioms.txt: jieba's four-character idioms (tag i) of
frequency >= 20, which the judgement finder reads as a verdict when one closes
a clause of a rating point ("做事瞻前顾后", "稿件质量参差不齐").
"""

from __future__ import annotations

import argparse
from pathlib import Path

from checker.nlp.lexicon import load_lexicons

OUTPUT = Path(__file__).resolve().parent / "data" / "jieba_small.txt"
IDIOMS = OUTPUT.with_name("idioms.txt")
LEXICON_FREQ = 20000
IDIOM_MIN_FREQ = 20


def jieba_dict() -> Path:
    import jieba

    return Path(jieba.__file__).resolve().parent / "dict.txt"


def trimmed_lines(source: Path, min_freq: int, extra: set[str]) -> list[str]:
    kept: list[str] = []
    seen: set[str] = set()
    for line in source.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) < 2:
            continue
        word, freq = parts[0], int(parts[1])
        if len(word) == 1 or freq >= min_freq:
            kept.append(line)
            seen.add(word)
    kept += [f"{w} {LEXICON_FREQ}" for w in sorted(extra - seen) if len(w) > 1 and " " not in w]
    return kept


def idiom_lines(source: Path) -> list[str]:
    """Four-character idioms (jieba tag i) common enough to be real chengyu, not user-added noise."""
    idioms = []
    for line in source.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) == 3 and parts[2] == "i" and len(parts[0]) == 4 and int(parts[1]) >= IDIOM_MIN_FREQ:
            idioms.append(parts[0])
    return sorted(set(idioms))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-freq", type=int, default=30)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    lines = trimmed_lines(jieba_dict(), args.min_freq, load_lexicons().all_words())
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(lines)} words")
    idioms = idiom_lines(jieba_dict())
    IDIOMS.write_text("\n".join(idioms) + "\n", encoding="utf-8")
    print(f"{IDIOMS}: {len(idioms)} idioms")


if __name__ == "__main__":
    main()
