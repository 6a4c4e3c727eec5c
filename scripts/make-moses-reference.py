#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes tests/data/moses/: a committed sample, test and training set, and the MOSES metrics of
the sample computed here with RDKit's Python, for tests/engine/tst_generativemetrics.cpp.

The metrics follow moses/metrics/metrics.py and utils.py (github.com/molecularsets/moses, MIT),
rewritten with numpy in float64 since MOSES itself is not in Debian:
  validity     share of samples RDKit parses (get_mol: MolFromSmiles, then SanitizeMol)
  unique@1k    distinct share of the first 1,000 valid canonical SMILES (all, when fewer)
  unique@10k   the same for 10,000
  novelty      share of distinct valid canonical SMILES not in the canonical training set
  IntDiv1/2    1 - mean_i (mean_j T_ij^p)^(1/p), all pairs of valid samples, self-pairs included
  SNN          mean over valid samples of the highest Tanimoto to a test molecule
  Frag         cosine of BRICS fragment counts (FragmentOnBRICSBonds, MolToSmiles, split '.')
  Scaf         cosine of Murcko scaffold counts (GetScaffoldForMol; at least 2 rings)
T is Tanimoto on GetMorganFingerprintAsBitVect(mol, 2, nBits=1024); 0/0 counts as 1.

Inputs come from Debian's rdkit-data NCI set (/usr/share/RDKit/Data/NCI/first_5K.smi):
  train.smi    lines 1-2000
  test.smi     lines 2001-2500
  samples.smi  lines 1501-2300 (so some are in the training set and some in the test set), every
               7th of them again (duplicates), and a few SMILES RDKit rejects, in a seeded order.
Rerun from the repository root with Debian's python3-rdkit 2022.09.3:
  /usr/bin/python3 scripts/make-moses-reference.py
"""
import json
import os
import random
from collections import Counter

import numpy as np
import rdkit
from rdkit import Chem, DataStructs, RDLogger
from rdkit.Chem import AllChem
from rdkit.Chem.Scaffolds import MurckoScaffold

RDLogger.DisableLog('rdApp.*')
if rdkit.__version__ != '2022.09.3':
    raise SystemExit(f'needs RDKit 2022.09.3 (the one the C++ code links), found {rdkit.__version__}')

OUT = 'tests/data/moses'
NCI = '/usr/share/RDKit/Data/NCI/first_5K.smi'


def read_smiles(path):
    smiles = []
    with open(path) as f:
        for number, line in enumerate(f, 1):
            field = line.split()[0] if line.split() else ''
            if not field or (number == 1 and field in ('smiles', 'SMILES')):
                continue
            smiles.append(field)
    return smiles


def get_mol(smiles):
    if not smiles:
        return None
    mol = Chem.MolFromSmiles(smiles)
    if mol is None:
        return None
    try:
        Chem.SanitizeMol(mol)
    except ValueError:
        return None
    return mol


def fingerprint_matrix(mols):
    rows = []
    for mol in mols:
        fp = AllChem.GetMorganFingerprintAsBitVect(mol, 2, nBits=1024)
        array = np.zeros((1024,), dtype=np.float64)
        DataStructs.ConvertToNumpyArray(fp, array)
        rows.append(array)
    return np.array(rows)


def tanimoto_matrix(a, b):
    common = a @ b.T
    either = a.sum(1)[:, None] + b.sum(1)[None, :] - common
    with np.errstate(invalid='ignore', divide='ignore'):
        t = common / either
    t[np.isnan(t)] = 1.0
    return t


def fragments(mol):
    return Chem.MolToSmiles(AllChem.FragmentOnBRICSBonds(mol)).split('.')


def scaffold(mol):
    try:
        s = MurckoScaffold.GetScaffoldForMol(mol)
    except (ValueError, RuntimeError):
        return None
    rings = s.GetRingInfo().NumRings()
    smiles = Chem.MolToSmiles(s)
    if smiles == '' or rings < 2:
        return None
    return smiles


def cosine(a, b):
    keys = sorted(set(a) | set(b))
    u = np.array([a.get(k, 0) for k in keys], dtype=np.float64)
    v = np.array([b.get(k, 0) for k in keys], dtype=np.float64)
    return float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))


def metrics(samples, test, train):
    mols = [get_mol(s) for s in samples]
    valid = [Chem.MolToSmiles(m) for m in mols if m is not None]
    result = {'validity': len(valid) / len(samples)}
    for name, k in (('unique@1k', 1000), ('unique@10k', 10000)):
        first = valid[:k]
        result[name] = len(set(first)) / len(first)
    train_set = {Chem.MolToSmiles(m) for m in (get_mol(s) for s in train) if m is not None}
    distinct = set(valid)
    result['novelty'] = len(distinct - train_set) / len(distinct)

    gen_mols = [get_mol(s) for s in valid]
    test_mols = [m for m in (get_mol(s) for s in test) if m is not None]
    gen_fps = fingerprint_matrix(gen_mols)
    t = tanimoto_matrix(gen_fps, gen_fps)
    result['IntDiv1'] = float(1 - t.mean(axis=0).mean())
    result['IntDiv2'] = float(1 - np.sqrt((t ** 2).mean(axis=0)).mean())
    result['SNN'] = float(tanimoto_matrix(gen_fps, fingerprint_matrix(test_mols)).max(axis=1).mean())
    count = lambda keys_of, ms: Counter(k for m in ms for k in keys_of(m))
    result['Frag'] = cosine(count(fragments, test_mols), count(fragments, gen_mols))
    scaffolds = lambda m: [s for s in [scaffold(m)] if s is not None]
    result['Scaf'] = cosine(count(scaffolds, test_mols), count(scaffolds, gen_mols))
    return result


def main():
    nci = read_smiles(NCI)
    train, test = nci[:2000], nci[2000:2500]
    samples = nci[1500:2300]
    samples += samples[::7]
    samples += ['C1CC', 'c1cccc1', 'C(C', 'Xx', 'CC(=O)(=O)(=O)C', 'N1=CC=CC=C1=O', 'C%99C']
    random.Random(20251101).shuffle(samples)
    os.makedirs(OUT, exist_ok=True)
    for name, smiles in (('train', train), ('test', test), ('samples', samples)):
        with open(f'{OUT}/{name}.smi', 'w') as f:
            f.write(''.join(s + '\n' for s in smiles))
    result = metrics(samples, test, train)
    with open(f'{OUT}/expected.json', 'w') as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write('\n')
    print(json.dumps(result, indent=2, sort_keys=True))


if __name__ == '__main__':
    main()
