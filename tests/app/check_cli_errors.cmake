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
