# SPDX-License-Identifier: GPL-3.0-or-later
# The same task and seed give the same run in two processes, each pretraining
# its own prior into an empty cache (LibTorch's default generator is seeded
# from the OS unless ParetoLab seeds it).
foreach(run a b)
  file(REMOVE_RECURSE "${WORK}/reproducible-${run}")
  execute_process(
    COMMAND "${CLI}" train --config "${SOURCE}/resources/tasks/toy.json"
            --set training.total_steps=6 --set pretrain.epochs=2
            --summary "${WORK}/reproducible-${run}.json" --cache-dir "${WORK}/reproducible-${run}"
    RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 240)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "run ${run} exited with ${rc}: ${err}")
  endif()
  file(READ "${WORK}/reproducible-${run}.json" json_${run})
  string(JSON avg_${run} GET "${json_${run}}" avg_reward)
  string(JSON samples_${run} GET "${json_${run}}" samples)
endforeach()
if(NOT avg_a STREQUAL avg_b OR NOT samples_a STREQUAL samples_b)
  message(FATAL_ERROR "two runs with the same seed differ: ${avg_a} vs ${avg_b}")
endif()
message(STATUS "both runs: average reward ${avg_a}")
