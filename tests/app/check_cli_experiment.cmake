# SPDX-License-Identifier: GPL-3.0-or-later
# paretolab-cli experiment: a CSV row per cell (method, m, seed), a Markdown
# table with 95 % intervals, a plot in PNG and SVG; run again, it resumes
# from the cells already done instead of training them again.
set(table "${WORK}/ablation.csv")
file(REMOVE_RECURSE "${table}" "${WORK}/ablation.md" "${WORK}/ablation.png" "${WORK}/ablation.svg"
     "${WORK}/ablation.cells")
set(command "${CLI}" experiment --config "${SOURCE}/resources/tasks/toy.json"
    --methods morlhf,iterativers,rs --m 1,4 --set training.total_steps=6
    --set training.evaluation_batch=32 --out "${table}" --cache-dir "${WORK}/cache")
execute_process(COMMAND ${command} --seeds 2
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 600)
message(STATUS "${out}\n${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "experiment exited with ${rc}: ${err}")
endif()
file(STRINGS "${table}" rows)
list(LENGTH rows count)
if(NOT count EQUAL 9)
  message(FATAL_ERROR "expected a header and 8 rows (4 methods or periods x 2 seeds), got ${count}: ${rows}")
endif()
list(GET rows 0 header)
set(expected_header "method,m,seed,avg_reward,icv,objective_balance,ones,alternation,pattern,optimizer_at_merge,valid_unique_avg_reward,valid_unique_icv")
if(NOT header STREQUAL expected_header)
  message(FATAL_ERROR "unexpected header: ${header}")
endif()
foreach(expected "^MORLHF,-,1," "^IterativeRS,1,2," "^IterativeRS,4,1," "^RS,T,2,")
  set(found FALSE)
  foreach(row IN LISTS rows)
    if(row MATCHES "${expected}")
      set(found TRUE)
    endif()
  endforeach()
  if(NOT found)
    message(FATAL_ERROR "no row matches ${expected}")
  endif()
endforeach()
file(READ "${WORK}/ablation.md" markdown)
if(NOT markdown MATCHES "\\| MORLHF \\| - \\| 2 \\| [0-9.]+ ± [0-9.]+ \\|"
   OR NOT markdown MATCHES "\\| RS \\| T \\| 2 \\|" OR NOT markdown MATCHES "95 %")
  message(FATAL_ERROR "the Markdown table with 95 % intervals is missing:\n${markdown}")
endif()
foreach(plot ablation.png ablation.svg)
  file(SIZE "${WORK}/${plot}" size)
  if(size LESS 2000)
    message(FATAL_ERROR "${plot} is missing or empty (${size} bytes)")
  endif()
endforeach()

# A third seed: the eight cells done are kept, only the four new ones train.
execute_process(COMMAND ${command} --seeds 3
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 600)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the resumed experiment exited with ${rc}: ${err}")
endif()
if(NOT err MATCHES "12 cells \\(8 done before\\)")
  message(FATAL_ERROR "the experiment did not resume from its cells:\n${err}")
endif()
file(STRINGS "${table}" rows)
list(LENGTH rows count)
if(NOT count EQUAL 13)
  message(FATAL_ERROR "expected 12 rows after the third seed, got ${count}")
endif()
