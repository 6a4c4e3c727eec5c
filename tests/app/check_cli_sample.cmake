# SPDX-License-Identifier: GPL-3.0-or-later
# paretolab-cli sample from a task's prior, a stored run's merged policy, and its
# experts re-merged with weights; then metrics of what it wrote.
set(db "${WORK}/sample-runs.sqlite")
file(REMOVE_RECURSE "${db}" "${WORK}/checkpoints")
set(cache --cache-dir "${WORK}/cache")
execute_process(
  COMMAND "${CLI}" train --config "${SOURCE}/resources/tasks/toy.json" --set training.total_steps=4
          --set training.merge_period=2 --db "${db}" ${cache}
  RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 300)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "train exited with ${rc}: ${err}")
endif()

# The task's prior, scored.
execute_process(
  COMMAND "${CLI}" sample --config "${SOURCE}/resources/tasks/toy.json" ${cache} --count 50
          --objectives ones,pattern --out "${WORK}/prior-samples.csv"
  RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0 OR NOT err MATCHES "wrote 50 samples")
  message(FATAL_ERROR "sample --config failed (${rc}): ${err}")
endif()
file(STRINGS "${WORK}/prior-samples.csv" rows)
list(LENGTH rows count)
list(GET rows 0 header)
if(NOT count EQUAL 51 OR NOT header MATCHES "^sample,ones,pattern$")
  message(FATAL_ERROR "expected a header and 50 scored rows, got ${count}: ${header}")
endif()

# The task's sampling is the default: its evaluation temperature, which an
# explicit --temperature overrides; both draw the same samples.
execute_process(
  COMMAND "${CLI}" sample --config "${SOURCE}/resources/tasks/toy.json" ${cache} --count 30 --seed 3
          --set training.evaluation.temperature=0.5
  RESULT_VARIABLE rc OUTPUT_VARIABLE task_tempered ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0 OR NOT err MATCHES "at temperature 0.5, top-p 1")
  message(FATAL_ERROR "sample should use the task's temperature 0.5 (${rc}): ${err}")
endif()
foreach(temperature 0.5 1)
  execute_process(
    COMMAND "${CLI}" sample --config "${SOURCE}/resources/tasks/toy.json" ${cache} --count 30 --seed 3
            --temperature ${temperature}
    RESULT_VARIABLE rc OUTPUT_VARIABLE tempered_${temperature} ERROR_VARIABLE err TIMEOUT 120)
  if(NOT rc EQUAL 0 OR NOT err MATCHES "at temperature ${temperature},")
    message(FATAL_ERROR "sample --temperature ${temperature} failed (${rc}): ${err}")
  endif()
endforeach()
if(NOT task_tempered STREQUAL tempered_0.5 OR task_tempered STREQUAL tempered_1)
  message(FATAL_ERROR "the task's temperature should sample as --temperature 0.5 does, "
                      "and unlike temperature 1")
endif()

# The shipped molecule task: its prior at once, at the task's temperature 0.8,
# on stdout one SMILES per line (its domain has no plain-text format).
execute_process(
  COMMAND "${CLI}" sample --config molecules ${cache} --count 3
  RESULT_VARIABLE rc OUTPUT_VARIABLE smiles ERROR_VARIABLE err TIMEOUT 120)
string(REGEX MATCHALL "\n" lines "${smiles}")
list(LENGTH lines count)
if(NOT rc EQUAL 0 OR NOT count EQUAL 3 OR NOT err MATCHES "priors/chembl.plckpt at temperature 0.8,")
  message(FATAL_ERROR "sample --config molecules failed (${rc}): ${smiles}${err}")
endif()

# The run's merged policy, one sample per line.
execute_process(
  COMMAND "${CLI}" sample --db "${db}" --run 1 ${cache} --count 40 --out "${WORK}/merged.txt"
  RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0 OR NOT err MATCHES "merged policy of run 1, round 2")
  message(FATAL_ERROR "sample --run failed (${rc}): ${err}")
endif()
file(STRINGS "${WORK}/merged.txt" merged)
list(LENGTH merged count)
if(NOT count EQUAL 40)
  message(FATAL_ERROR "expected 40 samples, got ${count}")
endif()

# Re-merged with weights, on stdout: the same seed gives the same samples.
foreach(attempt first second)
  execute_process(
    COMMAND "${CLI}" sample --db "${db}" --run 1 ${cache} --weights 1,0,0 --count 20 --seed 7
    RESULT_VARIABLE rc OUTPUT_VARIABLE out_${attempt} ERROR_VARIABLE err TIMEOUT 120)
  if(NOT rc EQUAL 0 OR NOT err MATCHES "re-merged with weights 1,0,0")
    message(FATAL_ERROR "sample --weights failed (${rc}): ${err}")
  endif()
endforeach()
string(REGEX MATCHALL "\n" lines "${out_first}")
list(LENGTH lines count)
if(NOT count EQUAL 20 OR NOT out_first STREQUAL out_second)
  message(FATAL_ERROR "expected the same 20 lines twice:\n${out_first}\n--\n${out_second}")
endif()
execute_process(
  COMMAND "${CLI}" sample --db "${db}" --run 1 ${cache} --weights 1,0
  RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc EQUAL 2 OR NOT err MATCHES "2 given, the run has 3 objectives")
  message(FATAL_ERROR "a short --weights should be refused (${rc}): ${err}")
endif()

# Metrics of the file, as JSON.
execute_process(
  COMMAND "${CLI}" metrics --domain toy --input "${WORK}/merged.txt" --out "${WORK}/metrics.json"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc EQUAL 0 OR NOT out MATCHES "validity +[01]\\.[0-9]+" OR NOT out MATCHES "novelty")
  message(FATAL_ERROR "metrics failed (${rc}): ${out}${err}")
endif()
file(READ "${WORK}/metrics.json" json)
string(JSON samples GET "${json}" samples)
string(JSON validity GET "${json}" validity)
if(NOT samples EQUAL 40 OR validity LESS 0.5)
  message(FATAL_ERROR "unexpected metrics: ${json}")
endif()
