# SPDX-License-Identifier: GPL-3.0-or-later
# paretolab-cli score: raw values in CSV, the input SMILES as given, bad lines
# skipped and counted, values equal to RDKit's Python to 1e-6.
set(out "${WORK}/scores.csv")
file(REMOVE "${out}")
execute_process(
  COMMAND "${CLI}" score --domain molecules --objectives qed,sa,logp,tpsa,mw
          --input "${SOURCE}/tests/data/molecules/score-input.smi" --output "${out}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE stdout ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "score exited with ${rc}: ${err}")
endif()
if(NOT err MATCHES "scored 6 samples; skipped 2 line")
  message(FATAL_ERROR "unexpected summary on stderr: ${err}")
endif()
file(STRINGS "${out}" rows)
list(LENGTH rows count)
list(GET rows 0 header)
if(NOT count EQUAL 7 OR NOT header STREQUAL "sample,qed,sa,logp,tpsa,mw")
  message(FATAL_ERROR "unexpected CSV (${count} lines):\n${rows}")
endif()
# Compare rows 1-5 with the reference set, field by field.
file(STRINGS "${SOURCE}/tests/data/molecules/reference.csv" reference)
foreach(i RANGE 1 5)
  list(GET rows ${i} got)
  list(GET reference ${i} want)
  string(REPLACE "," ";" got "${got}")
  string(REPLACE "," ";" want "${want}")
  list(GET got 0 smiles_got)
  list(GET want 0 smiles_want)
  if(NOT smiles_got STREQUAL smiles_want)
    message(FATAL_ERROR "row ${i}: smiles ${smiles_got} != ${smiles_want}")
  endif()
  foreach(column RANGE 1 5)
    list(GET got ${column} a)
    list(GET want ${column} b)
    execute_process(COMMAND awk "BEGIN { d = ${a} - (${b}); exit !(d < 1e-6 && d > -1e-6) }"
                    RESULT_VARIABLE close)
    if(NOT close EQUAL 0)
      message(FATAL_ERROR "row ${i} column ${column}: ${a} != ${b}")
    endif()
  endforeach()
endforeach()
list(GET rows 6 last)
if(NOT last MATCHES "^c1ccccc1,")
  message(FATAL_ERROR "the last row should be benzene as given: ${last}")
endif()

# Bad input in bounded time: a 5,000-character SMILES (RDKit's parser is
# superlinear: minutes) and binary garbage are skipped with a reason, never
# parsed and never echoed into the CSV.
set(bad "${WORK}/bad-input.smi")
string(REPEAT "C" 5000 long_line)
file(WRITE "${bad}" "CCO\n${long_line}\n")
file(APPEND "${bad}" "c1ccccc1\n")
execute_process(COMMAND printf "\\377\\376\\001garbage\\n" OUTPUT_VARIABLE garbage)
file(APPEND "${bad}" "${garbage}")
file(APPEND "${bad}" "CCN\n")
set(out "${WORK}/bad-scores.csv")
execute_process(
  COMMAND "${CLI}" score --domain molecules --objectives qed --input "${bad}" --output "${out}"
  RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 30)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "score of bad input exited with ${rc}: ${err}")
endif()
if(NOT err MATCHES "line 2: skipped: line of 5000 bytes is longer than the limit of 500"
   OR NOT err MATCHES "line 4: skipped: not valid UTF-8"
   OR NOT err MATCHES "scored 3 samples; skipped 2 lines")
  message(FATAL_ERROR "unexpected messages for bad input:\n${err}")
endif()
file(READ "${out}" csv)
if(NOT csv MATCHES "^sample,qed\nCCO,[0-9.]+\nc1ccccc1,[0-9.]+\nCCN,[0-9.]+\n$")
  message(FATAL_ERROR "unexpected CSV for bad input:\n${csv}")
endif()

# DNA from FASTA: rows named by the record ids, in order; every bad record
# (too short, N, an IUPAC code, no sequence) named with its line and reason,
# soft-masked lower case kept with a note, Windows line ends read.
set(out "${WORK}/dna-scores.csv")
execute_process(
  COMMAND "${CLI}" score --domain dna --objectives k562,hepg2,sknsh
          --input "${SOURCE}/tests/data/dna/score-input.fa" --output "${out}"
  RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "score --domain dna exited with ${rc}: ${err}")
endif()
foreach(expected
    "line 16 \\(too_short\\): skipped: 8 bases, not 200"
    "line 18 \\(with_n\\): skipped: position 121: 'N' is not A, C, G or T"
    "line 23 \\(iupac\\): skipped: position 58: 'Y' is not A, C, G or T"
    "line 28 \\(empty\\): skipped: empty record"
    "line 11 \\(soft_masked\\): note: lower-case"
    "scored 3 samples; skipped 4 lines")
  if(NOT err MATCHES "${expected}")
    message(FATAL_ERROR "no message matching '${expected}' in:\n${err}")
  endif()
endforeach()
file(STRINGS "${out}" rows)
list(LENGTH rows count)
list(GET rows 0 header)
if(NOT count EQUAL 4 OR NOT header STREQUAL "id,k562,hepg2,sknsh")
  message(FATAL_ERROR "unexpected DNA CSV (${count} lines):\n${rows}")
endif()
list(GET rows 1 gata)
list(GET rows 2 second)
list(GET rows 3 third)
if(NOT second MATCHES "^hnf1_sites," OR NOT third MATCHES "^soft_masked,")
  message(FATAL_ERROR "rows out of order:\n${rows}")
endif()
# Planted GATA sites: the erythroid K562 activity is above the liver HepG2 one.
string(REPLACE "," ";" gata "${gata}")
list(GET gata 0 id)
list(GET gata 1 k562)
list(GET gata 2 hepg2)
if(NOT id STREQUAL "gata_sites" OR NOT k562 GREATER hepg2)
  message(FATAL_ERROR "planted GATA sites: k562 ${k562} should exceed hepg2 ${hepg2}")
endif()

# Summaries from JSON Lines: `id` is the 0-based line number; a line that is
# not JSON, or lacks a field, is named by its line and the others are scored;
# an empty summary is skipped as invalid.
set(out "${WORK}/text-scores.csv")
execute_process(
  COMMAND "${CLI}" score --domain text --objectives rouge1,rouge2,rougeL,faithful
          --input "${SOURCE}/tests/data/text/score-input.jsonl" --output "${out}"
  RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "score --domain text exited with ${rc}: ${err}")
endif()
foreach(expected
    "line 3 \\(2\\): skipped: not a JSON object"
    "line 4 \\(3\\): skipped: lacks the string field\\(s\\) \"reference\""
    "line 6 \\(5\\): skipped: the summary is empty"
    "scored 3 samples; skipped 3 lines")
  if(NOT err MATCHES "${expected}")
    message(FATAL_ERROR "no message matching '${expected}' in:\n${err}")
  endif()
endforeach()
file(READ "${out}" csv)
# Line 1: "plain text note keeper" against "note keeper for plain text files":
# ROUGE-1 F1 = 2 * (4/4) * (4/6) / (4/4 + 4/6) = 0.8; bigrams: "plain text",
# "note keeper" of 3 and 5 -> F1 0.5; LCS "note keeper" or "plain text": 2 ->
# F1 2 * 0.5 * (1/3) / (0.5 + 1/3) = 0.4; of the content words plain, text,
# note, keeper the source has plain and text ("notes" and "keeps" are other
# words without a stemmer) -> faithful 0.5. Line 2 is identical to its
# reference; line 7 shares nothing with its source or reference.
set(expected_csv "id,rouge1,rouge2,rougeL,faithful\n0,0.8,0.5,0.4,0.5\n1,1,1,1,1\n6,0,0,0,0\n")
if(NOT csv STREQUAL expected_csv)
  message(FATAL_ERROR "unexpected summaries CSV:\n${csv}\nexpected:\n${expected_csv}")
endif()

# Fluency is the prior's judgement: without --prior the command says so.
execute_process(
  COMMAND "${CLI}" score --domain text --objectives fluency
          --input "${SOURCE}/tests/data/text/score-input.jsonl" --output "${out}"
  RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 60)
if(rc EQUAL 0 OR NOT err MATCHES "fluency is judged by a prior model: give its checkpoint with --prior")
  message(FATAL_ERROR "score of fluency without a prior: exit ${rc}, ${err}")
endif()
