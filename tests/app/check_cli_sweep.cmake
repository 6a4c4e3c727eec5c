# SPDX-License-Identifier: GPL-3.0-or-later
# paretolab-cli sweep: the Rewarded-Soups front of a stored run's experts. Its
# corners are the experts themselves; a MORLHF run has none and says so.
set(db "${WORK}/sweep-runs.sqlite")
file(REMOVE_RECURSE "${db}" "${WORK}/checkpoints" "${WORK}/front.csv" "${WORK}/front.png" "${WORK}/front.svg")
set(task --config "${SOURCE}/resources/tasks/toy.json" --set training.total_steps=4
    --set training.merge_period=2 --db "${db}" --cache-dir "${WORK}/cache")
execute_process(COMMAND "${CLI}" train ${task} RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 300)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "train exited with ${rc}: ${err}")
endif()
execute_process(
  COMMAND "${CLI}" sweep --db "${db}" --run 1 --divisions 3 --samples 32 --out "${WORK}/front.csv"
          --cache-dir "${WORK}/cache"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 300)
message(STATUS "${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "sweep exited with ${rc}: ${err}")
endif()
file(STRINGS "${WORK}/front.csv" rows)
list(LENGTH rows count)
if(NOT count EQUAL 11) # a header and C(3 + 2, 2) = 10 weight vectors
  message(FATAL_ERROR "expected 10 sweep points, got ${count}: ${rows}")
endif()
list(GET rows 0 header)
if(NOT header MATCHES "^lambda_ones,lambda_alternation,lambda_pattern,ones,alternation,pattern,.*,avg_reward,icv,objective_balance,hypervolume,non_dominated$")
  message(FATAL_ERROR "unexpected header: ${header}")
endif()
list(GET rows 1 first)
if(NOT first MATCHES "^1.0,0.0,0.0,")
  message(FATAL_ERROR "the grid does not start at the first expert: ${first}")
endif()
foreach(plot front.png front.svg)
  file(SIZE "${WORK}/${plot}" size)
  if(size LESS 2000)
    message(FATAL_ERROR "${plot} is missing or empty")
  endif()
endforeach()
# The points stay with the run.
execute_process(COMMAND "${CLI}" export --db "${db}" --run 1 --what front --format csv
                        --out "${WORK}/front-export.csv" RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "export of the front failed: ${err}")
endif()

execute_process(COMMAND "${CLI}" train ${task} --set method=morlhf
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 300)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "MORLHF train exited with ${rc}: ${err}")
endif()
execute_process(COMMAND "${CLI}" sweep --db "${db}" --run 2 --out "${WORK}/none.csv"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "MORLHF: one policy, no experts to sweep")
  message(FATAL_ERROR "a MORLHF sweep should be refused (exit 2), got ${rc}: ${err}")
endif()
