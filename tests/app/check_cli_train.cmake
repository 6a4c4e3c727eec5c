# SPDX-License-Identifier: GPL-3.0-or-later
# paretolab-cli train on a task (TASK, default toy): the summary must show the
# average reward at least MIN_RISE above the prior's, with every key the issue
# names, and validity at least MIN_VALIDITY when that is given.
if(NOT TASK)
  set(TASK toy)
endif()
if(NOT MIN_RISE)
  set(MIN_RISE 0.03)
endif()
set(summary "${WORK}/${TASK}-summary.json")
file(REMOVE "${summary}")
execute_process(
  COMMAND "${CLI}" train --config "${SOURCE}/resources/tasks/${TASK}.json" --summary "${summary}"
          --cache-dir "${WORK}/cache"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 3000)
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
if(after LESS_EQUAL before)
  message(FATAL_ERROR "average reward did not rise: ${before} -> ${after}")
endif()
# CMake has no floating-point arithmetic; awk compares.
execute_process(COMMAND awk "BEGIN { exit !(${after} - ${before} >= ${MIN_RISE}) }"
                RESULT_VARIABLE clear)
if(NOT clear EQUAL 0)
  message(FATAL_ERROR "average reward rose only from ${before} to ${after}")
endif()
message(STATUS "average reward ${before} -> ${after}")
if(MIN_VALIDITY)
  string(JSON validity GET "${json}" metrics validity)
  execute_process(COMMAND awk "BEGIN { exit !(${validity} >= ${MIN_VALIDITY}) }"
                  RESULT_VARIABLE valid)
  if(NOT valid EQUAL 0)
    message(FATAL_ERROR "validity fell to ${validity} (at least ${MIN_VALIDITY} expected)")
  endif()
  message(STATUS "validity ${validity}")
endif()
