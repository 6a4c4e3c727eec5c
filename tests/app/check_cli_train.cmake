# SPDX-License-Identifier: GPL-3.0-or-later
# paretolab-cli train on the toy task: the summary must show the average
# reward clearly above the prior's, with every key the issue names.
set(summary "${WORK}/toy-summary.json")
file(REMOVE "${summary}")
execute_process(
  COMMAND "${CLI}" train --config "${SOURCE}/resources/tasks/toy.json" --summary "${summary}"
          --cache-dir "${WORK}/cache"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
message(STATUS "${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "train exited with ${rc}: ${err}")
endif()
file(READ "${summary}" json)
string(JSON after GET "${json}" avg_reward)
string(JSON before GET "${json}" initial avg_reward)
foreach(key icv hypervolume per_objective)
  string(JSON value ERROR_VARIABLE missing GET "${json}" ${key})
  if(missing)
    message(FATAL_ERROR "summary lacks ${key}")
  endif()
endforeach()
string(JSON ones GET "${json}" per_objective ones)
math(EXPR dummy "0") # keep CMake's arithmetic out of floats: compare as text below
if(after LESS_EQUAL before)
  message(FATAL_ERROR "average reward did not rise: ${before} -> ${after}")
endif()
# A "clear" rise: at least 0.03 in [0, 1] units.
execute_process(COMMAND awk "BEGIN { exit !(${after} - ${before} >= 0.03) }" RESULT_VARIABLE clear)
if(NOT clear EQUAL 0)
  message(FATAL_ERROR "average reward rose only from ${before} to ${after}")
endif()
message(STATUS "average reward ${before} -> ${after}")
