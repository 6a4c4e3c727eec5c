#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""RDKit's own Python functions on a SMILES file, the reference that
`paretolab-cli benchmark --what score` is compared with: QED (rdkit.Chem.QED),
the SA score (RDKit Contrib's sascorer), Crippen logP and TPSA, one parse per
molecule. Prints the same JSON object."""

import argparse
import json
import statistics
import sys
import time

from rdkit import Chem, RDLogger
from rdkit.Chem import QED, Crippen, rdMolDescriptors

sys.path.append("/usr/share/RDKit/Contrib/SA_Score")
import sascorer  # noqa: E402


def score(smiles):
    rows = []
    for text in smiles:
        mol = Chem.MolFromSmiles(text)
        if mol is None:
            rows.append(None)
            continue
        rows.append((QED.qed(mol), sascorer.calculateScore(mol), Crippen.MolLogP(mol),
                     rdMolDescriptors.CalcTPSA(mol)))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--input", required=True, help="one SMILES per line, an id may follow")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--warmups", type=int, default=1)
    args = parser.parse_args()
    RDLogger.DisableLog("rdApp.*")
    with open(args.input) as lines:
        smiles = [line.split()[0] for line in lines if line.strip()]
    sascorer.readFragmentScores()  # loaded once, outside the timing
    for _ in range(args.warmups):
        score(smiles)
    times = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        score(smiles)
        times.append(time.perf_counter() - start)
    report = {"what": "score", "implementation": "rdkit-python", "samples": len(smiles),
              "objectives": ["qed", "sa", "logp", "tpsa"],
              "median_s": statistics.median(times), "min_s": min(times), "max_s": max(times),
              "repeats": args.repeats, "threads": 1}
    report["samples_per_s"] = len(smiles) / report["median_s"]
    print(json.dumps(report))


if __name__ == "__main__":
    main()
