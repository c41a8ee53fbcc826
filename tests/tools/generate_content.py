#!/usr/bin/env python3
"""Generated content for benchmarks and scale tests: the sample copied until it has N offers.

    tests/tools/generate_content.py SAMPLE_DIR OUT_DIR N

Deterministic (the same N gives the same bytes), nothing committed. Every copy k > 0 of the sample's
offers and providers gets its own ids (suffix "-k"), so there are as many providers per offer and as
many languages per offer (six in the sample) as in the sample. The other files (network, life
stages, topics, synonyms, audio) are copied as they are, so audio references stay valid.
"""
import math
import re
import shutil
import sys


def renamed(text, k, field):
    if k == 0:  # the first copy keeps the sample's ids: the other files (practices, events) name them
        return text
    return re.sub(rf"^(\s*-? ?{field}: )([a-z0-9-]+)\s*$",
                  lambda m: f"{m.group(1)}{m.group(2)}-{k}", text, flags=re.M)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sample, out, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
    shutil.copytree(sample, out)
    offers = open(f"{sample}/offers.yaml", encoding="utf-8").read()
    providers = open(f"{sample}/providers.yaml", encoding="utf-8").read()
    per_copy = len(re.findall(r"^- id: ", offers, re.M))
    copies = math.ceil(wanted / per_copy)
    all_offers, all_providers = [], []
    for k in range(copies):
        all_offers.append(renamed(renamed(offers, k, "id"), k, "provider"))
        all_providers.append(renamed(providers, k, "id"))
    entries = re.split(r"(?m)^(?=- id: )", "".join(all_offers))
    kept = [e for e in entries if e.startswith("- id: ")][:wanted]
    with open(f"{out}/offers.yaml", "w", encoding="utf-8") as f:
        f.write("".join(kept))
    with open(f"{out}/providers.yaml", "w", encoding="utf-8") as f:
        f.write("".join(all_providers))


if __name__ == "__main__":
    main()
