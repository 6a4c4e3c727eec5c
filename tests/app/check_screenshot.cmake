# SPDX-License-Identifier: GPL-3.0-or-later
# Runs `paretolab --screenshot OUTPUT --task toy --steps 8` (train, re-merge,
# grab) and checks it exits 0 and writes a PNG.
file(REMOVE "${OUTPUT}")
execute_process(COMMAND "${PROGRAM}" --screenshot "${OUTPUT}" --task toy --steps 8
                RESULT_VARIABLE rc TIMEOUT 200)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "paretolab --screenshot exited with ${rc}")
endif()
if(NOT EXISTS "${OUTPUT}")
  message(FATAL_ERROR "paretolab --screenshot wrote no file")
endif()
file(READ "${OUTPUT}" magic LIMIT 8 HEX)
if(NOT magic STREQUAL "89504e470d0a1a0a")
  message(FATAL_ERROR "${OUTPUT} is not a PNG (starts with ${magic})")
endif()
