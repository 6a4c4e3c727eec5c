# SPDX-License-Identifier: GPL-3.0-or-later
# The priors issue's bar for the shipped ChEMBL prior, measured as a user would:
# 10,000 samples from `sample --config molecules` (the task's sampling), then the
# MOSES-style metrics against the held-out split: validity >= 0.95,
# unique@10k >= 0.99, novelty >= 0.80.
execute_process(
  COMMAND "${CLI}" sample --config molecules --count 10000 --seed 1 --out "${WORK}/shipped.smi"
  RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 900)
if(NOT rc EQUAL 0 OR NOT err MATCHES "wrote 10000 samples")
  message(FATAL_ERROR "sample --config molecules failed (${rc}): ${err}")
endif()
execute_process(
  COMMAND "${CLI}" metrics --config molecules --input "${WORK}/shipped.smi"
          --test "${SOURCE}/resources/priors/chembl-heldout.smi" --out "${WORK}/shipped.json"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 1200)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "metrics failed (${rc}): ${out}${err}")
endif()
file(READ "${WORK}/shipped.json" json)
foreach(bar "validity;0.95" "unique@10k;0.99" "novelty;0.80")
  list(GET bar 0 metric)
  list(GET bar 1 least)
  string(JSON value GET "${json}" "${metric}")
  if(value LESS least)
    message(FATAL_ERROR "${metric} of the shipped prior is ${value}, below ${least}: ${json}")
  endif()
  message(STATUS "${metric} ${value} (at least ${least})")
endforeach()
