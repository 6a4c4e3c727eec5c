# SPDX-License-Identifier: GPL-3.0-or-later
# paretolab-cli experiment: a CSV row per cell (method, m, seed), a Markdown
# table with 95 % intervals and each cell's swept front, a plot in PNG and
# SVG; run again, it resumes from the cells already done instead of training
# them again.
set(table "${WORK}/ablation.csv")
file(REMOVE_RECURSE "${table}" "${WORK}/ablation.md" "${WORK}/ablation.png" "${WORK}/ablation.svg"
     "${WORK}/ablation.cells")
set(command "${CLI}" experiment --config "${SOURCE}/resources/tasks/toy.json"
    --methods morlhf,iterativers,rs,clp,ric --m 1,4 --sweep 2 --set training.total_steps=6
    --set training.evaluation_batch=32 --out "${table}" --cache-dir "${WORK}/cache")
execute_process(COMMAND ${command} --seeds 2
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 600)
message(STATUS "${out}\n${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "experiment exited with ${rc}: ${err}")
endif()
file(STRINGS "${table}" rows)
list(LENGTH rows count)
if(NOT count EQUAL 13)
  message(FATAL_ERROR "expected a header and 12 rows (6 methods or periods x 2 seeds), got ${count}: ${rows}")
endif()
list(GET rows 0 header)
set(expected_header "method,m,seed,avg_reward,icv,objective_balance,ones,alternation,pattern,optimizer_at_merge,valid_unique_avg_reward,valid_unique_icv,front_hypervolume,seconds")
if(NOT header STREQUAL expected_header)
  message(FATAL_ERROR "unexpected header: ${header}")
endif()
# Every cell has its front's hypervolume (above 0) and its wall time.
foreach(expected "^MORLHF,-,1,.*,0\\.[0-9]+,[0-9.]+$" "^IterativeRS,1,2," "^IterativeRS,4,1,"
        "^RS,T,2,.*,0\\.[0-9]+,[0-9.]+$" "^CLP,-,1,.*,0\\.[0-9]+,[0-9.]+$"
        "^RiC,-,2,.*,[0-9.]+,[0-9.]+$")
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
   OR NOT markdown MATCHES "\\| RS \\| T \\| 2 \\|" OR NOT markdown MATCHES "95 %"
   OR NOT markdown MATCHES "\\| CLP \\| - \\| 2 \\|" OR NOT markdown MATCHES "\\| RiC \\| - \\| 2 \\|"
   OR NOT markdown MATCHES "front hypervolume")
  message(FATAL_ERROR "the Markdown table with 95 % intervals is missing:\n${markdown}")
endif()
foreach(plot ablation.png ablation.svg)
  file(SIZE "${WORK}/${plot}" size)
  if(size LESS 2000)
    message(FATAL_ERROR "${plot} is missing or empty (${size} bytes)")
  endif()
endforeach()

# A third seed, without --sweep: the twelve cells done are kept, only the six new ones
# train, and their summaries without a front do not upset the table.
list(REMOVE_ITEM command --sweep 2)
execute_process(COMMAND ${command} --seeds 3
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 600)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the resumed experiment exited with ${rc}: ${err}")
endif()
if(NOT err MATCHES "18 cells \\(12 done before\\)")
  message(FATAL_ERROR "the experiment did not resume from its cells:\n${err}")
endif()
file(STRINGS "${table}" rows)
list(LENGTH rows count)
if(NOT count EQUAL 19)
  message(FATAL_ERROR "expected 18 rows after the third seed, got ${count}")
endif()
