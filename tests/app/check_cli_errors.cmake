# SPDX-License-Identifier: GPL-3.0-or-later
# Bad input ends with a readable message and exit code 2, never a crash.
function(expect_error expected)
  execute_process(COMMAND "${CLI}" ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err TIMEOUT 120)
  if(NOT rc EQUAL 2)
    message(FATAL_ERROR "`${ARGN}` exited with ${rc} (expected 2): ${err}")
  endif()
  if(NOT err MATCHES "${expected}")
    message(FATAL_ERROR "`${ARGN}` said:\n${err}\nexpected to match: ${expected}")
  endif()
endfunction()

expect_error("bad-merge-period.json:6: training.merge_period: must be an integer of at least 1"
  train --config "${SOURCE}/tests/data/bad-merge-period.json" --cache-dir "${WORK}/cache")
expect_error("training.total_steps: must be an integer of at least 1, got \"lots\""
  train --config "${SOURCE}/resources/tasks/toy.json" --set training.total_steps=lots
  --cache-dir "${WORK}/cache")

file(WRITE "${WORK}/corrupt.plckpt" "PARETOLB this is not a real checkpoint")
expect_error("checkpoint .*corrupt.plckpt: "
  train --config "${SOURCE}/resources/tasks/toy.json" --prior "${WORK}/corrupt.plckpt"
  --cache-dir "${WORK}/cache")

# Messages a user can act on: numbers as written, ranges in words, the whole
# file named when it is not an object, and a missing file is exit code 2 too.
file(WRITE "${WORK}/huge.json"
  "{ \"domain\": \"toy\", \"objectives\": [ { \"name\": \"ones\", \"weight\": 1e12 } ] }")
expect_error("objectives.0.weight: must be a number from 0 to 1e\\+06, got 1e\\+12"
  train --config "${WORK}/huge.json" --cache-dir "${WORK}/cache")
file(WRITE "${WORK}/rate.json"
  "{ \"domain\": \"toy\", \"objectives\": [ { \"name\": \"ones\" } ], \"training\": { \"ppo\": { \"learning_rate\": 20 } } }")
expect_error("must be a number above 0 and at most 10, got 20"
  train --config "${WORK}/rate.json" --cache-dir "${WORK}/cache")
file(WRITE "${WORK}/array.json" "[1, 2]")
expect_error("array.json: the task must be an object, got \\[1,2\\]"
  train --config "${WORK}/array.json" --cache-dir "${WORK}/cache")
expect_error("cannot open .*no-such-task.json"
  train --config "${WORK}/no-such-task.json" --cache-dir "${WORK}/cache")
expect_error("no-such-task: no such task file, and no bundled task of that name"
  train --config no-such-task --cache-dir "${WORK}/cache")
