"""Builds a BertForTokenClassification with random weights, locally (nothing
is downloaded), and saves it as a Hugging Face checkpoint folder.

    make_model.py --size tiny|base --out DIR TEXT...

tiny: 2 layers, hidden 32, 2 heads, for the end-to-end test. Its WordPiece
vocabulary covers the words of TEXT; longer words are only in it in pieces,
so that words split into sub-tokens, and words with digits are left out, so
that [UNK] occurs.

base: bert-base-cased's dimensions (12 layers, hidden 768, 12 heads,
28,996 entries), for the speed benchmark: speed depends on the shape, not on
the weights. Its vocabulary is generated from TEXT too (words up to 8
characters whole, longer ones in pieces) and padded with placeholders.

Weights are random (fixed seed): the predictions mean nothing.
"""

import argparse
import json
from pathlib import Path

import torch
from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast
from transformers.models.bert.tokenization_bert import BasicTokenizer

# BIO tags with every guide label the engine maps, and a type it drops.
LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC", "B-DATE", "I-DATE"]
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
SIZES = {
    "tiny": dict(num_hidden_layers=2, hidden_size=32, num_attention_heads=2, intermediate_size=64, initializer_range=0.2),
    "base": dict(num_hidden_layers=12, hidden_size=768, num_attention_heads=12, intermediate_size=3072, initializer_range=0.02),
}


def pieces(word, whole_up_to, chunk):
    """The word itself, or its pieces: `Netflix` -> `Net`, `##fli`, `##x`."""
    if len(word) <= whole_up_to:
        return [word]
    return [word[:chunk]] + ["##" + word[i : i + chunk] for i in range(chunk, len(word), chunk)]


def vocabulary(texts, size):
    words = set()
    basic = BasicTokenizer(do_lower_case=False)
    for text in texts:
        words.update(basic.tokenize(text))
    vocab = set()
    for word in sorted(words):
        if size == "tiny":
            if any(c.isdigit() for c in word):
                continue  # -> [UNK]
            vocab.update(pieces(word, 5, 3))
        else:
            vocab.update(pieces(word, 8, 4))
            # Every character alone and as a continuation: any word can be spelled.
            vocab.update(word)
            vocab.update("##" + c for c in word)
    vocab = SPECIAL + sorted(vocab - set(SPECIAL))
    if size == "base":
        vocab += [f"[unused{i}]" for i in range(28996 - len(vocab))]
    return vocab


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=SIZES, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20240724)
    parser.add_argument("--pytorch-bin", action="store_true", help="save pytorch_model.bin instead of model.safetensors")
    parser.add_argument("texts", type=Path, nargs="+")
    args = parser.parse_args()

    args.out.mkdir(parents=True, exist_ok=True)
    vocab = vocabulary([t.read_text(encoding="utf-8") for t in args.texts], args.size)
    (args.out / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(args.out / "vocab.txt"), do_lower_case=False, clean_up_tokenization_spaces=False)
    tokenizer.save_pretrained(args.out)  # tokenizer.json, tokenizer_config.json, special tokens

    torch.manual_seed(args.seed)
    config = BertConfig(
        vocab_size=len(vocab),
        max_position_embeddings=512,
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
        **SIZES[args.size],
    )
    model = BertForTokenClassification(config).eval()
    model.save_pretrained(args.out, safe_serialization=not args.pytorch_bin)
    print(json.dumps({"out": str(args.out), "vocab": len(vocab), "labels": len(LABELS)}))


if __name__ == "__main__":
    main()
