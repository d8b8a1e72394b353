"""Reference MiniLM vectors from raw onnxruntime, for tests/tests/retrieval/minilm.rs.

Mean pooling over the attention mask, then L2 normalisation: what sentence-transformers does
for all-MiniLM-L6-v2. Prints the first components of each text's vector.
"""
import sys

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

MODEL = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/models/all-MiniLM-L6-v2"
TEXTS = [
    "Built a Rust service handling 10k requests per second",
    "Registered nurse with ICU experience",
]


def embed(texts, session, tok):
    enc = tok.encode_batch(texts)
    ids = np.array([e.ids for e in enc], dtype=np.int64)
    mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
    feeds = {"input_ids": ids, "attention_mask": mask}
    if any(i.name == "token_type_ids" for i in session.get_inputs()):
        feeds["token_type_ids"] = np.zeros_like(ids)
    hidden = session.run(None, feeds)[0]
    m = mask[..., None].astype(np.float32)
    pooled = (hidden * m).sum(1) / np.clip(m.sum(1), 1e-9, None)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def main():
    tok = Tokenizer.from_file(f"{MODEL}/tokenizer.json")
    tok.enable_padding()
    tok.enable_truncation(256)
    session = ort.InferenceSession(f"{MODEL}/model.onnx", providers=["CPUExecutionProvider"])
    for text, v in zip(TEXTS, embed(TEXTS, session, tok)):
        print(text, [round(float(x), 6) for x in v[:6]], "dim", len(v))
    a, b = embed(TEXTS, session, tok)
    print("cosine", round(float(a @ b), 6))


if __name__ == "__main__":
    main()
