"""Checks scoop's bert engine against transformers (run by scripts/test-bert).

    check.py dump HF_DIR DUMP.json        # tests/bert.rs's dump of one text
    check.py extract BERT_OUT DEFAULT_OUT  # `scoop extract` outputs of both engines
    check.py same-weights A.ot B.ot        # two conversions hold the same tensors

dump: the sub-tokens of every window are transformers' own for the same words
(BertTokenizerFast, is_split_into_words) and each word's first sub-token is
where transformers puts it; windows hold at most 512 sub-tokens and are cut
between sentences (inside one only when it is longer than a window), each
as full as the next sentence allows; rust-bert's logits equal
BertForTokenClassification's on the same sub-tokens within 1e-4; and the
mentions are the ones the first sub-tokens' argmax tags give.

extract: every mention, in the CSV and the JSON, is a well-formed code-point
span of its input (text[start:end] is its text), with a guide label, sorted
and non-overlapping; and the bert engine writes the same files and columns as
the default engine.
"""

import csv
import json
import sys
from pathlib import Path

import torch

TOLERANCE = 1e-4
MAX_WINDOW = 512
GUIDE = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC", "WORK": "WORK", "WORK_OF_ART": "WORK"}


def fail(message):
    sys.exit(f"check.py: FAIL: {message}")


def mentions_from_tags(tags, sentences, spans):
    """Independent reading of IOB1/IOB2 tags (one per word) into (start, end, label) spans."""
    out = []
    for first, end in sentences:
        open_ = None
        for i in range(first, end + 1):
            tag = tags[i] if i < end else "O"
            prefix, _, kind = tag.partition("-") if tag[:2] in ("B-", "I-") else ("I", "", tag)
            label = GUIDE.get(kind.upper())
            if open_ and prefix == "I" and label == open_[1]:
                continue
            if open_:
                out.append((spans[open_[0]][0], spans[i - 1][1], open_[1]))
                open_ = None
            if label:
                open_ = (i, label)
    return out


def check_dump(hf_dir, dump_path):
    from transformers import BertForTokenClassification, BertTokenizerFast

    dump = json.loads(Path(dump_path).read_text(encoding="utf-8"))
    tokenizer = BertTokenizerFast.from_pretrained(hf_dir)
    model = BertForTokenClassification.from_pretrained(hf_dir).eval()
    id2label = model.config.id2label
    words, sentences, windows = dump["words"], dump["sentences"], dump["windows"]

    # Sub-tokens and first-sub-token positions, as transformers has them.
    pieces = [len(tokenizer(w, add_special_tokens=False)["input_ids"]) for w in words]
    covered = []
    for n, window in enumerate(windows):
        tokens = [t for t, _ in window["words"]]
        encoded = tokenizer([words[t] for t in tokens], is_split_into_words=True)
        if encoded["input_ids"] != window["ids"]:
            fail(f"window {n}: sub-token ids differ from transformers'")
        firsts = [encoded.word_ids().index(i) for i in range(len(tokens))]
        if firsts != [p for _, p in window["words"]]:
            fail(f"window {n}: first sub-token positions differ from transformers'")
        if len(window["ids"]) > MAX_WINDOW:
            fail(f"window {n} has {len(window['ids'])} sub-tokens")
        covered += tokens
    # Tokens outside sentences (a bullet before its sentence) are tagged by no engine.
    if covered != [t for a, b in sentences for t in range(a, b) if pieces[t]]:
        fail("the windows do not hold every sentence word with sub-tokens exactly once, in order")

    # Window cuts: between sentences unless the sentence is longer than a window;
    # greedy: the next sentence would not have fitted.
    sentence_of = {t: s for s, (a, b) in enumerate(sentences) for t in range(a, b)}
    sentence_pieces = [sum(pieces[a:b]) for a, b in sentences]
    cuts = inside = 0
    for before, after in zip(windows, windows[1:]):
        first = after["words"][0][0]
        s = sentence_of[first]
        if sentences[s][0] == first or all(pieces[t] == 0 for t in range(sentences[s][0], first)):
            cuts += 1
            if len(before["ids"]) + sentence_pieces[s] <= MAX_WINDOW:
                fail(f"a window was closed before sentence {s}, which fitted")
        elif sentence_pieces[s] > MAX_WINDOW - 2:
            inside += 1
        else:
            fail(f"a window cuts sentence {s}, which fits in one")

    # Logits of the same sub-tokens, each window alone (rust-bert ran them padded, in batches).
    worst = 0.0
    tags = ["O"] * len(words)
    with torch.no_grad():
        for window in windows:
            logits = model(torch.tensor([window["ids"]])).logits[0]
            worst = max(worst, (logits - torch.tensor(window["logits"])).abs().max().item())
            for token, position in window["words"]:
                tags[token] = id2label[int(logits[position].argmax())]
    if worst > TOLERANCE:
        fail(f"logits differ by {worst:.2e} (tolerance {TOLERANCE})")

    # Mentions: the transformers tags read independently, as code-point spans.
    expected = mentions_from_tags(tags, sentences, dump["spans"])
    got = [tuple(m) for m in dump["mentions"]]
    if got != expected:
        fail(f"mentions differ from transformers' tags: {len(got)} vs {len(expected)}; first difference "
             f"{next(((g, e) for g, e in zip(got, expected) if g != e), None)}")
    if len(expected) < 10:
        fail(f"only {len(expected)} mentions: too few to test the alignment")
    subtokens = sum(len(w["ids"]) for w in windows)
    print(f"check.py: dump OK: {len(words)} words, {subtokens} sub-tokens in {len(windows)} windows "
          f"({cuts} cut between sentences, {inside} inside an over-long one), "
          f"max |logit difference| {worst:.1e}, {len(got)} mentions as transformers tags them")


def check_extract(bert_out, default_out):
    bert_out, default_out = Path(bert_out), Path(default_out)
    files = lambda d: sorted(str(p.relative_to(d)) for p in d.rglob("*") if p.is_file())
    if files(bert_out) != files(default_out):
        fail(f"the engines wrote different files: {files(bert_out)} vs {files(default_out)}")
    for name in ("documents.csv", "mentions.csv", "dates.csv", "persons.csv", "roles.csv", "events.csv"):
        headers = [next(csv.reader(open(d / name, encoding="utf-8", newline=""))) for d in (bert_out, default_out)]
        if headers[0] != headers[1]:
            fail(f"{name}: different columns")
    with open(bert_out / "documents.csv", encoding="utf-8", newline="") as f:
        sources = {row["doc_id"]: row["source"] for row in csv.DictReader(f) if row["status"] == "ok"}
    texts = {}
    for doc_id, source in sources.items():
        with open(source, encoding="utf-8", newline="") as f:
            texts[doc_id] = f.read()

    def check_spans(where, doc_id, mentions):
        text = texts[doc_id]
        last_end = 0
        for m in mentions:
            start, end = int(m["start"]), int(m["end"])
            if not (last_end <= start < end <= len(text)):
                fail(f"{where}: {doc_id}: bad or overlapping span {start}..{end}")
            if text[start:end] != m["text"]:
                fail(f"{where}: {doc_id}: text[{start}:{end}] is {text[start:end]!r}, not {m['text']!r}")
            if m["label"] not in ("PER", "ORG", "LOC", "WORK", "MISC"):
                fail(f"{where}: {doc_id}: label {m['label']!r}")
            last_end = end

    rows = {}
    with open(bert_out / "mentions.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rows.setdefault(row["doc_id"], []).append(row)
    total = 0
    for doc_id in sources:
        check_spans("mentions.csv", doc_id, rows.get(doc_id, []))
        stem = doc_id[:-4] if doc_id.endswith(".txt") else doc_id
        record = json.loads((bert_out / "json" / f"{stem}.json").read_text(encoding="utf-8"))
        check_spans(f"json/{stem}.json", doc_id, record["mentions"])
        total += len(rows.get(doc_id, []))
    if total == 0:
        fail("the bert engine found no mentions at all")
    print(f"check.py: extract OK: {len(sources)} documents, {total} mentions, all well-formed; same files and columns as the default engine")


def check_same_weights(a, b):
    x = dict(torch.jit.load(a).named_parameters())
    y = dict(torch.jit.load(b).named_parameters())
    if x.keys() != y.keys() or any(not torch.equal(x[k], y[k]) for k in x):
        fail(f"{a} and {b} differ")
    print(f"check.py: same-weights OK: {len(x)} tensors")


if __name__ == "__main__":
    commands = {"dump": check_dump, "extract": check_extract, "same-weights": check_same_weights}
    if len(sys.argv) != 4 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
