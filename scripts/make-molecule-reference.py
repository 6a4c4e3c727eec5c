#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes tests/data/molecules/reference.csv, the reference values for the C++ ports of QED
(engine/domains/molecules/qed.cpp) and the SA score (engine/domains/molecules/sascore.cpp).

Takes 250 single-component molecules that RDKit parses from the NCI set
/usr/share/RDKit/Data/NCI/first_5K.smi (lines "SMILES<tab>id"), reading every 20th line to spread
them over the file (lines 0, 20, 40, ...; when that pass runs out it starts again one line later:
1, 21, 41, ...). For each it writes, with full precision (repr):
  smiles  the input SMILES as given in the file
  qed     rdkit.Chem.QED.qed (mean weights)
  sa      sascorer.calculateScore from /usr/share/RDKit/Contrib/SA_Score
  logp    Crippen.MolLogP
  tpsa    rdMolDescriptors.CalcTPSA (= Descriptors.TPSA)
  mw      Descriptors.MolWt

Generated with Debian's python3-rdkit 2022.09.3 (the script refuses any other version, since the
values are only meaningful against the RDKit the C++ code links). Rerun from the repository root:
  /usr/bin/python3 scripts/make-molecule-reference.py
(Debian's /usr/bin/python3, not a pyenv python without RDKit.)
"""
import csv
import os
import sys

import rdkit
from rdkit import Chem, RDLogger
from rdkit.Chem import QED, Crippen, Descriptors, rdMolDescriptors

sys.path.append('/usr/share/RDKit/Contrib/SA_Score')
import sascorer  # noqa: E402

EXPECTED_RDKIT = '2022.09.3'
SOURCE = '/usr/share/RDKit/Data/NCI/first_5K.smi'
COUNT = 250
STRIDE = 20
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, 'tests', 'data', 'molecules', 'reference.csv')


def candidates(lines):
  for offset in range(STRIDE):
    for line in lines[offset::STRIDE]:
      fields = line.split()
      if fields:
        yield fields[0]


def main():
  if rdkit.__version__ != EXPECTED_RDKIT:
    sys.exit(f'expected RDKit {EXPECTED_RDKIT}, found {rdkit.__version__}')
  RDLogger.DisableLog('rdApp.*')
  with open(SOURCE) as f:
    lines = f.read().splitlines()
  rows = []
  for smiles in candidates(lines):
    mol = Chem.MolFromSmiles(smiles)
    if mol is None or len(Chem.GetMolFrags(mol)) != 1:
      continue
    if ',' in smiles or '"' in smiles:
      sys.exit(f'{smiles}: the C++ tests read the CSV without quoting rules')
    qed = QED.qed(mol)
    # calculateScore assigns stereochemistry on the molecule it is given; the other values do
    # not depend on it, but give it its own copy anyway.
    sa = sascorer.calculateScore(Chem.Mol(mol))
    rows.append((smiles, repr(qed), repr(sa), repr(Crippen.MolLogP(mol)),
                 repr(rdMolDescriptors.CalcTPSA(mol)), repr(Descriptors.MolWt(mol))))
    if len(rows) == COUNT:
      break
  if len(rows) < COUNT:
    sys.exit(f'only {len(rows)} usable molecules in {SOURCE}')
  os.makedirs(os.path.dirname(TARGET), exist_ok=True)
  with open(TARGET, 'w', newline='') as f:
    writer = csv.writer(f, lineterminator='\n')
    writer.writerow(('smiles', 'qed', 'sa', 'logp', 'tpsa', 'mw'))
    writer.writerows(rows)
  print(f'wrote {len(rows)} molecules to {TARGET}')


if __name__ == '__main__':
  main()
