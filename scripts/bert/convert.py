"""Converts a Hugging Face BERT token-classification checkpoint to rust-bert's
format (run by scripts/convert-hf-model; see its header)."""

import json
import shutil
import sys
from pathlib import Path

import torch

# Copied as they are: the configuration and whatever the tokenizer needs.
COPIED = ["config.json", "vocab.txt", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]


def load_weights(src):
    if (src / "model.safetensors").exists():
        from safetensors.torch import load_file

        return load_file(src / "model.safetensors")
    if (src / "pytorch_model.bin").exists():
        return torch.load(src / "pytorch_model.bin", map_location="cpu", weights_only=True)
    sys.exit(f"convert-hf-model: {src} has neither model.safetensors nor pytorch_model.bin")


def rust_names(weights):
    """rust-bert's names for the tensors, all float32. Old checkpoints call
    LayerNorm's parameters gamma and beta; integer buffers (position_ids) are
    no weights."""
    out = {}
    for name, tensor in weights.items():
        if not tensor.is_floating_point():
            continue
        if name.endswith(".gamma"):
            name = name[: -len("gamma")] + "weight"
        elif name.endswith(".beta"):
            name = name[: -len("beta")] + "bias"
        out[name] = tensor.to(torch.float32).contiguous()
    return out


def save_ot(weights, path):
    """rust_model.ot is what tch's VarStore::save writes and VarStore::load
    reads: a TorchScript archive whose module holds each tensor as a
    parameter under its dotted name. The same module tree, scripted, is that
    archive, so no Rust tool is needed here."""
    root = torch.nn.Module()
    for name, tensor in weights.items():
        *parents, leaf = name.split(".")
        module = root
        for part in parents:
            if not hasattr(module, part):
                module.add_module(part, torch.nn.Module())
            module = getattr(module, part)
        module.register_parameter(leaf, torch.nn.Parameter(tensor, requires_grad=False))
    torch.jit.script(root).save(str(path))


def main(src, dst):
    src, dst = Path(src), Path(dst)
    config = json.loads((src / "config.json").read_text(encoding="utf-8"))
    if config.get("model_type") != "bert":
        sys.exit(f"convert-hf-model: model_type is {config.get('model_type')!r}; scoop's bert engine runs BERT checkpoints")
    if not config.get("id2label"):
        sys.exit("convert-hf-model: config.json has no id2label: not a token-classification checkpoint")
    if not (src / "vocab.txt").exists() and not (src / "tokenizer.json").exists():
        sys.exit(f"convert-hf-model: {src} has neither vocab.txt nor tokenizer.json")
    weights = rust_names(load_weights(src))
    if "classifier.weight" not in weights or not any(k.startswith("bert.") for k in weights):
        sys.exit("convert-hf-model: the weights are not a BertForTokenClassification's (no bert.* and classifier.*)")
    dst.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        if (src / name).exists() and (src / name).resolve() != (dst / name).resolve():
            shutil.copyfile(src / name, dst / name)
    save_ot(weights, dst / "rust_model.ot.part")
    (dst / "rust_model.ot.part").replace(dst / "rust_model.ot")
    labels = [config["id2label"][k] for k in sorted(config["id2label"], key=int)]
    print(f"convert-hf-model: {len(weights)} tensors -> {dst / 'rust_model.ot'}; labels {' '.join(labels)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: convert-hf-model SRC_DIR DST_DIR")
    main(*sys.argv[1:])
